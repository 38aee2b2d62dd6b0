/**
 * 超期升级 escalation of overdue hazards, by rule, as data an admin edits (the rules are a table, not code):
 * a reminder (提醒), then 督办 by the owning department, then 挂牌督办 by the county (区县) or the city (市)
 * government — shown as a traffic light. Seed 002: "建立地方政府对于重大事故隐患治理的督办制度"; seed 003:
 * "排查发现、建立台账、挂牌督办、整改销号的全流程". Days are calendar days after the deadline: the deadline day itself
 * is on time, the next day is day 1 overdue.
 */
import { label, type Label } from '../reference/label.ts';
import type { HazardLevel } from './model.ts';
import { isDate } from './lifecycle.ts';

/** 0 none · 1 提醒 reminder · 2 部门督办 · 3 县（区）级挂牌督办 · 4 市级挂牌督办 */
export type EscalationStep = 0 | 1 | 2 | 3 | 4;
export const ESCALATION_STEPS: readonly { step: EscalationStep; code: string; label: Label; light: TrafficLight; authority: Authority | null }[] = [
  { step: 0, code: 'none', label: label('正常', 'On time'), light: 'green', authority: null },
  { step: 1, code: 'reminder', label: label('超期提醒', 'Reminder'), light: 'yellow', authority: 'department' },
  { step: 2, code: 'department', label: label('部门督办', 'Supervised by the department'), light: 'orange', authority: 'department' },
  { step: 3, code: 'county', label: label('县（区）级挂牌督办', 'Listed by the county'), light: 'red', authority: 'county' },
  { step: 4, code: 'city', label: label('市级挂牌督办', 'Listed by the city'), light: 'red', authority: 'city' },
];
export type TrafficLight = 'green' | 'yellow' | 'orange' | 'red';
export type Authority = 'department' | 'county' | 'city';

export interface EscalationRule {
  level: HazardLevel;
  step: Exclude<EscalationStep, 0>;
  /** the step is reached on this day after the deadline (1 = the first overdue day) */
  daysOverdue: number;
}

/**
 * The rules a new installation starts with (editable: PUT /hazard-escalation-rules). A major hazard climbs faster and
 * reaches the city; a general one stops at the county.
 */
export const DEFAULT_ESCALATION_RULES: readonly EscalationRule[] = [
  { level: 'general', step: 1, daysOverdue: 1 },
  { level: 'general', step: 2, daysOverdue: 7 },
  { level: 'general', step: 3, daysOverdue: 15 },
  { level: 'major', step: 1, daysOverdue: 1 },
  { level: 'major', step: 2, daysOverdue: 3 },
  { level: 'major', step: 3, daysOverdue: 7 },
  { level: 'major', step: 4, daysOverdue: 15 },
];

const DAY = 86_400_000;
const dayNumber = (s: string) => Date.parse(`${s}T00:00:00Z`) / DAY;
export const addDays = (s: string, n: number) => new Date((dayNumber(s) + n) * DAY).toISOString().slice(0, 10);
/** Calendar days from the deadline to today (negative: still before the deadline). */
export const daysOverdue = (deadline: string, today: string) => dayNumber(today) - dayNumber(deadline);

export const lightOf = (step: EscalationStep): TrafficLight => ESCALATION_STEPS[step]!.light;

export interface Escalation {
  step: EscalationStep;
  light: TrafficLight;
  daysOverdue: number;
  /** the next step and the day it falls due, if the hazard stays open */
  next: { step: EscalationStep; on: string } | null;
}

/** The step an open hazard has reached on `today` by the rules (no deadline: never escalates). */
export function escalationFor(level: HazardLevel, deadline: string | null, today: string, rules: readonly EscalationRule[]): Escalation {
  if (!deadline) return { step: 0, light: 'green', daysOverdue: 0, next: null };
  const late = daysOverdue(deadline, today);
  const mine = rules.filter((r) => r.level === level).sort((a, b) => a.step - b.step);
  let step: EscalationStep = 0;
  for (const r of mine) if (late >= r.daysOverdue && r.step > step) step = r.step;
  const nextRule = mine.find((r) => r.step > step);
  return {
    step,
    light: lightOf(step),
    daysOverdue: Math.max(0, late),
    next: nextRule ? { step: nextRule.step, on: addDays(deadline, nextRule.daysOverdue) } : null,
  };
}

/**
 * Checks an edited rule set: each level's steps in order, each later step on a later day, days 1..365, no step twice.
 * (A step may be left out: a general hazard need not reach the city.)
 */
export function checkRules(rules: readonly EscalationRule[]): { index: number; field: string; key: string; params?: Record<string, string | number> }[] {
  const issues: { index: number; field: string; key: string; params?: Record<string, string | number> }[] = [];
  rules.forEach((r, i) => {
    if (!Number.isInteger(r.daysOverdue) || r.daysOverdue < 1 || r.daysOverdue > 365) issues.push({ index: i, field: 'daysOverdue', key: 'escalation.days_range' });
    if (rules.findIndex((x) => x.level === r.level && x.step === r.step) !== i) issues.push({ index: i, field: 'step', key: 'escalation.duplicate', params: { step: r.step } });
  });
  for (const level of ['general', 'major'] as const) {
    const mine = rules.map((r, i) => ({ r, i })).filter((x) => x.r.level === level).sort((a, b) => a.r.step - b.r.step);
    for (let k = 1; k < mine.length; k++) {
      if (mine[k]!.r.daysOverdue <= mine[k - 1]!.r.daysOverdue) {
        issues.push({ index: mine[k]!.i, field: 'daysOverdue', key: 'escalation.not_increasing', params: { step: mine[k]!.r.step } });
      }
    }
  }
  return issues;
}

/** A hazard's deadline falls tomorrow (the inbox's "deadline tomorrow"). */
export const dueTomorrow = (deadline: string | null, today: string) => !!deadline && isDate(deadline) && daysOverdue(deadline, today) === -1;
