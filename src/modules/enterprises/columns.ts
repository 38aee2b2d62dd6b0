import type { EnterpriseInput } from '../../core/registry/enterprise.ts';
import type { Locale } from '../../i18n/messages.ts';

/**
 * The register's spreadsheet columns, in template order. The import accepts the Chinese or the English header
 * (fixed point: the first four are 统一社会信用代码, 企业名称, 行政区划代码, 行业领域 / uscc, name, region, domain).
 */
export interface Column {
  key: keyof EnterpriseInput;
  zh: string;
  en: string;
  required: boolean;
  width: number;
  /** Extra header spellings people use. */
  aliases?: string[];
}

export const COLUMNS: readonly Column[] = [
  { key: 'uscc', zh: '统一社会信用代码', en: 'uscc', required: true, width: 24, aliases: ['信用代码', 'USCC'] },
  { key: 'name', zh: '企业名称', en: 'name', required: true, width: 36, aliases: ['单位名称', '名称'] },
  { key: 'regionCode', zh: '行政区划代码', en: 'region', required: true, width: 14, aliases: ['区划代码', 'regionCode'] },
  { key: 'industryDomain', zh: '行业领域', en: 'domain', required: true, width: 14, aliases: ['industryDomain'] },
  { key: 'industryCode', zh: '行业代码', en: 'industryCode', required: false, width: 10, aliases: ['国民经济行业代码'] },
  { key: 'address', zh: '详细地址', en: 'address', required: false, width: 36, aliases: ['地址'] },
  { key: 'employees', zh: '从业人数', en: 'employees', required: false, width: 10, aliases: ['职工人数'] },
  { key: 'labourIntensive', zh: '劳动密集型', en: 'labourIntensive', required: false, width: 10 },
  { key: 'keyEnterprise', zh: '重点企业', en: 'keyEnterprise', required: false, width: 10 },
  { key: 'standardizationLevel', zh: '标准化等级', en: 'standardizationLevel', required: false, width: 10 },
  { key: 'riskLevel', zh: '风险等级', en: 'riskLevel', required: false, width: 10 },
  { key: 'creditGrade', zh: '信用等级', en: 'creditGrade', required: false, width: 10 },
  { key: 'legalRepresentative', zh: '法定代表人', en: 'legalRepresentative', required: false, width: 12 },
  { key: 'legalRepresentativePhone', zh: '法定代表人电话', en: 'legalRepresentativePhone', required: false, width: 16 },
  { key: 'safetyOfficer', zh: '安全负责人', en: 'safetyOfficer', required: false, width: 12 },
  { key: 'safetyOfficerPhone', zh: '安全负责人电话', en: 'safetyOfficerPhone', required: false, width: 16 },
  { key: 'smallVenueCategory', zh: '小场所类别', en: 'smallVenueCategory', required: false, width: 12 },
  { key: 'landlordUscc', zh: '出租方信用代码', en: 'landlordUscc', required: false, width: 24, aliases: ['厂中厂出租方'] },
];

export const header = (c: Column, locale: Locale) => (locale === 'en-US' ? c.en : c.zh);

const byHeader = new Map<string, Column>();
for (const c of COLUMNS) {
  for (const h of [c.zh, c.en, c.key, ...(c.aliases ?? [])]) byHeader.set(h.trim().toLowerCase(), c);
}

export function columnForHeader(h: string): Column | undefined {
  return byHeader.get(h.replace(/[*＊\s]/g, '').toLowerCase()) ?? byHeader.get(h.trim().toLowerCase());
}
