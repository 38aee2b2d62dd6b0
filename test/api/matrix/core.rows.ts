/** Rows of the foundation (register, users, departments, audit, jobs) and planning (items, inspectors, plans, collision runs, visits). */
import assert from 'node:assert/strict';
import { rows, sql } from '../../../src/db/client.ts';
import { uscc } from '../../support/fixture.ts';
import { call, csvText, enterpriseBody, multipart, readXlsx, updateBody, waitJob } from '../helpers.ts';
import {
  type Endpoint,
  WHO,
  WRITERS,
  only,
  all,
  PLANNERS,
  COORDINATORS,
  APPROVERS,
  SUBMITTERS,
  planners,
  plannersOr403,
  HOME_DEPT,
  FOREIGN_DEPT,
  DEPT_ENTERPRISE,
  INSIDE_PLAN,
  OUTSIDE_PLAN,
  INSIDE_RUN,
  outsideRun,
  openRun,
  RUN_REGION,
  INSIDE_INSPECTOR,
  OUTSIDE_INSPECTOR,
  DEPT_NAME,
  NOBODY,
  YEAR_2026,
  RUN_PERIOD,
  asAdmin,
  freshPlan,
  runCollision,
  planId,
  runId,
  userId,
  deptId,
  planActionRows,
  idOf,
  fixtureCodes,
  assertSeesExactly,
  csvImport,
} from './world.ts';
export const coreRows: Endpoint[] = [
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
