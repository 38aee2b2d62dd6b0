/**
 * 机关简称 in a document number (文号): `（宁江）应急责改〔2026〕12号`. A department may have one set by an admin; this is
 * the sensible default derived from where the department sits, so a department created by any path (the demo, an
 * import, the admin) numbers its documents from the first day:
 *
 * - a province: its one-character 简称 (江苏 → 苏);
 * - a prefecture-level city: the city's customary one-character 简称 (南京 → 宁, 苏州 → 苏, 无锡 → 锡); for a city not
 *   in the table, its first character;
 * - a district (市辖区) of a city: city 简称 + the district's first character (江宁区 → 宁江, 玄武区 → 宁玄);
 * - a county or county-level city: its first two characters without the suffix (泰兴市 → 泰兴, 沛县 → 沛);
 * - a town or street office: the county's abbreviation + the town's first character (秣陵街道 in 江宁区 → 宁江秣).
 */
import { regionAncestors, regionByCode, type Region } from '../reference/regions.ts';

/** Customary one-character 简称 of prefecture-level cities used in 文号 (Jiangsu and Jiangxi, the shipped regions). */
export const CITY_ABBREVIATIONS: Readonly<Record<string, string>> = {
  南京市: '宁',
  无锡市: '锡',
  徐州市: '徐',
  常州市: '常',
  苏州市: '苏',
  南通市: '通',
  连云港市: '连',
  淮安市: '淮',
  盐城市: '盐',
  扬州市: '扬',
  镇江市: '镇',
  泰州市: '泰',
  宿迁市: '宿',
  南昌市: '洪',
  宜春市: '宜',
};

/** 省级简称 */
export const PROVINCE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  北京市: '京', 天津市: '津', 河北省: '冀', 山西省: '晋', 内蒙古自治区: '蒙', 辽宁省: '辽', 吉林省: '吉', 黑龙江省: '黑',
  上海市: '沪', 江苏省: '苏', 浙江省: '浙', 安徽省: '皖', 福建省: '闽', 江西省: '赣', 山东省: '鲁', 河南省: '豫',
  湖北省: '鄂', 湖南省: '湘', 广东省: '粤', 广西壮族自治区: '桂', 海南省: '琼', 重庆市: '渝', 四川省: '川', 贵州省: '贵',
  云南省: '云', 西藏自治区: '藏', 陕西省: '陕', 甘肃省: '甘', 青海省: '青', 宁夏回族自治区: '宁', 新疆维吾尔自治区: '新',
};

function first(name: string, n: number): string {
  return [...name].slice(0, n).join('');
}

function cityAbbr(city: Region): string {
  return CITY_ABBREVIATIONS[city.name] ?? first(city.name, 1);
}

function countyAbbr(county: Region, city: Region | undefined): string {
  // 市辖区 (…区) take the city's 简称 first; counties and county-level cities stand on their own name.
  if (county.name.endsWith('区') && city) {
    // a zone named after its city (苏州工业园区) takes the character after the city's name
    const cityBare = city.name.replace(/市$/, '');
    const own = county.name.startsWith(cityBare) ? county.name.slice(cityBare.length) : county.name;
    return `${cityAbbr(city)}${first(own, 1)}`;
  }
  const bare = county.name.replace(/(自治县|县|市|旗)$/, '');
  return first(bare, 2);
}

/** The derived 机关简称 of a department serving `regionCode`; '' for an unknown region. */
export function deriveAbbreviation(regionCode: string): string {
  const region = regionByCode(regionCode);
  if (!region) return '';
  const up = regionAncestors(regionCode);
  const city = up.find((r) => r.level === 'city');
  const county = up.find((r) => r.level === 'county');
  switch (region.level) {
    case 'province':
      return PROVINCE_ABBREVIATIONS[region.name] ?? first(region.name, 1);
    case 'city':
      return cityAbbr(region);
    case 'county':
      return countyAbbr(region, city);
    case 'town':
      return `${county ? countyAbbr(county, city) : city ? cityAbbr(city) : ''}${first(region.name, 1)}`;
  }
}

/** Names of the department's region chain, for the default remedy bodies (复议机关, 法院). */
export function regionNames(regionCode: string): { province?: string; city?: string; county?: string } {
  const region = regionByCode(regionCode);
  if (!region) return {};
  const chain = [...regionAncestors(regionCode), region];
  const out: { province?: string; city?: string; county?: string } = {};
  for (const r of chain) {
    if (r.level === 'province') out.province = r.name;
    if (r.level === 'city') out.city = r.name;
    if (r.level === 'county') out.county = r.name;
  }
  return out;
}
