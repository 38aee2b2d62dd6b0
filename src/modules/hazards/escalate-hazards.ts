/**
 * 超期升级 the daily run: every open hazard past its deadline is raised to the step the rules give it today (never
 * lowered here — a new deadline resets it when it is set), each raise recorded on its timeline and in the audit chain.
 * Registered in scheduler/tasks.ts; runs once a day across server processes.
 */
import type { Db } from '../../db/client.ts';
import { escalationFor, ESCALATION_STEPS, type EscalationStep } from '../../core/hazards/escalation.ts';
import { businessDay } from '../../core/hazards/day.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { PeriodicTask } from '../scheduler/registry.ts';
import * as repo from './hazards.repo.ts';

export async function escalateHazards(db: Db, now: Date): Promise<{ checked: number; raised: number; byStep: Record<string, number> }> {
  const today = businessDay(now);
  const rules = (await repo.escalationRules(db)).map((r) => ({ level: r.level, step: r.step, daysOverdue: r.days_overdue }));
  let after = 0;
  let checked = 0;
  let raised = 0;
  const byStep: Record<string, number> = {};
  for (;;) {
    const batch = await repo.overdueAfter(db, today, after, 2000);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.id;
    checked += batch.length;
    const up = batch
      .map((h) => ({ h, step: escalationFor(h.level, h.deadline, today, rules).step }))
      .filter((x) => x.step > x.h.escalation_step);
    if (up.length === 0) continue;
    await db.transaction(async (t) => {
      const tx = t as unknown as Db;
      await repo.setEscalationSteps(tx, up.map((x) => ({ enterpriseId: x.h.enterprise_id, id: x.h.id, step: x.step })), now);
      await repo.insertEvents(
        tx,
        up.map((x) => ({
          enterpriseId: x.h.enterprise_id, hazardId: x.h.id, action: 'escalate', fromState: null, toState: null, actorId: null, actorName: '系统（超期升级）',
          note: ESCALATION_STEPS[x.step as EscalationStep]!.label['zh-CN'], data: { from: x.h.escalation_step, to: x.step, deadline: x.h.deadline, today },
        })),
        now,
      );
      await appendAudit(
        tx,
        { id: null, name: 'scheduler' },
        up.map((x) => ({ action: 'hazard.escalate', entityType: 'hazard', entityId: x.h.id, enterpriseId: x.h.enterprise_id, before: { step: x.h.escalation_step }, after: { step: x.step, deadline: x.h.deadline, today } })),
        now,
      );
    });
    raised += up.length;
    for (const x of up) byStep[x.step] = (byStep[x.step] ?? 0) + 1;
  }
  return { checked, raised, byStep };
}

export const hazardEscalationTask: PeriodicTask = {
  name: 'hazards.escalate',
  label: { 'zh-CN': '隐患超期升级（提醒、督办、挂牌督办）', 'en-US': 'Escalate overdue hazards' },
  every: 'day',
  at: '00:10',
  run: ({ db, now }) => escalateHazards(db, now),
};

export const hazardFactsSyncTask: PeriodicTask = {
  name: 'hazards.sync-register',
  label: { 'zh-CN': '隐患台账与企业档案同步（地区、行业、名称）', 'en-US': 'Keep the ledger\'s register copies true' },
  every: 'hour',
  run: async ({ db }) => ({ updated: await repo.syncEnterpriseFacts(db) }),
};
