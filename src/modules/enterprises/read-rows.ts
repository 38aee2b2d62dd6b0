import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse';
import { Readable } from 'node:stream';

/** One spreadsheet row as text cells, with its row number as the spreadsheet shows it (header = row 1). */
export interface SheetRow {
  row: number;
  cells: string[];
}

export class SheetFormatError extends Error {}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e15 ? String(v) : String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; hyperlink?: string };
    if (o.richText) return o.richText.map((t) => t.text).join('').trim();
    if (o.result !== undefined) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
  }
  return String(v).trim();
}

async function* xlsxRows(path: string): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(path), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      yield { row: row.number, cells };
    }
    return; // the first worksheet holds the data; others (说明) are ignored
  }
}

/** Excel on Chinese Windows saves CSV in GBK; everything else is UTF-8 (with or without BOM). */
function decode(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(buf);
  }
}

async function* csvRows(path: string): AsyncGenerator<SheetRow> {
  const text = decode(await readFile(path));
  const parser = Readable.from([text]).pipe(parse({ relax_column_count: true, skip_empty_lines: false, trim: true }));
  let n = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    n++;
    yield { row: n, cells: record.map((c) => c.trim()) };
  }
}

export function readSheetRows(path: string, fileName: string): AsyncGenerator<SheetRow> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return xlsxRows(path);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return csvRows(path);
  throw new SheetFormatError('.xlsx / .csv');
}
