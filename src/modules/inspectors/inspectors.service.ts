import type { SQL } from 'drizzle-orm';
import { inList, rows, sql, type Db } from '../../db/client.ts';
import { regionPrefix, type Principal } from '../../core/access/principal.ts';
import { forbidden, invalid, notFound, type FieldIssue } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import * as repo from './inspectors.repo.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/**
 * 执法人员库 scope: a coordinator/admin sees the inspectors of their region subtree; a department user those of their
 * own department; others none.
 */
export function inspectorScope(p: Principal): SQL {
  const base = sql`u.role IN ('inspector', 'dept_head') AND u.region_code LIKE ${regionPrefix(p.regionCode) + '%'}`;
  if (p.role === 'admin' || p.role === 'coordinator') return base;
  if ((p.role === 'dept_head' || p.role === 'inspector') && p.departmentId !== null) return sql`${base} AND u.department_id = ${p.departmentId}`;
  throw forbidden();
}

export function toInspector(r: repo.InspectorRow) {
  return {
    userId: r.user_id,
    username: r.username,
    name: r.display_name,
    role: r.role,
    regionCode: r.region_code,
    department: r.department_id
      ? { id: r.department_id, code: r.department_code ?? '', name: r.department_name ?? '', line: r.line ?? '', level: r.level ?? '' }
      : null,
    certificateNo: r.certificate_no ?? '',
    qualifications: repo.json<string[]>(r.qualifications, []),
    dailyCapacity: r.daily_capacity ?? 1,
    unavailable: repo.json<string[]>(r.unavailable, []),
    conflicts: repo.json<number[]>(r.conflicts, []),
  };
}

export async function listInspectors(
  db: Db,
  p: Principal,
  q: { departmentId?: number; regionCode?: string; keyword?: string; qualification?: string; page: number; pageSize: number },
) {
  const parts: SQL[] = [inspectorScope(p)];
  if (q.departmentId) parts.push(sql`u.department_id = ${q.departmentId}`);
  if (q.regionCode) parts.push(sql`u.region_code LIKE ${regionPrefix(q.regionCode) + '%'}`);
  if (q.keyword) parts.push(sql`(u.display_name LIKE ${'%' + q.keyword + '%'} OR u.username LIKE ${'%' + q.keyword + '%'} OR p.certificate_no LIKE ${q.keyword + '%'})`);
  if (q.qualification) parts.push(sql`p.qualifications @> ${JSON.stringify([q.qualification])}::jsonb`);
  const { items, total } = await repo.listInspectors(db, sql.join(parts, sql` AND `), q.pageSize, (q.page - 1) * q.pageSize);
  return { items: items.map(toInspector), total, page: q.page, pageSize: q.pageSize };
}

async function visibleInspector(db: Db, p: Principal, userId: number) {
  // the inspector always sees their own profile
  const where = p.userId === userId ? sql`u.id = ${userId}` : sql`u.id = ${userId} AND ${inspectorScope(p)}`;
  const r = await repo.findInspector(db, where);
  if (!r || (r.role !== 'inspector' && r.role !== 'dept_head')) throw notFound('inspector.unknown');
  return r;
}

export async function getProfile(db: Db, p: Principal, userId: number) {
  const r = await visibleInspector(db, p, userId);
  const out = toInspector(r);
  const names = out.conflicts.length
    ? await rows<{ id: number; name: string }>(db, sql`SELECT id, name FROM enterprises WHERE id IN ${inList(out.conflicts)}`)
    : [];
  return { ...out, conflictEnterprises: out.conflicts.map((id) => ({ id, name: names.find((n) => n.id === id)?.name ?? '' })) };
}

export interface ProfileInput {
  certificateNo?: string;
  qualifications?: string[];
  dailyCapacity?: number;
  unavailable?: string[];
  conflicts?: number[];
}

/**
 * Who edits a profile: admin; the coordinator of the region; the head of the inspector's department; the inspector
 * themself for unavailable days and declared conflicts (回避 is declared by the person concerned).
 */
export async function updateProfile(db: Db, p: Principal, userId: number, input: ProfileInput, now: Date) {
  const r = await visibleInspector(db, p, userId);
  const manager = p.role === 'admin' || p.role === 'coordinator' || (p.role === 'dept_head' && p.departmentId === r.department_id);
  const self = p.userId === userId;
  if (!manager && !self) throw forbidden();
  if (!manager && (input.certificateNo !== undefined || input.qualifications !== undefined || input.dailyCapacity !== undefined)) throw forbidden();
  const before = toInspector(r);
  const next = {
    certificateNo: (input.certificateNo ?? before.certificateNo).trim(),
    qualifications: [...new Set(input.qualifications ?? before.qualifications)].sort(),
    dailyCapacity: input.dailyCapacity ?? before.dailyCapacity,
    unavailable: [...new Set(input.unavailable ?? before.unavailable)].sort(),
    conflicts: [...new Set(input.conflicts ?? before.conflicts)].sort((a, b) => a - b),
  };
  const issues: FieldIssue[] = [];
  next.unavailable.forEach((d, i) => {
    if (!validDate(d)) issues.push({ field: `unavailable.${i}`, key: 'date.invalid', params: { value: d } });
  });
  if (next.conflicts.length) {
    const found = await rows<{ id: number }>(db, sql`SELECT id FROM enterprises WHERE id IN ${inList(next.conflicts)}`);
    next.conflicts.forEach((id, i) => {
      if (!found.some((f) => f.id === id)) issues.push({ field: `conflicts.${i}`, key: 'enterprise.unknown' });
    });
  }
  if (issues.length) throw invalid(issues);
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await repo.upsertProfile(tx, userId, next, now);
    await appendAudit(tx, { id: p.userId, name: p.username }, [
      {
        action: 'update',
        entityType: 'inspector_profile',
        entityId: userId,
        before: { certificateNo: before.certificateNo, qualifications: before.qualifications, dailyCapacity: before.dailyCapacity, unavailable: before.unavailable, conflicts: before.conflicts },
        after: next,
      },
    ], now);
  });
  return getProfile(db, p, userId);
}

/** 专家库 experts of the caller's region subtree (and the province's, who serve every city). */
export async function listExperts(db: Db, p: Principal, q: { speciality?: string; keyword?: string; page: number; pageSize: number }) {
  if (p.role === 'enterprise_officer' || p.role === 'grid_worker') throw forbidden();
  const prefix = regionPrefix(p.regionCode);
  const parts: SQL[] = [sql`(x.region_code LIKE ${prefix + '%'} OR x.region_code = ${prefix.slice(0, 2) + '0000'})`];
  if (q.speciality) parts.push(sql`x.specialities @> ${JSON.stringify([q.speciality])}::jsonb`);
  if (q.keyword) parts.push(sql`(x.name LIKE ${'%' + q.keyword + '%'} OR x.employer LIKE ${'%' + q.keyword + '%'})`);
  const { items, total } = await repo.listExperts(db, sql.join(parts, sql` AND `), q.pageSize, (q.page - 1) * q.pageSize);
  return {
    items: items.map((x) => ({
      id: x.id,
      name: x.name,
      userId: x.user_id,
      regionCode: x.region_code,
      regionName: x.region_name,
      title: x.title,
      employer: x.employer,
      phone: x.phone,
      specialities: repo.json<string[]>(x.specialities, []),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
