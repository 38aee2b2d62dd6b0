/**
 * Access to cases. Reading: admins and coordinators in their region; department people in their line or their own
 * department's cases; an enterprise officer its own enterprise's cases from the notice (告知) on — the investigation is
 * not shown to the party. Experts and grid workers have no access to cases. Acting: the case's department (core
 * `mayAdvance`, `mayEditCase`, `mayTransfer`), its head for decisions, closing and transfers to the police.
 */
import type { Principal } from '../../core/access/principal.ts';
import { scopeOf } from '../../core/access/lines-scope.ts';
import type { CaseActor } from '../../core/cases/lifecycle.ts';
import { forbidden } from '../../http/errors.ts';
import { caseScopeSql } from './cases.repo.ts';

export const caseActor = (p: Principal): CaseActor => ({ userId: p.userId, role: p.role, departmentId: p.departmentId });

export const casePolicy = {
  canRead: (p: Principal) => p.role !== 'expert' && p.role !== 'grid_worker',
  canOpen: (p: Principal) => (p.role === 'inspector' || p.role === 'dept_head') && p.departmentId !== null,
  scopeSql: (p: Principal) => caseScopeSql(scopeOf(p), p.role === 'inspector' || p.role === 'dept_head' ? p.departmentId : null),
  /** 立案率 and 零处罚 are figures for supervisors */
  canReadRates: (p: Principal) => ['admin', 'coordinator', 'dept_head', 'inspector'].includes(p.role),
};

export function authorize(allowed: boolean): void {
  if (!allowed) throw forbidden();
}
