import { Type } from 'typebox';
import { Nullable } from '../../http/schemas.ts';

export const ClientId = Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: 'an id the phone generates (UUID), so a retry is recognised' });
export const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 });
const L = <T extends string>(...v: T[]) => Type.Union(v.map((x) => Type.Literal(x)));

export const Reason = L('complaint', 'campaign', 'follow_up', 'other');
export const ItemResultSchema = L('compliant', 'hazard', 'not_applicable');
export const LevelSchema = L('general', 'major');
export const PersonRoleSchema = L('principal', 'safety_manager', 'special_operator', 'other');
export const QuizRoleSchema = L('principal', 'safety_manager', 'special_operator');
export const CertificateCategorySchema = L(
  'electrician', 'welding', 'working_at_height', 'refrigeration', 'coal_mine', 'metal_mine', 'oil_gas', 'metallurgy', 'hazchem', 'fireworks', 'special_other',
  'safety_qualification', 'special_equipment', 'none',
);
export const CertificateResultSchema = L('valid', 'expired', 'missing', 'mismatch');
export const MeasureKindSchema = L('evacuate', 'suspend_work', 'stop_use', 'other');

export const FindingSchema = Type.Object({
  description: Type.String({ maxLength: 1000 }),
  location: Type.String({ maxLength: 200 }),
  level: Nullable(LevelSchema),
  deadline: Nullable(DateStr),
  responsiblePerson: Type.String({ maxLength: 60 }),
  fixedOnSite: Type.Boolean(),
});

export const PhotoSchema = Type.Object(
  {
    id: Type.Integer(),
    clientId: Nullable(Type.String()),
    url: Type.String(),
    thumbUrl: Type.String(),
    sha256: Type.String(),
    width: Type.Integer(),
    height: Type.Integer(),
    bytes: Type.Integer(),
    purpose: L('finding', 'before', 'after', 'evidence'),
    checklistId: Nullable(Type.Integer()),
    hazardId: Nullable(Type.Integer()),
    takenAt: Nullable(Type.String()),
    receivedAt: Type.String(),
    uploadedBy: Type.Object({ id: Type.Integer(), name: Type.String() }),
  },
  { $id: 'Photo' },
);

export const InspectionSummarySchema = Type.Object(
  {
    id: Type.Integer(),
    code: Type.String(),
    clientId: Type.String(),
    status: L('draft', 'signing', 'signed', 'cancelled'),
    kind: L('planned', 'unplanned'),
    reason: Nullable(Reason),
    reasonNote: Type.String(),
    enterprise: Type.Object({ id: Type.Integer(), name: Type.String(), uscc: Type.String(), regionCode: Type.String(), industryDomain: Type.String() }),
    department: Type.Object({ id: Type.Integer(), name: Type.String(), line: Type.String() }),
    visit: Nullable(Type.Object({ id: Type.Integer(), code: Type.String(), date: Type.String() })),
    startedBy: Type.Object({ id: Type.Integer(), name: Type.String() }),
    startedAt: Type.String(),
    updatedAt: Type.String(),
    signedAt: Nullable(Type.String()),
  },
  { $id: 'InspectionSummary' },
);

export const QuizSchema = Type.Object(
  {
    id: Type.Integer(),
    clientId: Type.String(),
    personClientId: Nullable(Type.String()),
    personName: Type.String(),
    role: QuizRoleSchema,
    seed: Type.String(),
    poolSize: Type.Integer(),
    questions: Type.Array(Type.Object({ id: Type.Integer(), kind: Type.String(), stem: Type.String(), options: Type.Array(Type.String()), answer: Type.Optional(Type.Array(Type.Integer())) })),
    answers: Nullable(Type.Array(Nullable(Type.Array(Type.Integer())))),
    correct: Nullable(Type.Integer()),
    total: Type.Integer(),
    score: Nullable(Type.Integer()),
    passed: Nullable(Type.Boolean()),
    drawnAt: Type.String(),
    answeredAt: Nullable(Type.String()),
  },
  { $id: 'Quiz' },
);

export const InspectionSchema = Type.Object(
  {
    ...InspectionSummarySchema.properties,
    place: Type.String(),
    summary: Type.String(),
    measures: Type.Array(Type.Object({ kind: MeasureKindSchema, description: Type.String() })),
    team: Type.Array(Type.Object({ userId: Type.Integer(), name: Type.String(), signed: Type.Boolean() })),
    checklist: Type.Array(
      Type.Object({
        id: Type.Integer(),
        position: Type.Integer(),
        itemId: Type.Integer(),
        code: Type.String(),
        version: Type.Integer(),
        text: Type.String(),
        legalBasis: Type.String(),
        majorHazard: Type.Boolean(),
        mustCheck: Type.Boolean(),
        origin: L('plan', 'criteria'),
        result: Nullable(ItemResultSchema),
        note: Type.String(),
        finding: Nullable(FindingSchema),
        photos: Type.Array(Type.Ref('Photo')),
        updatedAt: Nullable(Type.String()),
      }),
    ),
    people: Type.Array(
      Type.Object({
        id: Type.Integer(),
        clientId: Type.String(),
        name: Type.String(),
        idNumber: Type.String(),
        role: PersonRoleSchema,
        certificateCategory: CertificateCategorySchema,
        certificateNumber: Type.String(),
        certificateValidUntil: Nullable(Type.String()),
        result: CertificateResultSchema,
        note: Type.String(),
      }),
    ),
    quizzes: Type.Array(Type.Ref('Quiz')),
    photos: Type.Array(Type.Ref('Photo')),
    signatures: Type.Array(
      Type.Object({
        id: Type.Integer(),
        signerRole: L('inspector', 'enterprise'),
        userId: Nullable(Type.Integer()),
        signerName: Type.String(),
        signerTitle: Type.String(),
        refused: Type.Boolean(),
        witness: Type.String(),
        note: Type.String(),
        contentHash: Type.String(),
        signedAt: Type.String(),
        imageUrl: Nullable(Type.String()),
      }),
    ),
    signing: Type.Object({ complete: Type.Boolean(), missingInspectors: Type.Array(Type.Integer()), enterpriseSigned: Type.Boolean() }),
    contentHash: Type.String(),
    readiness: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
    hazards: Type.Array(Type.Object({ id: Type.Integer(), code: Type.String(), level: LevelSchema, state: Type.String(), description: Type.String(), deadline: Nullable(Type.String()), checklistId: Nullable(Type.Integer()) })),
    canEdit: Type.Boolean(),
  },
  { $id: 'Inspection' },
);

export const StartBody = Type.Object({
  clientId: ClientId,
  enterpriseId: Type.Integer(),
  visitId: Type.Optional(Type.Integer()),
  reason: Type.Optional(Reason),
  reasonNote: Type.Optional(Type.String({ maxLength: 500 })),
  place: Type.Optional(Type.String({ maxLength: 200 })),
  team: Type.Optional(Type.Array(Type.Integer(), { maxItems: 10 })),
});

export const DraftBody = Type.Object({
  place: Type.Optional(Type.String({ maxLength: 200 })),
  summary: Type.Optional(Type.String({ maxLength: 4000 })),
  measures: Type.Optional(Type.Array(Type.Object({ kind: MeasureKindSchema, description: Type.String({ maxLength: 500 }) }), { maxItems: 20 })),
  team: Type.Optional(Type.Array(Type.Integer(), { minItems: 1, maxItems: 10 })),
  results: Type.Optional(
    Type.Array(
      Type.Object({
        checklistId: Type.Integer(),
        result: Nullable(ItemResultSchema),
        note: Type.Optional(Type.String({ maxLength: 2000 })),
        finding: Type.Optional(Nullable(Type.Partial(FindingSchema))),
      }),
      { maxItems: 500 },
    ),
  ),
  people: Type.Optional(
    Type.Array(
      Type.Object({
        clientId: ClientId,
        name: Type.String({ maxLength: 40 }),
        idNumber: Type.String({ maxLength: 20 }),
        role: PersonRoleSchema,
        certificateCategory: CertificateCategorySchema,
        certificateNumber: Type.String({ maxLength: 40 }),
        certificateValidUntil: Type.Optional(Nullable(DateStr)),
        result: CertificateResultSchema,
        note: Type.Optional(Type.String({ maxLength: 1000 })),
      }),
      { maxItems: 100 },
    ),
  ),
  removePeople: Type.Optional(Type.Array(ClientId, { maxItems: 100 })),
});

export const DrawBody = Type.Object({
  clientId: ClientId,
  personClientId: Type.Optional(ClientId),
  personName: Type.String({ minLength: 1, maxLength: 40 }),
  role: QuizRoleSchema,
  count: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
});

export const SignBody = Type.Object({
  signerRole: L('inspector', 'enterprise'),
  contentHash: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  image: Type.Optional(Type.String({ maxLength: 1_500_000, description: 'PNG, base64 or a data:image/png;base64 URL' })),
  signerUserId: Type.Optional(Type.Integer()),
  password: Type.Optional(Type.String({ maxLength: 200 })),
  signerName: Type.Optional(Type.String({ maxLength: 40 })),
  signerTitle: Type.Optional(Type.String({ maxLength: 60 })),
  refused: Type.Optional(Type.Boolean()),
  witness: Type.Optional(Type.String({ maxLength: 60 })),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
