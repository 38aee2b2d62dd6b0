// explainPlan(): why a plan is where it is, as message keys + params (the web renders them in
// zh-CN or en-US); renderExplanation() gives plain text in both locales.

import { buildCalendar, isoToDay, windowToWork } from './calendar.ts';
import { compile } from './model.ts';
import { diagnosePlan, type PlanDiagnosis } from './reasons.ts';
import type { Schedule, Scenario, UnscheduledReason } from './scenario.ts';
import { stabCount } from './stabbing.ts';

export type Locale = 'zh-CN' | 'en-US';

export interface ExplainMessage {
  key: string;
  params: Record<string, string | number>;
}

export interface Explanation {
  plan: string;
  status: 'scheduled' | 'dropped' | 'unscheduled' | 'unknown';
  visit?: { id: string; date: string; enterprise: string; plans: string[]; department: string; team: string[] };
  /** Other plans in the same visit: the day is a stabbing point shared with them. */
  sharedWith?: string[];
  /** Intersection of the windows of all plans of the visit: any working day in it would do. */
  commonWindow?: { start: string; end: string };
  enterpriseVisits?: number;
  /** Least number of days hitting every kept window of the enterprise. */
  enterpriseLowerBound?: number;
  keptPlan?: string;
  reason?: UnscheduledReason | 'higher-level-duplicate';
  diagnosis?: PlanDiagnosis;
  messages: ExplainMessage[];
}

export function explainPlan(sc: Scenario, sch: Schedule, planId: string): Explanation {
  const plans = new Map(sc.plans.map((p) => [p.id, p]));
  const depts = new Map(sc.departments.map((d) => [d.id, d]));
  const p = plans.get(planId);
  if (!p)
    return {
      plan: planId,
      status: 'unknown',
      messages: [{ key: 'collision.explain.unknown', params: { plan: planId } }],
    };
  const messages: ExplainMessage[] = [];

  const visit = sch.visits.find((v) => v.plans.includes(planId));
  if (visit) {
    const members = visit.plans.map((id) => plans.get(id)).filter((x) => x !== undefined);
    const start = members.reduce((s, x) => (x.window.start > s ? x.window.start : s), p.window.start);
    const end = members.reduce((s, x) => (x.window.end < s ? x.window.end : s), p.window.end);
    const sharedWith = visit.plans.filter((id) => id !== planId);
    // enterprise lower bound over kept plans
    const cal = buildCalendar(sc.horizon.start, sc.horizon.end, sc.horizon.holidays);
    const dropped = new Set(sch.dropped.map((d) => d.plan));
    const iv = sc.plans
      .filter((x) => x.enterprise === visit.enterprise && !dropped.has(x.id))
      .map((x) => windowToWork(cal, isoToDay(x.window.start), isoToDay(x.window.end)));
    const enterpriseLowerBound = stabCount(iv);
    const enterpriseVisits = sch.visits.filter((v) => v.enterprise === visit.enterprise).length;
    const team = visit.teams[p.department] ?? [];
    messages.push({
      key: 'collision.explain.scheduled',
      params: { plan: planId, visit: visit.id, enterprise: visit.enterprise, date: visit.date },
    });
    if (sharedWith.length > 0)
      messages.push({
        key: 'collision.explain.sharedDay',
        params: { date: visit.date, plans: sharedWith.join(', '), count: visit.plans.length, start, end },
      });
    else
      messages.push({
        key: 'collision.explain.alone',
        params: { date: visit.date, start: p.window.start, end: p.window.end },
      });
    messages.push({
      key: 'collision.explain.team',
      params: {
        department: depts.get(p.department)?.name ?? p.department,
        inspectors: team.join(', '),
        need: p.inspectorsNeeded,
      },
    });
    messages.push({
      key: 'collision.explain.enterpriseBound',
      params: { enterprise: visit.enterprise, visits: enterpriseVisits, lowerBound: enterpriseLowerBound },
    });
    return {
      plan: planId,
      status: 'scheduled',
      visit: {
        id: visit.id,
        date: visit.date,
        enterprise: visit.enterprise,
        plans: visit.plans,
        department: p.department,
        team,
      },
      sharedWith,
      commonWindow: { start, end },
      enterpriseVisits,
      enterpriseLowerBound,
      messages,
    };
  }

  const d = sch.dropped.find((x) => x.plan === planId);
  if (d) {
    const k = plans.get(d.keptPlan);
    const lv = depts.get(p.department)?.level ?? '';
    const klv = k ? (depts.get(k.department)?.level ?? '') : '';
    const start = k && k.window.start > p.window.start ? k.window.start : p.window.start;
    const end = k && k.window.end < p.window.end ? k.window.end : p.window.end;
    messages.push({
      key: lv === klv ? 'collision.explain.dropped.sameLevel' : 'collision.explain.dropped',
      params: {
        plan: planId,
        keptPlan: d.keptPlan,
        system: depts.get(p.department)?.system ?? '',
        level: lv,
        keptLevel: klv,
        enterprise: p.enterprise,
        start,
        end,
      },
    });
    return { plan: planId, status: 'dropped', keptPlan: d.keptPlan, reason: d.reason, messages };
  }

  const u = sch.unscheduled.find((x) => x.plan === planId);
  if (u) {
    const m = compile(sc);
    const diagnosis = diagnosePlan(
      m,
      sc.plans.findIndex((x) => x.id === planId),
    );
    messages.push({
      key: `collision.explain.unscheduled.${u.reason}`,
      params: {
        plan: planId,
        need: p.inspectorsNeeded,
        department: depts.get(p.department)?.name ?? p.department,
        start: p.window.start,
        end: p.window.end,
        qualifications: p.requiredQualifications.join(', ') || '-',
      },
    });
    messages.push({ key: 'collision.explain.tried', params: { ...diagnosis } });
    return { plan: planId, status: 'unscheduled', reason: u.reason, diagnosis, messages };
  }
  return {
    plan: planId,
    status: 'unknown',
    messages: [{ key: 'collision.explain.missing', params: { plan: planId } }],
  };
}

const LEVEL_NAMES: Record<Locale, Record<string, string>> = {
  'zh-CN': { city: '市级', district: '区级', town: '镇（街道）级' },
  'en-US': { city: 'city', district: 'district', town: 'town' },
};

export const EXPLAIN_MESSAGES: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    'collision.explain.unknown': '计划 {plan} 不在本场景中。',
    'collision.explain.missing': '计划 {plan} 未出现在排程结果中。',
    'collision.explain.scheduled': '计划 {plan} 安排在联合检查 {visit}：{date} 进入企业 {enterprise}。',
    'collision.explain.sharedDay':
      '{date} 落在本次 {count} 项计划检查时间窗的共同区间 {start} 至 {end} 内，与计划 {plans} 同一天进门，实现“进一次门、查多项事”。',
    'collision.explain.alone': '本次检查只有这一项计划；{date} 位于其检查时间窗 {start} 至 {end} 内。',
    'collision.explain.team': '{department} 派出 {inspectors}（需 {need} 人）。',
    'collision.explain.enterpriseBound': '企业 {enterprise} 共安排 {visits} 次检查，理论最少 {lowerBound} 次。',
    'collision.explain.dropped':
      '计划 {plan}（{level}）与同一条线（{system}）{keptLevel}计划 {keptPlan} 针对同一企业 {enterprise}，时间窗在 {start} 至 {end} 重叠，按三级计划执法保留上级计划，本计划不再单独执行。',
    'collision.explain.dropped.sameLevel':
      '计划 {plan} 与同级同条线（{system}）计划 {keptPlan} 针对同一企业 {enterprise}，时间窗在 {start} 至 {end} 重叠，保留先列出的计划 {keptPlan}。',
    'collision.explain.unscheduled.no-working-day-in-window':
      '计划 {plan} 的检查时间窗 {start} 至 {end} 在排程期内没有工作日。',
    'collision.explain.unscheduled.department-has-too-few-inspectors':
      '{department} 执法人员不足 {need} 人，无法组成检查组。',
    'collision.explain.unscheduled.no-qualified-inspector':
      '{department} 具备所需资质（{qualifications}）的执法人员不足 {need} 人。',
    'collision.explain.unscheduled.all-conflicted':
      '{department} 具备资质的执法人员中，需回避该企业的人员过多，不足 {need} 人。',
    'collision.explain.unscheduled.inspectors-unavailable':
      '在 {start} 至 {end} 的每个工作日，{department} 可出勤的合格执法人员都不足 {need} 人。',
    'collision.explain.unscheduled.capacity-exhausted':
      '在 {start} 至 {end} 内，{department} 合格执法人员的每日检查额度已被其他检查占满。',
    'collision.explain.tried':
      '已尝试：时间窗内工作日 {workingDays} 天；部门执法人员 {departmentInspectors} 人，其中具备资质 {qualified} 人、无需回避 {qualifiedNotConflicted} 人；人员足够出勤的工作日 {staffableDays} 天。',
  },
  'en-US': {
    'collision.explain.unknown': 'Plan {plan} is not in this scenario.',
    'collision.explain.missing': 'Plan {plan} does not appear in the schedule.',
    'collision.explain.scheduled': 'Plan {plan} is in joint inspection {visit}: enterprise {enterprise} on {date}.',
    'collision.explain.sharedDay':
      '{date} lies in {start}..{end}, the common part of the windows of the {count} plans of this visit, so plans {plans} are checked on the same entry ("one entry, many matters").',
    'collision.explain.alone': 'This visit carries only this plan; {date} lies in its window {start}..{end}.',
    'collision.explain.team': '{department} sends {inspectors} ({need} needed).',
    'collision.explain.enterpriseBound':
      'Enterprise {enterprise} gets {visits} visit(s); at least {lowerBound} are needed.',
    'collision.explain.dropped':
      'Plan {plan} ({level}) and the {keptLevel} plan {keptPlan} of the same line ({system}) target enterprise {enterprise} with windows overlapping on {start}..{end}; the higher level keeps the matter and this plan is dropped.',
    'collision.explain.dropped.sameLevel':
      'Plan {plan} and plan {keptPlan} of the same line ({system}) and level target enterprise {enterprise} with windows overlapping on {start}..{end}; the earlier-listed {keptPlan} is kept.',
    'collision.explain.unscheduled.no-working-day-in-window':
      'The window {start}..{end} of plan {plan} holds no working day of the horizon.',
    'collision.explain.unscheduled.department-has-too-few-inspectors': '{department} has fewer than {need} inspectors.',
    'collision.explain.unscheduled.no-qualified-inspector':
      '{department} has fewer than {need} inspectors with the required qualifications ({qualifications}).',
    'collision.explain.unscheduled.all-conflicted':
      'Too many qualified inspectors of {department} must recuse themselves from this enterprise; fewer than {need} remain.',
    'collision.explain.unscheduled.inspectors-unavailable':
      'On every working day in {start}..{end}, fewer than {need} qualified inspectors of {department} are available.',
    'collision.explain.unscheduled.capacity-exhausted':
      'In {start}..{end}, the daily capacity of the qualified inspectors of {department} is used up by other visits.',
    'collision.explain.tried':
      'Tried: {workingDays} working day(s) in the window; {departmentInspectors} inspector(s) in the department, {qualified} qualified, {qualifiedNotConflicted} without recusal; {staffableDays} day(s) with enough of them available.',
  },
};

export function renderMessage(msg: ExplainMessage, locale: Locale): string {
  const tpl = EXPLAIN_MESSAGES[locale][msg.key] ?? msg.key;
  return tpl.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = msg.params[k];
    if (v === undefined) return `{${k}}`;
    if ((k === 'level' || k === 'keptLevel') && typeof v === 'string') return LEVEL_NAMES[locale][v] ?? v;
    return String(v);
  });
}

export function renderExplanation(e: Explanation, locale: Locale): string {
  return e.messages.map((m) => renderMessage(m, locale)).join(locale === 'zh-CN' ? '' : ' ');
}
