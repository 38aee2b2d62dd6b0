import type { SQL } from 'drizzle-orm';
import { inList, one, rows, sql, type Db } from '../../db/client.ts';
import type { Scope } from '../../core/access/principal.ts';
import { OPEN_STATES } from '../../core/hazards/model.ts';

export interface HazardRow {
  enterprise_id: number;
  id: number;
  code: string;
  source: 'inspection' | 'self_inspection' | 'public_report' | 'grid_patrol';
  source_ref: string;
  inspection_id: number | null;
  inspection_code?: string | null;
  checklist_id: number | null;
  self_inspection_id: number | null;
  item_id: number | null;
  item_code: string | null;
  item_text: string;
  legal_basis: string;
  level: 'general' | 'major';
  state: 'reported' | 'confirmed' | 'rectifying' | 'submitted' | 'closed' | 'dismissed';
  description: string;
  location: string;
  found_by: number | null;
  found_by_name: string;
  found_at: Date | string;
  deadline: string | null;
  responsible_person: string;
  five_fixes: unknown;
  submitted_by: number | null;
  submitted_at: Date | string | null;
  closed_at: Date | string | null;
  closed_by: number | null;
  closed_on_time: boolean | null;
  escalation_step: number;
  escalated_at: Date | string | null;
  region_code: string;
  industry_domain: string;
  enterprise_name: string;
  department_id: number | null;
  department_name?: string | null;
  region_name?: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  version: number;
}

const OPEN = inList(OPEN_STATES);
const cols = sql`h.enterprise_id, h.id, h.code, h.source, h.source_ref, h.inspection_id, h.checklist_id, h.self_inspection_id, h.item_id, h.item_code,
  h.item_text, h.legal_basis, h.level, h.state, h.description, h.location, h.found_by, h.found_by_name, h.found_at, h.deadline::text AS deadline,
  h.responsible_person, h.five_fixes, h.submitted_by, h.submitted_at, h.closed_at, h.closed_by, h.closed_on_time, h.escalation_step, h.escalated_at,
  h.region_code, h.industry_domain, h.enterprise_name, h.department_id, h.created_at, h.updated_at, h.version,
  d.name AS department_name, r.name AS region_name`;
const from = sql`hazards h LEFT JOIN departments d ON d.id = h.department_id LEFT JOIN regions r ON r.code = h.region_code`;

function regionRange(prefix: string): SQL {
  const range = sql`h.region_code BETWEEN ${prefix} AND ${prefix + '999999999'}`;
  return prefix.length >= 4 ? sql`h.city_code = ${prefix.slice(0, 4)} AND ${range}` : range;
}

/**
 * 数据范围 of the ledger: the region subtree; a department user's line (its domains) plus every hazard its own department
 * owns (a joint visit may take a line outside its domains); an enterprise officer: its own enterprise.
 */
export function hazardScopeSql(scope: Scope, departmentId: number | null): SQL {
  const parts: SQL[] = [regionRange(scope.regionPrefix)];
  if (scope.domains) {
    parts.push(departmentId !== null ? sql`(h.industry_domain IN ${inList(scope.domains)} OR h.department_id = ${departmentId})` : sql`h.industry_domain IN ${inList(scope.domains)}`);
  }
  if (scope.enterpriseId !== null) parts.push(sql`h.enterprise_id = ${scope.enterpriseId}`);
  return sql.join(parts, sql` AND `);
}

export interface LedgerFilter {
  state?: string;
  level?: string;
  overdue?: boolean;
  regionPrefix?: string;
  departmentId?: number;
  industryDomain?: string;
  source?: string;
  enterpriseId?: number;
  keyword?: string;
  escalation?: number;
  inspectionId?: number;
}

export function ledgerWhere(scope: SQL, f: LedgerFilter, today: string, withState = true): SQL {
  const parts: SQL[] = [scope];
  if (withState && f.state) parts.push(sql`h.state = ${f.state}`);
  if (f.level) parts.push(sql`h.level = ${f.level}`);
  if (f.overdue === true) parts.push(sql`h.state IN ${OPEN} AND h.deadline < ${today}`);
  if (f.overdue === false) parts.push(sql`NOT (h.state IN ${OPEN} AND h.deadline IS NOT NULL AND h.deadline < ${today})`);
  if (f.regionPrefix) parts.push(regionRange(f.regionPrefix));
  if (f.departmentId !== undefined) parts.push(sql`h.department_id = ${f.departmentId}`);
  if (f.industryDomain) parts.push(sql`h.industry_domain = ${f.industryDomain}`);
  if (f.source) parts.push(sql`h.source = ${f.source}`);
  if (f.enterpriseId !== undefined) parts.push(sql`h.enterprise_id = ${f.enterpriseId}`);
  if (f.inspectionId !== undefined) parts.push(sql`h.inspection_id = ${f.inspectionId}`);
  if (f.escalation !== undefined) parts.push(sql`h.escalation_step >= ${f.escalation} AND h.state IN ${OPEN}`);
  if (f.keyword) {
    const like = `%${f.keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`(h.description LIKE ${like} OR h.enterprise_name LIKE ${like} OR h.code = ${f.keyword.trim()})`);
  }
  return sql.join(parts, sql` AND `);
}

export type LedgerSort = 'foundAt' | 'deadline' | 'escalation';
const ORDER: Record<LedgerSort, SQL> = {
  foundAt: sql`h.found_at DESC, h.id DESC`,
  deadline: sql`h.deadline ASC NULLS LAST, h.id ASC`,
  escalation: sql`h.escalation_step DESC, h.deadline ASC NULLS LAST, h.id ASC`,
};

export const listHazards = (db: Db, where: SQL, sort: LedgerSort, limit: number, offset: number) =>
  rows<HazardRow>(db, sql`SELECT ${cols} FROM ${from} WHERE ${where} ORDER BY ${ORDER[sort]} LIMIT ${limit} OFFSET ${offset}`);

/** Exact up to `cap`; past it the count says so (the page shows "10,000+"). */
export async function countHazards(db: Db, where: SQL, cap: number): Promise<{ total: number; capped: boolean }> {
  const r = await one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM hazards h WHERE ${where} LIMIT ${cap + 1}) t`);
  const n = r?.n ?? 0;
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false };
}

/** Counts by state, and the figures of the rates, under the ledger's filters (except the state filter). */
export async function ledgerSummary(db: Db, where: SQL, today: string) {
  const [byState, figures] = await Promise.all([
    rows<{ state: string; n: number }>(db, sql`SELECT h.state, count(*)::int AS n FROM hazards h WHERE ${where} GROUP BY h.state`),
    one<{ total: number; closed: number; on_time: number; overdue: number; major: number }>(
      db,
      sql`SELECT count(*) FILTER (WHERE h.state <> 'dismissed')::int AS total, count(*) FILTER (WHERE h.state = 'closed')::int AS closed,
        count(*) FILTER (WHERE h.state = 'closed' AND h.closed_on_time)::int AS on_time,
        count(*) FILTER (WHERE h.state IN ${OPEN} AND h.deadline < ${today})::int AS overdue,
        count(*) FILTER (WHERE h.level = 'major' AND h.state <> 'dismissed')::int AS major
        FROM hazards h WHERE ${where}`,
    ),
  ]);
  return { byState, figures: figures ?? { total: 0, closed: 0, on_time: 0, overdue: 0, major: 0 } };
}

export const findHazard = (db: Db, id: number) => one<HazardRow>(db, sql`SELECT ${cols}, i.code AS inspection_code FROM ${from}
  LEFT JOIN inspections i ON i.enterprise_id = h.enterprise_id AND i.id = h.inspection_id WHERE h.id = ${id}`);
export const findHazardIn = (db: Db, enterpriseId: number, id: number) =>
  one<HazardRow>(db, sql`SELECT ${cols} FROM ${from} WHERE h.enterprise_id = ${enterpriseId} AND h.id = ${id}`);
export const hazardsOfInspection = (db: Db, enterpriseId: number, inspectionId: number) =>
  rows<HazardRow>(db, sql`SELECT ${cols} FROM ${from} WHERE h.enterprise_id = ${enterpriseId} AND h.inspection_id = ${inspectionId} ORDER BY h.id`);

export interface NewHazard {
  enterpriseId: number;
  source: HazardRow['source'];
  sourceRef: string;
  inspectionId: number | null;
  checklistId: number | null;
  selfInspectionId: number | null;
  itemId: number | null;
  itemCode: string | null;
  itemText: string;
  legalBasis: string;
  level: HazardRow['level'];
  state: HazardRow['state'];
  description: string;
  location: string;
  foundBy: number | null;
  foundByName: string;
  foundAt: Date;
  deadline: string | null;
  responsiblePerson: string;
  regionCode: string;
  industryDomain: string;
  enterpriseName: string;
  departmentId: number | null;
  closedAt?: Date | null;
  closedBy?: number | null;
  closedOnTime?: boolean | null;
}

/** 隐患编号 YH<year>-<six digits>: the year it was found and its ledger number. */
export const hazardCode = (id: number, foundAt: Date) => `YH${new Date(foundAt.getTime() + 8 * 3_600_000).getUTCFullYear()}-${String(id).padStart(6, '0')}`;

export async function insertHazards(tx: Db, list: readonly NewHazard[], now: Date): Promise<{ id: number; code: string }[]> {
  if (list.length === 0) return [];
  const ids = await rows<{ id: number }>(tx, sql`SELECT nextval('hazards_id_seq')::int AS id FROM generate_series(1, ${list.length})`);
  const out = list.map((h, i) => ({ id: ids[i]!.id, code: hazardCode(ids[i]!.id, h.foundAt) }));
  const at = now.toISOString();
  for (let k = 0; k < list.length; k += 200) {
    await tx.execute(sql`INSERT INTO hazards (enterprise_id, id, code, source, source_ref, inspection_id, checklist_id, self_inspection_id, item_id, item_code,
        item_text, legal_basis, level, state, description, location, found_by, found_by_name, found_at, deadline, responsible_person, closed_at, closed_by,
        closed_on_time, region_code, industry_domain, enterprise_name, department_id, created_at, updated_at)
      VALUES ${sql.join(
        list.slice(k, k + 200).map((h, j) => {
          const x = out[k + j]!;
          return sql`(${h.enterpriseId}, ${x.id}, ${x.code}, ${h.source}, ${h.sourceRef}, ${h.inspectionId}, ${h.checklistId}, ${h.selfInspectionId}, ${h.itemId},
            ${h.itemCode}, ${h.itemText}, ${h.legalBasis}, ${h.level}, ${h.state}, ${h.description}, ${h.location}, ${h.foundBy}, ${h.foundByName},
            ${h.foundAt.toISOString()}, ${h.deadline}, ${h.responsiblePerson}, ${h.closedAt ? h.closedAt.toISOString() : null}, ${h.closedBy ?? null},
            ${h.closedOnTime ?? null}, ${h.regionCode}, ${h.industryDomain}, ${h.enterpriseName}, ${h.departmentId}, ${at}, ${at})`;
        }),
        sql`, `,
      )}`);
  }
  return out;
}

export interface NewEvent {
  enterpriseId: number;
  hazardId: number;
  action: string;
  fromState: string | null;
  toState: string | null;
  actorId: number | null;
  actorName: string;
  note: string;
  data: unknown;
}

export async function insertEvents(tx: Db, list: readonly NewEvent[], now: Date): Promise<number[]> {
  const ids: number[] = [];
  for (let k = 0; k < list.length; k += 500) {
    const r = await rows<{ id: number }>(
      tx,
      sql`INSERT INTO hazard_events (enterprise_id, hazard_id, action, from_state, to_state, actor_id, actor_name, note, data, at) VALUES ${sql.join(
        list.slice(k, k + 500).map((e) => sql`(${e.enterpriseId}, ${e.hazardId}, ${e.action}, ${e.fromState}, ${e.toState}, ${e.actorId}, ${e.actorName}, ${e.note},
          ${e.data === null || e.data === undefined ? null : JSON.stringify(e.data)}::jsonb, ${now.toISOString()})`),
        sql`, `,
      )} RETURNING id`,
    );
    ids.push(...r.map((x) => x.id));
  }
  return ids;
}

export const eventsOf = (db: Db, enterpriseId: number, hazardId: number) =>
  rows<{ id: number; action: string; from_state: string | null; to_state: string | null; actor_id: number | null; actor_name: string; note: string; data: unknown; at: Date | string }>(
    db,
    sql`SELECT id, action, from_state, to_state, actor_id, actor_name, note, data, at FROM hazard_events
      WHERE enterprise_id = ${enterpriseId} AND hazard_id = ${hazardId} ORDER BY id`,
  );

export async function updateHazard(
  tx: Db,
  enterpriseId: number,
  id: number,
  version: number,
  v: Partial<{ state: string; level: string; deadline: string | null; responsiblePerson: string; fiveFixes: unknown; submittedBy: number | null; submittedAt: Date | null; closedAt: Date | null; closedBy: number | null; closedOnTime: boolean | null; escalationStep: number; escalatedAt: Date | null }>,
  now: Date,
): Promise<boolean> {
  const sets: SQL[] = [sql`updated_at = ${now.toISOString()}`, sql`version = version + 1`];
  const d = (x: Date | null) => (x ? x.toISOString() : null);
  if (v.state !== undefined) sets.push(sql`state = ${v.state}`);
  if (v.level !== undefined) sets.push(sql`level = ${v.level}`);
  if (v.deadline !== undefined) sets.push(sql`deadline = ${v.deadline}`);
  if (v.responsiblePerson !== undefined) sets.push(sql`responsible_person = ${v.responsiblePerson}`);
  if (v.fiveFixes !== undefined) sets.push(sql`five_fixes = ${JSON.stringify(v.fiveFixes)}::jsonb`);
  if (v.submittedBy !== undefined) sets.push(sql`submitted_by = ${v.submittedBy}`);
  if (v.submittedAt !== undefined) sets.push(sql`submitted_at = ${d(v.submittedAt)}`);
  if (v.closedAt !== undefined) sets.push(sql`closed_at = ${d(v.closedAt)}`);
  if (v.closedBy !== undefined) sets.push(sql`closed_by = ${v.closedBy}`);
  if (v.closedOnTime !== undefined) sets.push(sql`closed_on_time = ${v.closedOnTime}`);
  if (v.escalationStep !== undefined) sets.push(sql`escalation_step = ${v.escalationStep}`);
  if (v.escalatedAt !== undefined) sets.push(sql`escalated_at = ${d(v.escalatedAt)}`);
  const r = await rows<{ id: number }>(tx, sql`UPDATE hazards SET ${sql.join(sets, sql`, `)} WHERE enterprise_id = ${enterpriseId} AND id = ${id} AND version = ${version} RETURNING id`);
  return r.length === 1;
}

/** The department that supervises a domain at the enterprise's county, else at its city (for hazards nobody inspected). */
export const supervisingDepartment = (db: Db, line: string, regionCode: string) =>
  one<{ id: number }>(
    db,
    sql`SELECT id FROM departments WHERE line = ${line} AND region_code IN (${regionCode.slice(0, 6)}, ${regionCode.slice(0, 4) + '00'})
      ORDER BY CASE level WHEN 'town' THEN 0 WHEN 'district' THEN 1 ELSE 2 END, id LIMIT 1`,
  );

// ── escalation ──────────────────────────────────────────────────────────────
export const escalationRules = (db: Db) =>
  rows<{ level: 'general' | 'major'; step: 1 | 2 | 3 | 4; days_overdue: number }>(db, sql`SELECT level, step::int AS step, days_overdue FROM hazard_escalation_rules ORDER BY level, step`);

export async function replaceEscalationRules(tx: Db, rules: readonly { level: string; step: number; daysOverdue: number }[]) {
  await tx.execute(sql`DELETE FROM hazard_escalation_rules`);
  if (rules.length) {
    await tx.execute(sql`INSERT INTO hazard_escalation_rules (level, step, days_overdue) VALUES ${sql.join(rules.map((r) => sql`(${r.level}, ${r.step}, ${r.daysOverdue})`), sql`, `)}`);
  }
}

/** Open hazards past their deadline, in (id) batches, for the daily escalation. */
export const overdueAfter = (db: Db, today: string, afterId: number, limit: number) =>
  rows<{ enterprise_id: number; id: number; level: 'general' | 'major'; deadline: string; escalation_step: number; version: number; code: string }>(
    db,
    sql`SELECT enterprise_id, id, level, deadline::text AS deadline, escalation_step::int AS escalation_step, version, code FROM hazards
      WHERE state IN ${OPEN} AND deadline < ${today} AND id > ${afterId} ORDER BY id LIMIT ${limit}`,
  );

/** Sets the escalation step of many hazards at once (the daily run). */
export async function setEscalationSteps(tx: Db, list: readonly { enterpriseId: number; id: number; step: number }[], now: Date) {
  if (list.length === 0) return;
  await tx.execute(sql`UPDATE hazards AS h SET escalation_step = x.step, escalated_at = ${now.toISOString()}, updated_at = ${now.toISOString()}, version = h.version + 1
    FROM json_to_recordset(${JSON.stringify(list)}::json) AS x("enterpriseId" integer, id integer, step smallint)
    WHERE h.enterprise_id = x."enterpriseId" AND h.id = x.id`);
}

/** Puts the register's current region, domain and name back on hazards and cases whose copies drifted (answers how many). */
export async function syncEnterpriseFacts(db: Db, enterpriseId?: number): Promise<number> {
  const only = enterpriseId !== undefined ? sql` AND e.id = ${enterpriseId} AND t.enterprise_id = ${enterpriseId}` : sql``;
  const a = await rows<{ id: number }>(db, sql`UPDATE hazards t SET region_code = e.region_code, industry_domain = e.industry_domain, enterprise_name = e.name
    FROM enterprises e WHERE e.id = t.enterprise_id${only}
      AND (t.region_code <> e.region_code OR t.industry_domain <> e.industry_domain OR t.enterprise_name <> e.name) RETURNING t.id`);
  const b = await rows<{ id: number }>(db, sql`UPDATE cases t SET region_code = e.region_code, industry_domain = e.industry_domain, enterprise_name = e.name
    FROM enterprises e WHERE e.id = t.enterprise_id${only}
      AND (t.region_code <> e.region_code OR t.industry_domain <> e.industry_domain OR t.enterprise_name <> e.name) RETURNING t.id`);
  return a.length + b.length;
}

/** Keyset walk of the ledger for the export (found_at desc). */
export const exportPage = (db: Db, where: SQL, after: { foundAt: string; id: number } | null, limit: number) =>
  rows<HazardRow>(db, sql`SELECT ${cols} FROM ${from} WHERE ${where}${after ? sql` AND (h.found_at, h.id) < (${after.foundAt}::timestamptz, ${after.id})` : sql``}
    ORDER BY h.found_at DESC, h.id DESC LIMIT ${limit}`);

// ── self-inspections ────────────────────────────────────────────────────────
export interface SelfInspectionRow {
  enterprise_id: number;
  id: number;
  client_id: string;
  title: string;
  conducted_on: string;
  participants: string;
  summary: string;
  created_by: number;
  created_by_name: string;
  created_at: Date | string;
  hazards: number;
}

const selfCols = sql`s.enterprise_id, s.id, s.client_id, s.title, s.conducted_on::text AS conducted_on, s.participants, s.summary, s.created_by,
  u.display_name AS created_by_name, s.created_at,
  (SELECT count(*)::int FROM hazards h WHERE h.enterprise_id = s.enterprise_id AND h.self_inspection_id = s.id) AS hazards`;

export const selfInspectionsOf = (db: Db, enterpriseId: number, limit: number, offset: number) =>
  Promise.all([
    rows<SelfInspectionRow>(db, sql`SELECT ${selfCols} FROM self_inspections s JOIN users u ON u.id = s.created_by WHERE s.enterprise_id = ${enterpriseId}
      ORDER BY s.conducted_on DESC, s.id DESC LIMIT ${limit} OFFSET ${offset}`),
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM self_inspections WHERE enterprise_id = ${enterpriseId}`),
  ]);
export const findSelfInspection = (db: Db, enterpriseId: number, clientId: string) =>
  one<SelfInspectionRow>(db, sql`SELECT ${selfCols} FROM self_inspections s JOIN users u ON u.id = s.created_by WHERE s.enterprise_id = ${enterpriseId} AND s.client_id = ${clientId}`);
export const findSelfInspectionById = (db: Db, enterpriseId: number, id: number) =>
  one<SelfInspectionRow>(db, sql`SELECT ${selfCols} FROM self_inspections s JOIN users u ON u.id = s.created_by WHERE s.enterprise_id = ${enterpriseId} AND s.id = ${id}`);

export async function insertSelfInspection(tx: Db, v: { enterpriseId: number; clientId: string; title: string; conductedOn: string; participants: string; summary: string; createdBy: number }, now: Date) {
  const r = await one<{ id: number }>(
    tx,
    sql`INSERT INTO self_inspections (enterprise_id, client_id, title, conducted_on, participants, summary, created_by, created_at)
      VALUES (${v.enterpriseId}, ${v.clientId}, ${v.title}, ${v.conductedOn}, ${v.participants}, ${v.summary}, ${v.createdBy}, ${now.toISOString()}) RETURNING id`,
  );
  return r!.id;
}

// ── documents and officers for the hazard's documents ─────────────────────────
export const rectificationOrders = (db: Db, enterpriseId: number, hazardId: number, inspectionId: number | null) =>
  rows<{ id: number; number: string; issued_at: Date | string; kind: string }>(
    db,
    sql`SELECT id, number, issued_at, kind FROM documents WHERE enterprise_id = ${enterpriseId} AND kind = 'rectification_order'
      AND ((source_type = 'hazard' AND source_id = ${hazardId})${inspectionId !== null ? sql` OR (source_type = 'inspection' AND source_id = ${inspectionId})` : sql``})
      ORDER BY issued_at DESC, id DESC`,
  );

export const documentsOfHazard = (db: Db, enterpriseId: number, hazardId: number, inspectionId: number | null) =>
  rows<{ id: number; kind: string; number: string; issued_at: Date | string; source_type: string; source_id: number }>(
    db,
    sql`SELECT id, kind, number, issued_at, source_type, source_id FROM documents WHERE enterprise_id = ${enterpriseId}
      AND ((source_type = 'hazard' AND source_id = ${hazardId})${inspectionId !== null ? sql` OR (source_type = 'inspection' AND source_id = ${inspectionId})` : sql``})
      ORDER BY issued_at, id`,
  );

/** Officers (name, 执法证号) of a department: the given users first, then others of the department, at most `n`. */
export const departmentOfficers = (db: Db, departmentId: number, first: readonly number[], n: number) =>
  rows<{ id: number; display_name: string; certificate_no: string | null }>(
    db,
    sql`SELECT u.id, u.display_name, p.certificate_no FROM users u LEFT JOIN inspector_profiles p ON p.user_id = u.id
      WHERE u.department_id = ${departmentId} AND u.role IN ('inspector', 'dept_head')
      ORDER BY CASE WHEN u.id IN ${inList(first.length ? first : [-1])} THEN 0 ELSE 1 END, u.id LIMIT ${n}`,
  );

export const casesOfHazard = (db: Db, enterpriseId: number, hazardId: number) =>
  rows<{ id: number; code: string; step: string; title: string }>(
    db,
    sql`SELECT c.id, c.code, c.step, c.title FROM case_hazards ch JOIN cases c ON c.enterprise_id = ch.enterprise_id AND c.id = ch.case_id
      WHERE ch.enterprise_id = ${enterpriseId} AND ch.hazard_id = ${hazardId} ORDER BY c.id`,
  );

/** 多部门检查结果集中反馈: one enterprise's inspections and hazards, by department. */
export const findingsByDepartment = (db: Db, enterpriseId: number, today: string) =>
  rows<{ department_id: number | null; department_name: string | null; inspections: number; last_inspection: string | null; open: number; overdue: number; closed: number; major_open: number }>(
    db,
    sql`WITH i AS (SELECT coalesce(department_id, 0) AS department_id, count(*)::int AS n, max(signed_at) AS last FROM inspections WHERE enterprise_id = ${enterpriseId} AND status = 'signed' GROUP BY 1),
      h AS (SELECT coalesce(department_id, 0) AS department_id, count(*) FILTER (WHERE state IN ${OPEN})::int AS open,
          count(*) FILTER (WHERE state IN ${OPEN} AND deadline < ${today})::int AS overdue, count(*) FILTER (WHERE state = 'closed')::int AS closed,
          count(*) FILTER (WHERE state IN ${OPEN} AND level = 'major')::int AS major_open
        FROM hazards WHERE enterprise_id = ${enterpriseId} GROUP BY 1)
      SELECT nullif(coalesce(i.department_id, h.department_id), 0) AS department_id, d.name AS department_name, coalesce(i.n, 0) AS inspections,
        i.last::text AS last_inspection, coalesce(h.open, 0) AS open, coalesce(h.overdue, 0) AS overdue, coalesce(h.closed, 0) AS closed,
        coalesce(h.major_open, 0) AS major_open
      FROM i FULL JOIN h ON h.department_id = i.department_id LEFT JOIN departments d ON d.id = coalesce(i.department_id, h.department_id)
      ORDER BY d.name NULLS LAST`,
  );
