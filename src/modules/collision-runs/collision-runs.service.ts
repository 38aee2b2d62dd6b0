import ExcelJS from 'exceljs';
import type { SQL } from 'drizzle-orm';
import { sql, type Db } from '../../db/client.ts';
import { regionPrefix, type Principal } from '../../core/access/principal.ts';
import { regionByCode } from '../../core/reference/regions.ts';
import {
  checkSchedule,
  collide,
  explainPlan,
  moveVisit,
  renderExplanation,
  renderViolation,
  type Scenario,
  type Schedule,
  type Violation,
} from '../../core/collision/index.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { translate, type Locale } from '../../i18n/messages.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { json } from '../inspectors/inspectors.repo.ts';
import { inspectorsOfDepartments } from '../inspectors/inspectors.repo.ts';
import * as items from '../items/items.repo.ts';
import { findDepartments, holidayDays } from '../planning/planning.repo.ts';
import { holidaysIn } from '../../core/planning/index.ts';
import { startJob } from '../jobs/jobs.service.ts';
import * as repo from './collision-runs.repo.ts';

/** Ids in the exchange format (collision.md): E-<enterprise id>, P-<plan entry id>, I-<user id>, IT-<item id>, departments by code. */
export const ids = {
  enterprise: (id: number) => `E-${id}`,
  plan: (id: number) => `P-${id}`,
  inspector: (id: number) => `I-${id}`,
  item: (id: number) => `IT-${id}`,
  num: (s: string) => Number(s.slice(s.indexOf('-') + 1)),
};

const iso = (v: Date | string) => new Date(v).toISOString();
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the approved/published plans of a region and period from the database as a collision scenario. */
export async function buildScenario(db: Db, opts: { regionCode: string; start: string; end: string; seed: number; holidays?: string[] }): Promise<Scenario> {
  // 节假日: without a list of its own the run takes the holiday calendar's days of its period
  const holidays = opts.holidays ?? holidaysIn(await holidayDays(db, opts.start, opts.end), opts.start, opts.end);
  const entries = await repo.sourceEntries(db, regionPrefix(opts.regionCode), opts.start, opts.end);
  const depts = await findDepartments(db, [...new Set(entries.map((e) => e.department_id))]);
  const deptById = new Map(depts.map((d) => [d.id, d]));
  const inspectors = await inspectorsOfDepartments(db, depts.map((d) => d.id));
  const enterprises = new Map<number, string>();
  for (const e of entries) enterprises.set(e.enterprise_id, e.enterprise_region);
  const clip = (s: string, e: string) => ({ start: s < opts.start ? opts.start : s, end: e > opts.end ? opts.end : e });
  return {
    version: 1,
    seed: opts.seed,
    horizon: { start: opts.start, end: opts.end, holidays: holidays.filter((h) => h >= opts.start && h <= opts.end) },
    departments: depts.map((d) => ({ id: d.code, system: d.line, level: d.level, region: d.region_code, name: d.name })),
    inspectors: inspectors.map((i) => ({
      id: ids.inspector(i.user_id),
      department: deptById.get(i.department_id!)!.code,
      dailyCapacity: i.daily_capacity ?? 1,
      unavailable: json<string[]>(i.unavailable, []),
      qualifications: json<string[]>(i.qualifications, []),
      conflicts: json<number[]>(i.conflicts, []).filter((id) => enterprises.has(id)).map(ids.enterprise),
    })),
    enterprises: [...enterprises].map(([id, region]) => ({ id: ids.enterprise(id), region })),
    plans: entries.map((e) => ({
      id: ids.plan(e.id),
      department: deptById.get(e.department_id)!.code,
      enterprise: ids.enterprise(e.enterprise_id),
      window: clip(e.window_start, e.window_end),
      items: json<number[]>(e.items, []).map(ids.item),
      inspectorsNeeded: e.inspectors_needed,
      requiredQualifications: json<string[]>(e.required_qualifications, []),
    })),
  };
}

/** Runs are for the coordinator (安委办) of the region and admins; department users see runs their department is in. */
function runScope(p: Principal): SQL {
  if (p.role === 'admin') return sql`true`;
  if (p.role === 'coordinator') return sql`c.region_code LIKE ${regionPrefix(p.regionCode) + '%'}`;
  if ((p.role === 'dept_head' || p.role === 'inspector') && p.departmentId !== null) {
    return sql`c.scenario -> 'departments' @> (SELECT jsonb_build_array(jsonb_build_object('id', d.code)) FROM departments d WHERE d.id = ${p.departmentId})`;
  }
  throw forbidden();
}
const isCoordinator = (p: Principal) => p.role === 'admin' || p.role === 'coordinator';

export async function startRun(
  db: Db,
  p: Principal,
  input: { regionCode: string; start: string; end: string; seed: number; holidays?: string[] },
  now: Date,
  locale: Locale,
) {
  if (!isCoordinator(p)) throw forbidden();
  if (!regionByCode(input.regionCode)) throw invalid([{ field: 'regionCode', key: 'region.unknown', params: { code: input.regionCode } }]);
  if (!input.regionCode.startsWith(regionPrefix(p.regionCode)) && p.role !== 'admin') {
    throw invalid([{ field: 'regionCode', key: 'region.out_of_scope', params: { code: input.regionCode } }]);
  }
  if (!DATE.test(input.start) || !DATE.test(input.end) || input.end < input.start || Date.parse(input.end) - Date.parse(input.start) > 370 * 86_400_000) {
    throw invalid([{ field: 'end', key: 'period.invalid' }], 'period.invalid');
  }
  const runId = await repo.insertRun(db, { regionCode: input.regionCode, start: input.start, end: input.end, seed: input.seed, createdBy: p.userId, now });
  const jobId = await startJob({
    db,
    kind: 'collision',
    principal: p,
    run: async (job) => {
      try {
        job.progress(0, 1, 'read');
        const scenario = await buildScenario(db, input);
        if (scenario.plans.length === 0) throw new AppError(422, 'run.no_plans');
        const schedule = collide(scenario, { onProgress: (phase, done, total) => job.progress(done, total, phase) });
        await repo.saveResult(db, runId, scenario, schedule);
        await db.transaction(async (t) => {
          await appendAudit(t as unknown as Db, { id: p.userId, name: p.username }, [
            { action: 'run', entityType: 'collision_run', entityId: runId, after: { regionCode: input.regionCode, start: input.start, end: input.end, seed: input.seed, stats: schedule.stats } },
          ], new Date(now));
        });
        return { runId, stats: schedule.stats };
      } catch (e) {
        await repo.saveFailure(db, runId, e instanceof AppError ? e.key : String((e as Error).message));
        throw e;
      }
    },
    onError: (e) =>
      e instanceof AppError
        ? { code: e.key, message: translate(locale, e.key, e.params) }
        : { code: 'run.failed', message: translate(locale, 'run.failed', { reason: String((e as Error).message ?? e) }) },
  });
  await repo.setJob(db, runId, jobId);
  return { jobId, runId };
}

function toRunSummary(r: repo.RunRow) {
  return {
    id: r.id,
    regionCode: r.region_code,
    regionName: r.region_name,
    period: { start: r.period_start, end: r.period_end },
    seed: Number(r.seed),
    status: r.status,
    jobId: r.job_id,
    stats: json<Schedule['stats'] | null>(r.stats, null),
    error: r.error,
    createdAt: iso(r.created_at),
    publishedAt: r.published_at ? iso(r.published_at) : null,
  };
}

export async function listRuns(db: Db, p: Principal, q: { page: number; pageSize: number }) {
  const { items: list, total } = await repo.listRuns(db, runScope(p), q.pageSize, (q.page - 1) * q.pageSize);
  return { items: list.map(toRunSummary), total, page: q.page, pageSize: q.pageSize };
}

async function visibleRun(db: Db, p: Principal, id: number) {
  const r = await repo.findRun(db, sql`c.id = ${id} AND ${runScope(p)}`);
  if (!r) throw notFound('run.unknown');
  return r;
}

async function ready(db: Db, p: Principal, id: number) {
  const run = await visibleRun(db, p, id);
  const res = run.status === 'done' || run.status === 'published' ? await repo.loadResult(db, id) : null;
  if (!res) throw conflict('run.not_ready');
  return { run, ...res };
}

/** Names for everything a schedule mentions. */
async function decorate(db: Db, sc: Scenario, sch: Schedule, locale: Locale) {
  const plans = new Map(sc.plans.map((x) => [x.id, x]));
  // Every inspector of the scenario: explanations and violations may name any of them.
  const userIds = [...new Set([...sc.inspectors.map((x) => x.id), ...sch.visits.flatMap((v) => Object.values(v.teams).flat())].map(ids.num))];
  const n = await repo.names(db, sc.enterprises.map((e) => ids.num(e.id)), sc.departments.map((d) => d.id), userIds);
  const itemRows = await items.findItems(db, [...new Set(sc.plans.flatMap((x) => x.items.map(ids.num)))]);
  const itemById = new Map(itemRows.map((i) => [i.id, i]));
  const ent = (eid: string) => {
    const e = n.enterprises.get(ids.num(eid));
    return { id: ids.num(eid), name: e?.name ?? eid, uscc: e?.uscc ?? '', regionCode: e?.region_code ?? '', address: e?.address ?? '' };
  };
  const dept = (code: string) => {
    const d = n.departments.get(code);
    return { id: d?.id ?? 0, code, name: d?.name ?? code, line: d?.line ?? '', level: d?.level ?? '' };
  };
  const planOut = (pid: string) => {
    const x = plans.get(pid);
    return {
      id: pid,
      entryId: ids.num(pid),
      department: dept(x?.department ?? ''),
      window: x?.window ?? { start: '', end: '' },
      items: (x?.items ?? []).map((iid) => {
        const it = itemById.get(ids.num(iid));
        return { id: ids.num(iid), code: it?.code ?? iid, version: it?.version ?? 0, text: it?.text ?? '', majorHazard: it?.major_hazard ?? false };
      }),
    };
  };
  const visitOut = (v: Schedule['visits'][number]) => ({
    id: v.id,
    date: v.date,
    enterprise: ent(v.enterprise),
    plans: v.plans.map(planOut),
    teams: Object.entries(v.teams).map(([code, members]) => ({
      department: dept(code),
      inspectors: members.map((m) => ({ userId: ids.num(m), name: n.users.get(ids.num(m))?.display_name ?? m })),
    })),
  });
  /** The name behind an exchange-format id (E-12 → the enterprise, I-9 → the inspector, D-yj-320100 → the department). */
  const nameOf = (id: string): string => {
    if (id.startsWith('E-')) return n.enterprises.get(ids.num(id))?.name ?? id;
    if (id.startsWith('I-')) return n.users.get(ids.num(id))?.display_name ?? id;
    if (id.startsWith('D-')) return n.departments.get(id)?.name ?? id;
    return id;
  };
  /** Text written with ids, rewritten with names for people (plan ids P-… stay: the page shows them). */
  const named = (text: string) => text.replace(/\b(E-\d+|I-\d+|D-[a-z_]+-\d+)\b/g, (m) => nameOf(m));
  const explainText = (pid: string) => named(renderExplanation(explainPlan(sc, sch, pid), locale));
  const violationOut = (v: Violation) => ({ ...v, message: named(renderViolation(v, locale, nameOf)) });
  return { visitOut, planOut, ent, dept, explainText, violationOut, plans };
}

export async function getRun(db: Db, p: Principal, id: number, q: { page: number; pageSize: number; enterpriseId?: number; departmentId?: number }, locale: Locale) {
  const run = await visibleRun(db, p, id);
  const res = run.status === 'done' || run.status === 'published' ? await repo.loadResult(db, id) : null;
  const base = toRunSummary(run);
  if (!res) return { ...base, visitsTotal: 0, visits: [], dropped: [], unscheduled: [] };
  const { scenario: sc, schedule: sch } = res;
  const d = await decorate(db, sc, sch, locale);
  let visits = sch.visits;
  if (q.enterpriseId) visits = visits.filter((v) => v.enterprise === ids.enterprise(q.enterpriseId!));
  if (q.departmentId) {
    const code = sc.departments.find((x) => d.dept(x.id).id === q.departmentId)?.id;
    visits = visits.filter((v) => code !== undefined && v.teams[code] !== undefined);
  }
  const page = visits.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const planEnt = (pid: string) => d.ent(d.plans.get(pid)?.enterprise ?? 'E-0');
  return {
    ...base,
    visitsTotal: visits.length,
    visits: page.map(d.visitOut),
    dropped: sch.dropped.map((x) => ({
      plan: d.planOut(x.plan),
      enterprise: planEnt(x.plan),
      reason: x.reason,
      keptPlan: d.planOut(x.keptPlan),
      explanation: d.explainText(x.plan),
    })),
    unscheduled: sch.unscheduled.map((x) => ({ plan: d.planOut(x.plan), enterprise: planEnt(x.plan), reason: x.reason, explanation: d.explainText(x.plan) })),
  };
}

const planIdOf = (s: string) => (/^\d+$/.test(s) ? ids.plan(Number(s)) : s);

export async function explain(db: Db, p: Principal, id: number, planId: string, locale: Locale) {
  const { scenario: sc, schedule: sch } = await ready(db, p, id);
  const pid = planIdOf(planId);
  if (!sc.plans.some((x) => x.id === pid)) throw new AppError(404, 'run.plan_unknown', { plan: planId });
  const e = explainPlan(sc, sch, pid);
  const d = await decorate(db, sc, sch, locale);
  return { plan: pid, status: e.status, reason: e.reason ?? null, keptPlan: e.keptPlan ?? null, explanation: e, text: d.explainText(pid) };
}

const vkey = (v: Violation) => `${v.rule}|${v.visit ?? ''}|${v.plan ?? ''}|${v.inspector ?? ''}|${v.message}`;

/**
 * A coordinator moves a visit to another day: teams are re-staffed where needed and every rule re-checked. Applied only
 * when the move breaks no rule; otherwise the answer lists the violations and nothing changes.
 */
export async function move(db: Db, p: Principal, id: number, visitId: string, date: string, now: Date, locale: Locale) {
  if (!isCoordinator(p)) throw forbidden();
  const { run, scenario: sc, schedule: sch } = await ready(db, p, id);
  if (run.status === 'published') throw conflict('run.published');
  const before = sch.visits.find((v) => v.id === visitId);
  if (!before) throw new AppError(404, 'run.visit_unknown', { visit: visitId });
  if (!DATE.test(date)) throw invalid([{ field: 'date', key: 'date.invalid', params: { value: date } }]);
  const baseline = new Set(checkSchedule(sc, sch).map(vkey));
  const res = moveVisit(sc, sch, visitId, date);
  const violations = res.violations.filter((v) => !baseline.has(vkey(v)));
  const applied = violations.length === 0;
  if (applied) {
    await db.transaction(async (t) => {
      const tx = t as unknown as Db;
      await repo.saveSchedule(tx, id, res.schedule);
      await appendAudit(tx, { id: p.userId, name: p.username }, [
        { action: 'move', entityType: 'collision_run', entityId: id, enterpriseId: ids.num(before.enterprise), before: { visit: visitId, date: before.date, teams: before.teams }, after: { visit: visitId, date, teams: res.schedule.visits.find((v) => v.id === visitId)?.teams } },
      ], now);
    });
  }
  const d = await decorate(db, sc, res.schedule, locale);
  const after = res.schedule.visits.find((v) => v.id === visitId)!;
  return { applied, violations: violations.map(d.violationOut), restaffed: res.restaffed, visit: d.visitOut(applied ? after : before) };
}

/** 发布 the joint tasks: visits go to each inspector's "my visits" and each enterprise's calendar. */
export async function publish(db: Db, p: Principal, id: number, now: Date) {
  if (!isCoordinator(p)) throw forbidden();
  const { run, scenario: sc, schedule: sch } = await ready(db, p, id);
  if (run.status === 'published') throw conflict('run.published');
  const n = await repo.names(db, [], sc.departments.map((d) => d.id), []);
  const deptIds = new Map([...n.departments].map(([code, d]) => [code, d.id]));
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    // 不重复发布: one batch of joint visits per region and period — a published run that overlaps is named, not replaced
    const prefix = regionPrefix(run.region_code);
    const other = (await repo.overlappingPublished(tx, id, prefix, run.period_start, run.period_end)).find(
      (o) => o.region_code.startsWith(prefix) || prefix.startsWith(regionPrefix(o.region_code)),
    );
    if (other) {
      throw conflict('run.overlaps_published', { run: other.id, region: other.region_name, start: other.period_start, end: other.period_end });
    }
    if (!(await repo.markPublished(tx, id, now))) throw conflict('run.published');
    const inserted = await repo.insertVisits(tx, id, sch.visits.map((v) => ({ enterpriseId: ids.num(v.enterprise), code: v.id, date: v.date })), now);
    const dbId = new Map(inserted.map((r) => [r.code, r.id]));
    const vp: { enterpriseId: number; visitId: number; entryId: number }[] = [];
    const vi: { enterpriseId: number; visitId: number; userId: number; departmentId: number }[] = [];
    for (const v of sch.visits) {
      const enterpriseId = ids.num(v.enterprise);
      const visitId = dbId.get(v.id)!;
      for (const pl of v.plans) vp.push({ enterpriseId, visitId, entryId: ids.num(pl) });
      for (const [code, members] of Object.entries(v.teams)) {
        for (const m of members) vi.push({ enterpriseId, visitId, userId: ids.num(m), departmentId: deptIds.get(code)! });
      }
    }
    await repo.insertVisitPlans(tx, vp);
    await repo.insertVisitInspectors(tx, vi);
    await appendAudit(tx, { id: p.userId, name: p.username }, [
      { action: 'publish', entityType: 'collision_run', entityId: id, after: { visits: sch.visits.length, stats: sch.stats } },
      ...sch.visits.map((v) => ({ action: 'publish', entityType: 'visit', entityId: v.id, enterpriseId: ids.num(v.enterprise), after: { run: id, date: v.date, plans: v.plans, teams: v.teams } })),
    ], now);
  });
  return { id, status: 'published' as const, visits: sch.visits.length };
}

/** 联合检查任务清单 one department's joint tasks of a run (.xlsx). A department user gets their own department's. */
export async function taskList(db: Db, p: Principal, id: number, department: string | undefined, locale: Locale) {
  const { scenario: sc, schedule: sch } = await ready(db, p, id);
  const d = await decorate(db, sc, sch, locale);
  let code: string | undefined;
  if (p.role === 'dept_head' || p.role === 'inspector') {
    code = sc.departments.find((x) => d.dept(x.id).id === p.departmentId)?.id;
  } else if (department) {
    code = sc.departments.find((x) => x.id === department || String(d.dept(x.id).id) === department)?.id;
    if (!code) throw notFound('department.unknown');
  }
  const en = locale === 'en-US';
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(en ? 'Joint tasks' : '联合检查任务清单');
  ws.columns = [
    { header: en ? 'Date' : '检查日期', key: 'date', width: 12 },
    { header: en ? 'Visit' : '联检编号', key: 'visit', width: 11 },
    { header: en ? 'Enterprise' : '企业名称', key: 'enterprise', width: 36 },
    { header: en ? 'USCC' : '统一社会信用代码', key: 'uscc', width: 21 },
    { header: en ? 'Address' : '地址', key: 'address', width: 36 },
    { header: en ? 'Departments' : '联合检查部门', key: 'departments', width: 48 },
    { header: en ? 'Department' : '本部门', key: 'department', width: 28 },
    { header: en ? 'Team' : '检查人员', key: 'team', width: 20 },
    { header: en ? 'Plans' : '计划', key: 'plans', width: 16 },
    { header: en ? 'Items' : '检查事项', key: 'items', width: 80 },
    { header: en ? 'Must-check' : '必查项数', key: 'major', width: 10 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const v of sch.visits) {
    const out = d.visitOut(v);
    for (const team of out.teams) {
      if (code && team.department.code !== code) continue;
      const own = out.plans.filter((x) => x.department.code === team.department.code);
      const its = own.flatMap((x) => x.items);
      ws.addRow({
        date: v.date,
        visit: v.id,
        enterprise: out.enterprise.name,
        uscc: out.enterprise.uscc,
        address: out.enterprise.address,
        departments: out.teams.map((t) => t.department.name).join('、'),
        department: team.department.name,
        team: team.inspectors.map((i) => i.name).join('、'),
        plans: own.map((x) => x.id).join(', '),
        items: its.map((i) => `${i.code} ${i.text}`).join('\n'),
        major: its.filter((i) => i.majorHazard).length,
      });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
