import type { SQL } from 'drizzle-orm';
import { inList, one, rows, sql, type Db } from '../../db/client.ts';
import type { HeldEntry, PlanLevel } from '../../core/planning/index.ts';

export interface DepartmentRow {
  id: number;
  code: string;
  name: string;
  line: string;
  level: PlanLevel;
  region_code: string;
}

export const findDepartment = (db: Db, id: number) =>
  one<DepartmentRow>(db, sql`SELECT id, code, name, line, level, region_code FROM departments WHERE id = ${id}`);

export async function findDepartments(db: Db, ids: readonly number[]): Promise<DepartmentRow[]> {
  if (ids.length === 0) return [];
  return rows<DepartmentRow>(db, sql`SELECT id, code, name, line, level, region_code FROM departments WHERE id IN ${inList([...new Set(ids)])}`);
}

export interface CandidateRow {
  id: number;
  name: string;
  uscc: string;
  region_code: string;
  industry_domain: string;
  key_enterprise: boolean;
  risk_level: 'red' | 'orange' | 'yellow' | 'blue';
  credit_grade: 'A' | 'B' | 'C' | 'D';
  standardization_level: '1' | '2' | '3' | 'none';
  last_accident_date: string | Date | null;
  revoked_on: string | Date | null;
}

/** Enterprises a department may plan: in the region subtree and the line's industry domains (null = all). */
export function candidates(db: Db, regionPrefix: string, domains: readonly string[] | null, ids?: readonly number[]) {
  const parts: SQL[] = [sql`e.region_code LIKE ${regionPrefix + '%'}`, sql`e.small_venue_category IS NULL`];
  if (domains) parts.push(sql`e.industry_domain IN ${inList(domains)}`);
  if (ids) parts.push(sql`e.id IN ${inList(ids)}`);
  return rows<CandidateRow>(
    db,
    sql`SELECT e.id, e.name, e.uscc, e.region_code, e.industry_domain, e.key_enterprise, e.risk_level, e.credit_grade,
        e.standardization_level, e.last_accident_date,
        (SELECT max(s.revoked_on) FROM standardization_revocations s WHERE s.enterprise_id = e.id) AS revoked_on
      FROM enterprises e WHERE ${sql.join(parts, sql` AND `)} ORDER BY e.id`,
  );
}

export interface HeldRow {
  entry_id: number;
  plan_id: number;
  enterprise_id: number;
  line: string;
  level: PlanLevel;
  window_start: string | Date;
  window_end: string | Date;
  department_id: number;
  department_name: string;
}

export const isoDate = (v: string | Date | null): string | null =>
  v === null ? null : typeof v === 'string' ? v.slice(0, 10) : `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`;

/** Entries of one line for these enterprises, in windows overlapping the period (all plan states). */
export async function heldEntries(db: Db, line: string, enterpriseIds: readonly number[], start: string, end: string) {
  const out: (HeldEntry & { departmentName: string })[] = [];
  for (let i = 0; i < enterpriseIds.length; i += 1000) {
    const chunk = enterpriseIds.slice(i, i + 1000);
    if (chunk.length === 0) continue;
    const r = await rows<HeldRow>(
      db,
      sql`SELECT pe.id AS entry_id, pe.plan_id, pe.enterprise_id, pe.line, pe.level, pe.window_start::text AS window_start,
          pe.window_end::text AS window_end, p.department_id, d.name AS department_name
        FROM plan_entries pe JOIN plans p ON p.id = pe.plan_id JOIN departments d ON d.id = p.department_id
        WHERE pe.line = ${line} AND pe.enterprise_id IN ${inList(chunk)} AND pe.window_start <= ${end} AND pe.window_end >= ${start}`,
    );
    for (const x of r) {
      out.push({
        entryId: x.entry_id,
        planId: x.plan_id,
        enterpriseId: x.enterprise_id,
        line: x.line,
        level: x.level,
        window: { start: isoDate(x.window_start)!, end: isoDate(x.window_end)! },
        departmentId: x.department_id,
        departmentName: x.department_name,
      });
    }
  }
  return out;
}

export interface PlanRow {
  id: number;
  department_id: number;
  department_code: string;
  department_name: string;
  region_code: string;
  region_name: string;
  line: string;
  level: PlanLevel;
  title: string;
  period_start: string;
  period_end: string;
  status: 'draft' | 'submitted' | 'approved' | 'published';
  draw: unknown;
  return_note: string | null;
  created_by: number | null;
  created_at: string | Date;
  updated_at: string | Date;
  published_at: string | Date | null;
  entry_count: number;
}

const planColumns = sql`p.id, p.department_id, d.code AS department_code, d.name AS department_name, p.region_code, r.name AS region_name,
  p.line, p.level, p.title, p.period_start::text AS period_start, p.period_end::text AS period_end, p.status, p.draw, p.return_note,
  p.created_by, p.created_at, p.updated_at, p.published_at,
  (SELECT count(*)::int FROM plan_entries pe WHERE pe.plan_id = p.id) AS entry_count`;
const planFrom = sql`plans p JOIN departments d ON d.id = p.department_id JOIN regions r ON r.code = p.region_code`;

export async function listPlans(db: Db, where: SQL, limit: number, offset: number) {
  const [items, total] = await Promise.all([
    rows<PlanRow>(
      db,
      sql`SELECT ${planColumns} FROM ${planFrom} WHERE ${where}
        ORDER BY p.period_start DESC, array_position(ARRAY['city','district','town'], p.level), p.region_code, p.id LIMIT ${limit} OFFSET ${offset}`,
    ),
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${planFrom} WHERE ${where}`),
  ]);
  return { items, total: total?.n ?? 0 };
}

export const findPlan = (db: Db, where: SQL) => one<PlanRow>(db, sql`SELECT ${planColumns} FROM ${planFrom} WHERE ${where}`);

export interface EntryRow {
  id: number;
  plan_id: number;
  enterprise_id: number;
  enterprise_name: string;
  uscc: string;
  region_code: string;
  industry_domain: string;
  window_start: string;
  window_end: string;
  items: unknown;
  inspectors_needed: number;
  required_qualifications: unknown;
  selection: 'listed' | 'sampled' | 'manual';
  reasons: unknown;
}

export function entriesOf(db: Db, planIds: readonly number[]) {
  if (planIds.length === 0) return Promise.resolve([] as EntryRow[]);
  return rows<EntryRow>(
    db,
    sql`SELECT pe.id, pe.plan_id, pe.enterprise_id, e.name AS enterprise_name, e.uscc, e.region_code, e.industry_domain,
        pe.window_start::text AS window_start, pe.window_end::text AS window_end, pe.items, pe.inspectors_needed,
        pe.required_qualifications, pe.selection, pe.reasons
      FROM plan_entries pe JOIN enterprises e ON e.id = pe.enterprise_id WHERE pe.plan_id IN ${inList(planIds)}
      ORDER BY pe.plan_id, e.name, pe.window_start, pe.id`,
  );
}

export interface NewPlan {
  departmentId: number;
  regionCode: string;
  line: string;
  level: PlanLevel;
  title: string;
  periodStart: string;
  periodEnd: string;
  draw: unknown;
  createdBy: number | null;
  status?: 'draft' | 'submitted' | 'approved' | 'published';
}

export interface NewEntry {
  enterpriseId: number;
  windowStart: string;
  windowEnd: string;
  items: number[];
  inspectorsNeeded: number;
  requiredQualifications: string[];
  selection: 'listed' | 'sampled' | 'manual';
  reasons: unknown[];
}

export async function insertPlan(tx: Db, p: NewPlan, entries: NewEntry[], now: Date): Promise<{ id: number; entryIds: number[] }> {
  const at = now.toISOString();
  const row = await one<{ id: number }>(
    tx,
    sql`INSERT INTO plans (department_id, region_code, line, level, title, period_start, period_end, status, draw, created_by, created_at, updated_at, published_at)
      VALUES (${p.departmentId}, ${p.regionCode}, ${p.line}, ${p.level}, ${p.title}, ${p.periodStart}, ${p.periodEnd}, ${p.status ?? 'draft'},
        ${p.draw === null ? null : JSON.stringify(p.draw)}::jsonb, ${p.createdBy}, ${at}, ${at}, ${p.status === 'published' ? at : null}) RETURNING id`,
  );
  const id = row!.id;
  return { id, entryIds: await insertEntries(tx, id, p.line, p.level, entries) };
}

export async function insertEntries(tx: Db, planId: number, line: string, level: PlanLevel, entries: readonly NewEntry[]): Promise<number[]> {
  const entryIds: number[] = [];
  for (let i = 0; i < entries.length; i += 300) {
    const r = await rows<{ id: number }>(
      tx,
      sql`INSERT INTO plan_entries (enterprise_id, plan_id, line, level, window_start, window_end, items, inspectors_needed, required_qualifications, selection, reasons)
        VALUES ${sql.join(
          entries.slice(i, i + 300).map(
            (e) => sql`(${e.enterpriseId}, ${planId}, ${line}, ${level}, ${e.windowStart}, ${e.windowEnd}, ${JSON.stringify(e.items)}::jsonb,
              ${e.inspectorsNeeded}, ${JSON.stringify(e.requiredQualifications)}::jsonb, ${e.selection}, ${JSON.stringify(e.reasons)}::jsonb)`,
          ),
          sql`, `,
        )} RETURNING id`,
    );
    entryIds.push(...r.map((x) => x.id));
  }
  return entryIds;
}

/** The editable head of a draft plan; null when it is no longer a draft. */
export const updatePlanHeader = (tx: Db, id: number, v: { title: string; periodStart: string; periodEnd: string; draw: unknown }, now: Date) =>
  one<{ id: number }>(
    tx,
    sql`UPDATE plans SET title = ${v.title}, period_start = ${v.periodStart}, period_end = ${v.periodEnd},
      draw = ${v.draw === null ? null : JSON.stringify(v.draw)}::jsonb, updated_at = ${now.toISOString()}
      WHERE id = ${id} AND status = 'draft' RETURNING id`,
  );

export async function updateEntry(tx: Db, id: number, e: NewEntry) {
  await tx.execute(sql`UPDATE plan_entries SET window_start = ${e.windowStart}, window_end = ${e.windowEnd}, items = ${JSON.stringify(e.items)}::jsonb,
    inspectors_needed = ${e.inspectorsNeeded}, required_qualifications = ${JSON.stringify(e.requiredQualifications)}::jsonb,
    selection = ${e.selection}, reasons = ${JSON.stringify(e.reasons)}::jsonb
    WHERE enterprise_id = ${e.enterpriseId} AND id = ${id}`);
}

export async function deleteEntries(tx: Db, keys: readonly { enterpriseId: number; id: number }[]) {
  for (const k of keys) await tx.execute(sql`DELETE FROM plan_entries WHERE enterprise_id = ${k.enterpriseId} AND id = ${k.id}`);
}

/** Entries among `keys` that a published visit already names (they cannot be removed). */
export async function entriesInVisits(db: Db, keys: readonly { enterpriseId: number; id: number }[]) {
  if (keys.length === 0) return [];
  return rows<{ entry_id: number }>(
    db,
    sql`SELECT DISTINCT entry_id FROM visit_plans WHERE (enterprise_id, entry_id) IN (${sql.join(keys.map((k) => sql`(${k.enterpriseId}, ${k.id})`), sql`, `)})`,
  );
}

export async function setStatus(tx: Db, id: number, from: string, to: string, note: string | null, now: Date) {
  return one<{ id: number }>(
    tx,
    sql`UPDATE plans SET status = ${to}, return_note = ${note}, updated_at = ${now.toISOString()},
      published_at = CASE WHEN ${to} = 'published' THEN ${now.toISOString()}::timestamptz ELSE published_at END
      WHERE id = ${id} AND status = ${from} RETURNING id`,
  );
}

export async function getMatrix(db: Db) {
  return rows<{ risk_level: 'red' | 'orange' | 'yellow' | 'blue'; credit_grade: 'A' | 'B' | 'C' | 'D'; per_year: number }>(
    db,
    sql`SELECT risk_level, credit_grade, per_year FROM frequency_matrix ORDER BY array_position(ARRAY['red','orange','yellow','blue'], risk_level), credit_grade`,
  );
}

export async function setMatrix(tx: Db, cells: { riskLevel: string; creditGrade: string; perYear: number }[]) {
  for (const c of cells) {
    await tx.execute(sql`INSERT INTO frequency_matrix (risk_level, credit_grade, per_year) VALUES (${c.riskLevel}, ${c.creditGrade}, ${c.perYear})
      ON CONFLICT (risk_level, credit_grade) DO UPDATE SET per_year = EXCLUDED.per_year`);
  }
}

/** Published plans for the public page (公示): no login, names and windows only. */
export async function publicPlans(db: Db, where: SQL, limit: number, offset: number) {
  return listPlans(db, sql`p.status = 'published' AND ${where}`, limit, offset);
}

/** 节假日 the calendar's days between two dates (inclusive), sorted. */
export function holidayDays(db: Db, start: string, end: string) {
  return rows<{ date: string; kind: 'holiday' | 'workday'; name: string }>(
    db,
    sql`SELECT day::text AS date, kind, name FROM public_holidays WHERE day BETWEEN ${start} AND ${end} ORDER BY day`,
  );
}

/** Replaces one year of the calendar. */
export async function replaceHolidayYear(tx: Db, year: number, days: readonly { date: string; kind: string; name: string }[]) {
  await tx.execute(sql`DELETE FROM public_holidays WHERE day BETWEEN ${`${year}-01-01`} AND ${`${year}-12-31`}`);
  if (days.length === 0) return;
  await tx.execute(sql`INSERT INTO public_holidays (day, kind, name) VALUES ${sql.join(
    days.map((d) => sql`(${d.date}, ${d.kind}, ${d.name})`),
    sql`, `,
  )}`);
}
