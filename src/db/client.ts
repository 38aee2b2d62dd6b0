import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { acquireDataDirLock } from './lock.ts';

/** The one Drizzle type every repository is written against: PGlite and node-postgres both satisfy it. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
/** A transaction is used exactly like the database. */
export type Tx = Db;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl: string | null;
  dataDir: string;
  /** What this process is, for the lock-file message ("anjian serve"). */
  command: string;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      // Pages of 20 rows: starting parallel workers costs more than it saves (measured: a keyword page at 1M rows
      // 60 ms with workers, 21 ms without). A report that wants them can SET LOCAL it in its transaction.
      options: '-c max_parallel_workers_per_gather=0',
    });
    // An idle connection the server drops (restart, failover) must not crash the process; the pool reconnects.
    pool.on('error', (e) => process.stderr.write(`database connection lost: ${e.message}\n`));
    const db = drizzlePg(pool) as unknown as Db;
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  const release = acquireDataDirLock(opts.dataDir, opts.command);
  try {
    const client = await PGlite.create({ dataDir: opts.dataDir, extensions: { pg_trgm } });
    const db = drizzlePglite(client) as unknown as Db;
    let closed = false;
    return {
      db,
      kind: 'pglite',
      close: async () => {
        if (closed) return;
        closed = true;
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/** Rows of a raw query; both drivers answer `{ rows }`. Cast counts/bigints in SQL (::int) — drivers differ. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function one<T>(db: Db, query: SQL): Promise<T | undefined> {
  return (await rows<T>(db, query))[0];
}

/** `(v1, v2, …)` for `IN`; both drivers bind scalars the same way (array parameters they do not). */
export function inList(values: readonly (string | number)[]): SQL {
  if (values.length === 0) return sql`(NULL)`;
  return sql`(${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}

export { sql };
