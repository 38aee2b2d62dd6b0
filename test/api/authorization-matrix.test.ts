/**
 * 越权访问 the unauthorized-access suite: every role × every endpoint × inside/outside the data scope (数据范围).
 * The cases are generated from ENDPOINTS below: adding an endpoint is adding a row (and its expected status per user).
 * Lists are checked for leaks: exactly the fixture enterprises a user may see come back, nothing else.
 * Without a session every endpoint of the OpenAPI document (read from the live server, so new routes are covered
 * automatically) answers 401, except the public ones.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rows, sql } from '../../src/db/client.ts';
import { describeOnDatabases, login, type TestEnv } from '../support/harness.ts';
import { uscc, type Fixture } from '../support/fixture.ts';
import { call, csvText, enterpriseBody, multipart, readXlsx, updateBody, waitJob, type Req } from './helpers.ts';

const USERS = [
  'admin',
  'coordinator',
  'coordinatorSuzhou',
  'depthead',
  'inspector',
  'inspectorHousing',
  'inspectorSuzhou',
  'expert',
  'grid',
  'enterprise',
  'enterpriseOther',
] as const;
type User = (typeof USERS)[number];
type Ent = keyof Fixture['enterprises'];

const NANJING: Ent[] = ['jiangningChem', 'jiangningMachine', 'jiangningConstruction', 'jiangningTenant', 'xuanwuShop'];
const JIANGNING: Ent[] = ['jiangningChem', 'jiangningMachine', 'jiangningConstruction', 'jiangningTenant'];

/** What each user may see, written out by hand from the fixture (not computed by the code under test). */
const WHO: Record<
  User,
  {
    /** region prefix of the scope: every region code a user sees starts with it */
    prefix: string;
    /** exactly the fixture enterprises in the user's register */
    sees: Ent[];
    /** one enterprise inside the scope and one outside (null: nothing is outside, use an unknown id) */
    inside: Ent;
    outside: Ent | null;
    /** a region of the user's scope to register enterprises in, and one outside it */
    home: string;
    foreign: string;
    writer: boolean;
  }
> = {
  admin: { prefix: '32', sees: [...NANJING, 'suzhouChem'], inside: 'suzhouChem', outside: null, home: '320115001', foreign: '360902001', writer: true },
  coordinator: { prefix: '3201', sees: NANJING, inside: 'xuanwuShop', outside: 'suzhouChem', home: '320102002', foreign: '320505001', writer: true },
  coordinatorSuzhou: { prefix: '3205', sees: ['suzhouChem'], inside: 'suzhouChem', outside: 'jiangningChem', home: '320505001', foreign: '320115001', writer: true },
  depthead: { prefix: '3201', sees: NANJING, inside: 'xuanwuShop', outside: 'suzhouChem', home: '320102002', foreign: '320505001', writer: true },
  inspector: { prefix: '320115', sees: JIANGNING, inside: 'jiangningMachine', outside: 'xuanwuShop', home: '320115002', foreign: '320102002', writer: true },
  // 住建 housing line: construction and gas only, even inside its own district
  inspectorHousing: { prefix: '320115', sees: ['jiangningConstruction'], inside: 'jiangningConstruction', outside: 'jiangningChem', home: '320115003', foreign: '320102002', writer: true },
  inspectorSuzhou: { prefix: '3205', sees: ['suzhouChem'], inside: 'suzhouChem', outside: 'jiangningChem', home: '320505001', foreign: '320115001', writer: true },
  expert: { prefix: '3201', sees: NANJING, inside: 'jiangningChem', outside: 'suzhouChem', home: '320102002', foreign: '320505001', writer: false },
  grid: { prefix: '320115001', sees: ['jiangningChem', 'jiangningTenant'], inside: 'jiangningTenant', outside: 'jiangningMachine', home: '320115001', foreign: '320115002', writer: false },
  // the officer shares the town with its tenant (厂中厂) but sees only its own file
  enterprise: { prefix: '320115001', sees: ['jiangningChem'], inside: 'jiangningChem', outside: 'jiangningTenant', home: '320115001', foreign: '320115002', writer: false },
  enterpriseOther: { prefix: '320505001', sees: ['suzhouChem'], inside: 'suzhouChem', outside: 'jiangningChem', home: '320505001', foreign: '320115001', writer: false },
};

const WRITERS = USERS.filter((u) => WHO[u].writer);
const only = (allowed: readonly User[], yes: number, no: number) => (u: User) => (allowed.includes(u) ? yes : no);
const all = (status: number) => () => status;

interface World {
  env: TestEnv;
  cookies: Record<User, string>;
  /** a job started by `inspector` */
  jobId: string;
  next(): number;
  planning: PlanningWorld;
}

/**
 * The planning world the before hook builds through the API: published plans of four departments (and one city draft),
 * a published and an open (done, unpublished) collision run for Nanjing and for Suzhou, visits on published runs.
 */
interface PlanningWorld {
  plans: Record<'city' | 'cityDraft' | 'district' | 'housing' | 'suzhou', number>;
  /** P-<entry id> of one plan of each run */
  entries: Record<'city' | 'suzhou', number>;
  runs: Record<'nanjing' | 'suzhou' | 'nanjingOpen' | 'suzhouOpen', number>;
  /** a fresh single-day window in 2027 for each new plan (so the three-level check never refuses it) */
  day(): string;
  /** a fresh Monday in 2028 for a fresh publishable run */
  monday(): string;
}

type PlanKey = keyof PlanningWorld['plans'];
type RunKey = keyof PlanningWorld['runs'];
type DeptCode = 'D-yj-320100' | 'D-yj-320115' | 'D-zj-320115' | 'D-yj-320500';

/** Roles that plan (执法计划) and read runs: admin, coordinators, department heads and inspectors. */
const PLANNERS: User[] = ['admin', 'coordinator', 'coordinatorSuzhou', 'depthead', 'inspector', 'inspectorHousing', 'inspectorSuzhou'];
/** 安委办 and admins: start, move and publish collision runs, edit the item library. */
const COORDINATORS: User[] = ['admin', 'coordinator', 'coordinatorSuzhou'];
/** Approve, publish and return plans: admin, coordinators, department heads (of their own department). */
const APPROVERS: User[] = [...COORDINATORS, 'depthead'];
/** Submit a draft: admin and the department's own people. */
const SUBMITTERS: User[] = ['admin', 'depthead', 'inspector', 'inspectorHousing', 'inspectorSuzhou'];
const planners = (yes: number) => (u: User) => (PLANNERS.includes(u) ? yes : 403);
const plannersOr403 = (allowed: readonly User[], yes: number, no: number) => (u: User) => (!PLANNERS.includes(u) ? 403 : allowed.includes(u) ? yes : no);

/** The department each user plans for (a coordinator: a department of its subtree), and one outside their reach. */
const HOME_DEPT: Record<User, DeptCode> = {
  admin: 'D-yj-320100',
  coordinator: 'D-yj-320115',
  coordinatorSuzhou: 'D-yj-320500',
  depthead: 'D-yj-320100',
  inspector: 'D-yj-320115',
  inspectorHousing: 'D-zj-320115',
  inspectorSuzhou: 'D-yj-320500',
  expert: 'D-yj-320100',
  grid: 'D-yj-320115',
  enterprise: 'D-yj-320115',
  enterpriseOther: 'D-yj-320500',
};
const FOREIGN_DEPT: Record<User, DeptCode | null> = {
  admin: null,
  coordinator: 'D-yj-320500',
  coordinatorSuzhou: 'D-yj-320100',
  // a department head sees neither the district's drafts nor its submitted plans (only levels above)
  depthead: 'D-yj-320115',
  inspector: 'D-yj-320100',
  inspectorHousing: 'D-yj-320115',
  inspectorSuzhou: 'D-yj-320100',
  expert: 'D-yj-320500',
  grid: 'D-yj-320100',
  enterprise: 'D-yj-320100',
  enterpriseOther: 'D-yj-320100',
};
const DEPT_ENTERPRISE: Record<DeptCode, Ent> = {
  'D-yj-320100': 'jiangningMachine',
  'D-yj-320115': 'jiangningMachine',
  'D-zj-320115': 'jiangningConstruction',
  'D-yj-320500': 'suzhouChem',
};
const INSIDE_PLAN: Record<User, PlanKey> = {
  admin: 'suzhou',
  coordinator: 'district',
  coordinatorSuzhou: 'suzhou',
  depthead: 'cityDraft',
  inspector: 'city', // a lower level reads the published plan of its line above it
  inspectorHousing: 'housing',
  inspectorSuzhou: 'suzhou',
  expert: 'city',
  grid: 'city',
  enterprise: 'city',
  enterpriseOther: 'suzhou',
};
const OUTSIDE_PLAN: Record<User, PlanKey | null> = {
  admin: null,
  coordinator: 'suzhou',
  coordinatorSuzhou: 'city',
  depthead: 'housing',
  inspector: 'cityDraft', // another department's draft
  inspectorHousing: 'district', // another line
  inspectorSuzhou: 'city',
  expert: 'suzhou',
  grid: 'suzhou',
  enterprise: 'district',
  enterpriseOther: 'city',
};
const INSIDE_RUN: Record<User, 'nanjing' | 'suzhou'> = {
  admin: 'suzhou',
  coordinator: 'nanjing',
  coordinatorSuzhou: 'suzhou',
  depthead: 'nanjing',
  inspector: 'nanjing',
  inspectorHousing: 'nanjing',
  inspectorSuzhou: 'suzhou',
  expert: 'nanjing',
  grid: 'nanjing',
  enterprise: 'nanjing',
  enterpriseOther: 'suzhou',
};
const otherRun = (r: 'nanjing' | 'suzhou') => (r === 'nanjing' ? 'suzhou' : 'nanjing');
const outsideRun = (u: User): 'nanjing' | 'suzhou' | null => (u === 'admin' ? null : otherRun(INSIDE_RUN[u]));
const openRun = (r: 'nanjing' | 'suzhou'): RunKey => (r === 'nanjing' ? 'nanjingOpen' : 'suzhouOpen');
const RUN_REGION: Record<User, string> = {
  admin: '320100',
  coordinator: '320100',
  coordinatorSuzhou: '320500',
  depthead: '320100',
  inspector: '320100',
  inspectorHousing: '320100',
  inspectorSuzhou: '320500',
  expert: '320100',
  grid: '320100',
  enterprise: '320100',
  enterpriseOther: '320500',
};
/** Whose profile each user opens inside their reach (department users: their own), and one outside it. */
const INSIDE_INSPECTOR: Record<User, User> = {
  admin: 'inspector',
  coordinator: 'inspector',
  coordinatorSuzhou: 'inspectorSuzhou',
  depthead: 'depthead',
  inspector: 'inspector',
  inspectorHousing: 'inspectorHousing',
  inspectorSuzhou: 'inspectorSuzhou',
  expert: 'inspector',
  grid: 'inspector',
  enterprise: 'inspector',
  enterpriseOther: 'inspectorSuzhou',
};
const OUTSIDE_INSPECTOR: Record<User, User | null> = {
  admin: null,
  coordinator: 'inspectorSuzhou',
  coordinatorSuzhou: 'inspector',
  depthead: 'inspector', // another department (the district's), even of the same line
  inspector: 'inspectorHousing',
  inspectorHousing: 'inspector',
  inspectorSuzhou: 'inspector',
  expert: 'inspectorSuzhou',
  grid: 'inspectorSuzhou',
  enterprise: 'inspectorSuzhou',
  enterpriseOther: 'inspector',
};
const DEPT_NAME: Record<DeptCode, string> = {
  'D-yj-320100': '南京市应急管理局',
  'D-yj-320115': '江宁区应急管理局',
  'D-zj-320115': '江宁区住房和城乡建设局',
  'D-yj-320500': '苏州市应急管理局',
};
const NOBODY = 987654;
const YEAR_2026 = { start: '2026-01-01', end: '2026-12-31' };
const RUN_PERIOD = { start: '2026-03-02', end: '2026-10-30' };

async function asAdmin(w: World, req: Req, status: number) {
  const res = await call(w.env.app, w.cookies.admin, req);
  assert.equal(res.statusCode, status, `${req.method} ${req.url}: ${res.body.slice(0, 300)}`);
  return res.json();
}

/** A new plan of one department, created and moved to `state` by the admin through the API. */
async function freshPlan(w: World, dept: DeptCode, state: 'draft' | 'submitted' | 'approved' | 'published', day = w.planning.day()) {
  const year = day.slice(0, 4);
  const plan = await asAdmin(w, {
    method: 'POST',
    url: '/plans',
    payload: {
      departmentId: w.env.fixture.departments[dept],
      period: { start: `${year}-01-01`, end: `${year}-12-31` },
      entries: [{ enterpriseId: idOf(w, DEPT_ENTERPRISE[dept]), window: { start: day, end: day }, requiredQualifications: [] }],
    },
  }, 201);
  const steps = ['submit', 'approve', 'publish'].slice(0, ['draft', 'submitted', 'approved', 'published'].indexOf(state));
  for (const a of steps) await asAdmin(w, { method: 'POST', url: `/plans/${plan.id}/${a}` }, 200);
  return plan.id as number;
}

/** Starts a run as `who`, waits for its job, answers the run id. */
async function runCollision(env: TestEnv, cookie: string, regionCode: string, period: { start: string; end: string }) {
  const res = await call(env.app, cookie, { method: 'POST', url: '/collision-runs', payload: { regionCode, ...period, seed: 7 } });
  assert.equal(res.statusCode, 202, res.body);
  const job = await waitJob(env.app, cookie, res.json().jobId);
  assert.equal(job.status, 'done', JSON.stringify(job));
  return res.json().runId as number;
}

const planId = (w: World, k: PlanKey | null) => (k ? w.planning.plans[k] : NOBODY);
const runId = (w: World, k: RunKey | null) => (k ? w.planning.runs[k] : NOBODY);
const userId = (w: World, u: User | null) => (u ? w.env.fixture.users[u]!.id : NOBODY);
const deptId = (w: World, d: DeptCode | null) => (d ? w.env.fixture.departments[d]! : NOBODY);
const planAction = (action: string, state: 'draft' | 'submitted' | 'approved', dept: (u: User) => DeptCode | null) => async (w: World, u: User): Promise<Req> => {
  const d = dept(u);
  const id = d ? await freshPlan(w, d, state) : NOBODY;
  return { method: 'POST', url: `/plans/${id}/${action}`, ...(action === 'return' ? { payload: { note: '退回' } } : {}) };
};
const planActionRows = (action: 'submit' | 'approve' | 'publish' | 'return', state: 'draft' | 'submitted' | 'approved', allowed: User[], to: string): Endpoint[] => [
  {
    route: `POST /plans/:id/${action}`,
    variant: 'inside scope',
    request: planAction(action, state, (u) => HOME_DEPT[u]),
    expect: plannersOr403(allowed, 200, 403),
    check: (res) => assert.equal(res.json().status, to),
  },
  {
    route: `POST /plans/:id/${action}`,
    variant: 'outside scope',
    request: planAction(action, state, (u) => FOREIGN_DEPT[u]),
    // the district inspector reads the city's submitted plan (a level above) but may not act on it
    expect: (u) => (!PLANNERS.includes(u) ? 403 : u === 'inspector' && state !== 'draft' ? 403 : 404),
  },
];

type Res = Awaited<ReturnType<typeof call>>;

interface Endpoint {
  /** e.g. 'GET /enterprises/:id' */
  route: string;
  /** what the row tries: 'inside scope', 'outside scope', or '' */
  variant: string;
  request: (w: World, u: User) => Req | Promise<Req>;
  expect: (u: User) => number;
  /** further checks on a successful answer (leaks, shape) */
  check?: (res: Res, u: User, w: World) => void | Promise<void>;
}

const idOf = (w: World, e: Ent) => w.env.fixture.enterprises[e].id;
const fixtureCodes = (w: World) => new Map(Object.entries(w.env.fixture.enterprises).map(([k, v]) => [v.uscc, k as Ent]));

function assertSeesExactly(w: World, u: User, codes: string[]) {
  const byCode = fixtureCodes(w);
  const seen = codes.filter((c) => byCode.has(c)).map((c) => byCode.get(c)!).sort();
  assert.deepEqual(seen, [...WHO[u].sees].sort(), `${u} sees exactly their fixture enterprises`);
}

function csvImport(rows: (string | number)[][]): Req {
  const body = multipart({}, { name: 'enterprises.csv', content: Buffer.from(csvText(rows), 'utf8') });
  return { method: 'POST', url: '/enterprises/import', payload: body.payload, headers: body.headers };
}

const ENDPOINTS: Endpoint[] = [
  {
    route: 'GET /auth/me',
    variant: '',
    request: () => ({ method: 'GET', url: '/auth/me' }),
    expect: all(200),
    check: (res, u, w) => assert.equal(res.json().id, w.env.fixture.users[u]!.id),
  },
  { route: 'GET /dictionaries', variant: '', request: () => ({ method: 'GET', url: '/dictionaries' }), expect: all(200) },
  {
    route: 'GET /regions',
    variant: 'scope root',
    request: () => ({ method: 'GET', url: '/regions' }),
    expect: all(200),
    check: (res, u) => {
      const roots = res.json() as { code: string }[];
      assert.equal(roots.length, 1);
      assert.ok(roots[0]!.code.startsWith(WHO[u].prefix), `root ${roots[0]!.code} inside ${WHO[u].prefix}`);
    },
  },
  {
    route: 'GET /regions?parent=',
    variant: 'outside scope',
    request: (_w, u) => ({ method: 'GET', url: `/regions?parent=${WHO[u].foreign.slice(0, 6)}` }),
    expect: all(403),
  },
  {
    route: 'GET /regions/:code',
    variant: 'inside scope',
    request: (_w, u) => ({ method: 'GET', url: `/regions/${WHO[u].home}` }),
    expect: all(200),
  },
  {
    route: 'GET /regions/:code',
    variant: 'outside scope',
    request: (_w, u) => ({ method: 'GET', url: `/regions/${WHO[u].foreign}` }),
    expect: all(403),
  },
  {
    route: 'GET /departments',
    variant: 'list',
    request: () => ({ method: 'GET', url: '/departments?pageSize=200' }),
    expect: all(200),
    check: (res, u) => {
      const items = res.json().items as { regionCode: string; code: string }[];
      for (const d of items) assert.ok(d.regionCode.startsWith(WHO[u].prefix), `${u} sees department ${d.code} of ${d.regionCode}`);
      if (u === 'coordinatorSuzhou') assert.deepEqual(items.map((d) => d.code), ['D-yj-320500']);
    },
  },
  {
    route: 'GET /users',
    variant: 'list',
    request: () => ({ method: 'GET', url: '/users?pageSize=200' }),
    expect: only(['admin', 'coordinator', 'coordinatorSuzhou'], 200, 403),
    check: (res, u) => {
      const items = res.json().items as { username: string; regionCode: string }[];
      for (const x of items) assert.ok(x.regionCode.startsWith(WHO[u].prefix), `${u} sees user ${x.username} of ${x.regionCode}`);
      if (u === 'coordinatorSuzhou') {
        assert.ok(!items.some((x) => x.username === 'coordinator' || x.username === 'inspector'), 'no Nanjing users for Suzhou');
        assert.ok(items.some((x) => x.username === 'inspectorSuzhou'));
      }
    },
  },
  {
    route: 'POST /users',
    variant: 'inside scope',
    request: (w, u) => ({
      method: 'POST',
      url: '/users',
      payload: { username: `made_by_${u}_${w.next()}`, displayName: '新专家', password: 'Passw0rd123', role: 'expert', regionCode: WHO[u].home },
    }),
    expect: only(['admin'], 201, 403),
  },
  {
    route: 'POST /users',
    variant: 'outside scope',
    request: (w, u) => ({
      method: 'POST',
      url: '/users',
      payload: { username: `far_by_${u}_${w.next()}`, password: 'Passw0rd123', role: 'expert', regionCode: WHO[u].foreign },
    }),
    expect: only(['admin'], 422, 403),
    check: (res) => assert.ok(res.json().details.some((d: { field: string }) => d.field === 'regionCode')),
  },
  { route: 'GET /audit', variant: '', request: () => ({ method: 'GET', url: '/audit' }), expect: only(['admin'], 200, 403) },
  {
    route: 'GET /audit/verify',
    variant: '',
    request: () => ({ method: 'GET', url: '/audit/verify' }),
    expect: only(['admin'], 200, 403),
    check: (res) => assert.equal(res.json().ok, true),
  },
  {
    route: 'GET /enterprises',
    variant: 'list',
    request: () => ({ method: 'GET', url: '/enterprises?pageSize=200' }),
    expect: all(200),
    check: (res, u, w) => {
      const items = res.json().items as { uscc: string; regionCode: string }[];
      for (const e of items) assert.ok(e.regionCode.startsWith(WHO[u].prefix), `${u} sees ${e.uscc} of ${e.regionCode}`);
      assertSeesExactly(w, u, items.map((e) => e.uscc));
    },
  },
  {
    route: 'GET /enterprises',
    variant: 'keyword search',
    request: () => ({ method: 'GET', url: `/enterprises?keyword=${encodeURIComponent('化工')}&pageSize=200` }),
    expect: all(200),
    check: (res, u, w) => {
      const items = res.json().items as { uscc: string; name: string }[];
      const byCode = fixtureCodes(w);
      for (const e of items) if (byCode.has(e.uscc)) assert.ok(WHO[u].sees.includes(byCode.get(e.uscc)!), `${u} found ${e.name} by keyword`);
    },
  },
  {
    route: 'GET /enterprises',
    variant: 'filter by a region outside scope',
    request: (_w, u) => ({ method: 'GET', url: `/enterprises?regionCode=${WHO[u].foreign}&pageSize=200` }),
    expect: all(200),
    check: (res, u) => {
      const items = res.json().items as { regionCode: string }[];
      assert.ok(items.every((e) => e.regionCode.startsWith(WHO[u].prefix)), 'a region filter cannot widen the scope');
    },
  },
  {
    route: 'GET /enterprises/:id',
    variant: 'inside scope',
    request: (w, u) => ({ method: 'GET', url: `/enterprises/${idOf(w, WHO[u].inside)}` }),
    expect: all(200),
    check: (res, u, w) => {
      const e = res.json() as { uscc: string; tenants: { uscc: string }[]; landlord: { uscc: string } | null };
      assert.equal(e.uscc, w.env.fixture.enterprises[WHO[u].inside].uscc);
      // 厂中厂 links never name an enterprise outside the scope
      const byCode = fixtureCodes(w);
      for (const t of [...e.tenants, ...(e.landlord ? [e.landlord] : [])]) {
        assert.ok(WHO[u].sees.includes(byCode.get(t.uscc)!), `${u} learns of ${t.uscc} through a 厂中厂 link`);
      }
    },
  },
  {
    route: 'GET /enterprises/:id',
    variant: 'outside scope → 404, not 403',
    request: (w, u) => ({ method: 'GET', url: `/enterprises/${WHO[u].outside ? idOf(w, WHO[u].outside!) : 987654}` }),
    expect: all(404),
  },
  {
    route: 'GET /enterprises/:id/history',
    variant: 'inside scope',
    request: (w, u) => ({ method: 'GET', url: `/enterprises/${idOf(w, WHO[u].inside)}/history` }),
    expect: all(200),
  },
  {
    route: 'GET /enterprises/:id/history',
    variant: 'outside scope',
    request: (w, u) => ({ method: 'GET', url: `/enterprises/${WHO[u].outside ? idOf(w, WHO[u].outside!) : 987654}/history` }),
    expect: all(404),
  },
  {
    route: 'POST /enterprises',
    variant: 'inside scope',
    request: (w, u) => ({
      method: 'POST',
      url: '/enterprises',
      payload: enterpriseBody({
        uscc: uscc('320115', `PA${String(w.next()).padStart(7, '0')}`),
        name: `授权测试${u}建筑有限公司`,
        regionCode: WHO[u].home,
        industryDomain: 'construction',
        industryCode: 'E4710',
      }),
    }),
    expect: only(WRITERS, 201, 403),
    check: (res, u) => assert.equal(res.json().regionCode, WHO[u].home),
  },
  {
    route: 'POST /enterprises',
    variant: 'outside scope',
    request: (w, u) => ({
      method: 'POST',
      url: '/enterprises',
      payload: enterpriseBody({
        uscc: uscc('320115', `PB${String(w.next()).padStart(7, '0')}`),
        name: `越权测试${u}建筑有限公司`,
        regionCode: WHO[u].foreign,
        industryDomain: 'construction',
        industryCode: 'E4710',
      }),
    }),
    expect: only(WRITERS, 422, 403),
    check: (res) => assert.deepEqual(res.json().details.map((d: { field: string }) => d.field), ['regionCode']),
  },
  {
    route: 'PUT /enterprises/:id',
    variant: 'inside scope',
    request: async (w, u) => {
      const id = idOf(w, WHO[u].inside);
      const detail = (await call(w.env.app, w.cookies.admin, { method: 'GET', url: `/enterprises/${id}` })).json();
      return { method: 'PUT', url: `/enterprises/${id}`, payload: updateBody(detail, { address: `${u} 改过的地址` }) };
    },
    expect: only(WRITERS, 200, 403),
    check: (res, u) => assert.equal(res.json().address, `${u} 改过的地址`),
  },
  {
    route: 'PUT /enterprises/:id',
    variant: 'outside scope',
    request: async (w, u) => {
      const id = WHO[u].outside ? idOf(w, WHO[u].outside!) : 987654;
      const seen = await call(w.env.app, w.cookies.admin, { method: 'GET', url: `/enterprises/${id === 987654 ? idOf(w, 'jiangningChem') : id}` });
      return { method: 'PUT', url: `/enterprises/${id}`, payload: updateBody(seen.json(), { address: `${u} 越权改的地址` }) };
    },
    expect: only(WRITERS, 404, 403),
  },
  {
    route: 'GET /enterprises/export',
    variant: 'list',
    request: () => ({ method: 'GET', url: '/enterprises/export' }),
    expect: only(['enterprise', 'enterpriseOther'], 403, 200),
    check: async (res, u, w) => {
      const rows = await readXlsx(res.rawPayload);
      assert.equal(rows[0]![0], '统一社会信用代码');
      assertSeesExactly(w, u, rows.slice(1).map((r) => r[0]!));
    },
  },
  {
    route: 'GET /enterprises/import/template',
    variant: '',
    request: () => ({ method: 'GET', url: '/enterprises/import/template' }),
    expect: all(200),
  },
  {
    route: 'POST /enterprises/import',
    variant: 'inside scope',
    request: (w, u) =>
      csvImport([
        ['统一社会信用代码', '企业名称', '行政区划代码', '行业领域'],
        [uscc('320115', `PC${String(w.next()).padStart(7, '0')}`), `导入测试${u}建筑公司`, WHO[u].home, '建筑施工'],
      ]),
    expect: only(WRITERS, 202, 403),
    check: async (res, u, w) => {
      const job = await waitJob(w.env.app, w.cookies[u], res.json().jobId);
      assert.equal(job.result?.written, true, JSON.stringify(job));
      assert.equal(job.result?.created, 1);
    },
  },
  {
    route: 'POST /enterprises/import',
    variant: 'outside scope',
    request: (w, u) =>
      csvImport([
        ['统一社会信用代码', '企业名称', '行政区划代码', '行业领域'],
        [uscc('320115', `PD${String(w.next()).padStart(7, '0')}`), `越权导入${u}建筑公司`, WHO[u].foreign, '建筑施工'],
      ]),
    expect: only(WRITERS, 202, 403),
    check: async (res, u, w) => {
      const job = await waitJob(w.env.app, w.cookies[u], res.json().jobId);
      assert.equal(job.result?.written, false);
      assert.deepEqual(job.result?.errors.map((e) => [e.row, e.field]), [[2, '行政区划代码']]);
    },
  },
  {
    route: 'GET /jobs/:id',
    variant: "of inspector's import",
    request: (w) => ({ method: 'GET', url: `/jobs/${w.jobId}` }),
    expect: only(['inspector', 'admin'], 200, 404),
  },
  {
    route: 'GET /departments/export',
    variant: 'list',
    request: () => ({ method: 'GET', url: '/departments/export' }),
    expect: all(200),
    check: async (res, u) => {
      const out = await readXlsx(res.rawPayload);
      for (const r of out.slice(1)) assert.ok(r[4]!.startsWith(WHO[u].prefix), `${u} exports department ${r[0]} of ${r[4]}`);
    },
  },
  {
    route: 'GET /users/export',
    variant: 'list',
    request: () => ({ method: 'GET', url: '/users/export' }),
    expect: only(COORDINATORS, 200, 403),
    check: async (res, u) => {
      const names = (await readXlsx(res.rawPayload)).slice(1).map((r) => r[0]);
      if (u === 'coordinatorSuzhou') assert.ok(!names.includes('coordinator') && !names.includes('inspector') && names.includes('inspectorSuzhou'), names.join());
      if (u === 'coordinator') assert.ok(!names.includes('inspectorSuzhou') && names.includes('inspector'), names.join());
    },
  },
  { route: 'GET /audit/export', variant: '', request: () => ({ method: 'GET', url: '/audit/export' }), expect: only(['admin'], 200, 403) },
  // ——— 检查事项库 item library ———
  { route: 'GET /items', variant: 'list', request: () => ({ method: 'GET', url: '/items?pageSize=5' }), expect: all(200) },
  {
    route: 'POST /items',
    variant: '',
    request: (w, u) => ({ method: 'POST', url: '/items', payload: { code: `AM-${u}-${w.next()}`, text: '授权测试事项', line: 'emergency' } }),
    expect: only(COORDINATORS, 201, 403),
  },
  {
    route: 'PUT /items/:id',
    variant: 'a new version',
    request: async (w, u) => {
      const item = await asAdmin(w, { method: 'POST', url: '/items', payload: { code: `AV-${u}-${w.next()}`, text: '待修订事项', line: 'emergency' } }, 201);
      return { method: 'PUT', url: `/items/${item.id}`, payload: { text: '修订后的事项', line: 'emergency' } };
    },
    expect: only(COORDINATORS, 200, 403),
    check: (res) => assert.equal(res.json().version, 2),
  },
  { route: 'GET /items/export', variant: '', request: () => ({ method: 'GET', url: '/items/export' }), expect: all(200) },
  {
    route: 'POST /items/import',
    variant: '',
    request: (w, u) => {
      const body = multipart({}, { name: 'items.csv', content: Buffer.from(csvText([['编码', '检查内容', '条线'], [`AI-${u}-${w.next()}`, '导入的检查事项', 'emergency']]), 'utf8') });
      return { method: 'POST', url: '/items/import', payload: body.payload, headers: body.headers };
    },
    expect: only(COORDINATORS, 200, 403),
    check: (res) => assert.equal(res.json().created, 1),
  },
  // ——— 执法人员库 inspectors, 专家库 experts ———
  {
    route: 'GET /inspectors',
    variant: 'list',
    request: () => ({ method: 'GET', url: '/inspectors?pageSize=100' }),
    expect: planners(200),
    check: (res, u, w) => {
      const items = res.json().items as { username: string; regionCode: string; department: { id: number } | null }[];
      for (const i of items) assert.ok(i.regionCode.startsWith(WHO[u].prefix.slice(0, 4)), `${u} sees inspector ${i.username} of ${i.regionCode}`);
      if (!COORDINATORS.includes(u)) {
        const own = w.env.fixture.departments[HOME_DEPT[u]];
        for (const i of items) assert.equal(i.department?.id, own, `${u} sees ${i.username} of another department`);
      }
      assert.ok(items.some((i) => i.username === INSIDE_INSPECTOR[u]), `${u} sees ${INSIDE_INSPECTOR[u]}`);
    },
  },
  {
    route: 'GET /inspectors/export',
    variant: 'list',
    request: () => ({ method: 'GET', url: '/inspectors/export' }),
    expect: planners(200),
    check: async (res, u) => {
      const names = (await readXlsx(res.rawPayload)).slice(1).map((r) => r[1]);
      assert.ok(names.includes(INSIDE_INSPECTOR[u]), `${u} exports ${INSIDE_INSPECTOR[u]}`);
      if (u === 'coordinatorSuzhou' || u === 'inspectorSuzhou') assert.ok(!names.includes('inspector'), `${u} exports a Nanjing inspector`);
      else if (u !== 'admin') assert.ok(!names.includes('inspectorSuzhou'), `${u} exports a Suzhou inspector`);
    },
  },
  {
    route: 'GET /inspectors/:userId/profile',
    variant: 'inside scope',
    request: (w, u) => ({ method: 'GET', url: `/inspectors/${userId(w, INSIDE_INSPECTOR[u])}/profile` }),
    expect: planners(200),
  },
  {
    route: 'GET /inspectors/:userId/profile',
    variant: 'outside scope',
    request: (w, u) => ({ method: 'GET', url: `/inspectors/${userId(w, OUTSIDE_INSPECTOR[u])}/profile` }),
    expect: planners(404),
  },
  {
    route: 'PUT /inspectors/:userId/profile',
    variant: 'inside scope: unavailable days (the inspector themself too)',
    request: (w, u) => ({ method: 'PUT', url: `/inspectors/${userId(w, INSIDE_INSPECTOR[u])}/profile`, payload: { unavailable: ['2027-12-24'] } }),
    expect: planners(200),
    check: (res) => assert.deepEqual(res.json().unavailable, ['2027-12-24']),
  },
  {
    route: 'PUT /inspectors/:userId/profile',
    variant: 'inside scope: capacity (managers only)',
    request: (w, u) => ({ method: 'PUT', url: `/inspectors/${userId(w, INSIDE_INSPECTOR[u])}/profile`, payload: { dailyCapacity: 1 } }),
    expect: plannersOr403(APPROVERS, 200, 403),
  },
  {
    route: 'PUT /inspectors/:userId/profile',
    variant: 'outside scope',
    request: (w, u) => ({ method: 'PUT', url: `/inspectors/${userId(w, OUTSIDE_INSPECTOR[u])}/profile`, payload: { unavailable: ['2027-12-25'] } }),
    expect: planners(404),
  },
  {
    route: 'GET /experts',
    variant: 'list',
    request: () => ({ method: 'GET', url: '/experts?pageSize=100' }),
    expect: only(['grid', 'enterprise', 'enterpriseOther'], 403, 200),
    check: (res, u) => {
      const items = res.json().items as { name: string; regionCode: string }[];
      for (const x of items) assert.ok(x.regionCode.startsWith(WHO[u].prefix) || x.regionCode === '320000', `${u} sees expert ${x.name} of ${x.regionCode}`);
      if (u === 'coordinatorSuzhou') assert.deepEqual(items.map((x) => x.name), ['苏州测试专家']);
    },
  },
  // ——— 检查频次矩阵, 计划建议, 执法计划 ———
  { route: 'GET /planning/frequency-matrix', variant: '', request: () => ({ method: 'GET', url: '/planning/frequency-matrix' }), expect: all(200) },
  {
    route: 'PUT /planning/frequency-matrix',
    variant: 'admin only',
    request: async (w) => ({ method: 'PUT', url: '/planning/frequency-matrix', payload: await asAdmin(w, { method: 'GET', url: '/planning/frequency-matrix' }, 200) }),
    expect: only(['admin'], 200, 403),
  },
  { route: 'GET /planning/holidays', variant: '', request: () => ({ method: 'GET', url: '/planning/holidays?year=2026' }), expect: all(200) },
  {
    route: 'PUT /planning/holidays',
    variant: 'admin only',
    request: async (w) => ({ method: 'PUT', url: '/planning/holidays', payload: { year: 2026, ...(await asAdmin(w, { method: 'GET', url: '/planning/holidays?year=2026' }, 200)) } }),
    expect: only(['admin'], 200, 403),
  },
  {
    route: 'POST /planning/proposals',
    variant: 'inside scope',
    request: (w, u) => ({ method: 'POST', url: '/planning/proposals', payload: { departmentId: deptId(w, HOME_DEPT[u]), period: YEAR_2026, seed: 'matrix', samplingRate: 1 } }),
    expect: planners(200),
    check: (res, u) => {
      for (const e of res.json().entries as { regionCode: string }[]) assert.ok(e.regionCode.startsWith(WHO[u].prefix.slice(0, 4)), `${u} proposes ${e.regionCode}`);
    },
  },
  {
    route: 'POST /planning/proposals',
    variant: 'outside scope',
    request: (w, u) => ({ method: 'POST', url: '/planning/proposals', payload: { departmentId: deptId(w, FOREIGN_DEPT[u]), period: YEAR_2026, seed: 'matrix' } }),
    expect: planners(404),
  },
  {
    route: 'POST /plans',
    variant: 'inside scope',
    request: (w, u) => {
      const day = w.planning.day();
      return {
        method: 'POST',
        url: '/plans',
        payload: {
          departmentId: deptId(w, HOME_DEPT[u]),
          period: { start: '2027-01-01', end: '2027-12-31' },
          entries: [{ enterpriseId: idOf(w, DEPT_ENTERPRISE[HOME_DEPT[u]]), window: { start: day, end: day } }],
        },
      };
    },
    expect: planners(201),
    check: (res) => assert.equal(res.json().status, 'draft'),
  },
  {
    route: 'POST /plans',
    variant: 'outside scope',
    request: (w, u) => {
      const day = w.planning.day();
      const d = FOREIGN_DEPT[u];
      return {
        method: 'POST',
        url: '/plans',
        payload: {
          departmentId: deptId(w, d),
          period: { start: '2027-01-01', end: '2027-12-31' },
          entries: [{ enterpriseId: idOf(w, DEPT_ENTERPRISE[d ?? 'D-yj-320100']), window: { start: day, end: day } }],
        },
      };
    },
    expect: planners(404),
  },
  {
    route: 'GET /plans',
    variant: 'list',
    request: () => ({ method: 'GET', url: '/plans?pageSize=100&year=2026' }),
    expect: planners(200),
    check: (res, u, w) => {
      const items = res.json().items as { id: number; regionCode: string; line: string; status: string; department: { id: number } }[];
      const P = w.planning.plans;
      const ids = items.map((p) => p.id);
      assert.ok(ids.includes(P[INSIDE_PLAN[u]]), `${u} sees their plan`);
      const out = OUTSIDE_PLAN[u];
      if (out) assert.ok(!ids.includes(P[out]), `${u} does not see plan ${out}`);
      if (u === 'coordinatorSuzhou' || u === 'inspectorSuzhou') assert.ok(items.every((p) => p.regionCode.startsWith('3205')), `${u} sees Nanjing plans`);
      if (u === 'coordinator' || u === 'depthead' || u === 'inspector') assert.ok(items.every((p) => p.regionCode.startsWith('3201')), `${u} sees Suzhou plans`);
      if (u === 'inspectorHousing') assert.ok(items.every((p) => p.line === 'housing'), 'the housing line sees no emergency plan');
      if (u === 'inspector') {
        const own = w.env.fixture.departments['D-yj-320115'];
        assert.ok(items.every((p) => p.department.id === own || p.status !== 'draft'), "no other department's draft");
      }
    },
  },
  {
    route: 'GET /plans/export',
    variant: 'list',
    request: () => ({ method: 'GET', url: '/plans/export?year=2026' }),
    expect: planners(200),
    check: async (res, u, w) => {
      const ids = (await readXlsx(res.rawPayload)).slice(1).map((r) => Number(r[0]));
      const P = w.planning.plans;
      assert.ok(ids.includes(P[INSIDE_PLAN[u]]), `${u} exports their plan`);
      const out = OUTSIDE_PLAN[u];
      if (out) assert.ok(!ids.includes(P[out]), `${u} exports plan ${out}`);
    },
  },
  {
    route: 'GET /plans/:id',
    variant: 'inside scope',
    request: (w, u) => ({ method: 'GET', url: `/plans/${planId(w, INSIDE_PLAN[u])}` }),
    expect: planners(200),
  },
  {
    route: 'GET /plans/:id',
    variant: 'outside scope → 404',
    request: (w, u) => ({ method: 'GET', url: `/plans/${planId(w, OUTSIDE_PLAN[u])}` }),
    expect: planners(404),
  },
  {
    route: 'PUT /plans/:id',
    variant: 'inside scope (a draft)',
    request: async (w, u) => {
      const id = await freshPlan(w, HOME_DEPT[u], 'draft');
      const day = w.planning.day();
      const entry = (await asAdmin(w, { method: 'GET', url: `/plans/${id}` }, 200)).entries[0];
      return {
        method: 'PUT',
        url: `/plans/${id}`,
        payload: { period: { start: '2027-01-01', end: '2027-12-31' }, entries: [{ id: entry.id, enterpriseId: entry.enterpriseId, window: { start: day, end: day } }] },
      };
    },
    expect: planners(200),
  },
  {
    route: 'PUT /plans/:id',
    variant: 'outside scope',
    request: async (w, u) => {
      const d = FOREIGN_DEPT[u];
      const id = d ? await freshPlan(w, d, 'draft') : NOBODY;
      const day = w.planning.day();
      return { method: 'PUT', url: `/plans/${id}`, payload: { period: { start: '2027-01-01', end: '2027-12-31' }, entries: [{ enterpriseId: idOf(w, DEPT_ENTERPRISE[d ?? 'D-yj-320100']), window: { start: day, end: day } }] } };
    },
    expect: planners(404),
  },
  {
    route: 'PUT /plans/:id',
    variant: 'a published plan the user reads',
    request: (w, u) => ({ method: 'PUT', url: `/plans/${planId(w, INSIDE_PLAN[u] === 'cityDraft' ? 'city' : INSIDE_PLAN[u])}`, payload: { period: YEAR_2026, entries: [] } }),
    // the district inspector reads the city's plan but may not edit it; the others may, but it is no longer a draft
    expect: (u) => (!PLANNERS.includes(u) || u === 'inspector' ? 403 : 409),
  },
  ...planActionRows('submit', 'draft', SUBMITTERS, 'submitted'),
  ...planActionRows('approve', 'submitted', APPROVERS, 'approved'),
  ...planActionRows('publish', 'approved', APPROVERS, 'published'),
  ...planActionRows('return', 'submitted', APPROVERS, 'draft'),
  {
    route: 'GET /public/plans',
    variant: 'published plans only',
    request: () => ({ method: 'GET', url: '/public/plans?pageSize=50' }),
    expect: all(200),
    check: async (res, _u, w) => {
      const items = res.json().items as { id: number }[];
      const P = w.planning.plans;
      for (const k of ['city', 'district', 'housing', 'suzhou'] as const) assert.ok(items.some((p) => p.id === P[k]), `published plan ${k} is public`);
      assert.ok(!items.some((p) => p.id === P.cityDraft), 'a draft is not public');
      const st = await rows<{ status: string }>(w.env.database.db, sql`SELECT status FROM plans WHERE id IN (${sql.join(items.map((p) => sql`${p.id}`), sql`, `)})`);
      assert.ok(st.every((x) => x.status === 'published'), 'only published plans');
    },
  },
  // ——— 联检碰撞 collision runs ———
  {
    route: 'POST /collision-runs',
    variant: 'inside scope',
    request: (_w, u) => ({ method: 'POST', url: '/collision-runs', payload: { regionCode: RUN_REGION[u], ...RUN_PERIOD, seed: 3 } }),
    expect: only(COORDINATORS, 202, 403),
    check: async (res, u, w) => assert.equal((await waitJob(w.env.app, w.cookies[u], res.json().jobId)).status, 'done'),
  },
  {
    route: 'POST /collision-runs',
    variant: 'outside scope',
    request: (_w, u) => ({ method: 'POST', url: '/collision-runs', payload: { regionCode: u === 'admin' ? '999999' : RUN_REGION[u] === '320100' ? '320505' : '320115', ...RUN_PERIOD } }),
    expect: only(COORDINATORS, 422, 403),
    check: (res) => assert.deepEqual(res.json().details.map((d: { field: string }) => d.field), ['regionCode']),
  },
  {
    route: 'GET /collision-runs',
    variant: 'list',
    request: () => ({ method: 'GET', url: '/collision-runs?pageSize=100' }),
    expect: planners(200),
    check: (res, u, w) => {
      const items = res.json().items as { id: number; regionCode: string }[];
      const ids = items.map((r) => r.id);
      assert.ok(ids.includes(w.planning.runs[INSIDE_RUN[u]]), `${u} sees their run`);
      if (u !== 'admin') {
        const city = RUN_REGION[u].slice(0, 4);
        assert.ok(items.every((r) => r.regionCode.startsWith(city)), `${u} sees another city's runs`);
      }
    },
  },
  {
    route: 'GET /collision-runs/:id',
    variant: 'inside scope',
    request: (w, u) => ({ method: 'GET', url: `/collision-runs/${runId(w, INSIDE_RUN[u])}` }),
    expect: planners(200),
    check: (res) => assert.ok(res.json().visits.length > 0),
  },
  {
    route: 'GET /collision-runs/:id',
    variant: 'outside scope → 404',
    request: (w, u) => ({ method: 'GET', url: `/collision-runs/${runId(w, outsideRun(u))}` }),
    expect: planners(404),
  },
  {
    route: 'GET /collision-runs/:id/plans/:planId/explain',
    variant: 'inside scope',
    request: (w, u) => ({ method: 'GET', url: `/collision-runs/${runId(w, INSIDE_RUN[u])}/plans/P-${w.planning.entries[INSIDE_RUN[u] === 'nanjing' ? 'city' : 'suzhou']}/explain` }),
    expect: planners(200),
  },
  {
    route: 'GET /collision-runs/:id/plans/:planId/explain',
    variant: 'outside scope',
    request: (w, u) => {
      const r = outsideRun(u);
      return { method: 'GET', url: `/collision-runs/${runId(w, r)}/plans/P-${w.planning.entries[r === 'suzhou' ? 'suzhou' : 'city']}/explain` };
    },
    expect: planners(404),
  },
  {
    route: 'POST /collision-runs/:id/visits/:visitId/move',
    variant: 'inside scope',
    request: async (w, u) => {
      const id = runId(w, openRun(INSIDE_RUN[u]));
      const v = (await asAdmin(w, { method: 'GET', url: `/collision-runs/${id}?pageSize=1` }, 200)).visits[0];
      return { method: 'POST', url: `/collision-runs/${id}/visits/${v.id}/move`, payload: { date: v.date } };
    },
    expect: only(COORDINATORS, 200, 403),
    check: (res) => assert.deepEqual(res.json().violations, []),
  },
  {
    route: 'POST /collision-runs/:id/visits/:visitId/move',
    variant: 'outside scope',
    request: (w, u) => {
      const r = outsideRun(u);
      return { method: 'POST', url: `/collision-runs/${r ? runId(w, openRun(r)) : NOBODY}/visits/V-000001/move`, payload: { date: '2026-04-01' } };
    },
    expect: only(COORDINATORS, 404, 403),
  },
  {
    route: 'POST /collision-runs/:id/publish',
    variant: 'inside scope (a fresh run)',
    request: async (w, u) => {
      if (!COORDINATORS.includes(u)) return { method: 'POST', url: `/collision-runs/${w.planning.runs[openRun(INSIDE_RUN[u])]}/publish` };
      const day = w.planning.monday();
      await freshPlan(w, u === 'coordinatorSuzhou' ? 'D-yj-320500' : 'D-yj-320115', 'approved', day);
      const id = await runCollision(w.env, w.cookies.admin, RUN_REGION[u], { start: day, end: day });
      return { method: 'POST', url: `/collision-runs/${id}/publish` };
    },
    expect: only(COORDINATORS, 200, 403),
    check: (res) => assert.equal(res.json().status, 'published'),
  },
  {
    route: 'POST /collision-runs/:id/publish',
    variant: 'outside scope',
    request: (w, u) => {
      const r = outsideRun(u);
      return { method: 'POST', url: `/collision-runs/${r ? runId(w, openRun(r)) : NOBODY}/publish` };
    },
    expect: only(COORDINATORS, 404, 403),
  },
  {
    route: 'GET /collision-runs/:id/task-list.xlsx',
    variant: 'inside scope',
    request: (w, u) => ({ method: 'GET', url: `/collision-runs/${runId(w, INSIDE_RUN[u])}/task-list.xlsx` }),
    expect: planners(200),
    check: async (res, u) => {
      const rowsOut = await readXlsx(res.rawPayload);
      assert.ok(rowsOut.length > 1, 'the run has tasks');
      if (!COORDINATORS.includes(u)) {
        for (const r of rowsOut.slice(1)) assert.equal(r[6], DEPT_NAME[HOME_DEPT[u]], `${u} gets another department's tasks`);
      }
    },
  },
  {
    route: 'GET /collision-runs/:id/task-list.xlsx',
    variant: 'outside scope',
    request: (w, u) => ({ method: 'GET', url: `/collision-runs/${runId(w, outsideRun(u))}/task-list.xlsx` }),
    expect: planners(404),
  },
  // ——— 我的检查任务, 企业检查日历 ———
  {
    route: 'GET /my/visits',
    variant: 'own visits only',
    request: () => ({ method: 'GET', url: '/my/visits' }),
    expect: all(200),
    check: (res, u, w) => {
      const me = w.env.fixture.users[u]!.id;
      const items = res.json().items as { departments: { inspectors: { userId: number }[] }[] }[];
      for (const v of items) assert.ok(v.departments.some((d) => d.inspectors.some((i) => i.userId === me)), `${u} sees a visit they are not on`);
      if (u === 'inspector' || u === 'inspectorSuzhou' || u === 'inspectorHousing') assert.ok(items.length > 0, `${u} has visits`);
      if (!PLANNERS.includes(u) || COORDINATORS.includes(u) || u === 'depthead') assert.equal(items.length, 0);
    },
  },
  {
    route: 'GET /enterprises/:id/visits',
    variant: 'inside scope',
    request: (w, u) => ({ method: 'GET', url: `/enterprises/${idOf(w, WHO[u].inside)}/visits` }),
    expect: all(200),
    check: (res, u, w) => {
      const items = res.json().items as { enterprise: { id: number } }[];
      for (const v of items) assert.equal(v.enterprise.id, idOf(w, WHO[u].inside));
      if (u === 'enterprise' || u === 'enterpriseOther') assert.ok(items.length > 0, 'the officer sees their calendar');
    },
  },
  {
    route: 'GET /enterprises/:id/visits',
    variant: 'outside scope → 404',
    request: (w, u) => ({ method: 'GET', url: `/enterprises/${WHO[u].outside ? idOf(w, WHO[u].outside!) : NOBODY}/visits` }),
    expect: all(404),
  },
];

/** Second inspectors (two officers per action), two experts, the plans of four departments, two runs per city. */
async function buildPlanningWorld(w: World) {
  const { database, fixture } = w.env;
  const db = database.db;
  const extra = [
    ['cityA', 'D-yj-320100', '320100'],
    ['cityB', 'D-yj-320100', '320100'],
    ['jnYj2', 'D-yj-320115', '320115'],
    ['jnZj2', 'D-zj-320115', '320115'],
    ['szYj2', 'D-yj-320500', '320500'],
  ] as const;
  for (const [u, d, r] of extra) {
    await db.execute(sql`INSERT INTO users (username, display_name, password_hash, role, region_code, department_id)
      VALUES (${u}, ${u}, 'x', 'inspector', ${r}, ${fixture.departments[d]!})`);
  }
  await db.execute(sql`INSERT INTO experts (name, region_code, title) VALUES ('南京测试专家', '320102', '高级工程师'), ('苏州测试专家', '320505', '高级工程师')`);

  const E = fixture.enterprises;
  const plan = async (who: User, dept: DeptCode, enterprise: Ent, window: { start: string; end: string }, steps: [User, string][]) => {
    const res = await call(w.env.app, w.cookies[who], {
      method: 'POST',
      url: '/plans',
      payload: { departmentId: fixture.departments[dept], period: YEAR_2026, entries: [{ enterpriseId: E[enterprise].id, window, requiredQualifications: [] }] },
    });
    assert.equal(res.statusCode, 201, res.body);
    for (const [by, action] of steps) {
      const r = await call(w.env.app, w.cookies[by], { method: 'POST', url: `/plans/${res.json().id}/${action}` });
      assert.equal(r.statusCode, 200, `${by} ${action}: ${r.body}`);
    }
    return { id: res.json().id as number, entry: res.json().entries[0].id as number };
  };
  const city = await plan('depthead', 'D-yj-320100', 'jiangningChem', { start: '2026-03-02', end: '2026-06-30' }, [['depthead', 'submit'], ['depthead', 'approve'], ['depthead', 'publish']]);
  const cityDraft = await plan('depthead', 'D-yj-320100', 'jiangningChem', { start: '2026-09-01', end: '2026-09-30' }, []);
  const district = await plan('inspector', 'D-yj-320115', 'jiangningMachine', { start: '2026-03-02', end: '2026-04-30' }, [['inspector', 'submit'], ['coordinator', 'approve'], ['coordinator', 'publish']]);
  const housing = await plan('inspectorHousing', 'D-zj-320115', 'jiangningConstruction', { start: '2026-04-01', end: '2026-04-30' }, [['inspectorHousing', 'submit'], ['coordinator', 'approve'], ['coordinator', 'publish']]);
  const suzhou = await plan('inspectorSuzhou', 'D-yj-320500', 'suzhouChem', { start: '2026-03-02', end: '2026-06-30' }, [['inspectorSuzhou', 'submit'], ['coordinatorSuzhou', 'approve'], ['coordinatorSuzhou', 'publish']]);
  w.planning.plans = { city: city.id, cityDraft: cityDraft.id, district: district.id, housing: housing.id, suzhou: suzhou.id };
  w.planning.entries = { city: city.entry, suzhou: suzhou.entry };

  const nanjing = await runCollision(w.env, w.cookies.coordinator, '320100', RUN_PERIOD);
  const pub = await call(w.env.app, w.cookies.coordinator, { method: 'POST', url: `/collision-runs/${nanjing}/publish` });
  assert.equal(pub.statusCode, 200, pub.body);
  const suzhouRun = await runCollision(w.env, w.cookies.coordinatorSuzhou, '320500', RUN_PERIOD);
  const pubS = await call(w.env.app, w.cookies.coordinatorSuzhou, { method: 'POST', url: `/collision-runs/${suzhouRun}/publish` });
  assert.equal(pubS.statusCode, 200, pubS.body);
  const nanjingOpen = await runCollision(w.env, w.cookies.coordinator, '320100', RUN_PERIOD);
  const suzhouOpen = await runCollision(w.env, w.cookies.coordinatorSuzhou, '320500', RUN_PERIOD);
  w.planning.runs = { nanjing, suzhou: suzhouRun, nanjingOpen, suzhouOpen };
}

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
    Object.assign(world, { env: e, cookies, jobId, next: () => ++counter, planning });
    await buildPlanningWorld(world);
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
