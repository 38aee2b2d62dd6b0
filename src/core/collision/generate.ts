// Seeded, pure scenario generator for tests and benchmarks (no Math.random, no clock).
//
//  - nanjing  (金陵安全联检, seed 004): 87 departments (10 city lines + 11 districts × 7 lines),
//    837 inspectors, 584 plans over ~260 enterprises; several lines plan the same enterprises.
//  - suzhou   (三级计划执法, seed 004): emergency line at city / 10 districts / 90 towns with
//    8,264 planned enterprises (150 city + 2,397 district + 5,717 town), some lower-level duplicates,
//    plus other lines' plans on part of them; one year.
//  - province: 13 cities, 300,000 plans, 100,000 enterprises, 20,000 inspectors, one year.
//  - tiny:     3–8 enterprises, a few departments, 6 weeks; for property tests and the exact MILP.
// `scarce: true` gives few inspectors per department, capacity 1, more leave and more qualifications.

import { rngFromSeed } from './prng.ts';
import type { Department, Enterprise, Inspector, Level, Plan, Scenario } from './scenario.ts';
import { dayToIso, isoToDay } from './calendar.ts';

export type Scale = 'nanjing' | 'suzhou' | 'province' | 'tiny';

export interface GenerateOptions {
  scale: Scale;
  seed: number;
  /** Override: every department gets exactly this many inspectors. */
  inspectorsPerDept?: number;
  /** Few inspectors, capacity 1, more unavailability, more required qualifications. */
  scarce?: boolean;
  /** Override the number of plans (and enterprises proportionally) — for quick benches. */
  plans?: number;
}

const LINES = [
  { code: 'yj', system: 'emergency', name: '应急管理局', qual: 'hazchem', weight: 5 },
  { code: 'sj', system: 'market', name: '市场监督管理局', qual: 'special-equipment', weight: 3 },
  { code: 'xf', system: 'fire', name: '消防救援支队', qual: 'fire', weight: 3 },
  { code: 'zj', system: 'housing', name: '住房和城乡建设局', qual: 'construction', weight: 2 },
  { code: 'hb', system: 'environment', name: '生态环境局', qual: 'hazwaste', weight: 2 },
  { code: 'jt', system: 'transport', name: '交通运输局', qual: 'dangerous-goods-transport', weight: 1 },
  { code: 'gx', system: 'industry', name: '工业和信息化局', qual: '', weight: 1 },
  { code: 'sw', system: 'water', name: '水务局', qual: '', weight: 1 },
  { code: 'wj', system: 'health', name: '卫生健康委员会', qual: 'lab', weight: 1 },
  { code: 'jy', system: 'education', name: '教育局', qual: 'lab', weight: 1 },
] as const;

const HOLIDAYS_2025 = [
  '2025-01-01',
  '2025-01-28',
  '2025-01-29',
  '2025-01-30',
  '2025-01-31',
  '2025-02-03',
  '2025-02-04',
  '2025-04-04',
  '2025-05-01',
  '2025-05-02',
  '2025-05-05',
  '2025-06-02',
  '2025-10-01',
  '2025-10-02',
  '2025-10-03',
  '2025-10-06',
  '2025-10-07',
  '2025-10-08',
];

interface Geo {
  city: string;
  districts: { code: string; towns: string[] }[];
}

interface Config {
  cities: Geo[];
  /** Number of lines with a department at each level (first n of LINES). */
  linesAt: Record<Level, number>;
  levelWeight: Record<Level, number>;
  enterprises: number;
  plans: number;
  inspectors: number;
  horizon: [string, string];
  holidays: string[];
  dupRate: number;
  /** Probability that a plan uses the enterprise's common quarter (coordinated planning). */
  anchorRate: number;
  windowStyle: 'year' | 'tiny';
}

function geo(city: string, districts: string[], towns: number): Geo {
  return {
    city,
    districts: districts.map((d) => ({
      code: d,
      towns: Array.from({ length: towns }, (_, t) => `${d}${String(t + 1).padStart(3, '0')}`),
    })),
  };
}

function config(o: GenerateOptions): Config {
  const year = { horizon: ['2025-01-01', '2025-12-31'] as [string, string], holidays: HOLIDAYS_2025 };
  switch (o.scale) {
    case 'nanjing':
      return {
        cities: [
          geo(
            '3201',
            [
              '320102',
              '320104',
              '320105',
              '320106',
              '320111',
              '320113',
              '320114',
              '320115',
              '320116',
              '320117',
              '320118',
            ],
            8,
          ),
        ],
        linesAt: { city: 10, district: 7, town: 0 },
        levelWeight: { city: 0.35, district: 0.65, town: 0 },
        enterprises: 236,
        plans: 584,
        inspectors: 837,
        dupRate: 0.012,
        anchorRate: 0.85,
        windowStyle: 'year',
        horizon: ['2025-03-03', '2025-12-31'],
        holidays: HOLIDAYS_2025,
      };
    case 'suzhou':
      return {
        cities: [
          geo(
            '3205',
            ['320505', '320506', '320507', '320508', '320509', '320571', '320581', '320582', '320583', '320585'],
            9,
          ),
        ],
        linesAt: { city: 5, district: 5, town: 1 },
        levelWeight: { city: 150, district: 2397, town: 5717 },
        enterprises: 8264,
        plans: 11500,
        inspectors: 2600,
        dupRate: 0.04,
        anchorRate: 0.7,
        windowStyle: 'year',
        ...year,
      };
    case 'province': {
      const cities: Geo[] = [];
      for (let c = 1; c <= 13; c++) {
        const city = `32${String(c).padStart(2, '0')}`;
        cities.push(
          geo(
            city,
            Array.from({ length: 8 }, (_, d) => `${city}${String(d + 2).padStart(2, '0')}`),
            10,
          ),
        );
      }
      return {
        cities,
        linesAt: { city: 8, district: 6, town: 1 },
        levelWeight: { city: 0.15, district: 0.4, town: 0.45 },
        enterprises: 100000,
        plans: 300000,
        inspectors: 20000,
        dupRate: 0.03,
        anchorRate: 0.7,
        windowStyle: 'year',
        ...year,
      };
    }
    case 'tiny':
      return {
        cities: [geo('3201', ['320102'], 2)],
        linesAt: { city: 4, district: 2, town: 1 },
        levelWeight: { city: 0.3, district: 0.4, town: 0.3 },
        enterprises: 5,
        plans: 16,
        inspectors: 20,
        dupRate: 0.04,
        anchorRate: 0.6,
        windowStyle: 'tiny',
        horizon: ['2025-03-03', '2025-04-11'],
        holidays: ['2025-04-04'],
      };
  }
}

export function generateScenario(o: GenerateOptions): Scenario {
  const rnd = rngFromSeed(`generate/${o.scale}/${o.seed}/${o.scarce ? 's' : 'a'}`);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const cfg = config(o);
  if (o.scale === 'tiny') {
    cfg.enterprises = int(3, 8);
    cfg.plans = int(cfg.enterprises * 2, cfg.enterprises * 4);
  }
  if (o.plans !== undefined) {
    cfg.enterprises = Math.max(1, Math.round((cfg.enterprises * o.plans) / cfg.plans));
    cfg.inspectors = Math.max(10, Math.round((cfg.inspectors * o.plans) / cfg.plans));
    cfg.plans = o.plans;
  }
  const scarce = o.scarce === true;
  const levels: Level[] = ['city', 'district', 'town'];

  // departments: map (line, region) → department index
  const departments: Department[] = [];
  const deptOf = new Map<string, number>();
  const addDept = (lineIdx: number, level: Level, region: string): void => {
    const l = LINES[lineIdx]!;
    deptOf.set(`${lineIdx}/${region}`, departments.length);
    departments.push({ id: `D-${l.code}-${region}`, system: l.system, level, region, name: `${region} ${l.name}` });
  };
  for (const c of cfg.cities) {
    for (let k = 0; k < cfg.linesAt.city; k++) addDept(k, 'city', c.city);
    for (const d of c.districts) {
      for (let k = 0; k < cfg.linesAt.district; k++) addDept(k, 'district', d.code);
      for (const t of d.towns) for (let k = 0; k < cfg.linesAt.town; k++) addDept(k, 'town', t);
    }
  }

  // inspectors: city departments weigh 3, district 2, town 1
  const wOf = (d: Department): number => (d.level === 'city' ? 3 : d.level === 'district' ? 2 : 1);
  const totalW = departments.reduce((s, d) => s + wOf(d), 0);
  const perDept = departments.map(
    (d) =>
      o.inspectorsPerDept ??
      (o.scale === 'tiny'
        ? scarce
          ? int(2, 4)
          : int(6, 9)
        : scarce
          ? int(2, 4)
          : Math.max(2, Math.round((cfg.inspectors * wOf(d)) / totalW))),
  );
  if (o.inspectorsPerDept === undefined && !scarce && o.scale !== 'tiny') {
    // make the total exact (837 for Nanjing, …)
    let diff = cfg.inspectors - perDept.reduce((s, n) => s + n, 0);
    for (let k = 0; diff !== 0 && k < 100000; k++) {
      const i = k % perDept.length;
      if (diff > 0) {
        perDept[i]!++;
        diff--;
      } else if (perDept[i]! > 2) {
        perDept[i]!--;
        diff++;
      }
    }
  }
  const enterprises: Enterprise[] = [];
  const towns = cfg.cities.flatMap((c) =>
    c.districts.flatMap((d) => d.towns.map((t) => ({ city: c.city, district: d.code, town: t }))),
  );
  for (let e = 0; e < cfg.enterprises; e++)
    enterprises.push({ id: `E-${String(e + 1).padStart(6, '0')}`, region: pick(towns).town });
  const entGeo = (e: number): { city: string; district: string; town: string } => {
    const t = enterprises[e]!.region;
    return { city: t.slice(0, 4), district: t.slice(0, 6), town: t };
  };

  const hStart = isoToDay(cfg.horizon[0]);
  const hEnd = isoToDay(cfg.horizon[1]);
  const horizonDays = hEnd - hStart + 1;
  const inspectors: Inspector[] = [];
  departments.forEach((d, di) => {
    const lineIdx = LINES.findIndex((l) => l.system === d.system);
    const q = LINES[lineIdx]!.qual;
    for (let k = 0; k < perDept[di]!; k++) {
      const quals: string[] = [];
      if (q && rnd() < (scarce && o.scale !== 'tiny' ? 0.45 : 0.7)) quals.push(q);
      if (rnd() < 0.05) quals.push(pick(LINES).qual || 'lab');
      const unavailable: string[] = [];
      const leave = cfg.windowStyle === 'tiny' ? int(0, scarce ? 8 : 2) : int(scarce ? 15 : 3, scarce ? 40 : 15);
      for (let u = 0; u < leave; u++) unavailable.push(dayToIso(hStart + int(0, horizonDays - 1)));
      const conflicts: string[] = [];
      if (rnd() < (scarce ? 0.1 : 0.02) && enterprises.length > 0)
        conflicts.push(enterprises[int(0, enterprises.length - 1)]!.id);
      inspectors.push({
        id: `I-${String(inspectors.length + 1).padStart(5, '0')}`,
        department: d.id,
        dailyCapacity: scarce ? 1 : rnd() < 0.3 ? 2 : 1,
        unavailable: [...new Set(unavailable)].sort(),
        qualifications: [...new Set(quals)],
        conflicts,
      });
    }
  });

  // windows
  const windowOf = (anchor: number): { start: string; end: string } => {
    if (cfg.windowStyle === 'tiny') {
      const len = scarce ? int(0, 7) : int(3, 15);
      const s = int(0, Math.max(0, horizonDays - len));
      const a = anchor >= 0 && rnd() < 0.7 ? Math.min(anchor + int(-3, 3), horizonDays - len) : s;
      const st = Math.max(0, a);
      return { start: dayToIso(hStart + st), end: dayToIso(hStart + Math.min(horizonDays - 1, st + len)) };
    }
    // month (25%), quarter (50%), half-year (25%) inside the horizon
    const r = rnd();
    const len = r < 0.25 ? 30 : r < 0.75 ? 91 : 182;
    const base = anchor >= 0 ? anchor : int(0, Math.max(0, horizonDays - len));
    const s = Math.max(0, Math.min(base + int(-20, 20), horizonDays - len));
    return { start: dayToIso(hStart + s), end: dayToIso(hStart + Math.min(horizonDays - 1, s + len - 1)) };
  };

  // how many plans each enterprise gets: one each, the rest skewed to "hot" enterprises
  const count = new Int32Array(cfg.enterprises).fill(1);
  const hot: number[] = [];
  for (let e = 0; e < cfg.enterprises; e++) if (rnd() < 0.35) hot.push(e);
  for (let k = cfg.enterprises; k < cfg.plans; k++) {
    const e = hot.length > 0 && rnd() < 0.8 ? pick(hot) : int(0, cfg.enterprises - 1);
    count[e]!++;
  }
  const nLines = Math.max(cfg.linesAt.city, cfg.linesAt.district, cfg.linesAt.town);
  const lineWeights = LINES.slice(0, nLines).map((l) => l.weight);
  const lineTotal = lineWeights.reduce((s, x) => s + x, 0);
  const pickLine = (): number => {
    let r = rnd() * lineTotal;
    for (let k = 0; k < nLines; k++) if ((r -= lineWeights[k]!) < 0) return k;
    return 0;
  };
  const deptFor = (lineIdx: number, level: Level, e: number): number | undefined => {
    const g = entGeo(e);
    return deptOf.get(`${lineIdx}/${level === 'city' ? g.city : level === 'district' ? g.district : g.town}`);
  };
  const pickLevel = (lineIdx: number, e: number): number | undefined => {
    const opts = levels.filter((lv) => cfg.levelWeight[lv] > 0 && deptFor(lineIdx, lv, e) !== undefined);
    if (opts.length === 0) return undefined;
    const tot = opts.reduce((s, lv) => s + cfg.levelWeight[lv], 0);
    let r = rnd() * tot;
    for (const lv of opts) if ((r -= cfg.levelWeight[lv]) < 0) return deptFor(lineIdx, lv, e);
    return deptFor(lineIdx, opts[opts.length - 1]!, e);
  };

  const plans: Plan[] = [];
  const qualNeed = scarce && o.scale !== 'tiny' ? 0.45 : 0.25;
  for (let e = 0; e < cfg.enterprises; e++) {
    const anchor =
      rnd() < cfg.anchorRate ? int(0, Math.max(0, horizonDays - (cfg.windowStyle === 'tiny' ? 10 : 91))) : -1;
    const usedLines = new Map<number, { start: string; end: string }>();
    for (let k = 0; k < count[e]!; k++) {
      let lineIdx = o.scale === 'suzhou' && k === 0 ? 0 : pickLine();
      let dept = pickLevel(lineIdx, e);
      let window = windowOf(anchor);
      const prev = usedLines.get(lineIdx);
      if (prev && rnd() < cfg.dupRate * 8) {
        // a deliberate duplicate: the same line at another level, overlapping window (三级 duplicate)
        window = { start: prev.start, end: prev.end };
      } else if (prev) {
        for (let t = 0; t < 5 && usedLines.has(lineIdx); t++) lineIdx = pickLine();
        dept = pickLevel(lineIdx, e);
        const p2 = usedLines.get(lineIdx);
        if (p2) window = windowOf(-1);
      }
      if (dept === undefined) dept = pickLevel(0, e) ?? 0;
      usedLines.set(lineIdx, window);
      const d = departments[dept]!;
      const lq = LINES.find((l) => l.system === d.system)!.qual;
      plans.push({
        id: `P-${String(plans.length + 1).padStart(6, '0')}`,
        department: d.id,
        enterprise: enterprises[e]!.id,
        window,
        items: Array.from({ length: int(1, 4) }, () => `IT-${String(int(100, 1714)).padStart(4, '0')}`),
        inspectorsNeeded: rnd() < (scarce && o.scale !== 'tiny' ? 0.3 : 0.15) ? 3 : 2,
        requiredQualifications: lq && rnd() < qualNeed ? [lq] : [],
      });
    }
  }
  // shuffle plan order deterministically (plans come from many departments)
  for (let i = plans.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [plans[i], plans[j]] = [plans[j]!, plans[i]!];
  }
  plans.forEach((p, i) => (p.id = `P-${String(i + 1).padStart(6, '0')}`));

  return {
    version: 1,
    seed: o.seed,
    horizon: {
      start: cfg.horizon[0],
      end: cfg.horizon[1],
      holidays: cfg.holidays.filter((h) => h >= cfg.horizon[0] && h <= cfg.horizon[1]),
    },
    departments,
    inspectors,
    enterprises,
    plans,
  };
}
