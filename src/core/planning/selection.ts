/**
 * 苏州三级计划执法 — who goes on the yearly enforcement list (seed 004):
 * "将重点行业领域企业、事故多发企业、安全生产失信行为联合惩戒对象、安全生产标准化被摘牌企业和安全生产风险等级高的企业
 *  列入年度执法检查计划。对安全生产标准化一级企业或三年以上未发生事故等守法守信的重点检查企业，纳入执法抽查。"
 * Pure: the reference date comes in as `today`.
 */

import type { CreditGrade, RiskLevel } from '../reference/dictionaries.ts';
export type { CreditGrade, RiskLevel };

/** What the rules need to know about an enterprise (from the register). */
export interface EnterpriseFacts {
  id: number;
  industryDomain: string;
  keyEnterprise: boolean;
  riskLevel: RiskLevel;
  creditGrade: CreditGrade;
  standardizationLevel: '1' | '2' | '3' | 'none';
  /** YYYY-MM-DD of the last recorded accident, or null. */
  lastAccidentDate: string | null;
  /** 标准化被摘牌: date the standardisation grade was revoked, or null. */
  standardizationRevokedOn: string | null;
}

export interface SelectionRules {
  /** 事故多发: an accident within this many years puts the enterprise on the list. */
  accidentYears: number;
  /** 三年以上未发生事故: this many accident-free years count as law-abiding. */
  quietYears: number;
  /** 标准化摘牌 within this many years is a listing reason. */
  revocationYears: number;
  /** 重点行业领域: industry domains that are key industries (besides enterprises flagged key in the register). */
  keyDomains: readonly string[];
}

export const DEFAULT_RULES: SelectionRules = {
  accidentYears: 3,
  quietYears: 3,
  revocationYears: 3,
  keyDomains: ['hazchem', 'fireworks', 'metallurgy', 'nonferrous', 'coal', 'non_coal_mine', 'oil_gas', 'gas'],
};

/** Why an enterprise is on the list (listing reasons) or in the sampling pool (sampling reasons). */
export type ReasonCode =
  | 'key_industry' // 重点行业领域企业
  | 'accident' // 事故多发企业
  | 'credit_punished' // 失信联合惩戒对象 (credit C/D)
  | 'standardization_revoked' // 标准化被摘牌
  | 'high_risk' // 风险等级高 (red/orange)
  | 'standardization_level_1' // 标准化一级 → 抽查
  | 'accident_free' // 三年以上未发生事故且守信 → 抽查
  | 'general'; // other enterprises of the line → 双随机抽查

export interface Reason {
  code: ReasonCode;
  params: Record<string, string | number>;
}

export interface Selection {
  /** listed = on the plan by rule; pool = only by random sampling (双随机). */
  kind: 'listed' | 'pool';
  reasons: Reason[];
}

/** Whole years between two ISO dates (b after a), floor. */
export function yearsBetween(a: string, b: string): number {
  const [ya, ma, da] = a.split('-').map(Number) as [number, number, number];
  const [yb, mb, db] = b.split('-').map(Number) as [number, number, number];
  let y = yb - ya;
  if (mb < ma || (mb === ma && db < da)) y -= 1;
  return y;
}

/** Subtract whole years from an ISO date (Feb 29 → Feb 28). */
export function minusYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const day = m === 2 && d === 29 ? 28 : d;
  return `${String(y - years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The Suzhou rule for one enterprise.
 *  - Bad signals always list it: an accident within `accidentYears`, credit C/D, standardisation revoked, red/orange risk.
 *  - A key-industry enterprise without bad signals is listed, unless it is law-abiding and trustworthy (守法守信):
 *    standardisation level 1, or `quietYears`+ without an accident and credit A — then it is only sampled.
 *  - Everybody else is in the sampling pool (双随机).
 */
export function selectEnterprise(e: EnterpriseFacts, today: string, rules: SelectionRules = DEFAULT_RULES): Selection {
  const listed: Reason[] = [];
  const accidentSince = minusYears(today, rules.accidentYears);
  if (e.lastAccidentDate && e.lastAccidentDate > accidentSince && e.lastAccidentDate <= today) {
    listed.push({ code: 'accident', params: { date: e.lastAccidentDate, years: rules.accidentYears } });
  }
  if (e.creditGrade === 'C' || e.creditGrade === 'D') listed.push({ code: 'credit_punished', params: { grade: e.creditGrade } });
  if (e.standardizationRevokedOn && e.standardizationRevokedOn > minusYears(today, rules.revocationYears)) {
    listed.push({ code: 'standardization_revoked', params: { date: e.standardizationRevokedOn } });
  }
  if (e.riskLevel === 'red' || e.riskLevel === 'orange') listed.push({ code: 'high_risk', params: { level: e.riskLevel } });

  const key = e.keyEnterprise || rules.keyDomains.includes(e.industryDomain);
  if (listed.length > 0) {
    if (key) listed.unshift({ code: 'key_industry', params: { domain: e.industryDomain } });
    return { kind: 'listed', reasons: listed };
  }

  const quiet = e.lastAccidentDate === null || e.lastAccidentDate <= minusYears(today, rules.quietYears);
  const good: Reason[] = [];
  if (e.standardizationLevel === '1') good.push({ code: 'standardization_level_1', params: {} });
  if (quiet && e.creditGrade === 'A') good.push({ code: 'accident_free', params: { years: rules.quietYears } });
  if (key && good.length === 0) return { kind: 'listed', reasons: [{ code: 'key_industry', params: { domain: e.industryDomain } }] };
  return { kind: 'pool', reasons: good.length > 0 ? good : [{ code: 'general', params: {} }] };
}
