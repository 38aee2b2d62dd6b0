/**
 * npm run bench:hazards — the hazard ledger (隐患台账) at 1,000,000 hazards on PostgreSQL.
 *  1. a fresh database: the register (20,000 demo enterprises over Nanjing, Suzhou and Taixing), their departments;
 *  2. 1,000,000 hazards spread over two years, every state, source and level, overdue ones escalated as the daily run would;
 *  3. times what the ledger page runs — the service call the API makes (scope, filters, page, capped count) — p50/p95 over
 *     repeated runs for each filter, target p95 < 50 ms; and the counts-by-state summary of a city (with the rates),
 *     target < 300 ms.
 * Uses BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), creates and drops its own database.
 * Options: --hazards=1000000 --enterprises=20000 --runs=30 --keep
 */
import pg from 'pg';
import { openDatabase, one, rows, sql } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadRegions } from '../src/seed/reference.ts';
import { demoDepartments, demoDepartmentsFor, demoEnterprises } from '../src/core/demo/index.ts';
import { upsertMany } from '../src/modules/enterprises/enterprises.repo.ts';
import { ledgerSummary, listHazards, type LedgerQuery } from '../src/modules/hazards/list-hazards.ts';
import type { Principal } from '../src/core/access/principal.ts';

const arg = (name: string, dflt: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);
const HAZARDS = arg('hazards', 1_000_000);
const ENTERPRISES = arg('enterprises', 20_000);
const RUNS = arg('runs', 30);
const KEEP = process.argv.includes('--keep');
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const out = (s: string) => process.stdout.write(`${s}\n`);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const NOW = new Date('2026-06-15T02:00:00Z');

async function main() {
  const name = `anjian_bench_hazards_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '', command: 'bench' });
  const db = database.db;
  try {
    let t = Date.now();
    await migrate(db);
    await loadRegions(db);
    const depts = [...demoDepartments(), ...demoDepartmentsFor('320500'), ...demoDepartmentsFor('321283')];
    for (let i = 0; i < depts.length; i += 200) {
      await db.execute(sql`INSERT INTO departments (code, name, name_en, line, level, region_code) VALUES ${sql.join(
        depts.slice(i, i + 200).map((d) => sql`(${d.code}, ${d.name}, ${d.nameEn}, ${d.line}, ${d.level}, ${d.regionCode})`),
        sql`, `,
      )} ON CONFLICT (code) DO NOTHING`);
    }
    const ents = demoEnterprises({ seed: 'bench-hazards', count: ENTERPRISES });
    for (let i = 0; i < ents.length; i += 1000) await upsertMany(db, ents.slice(i, i + 1000).map((e) => ({ input: { ...e, landlordUscc: null }, landlordId: null })), NOW);
    await db.execute(sql`INSERT INTO users (username, display_name, password_hash, role, region_code) VALUES ('bench', 'bench', 'x', 'admin', '320000')`);
    out(`register: ${ENTERPRISES} enterprises, ${depts.length} departments in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    // 1M hazards: each picks an enterprise; the owning department is the emergency department of its county (else city)
    t = Date.now();
    await db.execute(sql`CREATE TEMP TABLE bench_e AS SELECT row_number() OVER (ORDER BY e.id)::int AS rn, e.id, e.name, e.region_code, e.industry_domain,
        coalesce((SELECT d.id FROM departments d WHERE d.code = 'D-yj-' || left(e.region_code, 6)), (SELECT d.id FROM departments d WHERE d.code = 'D-yj-' || left(e.region_code, 4) || '00')) AS dept
      FROM enterprises e`);
    await db.execute(sql`CREATE UNIQUE INDEX ON bench_e (rn)`);
    const n = (await one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM bench_e`))!.n;
    const today = '2026-06-15';
    for (let from = 1; from <= HAZARDS; from += 100_000) {
      const to = Math.min(HAZARDS, from + 99_999);
      await db.execute(sql`INSERT INTO hazards (enterprise_id, id, code, source, level, state, description, location, found_by_name, found_at, deadline,
          responsible_person, region_code, industry_domain, enterprise_name, department_id, escalation_step, closed_at, closed_on_time, created_at, updated_at)
        SELECT e.id, x.g, 'YH' || x.g, x.source, x.level, x.state, '隐患描述 ' || x.g, '车间', '执法人员', x.found_at, x.deadline, '责任人',
          e.region_code, e.industry_domain, e.name, e.dept,
          CASE WHEN x.state IN ('reported', 'confirmed', 'rectifying', 'submitted') AND x.deadline < ${today}::date THEN
            CASE WHEN x.level = 'major' THEN (CASE WHEN ${today}::date - x.deadline >= 15 THEN 4 WHEN ${today}::date - x.deadline >= 7 THEN 3 WHEN ${today}::date - x.deadline >= 3 THEN 2 ELSE 1 END)
              ELSE (CASE WHEN ${today}::date - x.deadline >= 15 THEN 3 WHEN ${today}::date - x.deadline >= 7 THEN 2 ELSE 1 END) END ELSE 0 END,
          CASE WHEN x.state = 'closed' THEN x.found_at + interval '10 days' END, CASE WHEN x.state = 'closed' THEN (x.g % 5 <> 0) END, x.found_at, x.found_at
        FROM (SELECT g, (g::bigint * 2654435761 % ${n})::int + 1 AS rn,
            (ARRAY['inspection', 'inspection', 'inspection', 'self_inspection', 'public_report', 'grid_patrol'])[1 + g % 6] AS source,
            CASE WHEN g % 13 = 0 THEN 'major' ELSE 'general' END AS level,
            CASE WHEN g % 100 < 55 THEN 'closed' WHEN g % 100 < 70 THEN 'rectifying' WHEN g % 100 < 82 THEN 'confirmed' WHEN g % 100 < 88 THEN 'submitted'
              WHEN g % 100 < 96 THEN 'reported' ELSE 'dismissed' END AS state,
            ${NOW.toISOString()}::timestamptz - make_interval(days => ((g::bigint * 7919) % 730)::int, mins => g % 1440) AS found_at,
            (${NOW.toISOString()}::timestamptz - make_interval(days => ((g::bigint * 7919) % 730)::int))::date + 15 + (g % 46) AS deadline
          FROM generate_series(${from}::int, ${to}::int) AS g) x JOIN bench_e e ON e.rn = x.rn`);
      process.stderr.write(`\rhazards ${to.toLocaleString()} / ${HAZARDS.toLocaleString()}`);
    }
    await db.execute(sql`SELECT setval('hazards_id_seq', ${HAZARDS})`);
    await db.execute(sql`VACUUM ANALYZE hazards`);
    await db.execute(sql`ANALYZE`);
    process.stderr.write('\n');
    out(`${HAZARDS.toLocaleString()} hazards written in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    const dept = async (code: string) => (await one<{ id: number }>(db, sql`SELECT id FROM departments WHERE code = ${code}`))?.id ?? null;
    const jn = await dept('D-yj-320115');
    const who = (role: Principal['role'], regionCode: string, line: string | null, departmentId: number | null): Principal => ({ userId: 1, username: 'bench', displayName: 'bench', role, regionCode, departmentId, line, enterpriseId: null });
    const coordinator = who('coordinator', '320100', null, null);
    const admin = who('admin', '320000', null, null);
    const inspector = who('inspector', '320115', 'emergency', jn);
    const housing = who('inspector', '320115', 'housing', await dept('D-zj-320115'));
    const counts = await rows<{ city: string; n: number }>(db, sql`SELECT city_code AS city, count(*)::int AS n FROM hazards GROUP BY 1 ORDER BY 2 DESC`);
    out(`hazards per city: ${counts.map((c) => `${c.city} ${c.n.toLocaleString()}`).join(', ')}`);

    const cases: { name: string; p: Principal; q: LedgerQuery; page?: number }[] = [
      { name: 'Nanjing coordinator, page 1 (newest first)', p: coordinator, q: {} },
      { name: 'Nanjing, state=rectifying', p: coordinator, q: { state: 'rectifying' } },
      { name: 'Nanjing, state=submitted & level=major', p: coordinator, q: { state: 'submitted', level: 'major' } },
      { name: 'Nanjing, overdue=true (most overdue first)', p: coordinator, q: { overdue: true } },
      { name: 'Nanjing, overdue & level=major', p: coordinator, q: { overdue: true, level: 'major' } },
      { name: 'Nanjing, region=江宁区 & state=confirmed', p: coordinator, q: { regionCode: '320115', state: 'confirmed' } },
      { name: 'Nanjing, department=江宁区应急管理局', p: coordinator, q: { departmentId: jn ?? undefined } },
      { name: 'Nanjing, domain=hazchem & source=self_inspection', p: coordinator, q: { industryDomain: 'hazchem', source: 'self_inspection' } },
      { name: 'Nanjing, escalation ≥ 3 (挂牌督办)', p: coordinator, q: { escalation: 3 } },
      { name: 'Nanjing, page 50', p: coordinator, q: {}, page: 50 },
      { name: '江宁 inspector (emergency line), page 1', p: inspector, q: {} },
      { name: '江宁 inspector, overdue', p: inspector, q: { overdue: true } },
      { name: '江宁 housing inspector (own line + department)', p: housing, q: {} },
      { name: 'province admin, state=reported', p: admin, q: { state: 'reported' } },
    ];
    out(`\nledger page (listHazards: scope + filters + page of 20 + capped count), ${RUNS} runs each — target p95 < 50 ms`);
    let worst = 0;
    for (const c of cases) {
      await listHazards(db, c.p, c.q, c.page ?? 1, 20, NOW);
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < RUNS; i++) {
        const s = performance.now();
        const r = await listHazards(db, c.p, c.q, c.page ?? 1, 20, NOW);
        times.push(performance.now() - s);
        total = r.total;
      }
      worst = Math.max(worst, pct(times, 95));
      out(`  ${c.name.padEnd(52)} p50 ${pct(times, 50).toFixed(1).padStart(6)} ms  p95 ${pct(times, 95).toFixed(1).padStart(6)} ms  (total ${total.toLocaleString()})`);
    }
    out(`  worst p95: ${worst.toFixed(1)} ms ${worst < 50 ? '✓' : '✗ over 50 ms'}`);
    out(`\ncounts by state of a city (ledgerSummary: by state, overdue, major, rectification and on-time rates) — target < 300 ms`);
    for (const [label, p, q] of [['Nanjing coordinator', coordinator, {}], ['Nanjing, level=major', coordinator, { level: 'major' }], ['江宁 inspector', inspector, {}]] as const) {
      await ledgerSummary(db, p, q, NOW);
      const times: number[] = [];
      let s0: Awaited<ReturnType<typeof ledgerSummary>> | null = null;
      for (let i = 0; i < Math.max(5, Math.floor(RUNS / 3)); i++) {
        const s = performance.now();
        s0 = await ledgerSummary(db, p, q, NOW);
        times.push(performance.now() - s);
      }
      out(`  ${label.padEnd(30)} p50 ${pct(times, 50).toFixed(0).padStart(5)} ms  p95 ${pct(times, 95).toFixed(0).padStart(5)} ms  (${s0!.total.toLocaleString()} hazards, rectification ${s0!.rectificationRate}, on time ${s0!.onTimeRate})`);
    }
  } finally {
    await database.close();
    if (!KEEP) {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    }
  }
}

await main();
