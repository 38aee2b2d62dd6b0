import type { Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import { scopeOf } from '../../core/access/lines-scope.ts';
import { inspectionPolicy } from './inspections.policy.ts';
import { toSummary } from './inspection-view.ts';
import * as repo from './inspections.repo.ts';

/** 检查记录 list: the records the user may see (team, own department, signed ones within scope; drafts for admins and coordinators). */
export async function listInspections(db: Db, p: Principal, f: repo.ListFilter, page: number, pageSize: number) {
  const dept = p.role === 'inspector' || p.role === 'dept_head' ? p.departmentId : null;
  const where = repo.listWhere(repo.visibilitySql(scopeOf(p), p.userId, dept, inspectionPolicy.seesDrafts(p)), f, p.userId);
  const { items, total } = await repo.listInspections(db, where, pageSize, (page - 1) * pageSize);
  return { items: items.map(toSummary), total, page, pageSize };
}
