/**
 * The `anjian` command line, spawned as an operator would run it, on an embedded database in a temp data dir:
 * migrate, user add (then sign in), import (all-or-nothing, row numbers in the operator's language), audit verify
 * (and a tampered record named by its seq), and the data-dir lock (a second process is refused, exit 3, naming the
 * holder's pid; the data stays intact).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, one, sql } from '../../src/db/client.ts';
import { loadConfig } from '../../src/config.ts';
import { openReady, VERSION } from '../../src/app.ts';
import { buildServer } from '../../src/server.ts';
import { uscc } from '../support/fixture.ts';
import { computeUsccCheck } from '../../src/core/codes/uscc.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'src/cli/index.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('anjian CLI', () => {
  let dir = '';
  let dataDir = '';

  function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
        cwd: ROOT,
        env: { ...process.env, ANJIAN_DATA_DIR: dataDir, ANJIAN_DEMO: 'false', DATABASE_URL: '', LANG: 'zh_CN.UTF-8', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  }

  /** Opens the data dir in this process (taking the lock), runs `fn`, closes it. */
  async function withData<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
    const database = await openDatabase({ databaseUrl: null, dataDir, command: 'cli test' });
    try {
      return await fn(database.db);
    } finally {
      await database.close();
    }
  }
  const count = (table: 'enterprises' | 'audit_log' | 'users') =>
    withData(async (db) => (await one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`))!.n);

  const csvFile = (name: string, rows: string[][]) => {
    const p = join(dir, name);
    writeFileSync(p, rows.map((r) => r.join(',')).join('\n'), 'utf8');
    return p;
  };
  const HEAD = ['统一社会信用代码', '企业名称', '行政区划代码', '行业领域', '风险等级'];
  const bad17 = '91320115MA4000003';
  const badCheck = computeUsccCheck(bad17) === '0' ? '1' : '0';
  let badCsv = '';
  let goodCsv = '';

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'anjian-cli-'));
    dataDir = join(dir, 'data');
    badCsv = csvFile('bad.csv', [
      HEAD,
      [uscc('320115', 'MA4000001'), '命令行导入一号有限公司', '320115002', '机械', '黄'],
      [uscc('320115', 'MA4000002'), '命令行导入二号有限公司', '320115002', '机械', '红'],
      [bad17 + badCheck, '命令行导入三号有限公司', '320115002', '机械', '蓝'],
    ]);
    goodCsv = csvFile('good.csv', [
      HEAD,
      [uscc('320115', 'MA4000011'), '命令行正确一号有限公司', '320115002', '机械', '黄'],
      [uscc('320115', 'MA4000012'), '命令行正确二号化工有限公司', '320115001', '危险化学品', '红'],
    ]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('migrate creates the database in the data dir and exits 0', async () => {
    const r = await cli(['migrate']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(existsSync(dataDir));
    assert.ok(!existsSync(join(dataDir, 'anjian.lock')), 'the lock is released on exit');
    assert.equal(await count('users'), 0, 'no demo data with ANJIAN_DEMO=false');
  });

  test('user add creates a user who can then sign in', async () => {
    const r = await cli(['user', 'add', '--username', 'admin', '--role', 'admin', '--region', '320000', '--password', 'CliAdmin123', '--name', '系统管理员']);
    assert.equal(r.code, 0, r.stderr);

    const config = { ...loadConfig({}), dataDir, databaseUrl: null, demoOnFirstStart: false, webDir: join(dir, 'no-web') };
    const database = await openReady(config, 'cli test server');
    try {
      const app = await buildServer({ db: database.db, dbKind: database.kind, config, now: () => new Date(), version: VERSION });
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'CliAdmin123' } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().user.role, 'admin');
      assert.equal(res.json().user.displayName, '系统管理员');
      const wrong = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'not-the-password' } });
      assert.equal(wrong.statusCode, 401);
      await app.close();
    } finally {
      await database.close();
    }
  });

  test('import of a file with a bad row 4 exits non-zero, writes nothing and says 第4行 (row 4 in English)', async () => {
    const before = await count('enterprises');
    const zh = await cli(['import', 'enterprises', badCsv]);
    assert.notEqual(zh.code, 0);
    assert.match(zh.stderr, /第4行/);
    assert.match(zh.stderr, /统一社会信用代码/);
    assert.equal(JSON.parse(zh.stdout.trim()).written, false);
    const en = await cli(['import', 'enterprises', badCsv], { LANG: 'en_US.UTF-8' });
    assert.notEqual(en.code, 0);
    assert.match(en.stderr, /row 4/);
    assert.match(en.stderr, new RegExp(`it should be ${computeUsccCheck(bad17)}`));
    assert.equal(await count('enterprises'), before, 'nothing written');
  });

  test('import of a good file exits 0 and writes its rows', async () => {
    const before = await count('enterprises');
    const r = await cli(['import', 'enterprises', goodCsv]);
    assert.equal(r.code, 0, r.stderr);
    const result = JSON.parse(r.stdout.trim());
    assert.equal(result.written, true);
    assert.equal(result.created, 2);
    assert.equal(await count('enterprises'), before + 2);
  });

  test('audit verify exits 0 on an intact chain, and 1 naming the seq of a tampered record', async () => {
    const ok = await cli(['audit', 'verify']);
    assert.equal(ok.code, 0, ok.stderr);
    const records = await count('audit_log');
    assert.ok(records >= 3, `user + 2 imports audited (${records})`);
    assert.match(ok.stderr, new RegExp(`${records}`));

    await withData(async (db) => {
      await db.execute(sql`UPDATE audit_log SET after = jsonb_set(after, '{name}', '"篡改后的名称"') WHERE seq = 2`);
    });
    const broken = await cli(['audit', 'verify']);
    assert.equal(broken.code, 1, broken.stderr);
    assert.match(broken.stderr, /#2\b/);
    assert.match(broken.stderr, /altered/);
  });

  test('while another process holds the data dir, a command is refused with exit 3 naming its pid; data intact', async () => {
    const database = await openDatabase({ databaseUrl: null, dataDir, command: 'cli test holder' });
    let enterprisesBefore: number;
    try {
      enterprisesBefore = (await one<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM enterprises`))!.n;
      const other = csvFile('while-locked.csv', [HEAD, [uscc('320115', 'MA4000021'), '锁定期间导入有限公司', '320115002', '机械', '黄']]);
      const r = await cli(['import', 'enterprises', other]);
      assert.equal(r.code, 3, r.stderr);
      assert.match(r.stderr, new RegExp(`\\b${process.pid}\\b`));
      assert.match(r.stderr, /cli test holder/);
    } finally {
      await database.close();
    }
    // Once released, the data dir opens again, with nothing from the refused import.
    assert.equal(await count('enterprises'), enterprisesBefore, 'the refused import wrote nothing');
  });
});
