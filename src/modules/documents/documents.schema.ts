/**
 * TypeBox schemas of the documents' content (the one validation layer both the issuing service and the API use).
 * They mirror the types of `src/core/documents/model.ts`; the assertions at the end fail the typecheck if the two
 * drift apart.
 */
import { Type, type Static, type TSchema } from 'typebox';
import {
  DOCUMENT_KINDS,
  DOCUMENT_SOURCE_TYPES,
  SIGNATURE_ROLES,
  type DocumentKind,
  type DocumentSignature,
  type DocumentSource,
  type ContentOf,
} from '../../core/documents/model.ts';

const Text = (max = 200, min = 1) => Type.String({ minLength: min, maxLength: max });
const LongText = (max = 4000) => Type.String({ minLength: 1, maxLength: max });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 });
const Instant = Type.String({ format: 'date-time', maxLength: 40 });
const Lines = (max: number, each = 300) => Type.Array(Text(each), { maxItems: max });
/** A union of string literals whose static type is the literals' union. */
const OneOf = <T extends string>(values: readonly T[]) => Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))));

export const OfficerSchema = Type.Object({ name: Text(40), certificateNo: Text(40) });
const Officers = Type.Array(OfficerSchema, { minItems: 2, maxItems: 10 });

export const PersonSchema = Type.Object({
  name: Text(40),
  title: Type.Optional(Text(60)),
  idNumber: Type.Optional(Type.String({ pattern: '^\\d{17}[\\dXx]$' })),
  phone: Type.Optional(Text(30)),
  address: Type.Optional(Text(200)),
});

export const RemedySchema = Type.Object({ reconsiderationBody: Text(80), court: Type.Optional(Text(80)) });

export const FindingSchema = Type.Object({
  item: Text(300),
  description: LongText(1000),
  legalBasis: Type.Optional(Text(300)),
  major: Type.Optional(Type.Boolean()),
  location: Type.Optional(Text(200)),
  hazardId: Type.Optional(Type.Integer({ minimum: 1 })),
});

const InspectionRecord = Type.Object({
  kind: Type.Literal('inspection_record'),
  place: Text(200),
  startedAt: Instant,
  endedAt: Instant,
  inspectors: Officers,
  onSiteRepresentative: PersonSchema,
  situation: LongText(4000),
  findings: Type.Array(FindingSchema, { maxItems: 200 }),
  certificatesChecked: Type.Optional(Lines(100)),
});

const OnSiteMeasures = Type.Object({
  kind: Type.Literal('onsite_measures'),
  findings: Type.Array(FindingSchema, { minItems: 1, maxItems: 100 }),
  legalBasis: Type.Optional(Text(300)),
  measures: Type.Array(
    Type.Object({
      type: OneOf(['evacuate', 'suspend_production', 'stop_use', 'seal', 'other'] as const),
      text: Text(500),
    }),
    { minItems: 1, maxItems: 20 },
  ),
  inspectors: Officers,
  remedy: Type.Optional(RemedySchema),
});

const RectificationOrder = Type.Object({
  kind: Type.Literal('rectification_order'),
  items: Type.Array(
    Type.Object({
      description: LongText(1000),
      legalBasis: Type.Optional(Text(300)),
      major: Type.Optional(Type.Boolean()),
      hazardId: Type.Optional(Type.Integer({ minimum: 1 })),
      immediate: Type.Boolean(),
      deadline: Type.Optional(Day),
    }),
    { minItems: 1, maxItems: 200 },
  ),
  inspectors: Officers,
  remedy: Type.Optional(RemedySchema),
});

const ReviewOpinion = Type.Object({
  kind: Type.Literal('review_opinion'),
  original: Type.Object({
    kind: OneOf(DOCUMENT_KINDS),
    number: Text(60),
    issuedOn: Day,
  }),
  reviewedOn: Day,
  results: Type.Array(Type.Object({ item: Text(500), rectified: Type.Boolean(), note: Type.Optional(Text(500)) }), {
    minItems: 1,
    maxItems: 200,
  }),
  opinion: LongText(2000),
  conclusion: Type.Union([Type.Literal('passed'), Type.Literal('failed')]),
  inspectors: Officers,
});

const CaseFiling = Type.Object({
  kind: Type.Literal('case_filing'),
  caseName: Text(200),
  caseSource: Text(100),
  cause: Text(300),
  responsiblePerson: Type.Optional(PersonSchema),
  summary: LongText(4000),
  handlers: Officers,
  handlerOpinion: LongText(1000),
  reviewOpinion: Type.Optional(LongText(1000)),
  approvalOpinion: LongText(1000),
});

export const PenaltySchema = Type.Object({
  target: Type.Union([Type.Literal('unit'), Type.Literal('person')]),
  violated: Text(500),
  basis: Text(500),
  fineYuan: Type.Union([Type.Number({ minimum: 0, maximum: 100_000_000, multipleOf: 0.01 }), Type.Null()]),
  other: Type.Optional(Lines(10, 100)),
});

const PenaltyNotice = Type.Object({
  kind: Type.Literal('penalty_notice'),
  responsiblePerson: Type.Optional(PersonSchema),
  facts: LongText(4000),
  penalties: Type.Array(PenaltySchema, { minItems: 1, maxItems: 10 }),
  hearingRight: Type.Boolean(),
  contact: Type.Object({ name: Text(40), phone: Text(30), address: Text(200) }),
});

const PenaltyDecision = Type.Object({
  kind: Type.Literal('penalty_decision'),
  responsiblePerson: Type.Optional(PersonSchema),
  facts: LongText(4000),
  evidence: Type.Array(Text(500), { minItems: 1, maxItems: 50 }),
  statementHeard: Type.Optional(LongText(2000)),
  penalties: Type.Array(PenaltySchema, { minItems: 1, maxItems: 10 }),
  payment: Type.Optional(Type.Object({ bank: Text(100), accountName: Text(100), account: Text(40) })),
  remedy: Type.Optional(RemedySchema),
});

const CriminalTransfer = Type.Object({
  kind: Type.Literal('criminal_transfer'),
  publicSecurityOrgan: Text(100),
  suspectedCrime: Text(100),
  suspects: Type.Optional(Type.Array(PersonSchema, { maxItems: 20 })),
  facts: LongText(4000),
  attachments: Type.Array(Text(200), { minItems: 1, maxItems: 30 }),
  procuratorate: Type.Optional(Text(100)),
});

/** The content schema of each kind. */
export const CONTENT_SCHEMAS = {
  inspection_record: InspectionRecord,
  onsite_measures: OnSiteMeasures,
  rectification_order: RectificationOrder,
  review_opinion: ReviewOpinion,
  case_filing: CaseFiling,
  penalty_notice: PenaltyNotice,
  penalty_decision: PenaltyDecision,
  criminal_transfer: CriminalTransfer,
} satisfies Record<DocumentKind, TSchema>;

export const ContentSchema = Type.Union(Object.values(CONTENT_SCHEMAS));

/** A drawn signature: PNG as base64 (≤ 512 KB decoded) or a reference into the caller's store. */
export const SignatureSchema = Type.Object({
  role: OneOf(SIGNATURE_ROLES),
  name: Text(40),
  certificateNo: Type.Optional(Text(40)),
  image: Type.Optional(
    Type.Union([
      Type.Object({ pngBase64: Type.String({ minLength: 8, maxLength: 700_000 }) }),
      Type.Object({ fileRef: Text(300) }),
    ]),
  ),
  signedAt: Instant,
});

export const SourceSchema = Type.Object({
  type: OneOf(DOCUMENT_SOURCE_TYPES),
  id: Type.Integer({ minimum: 1 }),
});

// ── the schemas and the core's types must agree (a drift fails `npm run typecheck`) ──
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree = <T extends true>(): T => true as T;
agree<Same<Static<typeof InspectionRecord>, ContentOf<'inspection_record'>>>();
agree<Same<Static<typeof OnSiteMeasures>, ContentOf<'onsite_measures'>>>();
agree<Same<Static<typeof RectificationOrder>, ContentOf<'rectification_order'>>>();
agree<Same<Static<typeof ReviewOpinion>, ContentOf<'review_opinion'>>>();
agree<Same<Static<typeof CaseFiling>, ContentOf<'case_filing'>>>();
agree<Same<Static<typeof PenaltyNotice>, ContentOf<'penalty_notice'>>>();
agree<Same<Static<typeof PenaltyDecision>, ContentOf<'penalty_decision'>>>();
agree<Same<Static<typeof CriminalTransfer>, ContentOf<'criminal_transfer'>>>();
agree<Same<Static<typeof SignatureSchema>, DocumentSignature>>();
agree<Same<Static<typeof SourceSchema>, DocumentSource>>();
