/**
 * npm run bench:registry — the register at scale, on PostgreSQL.
 *  1. writes 100,000 demo enterprises to an .xlsx file and imports it through the real import pipeline
 *     (parse, validate every row, upsert, audit chain) — target < 30 s;
 *  2. measures the filtered, paged list (the API's service call) at 100k rows, p50/p95 over repeated runs;
 *  3. grows the table to 1,000,000 rows and measures again — target p95 < 50 ms.
 * Uses a fresh database on BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), dropped after.
 * Options: --rows=100000 --grow=1000000 --runs=30 --keep
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { openDatabase, one, sql, type Db } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadRegions } from '../src/seed/reference.ts';
import { demoEnterprises } from '../src/core/demo/index.ts';
import { COLUMNS } from '../src/modules/enterprises/columns.ts';
import { importEnterprises } from '../src/modules/enterprises/import-enterprises.ts';
import { listEnterprises, type ListQuery } from '../src/modules/enterprises/enterprises.service.ts';
import type { Principal } from '../src/core/access/principal.ts';

const arg = (name: string, dflt: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);
const ROWS = arg('rows', 100_000);
const GROW = arg('grow', 1_000_000);
const RUNS = arg('runs', 30);
const KEEP = process.argv.includes('--keep');
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const out = (s: string) => process.stdout.write(`${s}\n`);

async function writeXlsx(path: string, count: number) {
  const rows = demoEnterprises({ seed: 'bench', count });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('企业名录');
  ws.addRow(COLUMNS.map((c) => c.zh)).commit();
  const yes = (b: boolean) => (b ? '是' : '否');
  for (const e of rows) {
    ws.addRow([
      e.uscc, e.name, e.regionCode, e.industryDomain, e.industryCode, e.address, e.employees, yes(e.labourIntensive),
      yes(e.keyEnterprise), e.standardizationLevel, e.riskLevel, e.creditGrade, e.legalRepresentative,
      e.legalRepresentativePhone, e.safetyOfficer, e.safetyOfficerPhone, e.smallVenueCategory ?? '', e.landlordUscc ?? '',
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

const principal = (id: number, role: Principal['role'], regionCode: string, line: string | null = null, departmentId: number | null = null): Principal => ({
  userId: id, username: 'bench', displayName: 'bench', role, regionCode, departmentId, line, enterpriseId: null,
});

const CASES: { name: string; who: Principal; q: Partial<ListQuery> }[] = [
  { name: 'province admin, page 1, by name', who: principal(1, 'admin', '320000'), q: {} },
  { name: 'city coordinator (南京), page 1', who: principal(1, 'coordinator', '320100'), q: {} },
  { name: 'district inspector (江宁) emergency line', who: principal(1, 'inspector', '320115', 'emergency'), q: {} },
  { name: 'housing-line inspector (南京)', who: principal(1, 'inspector', '320100', 'housing'), q: {} },
  { name: 'region 苏州 + risk red', who: principal(1, 'admin', '320000'), q: { regionCode: '320500', riskLevel: 'red' } },
  { name: 'domain 危化 + credit C', who: principal(1, 'admin', '320000'), q: { industryDomain: 'hazchem', creditGrade: 'C' } },
  { name: 'keyword 2 chars 化工', who: principal(1, 'admin', '320000'), q: { keyword: '化工' } },
  { name: 'keyword 4 chars 精密机械', who: principal(1, 'admin', '320000'), q: { keyword: '精密机械' } },
  { name: 'keyword 2 words 南京 化工', who: principal(1, 'admin', '320000'), q: { keyword: '南京 化工' } },
  { name: 'keyword code prefix 91320115', who: principal(1, 'admin', '320000'), q: { keyword: '91320115' } },
  { name: 'sort by risk, key enterprises', who: principal(1, 'admin', '320000'), q: { keyEnterprise: true, sort: 'riskLevel' } },
  { name: 'sort by updatedAt desc', who: principal(1, 'admin', '320000'), q: { sort: 'updatedAt', order: 'desc' } },
  { name: 'page 50 (offset 980)', who: principal(1, 'admin', '320000'), q: { page: 50 } },
];

async function measure(db: Db, label: string) {
  out(`\nlist at ${label} rows (${RUNS} runs each, ms)`);
  out(`${'case'.padEnd(44)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'total'.padStart(8)}`);
  let worst = 0;
  for (const c of CASES) {
    const times: number[] = [];
    let total = 0;
    const query: ListQuery = { page: 1, pageSize: 20, sort: 'name', order: 'asc', ...c.q };
    for (let i = 0; i < RUNS + 3; i++) {
      const t = performance.now();
      const r = await listEnterprises({ db, principal: c.who, query });
      const ms = performance.now() - t;
      if (i >= 3) times.push(ms); // warm-up runs are not counted
      total = r.total;
    }
    const p95 = pct(times, 95);
    worst = Math.max(worst, p95);
    out(`${c.name.padEnd(44)} ${pct(times, 50).toFixed(1).padStart(7)} ${p95.toFixed(1).padStart(7)} ${String(total).padStart(8)}`);
  }
  out(`worst p95 at ${label}: ${worst.toFixed(1)} ms (target < 50 ms)`);
}

async function main() {
  const name = `anjian_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const dir = mkdtempSync(join(tmpdir(), 'anjian-bench-'));
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: dir, command: 'bench' });
  const db = database.db;
  try {
    await migrate(db);
    await loadRegions(db);
    const file = join(dir, 'enterprises.xlsx');
    let t = performance.now();
    await writeXlsx(file, ROWS);
    out(`generated ${ROWS} rows into .xlsx in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await db.execute(sql`INSERT INTO users (username, display_name, password_hash, role, region_code) VALUES ('admin', 'admin', 'x', 'admin', '320000')`);
    const adminUser = await one<{ id: number }>(db, sql`SELECT id FROM users WHERE username = 'admin'`);
    t = performance.now();
    let lastPhase = '';
    const result = await importEnterprises({
      db,
      principal: principal(adminUser!.id, 'admin', '320000'),
      filePath: file,
      fileName: 'enterprises.xlsx',
      allowPartial: false,
      now: new Date(),
      onProgress: (phase) => {
        if (phase !== lastPhase) {
          process.stderr.write(`  ${phase} at ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
          lastPhase = phase;
        }
      },
    });
    const importSec = (performance.now() - t) / 1000;
    out(`import: ${result.total} rows, created ${result.created}, errors ${result.errors.length}, written ${result.written} — ${importSec.toFixed(1)} s (target < 30 s)`);
    for (const e of result.errors.slice(0, 10)) out(`  row ${e.row} ${e.field}: ${e.key} ${JSON.stringify(e.params ?? {})}`);
    await db.execute(sql`ANALYZE`);
    await measure(db, ROWS.toLocaleString('en'));

    if (GROW > ROWS) {
      t = performance.now();
      const copies = Math.ceil(GROW / ROWS) - 1;
      // Clone the imported rows with new codes and a numbered name: the same distribution, 10× the size.
      await db.execute(sql`INSERT INTO enterprises (uscc, name, region_code, address, industry_domain, industry_code, employees,
        labour_intensive, key_enterprise, standardization_level, risk_level, credit_grade, legal_representative,
        legal_representative_phone, safety_officer, safety_officer_phone, small_venue_category, created_at, updated_at)
        SELECT substr(e.uscc, 1, 8) || lpad(to_hex(g * 1000000 + e.id), 10, '0'), e.name || '（' || g || '）', e.region_code, e.address,
          e.industry_domain, e.industry_code, e.employees, e.labour_intensive, e.key_enterprise, e.standardization_level,
          e.risk_level, e.credit_grade, e.legal_representative, e.legal_representative_phone, e.safety_officer,
          e.safety_officer_phone, e.small_venue_category, e.created_at, e.updated_at - (g || ' minutes')::interval
        FROM enterprises e CROSS JOIN generate_series(1, ${copies}) AS g WHERE e.id <= ${ROWS}`);
      await db.execute(sql`VACUUM ANALYZE enterprises`);
      const n = await one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM enterprises`);
      out(`\ngrew the register to ${n?.n} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      await measure(db, (n?.n ?? GROW).toLocaleString('en'));
    }
  } finally {
    await database.close();
    if (!KEEP) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    else out(`kept database ${name}`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
