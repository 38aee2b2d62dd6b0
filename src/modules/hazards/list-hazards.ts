/**
 * 隐患台账 the ledger: a page in the list shape of the other lists ({items, total, page, pageSize}), the counts by state
 * with the rectification and on-time rates under the same filters, and the .xlsx in the layout officials keep.
 */
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import { regionPrefix } from '../../core/access/principal.ts';
import { HAZARD_LEVELS, HAZARD_SOURCES, HAZARD_STATES, ESCALATION_STEPS, ledgerRates } from '../../core/hazards/index.ts';
import { businessDay } from '../../core/hazards/day.ts';
import { industryDomain } from '../../core/reference/domains.ts';
import type { Locale } from '../../i18n/messages.ts';
import { authorize, hazardPolicy } from './hazards.policy.ts';
import { toSummary } from './hazard-view.ts';
import * as repo from './hazards.repo.ts';

export interface LedgerQuery {
  state?: string;
  level?: string;
  overdue?: boolean;
  regionCode?: string;
  departmentId?: number;
  industryDomain?: string;
  source?: string;
  enterpriseId?: number;
  inspectionId?: number;
  keyword?: string;
  escalation?: number;
  sort?: repo.LedgerSort;
}

/** The page counts exactly up to this many (then says "2,000+"); the summary endpoint gives the exact counts by state. */
export const COUNT_CAP = 2_000;

function filterOf(q: LedgerQuery): repo.LedgerFilter {
  return { ...q, regionPrefix: q.regionCode ? regionPrefix(q.regionCode) : undefined, keyword: q.keyword?.trim() || undefined };
}

const rulesOf = async (db: Db) => (await repo.escalationRules(db)).map((r) => ({ level: r.level, step: r.step, daysOverdue: r.days_overdue }));

export async function listHazards(db: Db, p: Principal, q: LedgerQuery, page: number, pageSize: number, now: Date) {
  const today = businessDay(now);
  const where = repo.ledgerWhere(hazardPolicy.scopeSql(p), filterOf(q), today);
  // overdue hazards are read most-overdue first unless asked otherwise
  const sort = q.sort ?? (q.overdue ? 'deadline' : 'foundAt');
  const [items, count, rules] = await Promise.all([repo.listHazards(db, where, sort, pageSize, (page - 1) * pageSize), repo.countHazards(db, where, COUNT_CAP), rulesOf(db)]);
  return { items: items.map((h) => toSummary(h, today, rules)), total: count.total, page, pageSize, ...(count.capped ? { capped: true } : {}) };
}

export async function ledgerSummary(db: Db, p: Principal, q: LedgerQuery, now: Date) {
  const today = businessDay(now);
  const where = repo.ledgerWhere(hazardPolicy.scopeSql(p), filterOf(q), today, false);
  const { byState, figures } = await repo.ledgerSummary(db, where, today);
  const counts = Object.fromEntries(HAZARD_STATES.map((s) => [s.code, byState.find((x) => x.state === s.code)?.n ?? 0])) as Record<string, number>;
  return {
    byState: counts,
    total: figures.total,
    overdue: figures.overdue,
    major: figures.major,
    ...ledgerRates({ total: figures.total, closed: figures.closed, closedOnTime: figures.on_time }),
  };
}

/**
 * 隐患排查治理台账 as officials keep it: 序号, 隐患编号, 企业名称, 所在地区, 行业领域, 隐患来源, 隐患级别, 隐患描述, 隐患部位,
 * 依据条款, 发现人, 发现日期, 整改责任人, 整改期限, 整改状态, 是否超期, 督办级别, 监管部门, 销号日期, 是否按期整改.
 */
export async function exportLedger(db: Db, p: Principal, q: LedgerQuery, locale: Locale, now: Date): Promise<Buffer> {
  authorize(hazardPolicy.canExport(p));
  const today = businessDay(now);
  const where = repo.ledgerWhere(hazardPolicy.scopeSql(p), filterOf(q), today);
  const rules = await rulesOf(db);
  const en = locale === 'en-US';
  const lbl = <T extends { code: string; label: { 'zh-CN': string; 'en-US': string } }>(list: readonly T[], c: string) => list.find((x) => x.code === c)?.label[locale] ?? c;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(en ? 'Hazard ledger' : '隐患排查治理台账');
  const cols: [string, string, number][] = [
    ['序号', 'No.', 6], ['隐患编号', 'Code', 14], ['企业名称', 'Enterprise', 30], ['所在地区', 'Region', 14], ['行业领域', 'Industry', 12], ['隐患来源', 'Source', 10],
    ['隐患级别', 'Level', 12], ['隐患描述', 'Description', 40], ['隐患部位', 'Location', 16], ['依据条款', 'Basis', 30], ['发现人', 'Found by', 14],
    ['发现日期', 'Found on', 12], ['整改责任人', 'Responsible', 12], ['整改期限', 'Deadline', 12], ['整改状态', 'State', 10], ['是否超期', 'Overdue', 8],
    ['督办级别', 'Supervision', 14], ['监管部门', 'Department', 22], ['销号日期', 'Closed on', 12], ['是否按期整改', 'On time', 10],
  ];
  ws.mergeCells(1, 1, 1, cols.length);
  ws.getCell(1, 1).value = en ? `Hazard investigation and rectification ledger (exported ${today})` : `隐患排查治理台账（导出日期：${today}）`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getRow(2).values = cols.map((c) => (en ? c[1] : c[0]));
  ws.getRow(2).font = { bold: true };
  cols.forEach((c, i) => (ws.getColumn(i + 1).width = c[2]));
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  let n = 0;
  let after: { foundAt: string; id: number } | null = null;
  const day = (v: Date | string | null) => (v ? new Date(new Date(v).getTime() + 8 * 3_600_000).toISOString().slice(0, 10) : '');
  for (;;) {
    const page = await repo.exportPage(db, where, after, 2000);
    if (page.length === 0 || n >= 100_000) break;
    for (const h of page) {
      const s = toSummary(h, today, rules);
      ws.addRow([
        ++n, h.code, h.enterprise_name, h.region_name ?? h.region_code, industryDomain(h.industry_domain)?.label[locale] ?? h.industry_domain, lbl(HAZARD_SOURCES, h.source),
        lbl(HAZARD_LEVELS, h.level), h.description, h.location, [h.item_code, h.legal_basis].filter(Boolean).join(' '), h.found_by_name, day(h.found_at),
        h.responsible_person, h.deadline ?? '', lbl(HAZARD_STATES, h.state), s.overdue ? (en ? 'yes' : '是') : en ? 'no' : '否',
        s.escalation ? ESCALATION_STEPS[s.escalation]!.label[locale] : '', h.department_name ?? '', day(h.closed_at),
        h.state === 'closed' ? (h.closed_on_time ? (en ? 'yes' : '是') : en ? 'no' : '否') : '',
      ]);
    }
    const last = page[page.length - 1]!;
    after = { foundAt: new Date(last.found_at).toISOString(), id: last.id };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 多部门检查结果集中反馈: the enterprise's page of every department's inspections and hazards. */
export async function enterpriseFindings(db: Db, enterpriseId: number, now: Date) {
  const rows = await repo.findingsByDepartment(db, enterpriseId, businessDay(now));
  return {
    departments: rows.map((r) => ({
      department: r.department_id !== null ? { id: r.department_id, name: r.department_name ?? '' } : null,
      inspections: r.inspections,
      lastInspection: r.last_inspection ? new Date(r.last_inspection).toISOString() : null,
      open: r.open,
      overdue: r.overdue,
      closed: r.closed,
      majorOpen: r.major_open,
    })),
  };
}
