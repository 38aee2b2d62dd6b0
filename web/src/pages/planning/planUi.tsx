// Shared bits of the planning pages: status tag, level label, the actions a role may take on a plan.
import { Tag } from 'antd';
import type { Me, PlanAction, PlanSummary } from '../../api/index.ts';
import { useT, type MessageKey } from '../../i18n/index.tsx';

const STATUS_COLOR: Record<string, string> = { draft: 'default', submitted: 'processing', approved: 'warning', published: 'success' };

export function PlanStatusTag({ status }: { status: string }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} data-testid="plan-status" data-status={status}>
      {t(`plan.status.${status}` as MessageKey)}
    </Tag>
  );
}

export function levelKey(level: string): MessageKey {
  return `plan.level.${level}` as MessageKey;
}

const FROM: Record<PlanAction, readonly string[]> = {
  submit: ['draft'],
  approve: ['submitted'],
  publish: ['approved'],
  return: ['submitted', 'approved'],
};

/** Mirrors the server's state machine (src/core/planning/state.ts); the server re-checks every action. */
export function allowedActions(p: PlanSummary, me: Me): PlanAction[] {
  const own = me.departmentId === p.department.id;
  const may = (a: PlanAction): boolean => {
    if (me.role === 'admin') return true;
    if (a === 'submit') return (me.role === 'inspector' || me.role === 'dept_head') && own;
    return (me.role === 'dept_head' && own) || me.role === 'coordinator';
  };
  return (['submit', 'approve', 'publish', 'return'] as const).filter((a) => FROM[a].includes(p.status) && may(a));
}

export const ACTION_KEY: Record<PlanAction, MessageKey> = {
  submit: 'plans.action.submit',
  approve: 'plans.action.approve',
  publish: 'plans.action.publish',
  return: 'plans.action.return',
};
