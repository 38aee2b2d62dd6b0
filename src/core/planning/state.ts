/**
 * The plan's life: draft → submitted → approved → published (公示). A submitted or approved plan can be returned to
 * draft with a note. Who may do what is decided here, from the role and whether the user belongs to the plan's
 * department; the data scope (region subtree) is checked by the service before.
 */
import type { Role } from '../access/principal.ts';

export type PlanStatus = 'draft' | 'submitted' | 'approved' | 'published';
export type PlanAction = 'submit' | 'approve' | 'publish' | 'return';

export const TRANSITIONS: Readonly<Record<PlanAction, { from: readonly PlanStatus[]; to: PlanStatus }>> = {
  submit: { from: ['draft'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  publish: { from: ['approved'], to: 'published' },
  return: { from: ['submitted', 'approved'], to: 'draft' },
};

export interface Actor {
  role: Role;
  /** The user belongs to the plan's department. */
  ownDepartment: boolean;
}

export function mayAct(action: PlanAction, actor: Actor): boolean {
  if (actor.role === 'admin') return true;
  switch (action) {
    case 'submit': // the department's own people draw up and submit the plan
      return (actor.role === 'inspector' || actor.role === 'dept_head') && actor.ownDepartment;
    case 'approve':
    case 'return': // 部门负责人 approves; the coordinator (安委办) may also approve or send back
    case 'publish':
      return (actor.role === 'dept_head' && actor.ownDepartment) || actor.role === 'coordinator';
  }
}

export type TransitionResult = { ok: true; to: PlanStatus } | { ok: false; error: 'forbidden' | 'wrong-state' };

export function transition(status: PlanStatus, action: PlanAction, actor: Actor): TransitionResult {
  if (!mayAct(action, actor)) return { ok: false, error: 'forbidden' };
  const t = TRANSITIONS[action];
  if (!t.from.includes(status)) return { ok: false, error: 'wrong-state' };
  return { ok: true, to: t.to };
}

/** Plans can be edited or have entries added only as drafts. */
export const isEditable = (s: PlanStatus) => s === 'draft';
