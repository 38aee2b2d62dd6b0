import type { Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import { inRegionScope, regionPrefix } from '../../core/access/principal.ts';
import { scopeOf } from '../../core/access/lines-scope.ts';
import { regionAncestors, regionByCode } from '../../core/reference/regions.ts';
import { validateEnterprise, type EnterpriseInput, type RegistryFacts } from '../../core/registry/enterprise.ts';
import { SMALL_VENUE_CODES } from '../../core/registry/small-venue.ts';
import { AppError, conflict, invalid, notFound } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { listAudit } from '../audit/audit.repo.ts';
import * as repo from './enterprises.repo.ts';
import { authorize, enterprisePolicy } from './enterprises.policy.ts';

export function registryFacts(p: Principal): RegistryFacts {
  const scope = scopeOf(p);
  return {
    regionExists: (code) => regionByCode(code) !== undefined,
    regionInScope: (code) => inRegionScope(scope, code),
    smallVenueCategories: SMALL_VENUE_CODES,
    domainsInScope: scope.domains,
  };
}

const iso = (v: Date | string) => new Date(v).toISOString();

export function toSummary(r: repo.EnterpriseRow) {
  return {
    id: r.id,
    uscc: r.uscc,
    name: r.name,
    regionCode: r.region_code,
    regionName: r.region_name,
    industryDomain: r.industry_domain,
    industryCode: r.industry_code,
    employees: r.employees,
    labourIntensive: r.labour_intensive,
    keyEnterprise: r.key_enterprise,
    standardizationLevel: r.standardization_level,
    riskLevel: r.risk_level,
    creditGrade: r.credit_grade,
    updatedAt: iso(r.updated_at),
  };
}

/** The record as an input (what the audit chain stores as before/after). */
export function toInput(r: repo.EnterpriseRow, landlordUscc: string | null): EnterpriseInput {
  return {
    uscc: r.uscc,
    name: r.name,
    regionCode: r.region_code,
    address: r.address,
    industryDomain: r.industry_domain,
    industryCode: r.industry_code,
    employees: r.employees,
    labourIntensive: r.labour_intensive,
    keyEnterprise: r.key_enterprise,
    standardizationLevel: r.standardization_level as EnterpriseInput['standardizationLevel'],
    riskLevel: r.risk_level as EnterpriseInput['riskLevel'],
    creditGrade: r.credit_grade as EnterpriseInput['creditGrade'],
    legalRepresentative: r.legal_representative,
    legalRepresentativePhone: r.legal_representative_phone,
    safetyOfficer: r.safety_officer,
    safetyOfficerPhone: r.safety_officer_phone,
    smallVenueCategory: r.small_venue_category,
    landlordUscc,
  };
}

export interface ListQuery extends repo.ListFilter {
  page: number;
  pageSize: number;
  sort: repo.SortKey;
  order: 'asc' | 'desc';
}

/** Lists count exactly up to this many rows; beyond, the total is the planner's estimate (`capped`). */
export const COUNT_CAP = 1_000;
/** When the count is exact (few matches), sort after filtering instead of walking the sort index (repo.listEnterprises). */
export const FILTER_FIRST_MAX = COUNT_CAP - 1;

export async function listEnterprises(opts: { db: Db; principal: Principal; query: ListQuery }) {
  const { db, principal, query } = opts;
  const scope = scopeOf(principal);
  const filter = {
    ...query,
    regionPrefix: query.regionCode ? regionPrefix(query.regionCode) : undefined,
  };
  const where = repo.filterSql(scope, filter);
  const offset = (query.page - 1) * query.pageSize;
  const counting = repo.countEnterprises(db, where, COUNT_CAP, repo.filterSql(scope, filter, true));
  // A keyword search is listed as the planner sees fit, so the page and the count run side by side. Otherwise count
  // first: a filter matching few rows (≤ FILTER_FIRST_MAX) is listed by fetching its matches and sorting them.
  const [count, items] = query.keyword
    ? await Promise.all([counting, repo.listEnterprises(db, where, query.sort, query.order, query.pageSize, offset)])
    : await counting.then(async (c) => [
        c,
        await repo.listEnterprises(db, where, query.sort, query.order, query.pageSize, offset, c.total <= FILTER_FIRST_MAX),
      ] as const);
  return { items: items.map(toSummary), total: count.total, page: query.page, pageSize: query.pageSize, capped: !count.exact };
}

export async function getEnterprise(opts: { db: Db; principal: Principal; id: number }) {
  const scope = scopeOf(opts.principal);
  const r = await repo.findEnterprise(opts.db, scope, opts.id);
  if (!r) throw notFound('enterprise.unknown');
  const [landlord, tenants] = await Promise.all([
    r.landlord_id ? repo.findBrief(opts.db, scope, r.landlord_id) : Promise.resolve(undefined),
    repo.findTenants(opts.db, scope, r.id),
  ]);
  const path = [...regionAncestors(r.region_code), regionByCode(r.region_code)]
    .filter((x) => x !== undefined)
    .map((x) => ({ code: x.code, name: x.name }));
  return {
    ...toSummary(r),
    address: r.address,
    legalRepresentative: r.legal_representative,
    legalRepresentativePhone: r.legal_representative_phone,
    safetyOfficer: r.safety_officer,
    safetyOfficerPhone: r.safety_officer_phone,
    smallVenueCategory: r.small_venue_category,
    landlord: landlord ?? null,
    tenants,
    regionPath: path,
    createdAt: iso(r.created_at),
    version: r.version,
  };
}

/** Resolves the 厂中厂 landlord code to an id the caller may see. */
async function resolveLandlord(db: Db, principal: Principal, input: EnterpriseInput): Promise<number | null> {
  if (!input.landlordUscc) return null;
  const landlord = await repo.findByUsccUnscoped(db, input.landlordUscc);
  if (!landlord || !inRegionScope(scopeOf(principal), landlord.region_code)) {
    throw invalid([{ field: 'landlordUscc', key: 'landlord.unknown', params: { value: input.landlordUscc } }]);
  }
  return landlord.id;
}

function check(principal: Principal, input: EnterpriseInput) {
  const issues = validateEnterprise(input, registryFacts(principal));
  if (issues.length) throw invalid(issues.map((i) => ({ field: i.field, key: i.key, params: i.params })));
}

export async function createEnterprise(opts: { db: Db; principal: Principal; input: EnterpriseInput; now: Date }) {
  const { db, principal, input, now } = opts;
  authorize(enterprisePolicy.canCreate(principal));
  check(principal, input);
  if (await repo.findByUsccUnscoped(db, input.uscc)) throw invalid([{ field: 'uscc', key: 'uscc.exists' }]);
  const landlordId = await resolveLandlord(db, principal, input);
  const id = await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const row = await repo.insertOne(tx, input, landlordId, now);
    if (!row) throw new AppError(500, 'error.internal');
    await appendAudit(tx, { id: principal.userId, name: principal.username }, [
      { action: 'create', entityType: 'enterprise', entityId: row.id, enterpriseId: row.id, before: null, after: input },
    ], now);
    return row.id;
  });
  return getEnterprise({ db, principal, id });
}

export async function updateEnterprise(opts: {
  db: Db;
  principal: Principal;
  id: number;
  version: number;
  input: EnterpriseInput;
  now: Date;
}) {
  const { db, principal, input, now } = opts;
  authorize(enterprisePolicy.canUpdate(principal));
  const scope = scopeOf(principal);
  const current = await repo.findEnterprise(db, scope, opts.id);
  if (!current) throw notFound('enterprise.unknown');
  check(principal, input);
  if (input.uscc !== current.uscc && (await repo.findByUsccUnscoped(db, input.uscc))) {
    throw invalid([{ field: 'uscc', key: 'uscc.exists' }]);
  }
  if (input.landlordUscc === current.uscc) throw invalid([{ field: 'landlordUscc', key: 'landlord.self' }]);
  const landlordId = await resolveLandlord(db, principal, input);
  const landlordBefore = current.landlord_id ? await repo.findBrief(db, scope, current.landlord_id) : undefined;
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const row = await repo.updateOne(tx, opts.id, opts.version, input, landlordId, now);
    if (!row) throw conflict();
    await appendAudit(tx, { id: principal.userId, name: principal.username }, [
      {
        action: 'update',
        entityType: 'enterprise',
        entityId: opts.id,
        enterpriseId: opts.id,
        before: toInput(current, landlordBefore?.uscc ?? null),
        after: input,
      },
    ], now);
  });
  return getEnterprise({ db, principal, id: opts.id });
}

/** 变更记录: the audit records of one enterprise, each with the fields it changed. */
export async function enterpriseHistory(opts: { db: Db; principal: Principal; id: number }) {
  const scope = scopeOf(opts.principal);
  if (!(await repo.findBrief(opts.db, scope, opts.id))) throw notFound('enterprise.unknown');
  const { items } = await listAudit(opts.db, { entityType: 'enterprise', entityId: String(opts.id) }, 1, 200);
  return items.map((a) => {
    const before = (a.before ?? {}) as Record<string, unknown>;
    const after = (a.after ?? {}) as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const changes = fields
      .filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null))
      .map((f) => ({ field: f, before: before[f] ?? null, after: after[f] ?? null }));
    return {
      id: a.seq,
      seq: a.seq,
      at: a.at,
      actor: { id: a.actorId, username: a.actorName, displayName: a.actorName },
      action: a.action,
      changes,
    };
  });
}
