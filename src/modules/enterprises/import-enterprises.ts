import { sql, type Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import { inRegionScope } from '../../core/access/principal.ts';
import { scopeOf } from '../../core/access/lines-scope.ts';
import {
  parseCreditGrade,
  parseIndustryDomain,
  parseRiskLevel,
  parseStandardizationLevel,
  parseYesNo,
  validateEnterprise,
  type EnterpriseInput,
} from '../../core/registry/enterprise.ts';
import { normalizeIndustryCode } from '../../core/reference/industry.ts';
import { parseSmallVenueCategory } from '../../core/registry/small-venue.ts';
import { AppError, type FieldIssue } from '../../http/errors.ts';
import { appendAudit, type AuditEntry } from '../audit/audit.repo.ts';
import { COLUMNS, columnForHeader, type Column } from './columns.ts';
import { readSheetRows, SheetFormatError } from './read-rows.ts';
import * as repo from './enterprises.repo.ts';
import { registryFacts, toInput } from './enterprises.service.ts';
import { authorize, enterprisePolicy } from './enterprises.policy.ts';

export interface ImportResult {
  total: number;
  created: number;
  updated: number;
  skipped: number;
  /** false when nothing was written (a bad row without allowPartial). */
  written: boolean;
  errors: FieldIssue[];
}

export type ImportProgress = (phase: 'read' | 'validate' | 'write', done: number, total: number) => void;

const BATCH = 1000;

/**
 * Lets the event loop answer other requests (the progress bar's polls) between batches. With PGlite every query
 * runs on this thread and its promises settle without returning to the event loop, so a long import would
 * otherwise hold every other request until it ends.
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Turns a row's text cells into an input, collecting what cannot be read. */
function rowToInput(row: number, cells: Map<keyof EnterpriseInput, string>, issues: FieldIssue[]): EnterpriseInput {
  const text = (k: keyof EnterpriseInput) => (cells.get(k) ?? '').trim();
  const bad = (field: keyof EnterpriseInput, key: FieldIssue['key'], params?: FieldIssue['params']) =>
    issues.push({ row, field: columnLabel(field), key, ...(params ? { params } : {}) });

  const domainText = text('industryDomain');
  const domain = parseIndustryDomain(domainText);
  if (domainText && !domain) bad('industryDomain', 'domain.unknown', { value: domainText });

  const employeesText = text('employees').replace(/[,，]/g, '');
  const employees = employeesText === '' ? 0 : Number(employeesText);
  if (employeesText !== '' && (!Number.isInteger(employees) || employees < 0)) bad('employees', 'employees.invalid');

  const flag = (k: 'labourIntensive' | 'keyEnterprise') => {
    const v = parseYesNo(text(k));
    if (v === null) bad(k, 'boolean.invalid');
    return v ?? false;
  };
  const std = parseStandardizationLevel(text('standardizationLevel'));
  if (std === null) bad('standardizationLevel', 'field.enum', { values: '一级, 二级, 三级, 未定级' });
  const riskText = text('riskLevel');
  const risk = riskText === '' ? 'blue' : parseRiskLevel(riskText);
  if (risk === null) bad('riskLevel', 'field.enum', { values: '红, 橙, 黄, 蓝' });
  const creditText = text('creditGrade');
  const credit = creditText === '' ? 'B' : parseCreditGrade(creditText);
  if (credit === null) bad('creditGrade', 'field.enum', { values: 'A, B, C, D' });
  const industryCodeText = text('industryCode');
  const industryCode = industryCodeText ? (normalizeIndustryCode(industryCodeText) ?? industryCodeText) : null;
  const venueText = text('smallVenueCategory');
  const venue = venueText ? (parseSmallVenueCategory(venueText) ?? venueText) : null;

  return {
    uscc: text('uscc').toUpperCase(),
    name: text('name'),
    regionCode: text('regionCode'),
    address: text('address'),
    industryDomain: domain ?? (domainText ? '__invalid__' : ''),
    industryCode,
    employees: Number.isInteger(employees) && employees >= 0 ? employees : 0,
    labourIntensive: flag('labourIntensive'),
    keyEnterprise: flag('keyEnterprise'),
    standardizationLevel: std ?? 'none',
    riskLevel: risk ?? 'blue',
    creditGrade: credit ?? 'B',
    legalRepresentative: text('legalRepresentative'),
    legalRepresentativePhone: text('legalRepresentativePhone'),
    safetyOfficer: text('safetyOfficer'),
    safetyOfficerPhone: text('safetyOfficerPhone'),
    smallVenueCategory: venue,
    landlordUscc: text('landlordUscc') ? text('landlordUscc').toUpperCase() : null,
  };
}

/** Errors name the column the way the template heads it (Chinese header; the UI language renders the message). */
function columnLabel(key: keyof EnterpriseInput): string {
  return COLUMNS.find((c) => c.key === key)?.zh ?? key;
}

/**
 * 批量导入 the register import. Every row is validated; the answer lists every bad row with its row number,
 * column and reason. If any row is bad nothing is written, unless allowPartial (then the good rows are).
 * A known code updates the enterprise instead of duplicating it. All writes and their audit records are one
 * transaction: a failure half-way writes nothing.
 */
export async function importEnterprises(opts: {
  db: Db;
  principal: Principal;
  filePath: string;
  fileName: string;
  allowPartial: boolean;
  now: Date;
  onProgress?: ImportProgress;
}): Promise<ImportResult> {
  const { db, principal, now } = opts;
  authorize(enterprisePolicy.canImport(principal));
  const progress = opts.onProgress ?? (() => {});
  const scope = scopeOf(principal);
  const facts = registryFacts(principal);

  // 1. read
  let columns: (Column | undefined)[] | null = null;
  const parsed: { row: number; input: EnterpriseInput }[] = [];
  const issues: FieldIssue[] = [];
  let rowsIter: AsyncGenerator<{ row: number; cells: string[] }>;
  try {
    rowsIter = readSheetRows(opts.filePath, opts.fileName);
  } catch (e) {
    if (e instanceof SheetFormatError) throw new AppError(422, 'import.no_file');
    throw e;
  }
  try {
    for await (const { row, cells } of rowsIter) {
      if (!columns) {
        columns = cells.map((h) => columnForHeader(h));
        const missing = COLUMNS.filter((c) => c.required && !columns!.includes(c)).map((c) => c.zh);
        if (missing.length) {
          throw new AppError(422, 'import.missing_columns', { columns: missing.join('、') }, missing.map((m) => ({ row: 1, field: m, key: 'field.required' })));
        }
        continue;
      }
      if (cells.every((c) => c === '')) continue;
      const map = new Map<keyof EnterpriseInput, string>();
      cells.forEach((c, i) => {
        const col = columns![i];
        if (col) map.set(col.key, c);
      });
      parsed.push({ row, input: rowToInput(row, map, issues) });
      if (parsed.length % 5000 === 0) {
        progress('read', parsed.length, 0);
        await yieldToEventLoop();
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(422, 'import.bad_format', { reason: (e as Error).message.slice(0, 200) });
  }
  if (!columns) throw new AppError(422, 'import.empty');
  if (parsed.length === 0) throw new AppError(422, 'import.empty');
  const total = parsed.length;
  progress('read', total, total);

  // 2. validate: each row on its own, then against the file (duplicates) and the register (known codes, landlords).
  const badRows = new Set<number>(issues.map((i) => i.row!));
  const firstRowOf = new Map<string, number>();
  for (const { row, input } of parsed) {
    for (const i of validateEnterprise(input, facts)) {
      if (i.field === 'industryDomain' && input.industryDomain === '__invalid__') continue; // reported while reading
      issues.push({ row, field: columnLabel(i.field), key: i.key, ...(i.params ? { params: i.params } : {}) });
      badRows.add(row);
    }
    if (input.uscc) {
      const first = firstRowOf.get(input.uscc);
      if (first !== undefined) {
        issues.push({ row, field: columnLabel('uscc'), key: 'uscc.duplicate_in_file', params: { row: first } });
        badRows.add(row);
      } else firstRowOf.set(input.uscc, row);
    }
  }
  progress('validate', Math.floor(total / 2), total);

  const codes = [...firstRowOf.keys()];
  const landlordCodes = [...new Set(parsed.map((p) => p.input.landlordUscc).filter((x): x is string => !!x))];
  const known = new Map((await repo.findManyByUscc(db, [...new Set([...codes, ...landlordCodes])])).map((r) => [r.uscc, r]));
  for (const { row, input } of parsed) {
    const existing = known.get(input.uscc);
    if (existing && !inRegionScope(scope, existing.region_code)) {
      // The code is registered outside the user's jurisdiction: they may not overwrite it.
      issues.push({ row, field: columnLabel('uscc'), key: 'uscc.exists' });
      badRows.add(row);
    }
  }
  // A landlord must be registered and visible, or be a good row of this file. Repeat: dropping a row may orphan tenants.
  const rowOfCode = new Map(parsed.map((p) => [p.input.uscc, p.row]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const { row, input } of parsed) {
      if (!input.landlordUscc || badRows.has(row)) continue;
      const inFile = rowOfCode.get(input.landlordUscc);
      const inDb = known.get(input.landlordUscc);
      const ok = (inFile !== undefined && !badRows.has(inFile)) || (inDb !== undefined && inRegionScope(scope, inDb.region_code));
      if (!ok) {
        issues.push({ row, field: columnLabel('landlordUscc'), key: 'landlord.unknown', params: { value: input.landlordUscc } });
        badRows.add(row);
        changed = true;
      }
    }
  }
  issues.sort((a, b) => a.row! - b.row!);
  progress('validate', total, total);

  const good = parsed.filter((p) => !badRows.has(p.row));
  if (badRows.size > 0 && !opts.allowPartial) {
    return { total, created: 0, updated: 0, skipped: badRows.size, written: false, errors: issues };
  }
  if (good.length === 0) return { total, created: 0, updated: 0, skipped: badRows.size, written: false, errors: issues };

  // 3. write, all in one transaction with the audit records.
  let created = 0;
  let updated = 0;
  const usccOfId = new Map<number, string>();
  for (const r of known.values()) usccOfId.set(r.id, r.uscc);
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const idOf = new Map<string, number>();
    for (const r of known.values()) idOf.set(r.uscc, r.id);
    const audits: AuditEntry[] = [];
    for (let i = 0; i < good.length; i += BATCH) {
      const batch = good.slice(i, i + BATCH);
      const result = await repo.upsertMany(
        tx,
        batch.map((g) => ({ input: g.input, landlordId: g.input.landlordUscc ? (idOf.get(g.input.landlordUscc) ?? null) : null })),
        now,
      );
      for (const r of result) idOf.set(r.uscc, r.id);
      for (const r of result) {
        if (r.inserted) created++;
        else updated++;
      }
      const byCode = new Map(result.map((r) => [r.uscc, r]));
      for (const g of batch) {
        const r = byCode.get(g.input.uscc)!;
        const before = known.get(g.input.uscc);
        audits.push({
          action: r.inserted ? 'import-create' : 'import-update',
          entityType: 'enterprise',
          entityId: r.id,
          enterpriseId: r.id,
          before: before ? toInput(before, before.landlord_id ? (usccOfId.get(before.landlord_id) ?? null) : null) : null,
          after: g.input,
        });
      }
      progress('write', Math.min(i + BATCH, good.length), good.length);
      await yieldToEventLoop();
    }
    // 厂中厂 links to landlords that came in the same file.
    const links = good
      .filter((g) => g.input.landlordUscc && idOf.has(g.input.landlordUscc))
      .map((g) => sql`(${idOf.get(g.input.uscc)!}::int, ${idOf.get(g.input.landlordUscc!)!}::int)`);
    for (let i = 0; i < links.length; i += BATCH) {
      await tx.execute(sql`UPDATE enterprises AS e SET landlord_id = v.lid FROM (VALUES ${sql.join(links.slice(i, i + BATCH), sql`, `)}) AS v(id, lid)
        WHERE e.id = v.id`);
    }
    await appendAudit(tx, { id: principal.userId, name: principal.username }, audits, now);
  });
  return { total, created, updated, skipped: badRows.size, written: true, errors: issues };
}
