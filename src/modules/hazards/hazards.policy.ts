/**
 * Access to hazards. Which hazards a user sees is the ledger's data scope (hazards.repo `hazardScopeSql`): region subtree,
 * a department's line plus what its department owns, an enterprise officer's own enterprise. Who may make each
 * transition is the rule of the core (core/hazards/lifecycle.ts `mayAct`), applied here to the signed-in user.
 */
import type { Principal } from '../../core/access/principal.ts';
import { scopeOf } from '../../core/access/lines-scope.ts';
import type { HazardActor } from '../../core/hazards/lifecycle.ts';
import { forbidden } from '../../http/errors.ts';
import { hazardScopeSql } from './hazards.repo.ts';

export const actorOf = (p: Principal): HazardActor => ({ userId: p.userId, role: p.role, departmentId: p.departmentId, enterpriseId: p.enterpriseId });

export const hazardPolicy = {
  /** every signed-in user reads the ledger within their scope */
  scopeSql: (p: Principal) => hazardScopeSql(scopeOf(p), p.role === 'inspector' || p.role === 'dept_head' ? p.departmentId : null),
  /** the .xlsx ledger: officials, not enterprises (an enterprise reads its own findings in the app) */
  canExport: (p: Principal) => p.role !== 'enterprise_officer',
  /** 自查自改 is recorded by the enterprise's own officer */
  canSelfInspect: (p: Principal, enterpriseId: number) => p.role === 'enterprise_officer' && p.enterpriseId === enterpriseId,
  /** the rules of escalation are kept by the administrator */
  canEditEscalationRules: (p: Principal) => p.role === 'admin',
  /** 立案率 and 零处罚 are for the supervisors, not the supervised */
  canReadEnforcementRates: (p: Principal) => ['admin', 'coordinator', 'dept_head', 'inspector'].includes(p.role),
};

export function authorize(allowed: boolean): void {
  if (!allowed) throw forbidden();
}
