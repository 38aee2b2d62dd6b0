/**
 * 行业领域 industry domains of work-safety supervision, with stable codes, and the mapping of
 * GB/T 4754-2017 codes to the 冶金等工贸 domains per 应急厅〔2019〕17号 (《冶金有色建材机械轻工纺织
 * 烟草商贸行业安全监管分类标准（试行）》, 2019-01-31, replacing 安监总厅管四〔2014〕29号).
 *
 * Confirmation status (docs/reference-data.md):
 *   - 冶金 / 有色 / 建材 / 机械 inclusions: ✅ confirmed from two copies of the notice text.
 *   - 机械 exclusions: ❓ not read (the copies cut off there); none applied.
 *   - 轻工 / 纺织 / 烟草 / 商贸: ❓ UNCONFIRMED — best reading of the 2014 draft and common practice;
 *     check against the original notice before relying on them for enforcement statistics.
 *   - Non-工贸 domains (危化品, 烟花爆竹, 建筑施工 …): ⚠️ indicative mapping for demo data and
 *     suggestions only; the authoritative attribution is the enterprise's registered domain.
 */
import type { Label } from './label.ts';
import { parseIndustryCode } from './industry.ts';
import type { SupervisionLineCode } from './lines.ts';

export type IndustryDomainCode =
  | 'coal' | 'non_coal_mine' | 'hazchem' | 'fireworks' | 'oil_gas'
  | 'metallurgy' | 'nonferrous' | 'building_materials' | 'machinery' | 'light_industry' | 'textile' | 'tobacco' | 'commerce'
  | 'construction' | 'road_transport' | 'fire_key_unit' | 'special_equipment' | 'gas' | 'culture_tourism' | 'education' | 'healthcare'
  | 'other';

export type IndustryDomainGroup = 'high_risk' | 'industry_trade' | 'other_sector';

export interface IndustryDomain {
  code: IndustryDomainCode;
  label: Label;
  /** high_risk 高危行业 · industry_trade 冶金等工贸 (8 industries) · other_sector 其他行业领域 */
  group: IndustryDomainGroup;
  /** The supervision line (条线) that leads supervision of this domain. */
  leadLine: SupervisionLineCode;
}

const d = (code: IndustryDomainCode, zh: string, en: string, group: IndustryDomainGroup, leadLine: SupervisionLineCode): IndustryDomain => ({
  code, label: { 'zh-CN': zh, 'en-US': en }, group, leadLine,
});

export const INDUSTRY_DOMAINS: readonly IndustryDomain[] = [
  d('coal', '煤矿', 'Coal mines', 'high_risk', 'emergency'),
  d('non_coal_mine', '非煤矿山', 'Non-coal mines (metal/non-metal mines, tailings ponds)', 'high_risk', 'emergency'),
  d('hazchem', '危险化学品', 'Hazardous chemicals', 'high_risk', 'emergency'),
  d('fireworks', '烟花爆竹', 'Fireworks', 'high_risk', 'emergency'),
  d('oil_gas', '石油天然气开采', 'Oil and gas extraction', 'high_risk', 'emergency'),
  d('metallurgy', '冶金', 'Metallurgy (ferrous)', 'industry_trade', 'emergency'),
  d('nonferrous', '有色', 'Non-ferrous metals', 'industry_trade', 'emergency'),
  d('building_materials', '建材', 'Building materials', 'industry_trade', 'emergency'),
  d('machinery', '机械', 'Machinery', 'industry_trade', 'emergency'),
  d('light_industry', '轻工', 'Light industry', 'industry_trade', 'emergency'),
  d('textile', '纺织', 'Textiles', 'industry_trade', 'emergency'),
  d('tobacco', '烟草', 'Tobacco', 'industry_trade', 'emergency'),
  d('commerce', '商贸', 'Commerce and trade', 'industry_trade', 'emergency'),
  d('construction', '建筑施工', 'Construction works', 'other_sector', 'housing'),
  d('road_transport', '道路运输', 'Road transport', 'other_sector', 'transport'),
  d('fire_key_unit', '消防重点单位', 'Key fire-safety units', 'other_sector', 'fire'),
  d('special_equipment', '特种设备', 'Special equipment', 'other_sector', 'market'),
  d('gas', '燃气', 'Gas supply', 'other_sector', 'housing'),
  d('culture_tourism', '文化旅游', 'Culture and tourism', 'other_sector', 'culture'),
  d('education', '教育', 'Education', 'other_sector', 'education'),
  d('healthcare', '医疗卫生', 'Healthcare', 'other_sector', 'health'),
  d('other', '其他', 'Other', 'other_sector', 'emergency'),
];

const domainByCode = new Map(INDUSTRY_DOMAINS.map((x) => [x.code, x]));
export function industryDomain(code: string): IndustryDomain | undefined {
  return domainByCode.get(code as IndustryDomainCode);
}

export interface DomainMappingRule {
  domain: IndustryDomainCode;
  /** GB/T 4754 digit prefixes (大类 2, 中类 3, 小类 4 digits) that belong to the domain. */
  include: readonly string[];
  /** Prefixes carved out of `include`. */
  exclude: readonly string[];
  status: 'confirmed' | 'unconfirmed' | 'indicative';
  source: string;
}

const NOTICE = '应急厅〔2019〕17号';

/**
 * Ordered: the first rule whose include matches (and exclude does not) wins. High-risk domains come
 * first so that e.g. 2672 焰火、鞭炮 is 烟花爆竹 rather than a chemical.
 */
export const DOMAIN_MAPPING: readonly DomainMappingRule[] = [
  { domain: 'fireworks', include: ['2672'], exclude: [], status: 'indicative', source: 'GB/T 4754-2017 2672 焰火、鞭炮产品制造' },
  { domain: 'coal', include: ['06'], exclude: [], status: 'indicative', source: 'GB/T 4754-2017 大类 06' },
  { domain: 'oil_gas', include: ['07'], exclude: [], status: 'indicative', source: 'GB/T 4754-2017 大类 07' },
  { domain: 'non_coal_mine', include: ['08', '09', '10'], exclude: [], status: 'indicative', source: 'GB/T 4754-2017 大类 08–10' },
  {
    domain: 'hazchem', include: ['25', '26', '27', '5941', '5942', '5949', '5162', '5166', '5167', '5169', '5265', '5266'],
    exclude: ['2682'], status: 'indicative', source: '危化品生产/经营/储存 by GB/T 4754-2017 (not a formal mapping)',
  },
  { domain: 'gas', include: ['45'], exclude: [], status: 'indicative', source: 'GB/T 4754-2017 大类 45 燃气生产和供应业' },
  { domain: 'road_transport', include: ['54'], exclude: [], status: 'indicative', source: 'GB/T 4754-2017 大类 54' },
  { domain: 'construction', include: ['47', '48', '49', '50'], exclude: [], status: 'indicative', source: 'GB/T 4754-2017 门类 E' },
  // — 冶金等工贸 per 应急厅〔2019〕17号 —
  { domain: 'metallurgy', include: ['31'], exclude: [], status: 'confirmed', source: `${NOTICE} 一、31 全部企业` },
  { domain: 'nonferrous', include: ['32'], exclude: [], status: 'confirmed', source: `${NOTICE} 二、32 全部企业` },
  {
    domain: 'building_materials', include: ['30'], exclude: ['305', '3073', '3074', '3075', '3076', '3079'],
    status: 'confirmed', source: `${NOTICE} 三、30, 不包括 305 及 3073/3074/3075/3076/3079`,
  },
  {
    // exclusions listed in the notice were not readable in the copies found — none applied (❓)
    domain: 'machinery', include: ['33', '34', '35', '36', '37', '38', '39', '40', '43'], exclude: [],
    status: 'confirmed', source: `${NOTICE} 四、33–40, 43 (exclusions not captured)`,
  },
  { domain: 'tobacco', include: ['16'], exclude: [], status: 'unconfirmed', source: `${NOTICE} 七 (❓ text not read)` },
  { domain: 'textile', include: ['17', '18', '28'], exclude: [], status: 'unconfirmed', source: `${NOTICE} 六 (❓ text not read)` },
  {
    // 305 玻璃制品 and the 307x 陶瓷 carved out of 建材 are generally counted as 轻工 (❓)
    domain: 'light_industry', include: ['13', '14', '15', '19', '20', '21', '22', '23', '24', '29', '41', '305', '3073', '3074', '3075', '3076', '3079', '2682'],
    exclude: [], status: 'unconfirmed', source: `${NOTICE} 五 (❓ text not read)`,
  },
  { domain: 'commerce', include: ['51', '52', '59', '61', '62'], exclude: [], status: 'unconfirmed', source: `${NOTICE} 八 (❓ text not read)` },
  // — other sectors, indicative —
  { domain: 'healthcare', include: ['84', '85'], exclude: [], status: 'indicative', source: 'GB/T 4754-2017 门类 Q' },
  { domain: 'education', include: ['83'], exclude: [], status: 'indicative', source: 'GB/T 4754-2017 门类 P' },
  { domain: 'culture_tourism', include: ['86', '87', '88', '89', '90', '7852'], exclude: [], status: 'indicative', source: 'GB/T 4754-2017 门类 R, 7852' },
];

/** Domain suggested for a GB/T 4754 code (`C3130`, `3130`, `C31`); 'other' when nothing matches. */
export function domainForIndustryCode(code: string): IndustryDomainCode {
  const r = parseIndustryCode(code);
  if (!r.ok || !r.division) return 'other';
  const digits = r.klass ?? r.group ?? r.division;
  for (const rule of DOMAIN_MAPPING) {
    if (rule.include.some((p) => digits.startsWith(p)) && !rule.exclude.some((p) => digits.startsWith(p))) return rule.domain;
  }
  return 'other';
}

/** The 8 冶金等工贸 domains. */
export const INDUSTRY_TRADE_DOMAINS: readonly IndustryDomainCode[] = INDUSTRY_DOMAINS.filter((x) => x.group === 'industry_trade').map((x) => x.code);
