/**
 * API test harness: a fresh database per run (as n8n does) — an embedded PGlite in a temp dir, and, when
 * TEST_DATABASE_URL is set, a brand-new database on that PostgreSQL server, dropped afterwards.
 * `describeOnDatabases` runs the same suite on both.
 */
import { after, before, describe } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/config.ts';
import { openReady, VERSION } from '../../src/app.ts';
import { buildServer, type App } from '../../src/server.ts';
import type { Database } from '../../src/db/client.ts';
import { seedFixture, type Fixture } from './fixture.ts';

export type DbKind = 'pglite' | 'postgres';

export interface TestEnv {
  kind: DbKind;
  app: App;
  database: Database;
  fixture: Fixture;
  config: Config;
  /** The clock the server sees; tests may move it. */
  clock: { now: Date };
}

async function createPgDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `anjian_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function startTestEnv(kind: DbKind): Promise<TestEnv & { stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'anjian-test-'));
  let drop: (() => Promise<void>) | null = null;
  let databaseUrl: string | null = null;
  if (kind === 'postgres') {
    const created = await createPgDatabase(process.env.TEST_DATABASE_URL!);
    databaseUrl = created.url;
    drop = created.drop;
  }
  const config: Config = { ...loadConfig({}), databaseUrl, dataDir: join(dir, 'data'), demoOnFirstStart: false, webDir: join(dir, 'no-web') };
  const database = await openReady(config, `test (${kind})`);
  const clock = { now: new Date('2026-03-02T09:00:00+08:00') };
  const fixture = await seedFixture(database.db, clock.now);
  const app = await buildServer({ db: database.db, dbKind: database.kind, config, now: () => clock.now, version: VERSION });
  await app.ready();
  return {
    kind,
    app,
    database,
    fixture,
    config,
    clock,
    stop: async () => {
      await app.close();
      await database.close();
      if (drop) await drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function databaseKinds(): DbKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** Runs `suite` once per database; the environment is ready inside the suite's tests. */
export function describeOnDatabases(name: string, suite: (env: () => TestEnv) => void) {
  for (const kind of databaseKinds()) {
    describe(`${name} [${kind}]`, () => {
      let env: (TestEnv & { stop: () => Promise<void> }) | null = null;
      before(async () => {
        env = await startTestEnv(kind);
      });
      after(async () => {
        await env?.stop();
      });
      suite(() => {
        if (!env) throw new Error('test environment not started');
        return env;
      });
    });
  }
}

/** Signs in through the API and answers the session cookie header. */
export async function login(app: App, username: string, password = PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'anjian_session');
  if (!cookie) throw new Error('no session cookie');
  return `anjian_session=${cookie.value}`;
}

export const PASSWORD = 'Test1234pass';
