/** All SQL of the documents capability. Lists and lookups are filtered by the caller's data scope (数据范围). */
import type { SQL } from 'drizzle-orm';
import { inList, one, rows, sql, type Db } from '../../db/client.ts';
import type { Scope } from '../../core/access/principal.ts';
import { scopeSql } from '../enterprises/enterprises.repo.ts';
import type { DocumentKind, DocumentSourceType, FrozenDocument } from '../../core/documents/model.ts';

// ─── issuing ────────────────────────────────────────────────────────────────────────────────────────────────────

export interface IssuingDepartmentRow {
  id: number;
  name: string;
  line: string;
  level: string;
  region_code: string;
  document_abbreviation: string | null;
  document_agency_word: string | null;
}

export function findDepartment(db: Db, id: number) {
  return one<IssuingDepartmentRow>(
    db,
    sql`SELECT id, name, line, level, region_code, document_abbreviation, document_agency_word FROM departments WHERE id = ${id}`,
  );
}

export interface EnterpriseSnapshotRow {
  id: number;
  name: string;
  uscc: string;
  address: string;
  legal_representative: string;
  legal_representative_phone: string;
  region_code: string;
  industry_domain: string;
}

/** The enterprise as the register has it now (the document freezes a copy). */
export function findEnterpriseSnapshot(db: Db, id: number) {
  return one<EnterpriseSnapshotRow>(
    db,
    sql`SELECT id, name, uscc, address, legal_representative, legal_representative_phone, region_code, industry_domain
      FROM enterprises WHERE id = ${id}`,
  );
}

/**
 * The next number of a department/kind/year, inside the issuing transaction. The upsert's row lock makes concurrent
 * issuers of the same counter wait for each other; a rollback gives the number back. No gaps, no duplicates.
 */
export async function nextSeq(tx: Db, departmentId: number, kind: DocumentKind, year: number, now: Date): Promise<number> {
  const r = await one<{ last_seq: number }>(
    tx,
    sql`INSERT INTO document_counters (department_id, kind, year, last_seq, updated_at)
      VALUES (${departmentId}, ${kind}, ${year}, 1, ${now.toISOString()})
      ON CONFLICT (department_id, kind, year) DO UPDATE SET last_seq = document_counters.last_seq + 1, updated_at = EXCLUDED.updated_at
      RETURNING last_seq`,
  );
  return r!.last_seq;
}

export interface NewDocumentRow {
  enterpriseId: number;
  kind: DocumentKind;
  departmentId: number;
  year: number;
  seq: number;
  number: string;
  sourceType: DocumentSourceType;
  sourceId: number;
  issuedAt: Date;
  issuedBy: number | null;
  document: FrozenDocument;
  contentHash: string;
}

export async function insertDocument(tx: Db, d: NewDocumentRow): Promise<number> {
  const r = await one<{ id: number }>(
    tx,
    sql`INSERT INTO documents (enterprise_id, kind, department_id, year, seq, number, source_type, source_id, issued_at, issued_by,
        document, content_hash)
      VALUES (${d.enterpriseId}, ${d.kind}, ${d.departmentId}, ${d.year}, ${d.seq}, ${d.number}, ${d.sourceType}, ${d.sourceId},
        ${d.issuedAt.toISOString()}, ${d.issuedBy}, ${JSON.stringify(d.document)}::jsonb, ${d.contentHash})
      RETURNING id`,
  );
  return r!.id;
}

// ─── reading ────────────────────────────────────────────────────────────────────────────────────────────────────

export interface DocumentFilter {
  /** the kinds the caller may see at all (documents.policy.ts) */
  kinds: readonly DocumentKind[];
  kind?: DocumentKind;
  enterpriseId?: number;
  departmentId?: number;
  sourceType?: DocumentSourceType;
  sourceId?: number;
  /** issued on or after this day (YYYY-MM-DD, China time) */
  from?: string;
  /** issued on or before this day */
  to?: string;
  /** number contains */
  number?: string;
}

export interface DocumentListRow {
  id: number;
  enterprise_id: number;
  enterprise_name: string;
  enterprise_uscc: string;
  kind: DocumentKind;
  number: string;
  department_id: number;
  department_name: string;
  source_type: DocumentSourceType;
  source_id: number;
  issued_at: Date | string;
  issued_by_name: string | null;
  content_hash: string;
  pdf_size: number | null;
  pdf_pages: number | null;
}

/** A China-time day as an instant range bound. */
const dayStart = (day: string) => `${day}T00:00:00+08:00`;

function whereOf(scope: Scope, f: DocumentFilter): SQL {
  const parts: SQL[] = [scopeSql(scope, 'e'), sql`d.kind IN ${inList(f.kinds)}`];
  if (f.kind) parts.push(sql`d.kind = ${f.kind}`);
  if (f.enterpriseId !== undefined) parts.push(sql`d.enterprise_id = ${f.enterpriseId}`);
  if (f.departmentId !== undefined) parts.push(sql`d.department_id = ${f.departmentId}`);
  if (f.sourceType) parts.push(sql`d.source_type = ${f.sourceType}`);
  if (f.sourceId !== undefined) parts.push(sql`d.source_id = ${f.sourceId}`);
  if (f.from) parts.push(sql`d.issued_at >= ${dayStart(f.from)}::timestamptz`);
  if (f.to) parts.push(sql`d.issued_at < ${dayStart(f.to)}::timestamptz + interval '1 day'`);
  if (f.number) parts.push(sql`d.number LIKE ${`%${f.number.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  return sql.join(parts, sql` AND `);
}

const listColumns = sql`d.id, d.enterprise_id, e.name AS enterprise_name, e.uscc AS enterprise_uscc, d.kind, d.number,
  d.department_id, dep.name AS department_name, d.source_type, d.source_id, d.issued_at, u.display_name AS issued_by_name,
  d.content_hash, p.size AS pdf_size, p.pages AS pdf_pages`;

const listFrom = sql`documents d JOIN enterprises e ON e.id = d.enterprise_id
  JOIN departments dep ON dep.id = d.department_id
  LEFT JOIN users u ON u.id = d.issued_by
  LEFT JOIN document_pdfs p ON p.enterprise_id = d.enterprise_id AND p.document_id = d.id`;

export async function listDocuments(db: Db, scope: Scope, f: DocumentFilter, limit: number, offset: number) {
  const where = whereOf(scope, f);
  const [count, items] = await Promise.all([
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM documents d JOIN enterprises e ON e.id = d.enterprise_id WHERE ${where}`),
    rows<DocumentListRow>(
      db,
      sql`SELECT ${listColumns} FROM ${listFrom} WHERE ${where} ORDER BY d.issued_at DESC, d.id DESC LIMIT ${limit} OFFSET ${offset}`,
    ),
  ]);
  return { total: count?.n ?? 0, items };
}

export interface DocumentDetailRow extends DocumentListRow {
  document: FrozenDocument | string;
}

/** One document the caller may see (by id: the enterprise is found through the scope join). */
export function findDocument(db: Db, scope: Scope, kinds: readonly DocumentKind[], id: number) {
  return one<DocumentDetailRow>(
    db,
    sql`SELECT ${listColumns}, d.document FROM ${listFrom} WHERE d.id = ${id} AND d.kind IN ${inList(kinds)} AND ${scopeSql(scope, 'e')}`,
  );
}

/** A document by id regardless of scope (system work: pre-rendering after issue). */
export function findDocumentUnscoped(db: Db, id: number) {
  return one<{ enterprise_id: number; id: number; document: FrozenDocument | string }>(
    db,
    sql`SELECT enterprise_id, id, document FROM documents WHERE id = ${id}`,
  );
}

/** Documents of sources the caller may see (e.g. a hazard's page lists its documents). */
export async function documentsOfSources(db: Db, scope: Scope, kinds: readonly DocumentKind[], enterpriseId: number, sourceType: DocumentSourceType, ids: number[]) {
  if (ids.length === 0) return [];
  return rows<DocumentListRow>(
    db,
    sql`SELECT ${listColumns} FROM ${listFrom} WHERE d.enterprise_id = ${enterpriseId} AND d.source_type = ${sourceType}
      AND d.source_id IN ${inList(ids)} AND d.kind IN ${inList(kinds)} AND ${scopeSql(scope, 'e')} ORDER BY d.issued_at, d.id`,
  );
}

/** The content hash the audit chain recorded when the document was issued. */
export async function issuedContentHash(db: Db, id: number): Promise<string | null> {
  const r = await one<{ h: string | null }>(
    db,
    sql`SELECT after ->> 'contentHash' AS h FROM audit_log WHERE entity_type = 'document' AND entity_id = ${String(id)} AND action = 'document.issue'
      ORDER BY seq LIMIT 1`,
  );
  return r?.h ?? null;
}

// ─── PDFs ───────────────────────────────────────────────────────────────────────────────────────────────────────

export interface StoredPdf {
  sha256: string;
  size: number;
  pages: number;
}

export function findPdfMeta(db: Db, enterpriseId: number, documentId: number) {
  return one<StoredPdf>(
    db,
    sql`SELECT sha256, size, pages FROM document_pdfs WHERE enterprise_id = ${enterpriseId} AND document_id = ${documentId}`,
  );
}

export async function findPdfBytes(db: Db, enterpriseId: number, documentId: number): Promise<(StoredPdf & { bytes: Buffer }) | undefined> {
  const r = await one<StoredPdf & { bytes: Uint8Array }>(
    db,
    sql`SELECT sha256, size, pages, bytes FROM document_pdfs WHERE enterprise_id = ${enterpriseId} AND document_id = ${documentId}`,
  );
  return r ? { ...r, bytes: Buffer.from(r.bytes) } : undefined;
}

/** Keeps the first rendering; a concurrent second one is dropped (the caller then reads the stored one back). */
export async function storePdf(
  db: Db,
  p: { enterpriseId: number; documentId: number; sha256: string; bytes: Uint8Array; pages: number; renderedAt: Date; renderMs: number },
): Promise<boolean> {
  const r = await rows<{ document_id: number }>(
    db,
    sql`INSERT INTO document_pdfs (enterprise_id, document_id, sha256, size, pages, bytes, rendered_at, render_ms)
      VALUES (${p.enterpriseId}, ${p.documentId}, ${p.sha256}, ${p.bytes.length}, ${p.pages},
        decode(${Buffer.from(p.bytes).toString('base64')}, 'base64'), ${p.renderedAt.toISOString()}, ${p.renderMs})
      ON CONFLICT (enterprise_id, document_id) DO NOTHING RETURNING document_id`,
  );
  return r.length === 1;
}

// ─── numbering settings ─────────────────────────────────────────────────────────────────────────────────────────

export async function setDepartmentNumbering(db: Db, id: number, abbreviation: string | null, agencyWord: string | null) {
  const r = await rows<{ id: number }>(
    db,
    sql`UPDATE departments SET document_abbreviation = ${abbreviation}, document_agency_word = ${agencyWord} WHERE id = ${id} RETURNING id`,
  );
  return r.length === 1;
}

export async function countersOf(db: Db, departmentIds: number[], year: number) {
  if (departmentIds.length === 0) return [];
  return rows<{ department_id: number; kind: DocumentKind; last_seq: number }>(
    db,
    sql`SELECT department_id, kind, last_seq FROM document_counters WHERE year = ${year} AND department_id IN ${inList(departmentIds)}`,
  );
}
