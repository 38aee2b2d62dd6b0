import type { SQL } from 'drizzle-orm';
import { inList, one, rows, sql, type Db } from '../../db/client.ts';
import type { Schedule, Scenario } from '../../core/collision/index.ts';
import { json } from '../inspectors/inspectors.repo.ts';

export interface RunRow {
  id: number;
  region_code: string;
  region_name: string;
  period_start: string;
  period_end: string;
  seed: string | number;
  status: 'running' | 'done' | 'failed' | 'published';
  job_id: string | null;
  stats: unknown;
  error: string | null;
  created_by: number | null;
  created_at: string | Date;
  published_at: string | Date | null;
}

const runColumns = sql`c.id, c.region_code, r.name AS region_name, c.period_start::text AS period_start, c.period_end::text AS period_end,
  c.seed::text AS seed, c.status, c.job_id, c.stats, c.error, c.created_by, c.created_at, c.published_at`;

export async function insertRun(db: Db, v: { regionCode: string; start: string; end: string; seed: number; createdBy: number; now: Date }) {
  const r = await one<{ id: number }>(
    db,
    sql`INSERT INTO collision_runs (region_code, period_start, period_end, seed, status, created_by, created_at, updated_at)
      VALUES (${v.regionCode}, ${v.start}, ${v.end}, ${v.seed}, 'running', ${v.createdBy}, ${v.now.toISOString()}, ${v.now.toISOString()}) RETURNING id`,
  );
  return r!.id;
}

export const setJob = (db: Db, id: number, jobId: string) => db.execute(sql`UPDATE collision_runs SET job_id = ${jobId} WHERE id = ${id}`);

export async function saveResult(db: Db, id: number, scenario: Scenario, schedule: Schedule) {
  await db.execute(sql`UPDATE collision_runs SET status = 'done', scenario = ${JSON.stringify(scenario)}::jsonb,
    schedule = ${JSON.stringify(schedule)}::jsonb, stats = ${JSON.stringify(schedule.stats)}::jsonb, updated_at = now() WHERE id = ${id}`);
}

export const saveFailure = (db: Db, id: number, message: string) =>
  db.execute(sql`UPDATE collision_runs SET status = 'failed', error = ${message}, updated_at = now() WHERE id = ${id}`);

export async function saveSchedule(tx: Db, id: number, schedule: Schedule) {
  await tx.execute(sql`UPDATE collision_runs SET schedule = ${JSON.stringify(schedule)}::jsonb, stats = ${JSON.stringify(schedule.stats)}::jsonb,
    updated_at = now() WHERE id = ${id} AND status = 'done'`);
}

export const findRun = (db: Db, where: SQL) =>
  one<RunRow>(db, sql`SELECT ${runColumns} FROM collision_runs c JOIN regions r ON r.code = c.region_code WHERE ${where}`);

export async function listRuns(db: Db, where: SQL, limit: number, offset: number) {
  const [items, total] = await Promise.all([
    rows<RunRow>(db, sql`SELECT ${runColumns} FROM collision_runs c JOIN regions r ON r.code = c.region_code WHERE ${where} ORDER BY c.id DESC LIMIT ${limit} OFFSET ${offset}`),
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM collision_runs c WHERE ${where}`),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function loadResult(db: Db, id: number): Promise<{ scenario: Scenario; schedule: Schedule } | null> {
  const r = await one<{ scenario: unknown; schedule: unknown }>(db, sql`SELECT scenario, schedule FROM collision_runs WHERE id = ${id}`);
  if (!r || r.scenario === null || r.schedule === null) return null;
  return { scenario: json<Scenario>(r.scenario, null as never), schedule: json<Schedule>(r.schedule, null as never) };
}

export interface SourceEntry {
  id: number;
  enterprise_id: number;
  enterprise_region: string;
  window_start: string;
  window_end: string;
  items: unknown;
  inspectors_needed: number;
  required_qualifications: unknown;
  department_id: number;
}

/** Approved and published entries of enterprises in the region whose window meets the period; higher levels first. */
export function sourceEntries(db: Db, prefix: string, start: string, end: string) {
  return rows<SourceEntry>(
    db,
    sql`SELECT pe.id, pe.enterprise_id, e.region_code AS enterprise_region, pe.window_start::text AS window_start, pe.window_end::text AS window_end,
        pe.items, pe.inspectors_needed, pe.required_qualifications, p.department_id
      FROM plan_entries pe JOIN plans p ON p.id = pe.plan_id JOIN enterprises e ON e.id = pe.enterprise_id
      WHERE p.status IN ('approved', 'published') AND e.region_code LIKE ${prefix + '%'}
        AND pe.window_start <= ${end} AND pe.window_end >= ${start}
      ORDER BY array_position(ARRAY['city','district','town'], pe.level), p.id, pe.id`,
  );
}

export interface Names {
  enterprises: Map<number, { id: number; name: string; uscc: string; region_code: string; address: string }>;
  departments: Map<string, { id: number; code: string; name: string; line: string; level: string }>;
  users: Map<number, { id: number; display_name: string }>;
}

export async function names(db: Db, enterpriseIds: number[], departmentCodes: string[], userIds: number[]): Promise<Names> {
  const ents = [];
  for (let i = 0; i < enterpriseIds.length; i += 1000) {
    const c = enterpriseIds.slice(i, i + 1000);
    if (c.length) ents.push(...(await rows<{ id: number; name: string; uscc: string; region_code: string; address: string }>(db, sql`SELECT id, name, uscc, region_code, address FROM enterprises WHERE id IN ${inList(c)}`)));
  }
  const depts = departmentCodes.length
    ? await rows<{ id: number; code: string; name: string; line: string; level: string }>(db, sql`SELECT id, code, name, line, level FROM departments WHERE code IN ${inList(departmentCodes)}`)
    : [];
  const users = [];
  for (let i = 0; i < userIds.length; i += 1000) {
    const c = userIds.slice(i, i + 1000);
    if (c.length) users.push(...(await rows<{ id: number; display_name: string }>(db, sql`SELECT id, display_name FROM users WHERE id IN ${inList(c)}`)));
  }
  return {
    enterprises: new Map(ents.map((e) => [e.id, e])),
    departments: new Map(depts.map((d) => [d.code, d])),
    users: new Map(users.map((u) => [u.id, u])),
  };
}

export async function insertVisits(tx: Db, runId: number, visits: { enterpriseId: number; code: string; date: string }[], now: Date) {
  const out: { id: number; enterprise_id: number; code: string }[] = [];
  for (let i = 0; i < visits.length; i += 300) {
    out.push(
      ...(await rows<{ id: number; enterprise_id: number; code: string }>(
        tx,
        sql`INSERT INTO visits (enterprise_id, run_id, code, visit_date, created_at) VALUES ${sql.join(
          visits.slice(i, i + 300).map((v) => sql`(${v.enterpriseId}, ${runId}, ${v.code}, ${v.date}, ${now.toISOString()})`),
          sql`, `,
        )} RETURNING id, enterprise_id, code`,
      )),
    );
  }
  return out;
}

export async function insertVisitPlans(tx: Db, values: { enterpriseId: number; visitId: number; entryId: number }[]) {
  for (let i = 0; i < values.length; i += 500) {
    await tx.execute(sql`INSERT INTO visit_plans (enterprise_id, visit_id, entry_id) VALUES ${sql.join(
      values.slice(i, i + 500).map((v) => sql`(${v.enterpriseId}, ${v.visitId}, ${v.entryId})`),
      sql`, `,
    )}`);
  }
}

export async function insertVisitInspectors(tx: Db, values: { enterpriseId: number; visitId: number; userId: number; departmentId: number }[]) {
  for (let i = 0; i < values.length; i += 500) {
    await tx.execute(sql`INSERT INTO visit_inspectors (enterprise_id, visit_id, user_id, department_id) VALUES ${sql.join(
      values.slice(i, i + 500).map((v) => sql`(${v.enterpriseId}, ${v.visitId}, ${v.userId}, ${v.departmentId})`),
      sql`, `,
    )} ON CONFLICT DO NOTHING`);
  }
}

/**
 * Published runs (other than `id`) whose period meets [start, end] and whose region contains or lies within the region
 * with this prefix. Called inside the publishing transaction after a lock, so two publishers cannot both pass.
 */
export async function overlappingPublished(tx: Db, id: number, prefix: string, start: string, end: string) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(884455)`);
  const candidates = await rows<RunRow>(
    tx,
    sql`SELECT ${runColumns} FROM collision_runs c JOIN regions r ON r.code = c.region_code
      WHERE c.status = 'published' AND c.id <> ${id} AND c.period_start <= ${end} AND c.period_end >= ${start}
        AND (c.region_code LIKE ${prefix + '%'} OR ${prefix} LIKE substr(c.region_code, 1, 2) || '%')
      ORDER BY c.id`,
  );
  return candidates;
}

export const markPublished = (tx: Db, id: number, now: Date) =>
  one<{ id: number }>(tx, sql`UPDATE collision_runs SET status = 'published', published_at = ${now.toISOString()}, updated_at = now()
    WHERE id = ${id} AND status = 'done' RETURNING id`);
