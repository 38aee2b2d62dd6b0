import type { SQL } from 'drizzle-orm';
import { inList, sql, type Db } from '../../db/client.ts';
import { regionPrefix, type Principal } from '../../core/access/principal.ts';
import { domainsOfLine } from '../../core/access/lines-scope.ts';
import { industryDomain } from '../../core/reference/domains.ts';
import { regionAncestors, regionByCode } from '../../core/reference/regions.ts';
import {
  checkHolidays,
  checkMatrix,
  drawSample,
  levelConflicts,
  matrixFromCells,
  planWindows,
  selectEnterprise,
  timesPerYear,
  isEditable,
  transition,
  DEFAULT_RULES,
  type DrawRecord,
  type EnterpriseFacts,
  type HeldEntry,
  type HolidayDay,
  type MatrixCell,
  type PlanAction,
  type Reason,
  type SelectionRules,
} from '../../core/planning/index.ts';
import { AppError, conflict, forbidden, invalid, notFound, type FieldIssue } from '../../http/errors.ts';
import { translate, type Locale, type MessageKey } from '../../i18n/messages.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import * as items from '../items/items.repo.ts';
import { json } from '../inspectors/inspectors.repo.ts';
import * as repo from './planning.repo.ts';

const iso = (v: Date | string) => new Date(v).toISOString();
const DAY = 86_400_000;
const dayOf = (s: string) => Date.parse(`${s}T00:00:00Z`) / DAY;
const validDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(dayOf(s)) && new Date(dayOf(s) * DAY).toISOString().startsWith(s);

const RISK_LABEL: Record<Locale, Record<string, string>> = {
  'zh-CN': { red: '重大风险/红', orange: '较大风险/橙', yellow: '一般风险/黄', blue: '低风险/蓝' },
  'en-US': { red: 'red', orange: 'orange', yellow: 'yellow', blue: 'blue' },
};
const LEVEL_LABEL: Record<Locale, Record<string, string>> = {
  'zh-CN': { city: '市级', district: '区（县）级', town: '镇（街道）级' },
  'en-US': { city: 'city', district: 'district', town: 'town' },
};

/** A reason with its text in the user's language (the web shows `text`, keeps `code` for filters). */
export function renderReason(r: { code: string; params: Record<string, string | number> }, locale: Locale) {
  const params = { ...r.params };
  if (typeof params.domain === 'string') params.domain = industryDomain(params.domain)?.label[locale] ?? params.domain;
  if (typeof params.level === 'string') params.level = RISK_LABEL[locale][params.level] ?? params.level;
  return { code: r.code, params: r.params, text: translate(locale, `reason.${r.code}` as MessageKey, params) };
}

/** May this user plan for this department? admin; the coordinator above it; its own inspectors and head. */
export async function plannableDepartment(db: Db, p: Principal, departmentId: number) {
  // experts, grid workers and enterprise officers never draw up plans: a refusal, not a "no such department"
  if (p.role !== 'admin' && p.role !== 'coordinator' && p.role !== 'dept_head' && p.role !== 'inspector') throw forbidden();
  const d = await repo.findDepartment(db, departmentId);
  const ok =
    d &&
    (p.role === 'admin' ||
      (p.role === 'coordinator' && d.region_code.startsWith(regionPrefix(p.regionCode))) ||
      ((p.role === 'dept_head' || p.role === 'inspector') && p.departmentId === d.id));
  if (!d || !ok) throw new AppError(404, 'plan.department_out_of_scope');
  return d;
}

function checkPeriod(start: string, end: string, field = 'period') {
  const issues: FieldIssue[] = [];
  if (!validDate(start)) issues.push({ field: `${field}.start`, key: 'date.invalid', params: { value: start } });
  if (!validDate(end)) issues.push({ field: `${field}.end`, key: 'date.invalid', params: { value: end } });
  if (issues.length) throw invalid(issues);
  if (end < start || dayOf(end) - dayOf(start) > 366) throw invalid([{ field, key: 'period.invalid' }], 'period.invalid');
}

function planRegion(d: repo.DepartmentRow, regionCode: string | undefined) {
  const code = regionCode ?? d.region_code;
  if (!regionByCode(code)) throw invalid([{ field: 'regionCode', key: 'region.unknown', params: { code } }]);
  if (!code.startsWith(regionPrefix(d.region_code))) throw invalid([{ field: 'regionCode', key: 'region.out_of_scope', params: { code } }]);
  return code;
}

const facts = (c: repo.CandidateRow): EnterpriseFacts => ({
  id: c.id,
  industryDomain: c.industry_domain,
  keyEnterprise: c.key_enterprise,
  riskLevel: c.risk_level,
  creditGrade: c.credit_grade,
  standardizationLevel: c.standardization_level,
  lastAccidentDate: repo.isoDate(c.last_accident_date),
  standardizationRevokedOn: repo.isoDate(c.revoked_on),
});

const GONGMAO = new Set(['metallurgy', 'nonferrous', 'building_materials', 'machinery', 'light_industry', 'textile', 'tobacco', 'commerce']);

/**
 * Items for one enterprise on a line's plan: the line's general items (no domain), the items of the enterprise's
 * domain — among them the major-hazard criteria of its industry (必查项) — and for 工贸 the three general criteria (第三条).
 */
export function suggestItems(lineItems: readonly items.ItemRow[], domain: string): number[] {
  return lineItems
    .filter(
      (i) =>
        i.industry_domain === domain ||
        (i.industry_domain === null && !i.major_hazard) ||
        (i.industry_domain === null && i.major_hazard && i.article === 3 && GONGMAO.has(domain)),
    )
    .map((i) => i.id);
}

/** Qualification a team needs for the high-risk domains (collision.md `requiredQualifications`). */
export const qualificationFor = (line: string, domain: string): string[] =>
  line === 'emergency' && (domain === 'hazchem' || domain === 'fireworks') ? [domain] : [];

export interface ProposalInput {
  departmentId: number;
  regionCode?: string;
  period: { start: string; end: string };
  seed: string;
  samplingRate: number;
  rules?: Partial<Pick<SelectionRules, 'accidentYears' | 'quietYears'>>;
}

interface Computed {
  department: repo.DepartmentRow;
  regionCode: string;
  rules: SelectionRules;
  draw: DrawRecord;
  candidates: repo.CandidateRow[];
  selection: Map<number, { kind: 'listed' | 'sampled'; reasons: Reason[] }>;
  held: Map<number, (HeldEntry & { departmentName: string })[]>;
}

/** The Suzhou rules over the register for one department, region and period (reads only). */
async function compute(db: Db, p: Principal, input: ProposalInput): Promise<Computed> {
  const department = await plannableDepartment(db, p, input.departmentId);
  checkPeriod(input.period.start, input.period.end);
  const regionCode = planRegion(department, input.regionCode);
  const rules: SelectionRules = { ...DEFAULT_RULES, ...(input.rules ?? {}) };
  const candidates = await repo.candidates(db, regionPrefix(regionCode), domainsOfLine(department.line));
  const today = input.period.start; // the rules look back from the start of the period
  const listed = new Map<number, Reason[]>();
  const pool = new Map<number, Reason[]>();
  for (const c of candidates) {
    const s = selectEnterprise(facts(c), today, rules);
    (s.kind === 'listed' ? listed : pool).set(c.id, s.reasons);
  }
  const draw = drawSample([...pool.keys()], input.samplingRate, input.seed);
  const selection = new Map<number, { kind: 'listed' | 'sampled'; reasons: Reason[] }>();
  for (const [id, reasons] of listed) selection.set(id, { kind: 'listed', reasons });
  for (const id of draw.drawn) {
    selection.set(id, { kind: 'sampled', reasons: [...pool.get(id)!, { code: 'drawn' as Reason['code'], params: { seed: draw.seed, rate: draw.rate } }] });
  }
  // what other plans of the same line already hold in this period
  const heldAll = await repo.heldEntries(db, department.line, [...selection.keys()], input.period.start, input.period.end);
  const held = new Map<number, (HeldEntry & { departmentName: string })[]>();
  for (const h of heldAll) held.set(h.enterpriseId, [...(held.get(h.enterpriseId) ?? []), h]);
  return { department, regionCode, rules, draw, candidates, selection, held };
}

const deptOut = (d: repo.DepartmentRow) => ({ id: d.id, code: d.code, name: d.name, line: d.line, level: d.level, regionCode: d.region_code });

/** POST /planning/proposals: the proposed list with reasons; nothing is written. */
export async function propose(db: Db, p: Principal, input: ProposalInput, locale: Locale) {
  const c = await compute(db, p, input);
  const matrix = matrixFromCells((await repo.getMatrix(db)).map((r) => ({ riskLevel: r.risk_level, creditGrade: r.credit_grade, perYear: r.per_year })));
  const lineItems = await items.currentItemsOfLine(db, c.department.line);
  const byId = new Map(c.candidates.map((x) => [x.id, x]));
  const entries = [];
  const heldOut = [];
  for (const [id, s] of c.selection) {
    const e = byId.get(id)!;
    const times = timesPerYear(matrix, e.risk_level, e.credit_grade, s.kind === 'listed' ? 'listed' : 'pool');
    const windows = planWindows(input.period.start, input.period.end, times);
    const blocked = windows.map((w) =>
      levelConflicts({ enterpriseId: id, line: c.department.line, level: c.department.level, window: w, departmentId: c.department.id }, c.held.get(id) ?? []),
    );
    const free = windows.filter((_, k) => blocked[k]!.length === 0);
    const conflicts = blocked.flat();
    if (conflicts.length) {
      const h = conflicts[0]!.held as HeldEntry & { departmentName: string };
      heldOut.push({
        enterpriseId: id,
        enterpriseName: e.name,
        kind: conflicts[0]!.kind,
        heldBy: { planId: h.planId, entryId: h.entryId, departmentId: h.departmentId, departmentName: h.departmentName, level: h.level, window: h.window },
      });
    }
    if (free.length === 0) continue;
    entries.push({
      enterpriseId: id,
      enterpriseName: e.name,
      uscc: e.uscc,
      regionCode: e.region_code,
      industryDomain: e.industry_domain,
      riskLevel: e.risk_level,
      creditGrade: e.credit_grade,
      standardizationLevel: e.standardization_level,
      selection: s.kind,
      reasons: s.reasons.map((r) => renderReason(r, locale)),
      timesPerYear: times,
      windows: free,
      items: suggestItems(lineItems, e.industry_domain),
      inspectorsNeeded: 2,
      requiredQualifications: qualificationFor(c.department.line, e.industry_domain),
    });
  }
  entries.sort((a, b) => (a.selection === b.selection ? a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN') : a.selection === 'listed' ? -1 : 1));
  return {
    department: deptOut(c.department),
    regionCode: c.regionCode,
    period: input.period,
    rules: { accidentYears: c.rules.accidentYears, quietYears: c.rules.quietYears, revocationYears: c.rules.revocationYears, keyDomains: [...c.rules.keyDomains] },
    draw: { algorithm: c.draw.algorithm, seed: c.draw.seed, rate: c.draw.rate, poolSize: c.draw.poolSize, count: c.draw.count, drawn: c.draw.drawn },
    counts: {
      candidates: c.candidates.length,
      listed: [...c.selection.values()].filter((s) => s.kind === 'listed').length,
      pool: c.draw.poolSize,
      drawn: c.draw.count,
      held: heldOut.length,
      entries: entries.length,
    },
    entries,
    held: heldOut,
  };
}

export interface PlanInput {
  departmentId: number;
  regionCode?: string;
  title?: string;
  period: { start: string; end: string };
  /** The draw the proposals used: the server redoes and records it (seed, rate, pool, drawn). */
  draw?: { seed: string; samplingRate: number; rules?: ProposalInput['rules'] };
  entries: {
    enterpriseId: number;
    window: { start: string; end: string };
    items?: number[];
    inspectorsNeeded?: number;
    requiredQualifications?: string[];
  }[];
}

type EntryInput = PlanInput['entries'][number];

/**
 * The checks every entry of a plan passes, on creation and on edit: enterprise in the department's scope, window a real
 * range inside the period, known items, and the three-level rule (三级) against the entries other plans hold —
 * `ownPlanId`'s entries are left out, as the edit replaces them. Answers the rows to write, or throws 422.
 */
async function checkedEntries(db: Db, c: Computed, entries: readonly EntryInput[], period: { start: string; end: string }, ownPlanId: number | null) {
  const d = c.department;
  const byId = new Map(c.candidates.map((x) => [x.id, x]));
  const lineItems = await items.currentItemsOfLine(db, d.line);
  const issues: FieldIssue[] = [];
  let topKey: MessageKey = 'error.validation';
  let topParams: Record<string, string | number> = {};
  const wanted = [...new Set(entries.flatMap((e) => e.items ?? []))];
  const known = new Set((await items.findItems(db, wanted)).map((i) => i.id));
  const heldEntries = await repo.heldEntries(db, d.line, [...new Set(entries.map((e) => e.enterpriseId))], period.start, period.end);
  const held: (HeldEntry & { departmentName?: string })[] = heldEntries.filter((h) => h.planId !== ownPlanId);
  const rows: repo.NewEntry[] = [];
  entries.forEach((e, k) => {
    const at = `entries.${k}`;
    const ent = byId.get(e.enterpriseId);
    if (!ent) {
      issues.push({ field: `${at}.enterpriseId`, key: 'plan.enterprise_out_of_scope', params: { id: e.enterpriseId } });
      return;
    }
    if (!validDate(e.window.start) || !validDate(e.window.end) || e.window.end < e.window.start) {
      issues.push({ field: `${at}.window`, key: 'date.invalid', params: { value: `${e.window.start}..${e.window.end}` } });
      return;
    }
    if (e.window.start < period.start || e.window.end > period.end) {
      issues.push({ field: `${at}.window`, key: 'plan.window_outside_period', params: { start: period.start, end: period.end } });
      return;
    }
    for (const id of e.items ?? []) if (!known.has(id)) issues.push({ field: `${at}.items`, key: 'plan.item_unknown', params: { id } });
    const entry = { enterpriseId: e.enterpriseId, line: d.line, level: d.level, window: e.window, departmentId: d.id };
    const cs = levelConflicts(entry, held);
    if (cs.length) {
      const h = cs[0]!.held as HeldEntry & { departmentName?: string };
      const key: MessageKey = cs[0]!.kind === 'higher-level' ? 'plan.held_by_higher_level' : 'plan.same_department_duplicate';
      const params = { enterprise: ent.name, level: LEVEL_LABEL['zh-CN'][h.level] ?? h.level, department: h.departmentName ?? '', start: h.window.start, end: h.window.end };
      issues.push({ field: `${at}.enterpriseId`, key, params });
      if (topKey === 'error.validation' || (key === 'plan.held_by_higher_level' && topKey !== key)) {
        topKey = key;
        topParams = params;
      }
      return;
    }
    held.push({ ...entry, entryId: -1 - k, planId: -1, departmentName: d.name });
    const s = c.selection.get(e.enterpriseId);
    rows.push({
      enterpriseId: e.enterpriseId,
      windowStart: e.window.start,
      windowEnd: e.window.end,
      items: e.items ?? suggestItems(lineItems, ent.industry_domain),
      inspectorsNeeded: e.inspectorsNeeded ?? 2,
      requiredQualifications: e.requiredQualifications ?? qualificationFor(d.line, ent.industry_domain),
      selection: s ? s.kind : 'manual',
      reasons: s ? s.reasons : [{ code: 'manual', params: {} }],
    });
  });
  if (issues.length) throw invalid(issues, topKey, topParams);
  return rows;
}

const defaultTitle = (d: repo.DepartmentRow, period: { start: string; end: string }) =>
  `${d.name}${period.start.slice(0, 4)}年度执法检查计划${period.start.slice(5) === '01-01' && period.end.slice(5) === '12-31' ? '' : `（${period.start}至${period.end}）`}`;

/** POST /plans: one plan (a department's list) from accepted proposals; refuses what a higher level holds. */
export async function createPlan(db: Db, p: Principal, input: PlanInput, now: Date, opts: { status?: repo.PlanRow['status'] } = {}) {
  if (input.entries.length === 0) throw invalid([{ field: 'entries', key: 'plan.empty' }], 'plan.empty');
  const c = await compute(db, p, {
    departmentId: input.departmentId,
    regionCode: input.regionCode,
    period: input.period,
    seed: input.draw?.seed ?? 'manual',
    samplingRate: input.draw?.samplingRate ?? 0,
    rules: input.draw?.rules,
  });
  const d = c.department;
  const rows = await checkedEntries(db, c, input.entries, input.period, null);
  const draw = input.draw ? c.draw : null;
  const title = input.title?.trim() || defaultTitle(d, input.period);
  const created = await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const res = await repo.insertPlan(
      tx,
      { departmentId: d.id, regionCode: c.regionCode, line: d.line, level: d.level, title, periodStart: input.period.start, periodEnd: input.period.end, draw, createdBy: p.userId, status: opts.status },
      rows,
      now,
    );
    await appendAudit(tx, { id: p.userId, name: p.username }, [
      { action: 'create', entityType: 'plan', entityId: res.id, after: { departmentId: d.id, regionCode: c.regionCode, title, period: input.period, entries: rows.length, draw } },
      ...rows.map((r, k) => ({
        action: 'create',
        entityType: 'plan_entry',
        entityId: res.entryIds[k]!,
        enterpriseId: r.enterpriseId,
        after: { planId: res.id, window: { start: r.windowStart, end: r.windowEnd }, selection: r.selection, reasons: r.reasons, items: r.items },
      })),
    ], now);
    return res;
  });
  return created.id;
}

export interface PlanEdit {
  title?: string;
  period: { start: string; end: string };
  /** The whole list after the edit: an entry with the `id` of one of the plan's entries (same enterprise) is updated in
   * place and keeps its id (P-<id>); one without is added; the plan's entries not listed are removed. */
  entries: (EntryInput & { id?: number })[];
}

/**
 * PUT /plans/:id: edit a draft (or a returned) plan's title, period and entries with the checks of creation (scope,
 * windows, items, three levels). 404 outside the reader's scope, 403 for who may not plan for the department, 409 when
 * the plan is no longer a draft. Audited: the plan's before/after and each entry added, changed or removed.
 */
export async function updatePlan(db: Db, p: Principal, id: number, input: PlanEdit, now: Date, locale: Locale) {
  const r = await repo.findPlan(db, sql`p.id = ${id} AND ${planScope(p)}`);
  if (!r) throw notFound('plan.unknown');
  const mayEdit =
    p.role === 'admin' ||
    (p.role === 'coordinator' && r.region_code.startsWith(regionPrefix(p.regionCode))) ||
    ((p.role === 'dept_head' || p.role === 'inspector') && p.departmentId === r.department_id);
  if (!mayEdit) throw forbidden();
  if (!isEditable(r.status)) throw conflict('plan.wrong_state', { status: STATUS_LABEL[r.status] ?? r.status });
  if (input.entries.length === 0) throw invalid([{ field: 'entries', key: 'plan.empty' }], 'plan.empty');
  const oldDraw = json<DrawRecord | null>(r.draw, null);
  const c = await compute(db, p, {
    departmentId: r.department_id,
    regionCode: r.region_code,
    period: input.period,
    seed: oldDraw?.seed ?? 'manual',
    samplingRate: oldDraw?.rate ?? 0,
  });
  const rows = await checkedEntries(db, c, input.entries, input.period, id);
  const before = await repo.entriesOf(db, [id]);
  const beforeById = new Map(before.map((e) => [e.id, e]));
  const keep = new Map<number, repo.NewEntry>();
  const add: repo.NewEntry[] = [];
  input.entries.forEach((e, k) => {
    const row = rows[k]!;
    const old = e.id !== undefined ? beforeById.get(e.id) : undefined;
    if (old && old.enterprise_id === e.enterpriseId && !keep.has(old.id)) keep.set(old.id, row);
    else add.push(row);
  });
  const removed = before.filter((e) => !keep.has(e.id));
  if (removed.length && (await repo.entriesInVisits(db, removed.map((e) => ({ enterpriseId: e.enterprise_id, id: e.id })))).length) {
    throw conflict('plan.entry_in_visits');
  }
  const draw = oldDraw ? c.draw : null;
  const title = input.title?.trim() || (r.title === defaultTitle(c.department, { start: r.period_start, end: r.period_end }) ? defaultTitle(c.department, input.period) : r.title);
  const entryView = (e: { windowStart: string; windowEnd: string; items: unknown; inspectorsNeeded: number; requiredQualifications: unknown }) => ({
    window: { start: e.windowStart, end: e.windowEnd },
    items: e.items,
    inspectorsNeeded: e.inspectorsNeeded,
    requiredQualifications: e.requiredQualifications,
  });
  const oldView = (e: repo.EntryRow) => ({
    window: { start: e.window_start, end: e.window_end },
    items: json<number[]>(e.items, []),
    inspectorsNeeded: e.inspectors_needed,
    requiredQualifications: json<string[]>(e.required_qualifications, []),
  });
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    if (!(await repo.updatePlanHeader(tx, id, { title, periodStart: input.period.start, periodEnd: input.period.end, draw }, now))) {
      throw conflict('plan.wrong_state', { status: STATUS_LABEL[r.status] ?? r.status });
    }
    await repo.deleteEntries(tx, removed.map((e) => ({ enterpriseId: e.enterprise_id, id: e.id })));
    for (const [entryId, row] of keep) await repo.updateEntry(tx, entryId, row);
    const addedIds = await repo.insertEntries(tx, id, c.department.line, c.department.level, add);
    await appendAudit(tx, { id: p.userId, name: p.username }, [
      {
        action: 'update',
        entityType: 'plan',
        entityId: id,
        before: { title: r.title, period: { start: r.period_start, end: r.period_end }, entries: before.length },
        after: { title, period: input.period, entries: keep.size + add.length, ...(draw ? { draw } : {}) },
      },
      ...removed.map((e) => ({ action: 'delete', entityType: 'plan_entry', entityId: e.id, enterpriseId: e.enterprise_id, before: { planId: id, ...oldView(e) } })),
      ...[...keep].map(([entryId, row]) => ({
        action: 'update',
        entityType: 'plan_entry',
        entityId: entryId,
        enterpriseId: row.enterpriseId,
        before: oldView(beforeById.get(entryId)!),
        after: { planId: id, ...entryView(row), selection: row.selection, reasons: row.reasons },
      })),
      ...add.map((row, k) => ({
        action: 'create',
        entityType: 'plan_entry',
        entityId: addedIds[k]!,
        enterpriseId: row.enterpriseId,
        after: { planId: id, ...entryView(row), selection: row.selection, reasons: row.reasons },
      })),
    ], now);
  });
  return getPlan(db, p, id, locale);
}

/**
 * Which plans a user sees: admin all; a coordinator those of the region subtree and the higher levels above it;
 * a department user their department's plans and the higher levels' plans of the same line (三级: a lower level sees
 * the lists above it).
 */
export function planScope(p: Principal): SQL {
  const ancestors = regionAncestors(p.regionCode).map((r) => r.code);
  const above = ancestors.length ? sql`p.region_code IN ${inList(ancestors)}` : sql`false`;
  if (p.role === 'admin') return sql`true`;
  if (p.role === 'coordinator') return sql`(p.region_code LIKE ${regionPrefix(p.regionCode) + '%'} OR ${above})`;
  if ((p.role === 'dept_head' || p.role === 'inspector') && p.departmentId !== null) {
    return sql`(p.department_id = ${p.departmentId} OR (p.line = ${p.line ?? ''} AND (${above} OR p.region_code = ${p.regionCode}) AND p.status <> 'draft'))`;
  }
  throw forbidden();
}

export function toPlanSummary(r: repo.PlanRow) {
  return {
    id: r.id,
    title: r.title,
    department: { id: r.department_id, code: r.department_code, name: r.department_name },
    regionCode: r.region_code,
    regionName: r.region_name,
    line: r.line,
    level: r.level,
    period: { start: r.period_start, end: r.period_end },
    status: r.status,
    entryCount: r.entry_count,
    returnNote: r.return_note,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    publishedAt: r.published_at ? iso(r.published_at) : null,
  };
}

export async function listPlans(
  db: Db,
  p: Principal,
  q: { status?: string; departmentId?: number; level?: string; line?: string; regionCode?: string; year?: number; page: number; pageSize: number },
) {
  const parts: SQL[] = [planScope(p)];
  if (q.status) parts.push(sql`p.status = ${q.status}`);
  if (q.departmentId) parts.push(sql`p.department_id = ${q.departmentId}`);
  if (q.level) parts.push(sql`p.level = ${q.level}`);
  if (q.line) parts.push(sql`p.line = ${q.line}`);
  if (q.regionCode) parts.push(sql`p.region_code LIKE ${regionPrefix(q.regionCode) + '%'}`);
  if (q.year) parts.push(sql`p.period_start <= ${`${q.year}-12-31`} AND p.period_end >= ${`${q.year}-01-01`}`);
  const { items: list, total } = await repo.listPlans(db, sql.join(parts, sql` AND `), q.pageSize, (q.page - 1) * q.pageSize);
  return { items: list.map(toPlanSummary), total, page: q.page, pageSize: q.pageSize };
}

export async function getPlan(db: Db, p: Principal, id: number, locale: Locale) {
  const r = await repo.findPlan(db, sql`p.id = ${id} AND ${planScope(p)}`);
  if (!r) throw notFound('plan.unknown');
  const entries = await repo.entriesOf(db, [id]);
  const itemRows = await items.findItems(db, entries.flatMap((e) => json<number[]>(e.items, [])));
  const itemById = new Map(itemRows.map((i) => [i.id, i]));
  const draw = json<DrawRecord | null>(r.draw, null);
  return {
    ...toPlanSummary(r),
    draw: draw ? { algorithm: draw.algorithm, seed: draw.seed, rate: draw.rate, poolSize: draw.poolSize, count: draw.count, drawn: draw.drawn } : null,
    entries: entries.map((e) => ({
      id: e.id,
      collisionId: `P-${e.id}`,
      enterpriseId: e.enterprise_id,
      enterpriseName: e.enterprise_name,
      uscc: e.uscc,
      regionCode: e.region_code,
      industryDomain: e.industry_domain,
      window: { start: e.window_start, end: e.window_end },
      items: json<number[]>(e.items, []).map((iid) => {
        const it = itemById.get(iid);
        return { id: iid, code: it?.code ?? '', version: it?.version ?? 0, text: it?.text ?? '', majorHazard: it?.major_hazard ?? false };
      }),
      inspectorsNeeded: e.inspectors_needed,
      requiredQualifications: json<string[]>(e.required_qualifications, []),
      selection: e.selection,
      reasons: json<Reason[]>(e.reasons, []).map((x) => renderReason(x, locale)),
    })),
  };
}

const STATUS_LABEL: Record<string, string> = { draft: '草稿', submitted: '已提交', approved: '已审批', published: '已公示' };

export async function actOnPlan(db: Db, p: Principal, id: number, action: PlanAction, note: string | null, now: Date, locale: Locale) {
  const r = await repo.findPlan(db, sql`p.id = ${id} AND ${planScope(p)}`);
  if (!r) throw notFound('plan.unknown');
  // a coordinator acts only on plans of their own subtree, not on the higher levels' they can read
  if (p.role === 'coordinator' && !r.region_code.startsWith(regionPrefix(p.regionCode))) throw forbidden();
  const t = transition(r.status, action, { role: p.role, ownDepartment: p.departmentId === r.department_id });
  if (!t.ok) {
    if (t.error === 'forbidden') throw forbidden();
    throw conflict('plan.wrong_state', { status: STATUS_LABEL[r.status] ?? r.status });
  }
  await db.transaction(async (tx0) => {
    const tx = tx0 as unknown as Db;
    const done = await repo.setStatus(tx, id, r.status, t.to, action === 'return' ? (note ?? '') : null, now);
    if (!done) throw conflict();
    await appendAudit(tx, { id: p.userId, name: p.username }, [
      { action, entityType: 'plan', entityId: id, before: { status: r.status }, after: { status: t.to, ...(note ? { note } : {}) } },
    ], now);
  });
  return getPlan(db, p, id, locale);
}

export async function getMatrix(db: Db) {
  return { cells: (await repo.getMatrix(db)).map((r) => ({ riskLevel: r.risk_level, creditGrade: r.credit_grade, perYear: r.per_year })) };
}

/** 检查频次矩阵: edited by an admin, audited. */
export async function putMatrix(db: Db, p: Principal, cells: MatrixCell[], now: Date) {
  if (p.role !== 'admin') throw forbidden();
  const problems = checkMatrix(cells);
  if (problems.length) {
    throw invalid(problems.map((x) => ({ field: `cells.${x.field}`, key: `matrix.${x.problem}` as MessageKey, params: { cell: x.field } })));
  }
  const before = await getMatrix(db);
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await repo.setMatrix(tx, cells);
    await appendAudit(tx, { id: p.userId, name: p.username }, [{ action: 'update', entityType: 'frequency_matrix', entityId: 'default', before, after: { cells } }], now);
  });
  return getMatrix(db);
}

function monthsOf(start: string, end: string): string[] {
  const out: string[] = [];
  let y = +start.slice(0, 4);
  let m = +start.slice(5, 7);
  const ey = +end.slice(0, 4);
  const em = +end.slice(5, 7);
  while (y < ey || (y === ey && m <= em)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** 公示 GET /public/plans: published plans, enterprise names and months only; no login. */
export async function publicPlans(db: Db, q: { regionCode?: string; year?: number; page: number; pageSize: number }) {
  const parts: SQL[] = [sql`true`];
  if (q.regionCode) {
    const anc = regionAncestors(q.regionCode).map((r) => r.code);
    parts.push(sql`(p.region_code LIKE ${regionPrefix(q.regionCode) + '%'}${anc.length ? sql` OR p.region_code IN ${inList(anc)}` : sql``})`);
  }
  if (q.year) parts.push(sql`p.period_start <= ${`${q.year}-12-31`} AND p.period_end >= ${`${q.year}-01-01`}`);
  const { items: list, total } = await repo.publicPlans(db, sql.join(parts, sql` AND `), q.pageSize, (q.page - 1) * q.pageSize);
  const entries = await repo.entriesOf(db, list.map((r) => r.id));
  return {
    items: list.map((r) => {
      const byEnt = new Map<string, Set<string>>();
      for (const e of entries) {
        if (e.plan_id !== r.id) continue;
        const set = byEnt.get(e.enterprise_name) ?? new Set<string>();
        for (const m of monthsOf(e.window_start, e.window_end)) set.add(m);
        byEnt.set(e.enterprise_name, set);
      }
      return {
        id: r.id,
        title: r.title,
        departmentName: r.department_name,
        level: r.level,
        regionCode: r.region_code,
        regionName: r.region_name,
        period: { start: r.period_start, end: r.period_end },
        publishedAt: r.published_at ? iso(r.published_at) : null,
        entries: [...byEnt.entries()]
          .map(([enterpriseName, months]) => ({ enterpriseName, months: [...months].sort() }))
          .sort((a, b) => a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN')),
      };
    }),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** 节假日 GET /planning/holidays: the calendar of one year (or of all years), holidays and adjusted working days. */
export async function getHolidays(db: Db, year?: number) {
  const items = await repo.holidayDays(db, year ? `${year}-01-01` : '1900-01-01', year ? `${year}-12-31` : '2999-12-31');
  return { items };
}

/** PUT /planning/holidays: an admin replaces one year's list; audited with the list before and after. */
export async function putHolidays(db: Db, p: Principal, year: number, days: HolidayDay[], now: Date) {
  if (p.role !== 'admin') throw forbidden();
  const problems = checkHolidays(year, days);
  if (problems.length) {
    throw invalid(problems.map((x) => ({ field: `items.${x.index}.${x.field}`, key: `holidays.${x.problem}` as MessageKey, params: { date: days[x.index]?.date ?? '', year } })));
  }
  const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : 1)).map((d) => ({ date: d.date, kind: d.kind, name: d.name.trim() }));
  const before = await getHolidays(db, year);
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await repo.replaceHolidayYear(tx, year, sorted);
    await appendAudit(tx, { id: p.userId, name: p.username }, [{ action: 'update', entityType: 'holiday_calendar', entityId: year, before: before.items, after: sorted }], now);
  });
  return getHolidays(db, year);
}
