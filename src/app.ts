import { readFileSync } from 'node:fs';
import type { Config } from './config.ts';
import { openDatabase, one, sql, type Database } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { loadRegions } from './seed/reference.ts';
import { seedDemo } from './seed/demo.ts';
import { buildServer, type App } from './server.ts';
import { Scheduler } from './modules/scheduler/scheduler.ts';
import { TASKS } from './modules/scheduler/tasks.ts';

export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Opens the database (PGlite in the data dir, or PostgreSQL), migrates it and loads the reference data. */
export async function openReady(config: Config, command: string, log: (m: string) => void = () => {}): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command });
  try {
    await migrate(database.db, log);
    await loadRegions(database.db);
    return database;
  } catch (e) {
    await database.close();
    throw e;
  }
}

/** The server with its database; on an empty database, loads the demo data first (unless ANJIAN_DEMO=false). */
export async function startApp(config: Config, opts: { logger?: boolean; log?: (m: string) => void } = {}): Promise<{ app: App; database: Database }> {
  const log = opts.log ?? (() => {});
  const database = await openReady(config, 'anjian serve', log);
  try {
    const empty = !(await one(database.db, sql`SELECT 1 FROM users LIMIT 1`));
    if (empty && config.demoOnFirstStart) {
      log('first start: loading demo data (anjian seed --demo)…');
      await seedDemo(database.db, new Date(), log);
    }
    const app = await buildServer(
      { db: database.db, dbKind: database.kind, config, now: () => new Date(), version: VERSION },
      { logger: opts.logger },
    );
    // 周期任务: runs each registered task once per period, across every process sharing the database
    const scheduler = new Scheduler({ db: database.db, tasks: TASKS, dataDir: config.dataDir, log: (m) => app.log.info(m) });
    scheduler.start();
    app.addHook('onClose', async () => scheduler.stop());
    return { app, database };
  } catch (e) {
    await database.close();
    throw e;
  }
}
