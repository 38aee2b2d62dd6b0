/**
 * 行政区划代码 structure: GB/T 2260 (6 digits) and the NBS 统计用区划代码 extension
 * (9-digit 乡级 town/street, 12-digit 村级 village).
 *
 *   digits 1–2  province
 *   digits 3–4  prefecture: 01–20, 51–70 cities; 21–50 地区/州/盟; 90 = county-level units directly under the province
 *   digits 5–6  county: 01–20 districts (01 often the "市辖区" group code), 21–80 counties, 81–99 county-level cities;
 *               7x at county level are NBS statistical development zones (e.g. 320576 苏州工业园区), not in GB/T 2260
 *   digits 7–9  town: 001–099 街道, 100–199 镇, 200–399 乡, 400–599 政企合一单位 (farms, parks)
 *   digits 10–12 village: 居委会 low range, 村委会 from 200 (⚠️ bounds from data, not the rule text)
 */
import { PROVINCE_PREFIXES } from './uscc.ts';

export type RegionLevel = 'province' | 'city' | 'county' | 'town' | 'village';

export const PROVINCE_NAMES: Readonly<Record<string, string>> = {
  '11': '北京市', '12': '天津市', '13': '河北省', '14': '山西省', '15': '内蒙古自治区',
  '21': '辽宁省', '22': '吉林省', '23': '黑龙江省',
  '31': '上海市', '32': '江苏省', '33': '浙江省', '34': '安徽省', '35': '福建省', '36': '江西省', '37': '山东省',
  '41': '河南省', '42': '湖北省', '43': '湖南省', '44': '广东省', '45': '广西壮族自治区', '46': '海南省',
  '50': '重庆市', '51': '四川省', '52': '贵州省', '53': '云南省', '54': '西藏自治区',
  '61': '陕西省', '62': '甘肃省', '63': '青海省', '64': '宁夏回族自治区', '65': '新疆维吾尔自治区',
  '71': '台湾省', '81': '香港特别行政区', '82': '澳门特别行政区',
};

export function isProvincePrefix(prefix2: string): boolean {
  return PROVINCE_PREFIXES.has(prefix2);
}

/** True when the first two digits of a region code are a valid province code. */
export function hasValidProvincePrefix(code: string): boolean {
  return /^\d{2}/.test(code) && PROVINCE_PREFIXES.has(code.slice(0, 2));
}

/**
 * Structural level of a 6-, 9- or 12-digit code; null when malformed.
 * (Structural only: whether the code exists is a question for the regions data.)
 */
export function regionLevel(code: string): RegionLevel | null {
  if (!hasValidProvincePrefix(code)) return null;
  if (/^\d{12}$/.test(code)) return code.endsWith('000') ? regionLevel(code.slice(0, 9)) : 'village';
  if (/^\d{9}$/.test(code)) return code.endsWith('000') ? regionLevel(code.slice(0, 6)) : 'town';
  if (!/^\d{6}$/.test(code)) return null;
  if (code.slice(2) === '0000') return 'province';
  if (code.slice(4) === '00') return 'city';
  return 'county';
}

/** Normalise a 9/12-digit code padded with zeros ("320100000000") to its shortest form. */
export function normalizeRegionCode(code: string): string {
  if (/^\d{12}$/.test(code) && code.endsWith('000')) return normalizeRegionCode(code.slice(0, 9));
  if (/^\d{9}$/.test(code) && code.endsWith('000')) return code.slice(0, 6);
  return code;
}

/**
 * Structural parent: village → town (9), town → county (6), county → city (xxyy00, or the province
 * for prefecture 90 = 省直辖县级行政单位), city → province, province → null.
 */
export function parentRegionCode(code: string): string | null {
  const c = normalizeRegionCode(code);
  switch (regionLevel(c)) {
    case 'village':
      return c.slice(0, 9);
    case 'town':
      return c.slice(0, 6);
    case 'county':
      return c.slice(2, 4) === '90' ? c.slice(0, 2) + '0000' : c.slice(0, 4) + '00';
    case 'city':
      return c.slice(0, 2) + '0000';
    default:
      return null;
  }
}

/** Kind of a 9-digit town code by digits 7–9 (GB/T 10114 ranges). */
export type TownKind = 'subdistrict' | 'town' | 'township' | 'enterprise-unit' | 'other';
export function townKind(code9: string): TownKind {
  const n = Number(code9.slice(6, 9));
  if (n >= 1 && n <= 99) return 'subdistrict'; // 街道
  if (n >= 100 && n <= 199) return 'town'; // 镇
  if (n >= 200 && n <= 399) return 'township'; // 乡
  if (n >= 400 && n <= 599) return 'enterprise-unit'; // 政企合一单位 (farms, parks, zones)
  return 'other';
}

/** County-level code in the 71–79 range: NBS statistical development zone (not in GB/T 2260). */
export function isStatisticalZoneCode(code6: string): boolean {
  return /^\d{4}7\d$/.test(code6);
}

/** True when `code` lies in the subtree of `ancestor` (inclusive), by code prefix. */
export function isWithinRegion(code: string, ancestor: string): boolean {
  const a = normalizeRegionCode(ancestor);
  const c = normalizeRegionCode(code);
  const lvl = regionLevel(a);
  const prefixLen = lvl === 'province' ? 2 : lvl === 'city' ? 4 : lvl === 'county' ? 6 : lvl === 'town' ? 9 : 12;
  // a province-direct county (xx90yy) is not inside city xx9000 by prefix alone; fine for our data
  return c.startsWith(a.slice(0, prefixLen));
}
