import { inList, one, rows, sql, type Db } from '../../db/client.ts';
import type { SQL } from 'drizzle-orm';
import type { Scope } from '../../core/access/principal.ts';
import type { EnterpriseInput } from '../../core/registry/enterprise.ts';

/** Columns as stored; every query below is filtered by the caller's data scope (数据范围). */
export interface EnterpriseRow {
  id: number;
  uscc: string;
  name: string;
  region_code: string;
  region_name: string;
  address: string;
  industry_domain: string;
  industry_code: string | null;
  employees: number;
  labour_intensive: boolean;
  key_enterprise: boolean;
  standardization_level: string;
  risk_level: string;
  credit_grade: string;
  legal_representative: string;
  legal_representative_phone: string;
  safety_officer: string;
  safety_officer_phone: string;
  small_venue_category: string | null;
  landlord_id: number | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

/**
 * The region subtree as a range (codes are digit strings: every code under 3205 lies in [3205, 3205999999999]).
 * A range, unlike LIKE, can use the second column of the (risk_level, region_code)-style indexes.
 */
function regionSubtree(alias: SQL, prefix: string, forEstimate = false): SQL {
  const range = sql`${alias}.region_code BETWEEN ${prefix} AND ${prefix + '999999999'}`;
  // Within one city, also say so through city_code: the (city_code, name, id) index then pages the city by name.
  // (Not when asking the planner for an estimate: it would count the implied condition twice and guess too low.)
  return prefix.length >= 4 && !forEstimate ? sql`${alias}.city_code = ${prefix.slice(0, 4)} AND ${range}` : range;
}

export function scopeSql(scope: Scope, alias = 'e', forEstimate = false): SQL {
  const a = sql.raw(alias);
  const parts: SQL[] = [regionSubtree(a, scope.regionPrefix, forEstimate)];
  if (scope.domains) parts.push(sql`${a}.industry_domain IN ${inList(scope.domains)}`);
  if (scope.enterpriseId !== null) parts.push(sql`${a}.id = ${scope.enterpriseId}`);
  return sql.join(parts, sql` AND `);
}

export interface ListFilter {
  keyword?: string;
  regionCode?: string;
  regionPrefix?: string;
  industryDomain?: string;
  riskLevel?: string;
  creditGrade?: string;
  standardizationLevel?: string;
  keyEnterprise?: boolean;
  labourIntensive?: boolean;
}

/** Name search for Chinese: pg_trgm GIN for 3+ characters, the bigram GIN index for 2, a scan for 1. */
function nameMatch(term: string): SQL {
  const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const chars = [...term].length;
  if (chars === 2) return sql`(anjian_bigrams(e.name) @> ARRAY[${term}]::text[] AND e.name LIKE ${like})`;
  return sql`e.name ILIKE ${like}`;
}

function keywordSql(keyword: string): SQL | null {
  const terms = keyword.trim().split(/\s+/).filter(Boolean).slice(0, 5);
  if (terms.length === 0) return null;
  // Several words narrow the search (南京 化工): every word must occur in the name.
  const names = sql.join(terms.map(nameMatch), sql` AND `);
  const only = terms[0]!;
  if (terms.length === 1 && /^[0-9A-Za-z]{2,18}$/.test(only)) {
    return sql`(e.uscc LIKE ${only.toUpperCase() + '%'} OR ${names})`;
  }
  return names;
}

export function filterSql(scope: Scope, f: ListFilter, forEstimate = false): SQL {
  const parts: SQL[] = [scopeSql(scope, 'e', forEstimate)];
  if (f.regionPrefix) parts.push(regionSubtree(sql.raw('e'), f.regionPrefix, forEstimate));
  if (f.industryDomain) parts.push(sql`e.industry_domain = ${f.industryDomain}`);
  if (f.riskLevel) parts.push(sql`e.risk_level = ${f.riskLevel}`);
  if (f.creditGrade) parts.push(sql`e.credit_grade = ${f.creditGrade}`);
  if (f.standardizationLevel) parts.push(sql`e.standardization_level = ${f.standardizationLevel}`);
  if (f.keyEnterprise !== undefined) parts.push(sql`e.key_enterprise = ${f.keyEnterprise}`);
  if (f.labourIntensive !== undefined) parts.push(sql`e.labour_intensive = ${f.labourIntensive}`);
  if (f.keyword) {
    const k = keywordSql(f.keyword);
    if (k) parts.push(k);
  }
  return sql.join(parts, sql` AND `);
}

/**
 * Sort keys of the list. `opaque` is the same ordering written so that no index matches it (`|| ''`, `+ 0`):
 * used when a selective filter should find its rows first and sort them after (see listEnterprises).
 */
export const SORTS = {
  name: { expr: 'e.name', opaque: "(e.name || '')" },
  uscc: { expr: 'e.uscc', opaque: "(e.uscc || '')" },
  regionCode: { expr: 'e.region_code', opaque: "(e.region_code || '')" },
  riskLevel: { expr: 'e.risk_rank', opaque: '(e.risk_rank + 0)' },
  creditGrade: { expr: 'e.credit_grade', opaque: "(e.credit_grade || '')" },
  employees: { expr: 'e.employees', opaque: '(e.employees + 0)' },
  updatedAt: { expr: 'e.updated_at', opaque: "(e.updated_at + interval '0 s')" },
} as const;
export type SortKey = keyof typeof SORTS;

const listColumns = sql`e.id, e.uscc, e.name, e.region_code, r.name AS region_name, e.industry_domain, e.industry_code,
  e.employees, e.labour_intensive, e.key_enterprise, e.standardization_level, e.risk_level, e.credit_grade, e.updated_at`;

const detailColumns = sql`e.*, r.name AS region_name`;

/**
 * One page of the list. Walking the sort's index and filtering as it goes is fastest when matches are common;
 * when a filter is selective *and* correlated with the sort (names start with the city: 苏州… rows all sort after
 * 南京… rows) that walk can read most of the table before it finds a page. `filterFirst` makes the planner fetch the
 * matches through the filter indexes and sort only those — the caller chooses it from the match count.
 */
export async function listEnterprises(
  db: Db,
  where: SQL,
  sort: SortKey,
  order: 'asc' | 'desc',
  limit: number,
  offset: number,
  filterFirst = false,
): Promise<EnterpriseRow[]> {
  const dir = sql.raw(order === 'desc' ? 'DESC' : 'ASC');
  const key = sql.raw(filterFirst ? SORTS[sort].opaque : SORTS[sort].expr);
  const tie = sql.raw(filterFirst ? '(e.id + 0)' : 'e.id');
  return rows<EnterpriseRow>(
    db,
    sql`SELECT ${listColumns} FROM enterprises e JOIN regions r ON r.code = e.region_code
      WHERE ${where} ORDER BY ${key} ${dir}, ${tie} ${dir} LIMIT ${limit} OFFSET ${offset}`,
  );
}

/**
 * Exact count up to `cap` rows; past it, the planner's estimate (flagged as approximate: the list shows "约 29,240").
 * Counting a million-row register exactly on every page turn would cost more than the page itself.
 */
export async function countEnterprises(
  db: Db,
  where: SQL,
  cap: number,
  estimateWhere: SQL = where,
): Promise<{ total: number; exact: boolean }> {
  const r = await one<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM enterprises e WHERE ${where} LIMIT ${cap}) t`,
  );
  const n = r?.n ?? 0;
  if (n < cap) return { total: n, exact: true };
  const plan = await one<Record<string, unknown>>(db, sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM enterprises e WHERE ${estimateWhere}`);
  const raw = plan ? Object.values(plan)[0] : null;
  const json = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan?: { 'Plan Rows'?: number } }[] | null;
  const estimate = Math.round(json?.[0]?.Plan?.['Plan Rows'] ?? cap);
  return { total: Math.max(estimate, cap), exact: false };
}

/** Keyset page (for exports and deep paging): rows after (name, id) in name order. */
export async function listAfter(db: Db, where: SQL, after: { name: string; id: number } | null, limit: number) {
  const cursor = after ? sql` AND (e.name, e.id) > (${after.name}, ${after.id})` : sql``;
  return rows<EnterpriseRow>(
    db,
    sql`SELECT ${detailColumns} FROM enterprises e JOIN regions r ON r.code = e.region_code
      WHERE ${where}${cursor} ORDER BY e.name, e.id LIMIT ${limit}`,
  );
}

export function findEnterprise(db: Db, scope: Scope, id: number) {
  return one<EnterpriseRow>(
    db,
    sql`SELECT ${detailColumns} FROM enterprises e JOIN regions r ON r.code = e.region_code WHERE e.id = ${id} AND ${scopeSql(scope)}`,
  );
}

/** Lookup by code regardless of scope: the service decides what the caller may learn from it. */
export function findByUsccUnscoped(db: Db, uscc: string) {
  return one<EnterpriseRow>(
    db,
    sql`SELECT ${detailColumns} FROM enterprises e JOIN regions r ON r.code = e.region_code WHERE e.uscc = ${uscc}`,
  );
}

export async function findManyByUscc(db: Db, codes: string[]): Promise<EnterpriseRow[]> {
  const out: EnterpriseRow[] = [];
  for (let i = 0; i < codes.length; i += 1000) {
    const chunk = codes.slice(i, i + 1000);
    if (chunk.length === 0) continue;
    out.push(...(await rows<EnterpriseRow>(db, sql`SELECT e.* FROM enterprises e WHERE e.uscc IN ${inList(chunk)}`)));
  }
  return out;
}

export function findTenants(db: Db, scope: Scope, landlordId: number) {
  return rows<{ id: number; name: string; uscc: string }>(
    db,
    sql`SELECT e.id, e.name, e.uscc FROM enterprises e WHERE e.landlord_id = ${landlordId} AND ${scopeSql(scope)} ORDER BY e.name`,
  );
}

export function findBrief(db: Db, scope: Scope, id: number) {
  return one<{ id: number; name: string; uscc: string }>(
    db,
    sql`SELECT e.id, e.name, e.uscc FROM enterprises e WHERE e.id = ${id} AND ${scopeSql(scope)}`,
  );
}

function valuesOf(e: EnterpriseInput, landlordId: number | null, now: string): SQL {
  return sql`(${e.uscc}, ${e.name}, ${e.regionCode}, ${e.address}, ${e.industryDomain}, ${e.industryCode}, ${e.employees},
    ${e.labourIntensive}, ${e.keyEnterprise}, ${e.standardizationLevel}, ${e.riskLevel}, ${e.creditGrade},
    ${e.legalRepresentative}, ${e.legalRepresentativePhone}, ${e.safetyOfficer}, ${e.safetyOfficerPhone},
    ${e.smallVenueCategory}, ${landlordId}, ${now}::timestamptz, ${now}::timestamptz)`;
}

const insertColumns = sql`(uscc, name, region_code, address, industry_domain, industry_code, employees, labour_intensive,
  key_enterprise, standardization_level, risk_level, credit_grade, legal_representative, legal_representative_phone,
  safety_officer, safety_officer_phone, small_venue_category, landlord_id, created_at, updated_at)`;

/** Insert or update by code (the import's "re-importing a known code updates"). Answers id and whether it was new.
 * The rows travel as one JSON parameter (json_to_recordset): the same on both drivers and far faster than
 * thousands of bound parameters. */
export async function upsertMany(
  tx: Db,
  items: { input: EnterpriseInput; landlordId: number | null }[],
  now: Date,
): Promise<{ id: number; uscc: string; inserted: boolean }[]> {
  if (items.length === 0) return [];
  const at = now.toISOString();
  const payload = JSON.stringify(
    items.map(({ input: e, landlordId }) => ({
      uscc: e.uscc, name: e.name, region_code: e.regionCode, address: e.address, industry_domain: e.industryDomain,
      industry_code: e.industryCode, employees: e.employees, labour_intensive: e.labourIntensive,
      key_enterprise: e.keyEnterprise, standardization_level: e.standardizationLevel, risk_level: e.riskLevel,
      credit_grade: e.creditGrade, legal_representative: e.legalRepresentative,
      legal_representative_phone: e.legalRepresentativePhone, safety_officer: e.safetyOfficer,
      safety_officer_phone: e.safetyOfficerPhone, small_venue_category: e.smallVenueCategory, landlord_id: landlordId,
    })),
  );
  return rows<{ id: number; uscc: string; inserted: boolean }>(
    tx,
    sql`INSERT INTO enterprises ${insertColumns}
    SELECT x.uscc, x.name, x.region_code, x.address, x.industry_domain, x.industry_code, x.employees, x.labour_intensive,
      x.key_enterprise, x.standardization_level, x.risk_level, x.credit_grade, x.legal_representative,
      x.legal_representative_phone, x.safety_officer, x.safety_officer_phone, x.small_venue_category, x.landlord_id,
      ${at}::timestamptz, ${at}::timestamptz
    FROM json_to_recordset(${payload}::json) AS x(uscc text, name text, region_code text, address text,
      industry_domain text, industry_code text, employees integer, labour_intensive boolean, key_enterprise boolean,
      standardization_level text, risk_level text, credit_grade text, legal_representative text,
      legal_representative_phone text, safety_officer text, safety_officer_phone text, small_venue_category text,
      landlord_id integer)
    ON CONFLICT (uscc) DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code, address = EXCLUDED.address,
      industry_domain = EXCLUDED.industry_domain, industry_code = EXCLUDED.industry_code, employees = EXCLUDED.employees,
      labour_intensive = EXCLUDED.labour_intensive, key_enterprise = EXCLUDED.key_enterprise,
      standardization_level = EXCLUDED.standardization_level, risk_level = EXCLUDED.risk_level,
      credit_grade = EXCLUDED.credit_grade, legal_representative = EXCLUDED.legal_representative,
      legal_representative_phone = EXCLUDED.legal_representative_phone, safety_officer = EXCLUDED.safety_officer,
      safety_officer_phone = EXCLUDED.safety_officer_phone, small_venue_category = EXCLUDED.small_venue_category,
      landlord_id = EXCLUDED.landlord_id, version = enterprises.version + 1, updated_at = EXCLUDED.updated_at
    RETURNING id, uscc, (xmax = 0) AS inserted`,
  );
}

export async function insertOne(tx: Db, input: EnterpriseInput, landlordId: number | null, now: Date) {
  return one<{ id: number }>(
    tx,
    sql`INSERT INTO enterprises ${insertColumns} VALUES ${valuesOf(input, landlordId, now.toISOString())} RETURNING id`,
  );
}

export async function updateOne(tx: Db, id: number, version: number, input: EnterpriseInput, landlordId: number | null, now: Date) {
  return one<{ id: number }>(
    tx,
    sql`UPDATE enterprises SET uscc = ${input.uscc}, name = ${input.name}, region_code = ${input.regionCode},
      address = ${input.address}, industry_domain = ${input.industryDomain}, industry_code = ${input.industryCode},
      employees = ${input.employees}, labour_intensive = ${input.labourIntensive}, key_enterprise = ${input.keyEnterprise},
      standardization_level = ${input.standardizationLevel}, risk_level = ${input.riskLevel}, credit_grade = ${input.creditGrade},
      legal_representative = ${input.legalRepresentative}, legal_representative_phone = ${input.legalRepresentativePhone},
      safety_officer = ${input.safetyOfficer}, safety_officer_phone = ${input.safetyOfficerPhone},
      small_venue_category = ${input.smallVenueCategory}, landlord_id = ${landlordId},
      version = version + 1, updated_at = ${now.toISOString()}
      WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
}
