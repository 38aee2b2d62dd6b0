/**
 * 待办 what waits for each person: for an inspector, the records to sign, today's visits, hazards to confirm or review, a
 * deadline tomorrow, an escalation of their department; for a department head also the major hazards to close (销号) and
 * the cases to decide or close; for an enterprise officer, hazards to start rectifying (五定 first for a major one),
 * deadlines, sent-back rectifications; for a coordinator, hazards listed for supervision (挂牌督办) in the region.
 */
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import { addDays } from '../../core/hazards/escalation.ts';
import { businessDay } from '../../core/hazards/day.ts';
import { OPEN_STATES } from '../../core/hazards/model.ts';
import { inList, sql } from '../../db/client.ts';
import { hazardPolicy } from '../hazards/hazards.policy.ts';
import * as repo from './inbox.repo.ts';

const OPEN = inList(OPEN_STATES);
const iso = (v: Date | string) => new Date(v).toISOString();

export const INBOX_KINDS = [
  'sign_inspection', 'visit_today', 'confirm_hazard', 'review_hazard', 'close_major_hazard', 'start_rectifying', 'five_fixes_needed', 'rectification_rejected',
  'deadline_tomorrow', 'overdue', 'escalated', 'case_decision', 'case_close',
] as const;

export async function inbox(db: Db, p: Principal, now: Date) {
  const today = businessDay(now);
  const tomorrow = addDays(today, 1);
  const parts: Promise<repo.InboxRow[]>[] = [];
  const dept = p.departmentId;
  if ((p.role === 'inspector' || p.role === 'dept_head') && dept !== null) {
    const mine = sql`h.department_id = ${dept}`;
    parts.push(repo.unsignedInspections(db, p.userId));
    parts.push(repo.visitsToStart(db, p.userId, today, tomorrow));
    parts.push(repo.hazardItems(db, 'confirm_hazard', sql`${mine} AND h.state = 'reported'`, sql`h.found_at, h.id`));
    parts.push(repo.hazardItems(db, 'review_hazard', sql`${mine} AND h.state = 'submitted' AND (h.level = 'general' OR ${p.role === 'inspector'}) AND (h.submitted_by IS NULL OR h.submitted_by <> ${p.userId})`, sql`h.submitted_at, h.id`));
    if (p.role === 'dept_head') parts.push(repo.hazardItems(db, 'close_major_hazard', sql`${mine} AND h.state = 'submitted' AND h.level = 'major'`, sql`h.submitted_at, h.id`));
    parts.push(repo.hazardItems(db, 'deadline_tomorrow', sql`${mine} AND h.state IN ${OPEN} AND h.deadline = ${tomorrow}`));
    parts.push(repo.hazardItems(db, 'escalated', sql`${mine} AND h.state IN ${OPEN} AND h.escalation_step >= 2`, sql`h.escalation_step DESC, h.deadline, h.id`));
    if (p.role === 'dept_head') {
      parts.push(repo.casesAt(db, 'case_decision', dept, 'notified'));
      parts.push(repo.casesAt(db, 'case_close', dept, 'executing'));
    }
  } else if (p.role === 'enterprise_officer' && p.enterpriseId !== null) {
    const own = sql`h.enterprise_id = ${p.enterpriseId}`;
    parts.push(repo.hazardItems(db, 'five_fixes_needed', sql`${own} AND h.state = 'confirmed' AND h.level = 'major'`));
    parts.push(repo.hazardItems(db, 'start_rectifying', sql`${own} AND h.state = 'confirmed' AND h.level = 'general'`));
    parts.push(repo.hazardItems(db, 'confirm_hazard', sql`${own} AND h.state = 'reported' AND h.source = 'self_inspection' AND h.level = 'general'`));
    parts.push(repo.hazardItems(db, 'review_hazard', sql`${own} AND h.state = 'submitted' AND h.source = 'self_inspection' AND h.level = 'general'`));
    parts.push(repo.hazardItems(db, 'rectification_rejected', sql`${own} AND h.state = 'rectifying' AND EXISTS (SELECT 1 FROM hazard_events ev WHERE ev.enterprise_id = h.enterprise_id AND ev.hazard_id = h.id AND ev.action = 'review_reject' AND ev.id = (SELECT max(id) FROM hazard_events x WHERE x.enterprise_id = h.enterprise_id AND x.hazard_id = h.id AND x.to_state IS NOT NULL))`));
    parts.push(repo.hazardItems(db, 'deadline_tomorrow', sql`${own} AND h.state IN ('confirmed', 'rectifying') AND h.deadline = ${tomorrow}`));
    parts.push(repo.hazardItems(db, 'overdue', sql`${own} AND h.state IN ('confirmed', 'rectifying') AND h.deadline < ${today}`));
  } else if (p.role === 'coordinator' || p.role === 'admin' || p.role === 'grid_worker') {
    const min = p.role === 'grid_worker' ? 1 : 3;
    parts.push(repo.hazardItems(db, 'escalated', sql`${hazardPolicy.scopeSql(p)} AND h.state IN ${OPEN} AND h.escalation_step >= ${min}`, sql`h.escalation_step DESC, h.deadline, h.id`));
  }
  const all = (await Promise.all(parts)).flat();
  const counts = Object.fromEntries(INBOX_KINDS.map((k) => [k, all.filter((x) => x.kind === k).length]));
  return {
    today,
    counts,
    items: all.map((r) => ({
      kind: r.kind,
      entityType: r.entity_type,
      entityId: r.entity_id,
      code: r.code,
      title: r.title,
      enterprise: r.enterprise_id !== null ? { id: r.enterprise_id, name: r.enterprise_name ?? '' } : null,
      due: r.due,
      level: r.level,
      escalation: r.step,
      at: iso(r.at),
    })),
  };
}
