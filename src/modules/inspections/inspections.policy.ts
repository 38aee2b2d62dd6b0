/**
 * Who may do what with an inspection record (谁检查、谁签名、谁负责). Which rows a list shows is `visibilitySql`.
 * - start: inspectors and department heads (of a department); from a visit only a member of its team.
 * - edit the draft, upload photos, draw quizzes, record signatures: members of the inspection's team.
 * - read: the team, the inspection's department, admins and coordinators within their region (drafts too); anybody whose
 *   data scope holds the enterprise once it is signed (an enterprise officer: its own enterprise's signed records).
 * - cancel a draft: a team member or the head of the department.
 */
import type { Principal } from '../../core/access/principal.ts';
import { forbidden } from '../../http/errors.ts';

export const inspectionPolicy = {
  canStart: (p: Principal) => (p.role === 'inspector' || p.role === 'dept_head') && p.departmentId !== null,
  /** admins and coordinators follow work in progress in their region */
  seesDrafts: (p: Principal) => p.role === 'admin' || p.role === 'coordinator',
  isTeam: (p: Principal, team: readonly number[]) => team.includes(p.userId),
  isDepartment: (p: Principal, departmentId: number) => (p.role === 'inspector' || p.role === 'dept_head') && p.departmentId === departmentId,
  canRead(p: Principal, i: { department_id: number; status: string }, team: readonly number[], inScope: boolean) {
    if (this.isTeam(p, team) || this.isDepartment(p, i.department_id)) return true;
    return inScope && (i.status === 'signed' || this.seesDrafts(p));
  },
  canCancel(p: Principal, i: { department_id: number }, team: readonly number[]) {
    return this.isTeam(p, team) || (p.role === 'dept_head' && p.departmentId === i.department_id);
  },
};

export function authorize(allowed: boolean): void {
  if (!allowed) throw forbidden();
}
