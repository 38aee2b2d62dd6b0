// Violations of a moved visit, in the coordinator's language. Ids in params (E-…, I-…, D-…) are rendered by the
// caller's `name` function so people read names, not exchange-format ids.
import type { Violation } from './check.ts';
import type { Locale } from './explain.ts';

type Name = (id: string) => string;

const zh: Record<NonNullable<Violation['code']>, (p: Record<string, string | number>, n: Name) => string> = {
  'not-working-day': (p) => `${p.date} 不是工作日（周末、节假日或不在计划期内）`,
  'outside-window': (p) => `${p.date} 不在计划 ${p.plan} 的检查时段 ${p.start} 至 ${p.end} 内`,
  'team-short': (p, n) => `${n(String(p.department))} 当天只能派出 ${p.sent} 名执法人员，需要 ${p.needed} 名`,
  'lacks-qualification': (p, n) => `${n(String(p.inspector))} 不具备资格“${p.qualification}”`,
  unavailable: (p, n) => `${n(String(p.inspector))} ${p.date} 不在岗`,
  recuse: (p, n) => `${n(String(p.inspector))} 须回避 ${n(String(p.enterprise))}`,
  capacity: (p, n) => `${n(String(p.inspector))} ${p.date} 已安排 ${p.visits} 次检查，超过每日 ${p.capacity} 次`,
  'no-visit': (p) => `没有检查 ${p.visit}`,
};

const en: typeof zh = {
  'not-working-day': (p) => `${p.date} is not a working day (weekend, holiday or outside the period)`,
  'outside-window': (p) => `${p.date} is outside the window of plan ${p.plan}, ${p.start} to ${p.end}`,
  'team-short': (p, n) => `${n(String(p.department))} can send only ${p.sent} inspectors that day; ${p.needed} are needed`,
  'lacks-qualification': (p, n) => `${n(String(p.inspector))} lacks the qualification "${p.qualification}"`,
  unavailable: (p, n) => `${n(String(p.inspector))} is unavailable on ${p.date}`,
  recuse: (p, n) => `${n(String(p.inspector))} must recuse from ${n(String(p.enterprise))}`,
  capacity: (p, n) => `${n(String(p.inspector))} has ${p.visits} visits on ${p.date}, more than the daily ${p.capacity}`,
  'no-visit': (p) => `no visit ${p.visit}`,
};

export function renderViolation(v: Violation, locale: Locale, name: Name = (id) => id): string {
  if (!v.code) return v.message;
  return (locale === 'en-US' ? en : zh)[v.code](v.params ?? {}, name);
}
