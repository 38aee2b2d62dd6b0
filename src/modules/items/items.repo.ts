import type { SQL } from 'drizzle-orm';
import { inList, one, rows, sql, type Db } from '../../db/client.ts';

/** 检查事项库 rows. Items are reference data: everybody signed in reads them; edits add versions. */
export interface ItemRow {
  id: number;
  code: string;
  version: number;
  current: boolean;
  text: string;
  legal_basis: string;
  line: string;
  industry_domain: string | null;
  major_hazard: boolean;
  standard: string | null;
  article: number | null;
  created_at: Date | string;
}

export interface ItemFilter {
  line?: string;
  industryDomain?: string;
  majorHazard?: boolean;
  keyword?: string;
  code?: string;
  /** include earlier versions (history of a code) */
  allVersions?: boolean;
}

export function itemWhere(f: ItemFilter): SQL {
  const parts: SQL[] = [f.allVersions ? sql`true` : sql`i.current`];
  if (f.line) parts.push(sql`i.line = ${f.line}`);
  if (f.industryDomain) parts.push(sql`i.industry_domain = ${f.industryDomain}`);
  if (f.majorHazard !== undefined) parts.push(sql`i.major_hazard = ${f.majorHazard}`);
  if (f.code) parts.push(sql`i.code = ${f.code}`);
  if (f.keyword) {
    const like = `%${f.keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`(i.text LIKE ${like} OR i.code LIKE ${like} OR i.legal_basis LIKE ${like})`);
  }
  return sql.join(parts, sql` AND `);
}

export async function listItems(db: Db, where: SQL, limit: number, offset: number) {
  const [items, total] = await Promise.all([
    rows<ItemRow>(db, sql`SELECT i.* FROM inspection_items i WHERE ${where} ORDER BY i.code, i.version LIMIT ${limit} OFFSET ${offset}`),
    one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM inspection_items i WHERE ${where}`),
  ]);
  return { items, total: total?.n ?? 0 };
}

export const findItem = (db: Db, id: number) => one<ItemRow>(db, sql`SELECT i.* FROM inspection_items i WHERE i.id = ${id}`);
export const findCurrentByCode = (db: Db, code: string) =>
  one<ItemRow>(db, sql`SELECT i.* FROM inspection_items i WHERE i.code = ${code} AND i.current`);

export async function findItems(db: Db, ids: readonly number[]): Promise<ItemRow[]> {
  if (ids.length === 0) return [];
  const out: ItemRow[] = [];
  const uniq = [...new Set(ids)];
  for (let i = 0; i < uniq.length; i += 1000) {
    out.push(...(await rows<ItemRow>(db, sql`SELECT i.* FROM inspection_items i WHERE i.id IN ${inList(uniq.slice(i, i + 1000))}`)));
  }
  return out;
}

export interface ItemValues {
  code: string;
  text: string;
  legalBasis: string;
  line: string;
  industryDomain: string | null;
  majorHazard: boolean;
  standard: string | null;
  article: number | null;
}

/** Inserts items as version `version` (current); answers their ids in order. */
export async function insertItems(tx: Db, items: (ItemValues & { version: number })[], now: Date): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < items.length; i += 300) {
    const chunk = items.slice(i, i + 300);
    const r = await rows<{ id: number }>(
      tx,
      sql`INSERT INTO inspection_items (code, version, current, text, legal_basis, line, industry_domain, major_hazard, standard, article, created_at)
        VALUES ${sql.join(
          chunk.map(
            (x) => sql`(${x.code}, ${x.version}, true, ${x.text}, ${x.legalBasis}, ${x.line}, ${x.industryDomain}, ${x.majorHazard},
              ${x.standard}, ${x.article}, ${now.toISOString()})`,
          ),
          sql`, `,
        )} RETURNING id`,
    );
    ids.push(...r.map((x) => x.id));
  }
  return ids;
}

export async function retireCurrent(tx: Db, codes: readonly string[]) {
  for (let i = 0; i < codes.length; i += 1000) {
    await tx.execute(sql`UPDATE inspection_items SET current = false WHERE current AND code IN ${inList(codes.slice(i, i + 1000))}`);
  }
}

export async function allCurrent(db: Db): Promise<ItemRow[]> {
  return rows<ItemRow>(db, sql`SELECT i.* FROM inspection_items i WHERE i.current ORDER BY i.code`);
}

/** Items suggested for one enterprise on one line's plan (see planning.service suggestItems). */
export async function currentItemsOfLine(db: Db, line: string): Promise<ItemRow[]> {
  return rows<ItemRow>(db, sql`SELECT i.* FROM inspection_items i WHERE i.current AND i.line = ${line} ORDER BY i.code`);
}
