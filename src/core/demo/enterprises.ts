/**
 * Seeded demo enterprises (一企一档) over 南京 320100, 苏州 320500 and 泰兴 321283, placed in real
 * town codes of resources/regions.json. Pure: same seed (and `today`) → same output.
 */
import { makeUscc } from '../codes/uscc.ts';
import { townKind } from '../codes/region-code.ts';
import { regionByCode, descendantRegions, type Region } from '../reference/regions.ts';
import type { IndustryDomainCode } from '../reference/domains.ts';
import type { RiskLevel, CreditGrade, StandardizationLevel, SmallVenueCategory } from '../reference/dictionaries.ts';
import { createRng, pick, weighted, chance, randInt, addDays, type Rng } from './rng.ts';
import { personName, mobile, roadName, TRADE_SYLLABLES } from './names.ts';

export interface DemoEnterprise {
  uscc: string;
  name: string;
  /** 9-digit town/street code (乡级). */
  regionCode: string;
  address: string;
  industryDomain: IndustryDomainCode;
  /** GB/T 4754-2017 小类, e.g. `C2614`. */
  industryCode: string;
  employees: number;
  /** 劳动密集型 */
  labourIntensive: boolean;
  /** 重点企业 */
  keyEnterprise: boolean;
  standardizationLevel: StandardizationLevel;
  riskLevel: RiskLevel;
  creditGrade: CreditGrade;
  legalRepresentative: string;
  legalRepresentativePhone: string;
  safetyOfficer: string;
  safetyOfficerPhone: string;
  smallVenueCategory: SmallVenueCategory | null;
  /** 厂中厂: USCC of the landlord whose premises this enterprise rents. */
  landlordUscc: string | null;
  lastAccidentDate: string | null;
}

export interface DemoEnterpriseOptions {
  seed: string | number;
  /** Default 2,400. */
  count?: number;
  /** City or county codes to spread over; default ['320100', '320500', '321283'] with weights 40/40/20. */
  regions?: readonly string[];
  /** Reference date (YYYY-MM-DD) for accident dates; default DEMO_TODAY. */
  today?: string;
}

export const DEMO_TODAY = '2025-06-30';
export const DEMO_REGIONS = ['320100', '320500', '321283'] as const;

interface ClassChoice {
  code: string; // section letter + 4 digits
  words: readonly string[]; // industry words for the name
  venue?: SmallVenueCategory;
}

interface DomainProfile {
  domain: IndustryDomainCode;
  weight: number;
  classes: readonly ClassChoice[];
  employees: readonly [number, number];
  /** Share of enterprises with a small-venue category (only where classes carry `venue`). */
  smallShare?: number;
  riskBias: number; // shifts risk towards red/orange
}

const c = (code: string, words: string, venue?: SmallVenueCategory): ClassChoice => ({ code, words: words.split(','), ...(venue ? { venue } : {}) });

const PROFILES: readonly DomainProfile[] = [
  { domain: 'hazchem', weight: 9, employees: [20, 800], riskBias: 2, classes: [
    c('C2614', '化工,化学,石化'), c('C2651', '新材料,树脂'), c('C2641', '涂料,化工'), c('C2661', '化学试剂,精细化工'),
    c('C2631', '农药,农化'), c('C2710', '制药,医药化工'), c('C2511', '石油化工'), c('F5169', '化工贸易,化工物资'), c('G5942', '危险品仓储,化工物流'), c('F5265', '石油销售,加油站'),
  ] },
  { domain: 'fireworks', weight: 0.4, employees: [3, 30], riskBias: 1, classes: [c('F5169', '烟花爆竹')] },
  { domain: 'machinery', weight: 26, employees: [15, 2500], riskBias: 0, classes: [
    c('C3311', '钢结构,金属结构'), c('C3484', '精密机械,机械零部件'), c('C3421', '机床,数控设备'), c('C3441', '泵业,流体设备'),
    c('C3670', '汽车零部件,汽配'), c('C3811', '电机,电气'), c('C3841', '新能源,电池'), c('C3981', '电子,电子元件'), c('C4011', '自动化,智能装备'),
    c('C3360', '表面处理,热处理'), c('C3391', '铸造,铸件'), c('C3731', '船舶,造船'), c('C4320', '设备维修,机电工程'),
  ] },
  { domain: 'light_industry', weight: 11, employees: [10, 1200], riskBias: 0, classes: [
    c('C1331', '粮油,油脂'), c('C1431', '食品'), c('C1512', '酒业'), c('C2110', '家具,木业'), c('C2221', '纸业,包装'),
    c('C2319', '印刷,包装印务'), c('C2927', '塑料制品,塑胶'), c('C2411', '文具,文化用品'), c('C3052', '玻璃,光学玻璃'), c('C2021', '木业,板材'),
  ] },
  { domain: 'textile', weight: 7, employees: [20, 1500], riskBias: 0, classes: [
    c('C1711', '纺织,棉纺'), c('C1713', '印染,染整'), c('C1752', '化纤织造,纺织科技'), c('C1819', '服饰,制衣'), c('C2822', '化纤,涤纶'),
  ] },
  { domain: 'building_materials', weight: 4, employees: [15, 600], riskBias: 1, classes: [
    c('C3011', '水泥'), c('C3021', '建材,混凝土制品'), c('C3031', '新型墙材,建材'),
  ] },
  { domain: 'metallurgy', weight: 2, employees: [50, 3000], riskBias: 2, classes: [c('C3120', '钢铁,特钢'), c('C3130', '钢材,金属材料'), c('C3140', '合金')] },
  { domain: 'nonferrous', weight: 2, employees: [30, 1500], riskBias: 2, classes: [c('C3216', '铝业'), c('C3251', '铜业'), c('C3252', '铝材,铝型材')] },
  { domain: 'tobacco', weight: 0.2, employees: [200, 1200], riskBias: 0, classes: [c('C1620', '卷烟')] },
  { domain: 'commerce', weight: 16, employees: [3, 400], riskBias: -1, smallShare: 0.75, classes: [
    c('F5211', '百货,商业'), c('F5212', '超市,商贸', 'retail'), c('F5219', '便利店,商行', 'retail'), c('G5920', '仓储,物流'),
    c('H6210', '餐饮,酒家,饭店', 'catering'), c('H6220', '快餐,餐饮管理', 'catering'), c('H6291', '小吃,面馆', 'catering'),
    c('H6121', '酒店,宾馆', 'lodging'), c('H6130', '民宿,客栈', 'lodging'),
  ] },
  { domain: 'construction', weight: 5, employees: [30, 2000], riskBias: 1, classes: [
    c('E4710', '建设,建筑工程'), c('E4813', '市政工程,路桥'), c('E4910', '安装工程,机电安装'), c('E5011', '装饰工程,建筑装饰'),
  ] },
  { domain: 'road_transport', weight: 3, employees: [10, 800], riskBias: 1, classes: [c('G5431', '运输,货运'), c('G5435', '危险货物运输,化工物流'), c('G5411', '公交,客运')] },
  { domain: 'gas', weight: 1, employees: [20, 500], riskBias: 1, classes: [c('D4511', '燃气,天然气'), c('D4512', '液化气,能源')] },
  { domain: 'culture_tourism', weight: 1.5, employees: [5, 300], riskBias: 0, smallShare: 0.5, classes: [
    c('R9011', '娱乐,KTV', 'entertainment'), c('R9013', '网络会所,网咖', 'internet_cafe'), c('N7852', '旅游开发,景区管理'), c('R8810', '文化传媒,演艺'),
  ] },
  { domain: 'education', weight: 1, employees: [5, 200], riskBias: -1, smallShare: 0.7, classes: [c('P8391', '教育培训,职业培训', 'training')] },
  { domain: 'healthcare', weight: 1.5, employees: [5, 800], riskBias: 0, smallShare: 0.6, classes: [
    c('Q8425', '门诊部,诊所', 'clinic'), c('Q8514', '养老服务,颐养院', 'elderly_care'), c('Q8411', '医院'),
  ] },
  { domain: 'fire_key_unit', weight: 2, employees: [50, 1500], riskBias: 1, classes: [c('F5211', '购物中心,商业广场'), c('H6110', '大酒店,国际酒店')] },
  { domain: 'other', weight: 3, employees: [3, 300], riskBias: -1, smallShare: 0.6, classes: [
    c('O8030', '浴场,足道', 'bath_beauty'), c('O8040', '美容美发', 'bath_beauty'), c('D4430', '热电,热力'), c('K7020', '物业管理,物业服务'),
  ] },
];

/** Region-specific boosts: Taixing's chemical park (滨江镇), Suzhou's machinery, electronics and textiles. */
function domainWeight(p: DomainProfile, area: string): number {
  if (area === '321283') {
    if (p.domain === 'hazchem') return p.weight * 2.5;
    if (p.domain === 'machinery') return p.weight * 1.1;
    if (p.domain === 'commerce') return p.weight * 0.8;
  }
  if (area === '320500' && (p.domain === 'textile' || p.domain === 'machinery')) return p.weight * 1.4;
  if (area === '320100' && (p.domain === 'commerce' || p.domain === 'construction' || p.domain === 'culture_tourism')) return p.weight * 1.3;
  return p.weight;
}

const CITY_PREFIX: Record<string, string> = { '320100': '南京', '320500': '苏州', '321283': '泰兴' };

/** Towns where enterprises can sit: streets, towns, townships and industrial parks — not prisons, farms or forests. */
export function enterpriseTowns(areaCode: string): Region[] {
  return descendantRegions(areaCode, 'town').filter((t) => {
    const k = townKind(t.code);
    if (k === 'subdistrict' || k === 'town' || k === 'township') return true;
    return /开发区|园|新区|产业|工业|高新|科技|软件谷|物流|新城/.test(t.name) && !/监狱|林场|农场|良种|茶叶/.test(t.name);
  });
}

function skewedInt(rng: Rng, [min, max]: readonly [number, number]): number {
  // log-uniform: many small, few large
  const v = Math.exp(Math.log(min) + rng() * rng() * (Math.log(max) - Math.log(min)));
  return Math.max(min, Math.min(max, Math.round(v)));
}

function riskFor(rng: Rng, bias: number): RiskLevel {
  const w: Array<[RiskLevel, number]> = [['red', 2 + 2 * Math.max(0, bias)], ['orange', 9 + 6 * Math.max(0, bias)], ['yellow', 37], ['blue', 52 - 12 * bias]];
  return weighted(rng, w.map(([k, x]) => [k, Math.max(1, x)] as const));
}

const LABOUR_INTENSIVE_DOMAINS: ReadonlySet<IndustryDomainCode> = new Set(['textile', 'light_industry', 'machinery', 'tobacco']);
const KEY_DOMAINS: ReadonlySet<IndustryDomainCode> = new Set(['hazchem', 'fireworks', 'metallurgy', 'nonferrous', 'gas', 'coal', 'non_coal_mine', 'oil_gas']);

/** Generate demo enterprises. Names and USCCs are unique; tenants (厂中厂) follow their landlords. */
export function demoEnterprises(opts: DemoEnterpriseOptions): DemoEnterprise[] {
  const count = opts.count ?? 2400;
  const today = opts.today ?? DEMO_TODAY;
  const areas = opts.regions ?? DEMO_REGIONS;
  const rng = createRng(`enterprises:${String(opts.seed)}`);
  const areaWeights = areas.map((a) => [a, a === '321283' ? 20 : 40] as const);
  const townsByArea = new Map(areas.map((a) => {
    if (!regionByCode(a)) throw new Error(`demoEnterprises: unknown region ${a}`);
    const towns = enterpriseTowns(a);
    if (towns.length === 0) throw new Error(`demoEnterprises: region ${a} has no towns`);
    return [a, towns] as const;
  }));
  const chemPark = regionByCode('321283123'); // 滨江镇 — Taixing's riverside chemical park

  const names = new Set<string>();
  const usccs = new Set<string>();
  const out: DemoEnterprise[] = [];

  for (let i = 0; i < count; i++) {
    const area = weighted(rng, areaWeights);
    const profile = weighted(rng, PROFILES.map((p) => [p, domainWeight(p, area)] as const));
    let cls = pick(rng, profile.classes);
    const small = profile.smallShare !== undefined && chance(rng, profile.smallShare);
    if (small) {
      const venueClasses = profile.classes.filter((x) => x.venue);
      if (venueClasses.length) cls = pick(rng, venueClasses);
    } else if (cls.venue && profile.classes.some((x) => !x.venue)) {
      cls = pick(rng, profile.classes.filter((x) => !x.venue));
    }
    const venue = small ? (cls.venue ?? null) : null;

    const towns = townsByArea.get(area) as Region[];
    const town = area === '321283' && profile.domain === 'hazchem' && chemPark && chance(rng, 0.6) ? chemPark : pick(rng, towns);
    const county = regionByCode(town.parent as string) as Region;

    // unique name: 城市 + 字号 + 行业词 + 组织形式
    const cityPrefix = CITY_PREFIX[area] ?? county.name.replace(/[市区县]$/, '');
    const employees = venue ? randInt(rng, 3, 40) : skewedInt(rng, profile.employees);
    let name: string;
    for (let attempt = 0; ; attempt++) {
      const trade = pick(rng, TRADE_SYLLABLES) + pick(rng, TRADE_SYLLABLES) + (attempt > 20 ? pick(rng, TRADE_SYLLABLES) : '');
      const word = pick(rng, cls.words);
      const form = venue
        ? (cls.venue === 'catering' || cls.venue === 'retail' ? pick(rng, ['店', '有限公司', '经营部']) : '有限公司')
        : employees > 800 && chance(rng, 0.4) ? '股份有限公司' : chance(rng, 0.08) ? '科技有限公司' : '有限公司';
      const prefix = venue && chance(rng, 0.5) ? `${county.name}` : cityPrefix;
      name = `${prefix}${trade}${word}${form}`;
      if (!names.has(name)) break;
    }
    names.add(name);

    let uscc: string;
    do uscc = makeUscc({ regionCode: county.code, legacyBody: chance(rng, 0.25), category: venue && chance(rng, 0.5) ? '2' : '1' }, rng);
    while (usccs.has(uscc));
    usccs.add(uscc);

    const address = `${county.name}${town.name}${roadName(rng)}${randInt(rng, 1, 999)}号`;
    const riskLevel = riskFor(rng, profile.riskBias + (employees > 1000 ? 1 : 0) - (venue ? 1 : 0));
    const creditGrade = weighted<CreditGrade>(rng, [['A', 28], ['B', 58], ['C', 11], ['D', 3]]);
    const industrial = profile.classes.some((x) => x.code.startsWith('C')) && !venue;
    const standardizationLevel: StandardizationLevel = venue
      ? 'none'
      : weighted<StandardizationLevel>(rng, industrial
        ? [['1', 2 + (employees > 1000 ? 8 : 0)], ['2', 12], ['3', 46], ['none', 40]]
        : [['2', 4], ['3', 20], ['none', 76]]);
    const labourIntensive = LABOUR_INTENSIVE_DOMAINS.has(profile.domain) && employees >= 300;
    const keyEnterprise = !venue && (KEY_DOMAINS.has(profile.domain) || employees >= 1000 || riskLevel === 'red' || (riskLevel === 'orange' && chance(rng, 0.5)));
    const lastAccidentDate = chance(rng, venue ? 0.03 : 0.09) ? addDays(today, -randInt(rng, 20, 5 * 365)) : null;
    const legalRepresentative = personName(rng);
    const safetyOfficer = employees < 10 && chance(rng, 0.5) ? legalRepresentative : personName(rng);

    out.push({
      uscc, name, regionCode: town.code, address,
      industryDomain: profile.domain, industryCode: cls.code, employees, labourIntensive, keyEnterprise,
      standardizationLevel, riskLevel, creditGrade,
      legalRepresentative, legalRepresentativePhone: mobile(rng),
      safetyOfficer, safetyOfficerPhone: safetyOfficer === legalRepresentative ? '' : mobile(rng),
      smallVenueCategory: venue, landlordUscc: null, lastAccidentDate,
    });
    const last = out[out.length - 1] as DemoEnterprise;
    if (last.safetyOfficerPhone === '') last.safetyOfficerPhone = last.legalRepresentativePhone;
  }

  // 厂中厂: about 4% of small manufacturing firms rent space from a larger one in the same town.
  const landlords = out.filter((e) => e.industryCode.startsWith('C') && e.employees >= 200 && e.smallVenueCategory === null);
  const landlordSet = new Set(landlords.map((l) => l.uscc));
  const byTown = new Map<string, DemoEnterprise[]>();
  for (const l of landlords) {
    const list = byTown.get(l.regionCode);
    if (list) list.push(l);
    else byTown.set(l.regionCode, [l]);
  }
  for (const e of out) {
    if (!e.industryCode.startsWith('C') || e.employees >= 100 || landlordSet.has(e.uscc) || !chance(rng, 0.12)) continue;
    const candidates = byTown.get(e.regionCode);
    if (!candidates?.length) continue;
    const landlord = pick(rng, candidates);
    e.landlordUscc = landlord.uscc;
    e.address = `${landlord.address}${randInt(rng, 1, 12)}号厂房`;
  }
  return out;
}

/** Towns actually present in the regions data (for tests and loaders). */
export function isKnownTown(code: string): boolean {
  return regionByCode(code)?.level === 'town';
}


