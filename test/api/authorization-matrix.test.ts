/**
 * 越权访问 the unauthorized-access suite: every role × every endpoint × inside/outside the data scope (数据范围).
 * The rows live per capability in `matrix/*.rows.ts` and are listed in `matrix/index.ts`: adding an endpoint is adding
 * a row (and its expected status per user). Lists are checked for leaks: exactly the fixture enterprises a user may
 * see come back, nothing else. Without a session every endpoint of the OpenAPI document (read from the live server, so
 * new routes are covered automatically) answers 401, except the public ones.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rows, sql } from '../../src/db/client.ts';
import { describeOnDatabases, login, type TestEnv } from '../support/harness.ts';
import { uscc } from '../support/fixture.ts';
import { call, enterpriseBody, waitJob } from './helpers.ts';
import { MODULES } from './matrix/index.ts';
import { buildPlanningWorld, csvImport, idOf, USERS, type PlanningWorld, type User, type World } from './matrix/world.ts';

const ENDPOINTS = MODULES.flatMap((m) => m.rows);
const MODULE_PUBLIC = MODULES.flatMap((m) => m.publicRoutes ?? []);

function openApiRoutes(app: TestEnv['app']): { method: string; path: string }[] {
  const spec = (app as unknown as { swagger(): { paths: Record<string, Record<string, unknown>> } }).swagger();
  return Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => ({ method: m.toUpperCase(), path })),
  );
}

/** 'GET /enterprises/{id}' for every row of the matrix. */
function coveredRoutes(): Set<string> {
  return new Set(ENDPOINTS.map((e) => e.route.replace(/\?.*$/, '').replace(/:(\w+)/g, '{$1}')));
}

describeOnDatabases('authorization matrix', (env) => {
  const world = {} as World;
  let counter = 0;

  before(async () => {
    const e = env();
    const cookies = {} as Record<User, string>;
    for (const u of USERS) cookies[u] = await login(e.app, u);
    const start = await call(e.app, cookies.inspector, csvImport([
      ['统一社会信用代码', '企业名称', '行政区划代码', '行业领域'],
      [uscc('320115', 'PJ0000001'), '检查员导入的机械公司', '320115002', '机械'],
    ]));
    assert.equal(start.statusCode, 202, start.body);
    const jobId = (start.json() as { jobId: string }).jobId;
    await waitJob(e.app, cookies.inspector, jobId);
    let days = 0;
    let mondays = 0;
    const planning = {
      day: () => new Date(Date.UTC(2027, 0, 1 + days++)).toISOString().slice(0, 10),
      monday: () => new Date(Date.UTC(2028, 0, 3 + 7 * mondays++)).toISOString().slice(0, 10),
    } as PlanningWorld;
    Object.assign(world, { env: e, cookies, jobId, next: () => ++counter, planning, ext: {} });
    await buildPlanningWorld(world);
    for (const m of MODULES) if (m.setup) await m.setup(world);
  });

  for (const ep of ENDPOINTS) {
    for (const u of USERS) {
      const status = ep.expect(u);
      test(`${u} ${ep.route}${ep.variant ? ` (${ep.variant})` : ''} → ${status}`, async () => {
        const req = await ep.request(world, u);
        const res = await call(world.env.app, world.cookies[u], req);
        assert.equal(res.statusCode, status, `${req.method} ${req.url}: ${res.body.slice(0, 300)}`);
        if (status >= 400) {
          assert.deepEqual(Object.keys(res.json()).sort(), ['code', 'details', 'message'], 'the one error shape');
        } else if (ep.check) {
          await ep.check(res, u, world);
        }
      });
    }
  }

  test('a housing-line inspector cannot register an enterprise outside their line (it would vanish from their register)', async () => {
    const res = await call(world.env.app, world.cookies.inspectorHousing, {
      method: 'POST',
      url: '/enterprises',
      payload: enterpriseBody({ uscc: uscc('320115', 'PH0000001'), name: '住建越线化工有限公司', regionCode: '320115003', industryDomain: 'hazchem' }),
    });
    assert.equal(res.statusCode, 422, res.body);
    assert.deepEqual(res.json().details.map((d: { field: string }) => d.field), ['industryDomain']);
    const admin = await call(world.env.app, world.cookies.admin, { method: 'GET', url: `/enterprises?keyword=${encodeURIComponent('住建越线化工')}` });
    assert.equal(admin.json().total, 0, 'nothing was written');
  });

  test('an out-of-scope PUT changed nothing', async () => {
    const admin = await call(world.env.app, world.cookies.admin, { method: 'GET', url: `/enterprises/${idOf(world, 'jiangningChem')}` });
    assert.ok(!String(admin.json().address).includes('越权'), admin.json().address);
    const tenant = await call(world.env.app, world.cookies.admin, { method: 'GET', url: `/enterprises/${idOf(world, 'jiangningTenant')}` });
    assert.ok(!String(tenant.json().address).includes('越权'));
  });

  test('without a session every endpoint but login, logout, health, demo, /public/* and the docs answers 401', async () => {
    const { app } = world.env;
    const PUBLIC = new Set(['POST /api/v1/auth/login', 'POST /api/v1/auth/logout', 'GET /api/v1/health', 'GET /api/v1/demo']);
    for (const r of MODULE_PUBLIC) PUBLIC.add(`${r.split(' ')[0]} /api/v1${r.split(' ')[1]}`);
    const isPublic = (method: string, path: string) => PUBLIC.has(`${method} ${path}`) || (method === 'GET' && path.startsWith('/api/v1/public/'));
    const covered = coveredRoutes();
    const routes = openApiRoutes(app);
    assert.ok(routes.length >= 20, `the OpenAPI document lists the routes (${routes.length})`);
    const strict: string[] = [];
    const others: string[] = [];
    for (const r of routes.filter((x) => !isPublic(x.method, x.path))) {
      const url = r.path.replace(/\{id\}/g, String(idOf(world, 'jiangningChem'))).replace(/\{code\}/g, '320115').replace(/\{[^}]+\}/g, '1');
      const res = await app.inject({ method: r.method as 'GET', url, ...(r.method === 'GET' ? {} : { payload: {} }) });
      if (res.statusCode === 401) {
        assert.equal(res.json().code, 'auth.unauthenticated');
        continue;
      }
      const line = `${r.method} ${r.path} → ${res.statusCode}`;
      if (covered.has(`${r.method} ${r.path.replace(/^\/api\/v1/, '')}`)) strict.push(line);
      else others.push(line);
    }
    // A bad query or body from a stranger is still a 401, not a 422 that describes the schema.
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/departments?level=bogus' })).statusCode, 401);
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/enterprises?sort=bogus' })).statusCode, 401);
    // Public ones really are public.
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode, 200);
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/demo' })).statusCode, 200);
    assert.equal((await app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode, 200);
    assert.deepEqual(strict, [], 'endpoints of the matrix answering without a session');
    // every route has a row (test below), so a route answering without a session is never excused
    assert.deepEqual(others, [], 'endpoints answering without a session');
  });

  test('the public plans page answers without a session and shows only published plans', async () => {
    const res = await call(world.env.app, null, { method: 'GET', url: '/public/plans?pageSize=50' });
    assert.equal(res.statusCode, 200);
    const ids = (res.json().items as { id: number }[]).map((p) => p.id);
    const P = world.planning.plans;
    assert.ok(ids.includes(P.city) && ids.includes(P.suzhou));
    assert.ok(!ids.includes(P.cityDraft));
    const published = await rows<{ id: number }>(world.env.database.db, sql`SELECT id FROM plans WHERE status = 'published'`);
    const pub = new Set(published.map((p) => p.id));
    assert.ok(ids.every((id) => pub.has(id)), 'only published plans');
  });

  test('a forged or expired session cookie is not a session', async () => {
    const { app } = world.env;
    const res = await app.inject({ method: 'GET', url: '/api/v1/enterprises', headers: { cookie: 'anjian_session=forged-token-value' } });
    assert.equal(res.statusCode, 401);
  });

  test('every route of the OpenAPI document has a row in the matrix', (t) => {
    const covered = coveredRoutes();
    const FOUNDATION_ONLY = ['POST /auth/login', 'POST /auth/logout', 'POST /auth/password', 'GET /health', 'GET /demo'];
    const missing = openApiRoutes(world.env.app)
      .map((r) => `${r.method} ${r.path.replace(/^\/api\/v1/, '')}`)
      .filter((r) => !covered.has(r) && !FOUNDATION_ONLY.includes(r));
    // The foundation endpoints of the brief must all have rows.
    for (const r of ['GET /enterprises/{id}', 'PUT /enterprises/{id}', 'POST /enterprises/import', 'GET /jobs/{id}', 'GET /audit/verify', 'POST /users']) {
      assert.ok(covered.has(r), r);
    }
    if (missing.length) t.diagnostic(`routes without authorization rows — add them to ENDPOINTS: ${missing.join(', ')}`);
    assert.deepEqual(missing, [], 'every route has rows for every role, inside and outside scope');
  });
});
