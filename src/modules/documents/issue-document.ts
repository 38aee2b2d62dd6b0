/**
 * 出具执法文书 issue an enforcement document — the one entry point other capabilities call when a document is due
 * (an inspection signed → 现场检查记录; hazards with deadlines → 责令限期整改指令书; a review → 整改复查意见书; on-site
 * measures → 现场处理措施决定书; a case's steps → 立案审批表, 行政处罚告知书, 行政处罚决定书, 涉嫌犯罪案件移送书).
 *
 * Runs inside the caller's transaction, so the document exists exactly when the caller's record does:
 * - validates the content of its kind (422 naming the field, in the user's language);
 * - allocates the number `（宁江）应急责改〔2026〕12号` from the department/kind/year counter (row-locked upsert: no gaps,
 *   no duplicates, even with concurrent issuers; a rolled-back issue gives its number back);
 * - freezes everything the PDF is drawn from (the enterprise as the register has it now, the issuer, the content, the
 *   signatures with their images inline) and appends the frozen content's hash to the audit chain.
 * The PDF is drawn later, off the request path (render-pdf.ts), always from the frozen content.
 *
 * Authorisation is the caller's: it decides who may sign an inspection or decide a case. This service checks what
 * makes a document well-formed.
 */
import { Value } from 'typebox/value';
import type { TSchema } from 'typebox';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import { documentHash } from './content-hash.ts';
import {
  DOCUMENT_KIND_INFO,
  defaultAgencyWord,
  defaultRemedy,
  formatDocumentNumber,
  numberingYear,
  type ContentOf,
  type DocumentContent,
  type DocumentKind,
  type DocumentSignature,
  type DocumentSource,
  type FrozenDocument,
  type FrozenSignature,
} from '../../core/documents/model.ts';
import { deriveAbbreviation, regionNames } from '../../core/documents/abbreviation.ts';
import { appendAudit, type Actor } from '../audit/audit.repo.ts';
import { invalid, type FieldIssue } from '../../http/errors.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { CONTENT_SCHEMAS, SignatureSchema, SourceSchema } from './documents.schema.ts';
import { findDepartment, findEnterpriseSnapshot, insertDocument, nextSeq } from './documents.repo.ts';

export interface IssueDocumentInput<K extends DocumentKind = DocumentKind> {
  kind: K;
  enterpriseId: number;
  /** The department that issues it (执法机关): its abbreviation and the kind number the document. */
  departmentId: number;
  source: DocumentSource;
  content: ContentOf<K>;
  signatures?: DocumentSignature[];
}

export interface IssueDocumentOptions {
  /** Reads a signature image given as `{ fileRef }` (the caller's file store); the bytes are frozen into the document. */
  readFile?: (ref: string) => Promise<Uint8Array>;
}

export interface IssuedDocument {
  id: number;
  number: string;
}

/** The largest signature PNG accepted (decoded). */
export const MAX_SIGNATURE_BYTES = 512 * 1024;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function actorOf(a: Actor | Principal): Actor {
  return 'userId' in a ? { id: a.userId, name: a.displayName || a.username } : a;
}

function keyOf(keyword: string): MessageKey {
  switch (keyword) {
    case 'required':
      return 'field.required';
    case 'type':
      return 'field.type';
    case 'maxLength':
      return 'field.too_long';
    case 'anyOf':
    case 'const':
    case 'enum':
      return 'field.enum';
    default:
      return 'field.invalid';
  }
}

/** TypeBox errors as field issues (`content.findings.0.item`); one per field, the most specific first. */
function schemaIssues(prefix: string, schema: TSchema, value: unknown): FieldIssue[] {
  const out: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const e of Value.Errors(schema, value)) {
    const err = e as { keyword: string; instancePath: string; params: Record<string, unknown> };
    const missing = (err.params.requiredProperties as string[] | undefined) ?? [];
    const path = err.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const fields = missing.length ? missing.map((m) => [prefix, path, m].filter(Boolean).join('.')) : [[prefix, path].filter(Boolean).join('.')];
    for (const field of fields) {
      if (seen.has(field)) continue;
      seen.add(field);
      const key = keyOf(err.keyword);
      out.push({
        field,
        key,
        params:
          key === 'field.too_long'
            ? { max: Number(err.params.limit) }
            : key === 'field.type'
              ? { type: String(err.params.type) }
              : key === 'field.enum'
                ? { values: err.params.allowedValue !== undefined ? String(err.params.allowedValue) : '…' }
                : {},
      });
    }
  }
  return out;
}

/** China-time calendar day of an instant. */
function chinaDay(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Rules of a well-formed document beyond the shapes. */
function contentIssues(content: DocumentContent, now: Date): FieldIssue[] {
  const out: FieldIssue[] = [];
  switch (content.kind) {
    case 'inspection_record':
      if (Date.parse(content.endedAt) < Date.parse(content.startedAt)) out.push({ field: 'content.endedAt', key: 'document.period' });
      break;
    case 'rectification_order':
      content.items.forEach((it, i) => {
        if (it.immediate) return;
        if (!it.deadline) out.push({ field: `content.items.${i}.deadline`, key: 'document.deadline_required' });
        else if (it.deadline < chinaDay(now)) out.push({ field: `content.items.${i}.deadline`, key: 'document.deadline_past', params: { deadline: it.deadline } });
      });
      break;
    case 'penalty_notice':
    case 'penalty_decision':
      content.penalties.forEach((p, i) => {
        if ((p.fineYuan === null || p.fineYuan === 0) && !(p.other && p.other.length)) {
          out.push({ field: `content.penalties.${i}`, key: 'document.penalty_empty' });
        }
        if (p.target === 'person' && !content.responsiblePerson) out.push({ field: 'content.responsiblePerson', key: 'document.person_missing' });
      });
      break;
    default:
      break;
  }
  return out;
}

function validPng(bytes: Uint8Array): boolean {
  return bytes.length > PNG_MAGIC.length && bytes.length <= MAX_SIGNATURE_BYTES && Buffer.from(bytes.subarray(0, 8)).equals(PNG_MAGIC);
}

async function freezeSignatures(signatures: DocumentSignature[], options: IssueDocumentOptions): Promise<{ frozen: FrozenSignature[]; issues: FieldIssue[] }> {
  const frozen: FrozenSignature[] = [];
  const issues: FieldIssue[] = [];
  for (const [i, s] of signatures.entries()) {
    const { image, ...rest } = s;
    let pngBase64: string | undefined;
    if (image && 'pngBase64' in image) {
      const b64 = image.pngBase64.replace(/^data:image\/png;base64,/, '');
      const bytes = /^[A-Za-z0-9+/=\s]+$/.test(b64) ? Buffer.from(b64, 'base64') : Buffer.alloc(0);
      if (!validPng(bytes)) issues.push({ field: `signatures.${i}.image.pngBase64`, key: 'document.signature_png' });
      else pngBase64 = bytes.toString('base64');
    } else if (image && 'fileRef' in image) {
      let bytes: Uint8Array | null;
      try {
        bytes = options.readFile ? await options.readFile(image.fileRef) : null;
      } catch {
        bytes = null;
      }
      if (!bytes) issues.push({ field: `signatures.${i}.image.fileRef`, key: 'document.signature_file', params: { ref: image.fileRef } });
      else if (!validPng(bytes)) issues.push({ field: `signatures.${i}.image.fileRef`, key: 'document.signature_png' });
      else pngBase64 = Buffer.from(bytes).toString('base64');
    }
    frozen.push({ ...rest, ...(pngBase64 ? { pngBase64 } : {}) });
  }
  return { frozen, issues };
}

export { documentHash };

/**
 * Issues a document inside the caller's transaction and answers its id and number.
 * Throws a 422 (AppError) naming the fields when the input is not a well-formed document of its kind.
 */
export async function issueDocument<K extends DocumentKind>(
  tx: Db,
  input: IssueDocumentInput<K>,
  actor: Actor | Principal,
  now: Date,
  options: IssueDocumentOptions = {},
): Promise<IssuedDocument> {
  const issues: FieldIssue[] = [];
  const info = DOCUMENT_KIND_INFO[input.kind as DocumentKind];
  if (!info) throw invalid([{ field: 'kind', key: 'field.enum', params: { values: Object.keys(DOCUMENT_KIND_INFO).join(', ') } }]);
  issues.push(...schemaIssues('source', SourceSchema, input.source));
  if (issues.length === 0 && !info.sources.includes(input.source.type)) {
    issues.push({ field: 'source.type', key: 'document.kind_source', params: { kind: info.title, source: input.source.type } });
  }
  const content = input.content as DocumentContent;
  if (!content || typeof content !== 'object' || content.kind !== input.kind) {
    issues.push({ field: 'content.kind', key: 'document.content_kind', params: { kind: input.kind } });
  } else {
    const shape = schemaIssues('content', CONTENT_SCHEMAS[input.kind], content);
    issues.push(...shape);
    if (shape.length === 0) issues.push(...contentIssues(content, now));
  }
  const signatures = input.signatures ?? [];
  if (!Array.isArray(signatures) || signatures.length > 20) issues.push({ field: 'signatures', key: 'field.invalid' });
  else signatures.forEach((s, i) => issues.push(...schemaIssues(`signatures.${i}`, SignatureSchema, s)));
  if (!Number.isInteger(input.enterpriseId)) issues.push({ field: 'enterpriseId', key: 'field.type', params: { type: 'integer' } });
  if (!Number.isInteger(input.departmentId)) issues.push({ field: 'departmentId', key: 'field.type', params: { type: 'integer' } });
  if (issues.length) throw invalid(issues);

  const [department, enterprise] = await Promise.all([findDepartment(tx, input.departmentId), findEnterpriseSnapshot(tx, input.enterpriseId)]);
  if (!department) issues.push({ field: 'departmentId', key: 'department.unknown' });
  if (!enterprise) issues.push({ field: 'enterpriseId', key: 'enterprise.unknown' });
  const { frozen: frozenSignatures, issues: signatureIssues } = await freezeSignatures(signatures, options);
  issues.push(...signatureIssues);
  if (issues.length || !department || !enterprise) throw invalid(issues);

  const abbreviation = department.document_abbreviation ?? (deriveAbbreviation(department.region_code) || department.name.slice(0, 2));
  const agencyWord = department.document_agency_word ?? defaultAgencyWord(department.line);
  // Decisions and orders name where they may be contested; the department's own government by default.
  // only what the template has is frozen (unknown properties are dropped)
  const cleaned = Value.Clean(CONTENT_SCHEMAS[input.kind], structuredClone(content)) as DocumentContent;
  const frozenContent: DocumentContent =
    cleaned.kind === 'onsite_measures' || cleaned.kind === 'rectification_order' || cleaned.kind === 'penalty_decision'
      ? { ...cleaned, remedy: cleaned.remedy ?? defaultRemedy(regionNames(department.region_code)) }
      : cleaned;

  const year = numberingYear(now);
  const seq = await nextSeq(tx, department.id, input.kind, year, now);
  const number = formatDocumentNumber({ abbreviation, agencyWord, kind: input.kind, year, seq });
  const frozen: FrozenDocument = {
    format: 1,
    kind: input.kind,
    number,
    issuedAt: now.toISOString(),
    issuer: { id: department.id, name: department.name, abbreviation, agencyWord, regionCode: department.region_code },
    enterprise: {
      id: enterprise.id,
      name: enterprise.name,
      uscc: enterprise.uscc,
      address: enterprise.address,
      legalRepresentative: enterprise.legal_representative,
      phone: enterprise.legal_representative_phone,
    },
    source: { type: input.source.type, id: input.source.id },
    content: frozenContent,
    signatures: frozenSignatures,
  };
  const contentHash = documentHash(frozen);
  const who = actorOf(actor);
  const id = await insertDocument(tx, {
    enterpriseId: enterprise.id,
    kind: input.kind,
    departmentId: department.id,
    year,
    seq,
    number,
    sourceType: input.source.type,
    sourceId: input.source.id,
    issuedAt: now,
    issuedBy: who.id,
    document: frozen,
    contentHash,
  });
  await appendAudit(
    tx,
    who,
    [
      {
        action: 'document.issue',
        entityType: 'document',
        entityId: id,
        enterpriseId: enterprise.id,
        after: { kind: input.kind, number, departmentId: department.id, source: frozen.source, contentHash },
      },
    ],
    now,
  );
  return { id, number };
}
