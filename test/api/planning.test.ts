import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { describeOnDatabases, login } from '../support/harness.ts';
import { rows, sql } from '../../src/db/client.ts';
import { loadItemLibrary } from '../../src/seed/planning.ts';

const YEAR = { start: '2026-01-01', end: '2026-12-31' };

describeOnDatabases('planning and the joint-inspection collision', (env) => {
  const s: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const api = async (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    s[who] ??= await login(env().app, who);
    return env().app.inject({ method, url: `/api/v1${url}`, headers: { cookie: s[who]! }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  };

  test('setup: the item library holds the 64 工贸 and 20 化工 major-hazard criteria as must-check items', async () => {
    const { database, fixture } = env();
    await loadItemLibrary(database.db, new Date('2026-01-05'));
    // two inspectors per department for the two-officer rule ('inspector' is the second of 江宁应急)
    const add = [
      ['cityA', 'D-yj-320100'], ['cityB', 'D-yj-320100'], ['jnYj2', 'D-yj-320115'], ['jnZj2', 'D-zj-320115'],
    ] as const;
    for (const [u, d] of add) {
      await database.db.execute(sql`INSERT INTO users (username, display_name, password_hash, role, region_code, department_id)
        VALUES (${u}, ${u}, 'x', 'inspector', ${d.endsWith('320100') ? '320100' : '320115'}, ${fixture.departments[d]!})`);
    }
    const r = await api('coordinator', 'GET', '/items?majorHazard=true&pageSize=200');
    assert.equal(r.statusCode, 200);
    assert.equal(r.json().total, 84);
    assert.equal(r.json().items.filter((i: { code: string }) => i.code.startsWith('MH10-')).length, 64);
    const chem = (await api('coordinator', 'GET', '/items?industryDomain=hazchem&majorHazard=true&pageSize=50')).json();
    assert.equal(chem.total, 20);
  });

  test('editing an item adds a version; the old version stays readable for inspections that pinned it', async () => {
    const created = await api('admin', 'POST', '/items', { code: 'T-01', text: '测试事项', line: 'emergency' });
    assert.equal(created.statusCode, 201);
    const edited = await api('admin', 'PUT', `/items/${created.json().id}`, { text: '测试事项（修订）', line: 'emergency' });
    assert.equal(edited.json().version, 2);
    const history = (await api('admin', 'GET', '/items?code=T-01&allVersions=true')).json();
    assert.deepEqual(history.items.map((i: { version: number; current: boolean }) => [i.version, i.current]), [[1, false], [2, true]]);
    assert.equal((await api('inspector', 'POST', '/items', { code: 'T-02', text: 'x', line: 'emergency' })).statusCode, 403);
    const xlsx = await api('admin', 'GET', '/items/export');
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
  });

  test('the frequency matrix is edited by an admin only, and a less-frequent red/D cell is refused', async () => {
    const m = (await api('coordinator', 'GET', '/planning/frequency-matrix')).json();
    assert.equal(m.cells.length, 16);
    assert.equal((await api('coordinator', 'PUT', '/planning/frequency-matrix', m)).statusCode, 403);
    const bad = { cells: m.cells.map((c: { riskLevel: string; creditGrade: string; perYear: number }) => (c.riskLevel === 'red' && c.creditGrade === 'D' ? { ...c, perYear: 1 } : c)) };
    const r = await api('admin', 'PUT', '/planning/frequency-matrix', bad);
    assert.equal(r.statusCode, 422);
    assert.ok(r.json().details.some((d: { field: string }) => d.field === 'cells.red.D'));
    assert.equal((await api('admin', 'PUT', '/planning/frequency-matrix', m)).statusCode, 200);
  });

  test('proposals for the city emergency bureau list the red key chemical plant with reasons and sample the rest, writing nothing', async () => {
    const { fixture } = env();
    const body = { departmentId: fixture.departments['D-yj-320100'], period: YEAR, seed: 'nj-2026', samplingRate: 1 };
    const r = await api('coordinator', 'POST', '/planning/proposals', body);
    assert.equal(r.statusCode, 200, r.body);
    const p = r.json();
    const chem = p.entries.find((e: { enterpriseId: number }) => e.enterpriseId === fixture.enterprises.jiangningChem.id);
    assert.equal(chem.selection, 'listed');
    assert.deepEqual(chem.reasons.map((x: { code: string }) => x.code), ['key_industry', 'high_risk']);
    assert.ok(chem.reasons[1].text.includes('风险'));
    assert.ok(chem.timesPerYear >= 2, 'red/B is planned at least twice a year');
    assert.ok(chem.items.length > 0 && chem.requiredQualifications.includes('hazchem'));
    const machine = p.entries.find((e: { enterpriseId: number }) => e.enterpriseId === fixture.enterprises.jiangningMachine.id);
    assert.equal(machine.selection, 'sampled');
    assert.ok(!p.entries.some((e: { enterpriseId: number }) => e.enterpriseId === fixture.enterprises.xuanwuShop.id), 'small venues are not on enforcement plans');
    assert.ok(!p.entries.some((e: { enterpriseId: number }) => e.enterpriseId === fixture.enterprises.suzhouChem.id), 'another city is out of scope');
    const again = (await api('coordinator', 'POST', '/planning/proposals', body)).json();
    assert.deepEqual(again.draw, p.draw, 'the same seed draws the same');
    assert.equal((await api('coordinator', 'GET', '/plans')).json().total, 0, 'nothing written');
    assert.equal((await api('inspectorSuzhou', 'POST', '/planning/proposals', body)).statusCode, 404, 'another city cannot plan for Nanjing');
  });

  test('the city plans first; the district duplicate of a city-held enterprise is refused; plans go draft → published', async () => {
    const { fixture } = env();
    const E = fixture.enterprises;
    const city = await api('depthead', 'POST', '/plans', {
      departmentId: fixture.departments['D-yj-320100'],
      period: YEAR,
      draw: { seed: 'nj-2026', samplingRate: 0 },
      entries: [
        { enterpriseId: E.jiangningChem.id, window: { start: '2026-03-01', end: '2026-06-30' } },
        { enterpriseId: E.jiangningConstruction.id, window: { start: '2026-03-01', end: '2026-06-30' }, requiredQualifications: [] },
      ],
    });
    assert.equal(city.statusCode, 201, city.body);
    ids.city = city.json().id;
    assert.equal(city.json().status, 'draft');
    const chemEntry = city.json().entries.find((e: { enterpriseId: number }) => e.enterpriseId === E.jiangningChem.id);
    assert.equal(chemEntry.selection, 'listed');
    assert.equal(chemEntry.reasons[0].code, 'key_industry');
    ids.chemEntry = chemEntry.id;

    const dup = await api('inspector', 'POST', '/plans', {
      departmentId: fixture.departments['D-yj-320115'],
      period: YEAR,
      entries: [{ enterpriseId: E.jiangningChem.id, window: { start: '2026-05-01', end: '2026-08-31' } }],
    });
    assert.equal(dup.statusCode, 422);
    assert.equal(dup.json().code, 'plan.held_by_higher_level');
    assert.equal(dup.json().details[0].field, 'entries.0.enterpriseId');
    assert.match(dup.json().message, /南京江宁测试化工有限公司/);

    const district = await api('inspector', 'POST', '/plans', {
      departmentId: fixture.departments['D-yj-320115'],
      period: YEAR,
      entries: [
        { enterpriseId: E.jiangningChem.id, window: { start: '2026-09-01', end: '2026-10-31' }, requiredQualifications: [] },
        { enterpriseId: E.jiangningMachine.id, window: { start: '2026-03-02', end: '2026-04-30' } },
      ],
    });
    assert.equal(district.statusCode, 201, 'another window of the year is free');
    ids.district = district.json().id;
    const housing = await api('inspectorHousing', 'POST', '/plans', {
      departmentId: fixture.departments['D-zj-320115'],
      period: YEAR,
      entries: [{ enterpriseId: E.jiangningConstruction.id, window: { start: '2026-04-01', end: '2026-04-30' } }],
    });
    assert.equal(housing.statusCode, 201, housing.body);
    ids.housing = housing.json().id;
    ids.housingEntry = housing.json().entries[0].id;

    // a lower level sees the higher level's plan of its line
    const seen = (await api('inspector', 'GET', '/plans')).json();
    assert.ok(!seen.items.some((p: { id: number }) => p.id === ids.city), 'not while it is a draft');

    assert.equal((await api('inspector', 'POST', `/plans/${ids.city}/submit`)).statusCode, 404, "another department's draft is not even visible");
    assert.equal((await api('depthead', 'POST', `/plans/${ids.city}/publish`)).statusCode, 409, 'not approved yet');
    assert.equal((await api('depthead', 'POST', `/plans/${ids.city}/submit`)).json().status, 'submitted');
    const ret = await api('depthead', 'POST', `/plans/${ids.city}/return`, { note: '补充检查事项' });
    assert.equal(ret.json().status, 'draft');
    assert.equal(ret.json().returnNote, '补充检查事项');
    await api('depthead', 'POST', `/plans/${ids.city}/submit`);
    assert.equal((await api('inspector', 'POST', `/plans/${ids.district}/approve`)).statusCode, 403, 'an inspector cannot approve');
    assert.equal((await api('depthead', 'POST', `/plans/${ids.city}/approve`)).json().status, 'approved');
    assert.equal((await api('coordinator', 'POST', `/plans/${ids.city}/publish`)).json().status, 'published');
    await api('inspector', 'POST', `/plans/${ids.district}/submit`);
    await api('coordinator', 'POST', `/plans/${ids.district}/approve`);
    await api('coordinator', 'POST', `/plans/${ids.district}/publish`);
    await api('inspectorHousing', 'POST', `/plans/${ids.housing}/submit`);
    assert.equal((await api('coordinator', 'POST', `/plans/${ids.housing}/approve`)).json().status, 'approved');

    const seenNow = (await api('inspector', 'GET', '/plans')).json();
    assert.ok(seenNow.items.some((p: { id: number }) => p.id === ids.city), 'the district sees the published city plan');
    const audit = await rows<{ action: string }>(env().database.db, sql`SELECT action FROM audit_log WHERE entity_type = 'plan' AND entity_id = ${String(ids.city)} ORDER BY seq`);
    assert.deepEqual(audit.map((a) => a.action), ['create', 'submit', 'return', 'submit', 'approve', 'publish']);
  });

  test('a draft (or returned) plan is edited with the checks of creation and audited; a submitted one is not', async () => {
    const { fixture } = env();
    const E = fixture.enterprises;
    const made = await api('depthead', 'POST', '/plans', {
      departmentId: fixture.departments['D-yj-320100'],
      period: { start: '2026-11-01', end: '2026-11-30' },
      entries: [{ enterpriseId: E.jiangningMachine.id, window: { start: '2026-11-02', end: '2026-11-30' } }],
    });
    assert.equal(made.statusCode, 201, made.body);
    const id = made.json().id;
    const machineEntry = made.json().entries[0].id;
    const edit = (who: string, body: unknown) => api(who, 'PUT', `/plans/${id}`, body);

    const ok = await edit('depthead', {
      title: '南京市应急管理局2026年第四季度执法检查计划',
      period: { start: '2026-07-01', end: '2026-12-31' },
      entries: [
        { id: machineEntry, enterpriseId: E.jiangningMachine.id, window: { start: '2026-11-03', end: '2026-11-27' }, inspectorsNeeded: 3, requiredQualifications: [] },
        { enterpriseId: E.jiangningChem.id, window: { start: '2026-07-01', end: '2026-07-31' } },
      ],
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const plan = ok.json();
    assert.equal(plan.title, '南京市应急管理局2026年第四季度执法检查计划');
    assert.deepEqual(plan.period, { start: '2026-07-01', end: '2026-12-31' });
    const machine = plan.entries.find((e: { enterpriseId: number }) => e.enterpriseId === E.jiangningMachine.id);
    assert.equal(machine.id, machineEntry, 'a changed entry keeps its id (P-<id>)');
    assert.deepEqual(machine.window, { start: '2026-11-03', end: '2026-11-27' });
    assert.equal(machine.inspectorsNeeded, 3);
    const chem = plan.entries.find((e: { enterpriseId: number }) => e.enterpriseId === E.jiangningChem.id);
    assert.equal(chem.selection, 'listed', 'an added enterprise gets its reasons from the rules');

    // the same department already holds the chemical plant in spring: refused like a new plan would be
    const dup = await edit('depthead', {
      period: { start: '2026-01-01', end: '2026-12-31' },
      entries: [
        { id: machineEntry, enterpriseId: E.jiangningMachine.id, window: { start: '2026-11-03', end: '2026-11-27' } },
        { enterpriseId: E.jiangningChem.id, window: { start: '2026-05-01', end: '2026-05-31' } },
      ],
    });
    assert.equal(dup.statusCode, 422);
    assert.equal(dup.json().code, 'plan.same_department_duplicate');
    assert.equal(dup.json().details[0].field, 'entries.1.enterpriseId');
    const outside = await edit('depthead', { period: { start: '2026-07-01', end: '2026-12-31' }, entries: [{ enterpriseId: E.jiangningMachine.id, window: { start: '2026-06-01', end: '2026-06-30' } }] });
    assert.equal(outside.statusCode, 422);
    assert.equal(outside.json().details[0].field, 'entries.0.window');

    // a district draft cannot take in what the city holds
    const district = await api('inspector', 'POST', '/plans', {
      departmentId: fixture.departments['D-yj-320115'],
      period: YEAR,
      entries: [{ enterpriseId: E.jiangningMachine.id, window: { start: '2026-12-01', end: '2026-12-15' } }],
    });
    assert.equal(district.statusCode, 201, district.body);
    const held = await api('inspector', 'PUT', `/plans/${district.json().id}`, {
      period: YEAR,
      entries: [
        { id: district.json().entries[0].id, enterpriseId: E.jiangningMachine.id, window: { start: '2026-12-01', end: '2026-12-15' } },
        { enterpriseId: E.jiangningChem.id, window: { start: '2026-05-01', end: '2026-05-31' } },
      ],
    });
    assert.equal(held.statusCode, 422);
    assert.equal(held.json().code, 'plan.held_by_higher_level');
    assert.equal((await api('inspector', 'PUT', `/plans/${id}`, { period: YEAR, entries: [] })).statusCode, 404, "another department's draft is not visible");

    // removing an enterprise
    const fewer = await edit('depthead', { period: { start: '2026-07-01', end: '2026-12-31' }, entries: [{ id: chem.id, enterpriseId: E.jiangningChem.id, window: { start: '2026-07-01', end: '2026-07-31' } }] });
    assert.equal(fewer.statusCode, 200, fewer.body);
    assert.deepEqual(fewer.json().entries.map((e: { id: number }) => e.id), [chem.id]);

    // submitted: 409; returned: editable again
    assert.equal((await api('depthead', 'POST', `/plans/${id}/submit`)).statusCode, 200);
    const locked = await edit('depthead', { period: { start: '2026-07-01', end: '2026-12-31' }, entries: [{ id: chem.id, enterpriseId: E.jiangningChem.id, window: { start: '2026-07-01', end: '2026-07-15' } }] });
    assert.equal(locked.statusCode, 409);
    assert.equal(locked.json().code, 'plan.wrong_state');
    assert.equal((await api('depthead', 'PUT', `/plans/${ids.city}`, { period: YEAR, entries: [] })).statusCode, 409, 'a published plan is not edited');
    await api('depthead', 'POST', `/plans/${id}/return`, { note: '窗口太长' });
    const again = await edit('depthead', { period: { start: '2026-07-01', end: '2026-12-31' }, entries: [{ id: chem.id, enterpriseId: E.jiangningChem.id, window: { start: '2026-07-01', end: '2026-07-15' } }] });
    assert.equal(again.statusCode, 200, again.body);
    assert.deepEqual(again.json().entries[0].window, { start: '2026-07-01', end: '2026-07-15' });

    const audit = await rows<{ action: string; entity_type: string }>(
      env().database.db,
      sql`SELECT action, entity_type FROM audit_log WHERE (entity_type = 'plan' AND entity_id = ${String(id)}) OR (entity_type = 'plan_entry' AND entity_id = ${String(machineEntry)}) ORDER BY seq`,
    );
    assert.deepEqual(audit.map((a) => `${a.entity_type}:${a.action}`), [
      'plan:create', 'plan_entry:create', 'plan:update', 'plan_entry:update', 'plan:update', 'plan_entry:delete', 'plan:submit', 'plan:return', 'plan:update',
    ]);
  });

  test('the public page lists published plans with enterprise names and months, without login', async () => {
    const r = await env().app.inject({ method: 'GET', url: '/api/v1/public/plans?regionCode=320115' });
    assert.equal(r.statusCode, 200);
    const plans = r.json().items;
    assert.equal(plans.length, 2, 'the city plan and the district plan; the approved housing plan is not yet public');
    const city = plans.find((p: { id: number }) => p.id === ids.city);
    const chem = city.entries.find((e: { enterpriseName: string }) => e.enterpriseName === '南京江宁测试化工有限公司');
    assert.deepEqual(chem.months, ['2026-03', '2026-04', '2026-05', '2026-06']);
    assert.ok(!JSON.stringify(plans).includes('uscc'), 'no codes or risk data on the public page');
  });

  test('an inspector declares a day off; the coordinator gives the city team the hazchem qualification', async () => {
    const { fixture } = env();
    const users = await rows<{ id: number; username: string }>(env().database.db, sql`SELECT id, username FROM users WHERE username IN ('cityA', 'cityB')`);
    for (const u of users) {
      const r = await api('coordinator', 'PUT', `/inspectors/${u.id}/profile`, { qualifications: ['hazchem'], certificateNo: `3201010126${u.id}` });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json().qualifications, ['hazchem']);
    }
    const me = fixture.users.inspector!.id;
    const self = await api('inspector', 'PUT', `/inspectors/${me}/profile`, { unavailable: ['2026-06-15'] });
    assert.equal(self.statusCode, 200);
    assert.equal((await api('inspector', 'PUT', `/inspectors/${me}/profile`, { dailyCapacity: 5 })).statusCode, 403, 'capacity is set by the department');
    const list = (await api('coordinator', 'GET', '/inspectors?regionCode=320100&pageSize=50')).json();
    assert.ok(list.items.length >= 5);
    assert.equal((await api('enterprise', 'GET', '/inspectors')).statusCode, 403);
  });

  test('the collision job reads the plans, schedules joint visits, explains, re-checks a move, publishes', async () => {
    const { fixture } = env();
    const start = await api('coordinator', 'POST', '/collision-runs', { regionCode: '320100', start: '2026-03-02', end: '2026-10-30', seed: 7 });
    assert.equal(start.statusCode, 202, start.body);
    const { jobId, runId } = start.json();
    ids.run = runId;
    let job;
    for (let i = 0; i < 200; i++) {
      job = (await api('coordinator', 'GET', `/jobs/${jobId}`)).json();
      if (job.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    assert.equal(job.status, 'done', JSON.stringify(job));
    const run = (await api('coordinator', 'GET', `/collision-runs/${runId}`)).json();
    assert.equal(run.stats.plans, 5, 'two city, two district emergency, one housing');
    assert.equal(run.stats.scheduled, 5);
    assert.equal(run.stats.visits, 4, 'the building site gets one joint visit of two departments');
    assert.equal(run.stats.visitsSaved, 1);
    const joint = run.visits.find((v: { enterprise: { id: number } }) => v.enterprise.id === fixture.enterprises.jiangningConstruction.id);
    assert.equal(joint.teams.length, 2);
    assert.ok(joint.date >= '2026-04-01' && joint.date <= '2026-04-30', 'inside both windows');
    assert.ok(joint.teams.every((t: { inspectors: unknown[] }) => t.inspectors.length === 2));
    assert.ok(joint.plans.some((p: { items: unknown[] }) => p.items.length > 0));

    const ex = await api('coordinator', 'GET', `/collision-runs/${runId}/plans/P-${ids.housingEntry}/explain`);
    assert.equal(ex.statusCode, 200);
    assert.equal(ex.json().status, 'scheduled');
    assert.match(ex.json().text, /进一次门/);

    const chemVisit = run.visits.find((v: { plans: { entryId: number }[] }) => v.plans.some((p) => p.entryId === ids.chemEntry));
    const bad = (await api('coordinator', 'POST', `/collision-runs/${runId}/visits/${chemVisit.id}/move`, { date: '2026-08-04' })).json();
    assert.equal(bad.applied, false);
    assert.ok(bad.violations.some((v: { rule: string }) => v.rule === 'rule2-visit'), 'outside the plan window');
    const good = (await api('coordinator', 'POST', `/collision-runs/${runId}/visits/${chemVisit.id}/move`, { date: '2026-04-15' })).json();
    assert.deepEqual(good.violations, []);
    assert.equal(good.applied, true);
    assert.equal(good.visit.date, '2026-04-15');

    assert.equal((await api('coordinatorSuzhou', 'GET', `/collision-runs/${runId}`)).statusCode, 404, "another region's coordinator cannot see the run");
    assert.equal((await api('inspector', 'POST', `/collision-runs/${runId}/publish`)).statusCode, 403);

    const xlsx = await api('coordinator', 'GET', `/collision-runs/${runId}/task-list.xlsx?department=D-yj-320100`);
    assert.equal(xlsx.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    assert.equal(sheet.rowCount, 3, 'header + the two city visits');
    assert.deepEqual([sheet.getRow(2).getCell(1).value, sheet.getRow(3).getCell(1).value].includes('2026-04-15'), true, 'the moved date');

    const pub = await api('coordinator', 'POST', `/collision-runs/${runId}/publish`);
    assert.equal(pub.statusCode, 200);
    assert.equal(pub.json().visits, 4);
    assert.equal((await api('coordinator', 'POST', `/collision-runs/${runId}/publish`)).statusCode, 409);
  });

  test('a run overlapping a published run of the same region is not published: 409 names the published run', async () => {
    const start = await api('coordinator', 'POST', '/collision-runs', { regionCode: '320115', start: '2026-04-01', end: '2026-12-31', seed: 9 });
    assert.equal(start.statusCode, 202, start.body);
    let job;
    for (let i = 0; i < 200; i++) {
      job = (await api('coordinator', 'GET', `/jobs/${start.json().jobId}`)).json();
      if (job.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    assert.equal(job.status, 'done', JSON.stringify(job));
    const res = await api('coordinator', 'POST', `/collision-runs/${start.json().runId}/publish`);
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'run.overlaps_published');
    assert.match(res.json().message, new RegExp(`#${ids.run}（南京市，2026-03-02 至 2026-10-30）`));
    const again = (await api('coordinator', 'GET', `/collision-runs/${start.json().runId}`)).json();
    assert.equal(again.status, 'done', 'still unpublished');
    const visits = await rows<{ n: number }>(env().database.db, sql`SELECT count(*)::int AS n FROM visits WHERE run_id = ${start.json().runId}`);
    assert.equal(visits[0]!.n, 0, 'no visit written');
  });

  test('the holiday calendar holds the State Council 2026 arrangement; only an admin edits it; a run without holidays uses it', async () => {
    const cal = await api('inspector', 'GET', '/planning/holidays?year=2026');
    assert.equal(cal.statusCode, 200);
    const items = cal.json().items as { date: string; kind: string; name: string }[];
    assert.equal(items.filter((d) => d.kind === 'holiday').length, 33, '3 + 9 + 3 + 5 + 3 + 3 + 7 days off');
    assert.deepEqual(items.filter((d) => d.kind === 'workday').map((d) => d.date), ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    assert.ok(items.some((d) => d.date === '2026-02-23' && d.name === '春节'));

    const body = { year: 2026, items };
    assert.equal((await api('coordinator', 'PUT', '/planning/holidays', body)).statusCode, 403);
    const bad = await api('admin', 'PUT', '/planning/holidays', { year: 2026, items: [...items, { date: '2026-03-03', kind: 'workday', name: '错误' }] });
    assert.equal(bad.statusCode, 422);
    assert.deepEqual(bad.json().details.map((d: { field: string }) => d.field), [`items.${items.length}.kind`]);
    const ok = await api('admin', 'PUT', '/planning/holidays', { year: 2026, items: [...items, { date: '2026-12-31', kind: 'holiday', name: '测试' }] });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().items.length, items.length + 1);
    assert.equal((await api('admin', 'PUT', '/planning/holidays', body)).json().items.length, items.length, 'put back');
    const audit = await rows<{ n: number }>(env().database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'holiday_calendar'`);
    assert.equal(audit[0]!.n, 2);

    // the run of the collision test gave no holidays: its horizon has the 21 days off between 2026-03-02 and 2026-10-30
    const sc = await rows<{ h: string[] | string }>(env().database.db, sql`SELECT scenario -> 'horizon' -> 'holidays' AS h FROM collision_runs WHERE id = ${ids.run}`);
    const used = typeof sc[0]!.h === 'string' ? (JSON.parse(sc[0]!.h) as string[]) : sc[0]!.h;
    assert.equal(used.length, 21);
    assert.ok(used.includes('2026-04-06') && used.includes('2026-10-07') && !used.includes('2026-10-10'));
    const run = (await api('coordinator', 'GET', `/collision-runs/${ids.run}`)).json();
    assert.ok(run.visits.every((v: { date: string }) => !used.includes(v.date)), 'no visit on a holiday');

    // a run given its own list (even empty) uses it
    const own = await api('coordinator', 'POST', '/collision-runs', { regionCode: '320100', start: '2026-03-02', end: '2026-10-30', seed: 7, holidays: [] });
    assert.equal(own.statusCode, 202);
    for (let i = 0; i < 200; i++) {
      if ((await api('coordinator', 'GET', `/jobs/${own.json().jobId}`)).json().status !== 'running') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const sc2 = await rows<{ h: unknown }>(env().database.db, sql`SELECT scenario -> 'horizon' -> 'holidays' AS h FROM collision_runs WHERE id = ${own.json().runId}`);
    assert.deepEqual(typeof sc2[0]!.h === 'string' ? JSON.parse(sc2[0]!.h) : sc2[0]!.h, []);
  });

  test("the task appears on the inspector's list and on the enterprise's calendar with items and documents to prepare", async () => {
    const { fixture } = env();
    const mine = (await api('inspector', 'GET', '/my/visits')).json().items;
    assert.equal(mine.length, 2, 'both visits of the district plan (the district team has exactly two)');
    assert.deepEqual(mine.map((v: { enterprise: { id: number } }) => v.enterprise.id).sort(), [fixture.enterprises.jiangningChem.id, fixture.enterprises.jiangningMachine.id].sort());
    assert.equal(mine[0].myDepartmentId, fixture.departments['D-yj-320115']);

    const cal = await api('enterprise', 'GET', `/enterprises/${fixture.enterprises.jiangningChem.id}/visits`);
    assert.equal(cal.statusCode, 200);
    const visits = cal.json().items;
    assert.equal(visits.length, 2, 'the city visit in April and the district visit in autumn');
    assert.equal(visits[0].date, '2026-04-15');
    assert.ok(visits[0].departments[0].items.some((i: { majorHazard: boolean; code: string }) => i.majorHazard && i.code.startsWith('MH121-')), 'the 化工 must-check items');
    assert.ok(visits[0].documents.some((d: { key: string }) => d.key === 'special_operation_certs'));
    assert.equal((await api('enterprise', 'GET', `/enterprises/${fixture.enterprises.jiangningMachine.id}/visits`)).statusCode, 404, 'another enterprise is not theirs');
    const joint = (await api('coordinator', 'GET', `/enterprises/${fixture.enterprises.jiangningConstruction.id}/visits`)).json().items;
    assert.equal(joint.length, 1);
    assert.equal(joint[0].departments.length, 2, 'one calendar entry for both departments');
  });
});
