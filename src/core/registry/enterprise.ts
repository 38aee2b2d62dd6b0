/**
 * 一企一档 enterprise register rules: what a valid enterprise record is, and how the loose values people type in
 * spreadsheets (红, 一级, 是) become the register's codes. Used by the form API and by the import alike.
 */
import { validateUscc } from '../codes/uscc.ts';
import { INDUSTRY_DOMAINS } from '../reference/domains.ts';
import { normalizeIndustryCode } from '../reference/industry.ts';
import type { MessageKey, Params } from '../../i18n/messages.ts';

import {
  CREDIT_GRADE_CODES as CREDIT_GRADES,
  RISK_LEVEL_CODES as RISK_LEVELS,
  STANDARDIZATION_LEVEL_CODES as STANDARDIZATION_LEVELS,
  type CreditGrade,
  type RiskLevel,
  type StandardizationLevel,
} from '../reference/dictionaries.ts';

export type { CreditGrade, RiskLevel, StandardizationLevel };

export interface EnterpriseInput {
  uscc: string;
  name: string;
  regionCode: string;
  address: string;
  industryDomain: string;
  industryCode: string | null;
  employees: number;
  labourIntensive: boolean;
  keyEnterprise: boolean;
  standardizationLevel: StandardizationLevel;
  riskLevel: RiskLevel;
  creditGrade: CreditGrade;
  legalRepresentative: string;
  legalRepresentativePhone: string;
  safetyOfficer: string;
  safetyOfficerPhone: string;
  smallVenueCategory: string | null;
  /** 厂中厂: the landlord's code. */
  landlordUscc: string | null;
}

export interface Issue {
  field: keyof EnterpriseInput;
  key: MessageKey;
  params?: Params;
}

/** What the rules need to know about the world, handed in (no I/O here). */
export interface RegistryFacts {
  regionExists(code: string): boolean;
  regionInScope(code: string): boolean;
  smallVenueCategories: ReadonlySet<string>;
  /** The industry domains of the user's line (条线); null or absent = every domain. */
  domainsInScope?: readonly string[] | null;
}

const PHONE = /^(?:\+?86[- ]?)?(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/;

export function validateEnterprise(e: EnterpriseInput, facts: RegistryFacts): Issue[] {
  const issues: Issue[] = [];
  const u = validateUscc(e.uscc);
  if (!e.uscc) issues.push({ field: 'uscc', key: 'field.required' });
  else if (!u.ok) {
    const key: MessageKey =
      u.reason === 'length' ? 'uscc.length' : u.reason === 'charset' ? 'uscc.charset' : u.reason === 'province' ? 'uscc.province' : 'uscc.check_digit';
    issues.push({ field: 'uscc', key, params: u.expected ? { expected: u.expected } : {} });
  }
  if (!e.name.trim()) issues.push({ field: 'name', key: 'field.required' });
  else if (e.name.length > 200) issues.push({ field: 'name', key: 'field.too_long', params: { max: 200 } });
  if (!e.regionCode) issues.push({ field: 'regionCode', key: 'field.required' });
  else if (!facts.regionExists(e.regionCode)) issues.push({ field: 'regionCode', key: 'region.unknown', params: { code: e.regionCode } });
  else if (!facts.regionInScope(e.regionCode)) issues.push({ field: 'regionCode', key: 'region.out_of_scope', params: { code: e.regionCode } });
  if (e.address.length > 300) issues.push({ field: 'address', key: 'field.too_long', params: { max: 300 } });
  if (!e.industryDomain) issues.push({ field: 'industryDomain', key: 'field.required' });
  else if (!INDUSTRY_DOMAINS.some((d) => d.code === e.industryDomain)) issues.push({ field: 'industryDomain', key: 'domain.unknown', params: { value: e.industryDomain } });
  else if (facts.domainsInScope && !facts.domainsInScope.includes(e.industryDomain)) {
    // A department user registers only what their line supervises; anything else would vanish from their register.
    const names = INDUSTRY_DOMAINS.filter((d) => facts.domainsInScope!.includes(d.code)).map((d) => d.label['zh-CN']);
    issues.push({ field: 'industryDomain', key: 'field.enum', params: { values: names.join('、') } });
  }
  if (e.industryCode !== null && normalizeIndustryCode(e.industryCode) === null) {
    issues.push({ field: 'industryCode', key: 'industry_code.invalid', params: { value: e.industryCode } });
  }
  if (!Number.isInteger(e.employees) || e.employees < 0 || e.employees > 10_000_000) issues.push({ field: 'employees', key: 'employees.invalid' });
  if (!STANDARDIZATION_LEVELS.includes(e.standardizationLevel)) issues.push({ field: 'standardizationLevel', key: 'field.enum', params: { values: '一级, 二级, 三级, 未定级' } });
  if (!RISK_LEVELS.includes(e.riskLevel)) issues.push({ field: 'riskLevel', key: 'field.enum', params: { values: '红, 橙, 黄, 蓝' } });
  if (!CREDIT_GRADES.includes(e.creditGrade)) issues.push({ field: 'creditGrade', key: 'field.enum', params: { values: 'A, B, C, D' } });
  for (const f of ['legalRepresentativePhone', 'safetyOfficerPhone'] as const) {
    if (e[f] && !PHONE.test(e[f])) issues.push({ field: f, key: 'phone.invalid' });
  }
  for (const f of ['legalRepresentative', 'safetyOfficer'] as const) {
    if (e[f].length > 50) issues.push({ field: f, key: 'field.too_long', params: { max: 50 } });
  }
  if (e.smallVenueCategory !== null && !facts.smallVenueCategories.has(e.smallVenueCategory)) {
    issues.push({ field: 'smallVenueCategory', key: 'small_venue.unknown', params: { value: e.smallVenueCategory } });
  }
  if (e.landlordUscc !== null) {
    if (e.landlordUscc === e.uscc) issues.push({ field: 'landlordUscc', key: 'landlord.self' });
    else if (!validateUscc(e.landlordUscc).ok) issues.push({ field: 'landlordUscc', key: 'uscc.check_digit', params: { expected: '?' } });
  }
  return issues;
}

/* ---------- loose spreadsheet values → register codes ---------- */

const RISK_WORDS: Record<string, RiskLevel> = {
  red: 'red', 红: 'red', 红色: 'red', 重大: 'red', 重大风险: 'red',
  orange: 'orange', 橙: 'orange', 橙色: 'orange', 较大: 'orange', 较大风险: 'orange',
  yellow: 'yellow', 黄: 'yellow', 黄色: 'yellow', 一般: 'yellow', 一般风险: 'yellow',
  blue: 'blue', 蓝: 'blue', 蓝色: 'blue', 低: 'blue', 低风险: 'blue',
};
const STD_WORDS: Record<string, StandardizationLevel> = {
  '1': '1', 一级: '1', 'level 1': '1', '2': '2', 二级: '2', 'level 2': '2', '3': '3', 三级: '3', 'level 3': '3',
  none: 'none', 无: 'none', 未定级: 'none', 未达标: 'none', '': 'none',
};
const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', 'x']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '']);

export function parseRiskLevel(v: string): RiskLevel | null {
  return RISK_WORDS[v.trim().toLowerCase()] ?? null;
}
export function parseStandardizationLevel(v: string): StandardizationLevel | null {
  return STD_WORDS[v.trim().toLowerCase()] ?? null;
}
export function parseCreditGrade(v: string): CreditGrade | null {
  const t = v.trim().toUpperCase().replace(/级$/, '');
  return (CREDIT_GRADES as readonly string[]).includes(t) ? (t as CreditGrade) : null;
}
export function parseYesNo(v: string): boolean | null {
  const t = v.trim().toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return null;
}
/** A domain by code, Chinese name or English name (行业领域 column). */
export function parseIndustryDomain(v: string): string | null {
  const t = v.trim();
  if (!t) return null;
  const lower = t.toLowerCase();
  const d = INDUSTRY_DOMAINS.find(
    (x) => x.code === lower || x.label['zh-CN'] === t || x.label['en-US'].toLowerCase() === lower || x.label['en-US'].split(' (')[0]!.toLowerCase() === lower,
  );
  return d?.code ?? null;
}
