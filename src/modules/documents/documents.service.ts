/** 执法文书 read side: the list, one document, its PDF, and the numbering settings of departments. */
import type { Db } from '../../db/client.ts';
import { one, rows, sql } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import { regionPrefix } from '../../core/access/principal.ts';
import { scopeOf } from '../../core/access/lines-scope.ts';
import { deriveAbbreviation } from '../../core/documents/abbreviation.ts';
import {
  DOCUMENT_KIND_INFO,
  defaultAgencyWord,
  formatDocumentNumber,
  numberingYear,
  type DocumentKind,
  type FrozenDocument,
} from '../../core/documents/model.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import { documentPolicy } from './documents.policy.ts';
import {
  countersOf,
  findDepartment,
  findDocument,
  listDocuments as listRows,
  setDepartmentNumbering,
  type DocumentFilter,
  type DocumentListRow,
} from './documents.repo.ts';
import { documentPdf, type PdfContext, type PdfFile } from './document-pdf.ts';

export interface DocumentSummary {
  id: number;
  kind: DocumentKind;
  kindName: string;
  number: string;
  enterprise: { id: number; name: string; uscc: string };
  department: { id: number; name: string };
  source: { type: string; id: number };
  issuedAt: string;
  issuedBy: string | null;
  contentHash: string;
  pdf: { size: number; pages: number } | null;
}

function summary(r: DocumentListRow): DocumentSummary {
  return {
    id: r.id,
    kind: r.kind,
    kindName: DOCUMENT_KIND_INFO[r.kind].title,
    number: r.number,
    enterprise: { id: r.enterprise_id, name: r.enterprise_name, uscc: r.enterprise_uscc },
    department: { id: r.department_id, name: r.department_name },
    source: { type: r.source_type, id: r.source_id },
    issuedAt: new Date(r.issued_at).toISOString(),
    issuedBy: r.issued_by_name,
    contentHash: r.content_hash,
    pdf: r.pdf_size !== null && r.pdf_pages !== null ? { size: r.pdf_size, pages: r.pdf_pages } : null,
  };
}

export async function listDocuments(db: Db, p: Principal, filter: Omit<DocumentFilter, 'kinds'>, page: number, pageSize: number) {
  const kinds = documentPolicy.visibleKinds(p);
  const r = await listRows(db, scopeOf(p), { ...filter, kinds }, pageSize, (page - 1) * pageSize);
  return { total: r.total, items: r.items.map(summary), page, pageSize };
}

function parseFrozen(v: FrozenDocument | string): FrozenDocument {
  return typeof v === 'string' ? (JSON.parse(v) as FrozenDocument) : v;
}

/** A document the caller may see, or 404 (out of scope looks the same as absent). */
async function visible(db: Db, p: Principal, id: number) {
  const r = await findDocument(db, scopeOf(p), documentPolicy.visibleKinds(p), id);
  if (!r) throw notFound('document.unknown');
  return { row: r, frozen: parseFrozen(r.document) };
}

export async function getDocument(db: Db, p: Principal, id: number) {
  const { row, frozen } = await visible(db, p, id);
  return {
    ...summary(row),
    issuer: frozen.issuer,
    party: frozen.enterprise,
    content: frozen.content,
    // the drawn images stay in the PDF; the detail says who signed and when
    signatures: frozen.signatures.map((s) => ({
      role: s.role,
      name: s.name,
      ...(s.certificateNo ? { certificateNo: s.certificateNo } : {}),
      signedAt: s.signedAt,
      drawn: !!s.pngBase64,
    })),
  };
}

export async function getDocumentPdf(ctx: PdfContext, p: Principal, id: number): Promise<PdfFile & { number: string; kind: DocumentKind }> {
  const { row, frozen } = await visible(ctx.db, p, id);
  const file = await documentPdf(ctx, { enterpriseId: row.enterprise_id, id: row.id, frozen }, { id: p.userId, name: p.displayName || p.username });
  return { ...file, number: row.number, kind: row.kind };
}

// ─── numbering settings 文号 ───────────────────────────────────────────────────────────────────────────────────────

export interface DepartmentNumbering {
  departmentId: number;
  departmentName: string;
  regionCode: string;
  line: string;
  /** what the numbers use now */
  abbreviation: string;
  agencyWord: string;
  /** what an admin set (null: derived from the region / the line) */
  customAbbreviation: string | null;
  customAgencyWord: string | null;
  /** an example: the next 责令限期整改指令书 number */
  example: string;
  /** numbers issued this year, per kind */
  issuedThisYear: Partial<Record<DocumentKind, number>>;
}

export async function listNumbering(db: Db, p: Principal, now: Date, f: { regionCode?: string; keyword?: string }, page: number, pageSize: number) {
  if (!documentPolicy.canReadNumbering(p)) throw forbidden();
  const parts = [sql`d.region_code LIKE ${regionPrefix(p.regionCode) + '%'}`];
  if (p.role === 'dept_head' || p.role === 'inspector') parts.push(sql`d.id = ${p.departmentId ?? -1}`);
  if (f.regionCode) parts.push(sql`d.region_code LIKE ${regionPrefix(f.regionCode) + '%'}`);
  if (f.keyword) parts.push(sql`d.name LIKE ${`%${f.keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  const where = sql.join(parts, sql` AND `);
  const total = (await one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM departments d WHERE ${where}`))?.n ?? 0;
  const list = await rows<{ id: number; name: string; region_code: string; line: string; document_abbreviation: string | null; document_agency_word: string | null }>(
    db,
    sql`SELECT d.id, d.name, d.region_code, d.line, d.document_abbreviation, d.document_agency_word FROM departments d WHERE ${where}
      ORDER BY array_position(ARRAY['city','district','town'], d.level), d.region_code, d.code LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  );
  const year = numberingYear(now);
  const counters = await countersOf(db, list.map((d) => d.id), year);
  return { items: list.map((d) => toNumbering(d, counters, year)), total, page, pageSize };
}

function toNumbering(
  d: { id: number; name: string; region_code: string; line: string; document_abbreviation: string | null; document_agency_word: string | null },
  counters: { department_id: number; kind: DocumentKind; last_seq: number }[],
  year: number,
): DepartmentNumbering {
  {
    const abbreviation = d.document_abbreviation ?? (deriveAbbreviation(d.region_code) || d.name.slice(0, 2));
    const agencyWord = d.document_agency_word ?? defaultAgencyWord(d.line);
    const issued: Partial<Record<DocumentKind, number>> = {};
    for (const c of counters) if (c.department_id === d.id) issued[c.kind] = c.last_seq;
    return {
      departmentId: d.id,
      departmentName: d.name,
      regionCode: d.region_code,
      line: d.line,
      abbreviation,
      agencyWord,
      customAbbreviation: d.document_abbreviation,
      customAgencyWord: d.document_agency_word,
      example: formatDocumentNumber({ abbreviation, agencyWord, kind: 'rectification_order', year, seq: (issued.rectification_order ?? 0) + 1 }),
      issuedThisYear: issued,
    };
  }
}

const NUMBERING_TEXT = /^[^（）()〔〕\s]{1,10}$/u;

/** Sets (or clears, with null) a department's 机关简称 and 代字. Numbers already issued keep the words they were issued with. */
export async function updateNumbering(db: Db, p: Principal, now: Date, id: number, body: { abbreviation: string | null; agencyWord: string | null }) {
  if (!documentPolicy.canEditNumbering(p)) throw forbidden();
  const d = await findDepartment(db, id);
  if (!d || !d.region_code.startsWith(regionPrefix(p.regionCode))) throw notFound('department.unknown');
  const clean = (v: string | null) => (v === null ? null : v.trim() || null);
  const abbreviation = clean(body.abbreviation);
  const agencyWord = clean(body.agencyWord);
  const issues = [
    ...(abbreviation !== null && !NUMBERING_TEXT.test(abbreviation) ? [{ field: 'abbreviation', key: 'document.numbering_invalid' as const }] : []),
    ...(agencyWord !== null && !NUMBERING_TEXT.test(agencyWord) ? [{ field: 'agencyWord', key: 'document.numbering_invalid' as const }] : []),
  ];
  if (issues.length) throw invalid(issues);
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await setDepartmentNumbering(tx, id, abbreviation, agencyWord);
    await appendAudit(tx, { id: p.userId, name: p.displayName || p.username }, [
      {
        action: 'department.document_numbering',
        entityType: 'department',
        entityId: id,
        before: { abbreviation: d.document_abbreviation, agencyWord: d.document_agency_word },
        after: { abbreviation, agencyWord },
      },
    ], now);
  });
  const year = numberingYear(now);
  return toNumbering({ ...d, document_abbreviation: abbreviation, document_agency_word: agencyWord }, await countersOf(db, [id], year), year);
}
