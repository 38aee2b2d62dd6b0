import type { SQL } from 'drizzle-orm';
import { inList, one, rows, sql, type Db } from '../../db/client.ts';

export interface InspectorRow {
  user_id: number;
  username: string;
  display_name: string;
  role: string;
  region_code: string;
  department_id: number | null;
  department_code: string | null;
  department_name: string | null;
  line: string | null;
  level: string | null;
  certificate_no: string | null;
  qualifications: unknown;
  daily_capacity: number | null;
  unavailable: unknown;
  conflicts: unknown;
}

export const json = <T>(v: unknown, fallback: T): T => (v === null || v === undefined ? fallback : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

const columns = sql`u.id AS user_id, u.username, u.display_name, u.role, u.region_code, u.department_id, d.code AS department_code,
  d.name AS department_name, d.line, d.level, p.certificate_no, p.qualifications, p.daily_capacity, p.unavailable, p.conflicts`;
const from = sql`users u LEFT JOIN departments d ON d.id = u.department_id LEFT JOIN inspector_profiles p ON p.user_id = u.id`;

/** `where` is built by the service from the caller's scope. */
export async function listInspectors(db: Db, where: SQL, limit: number, offset: number) {
  const [items, total] = await Promise.all([
    rows<InspectorRow>(db, sql`SELECT ${columns} FROM ${from} WHERE ${where} ORDER BY d.code, u.username LIMIT ${limit} OFFSET ${offset}`),
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${from} WHERE ${where}`),
  ]);
  return { items, total: total?.n ?? 0 };
}

export const findInspector = (db: Db, where: SQL) => one<InspectorRow>(db, sql`SELECT ${columns} FROM ${from} WHERE ${where}`);

/** Inspectors of departments (the collision's inspector set). */
export async function inspectorsOfDepartments(db: Db, departmentIds: readonly number[]): Promise<InspectorRow[]> {
  const out: InspectorRow[] = [];
  for (let i = 0; i < departmentIds.length; i += 500) {
    out.push(
      ...(await rows<InspectorRow>(
        db,
        sql`SELECT ${columns} FROM ${from} WHERE u.role = 'inspector' AND u.department_id IN ${inList(departmentIds.slice(i, i + 500))} ORDER BY u.id`,
      )),
    );
  }
  return out;
}

export async function upsertProfile(
  tx: Db,
  userId: number,
  p: { certificateNo: string; qualifications: string[]; dailyCapacity: number; unavailable: string[]; conflicts: number[] },
  now: Date,
) {
  await tx.execute(sql`INSERT INTO inspector_profiles (user_id, certificate_no, qualifications, daily_capacity, unavailable, conflicts, updated_at)
    VALUES (${userId}, ${p.certificateNo}, ${JSON.stringify(p.qualifications)}::jsonb, ${p.dailyCapacity}, ${JSON.stringify(p.unavailable)}::jsonb,
      ${JSON.stringify(p.conflicts)}::jsonb, ${now.toISOString()})
    ON CONFLICT (user_id) DO UPDATE SET certificate_no = EXCLUDED.certificate_no, qualifications = EXCLUDED.qualifications,
      daily_capacity = EXCLUDED.daily_capacity, unavailable = EXCLUDED.unavailable, conflicts = EXCLUDED.conflicts, updated_at = EXCLUDED.updated_at`);
}

export interface ExpertRow {
  id: number;
  name: string;
  user_id: number | null;
  region_code: string;
  region_name: string;
  title: string;
  employer: string;
  phone: string;
  specialities: unknown;
}

export async function listExperts(db: Db, where: SQL, limit: number, offset: number) {
  const [items, total] = await Promise.all([
    rows<ExpertRow>(
      db,
      sql`SELECT x.id, x.name, x.user_id, x.region_code, r.name AS region_name, x.title, x.employer, x.phone, x.specialities
        FROM experts x JOIN regions r ON r.code = x.region_code WHERE ${where} ORDER BY x.name, x.id LIMIT ${limit} OFFSET ${offset}`,
    ),
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM experts x WHERE ${where}`),
  ]);
  return { items, total: total?.n ?? 0 };
}
