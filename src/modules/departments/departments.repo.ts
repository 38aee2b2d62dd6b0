import type { SQL } from 'drizzle-orm';
import { one, rows, sql, type Db } from '../../db/client.ts';
import { regionPrefix, type Principal } from '../../core/access/principal.ts';

export interface DepartmentFilter {
  regionCode?: string;
  line?: string;
  level?: 'city' | 'district' | 'town';
  keyword?: string;
}

export interface Department {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  line: string;
  level: string;
  regionCode: string;
  regionName: string;
  inspectorCount: number;
}

/** 部门 within the caller's region subtree. */
function whereOf(p: Principal, f: DepartmentFilter): SQL {
  const parts: SQL[] = [sql`d.region_code LIKE ${regionPrefix(p.regionCode) + '%'}`];
  if (f.regionCode) parts.push(sql`d.region_code LIKE ${regionPrefix(f.regionCode) + '%'}`);
  if (f.line) parts.push(sql`d.line = ${f.line}`);
  if (f.level) parts.push(sql`d.level = ${f.level}`);
  if (f.keyword) parts.push(sql`d.name LIKE ${'%' + f.keyword + '%'}`);
  return sql.join(parts, sql` AND `);
}

export async function listDepartments(db: Db, p: Principal, f: DepartmentFilter, limit: number, offset: number) {
  const where = whereOf(p, f);
  const total = await one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM departments d WHERE ${where}`);
  const items = await rows<{
    id: number; code: string; name: string; name_en: string; line: string; level: string; region_code: string; region_name: string; inspector_count: number;
  }>(
    db,
    sql`SELECT d.id, d.code, d.name, d.name_en, d.line, d.level, d.region_code, r.name AS region_name,
      (SELECT count(*)::int FROM users u WHERE u.department_id = d.id AND u.role IN ('inspector', 'dept_head')) AS inspector_count
      FROM departments d JOIN regions r ON r.code = d.region_code WHERE ${where}
      ORDER BY array_position(ARRAY['city','district','town'], d.level), d.region_code, d.code
      LIMIT ${limit} OFFSET ${offset}`,
  );
  return {
    total: total?.n ?? 0,
    items: items.map(
      (d): Department => ({
        id: d.id, code: d.code, name: d.name, nameEn: d.name_en, line: d.line, level: d.level,
        regionCode: d.region_code, regionName: d.region_name, inspectorCount: d.inspector_count,
      }),
    ),
  };
}
