import { readFile } from 'node:fs/promises';
import { readXlsxRows } from './xlsx-rows.ts';
import { parse } from 'csv-parse';
import { Readable } from 'node:stream';

/** One spreadsheet row as text cells, with its row number as the spreadsheet shows it (header = row 1). */
export interface SheetRow {
  row: number;
  cells: string[];
}

export class SheetFormatError extends Error {}

async function* xlsxRows(path: string): AsyncGenerator<SheetRow> {
  for (const r of await readXlsxRows(path)) yield r;
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
