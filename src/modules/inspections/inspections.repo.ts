import type { SQL } from 'drizzle-orm';
import { inList, one, rows, sql, type Db } from '../../db/client.ts';
import type { Scope } from '../../core/access/principal.ts';
import { scopeSql } from '../enterprises/enterprises.repo.ts';

export const jsonOf = <T>(v: unknown, fallback: T): T => (v === null || v === undefined ? fallback : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

export interface InspectionRow {
  enterprise_id: number;
  id: number;
  client_id: string;
  code: string;
  department_id: number;
  department_name: string;
  department_line: string;
  kind: 'planned' | 'unplanned';
  visit_id: number | null;
  visit_code: string | null;
  visit_date: string | null;
  reason: string | null;
  reason_note: string;
  status: 'draft' | 'signing' | 'signed' | 'cancelled';
  place: string;
  summary: string;
  measures: unknown;
  started_by: number;
  started_by_name: string;
  started_at: Date | string;
  updated_at: Date | string;
  signed_at: Date | string | null;
  content_hash: string | null;
  version: number;
  enterprise_name: string;
  enterprise_uscc: string;
  enterprise_address: string;
  region_code: string;
  industry_domain: string;
  legal_representative: string;
  safety_officer: string;
}

const inspectionCols = sql`i.*, d.name AS department_name, d.line AS department_line, v.code AS visit_code, v.visit_date::text AS visit_date,
  u.display_name AS started_by_name, e.name AS enterprise_name, e.uscc AS enterprise_uscc, e.address AS enterprise_address,
  e.region_code, e.industry_domain, e.legal_representative, e.safety_officer`;
const inspectionFrom = sql`inspections i JOIN departments d ON d.id = i.department_id JOIN users u ON u.id = i.started_by
  JOIN enterprises e ON e.id = i.enterprise_id LEFT JOIN visits v ON v.enterprise_id = i.enterprise_id AND v.id = i.visit_id`;

export const findInspection = (db: Db, id: number) =>
  one<InspectionRow>(db, sql`SELECT ${inspectionCols} FROM ${inspectionFrom} WHERE i.id = ${id}`);

export const findByClientId = (db: Db, enterpriseId: number, clientId: string) =>
  one<InspectionRow>(db, sql`SELECT ${inspectionCols} FROM ${inspectionFrom} WHERE i.enterprise_id = ${enterpriseId} AND i.client_id = ${clientId}`);

export const openForVisit = (db: Db, enterpriseId: number, visitId: number, departmentId: number) =>
  one<{ id: number; code: string }>(db, sql`SELECT id, code FROM inspections WHERE enterprise_id = ${enterpriseId} AND visit_id = ${visitId}
    AND department_id = ${departmentId} AND status <> 'cancelled'`);

/** Who may see which inspections in a list: see inspections.policy.ts `listVisibility`. */
export interface ListFilter {
  enterpriseId?: number;
  status?: string;
  departmentId?: number;
  mine?: boolean;
  from?: string;
  to?: string;
}

export function listWhere(visibility: SQL, f: ListFilter, userId: number): SQL {
  const parts: SQL[] = [visibility];
  if (f.enterpriseId !== undefined) parts.push(sql`i.enterprise_id = ${f.enterpriseId}`);
  if (f.status) parts.push(sql`i.status = ${f.status}`);
  if (f.departmentId !== undefined) parts.push(sql`i.department_id = ${f.departmentId}`);
  if (f.mine) parts.push(sql`EXISTS (SELECT 1 FROM inspection_team t WHERE t.enterprise_id = i.enterprise_id AND t.inspection_id = i.id AND t.user_id = ${userId})`);
  if (f.from) parts.push(sql`i.started_at >= ${f.from}::date`);
  if (f.to) parts.push(sql`i.started_at < ${f.to}::date + 1`);
  return sql.join(parts, sql` AND `);
}

export async function listInspections(db: Db, where: SQL, limit: number, offset: number) {
  const [items, total] = await Promise.all([
    rows<InspectionRow>(db, sql`SELECT ${inspectionCols} FROM ${inspectionFrom} WHERE ${where} ORDER BY i.started_at DESC, i.id DESC LIMIT ${limit} OFFSET ${offset}`),
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM inspections i JOIN enterprises e ON e.id = i.enterprise_id WHERE ${where}`),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** SQL of "this principal may see this inspection" for lists (i = inspections, e = enterprises). */
export function visibilitySql(scope: Scope, userId: number, departmentId: number | null, seesDrafts: boolean): SQL {
  const team = sql`EXISTS (SELECT 1 FROM inspection_team t WHERE t.enterprise_id = i.enterprise_id AND t.inspection_id = i.id AND t.user_id = ${userId})`;
  const own = departmentId !== null ? sql`i.department_id = ${departmentId}` : sql`false`;
  const scoped = seesDrafts ? scopeSql(scope) : sql`(i.status = 'signed' AND ${scopeSql(scope)})`;
  return sql`(${team} OR ${own} OR ${scoped})`;
}

export const teamOf = (db: Db, enterpriseId: number, inspectionId: number) =>
  rows<{ user_id: number; display_name: string; role: string; department_id: number | null }>(
    db,
    sql`SELECT t.user_id, u.display_name, u.role, u.department_id FROM inspection_team t JOIN users u ON u.id = t.user_id
      WHERE t.enterprise_id = ${enterpriseId} AND t.inspection_id = ${inspectionId} ORDER BY t.user_id`,
  );

export async function setTeam(tx: Db, enterpriseId: number, inspectionId: number, userIds: readonly number[]) {
  await tx.execute(sql`DELETE FROM inspection_team WHERE enterprise_id = ${enterpriseId} AND inspection_id = ${inspectionId}`);
  if (userIds.length) {
    await tx.execute(sql`INSERT INTO inspection_team (enterprise_id, inspection_id, user_id) VALUES ${sql.join(
      userIds.map((u) => sql`(${enterpriseId}, ${inspectionId}, ${u})`),
      sql`, `,
    )}`);
  }
}

export const usersOfDepartment = (db: Db, departmentId: number, ids: readonly number[]) =>
  ids.length === 0
    ? Promise.resolve([] as { id: number }[])
    : rows<{ id: number }>(db, sql`SELECT id FROM users WHERE department_id = ${departmentId} AND role IN ('inspector', 'dept_head') AND id IN ${inList(ids)}`);

export const nextId = async (db: Db, seq: string) => (await one<{ id: number }>(db, sql`SELECT nextval(${seq})::int AS id`))!.id;

export async function insertInspection(
  tx: Db,
  v: { id: number; enterpriseId: number; clientId: string; code: string; departmentId: number; kind: 'planned' | 'unplanned'; visitId: number | null; reason: string | null; reasonNote: string; place: string; startedBy: number },
  now: Date,
) {
  const at = now.toISOString();
  await tx.execute(sql`INSERT INTO inspections (enterprise_id, id, client_id, code, department_id, kind, visit_id, reason, reason_note, place, started_by, started_at, updated_at)
    VALUES (${v.enterpriseId}, ${v.id}, ${v.clientId}, ${v.code}, ${v.departmentId}, ${v.kind}, ${v.visitId}, ${v.reason}, ${v.reasonNote}, ${v.place}, ${v.startedBy}, ${at}, ${at})`);
}

export async function insertChecklist(
  tx: Db,
  enterpriseId: number,
  inspectionId: number,
  entries: readonly { itemId: number; code: string; version: number; text: string; legalBasis: string; majorHazard: boolean; mustCheck: boolean; origin: string; position: number }[],
) {
  for (let i = 0; i < entries.length; i += 200) {
    await tx.execute(sql`INSERT INTO inspection_checklist (enterprise_id, inspection_id, position, item_id, code, version, text, legal_basis, major_hazard, must_check, origin)
      VALUES ${sql.join(
        entries.slice(i, i + 200).map((e) => sql`(${enterpriseId}, ${inspectionId}, ${e.position}, ${e.itemId}, ${e.code}, ${e.version}, ${e.text}, ${e.legalBasis}, ${e.majorHazard}, ${e.mustCheck}, ${e.origin})`),
        sql`, `,
      )}`);
  }
}

export interface ChecklistRow {
  id: number;
  position: number;
  item_id: number;
  code: string;
  version: number;
  text: string;
  legal_basis: string;
  major_hazard: boolean;
  must_check: boolean;
  origin: 'plan' | 'criteria';
  result: 'compliant' | 'hazard' | 'not_applicable' | null;
  note: string;
  finding: unknown;
  updated_by: number | null;
  updated_at: Date | string | null;
}

export const checklistOf = (db: Db, enterpriseId: number, inspectionId: number) =>
  rows<ChecklistRow>(db, sql`SELECT id, position, item_id, code, version, text, legal_basis, major_hazard, must_check, origin, result, note, finding, updated_by, updated_at
    FROM inspection_checklist WHERE enterprise_id = ${enterpriseId} AND inspection_id = ${inspectionId} ORDER BY position`);

export async function saveResult(tx: Db, enterpriseId: number, id: number, v: { result: string | null; note: string; finding: unknown }, by: number, now: Date) {
  await tx.execute(sql`UPDATE inspection_checklist SET result = ${v.result}, note = ${v.note}, finding = ${v.finding === null ? null : JSON.stringify(v.finding)}::jsonb,
    updated_by = ${by}, updated_at = ${now.toISOString()} WHERE enterprise_id = ${enterpriseId} AND id = ${id}`);
}

export interface PersonRow {
  id: number;
  client_id: string;
  name: string;
  id_number: string;
  role: string;
  certificate_category: string;
  certificate_number: string;
  certificate_valid_until: string | null;
  result: string;
  note: string;
  updated_at: Date | string;
}

export const peopleOf = (db: Db, enterpriseId: number, inspectionId: number) =>
  rows<PersonRow>(db, sql`SELECT id, client_id, name, id_number, role, certificate_category, certificate_number, certificate_valid_until::text AS certificate_valid_until,
    result, note, updated_at FROM inspection_people WHERE enterprise_id = ${enterpriseId} AND inspection_id = ${inspectionId} ORDER BY id`);

export async function upsertPerson(
  tx: Db,
  enterpriseId: number,
  inspectionId: number,
  p: { clientId: string; name: string; idNumber: string; role: string; certificateCategory: string; certificateNumber: string; certificateValidUntil: string | null; result: string; note: string },
  by: number,
  now: Date,
) {
  await tx.execute(sql`INSERT INTO inspection_people (enterprise_id, inspection_id, client_id, name, id_number, role, certificate_category, certificate_number,
      certificate_valid_until, result, note, updated_by, updated_at)
    VALUES (${enterpriseId}, ${inspectionId}, ${p.clientId}, ${p.name}, ${p.idNumber}, ${p.role}, ${p.certificateCategory}, ${p.certificateNumber},
      ${p.certificateValidUntil}, ${p.result}, ${p.note}, ${by}, ${now.toISOString()})
    ON CONFLICT (enterprise_id, inspection_id, client_id) DO UPDATE SET name = EXCLUDED.name, id_number = EXCLUDED.id_number, role = EXCLUDED.role,
      certificate_category = EXCLUDED.certificate_category, certificate_number = EXCLUDED.certificate_number,
      certificate_valid_until = EXCLUDED.certificate_valid_until, result = EXCLUDED.result, note = EXCLUDED.note,
      updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`);
}

export async function removePeople(tx: Db, enterpriseId: number, inspectionId: number, clientIds: readonly string[]) {
  if (clientIds.length === 0) return;
  await tx.execute(sql`DELETE FROM inspection_people WHERE enterprise_id = ${enterpriseId} AND inspection_id = ${inspectionId} AND client_id IN ${inList(clientIds)}`);
}

export async function updateHeader(tx: Db, enterpriseId: number, id: number, v: { place?: string; summary?: string; measures?: unknown }, now: Date) {
  const sets: SQL[] = [sql`updated_at = ${now.toISOString()}`, sql`version = version + 1`];
  if (v.place !== undefined) sets.push(sql`place = ${v.place}`);
  if (v.summary !== undefined) sets.push(sql`summary = ${v.summary}`);
  if (v.measures !== undefined) sets.push(sql`measures = ${JSON.stringify(v.measures)}::jsonb`);
  await tx.execute(sql`UPDATE inspections SET ${sql.join(sets, sql`, `)} WHERE enterprise_id = ${enterpriseId} AND id = ${id}`);
}

export async function setStatus(tx: Db, enterpriseId: number, id: number, status: string, now: Date, extra: { contentHash?: string | null; signedAt?: Date | null } = {}) {
  const sets: SQL[] = [sql`status = ${status}`, sql`updated_at = ${now.toISOString()}`, sql`version = version + 1`];
  if (extra.contentHash !== undefined) sets.push(sql`content_hash = ${extra.contentHash}`);
  if (extra.signedAt !== undefined) sets.push(sql`signed_at = ${extra.signedAt ? extra.signedAt.toISOString() : null}`);
  await tx.execute(sql`UPDATE inspections SET ${sql.join(sets, sql`, `)} WHERE enterprise_id = ${enterpriseId} AND id = ${id}`);
}

export interface QuizRow {
  id: number;
  client_id: string;
  person_client_id: string | null;
  person_name: string;
  role: 'principal' | 'safety_manager' | 'special_operator';
  industry_domain: string;
  seed: string;
  pool_size: number;
  questions: unknown;
  answers: unknown;
  correct: number | null;
  total: number;
  score: number | null;
  passed: boolean | null;
  drawn_by: number;
  drawn_at: Date | string;
  answered_at: Date | string | null;
}

export const quizzesOf = (db: Db, enterpriseId: number, inspectionId: number) =>
  rows<QuizRow>(db, sql`SELECT * FROM quiz_attempts WHERE enterprise_id = ${enterpriseId} AND inspection_id = ${inspectionId} ORDER BY id`);
export const findQuiz = (db: Db, enterpriseId: number, inspectionId: number, id: number) =>
  one<QuizRow>(db, sql`SELECT * FROM quiz_attempts WHERE enterprise_id = ${enterpriseId} AND inspection_id = ${inspectionId} AND id = ${id}`);
export const findQuizByClientId = (db: Db, enterpriseId: number, inspectionId: number, clientId: string) =>
  one<QuizRow>(db, sql`SELECT * FROM quiz_attempts WHERE enterprise_id = ${enterpriseId} AND inspection_id = ${inspectionId} AND client_id = ${clientId}`);

export async function insertQuiz(
  tx: Db,
  v: { enterpriseId: number; inspectionId: number; clientId: string; personClientId: string | null; personName: string; role: string; domain: string; seed: string; poolSize: number; questions: unknown; total: number; drawnBy: number },
  now: Date,
) {
  const r = await one<{ id: number }>(
    tx,
    sql`INSERT INTO quiz_attempts (enterprise_id, inspection_id, client_id, person_client_id, person_name, role, industry_domain, seed, pool_size, questions, total, drawn_by, drawn_at)
      VALUES (${v.enterpriseId}, ${v.inspectionId}, ${v.clientId}, ${v.personClientId}, ${v.personName}, ${v.role}, ${v.domain}, ${v.seed}, ${v.poolSize},
        ${JSON.stringify(v.questions)}::jsonb, ${v.total}, ${v.drawnBy}, ${now.toISOString()}) RETURNING id`,
  );
  return r!.id;
}

export async function saveAnswers(tx: Db, enterpriseId: number, id: number, v: { answers: unknown; correct: number; score: number; passed: boolean }, now: Date) {
  await tx.execute(sql`UPDATE quiz_attempts SET answers = ${JSON.stringify(v.answers)}::jsonb, correct = ${v.correct}, score = ${v.score}, passed = ${v.passed},
    answered_at = ${now.toISOString()} WHERE enterprise_id = ${enterpriseId} AND id = ${id}`);
}

export interface SignatureRow {
  id: number;
  signer_role: 'inspector' | 'enterprise';
  user_id: number | null;
  signer_name: string;
  signer_title: string;
  refused: boolean;
  witness: string;
  note: string;
  image_sha256: string | null;
  content_hash: string;
  recorded_by: number;
  signed_at: Date | string;
}

export const signaturesOf = (db: Db, enterpriseId: number, inspectionId: number) =>
  rows<SignatureRow>(db, sql`SELECT id, signer_role, user_id, signer_name, signer_title, refused, witness, note, image_sha256, content_hash, recorded_by, signed_at
    FROM inspection_signatures WHERE enterprise_id = ${enterpriseId} AND inspection_id = ${inspectionId} ORDER BY id`);

export async function insertSignature(
  tx: Db,
  v: { enterpriseId: number; inspectionId: number; signerRole: string; userId: number | null; signerName: string; signerTitle: string; refused: boolean; witness: string; note: string; imageSha256: string | null; contentHash: string; recordedBy: number },
  now: Date,
) {
  const r = await one<{ id: number }>(
    tx,
    sql`INSERT INTO inspection_signatures (enterprise_id, inspection_id, signer_role, user_id, signer_name, signer_title, refused, witness, note, image_sha256, content_hash, recorded_by, signed_at)
      VALUES (${v.enterpriseId}, ${v.inspectionId}, ${v.signerRole}, ${v.userId}, ${v.signerName}, ${v.signerTitle}, ${v.refused}, ${v.witness}, ${v.note},
        ${v.imageSha256}, ${v.contentHash}, ${v.recordedBy}, ${now.toISOString()}) RETURNING id`,
  );
  return r!.id;
}

export async function deleteSignatures(tx: Db, enterpriseId: number, inspectionId: number) {
  await tx.execute(sql`DELETE FROM inspection_signatures WHERE enterprise_id = ${enterpriseId} AND inspection_id = ${inspectionId}`);
}

/** Every signed inspection, in batches (audit verify). */
export const signedAfter = (db: Db, afterId: number, limit: number) =>
  rows<{ enterprise_id: number; id: number; code: string; content_hash: string | null }>(
    db,
    sql`SELECT enterprise_id, id, code, content_hash FROM inspections WHERE status IN ('signing', 'signed') AND id > ${afterId} ORDER BY id LIMIT ${limit}`,
  );

/** The hash the audit chain recorded when the record was locked (the chain itself is verified separately). */
export const auditedHash = (db: Db, inspectionId: number) =>
  one<{ hash: string | null }>(
    db,
    sql`SELECT after->>'contentHash' AS hash FROM audit_log WHERE entity_type = 'inspection' AND entity_id = ${String(inspectionId)} AND action = 'sign'
      ORDER BY seq DESC LIMIT 1`,
  );

/** Published visit with the given id for an enterprise, and whether the user is on its team (and in which department). */
export const visitTeamMember = (db: Db, enterpriseId: number, visitId: number, userId: number) =>
  one<{ visit_id: number; department_id: number; visit_date: string }>(
    db,
    sql`SELECT v.id AS visit_id, vi.department_id, v.visit_date::text AS visit_date FROM visits v
      JOIN visit_inspectors vi ON vi.enterprise_id = v.enterprise_id AND vi.visit_id = v.id AND vi.user_id = ${userId}
      WHERE v.enterprise_id = ${enterpriseId} AND v.id = ${visitId}`,
  );

export const visitExists = (db: Db, enterpriseId: number, visitId: number) =>
  one<{ id: number }>(db, sql`SELECT id FROM visits WHERE enterprise_id = ${enterpriseId} AND id = ${visitId}`);

/** The library items the visit's plan entries of one department pinned, and the department's people on the visit. */
export async function visitPlanItems(db: Db, enterpriseId: number, visitId: number, departmentId: number) {
  const entries = await rows<{ items: unknown }>(
    db,
    sql`SELECT pe.items FROM visit_plans vp JOIN plan_entries pe ON pe.enterprise_id = vp.enterprise_id AND pe.id = vp.entry_id
      JOIN plans p ON p.id = pe.plan_id WHERE vp.enterprise_id = ${enterpriseId} AND vp.visit_id = ${visitId} AND p.department_id = ${departmentId} ORDER BY vp.entry_id`,
  );
  const team = await rows<{ user_id: number }>(
    db,
    sql`SELECT user_id FROM visit_inspectors WHERE enterprise_id = ${enterpriseId} AND visit_id = ${visitId} AND department_id = ${departmentId} ORDER BY user_id`,
  );
  const ids: number[] = [];
  for (const e of entries) for (const id of jsonOf<number[]>(e.items, [])) if (!ids.includes(id)) ids.push(id);
  return { itemIds: ids, team: team.map((t) => t.user_id) };
}

export const enterpriseFacts = (db: Db, id: number) =>
  one<{ id: number; name: string; region_code: string; industry_domain: string; legal_representative: string; safety_officer: string }>(
    db,
    sql`SELECT id, name, region_code, industry_domain, legal_representative, safety_officer FROM enterprises WHERE id = ${id}`,
  );

export const departmentOf = (db: Db, id: number) =>
  one<{ id: number; name: string; line: string; level: string; region_code: string }>(db, sql`SELECT id, name, line, level, region_code FROM departments WHERE id = ${id}`);

export const userHash = (db: Db, id: number) =>
  one<{ id: number; display_name: string; password_hash: string; department_id: number | null; role: string }>(
    db,
    sql`SELECT id, display_name, password_hash, department_id, role FROM users WHERE id = ${id}`,
  );
