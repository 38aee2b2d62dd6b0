/** 立案率 by region and department, and the 零处罚 list (seed 002 action 7), over the ledger's data scope. */
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import { regionPrefix } from '../../core/access/principal.ts';
import { filingRate } from '../../core/cases/stats.ts';
import { businessDay } from '../../core/hazards/day.ts';
import { hazardPolicy } from '../hazards/hazards.policy.ts';
import * as hazards from '../hazards/hazards.repo.ts';
import { toSummary } from '../hazards/hazard-view.ts';
import { rows, sql, one } from '../../db/client.ts';
import { casePolicy, authorize } from './cases.policy.ts';
import { filingRates, zeroPenaltySql } from './cases.repo.ts';

export interface RateQuery {
  regionCode?: string;
  departmentId?: number;
  industryDomain?: string;
  from?: string;
  to?: string;
}

function where(p: Principal, q: RateQuery, today: string) {
  const base = hazards.ledgerWhere(hazardPolicy.scopeSql(p), { regionPrefix: q.regionCode ? regionPrefix(q.regionCode) : undefined, departmentId: q.departmentId, industryDomain: q.industryDomain }, today);
  const parts = [base];
  if (q.from) parts.push(sql`h.found_at >= ${`${q.from}T00:00:00+08:00`}::timestamptz`);
  if (q.to) parts.push(sql`h.found_at < ${`${q.to}T00:00:00+08:00`}::timestamptz + interval '1 day'`);
  return sql.join(parts, sql` AND `);
}

export async function filingRateReport(db: Db, p: Principal, q: RateQuery, now: Date) {
  authorize(casePolicy.canReadRates(p));
  const prefix = q.regionCode ? regionPrefix(q.regionCode) : regionPrefix(p.regionCode);
  const r = await filingRates(db, where(p, q, businessDay(now)), prefix);
  const major = r.byRegion.reduce((s, x) => s + x.major, 0);
  const filed = r.byRegion.reduce((s, x) => s + x.filed, 0);
  return {
    total: { major, filed, rate: filingRate(major, filed) },
    byRegion: r.byRegion.map((x) => ({ code: x.code.length === 4 ? `${x.code}00` : x.code, name: x.name ?? x.code, major: x.major, filed: x.filed, rate: filingRate(x.major, x.filed) })),
    byDepartment: r.byDepartment.map((x) => ({ id: x.id, name: x.name ?? '—', major: x.major, filed: x.filed, rate: filingRate(x.major, x.filed) })),
  };
}

export async function zeroPenaltyList(db: Db, p: Principal, q: RateQuery, page: number, pageSize: number, now: Date) {
  authorize(casePolicy.canReadRates(p));
  const today = businessDay(now);
  const w = sql`${where(p, q, today)} AND ${zeroPenaltySql()}`;
  const rules = (await hazards.escalationRules(db)).map((r) => ({ level: r.level, step: r.step, daysOverdue: r.days_overdue }));
  const [items, total] = await Promise.all([
    hazards.listHazards(db, w, 'foundAt', pageSize, (page - 1) * pageSize),
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM hazards h WHERE ${w}`),
  ]);
  void rows;
  return { items: items.map((h) => toSummary(h, today, rules)), total: total?.n ?? 0, page, pageSize };
}
