import type { SQL } from 'drizzle-orm';
import { inList, one, rows, sql, type Db } from '../../db/client.ts';
import type { Scope } from '../../core/access/principal.ts';
import { MEASURE_KINDS } from '../../core/cases/model.ts';

export interface CaseRow {
  enterprise_id: number;
  id: number;
  code: string;
  department_id: number;
  department_name: string;
  inspection_id: number | null;
  title: string;
  facts: string;
  legal_basis: string;
  party_name: string;
  party_person: string;
  party_person_role: string;
  step: 'filed' | 'investigating' | 'notified' | 'decided' | 'executing' | 'closed';
  filed_by: number;
  filed_by_name: string;
  filed_at: Date | string;
  notified_on: string | null;
  decided_on: string | null;
  closed_on: string | null;
  statement_waived: boolean;
  dual_penalty_waiver: string;
  closing_note: string;
  transfer: unknown;
  region_code: string;
  industry_domain: string;
  enterprise_name: string;
  updated_at: Date | string;
  version: number;
}

const cols = sql`c.enterprise_id, c.id, c.code, c.department_id, d.name AS department_name, c.inspection_id, c.title, c.facts, c.legal_basis, c.party_name,
  c.party_person, c.party_person_role, c.step, c.filed_by, u.display_name AS filed_by_name, c.filed_at, c.notified_on::text AS notified_on,
  c.decided_on::text AS decided_on, c.closed_on::text AS closed_on, c.statement_waived, c.dual_penalty_waiver, c.closing_note, c.transfer,
  c.region_code, c.industry_domain, c.enterprise_name, c.updated_at, c.version`;
const from = sql`cases c JOIN departments d ON d.id = c.department_id JOIN users u ON u.id = c.filed_by`;

function regionRange(alias: string, prefix: string): SQL {
  const a = sql.raw(alias);
  const range = sql`${a}.region_code BETWEEN ${prefix} AND ${prefix + '999999999'}`;
  return prefix.length >= 4 ? sql`${a}.city_code = ${prefix.slice(0, 4)} AND ${range}` : range;
}

/** Cases a user sees: region subtree; a department's line or its own cases; an enterprise officer its own, once notified (告知). */
export function caseScopeSql(scope: Scope, departmentId: number | null): SQL {
  const parts: SQL[] = [regionRange('c', scope.regionPrefix)];
  if (scope.domains) parts.push(departmentId !== null ? sql`(c.industry_domain IN ${inList(scope.domains)} OR c.department_id = ${departmentId})` : sql`c.industry_domain IN ${inList(scope.domains)}`);
  if (scope.enterpriseId !== null) parts.push(sql`c.enterprise_id = ${scope.enterpriseId} AND c.step IN ('notified', 'decided', 'executing', 'closed')`);
  return sql.join(parts, sql` AND `);
}

export interface CaseFilter {
  step?: string;
  departmentId?: number;
  enterpriseId?: number;
  keyword?: string;
}

export function caseWhere(scope: SQL, f: CaseFilter): SQL {
  const parts: SQL[] = [scope];
  if (f.step) parts.push(sql`c.step = ${f.step}`);
  if (f.departmentId !== undefined) parts.push(sql`c.department_id = ${f.departmentId}`);
  if (f.enterpriseId !== undefined) parts.push(sql`c.enterprise_id = ${f.enterpriseId}`);
  if (f.keyword) {
    const like = `%${f.keyword.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    parts.push(sql`(c.title LIKE ${like} OR c.enterprise_name LIKE ${like} OR c.code = ${f.keyword})`);
  }
  return sql.join(parts, sql` AND `);
}

export async function listCases(db: Db, where: SQL, limit: number, offset: number) {
  const [items, total] = await Promise.all([
    rows<CaseRow>(db, sql`SELECT ${cols} FROM ${from} WHERE ${where} ORDER BY c.filed_at DESC, c.id DESC LIMIT ${limit} OFFSET ${offset}`),
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM cases c WHERE ${where}`),
  ]);
  return { items, total: total?.n ?? 0 };
}

export const findVisibleCase = (db: Db, scope: SQL, id: number) => one<CaseRow>(db, sql`SELECT ${cols} FROM ${from} WHERE c.id = ${id} AND ${scope}`);
export const findCase = (db: Db, enterpriseId: number, id: number) => one<CaseRow>(db, sql`SELECT ${cols} FROM ${from} WHERE c.enterprise_id = ${enterpriseId} AND c.id = ${id}`);

export async function insertCase(
  tx: Db,
  v: { enterpriseId: number; code: string; id: number; departmentId: number; inspectionId: number | null; title: string; facts: string; legalBasis: string; partyName: string; partyPerson: string; partyPersonRole: string; filedBy: number; regionCode: string; industryDomain: string; enterpriseName: string },
  now: Date,
) {
  const at = now.toISOString();
  await tx.execute(sql`INSERT INTO cases (enterprise_id, id, code, department_id, inspection_id, title, facts, legal_basis, party_name, party_person, party_person_role,
      filed_by, filed_at, region_code, industry_domain, enterprise_name, updated_at)
    VALUES (${v.enterpriseId}, ${v.id}, ${v.code}, ${v.departmentId}, ${v.inspectionId}, ${v.title}, ${v.facts}, ${v.legalBasis}, ${v.partyName}, ${v.partyPerson},
      ${v.partyPersonRole}, ${v.filedBy}, ${at}, ${v.regionCode}, ${v.industryDomain}, ${v.enterpriseName}, ${at})`);
}

export async function linkHazards(tx: Db, enterpriseId: number, caseId: number, hazardIds: readonly number[]) {
  if (!hazardIds.length) return;
  await tx.execute(sql`INSERT INTO case_hazards (enterprise_id, case_id, hazard_id) VALUES ${sql.join(hazardIds.map((h) => sql`(${enterpriseId}, ${caseId}, ${h})`), sql`, `)} ON CONFLICT DO NOTHING`);
}

export const hazardsOfCase = (db: Db, enterpriseId: number, caseId: number) =>
  rows<{ id: number; code: string; level: string; state: string; description: string; legal_basis: string }>(
    db,
    sql`SELECT h.id, h.code, h.level, h.state, h.description, h.legal_basis FROM case_hazards ch JOIN hazards h ON h.enterprise_id = ch.enterprise_id AND h.id = ch.hazard_id
      WHERE ch.enterprise_id = ${enterpriseId} AND ch.case_id = ${caseId} ORDER BY h.id`,
  );

export const hazardsOfEnterprise = (db: Db, enterpriseId: number, ids: readonly number[]) =>
  ids.length === 0 ? Promise.resolve([] as { id: number }[]) : rows<{ id: number }>(db, sql`SELECT id FROM hazards WHERE enterprise_id = ${enterpriseId} AND id IN ${inList(ids)}`);

export interface MeasureRow {
  id: number;
  kind: (typeof MEASURE_KINDS)[number]['code'];
  amount: number | null;
  person_name: string;
  person_role: string;
  description: string;
  executed: boolean;
  executed_on: string | null;
}
export const measuresOf = (db: Db, enterpriseId: number, caseId: number) =>
  rows<MeasureRow>(db, sql`SELECT id, kind, amount, person_name, person_role, description, executed, executed_on::text AS executed_on FROM case_measures
    WHERE enterprise_id = ${enterpriseId} AND case_id = ${caseId} ORDER BY id`);

export async function insertMeasure(tx: Db, enterpriseId: number, caseId: number, m: { kind: string; amount: number | null; personName: string; personRole: string; description: string }, by: number, now: Date) {
  const r = await one<{ id: number }>(tx, sql`INSERT INTO case_measures (enterprise_id, case_id, kind, amount, person_name, person_role, description, created_by, created_at)
    VALUES (${enterpriseId}, ${caseId}, ${m.kind}, ${m.amount}, ${m.personName}, ${m.personRole}, ${m.description}, ${by}, ${now.toISOString()}) RETURNING id`);
  return r!.id;
}
export async function deleteMeasure(tx: Db, enterpriseId: number, caseId: number, id: number) {
  return (await rows<{ id: number }>(tx, sql`DELETE FROM case_measures WHERE enterprise_id = ${enterpriseId} AND case_id = ${caseId} AND id = ${id} RETURNING id`)).length === 1;
}
export async function executeMeasure(tx: Db, enterpriseId: number, caseId: number, id: number, on: string) {
  return (await rows<{ id: number }>(tx, sql`UPDATE case_measures SET executed = true, executed_on = ${on} WHERE enterprise_id = ${enterpriseId} AND case_id = ${caseId} AND id = ${id} RETURNING id`)).length === 1;
}

export const evidenceOf = (db: Db, enterpriseId: number, caseId: number) =>
  rows<{ id: number; kind: string; description: string; collected_on: string }>(db, sql`SELECT id, kind, description, collected_on::text AS collected_on FROM case_evidence
    WHERE enterprise_id = ${enterpriseId} AND case_id = ${caseId} ORDER BY id`);
export async function insertEvidence(tx: Db, enterpriseId: number, caseId: number, e: { kind: string; description: string; collectedOn: string }, by: number, now: Date) {
  const r = await one<{ id: number }>(tx, sql`INSERT INTO case_evidence (enterprise_id, case_id, kind, description, collected_on, created_by, created_at)
    VALUES (${enterpriseId}, ${caseId}, ${e.kind}, ${e.description}, ${e.collectedOn}, ${by}, ${now.toISOString()}) RETURNING id`);
  return r!.id;
}

export const eventsOf = (db: Db, enterpriseId: number, caseId: number) =>
  rows<{ id: number; action: string; from_step: string | null; to_step: string | null; actor_name: string; note: string; at: Date | string }>(
    db,
    sql`SELECT id, action, from_step, to_step, actor_name, note, at FROM case_events WHERE enterprise_id = ${enterpriseId} AND case_id = ${caseId} ORDER BY id`,
  );
export async function insertEvent(tx: Db, e: { enterpriseId: number; caseId: number; action: string; fromStep: string | null; toStep: string | null; actorId: number; actorName: string; note: string; data?: unknown }, now: Date) {
  await tx.execute(sql`INSERT INTO case_events (enterprise_id, case_id, action, from_step, to_step, actor_id, actor_name, note, data, at)
    VALUES (${e.enterpriseId}, ${e.caseId}, ${e.action}, ${e.fromStep}, ${e.toStep}, ${e.actorId}, ${e.actorName}, ${e.note}, ${e.data === undefined ? null : JSON.stringify(e.data)}::jsonb, ${now.toISOString()})`);
}

export async function updateCase(tx: Db, enterpriseId: number, id: number, version: number, v: Partial<{ step: string; notifiedOn: string; decidedOn: string; closedOn: string; statementWaived: boolean; dualPenaltyWaiver: string; closingNote: string; transfer: unknown }>, now: Date) {
  const sets: SQL[] = [sql`updated_at = ${now.toISOString()}`, sql`version = version + 1`];
  if (v.step !== undefined) sets.push(sql`step = ${v.step}`);
  if (v.notifiedOn !== undefined) sets.push(sql`notified_on = ${v.notifiedOn}`);
  if (v.decidedOn !== undefined) sets.push(sql`decided_on = ${v.decidedOn}`);
  if (v.closedOn !== undefined) sets.push(sql`closed_on = ${v.closedOn}`);
  if (v.statementWaived !== undefined) sets.push(sql`statement_waived = ${v.statementWaived}`);
  if (v.dualPenaltyWaiver !== undefined) sets.push(sql`dual_penalty_waiver = ${v.dualPenaltyWaiver}`);
  if (v.closingNote !== undefined) sets.push(sql`closing_note = ${v.closingNote}`);
  if (v.transfer !== undefined) sets.push(sql`transfer = ${JSON.stringify(v.transfer)}::jsonb`);
  return (await rows<{ id: number }>(tx, sql`UPDATE cases SET ${sql.join(sets, sql`, `)} WHERE enterprise_id = ${enterpriseId} AND id = ${id} AND version = ${version} RETURNING id`)).length === 1;
}

const PENALTIES = inList(MEASURE_KINDS.filter((m) => m.penalty).map((m) => m.code));

/** Major hazards found by inspections (counted in the 立案率) matching `where` on h. */
const countedSql = sql`h.level = 'major' AND h.source = 'inspection' AND h.state <> 'dismissed'`;
const hasCase = sql`EXISTS (SELECT 1 FROM case_hazards ch WHERE ch.enterprise_id = h.enterprise_id AND ch.hazard_id = h.id)`;

/** 立案率 grouped by the next region level below `prefix` and by owning department. */
export async function filingRates(db: Db, where: SQL, prefix: string) {
  const len = prefix.length <= 2 ? 4 : prefix.length <= 4 ? 6 : 9;
  const key = sql.raw(`left(h.region_code, ${len})`);
  const byRegion = await rows<{ code: string; name: string | null; major: number; filed: number }>(
    db,
    sql`SELECT x.code, r.name, x.major, x.filed FROM (SELECT ${key} AS code, count(*)::int AS major, count(*) FILTER (WHERE ${hasCase})::int AS filed
        FROM hazards h WHERE ${where} AND ${countedSql} GROUP BY 1) x
      LEFT JOIN regions r ON r.code = CASE WHEN length(x.code) = 4 THEN x.code || '00' ELSE x.code END ORDER BY x.code`,
  );
  const byDepartment = await rows<{ id: number | null; name: string | null; major: number; filed: number }>(
    db,
    sql`SELECT h.department_id AS id, d.name, count(*)::int AS major, count(*) FILTER (WHERE ${hasCase})::int AS filed
      FROM hazards h LEFT JOIN departments d ON d.id = h.department_id WHERE ${where} AND ${countedSql} GROUP BY h.department_id, d.name ORDER BY d.name`,
  );
  return { byRegion, byDepartment };
}

/** 零处罚 major hazards found by inspections with no case under way and no decided penalty. */
export function zeroPenaltySql(): SQL {
  return sql`${countedSql} AND NOT EXISTS (SELECT 1 FROM case_hazards ch JOIN cases c ON c.enterprise_id = ch.enterprise_id AND c.id = ch.case_id
      WHERE ch.enterprise_id = h.enterprise_id AND ch.hazard_id = h.id
        AND (c.step <> 'closed' OR EXISTS (SELECT 1 FROM case_measures m WHERE m.enterprise_id = c.enterprise_id AND m.case_id = c.id AND m.kind IN ${PENALTIES})))`;
}
