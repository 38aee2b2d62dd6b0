import { one, sql, type Db } from '../db/client.ts';
import { REGIONS } from '../core/reference/regions.ts';
import { regionPrefix } from '../core/access/principal.ts';

/** Loads the shipped administrative tree (resources/regions.json) into the regions table; idempotent. */
export async function loadRegions(db: Db): Promise<number> {
  const have = await one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM regions`);
  if ((have?.n ?? 0) >= REGIONS.length) return 0;
  // Parents first: REGIONS is sorted by code, and a parent's code sorts before its children's.
  const sorted = [...REGIONS].sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code));
  for (let i = 0; i < sorted.length; i += 500) {
    const chunk = sorted.slice(i, i + 500);
    await db.execute(sql`INSERT INTO regions (code, name, level, parent_code, kind, prefix) VALUES ${sql.join(
      chunk.map((r) => sql`(${r.code}, ${r.name}, ${r.level}, ${r.parent}, ${r.kind ?? null}, ${regionPrefix(r.code)})`),
      sql`, `,
    )} ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code, kind = EXCLUDED.kind`);
  }
  return REGIONS.length;
}
