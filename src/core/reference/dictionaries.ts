/**
 * Small reference dictionaries with zh-CN / en-US labels, and the single `dictionaries` object
 * the API serves to the web app as JSON. Regions are served separately (resources/regions.json).
 */
import type { Label } from './label.ts';
import { INDUSTRY_DOMAINS, DOMAIN_MAPPING } from './domains.ts';
import { INDUSTRY_SECTIONS, INDUSTRY_DIVISIONS } from './industry.ts';
import { SUPERVISION_LINES } from './lines.ts';

export interface Entry<C extends string = string> {
  code: C;
  label: Label;
}

/** 安全风险等级 four-colour risk grading (domain.md §4). `rank` 1 = highest. */
export type RiskLevel = 'red' | 'orange' | 'yellow' | 'blue';
export const RISK_LEVELS: ReadonlyArray<Entry<RiskLevel> & { rank: number; color: string }> = [
  { code: 'red', rank: 1, color: '#cf1322', label: { 'zh-CN': '重大风险', 'en-US': 'Major risk (red)' } },
  { code: 'orange', rank: 2, color: '#fa8c16', label: { 'zh-CN': '较大风险', 'en-US': 'Significant risk (orange)' } },
  { code: 'yellow', rank: 3, color: '#fadb14', label: { 'zh-CN': '一般风险', 'en-US': 'General risk (yellow)' } },
  { code: 'blue', rank: 4, color: '#1677ff', label: { 'zh-CN': '低风险', 'en-US': 'Low risk (blue)' } },
];

/**
 * 安全生产信用等级. A/B/C/D with 诚信/守信/失信/严重失信 wording is a common scheme (domain.md §7),
 * ❓ not verified for Jiangsu — the grade set is configurable data, not a rule of the code.
 */
export type CreditGrade = 'A' | 'B' | 'C' | 'D';
export const CREDIT_GRADES: ReadonlyArray<Entry<CreditGrade> & { rank: number }> = [
  { code: 'A', rank: 1, label: { 'zh-CN': '诚信', 'en-US': 'Trustworthy (A)' } },
  { code: 'B', rank: 2, label: { 'zh-CN': '守信', 'en-US': 'Compliant (B)' } },
  { code: 'C', rank: 3, label: { 'zh-CN': '失信', 'en-US': 'Dishonest (C)' } },
  { code: 'D', rank: 4, label: { 'zh-CN': '严重失信', 'en-US': 'Seriously dishonest (D)' } },
];

/** 安全生产标准化等级 standardisation level; 'none' = not graded or revoked. */
export type StandardizationLevel = '1' | '2' | '3' | 'none';
export const STANDARDIZATION_LEVELS: ReadonlyArray<Entry<StandardizationLevel>> = [
  { code: '1', label: { 'zh-CN': '一级', 'en-US': 'Level 1' } },
  { code: '2', label: { 'zh-CN': '二级', 'en-US': 'Level 2' } },
  { code: '3', label: { 'zh-CN': '三级', 'en-US': 'Level 3' } },
  { code: 'none', label: { 'zh-CN': '未达标', 'en-US': 'Not graded' } },
];

/**
 * 社会面小场所 12 categories (seed 002 names 餐饮、商超、旅馆 among "12类"; the full Jiangsu/Taixing list is
 * not published — domain.md §9). Editable seed data; thresholds from the classic 九小场所 where known.
 */
export type SmallVenueCategory =
  | 'catering' | 'retail' | 'lodging' | 'entertainment' | 'internet_cafe' | 'bath_beauty'
  | 'fitness' | 'clinic' | 'elderly_care' | 'training' | 'workshop' | 'warehouse';
export const SMALL_VENUE_CATEGORIES: ReadonlyArray<Entry<SmallVenueCategory> & { threshold?: string }> = [
  { code: 'catering', label: { 'zh-CN': '餐饮', 'en-US': 'Catering' }, threshold: '≤100 diners' },
  { code: 'retail', label: { 'zh-CN': '商超', 'en-US': 'Shops and supermarkets' }, threshold: '≤300 m²' },
  { code: 'lodging', label: { 'zh-CN': '旅馆', 'en-US': 'Hotels and guesthouses' }, threshold: '≤50 beds' },
  { code: 'entertainment', label: { 'zh-CN': '歌舞娱乐', 'en-US': 'Entertainment venues' }, threshold: 'floors 1–3, ≤200 m²' },
  { code: 'internet_cafe', label: { 'zh-CN': '网吧', 'en-US': 'Internet cafés' } },
  { code: 'bath_beauty', label: { 'zh-CN': '洗浴美容', 'en-US': 'Bathing, massage and beauty' }, threshold: '≤200 m²' },
  { code: 'fitness', label: { 'zh-CN': '休闲健身', 'en-US': 'Leisure and fitness' }, threshold: '≤200 m²' },
  { code: 'clinic', label: { 'zh-CN': '小医疗', 'en-US': 'Small clinics' }, threshold: '≤30 beds' },
  { code: 'elderly_care', label: { 'zh-CN': '养老机构', 'en-US': 'Elderly care homes' }, threshold: '≤30 beds' },
  { code: 'training', label: { 'zh-CN': '教育培训', 'en-US': 'Training centres and kindergartens' } },
  { code: 'workshop', label: { 'zh-CN': '生产加工', 'en-US': 'Small workshops' }, threshold: '<50 staff' },
  { code: 'warehouse', label: { 'zh-CN': '仓储物流', 'en-US': 'Storage and logistics' } },
];

/** 部门层级 department levels (collision.md: city > district > town). */
export type DepartmentLevel = 'city' | 'district' | 'town';
export const DEPARTMENT_LEVELS: ReadonlyArray<Entry<DepartmentLevel> & { rank: number }> = [
  { code: 'city', rank: 1, label: { 'zh-CN': '市级', 'en-US': 'City' } },
  { code: 'district', rank: 2, label: { 'zh-CN': '区（县、市）级', 'en-US': 'District / county' } },
  { code: 'town', rank: 3, label: { 'zh-CN': '镇（街道）级', 'en-US': 'Town / street' } },
];

/** 角色 user roles (product.md). */
export type RoleCode = 'admin' | 'coordinator' | 'dept_head' | 'inspector' | 'expert' | 'grid_worker' | 'enterprise_officer';
export const ROLES: ReadonlyArray<Entry<RoleCode>> = [
  { code: 'admin', label: { 'zh-CN': '系统管理员', 'en-US': 'Administrator' } },
  { code: 'coordinator', label: { 'zh-CN': '安委办', 'en-US': 'Safety committee office coordinator' } },
  { code: 'dept_head', label: { 'zh-CN': '部门负责人', 'en-US': 'Department head' } },
  { code: 'inspector', label: { 'zh-CN': '执法人员', 'en-US': 'Inspector' } },
  { code: 'expert', label: { 'zh-CN': '专家', 'en-US': 'Expert' } },
  { code: 'grid_worker', label: { 'zh-CN': '网格员', 'en-US': 'Grid worker' } },
  { code: 'enterprise_officer', label: { 'zh-CN': '企业安全员', 'en-US': 'Enterprise safety officer' } },
];

/**
 * 专家专业 expert specialities: the industry domains plus the special areas of the major-hazard criteria
 * (粉尘涉爆, 液氨制冷, 有限空间 — 应急管理部令第10号 Arts. 11–13) and two cross-cutting ones.
 */
export const EXPERT_SPECIALITIES: ReadonlyArray<Entry> = [
  ...INDUSTRY_DOMAINS.map((d) => ({ code: d.code as string, label: d.label })),
  { code: 'dust_explosion', label: { 'zh-CN': '粉尘涉爆', 'en-US': 'Combustible dust' } },
  { code: 'ammonia_refrigeration', label: { 'zh-CN': '液氨制冷', 'en-US': 'Ammonia refrigeration' } },
  { code: 'confined_space', label: { 'zh-CN': '有限空间', 'en-US': 'Confined spaces' } },
  { code: 'fire', label: { 'zh-CN': '消防', 'en-US': 'Fire safety' } },
  { code: 'electrical', label: { 'zh-CN': '电气', 'en-US': 'Electrical safety' } },
];

/** The codes alone, in rank order — the one list the rules (register validation, frequency matrix) check against. */
export const RISK_LEVEL_CODES: readonly RiskLevel[] = RISK_LEVELS.map((x) => x.code);
export const CREDIT_GRADE_CODES: readonly CreditGrade[] = CREDIT_GRADES.map((x) => x.code);
export const STANDARDIZATION_LEVEL_CODES: readonly StandardizationLevel[] = STANDARDIZATION_LEVELS.map((x) => x.code);
export const ROLE_CODES: readonly RoleCode[] = ROLES.map((x) => x.code);

/** Everything the web app needs for pick-lists and labels, JSON-serialisable. */
export const dictionaries = {
  industryDomains: INDUSTRY_DOMAINS,
  industryDomainMapping: DOMAIN_MAPPING,
  industrySections: INDUSTRY_SECTIONS,
  industryDivisions: INDUSTRY_DIVISIONS,
  riskLevels: RISK_LEVELS,
  creditGrades: CREDIT_GRADES,
  standardizationLevels: STANDARDIZATION_LEVELS,
  smallVenueCategories: SMALL_VENUE_CATEGORIES,
  expertSpecialities: EXPERT_SPECIALITIES,
  supervisionLines: SUPERVISION_LINES,
  departmentLevels: DEPARTMENT_LEVELS,
  roles: ROLES,
} as const;

export type Dictionaries = typeof dictionaries;
