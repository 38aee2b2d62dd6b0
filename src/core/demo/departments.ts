/**
 * Demo departments and inspectors for the joint-inspection system (金陵安全联检, seed 004):
 * Nanjing has 87 city- and district-level departments and 837 inspectors.
 * Department codes follow collision.md: `D-<line abbr>-<region code>`, e.g. D-yj-320100.
 */
import { regionByCode, childRegions } from '../reference/regions.ts';
import { SUPERVISION_LINES, supervisionLine, type SupervisionLineCode } from '../reference/lines.ts';
import type { IndustryDomainCode } from '../reference/domains.ts';
import type { DepartmentLevel } from '../reference/dictionaries.ts';
import { enterpriseTowns } from './enterprises.ts';
import { createRng, chance, randInt, shuffle } from './rng.ts';
import { personName } from './names.ts';

export interface DemoDepartment {
  code: string;
  name: string;
  nameEn: string;
  line: SupervisionLineCode;
  level: DepartmentLevel;
  /** City (320100), county (320102) or town (321283100) code the department serves. */
  regionCode: string;
}

export interface DemoInspector {
  username: string;
  name: string;
  departmentCode: string;
  /** 执法证号 (synthetic format: region 6 + line 2 + year 2 + sequence 4). */
  certificateNo: string;
  /** Industry-domain codes the inspector is qualified for (collision.md `qualifications`). */
  qualifications: string[];
  dailyCapacity: number;
}

/** Pinyin of the county-level units used by the demo (for English names). */
const PINYIN: Readonly<Record<string, string>> = {
  '320100': 'Nanjing', '320102': 'Xuanwu', '320104': 'Qinhuai', '320105': 'Jianye', '320106': 'Gulou', '320111': 'Pukou',
  '320113': 'Qixia', '320114': 'Yuhuatai', '320115': 'Jiangning', '320116': 'Luhe', '320117': 'Lishui', '320118': 'Gaochun',
  '320500': 'Suzhou', '320505': 'Huqiu', '320506': 'Wuzhong', '320507': 'Xiangcheng', '320508': 'Gusu', '320509': 'Wujiang',
  '320576': 'Suzhou Industrial Park', '320581': 'Changshu', '320582': 'Zhangjiagang', '320583': 'Kunshan', '320585': 'Taicang',
  '321200': 'Taizhou', '321283': 'Taixing',
};

/** The six lines that lead joint inspections and exist at district level (seed 004 names the first five). */
export const MAIN_LINES: readonly SupervisionLineCode[] = ['emergency', 'market', 'housing', 'ecology', 'fire', 'transport'];

/** District-level department name pattern per line; {c} = city name, {d} = district name. */
const DISTRICT_PATTERN: Record<string, string> = {
  emergency: '{c}{d}应急管理局',
  market: '{c}{d}市场监督管理局',
  housing: '{c}{d}住房和城乡建设局',
  ecology: '{c}{dShort}生态环境局', // after the vertical reform: 南京市玄武生态环境局
  fire: '{c}{d}消防救援大队',
  transport: '{c}{d}交通运输局',
  police: '{c}公安局{dShort}分局',
  health: '{c}{d}卫生健康委员会',
  education: '{c}{d}教育局',
  culture: '{c}{d}文化和旅游局',
};

const EN_DEPT: Record<string, string> = {
  emergency: 'Emergency Management Bureau', market: 'Market Supervision Administration', housing: 'Housing and Urban-Rural Development Bureau',
  ecology: 'Ecology and Environment Bureau', fire: 'Fire and Rescue', transport: 'Transport Bureau', police: 'Public Security Bureau',
  health: 'Health Commission', education: 'Education Bureau', culture: 'Culture and Tourism Bureau', industry: 'Industry and Information Technology Bureau',
  natural_resources: 'Planning and Natural Resources Bureau', water: 'Water Affairs Bureau', agriculture: 'Agriculture and Rural Affairs Bureau',
  commerce: 'Commerce Bureau', urban: 'Urban Management Bureau', power: 'Development and Reform Commission (power)', civil_affairs: 'Civil Affairs Bureau',
  sports: 'Sports Bureau', postal: 'Postal Administration', meteorology: 'Meteorological Bureau',
};

const abbr = (line: SupervisionLineCode) => supervisionLine(line)?.abbr ?? line;
const deptCode = (line: SupervisionLineCode, region: string) => `D-${abbr(line)}-${region}`;
const shortName = (n: string) => (n.length > 2 ? n.replace(/(区|市|县)$/, '') : n);

function cityDept(line: SupervisionLineCode, cityCode: string): DemoDepartment {
  const l = supervisionLine(line);
  if (!l) throw new Error(`unknown line ${line}`);
  const city = regionByCode(cityCode)?.name ?? cityCode;
  return {
    code: deptCode(line, cityCode), name: l.cityDeptPattern.replace('{city}', city),
    nameEn: `${PINYIN[cityCode] ?? cityCode} ${EN_DEPT[line] ?? line}`, line, level: 'city', regionCode: cityCode,
  };
}

function districtDept(line: SupervisionLineCode, countyCode: string, cityPrefix: string): DemoDepartment {
  const county = regionByCode(countyCode);
  if (!county) throw new Error(`unknown county ${countyCode}`);
  const pattern = DISTRICT_PATTERN[line] ?? `{c}{d}${supervisionLine(line)?.label['zh-CN'] ?? line}局`;
  const short = county.kind === 'zone' ? county.name : shortName(county.name);
  const name = pattern.replace('{c}', cityPrefix).replace('{dShort}', short).replace('{d}', county.name);
  const unitEn = county.kind === 'zone' ? '' : county.name.endsWith('区') ? ' District' : county.name.endsWith('市') ? ' City' : ' County';
  return {
    code: deptCode(line, countyCode), name,
    nameEn: `${PINYIN[countyCode] ?? countyCode}${unitEn} ${EN_DEPT[line] ?? line}`, line, level: 'district', regionCode: countyCode,
  };
}

function townDept(townCode: string): DemoDepartment {
  const town = regionByCode(townCode);
  const county = town?.parent ? regionByCode(town.parent) : undefined;
  if (!town || !county) throw new Error(`unknown town ${townCode}`);
  return {
    code: deptCode('emergency', townCode), name: `${county.name}${town.name}应急管理办公室`,
    nameEn: `Emergency Management Office, ${town.name} (${PINYIN[county.code] ?? county.code})`, line: 'emergency', level: 'town', regionCode: townCode,
  };
}

/**
 * Nanjing's 87 departments (seed 004: "市、区安全生产领域监管部门 87 家"): the 21 city-level departments of all
 * supervision lines, plus the 6 main lines in each of the 11 districts (66). No town level is needed.
 */
export function demoDepartments(): DemoDepartment[] {
  const city = '320100';
  const out = SUPERVISION_LINES.map((l) => cityDept(l.code, city));
  for (const county of childRegions(city)) {
    for (const line of MAIN_LINES) out.push(districtDept(line, county.code, '南京市'));
  }
  return out;
}

/**
 * Departments for another demo area.
 *  - 320100 南京: demoDepartments().
 *  - 320500 苏州: city level for the main lines plus police/health/education/culture (10), the main lines
 *    in each county-level unit incl. 苏州工业园区 (10 × 6), and an emergency office per town (three-level planning).
 *  - 321283 泰兴: the county-level city's bureaus (level 'district', 10 lines) and an emergency office per town.
 */
export function demoDepartmentsFor(regionCode: string): DemoDepartment[] {
  if (regionCode === '320100') return demoDepartments();
  const extra: SupervisionLineCode[] = ['police', 'health', 'education', 'culture'];
  if (regionCode === '320500') {
    const out = [...MAIN_LINES, ...extra].map((l) => cityDept(l, regionCode));
    const counties = childRegions(regionCode);
    for (const county of counties) {
      for (const line of MAIN_LINES) out.push(districtDept(line, county.code, county.name.endsWith('市') || county.kind === 'zone' ? '' : '苏州市'));
    }
    for (const county of counties) for (const t of enterpriseTowns(county.code)) out.push(townDept(t.code));
    return out;
  }
  if (regionCode === '321283') {
    const out = [...MAIN_LINES, ...extra].map((l) => districtDept(l, regionCode, ''));
    for (const t of enterpriseTowns(regionCode)) out.push(townDept(t.code));
    return out;
  }
  throw new Error(`demoDepartmentsFor: no demo departments for ${regionCode} (have 320100, 320500, 321283)`);
}

/** Qualification pools by line (industry-domain codes, as in collision.md's `"hazchem"`). */
const QUALIFICATIONS: Partial<Record<SupervisionLineCode, readonly IndustryDomainCode[]>> = {
  emergency: ['hazchem', 'metallurgy', 'nonferrous', 'building_materials', 'machinery', 'light_industry', 'textile', 'commerce', 'fireworks', 'non_coal_mine'],
  market: ['special_equipment', 'commerce', 'gas'],
  housing: ['construction', 'gas'],
  ecology: ['hazchem', 'other'],
  fire: ['fire_key_unit', 'commerce', 'culture_tourism'],
  transport: ['road_transport', 'hazchem'],
  police: ['fireworks', 'hazchem'],
  health: ['healthcare'],
  education: ['education'],
  culture: ['culture_tourism'],
  urban: ['gas', 'commerce'],
  commerce: ['commerce'],
};

/** Relative staffing weight of a department (inspectors per department). */
function staffWeight(d: DemoDepartment): number {
  const lineW: Partial<Record<SupervisionLineCode, number>> = { emergency: 1.6, market: 1.5, fire: 1.3, housing: 1.1, ecology: 1.1, transport: 1.0, police: 1.2 };
  const levelW = d.level === 'city' ? 1.4 : d.level === 'district' ? 1.0 : 0.3;
  return (lineW[d.line] ?? 0.6) * levelW;
}

export interface DemoInspectorOptions {
  seed: string | number;
  departments: readonly DemoDepartment[];
  /** Default 837 (seed 004, Nanjing). */
  count?: number;
}

/** Inspectors spread over departments by line and level; every department gets at least 2 (two-officer rule). */
export function demoInspectors(opts: DemoInspectorOptions): DemoInspector[] {
  const { departments } = opts;
  const count = opts.count ?? 837;
  if (count < departments.length * 2) throw new Error('demoInspectors: need at least 2 inspectors per department');
  const rng = createRng(`inspectors:${String(opts.seed)}`);
  // largest-remainder allocation of (count − 2·n) on top of 2 each
  const spare = count - 2 * departments.length;
  const weights = departments.map(staffWeight);
  const total = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => (w / total) * spare);
  const alloc = shares.map((s) => 2 + Math.floor(s));
  let left = count - alloc.reduce((a, b) => a + b, 0);
  const order = shares.map((s, i) => [s - Math.floor(s), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const idx = (order[k] as readonly [number, number])[1];
    alloc[idx] = (alloc[idx] as number) + 1;
  }

  const out: DemoInspector[] = [];
  departments.forEach((d, i) => {
    const n = alloc[i] as number;
    const pool = QUALIFICATIONS[d.line] ?? ['other'];
    const lineNo = String(SUPERVISION_LINES.findIndex((l) => l.code === d.line) + 1).padStart(2, '0');
    const region6 = d.regionCode.slice(0, 6);
    for (let k = 1; k <= n; k++) {
      const quals = shuffle(rng, pool).slice(0, Math.min(pool.length, randInt(rng, 1, 3)));
      const year = String(randInt(rng, 12, 24)).padStart(2, '0');
      out.push({
        username: `${abbr(d.line)}${d.regionCode}-${String(k).padStart(3, '0')}`,
        name: personName(rng),
        departmentCode: d.code,
        certificateNo: `${region6}${lineNo}${year}${String(k + (d.level === 'town' ? 500 : 0)).padStart(4, '0')}`,
        qualifications: quals.sort(),
        dailyCapacity: chance(rng, 0.15) ? 2 : 1,
      });
    }
  });
  return out;
}


