import type { SQL } from 'drizzle-orm';
import { one, rows, sql, type Db } from '../../db/client.ts';
import { regionPrefix, type Principal } from '../../core/access/principal.ts';

export interface UserFilter {
  keyword?: string;
  role?: string;
  regionCode?: string;
  departmentId?: number;
}

export interface UserSummary {
  id: number;
  username: string;
  displayName: string;
  role: string;
  regionCode: string;
  regionName: string;
  departmentId: number | null;
  departmentName: string | null;
  enterpriseId: number | null;
  enterpriseName: string | null;
  lockedUntil: string | null;
  createdAt: string;
}

/** 用户 within the caller's region subtree. */
export async function listUsers(db: Db, p: Principal, f: UserFilter, limit: number, offset: number) {
  const parts: SQL[] = [sql`u.region_code LIKE ${regionPrefix(p.regionCode) + '%'}`];
  if (f.regionCode) parts.push(sql`u.region_code LIKE ${regionPrefix(f.regionCode) + '%'}`);
  if (f.role) parts.push(sql`u.role = ${f.role}`);
  if (f.departmentId) parts.push(sql`u.department_id = ${f.departmentId}`);
  if (f.keyword) parts.push(sql`(u.username LIKE ${'%' + f.keyword + '%'} OR u.display_name LIKE ${'%' + f.keyword + '%'})`);
  const where = sql.join(parts, sql` AND `);
  const total = await one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM users u WHERE ${where}`);
  const items = await rows<Record<string, unknown>>(
    db,
    sql`SELECT u.id, u.username, u.display_name, u.role, u.region_code, r.name AS region_name, u.department_id,
      d.name AS department_name, u.enterprise_id, e.name AS enterprise_name, u.locked_until, u.created_at
      FROM users u JOIN regions r ON r.code = u.region_code LEFT JOIN departments d ON d.id = u.department_id
      LEFT JOIN enterprises e ON e.id = u.enterprise_id WHERE ${where} ORDER BY u.id LIMIT ${limit} OFFSET ${offset}`,
  );
  const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  return {
    total: total?.n ?? 0,
    items: items.map(
      (u): UserSummary => ({
        id: u.id as number,
        username: u.username as string,
        displayName: u.display_name as string,
        role: u.role as string,
        regionCode: u.region_code as string,
        regionName: u.region_name as string,
        departmentId: (u.department_id as number | null) ?? null,
        departmentName: (u.department_name as string | null) ?? null,
        enterpriseId: (u.enterprise_id as number | null) ?? null,
        enterpriseName: (u.enterprise_name as string | null) ?? null,
        lockedUntil: iso(u.locked_until),
        createdAt: iso(u.created_at)!,
      }),
    ),
  };
}
