/**
 * Demo and reference data for planning (三级计划执法, 金陵安全联检): the item library (the real major-hazard criteria of
 * 应急管理部令第10号 and 安监总管三〔2017〕121号 from resources/major-hazard-criteria.json, plus general items per line),
 * inspector profiles, Suzhou/Taixing inspectors, an expert pool, a few standardisation revocations and the Nanjing 2026
 * plans of several departments so that the collision has something real to collide.
 */
import { readFileSync } from 'node:fs';
import { one, rows, sql, type Db } from '../db/client.ts';
import { createRng, demoDepartmentsFor, demoInspectors, personName, mobile, pick, shuffle } from '../core/demo/index.ts';
import { domainsOfLine } from '../core/access/lines-scope.ts';
import {
  drawSample,
  levelConflicts,
  matrixFromCells,
  planWindows,
  selectEnterprise,
  timesPerYear,
  type HeldEntry,
  type PlanLevel,
} from '../core/planning/index.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { appendAudit } from '../modules/audit/audit.repo.ts';
import { currentItemsOfLine, insertItems, type ItemRow, type ItemValues } from '../modules/items/items.repo.ts';
import * as planning from '../modules/planning/planning.repo.ts';
import { qualificationFor, suggestItems } from '../modules/planning/planning.service.ts';

interface Criterion {
  standard: string;
  article: number | null;
  domain: string;
  item: number;
  text: string;
}

/** 标准 domain words → industry-domain codes; 通用 and the 专项 articles (粉尘/液氨/有限空间) apply across 工贸. */
const CRITERIA_DOMAIN: Record<string, string | null> = {
  通用: null, 冶金: 'metallurgy', 有色: 'nonferrous', 建材: 'building_materials', 机械: 'machinery', 轻工: 'light_industry',
  纺织: 'textile', 烟草: 'tobacco', 粉尘涉爆: null, 液氨制冷: null, 有限空间: null, 化工和危险化学品: 'hazchem',
};

export function criteriaItems(): ItemValues[] {
  const data = JSON.parse(readFileSync(new URL('../../resources/major-hazard-criteria.json', import.meta.url), 'utf8')) as { criteria: Criterion[] };
  return data.criteria.map((c) => {
    const gm = c.standard === '应急管理部令第10号';
    return {
      code: gm ? `MH10-${String(c.article).padStart(2, '0')}-${String(c.item).padStart(2, '0')}` : `MH121-${String(c.item).padStart(2, '0')}`,
      text: c.text,
      legalBasis: gm ? `《工贸企业重大事故隐患判定标准》（${c.standard}）第${c.article}条` : `《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》（${c.standard}）第${c.item}项`,
      line: 'emergency',
      industryDomain: CRITERIA_DOMAIN[c.domain] ?? null,
      majorHazard: true,
      standard: c.standard,
      article: c.article,
    };
  });
}

/** General items per line (一单: the inspection list each line carries). Wording follows common checklists. */
const GENERAL: Record<string, [string, string][]> = {
  emergency: [
    ['全员安全生产责任制建立及落实情况', '《安全生产法》第二十二条'],
    ['主要负责人、安全生产管理人员安全生产知识和管理能力考核情况（逢查必考）', '《安全生产法》第二十七条'],
    ['特种作业人员持证上岗情况（逢查必检证书）', '《安全生产法》第三十条'],
    ['安全风险分级管控和隐患排查治理双重预防机制运行情况', '《安全生产法》第四十一条'],
    ['生产安全事故应急预案编制、备案及演练情况', '《生产安全事故应急预案管理办法》'],
    ['从业人员安全生产教育和培训记录', '《安全生产法》第二十八条'],
  ],
  market: [
    ['特种设备使用登记及定期检验情况', '《特种设备安全法》第三十三条、第四十条'],
    ['特种设备作业人员持证情况', '《特种设备安全法》第十四条'],
    ['气瓶充装及压力管道使用管理情况', '《特种设备安全法》'],
  ],
  housing: [
    ['危险性较大的分部分项工程专项施工方案编制及论证情况', '《危险性较大的分部分项工程安全管理规定》'],
    ['施工现场起重机械、脚手架安全管理情况', '《建设工程安全生产管理条例》'],
    ['燃气经营及使用安全管理情况', '《城镇燃气管理条例》'],
  ],
  ecology: [
    ['危险废物贮存、转移及管理台账情况', '《固体废物污染环境防治法》'],
    ['环境治理设施安全运行及风险评估情况', '《关于进一步加强环境治理设施安全生产工作的通知》'],
  ],
  fire: [
    ['消防设施、器材配置及完好有效情况', '《消防法》第十六条'],
    ['疏散通道、安全出口畅通情况', '《消防法》第二十八条'],
    ['消防安全重点部位防火巡查检查记录', '《机关、团体、企业、事业单位消防安全管理规定》'],
  ],
  transport: [
    ['危险货物道路运输车辆动态监控情况', '《道路危险货物运输管理规定》'],
    ['驾驶员、押运人员从业资格情况', '《道路运输从业人员管理规定》'],
  ],
  police: [['易制爆、剧毒化学品购买、储存、使用登记情况', '《易制爆危险化学品治安管理办法》']],
  health: [['职业病危害因素定期检测及劳动者职业健康检查情况', '《职业病防治法》']],
};

export function generalItems(): ItemValues[] {
  const out: ItemValues[] = [];
  for (const [line, list] of Object.entries(GENERAL)) {
    list.forEach(([text, basis], i) => {
      out.push({ code: `G-${line}-${String(i + 1).padStart(2, '0')}`, text, legalBasis: basis, line, industryDomain: null, majorHazard: false, standard: null, article: null });
    });
  }
  return out;
}

/** Loads the item library once (84 major-hazard criteria + general items per line). Answers how many were added. */
export async function loadItemLibrary(db: Db, now: Date): Promise<number> {
  if (await one(db, sql`SELECT 1 FROM inspection_items LIMIT 1`)) return 0;
  const list = [...criteriaItems(), ...generalItems()].map((x) => ({ ...x, version: 1 }));
  await insertItems(db, list, now);
  return list.length;
}

const EXPERT_SPECIALITIES = ['hazchem', 'metallurgy', 'nonferrous', 'building_materials', 'machinery', 'dust_explosion', 'confined_space', 'ammonia_refrigeration', 'fire', 'special_equipment', 'construction', 'electrical'];
const EXPERT_EMPLOYERS = ['江苏省安全生产科学研究院', '南京工业大学', '东南大学', '南京理工大学', '苏州大学', '中国石化扬子石化', '江苏省特种设备安全监督检验研究院'];

export interface PlanningSeedReport {
  items: number;
  profiles: number;
  inspectorsAdded: number;
  experts: number;
  plans: number;
  entries: number;
}

/** Called at the end of seedDemo. Fast: a few batched inserts. */
export async function seedPlanning(db: Db, now: Date, log: (m: string) => void = () => {}): Promise<PlanningSeedReport> {
  const report: PlanningSeedReport = { items: 0, profiles: 0, inspectorsAdded: 0, experts: 0, plans: 0, entries: 0 };
  if (await one(db, sql`SELECT 1 FROM plans LIMIT 1`)) return report;
  report.items = await loadItemLibrary(db, now);
  const rng = createRng('planning-demo');
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const depts = await rows<{ id: number; code: string; line: string; level: PlanLevel; region_code: string; name: string }>(
      tx,
      sql`SELECT id, code, line, level, region_code, name FROM departments`,
    );
    const deptByCode = new Map(depts.map((d) => [d.code, d]));

    // Suzhou and Taixing inspectors (the demo seed creates Nanjing's 837).
    const others = [...demoDepartmentsFor('320500'), ...demoDepartmentsFor('321283')].filter((d) => deptByCode.has(d.code));
    const otherInspectors = demoInspectors({ seed: 'anjian-demo', departments: others, count: others.length * 3 });
    const hash = await hashPassword('Anjian2026');
    for (let i = 0; i < otherInspectors.length; i += 300) {
      await tx.execute(sql`INSERT INTO users (username, display_name, password_hash, role, region_code, department_id) VALUES ${sql.join(
        otherInspectors.slice(i, i + 300).map((p) => {
          const d = deptByCode.get(p.departmentCode)!;
          return sql`(${p.username}, ${p.name}, ${hash}, 'inspector', ${d.region_code}, ${d.id})`;
        }),
        sql`, `,
      )} ON CONFLICT (username) DO NOTHING`);
    }
    report.inspectorsAdded = otherInspectors.length;

    // Profiles: certificate, qualifications and capacity from the demo generator; a few unavailable days.
    const nanjing = demoInspectors({ seed: 'anjian-demo', departments: demoDepartmentsFor('320100') });
    const byUsername = new Map([...nanjing, ...otherInspectors].map((p) => [p.username, p]));
    const users = await rows<{ id: number; username: string }>(tx, sql`SELECT id, username FROM users WHERE role IN ('inspector', 'dept_head')`);
    const values = [];
    for (const u of users) {
      const d = byUsername.get(u.username);
      const days = shuffle(rng, ['2026-03-16', '2026-04-20', '2026-05-11', '2026-06-08', '2026-09-14', '2026-10-19', '2026-11-09']).slice(0, rng() < 0.3 ? 2 : 0);
      values.push(sql`(${u.id}, ${d?.certificateNo ?? ''}, ${JSON.stringify(d?.qualifications ?? [])}::jsonb, ${d?.dailyCapacity ?? 1}, ${JSON.stringify(days.sort())}::jsonb, '[]'::jsonb)`);
    }
    for (let i = 0; i < values.length; i += 400) {
      await tx.execute(sql`INSERT INTO inspector_profiles (user_id, certificate_no, qualifications, daily_capacity, unavailable, conflicts) VALUES ${sql.join(values.slice(i, i + 400), sql`, `)}
        ON CONFLICT (user_id) DO NOTHING`);
    }
    report.profiles = values.length;

    // 专家库
    const experts = [];
    for (let i = 0; i < 60; i++) {
      const region = pick(rng, ['320000', '320100', '320100', '320500', '320500', '321283']);
      const specs = shuffle(rng, EXPERT_SPECIALITIES).slice(0, 1 + Math.floor(rng() * 3)).sort();
      experts.push(sql`(${personName(rng)}, ${region}, ${pick(rng, ['高级工程师', '正高级工程师', '注册安全工程师', '教授'])}, ${pick(rng, EXPERT_EMPLOYERS)}, ${mobile(rng)}, ${JSON.stringify(specs)}::jsonb)`);
    }
    await tx.execute(sql`INSERT INTO experts (name, region_code, title, employer, phone, specialities) VALUES ${sql.join(experts, sql`, `)}`);
    report.experts = experts.length;

    // 标准化摘牌: a few Nanjing enterprises lost their grade in 2025.
    await tx.execute(sql`INSERT INTO standardization_revocations (enterprise_id, revoked_on, note)
      SELECT id, DATE '2025-09-01', '复评不达标，撤销标准化等级' FROM enterprises
      WHERE region_code LIKE '3201%' AND small_venue_category IS NULL AND standardization_level = 'none' AND id % 37 = 0`);

    // Nanjing 2026 plans: the city lines first, then the districts (三级计划执法), by the Suzhou rules.
    const matrix = matrixFromCells(
      (await planning.getMatrix(tx)).map((r) => ({ riskLevel: r.risk_level, creditGrade: r.credit_grade, perYear: r.per_year })),
    );
    const lineItems = new Map<string, ItemRow[]>();
    const held: HeldEntry[] = [];
    const period = { start: '2026-01-01', end: '2026-12-31' };
    const planned = [
      { code: 'D-yj-320100', rate: 0.03, cap: 60 }, // 市应急管理局
      { code: 'D-sj-320100', rate: 0.02, cap: 25 }, // 市市场监管局
      { code: 'D-xf-320100', rate: 0.02, cap: 25 }, // 市消防救援支队
      ...['320115', '320116', '320111', '320113', '320114', '320117', '320118', '320105', '320106'].flatMap((c) => [
        { code: `D-yj-${c}`, rate: 0.05, cap: 24 },
        { code: `D-xf-${c}`, rate: 0.05, cap: 12 },
        { code: `D-sj-${c}`, rate: 0.04, cap: 8 },
        { code: `D-zj-${c}`, rate: 0.05, cap: 5 },
        { code: `D-st-${c}`, rate: 0.05, cap: 4 },
      ]),
    ];
    const statusCycle = ['published', 'published', 'approved', 'published', 'submitted'] as const;
    const audit = [];
    let k = 0;
    for (const spec of planned) {
      const d = deptByCode.get(spec.code);
      if (!d) continue;
      if (!lineItems.has(d.line)) lineItems.set(d.line, await currentItemsOfLine(tx, d.line));
      const cands = await planning.candidates(tx, d.region_code.slice(0, d.level === 'city' ? 4 : 6), domainsOfLine(d.line));
      const listed: { c: planning.CandidateRow; reasons: unknown[]; kind: 'listed' | 'sampled' }[] = [];
      const pool = new Map<number, unknown[]>();
      for (const c of cands) {
        const s = selectEnterprise(
          { id: c.id, industryDomain: c.industry_domain, keyEnterprise: c.key_enterprise, riskLevel: c.risk_level, creditGrade: c.credit_grade, standardizationLevel: c.standardization_level, lastAccidentDate: planning.isoDate(c.last_accident_date), standardizationRevokedOn: planning.isoDate(c.revoked_on) },
          period.start,
        );
        if (s.kind === 'listed') listed.push({ c, reasons: s.reasons, kind: 'listed' });
        else pool.set(c.id, s.reasons);
      }
      const draw = drawSample([...pool.keys()], spec.rate, `nanjing-2026-${spec.code}`);
      const byId = new Map(cands.map((c) => [c.id, c]));
      // the city takes the riskiest; a department plans at most `cap` enterprises
      listed.sort((a, b) => ['red', 'orange', 'yellow', 'blue'].indexOf(a.c.risk_level) - ['red', 'orange', 'yellow', 'blue'].indexOf(b.c.risk_level) || a.c.id - b.c.id);
      const chosen = [
        ...listed.slice(0, spec.cap),
        ...draw.drawn.slice(0, Math.max(2, Math.floor(spec.cap / 4))).map((id) => ({ c: byId.get(id)!, reasons: [...pool.get(id)!, { code: 'drawn', params: { seed: draw.seed, rate: draw.rate } }], kind: 'sampled' as const })),
      ];
      const entries: planning.NewEntry[] = [];
      for (const x of chosen) {
        const times = timesPerYear(matrix, x.c.risk_level, x.c.credit_grade, x.kind === 'listed' ? 'listed' : 'pool');
        for (const w of planWindows(period.start, period.end, Math.min(times, 2))) {
          // a narrower window inside each part of the year, so departments' windows meet on some days, not all
          const startMonth = +w.start.slice(5, 7) + Math.floor(rng() * 3);
          const s = `2026-${String(Math.min(startMonth, 11)).padStart(2, '0')}-01`;
          const endMonth = Math.min(12, +s.slice(5, 7) + 2);
          const e = `2026-${String(endMonth).padStart(2, '0')}-${endMonth === 2 ? '28' : ['04', '06', '09', '11'].includes(String(endMonth).padStart(2, '0')) ? '30' : '31'}`;
          const win = { start: s, end: e > w.end && w.end > s ? w.end : e };
          const entry = { enterpriseId: x.c.id, line: d.line, level: d.level, window: win, departmentId: d.id };
          if (levelConflicts(entry, held).length) continue;
          held.push({ ...entry, entryId: 0, planId: 0 });
          entries.push({
            enterpriseId: x.c.id,
            windowStart: win.start,
            windowEnd: win.end,
            items: suggestItems(lineItems.get(d.line)!, x.c.industry_domain),
            inspectorsNeeded: 2,
            requiredQualifications: qualificationFor(d.line, x.c.industry_domain),
            selection: x.kind,
            reasons: x.reasons,
          });
        }
      }
      if (entries.length === 0) continue;
      const status = statusCycle[k++ % statusCycle.length]!;
      const res = await planning.insertPlan(
        tx,
        { departmentId: d.id, regionCode: d.region_code, line: d.line, level: d.level, title: `${d.name}2026年度执法检查计划`, periodStart: period.start, periodEnd: period.end, draw, createdBy: null, status },
        entries,
        now,
      );
      report.plans++;
      report.entries += entries.length;
      audit.push({ action: 'seed', entityType: 'plan', entityId: res.id, after: { department: d.code, entries: entries.length, status, draw: { seed: draw.seed, rate: draw.rate, drawn: draw.drawn.length } } });
    }
    await appendAudit(tx, { id: null, name: 'seed' }, audit, now);
  });
  log(`planning demo: ${report.items} items, ${report.profiles} inspector profiles (+${report.inspectorsAdded} Suzhou/Taixing inspectors), ${report.experts} experts, ${report.plans} plans with ${report.entries} entries`);
  return report;
}
