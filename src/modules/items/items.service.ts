import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.ts';
import type { Principal } from '../../core/access/principal.ts';
import { supervisionLine } from '../../core/reference/lines.ts';
import { industryDomain } from '../../core/reference/domains.ts';
import { AppError, conflict, forbidden, invalid, notFound, type FieldIssue } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { readSheetRows, SheetFormatError } from '../enterprises/read-rows.ts';
import * as repo from './items.repo.ts';

const iso = (v: Date | string) => new Date(v).toISOString();

export function toItem(r: repo.ItemRow) {
  return {
    id: r.id,
    code: r.code,
    version: r.version,
    current: r.current,
    text: r.text,
    legalBasis: r.legal_basis,
    line: r.line,
    industryDomain: r.industry_domain,
    majorHazard: r.major_hazard,
    standard: r.standard,
    article: r.article,
    createdAt: iso(r.created_at),
  };
}

/** The item library is kept by admins and the coordinator (安委办). */
export function canEditItems(p: Principal) {
  return p.role === 'admin' || p.role === 'coordinator';
}

export async function listItems(db: Db, f: repo.ItemFilter, page: number, pageSize: number) {
  const { items, total } = await repo.listItems(db, repo.itemWhere(f), pageSize, (page - 1) * pageSize);
  return { items: items.map(toItem), total, page, pageSize };
}

function checkValues(v: repo.ItemValues, row?: number): FieldIssue[] {
  const out: FieldIssue[] = [];
  const at = row !== undefined ? { row } : {};
  if (!v.code) out.push({ ...at, field: 'code', key: 'field.required' });
  else if (v.code.length > 40) out.push({ ...at, field: 'code', key: 'field.too_long', params: { max: 40 } });
  if (!v.text) out.push({ ...at, field: 'text', key: 'field.required' });
  if (!supervisionLine(v.line)) out.push({ ...at, field: 'line', key: 'item.line_unknown', params: { value: v.line } });
  if (v.industryDomain && !industryDomain(v.industryDomain)) {
    out.push({ ...at, field: 'industryDomain', key: 'domain.unknown', params: { value: v.industryDomain } });
  }
  return out;
}

export async function createItem(db: Db, p: Principal, v: repo.ItemValues, now: Date) {
  if (!canEditItems(p)) throw forbidden();
  const issues = checkValues(v);
  if (issues.length) throw invalid(issues);
  if (await repo.findCurrentByCode(db, v.code)) throw invalid([{ field: 'code', key: 'item.code_exists', params: { code: v.code } }]);
  const id = await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [id] = await repo.insertItems(tx, [{ ...v, version: 1 }], now);
    await appendAudit(tx, { id: p.userId, name: p.username }, [{ action: 'create', entityType: 'inspection_item', entityId: v.code, after: { ...v, version: 1 } }], now);
    return id!;
  });
  return toItem((await repo.findItem(db, id))!);
}

/** Editing adds a new version; inspections that pinned the old one keep it. Only the current version can be edited. */
export async function updateItem(db: Db, p: Principal, id: number, v: Omit<repo.ItemValues, 'code'>, now: Date) {
  if (!canEditItems(p)) throw forbidden();
  const cur = await repo.findItem(db, id);
  if (!cur) throw notFound('item.unknown');
  if (!cur.current) throw conflict();
  const values: repo.ItemValues = { ...v, code: cur.code };
  const issues = checkValues(values);
  if (issues.length) throw invalid(issues);
  const newId = await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await repo.retireCurrent(tx, [cur.code]);
    const [nid] = await repo.insertItems(tx, [{ ...values, version: cur.version + 1 }], now);
    await appendAudit(tx, { id: p.userId, name: p.username }, [
      { action: 'update', entityType: 'inspection_item', entityId: cur.code, before: toItem(cur), after: { ...values, version: cur.version + 1 } },
    ], now);
    return nid!;
  });
  return toItem((await repo.findItem(db, newId))!);
}

export const ITEM_COLUMNS = [
  { key: 'code', zh: '编码', en: 'Code', width: 16 },
  { key: 'text', zh: '检查内容', en: 'Item', width: 70 },
  { key: 'legalBasis', zh: '依据', en: 'Legal basis', width: 40 },
  { key: 'line', zh: '条线', en: 'Line', width: 12 },
  { key: 'industryDomain', zh: '行业领域', en: 'Industry domain', width: 16 },
  { key: 'majorHazard', zh: '必查项', en: 'Must-check', width: 8 },
  { key: 'version', zh: '版本', en: 'Version', width: 8 },
] as const;

export async function exportItems(db: Db, locale: 'zh-CN' | 'en-US'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(locale === 'en-US' ? 'Items' : '检查事项库');
  ws.columns = ITEM_COLUMNS.map((c) => ({ header: locale === 'en-US' ? c.en : c.zh, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of await repo.allCurrent(db)) {
    ws.addRow({
      code: r.code,
      text: r.text,
      legalBasis: r.legal_basis,
      line: r.line,
      industryDomain: r.industry_domain ?? '',
      majorHazard: r.major_hazard ? '是' : '否',
      version: r.version,
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const YES = new Set(['是', 'y', 'yes', 'true', '1']);

/**
 * Import .xlsx (the export's columns, by header, zh or en). All or nothing: any bad row rejects the file with
 * row-level errors. A new code is created; a known code whose text, basis, line, domain or flag changed gets a new version.
 */
export async function importItems(db: Db, p: Principal, filePath: string, fileName: string, now: Date) {
  if (!canEditItems(p)) throw forbidden();
  const rowsIn: { row: number; v: repo.ItemValues }[] = [];
  let header: string[] | null = null;
  try {
    for await (const r of readSheetRows(filePath, fileName)) {
      if (!header) {
        header = r.cells.map((c) => c.trim());
        continue;
      }
      if (r.cells.every((c) => !c)) continue;
      const get = (key: string) => {
        const col = ITEM_COLUMNS.find((c) => c.key === key)!;
        const idx = header!.findIndex((h) => h === col.zh || h === col.en || h === key);
        return idx >= 0 ? (r.cells[idx] ?? '').trim() : '';
      };
      rowsIn.push({
        row: r.row,
        v: {
          code: get('code'),
          text: get('text'),
          legalBasis: get('legalBasis'),
          line: get('line'),
          industryDomain: get('industryDomain') || null,
          majorHazard: YES.has(get('majorHazard').toLowerCase()),
          standard: null,
          article: null,
        },
      });
    }
  } catch (e) {
    if (e instanceof SheetFormatError) throw new AppError(422, 'import.bad_format', { reason: e.message });
    throw new AppError(422, 'import.bad_format', { reason: (e as Error).message });
  }
  if (!header) throw new AppError(422, 'import.empty');
  const missing = ['code', 'text', 'line'].filter((k) => {
    const col = ITEM_COLUMNS.find((c) => c.key === k)!;
    return !header!.some((h) => h === col.zh || h === col.en || h === k);
  });
  if (missing.length) throw new AppError(422, 'import.missing_columns', { columns: missing.join(', ') });
  if (rowsIn.length === 0) throw new AppError(422, 'import.empty');
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  for (const r of rowsIn) {
    issues.push(...checkValues(r.v, r.row));
    const first = seen.get(r.v.code);
    if (first !== undefined) issues.push({ row: r.row, field: 'code', key: 'item.duplicate_in_file', params: { row: first } });
    else seen.set(r.v.code, r.row);
  }
  if (issues.length) throw invalid(issues, 'import.rejected', { count: new Set(issues.map((i) => i.row)).size });
  const current = new Map((await repo.allCurrent(db)).map((r) => [r.code, r]));
  const created: (repo.ItemValues & { version: number })[] = [];
  const changed: { before: repo.ItemRow; v: repo.ItemValues & { version: number } }[] = [];
  let unchanged = 0;
  for (const { v } of rowsIn) {
    const cur = current.get(v.code);
    if (!cur) created.push({ ...v, version: 1 });
    else if (cur.text !== v.text || cur.legal_basis !== v.legalBasis || cur.line !== v.line || cur.industry_domain !== v.industryDomain || cur.major_hazard !== v.majorHazard) {
      changed.push({ before: cur, v: { ...v, standard: cur.standard, article: cur.article, version: cur.version + 1 } });
    } else unchanged++;
  }
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await repo.retireCurrent(tx, changed.map((c) => c.before.code));
    await repo.insertItems(tx, [...created, ...changed.map((c) => c.v)], now);
    await appendAudit(tx, { id: p.userId, name: p.username }, [
      ...created.map((v) => ({ action: 'import', entityType: 'inspection_item', entityId: v.code, after: v })),
      ...changed.map((c) => ({ action: 'import', entityType: 'inspection_item', entityId: c.v.code, before: toItem(c.before), after: c.v })),
    ], now);
  });
  return { created: created.length, updated: changed.length, unchanged };
}
