/**
 * The world of the authorization matrix (越权访问): the users, what each may see, the fixture ids and the planning
 * world the suite builds through the API. Row modules (`*.rows.ts` beside this file) import from here; a new
 * capability adds its own rows file (and, if it needs records, a `setup`) to `index.ts` — never a route without rows.
 */
import assert from 'node:assert/strict';
import { sql } from '../../../src/db/client.ts';
import type { TestEnv } from '../../support/harness.ts';
import type { Fixture } from '../../support/fixture.ts';
import { call, csvText, multipart, waitJob, type Req } from '../helpers.ts';

export const USERS = [
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
export type User = (typeof USERS)[number];
export type Ent = keyof Fixture['enterprises'];

export const NANJING: Ent[] = ['jiangningChem', 'jiangningMachine', 'jiangningConstruction', 'jiangningTenant', 'xuanwuShop'];
export const JIANGNING: Ent[] = ['jiangningChem', 'jiangningMachine', 'jiangningConstruction', 'jiangningTenant'];

/** What each user may see, written out by hand from the fixture (not computed by the code under test). */
export const WHO: Record<
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

export const WRITERS = USERS.filter((u) => WHO[u].writer);
export const only = (allowed: readonly User[], yes: number, no: number) => (u: User) => (allowed.includes(u) ? yes : no);
export const all = (status: number) => () => status;

export interface World {
  env: TestEnv;
  /** State a row module's setup keeps for its rows (keyed by module name). */
  ext: Record<string, unknown>;
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
export interface PlanningWorld {
  plans: Record<'city' | 'cityDraft' | 'district' | 'housing' | 'suzhou', number>;
  /** P-<entry id> of one plan of each run */
  entries: Record<'city' | 'suzhou', number>;
  runs: Record<'nanjing' | 'suzhou' | 'nanjingOpen' | 'suzhouOpen', number>;
  /** a fresh single-day window in 2027 for each new plan (so the three-level check never refuses it) */
  day(): string;
  /** a fresh Monday in 2028 for a fresh publishable run */
  monday(): string;
}

export type PlanKey = keyof PlanningWorld['plans'];
export type RunKey = keyof PlanningWorld['runs'];
export type DeptCode = 'D-yj-320100' | 'D-yj-320115' | 'D-zj-320115' | 'D-yj-320500';

/** Roles that plan (执法计划) and read runs: admin, coordinators, department heads and inspectors. */
export const PLANNERS: User[] = ['admin', 'coordinator', 'coordinatorSuzhou', 'depthead', 'inspector', 'inspectorHousing', 'inspectorSuzhou'];
/** 安委办 and admins: start, move and publish collision runs, edit the item library. */
export const COORDINATORS: User[] = ['admin', 'coordinator', 'coordinatorSuzhou'];
/** Approve, publish and return plans: admin, coordinators, department heads (of their own department). */
export const APPROVERS: User[] = [...COORDINATORS, 'depthead'];
/** Submit a draft: admin and the department's own people. */
export const SUBMITTERS: User[] = ['admin', 'depthead', 'inspector', 'inspectorHousing', 'inspectorSuzhou'];
export const planners = (yes: number) => (u: User) => (PLANNERS.includes(u) ? yes : 403);
export const plannersOr403 = (allowed: readonly User[], yes: number, no: number) => (u: User) => (!PLANNERS.includes(u) ? 403 : allowed.includes(u) ? yes : no);

/** The department each user plans for (a coordinator: a department of its subtree), and one outside their reach. */
export const HOME_DEPT: Record<User, DeptCode> = {
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
export const FOREIGN_DEPT: Record<User, DeptCode | null> = {
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
export const DEPT_ENTERPRISE: Record<DeptCode, Ent> = {
  'D-yj-320100': 'jiangningMachine',
  'D-yj-320115': 'jiangningMachine',
  'D-zj-320115': 'jiangningConstruction',
  'D-yj-320500': 'suzhouChem',
};
export const INSIDE_PLAN: Record<User, PlanKey> = {
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
export const OUTSIDE_PLAN: Record<User, PlanKey | null> = {
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
export const INSIDE_RUN: Record<User, 'nanjing' | 'suzhou'> = {
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
export const otherRun = (r: 'nanjing' | 'suzhou') => (r === 'nanjing' ? 'suzhou' : 'nanjing');
export const outsideRun = (u: User): 'nanjing' | 'suzhou' | null => (u === 'admin' ? null : otherRun(INSIDE_RUN[u]));
export const openRun = (r: 'nanjing' | 'suzhou'): RunKey => (r === 'nanjing' ? 'nanjingOpen' : 'suzhouOpen');
export const RUN_REGION: Record<User, string> = {
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
export const INSIDE_INSPECTOR: Record<User, User> = {
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
export const OUTSIDE_INSPECTOR: Record<User, User | null> = {
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
export const DEPT_NAME: Record<DeptCode, string> = {
  'D-yj-320100': '南京市应急管理局',
  'D-yj-320115': '江宁区应急管理局',
  'D-zj-320115': '江宁区住房和城乡建设局',
  'D-yj-320500': '苏州市应急管理局',
};
export const NOBODY = 987654;
export const YEAR_2026 = { start: '2026-01-01', end: '2026-12-31' };
export const RUN_PERIOD = { start: '2026-03-02', end: '2026-10-30' };

export async function asAdmin(w: World, req: Req, status: number) {
  const res = await call(w.env.app, w.cookies.admin, req);
  assert.equal(res.statusCode, status, `${req.method} ${req.url}: ${res.body.slice(0, 300)}`);
  return res.json();
}

/** A new plan of one department, created and moved to `state` by the admin through the API. */
export async function freshPlan(w: World, dept: DeptCode, state: 'draft' | 'submitted' | 'approved' | 'published', day = w.planning.day()) {
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
export async function runCollision(env: TestEnv, cookie: string, regionCode: string, period: { start: string; end: string }) {
  const res = await call(env.app, cookie, { method: 'POST', url: '/collision-runs', payload: { regionCode, ...period, seed: 7 } });
  assert.equal(res.statusCode, 202, res.body);
  const job = await waitJob(env.app, cookie, res.json().jobId);
  assert.equal(job.status, 'done', JSON.stringify(job));
  return res.json().runId as number;
}

export const planId = (w: World, k: PlanKey | null) => (k ? w.planning.plans[k] : NOBODY);
export const runId = (w: World, k: RunKey | null) => (k ? w.planning.runs[k] : NOBODY);
export const userId = (w: World, u: User | null) => (u ? w.env.fixture.users[u]!.id : NOBODY);
export const deptId = (w: World, d: DeptCode | null) => (d ? w.env.fixture.departments[d]! : NOBODY);
export const planAction = (action: string, state: 'draft' | 'submitted' | 'approved', dept: (u: User) => DeptCode | null) => async (w: World, u: User): Promise<Req> => {
  const d = dept(u);
  const id = d ? await freshPlan(w, d, state) : NOBODY;
  return { method: 'POST', url: `/plans/${id}/${action}`, ...(action === 'return' ? { payload: { note: '退回' } } : {}) };
};
export const planActionRows = (action: 'submit' | 'approve' | 'publish' | 'return', state: 'draft' | 'submitted' | 'approved', allowed: User[], to: string): Endpoint[] => [
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

export type Res = Awaited<ReturnType<typeof call>>;

export interface Endpoint {
  /** e.g. 'GET /enterprises/:id' */
  route: string;
  /** what the row tries: 'inside scope', 'outside scope', or '' */
  variant: string;
  request: (w: World, u: User) => Req | Promise<Req>;
  expect: (u: User) => number;
  /** further checks on a successful answer (leaks, shape) */
  check?: (res: Res, u: User, w: World) => void | Promise<void>;
}

export const idOf = (w: World, e: Ent) => w.env.fixture.enterprises[e].id;
export const fixtureCodes = (w: World) => new Map(Object.entries(w.env.fixture.enterprises).map(([k, v]) => [v.uscc, k as Ent]));

export function assertSeesExactly(w: World, u: User, codes: string[]) {
  const byCode = fixtureCodes(w);
  const seen = codes.filter((c) => byCode.has(c)).map((c) => byCode.get(c)!).sort();
  assert.deepEqual(seen, [...WHO[u].sees].sort(), `${u} sees exactly their fixture enterprises`);
}

export function csvImport(rows: (string | number)[][]): Req {
  const body = multipart({}, { name: 'enterprises.csv', content: Buffer.from(csvText(rows), 'utf8') });
  return { method: 'POST', url: '/enterprises/import', payload: body.payload, headers: body.headers };
}


/** Second inspectors (two officers per action), two experts, the plans of four departments, two runs per city. */
export async function buildPlanningWorld(w: World) {
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
