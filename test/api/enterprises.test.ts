/** 一企一档 the enterprise register through the API: search, filters, sorting, paging, detail, create, edit, history. */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnDatabases, login } from '../support/harness.ts';
import { uscc } from '../support/fixture.ts';
import { computeUsccCheck } from '../../src/core/codes/uscc.ts';
import { call, enterpriseBody, updateBody } from './helpers.ts';

interface Summary {
  id: number;
  uscc: string;
  name: string;
  regionCode: string;
  riskLevel: string;
  creditGrade: string;
  employees: number;
}

describeOnDatabases('enterprise register', (env) => {
  let admin = '';
  let inspector = '';
  const names = async (query: string, cookie = admin) => {
    const res = await call(env().app, cookie, { method: 'GET', url: `/enterprises?pageSize=200&${query}` });
    assert.equal(res.statusCode, 200, res.body);
    return (res.json().items as Summary[]).map((e) => e.name).sort();
  };
  const q = (s: string) => encodeURIComponent(s);

  before(async () => {
    admin = await login(env().app, 'admin');
    inspector = await login(env().app, 'inspector');
  });

  test('a 2-character Chinese keyword (化工) finds every chemical company by name', async () => {
    assert.deepEqual(await names(`keyword=${q('化工')}`), ['南京江宁测试化工有限公司', '苏州虎丘测试化工有限公司']);
    assert.deepEqual(await names(`keyword=${q('超市')}`), ['南京玄武便民超市']);
  });

  test('a 3+ character keyword matches inside the name', async () => {
    assert.deepEqual(await names(`keyword=${q('精密机械')}`), ['南京江宁精密机械有限公司']);
    assert.deepEqual(await names(`keyword=${q('不存在的名字')}`), []);
  });

  test('several words narrow the search: 南京 化工 is the Nanjing chemical company only', async () => {
    assert.deepEqual(await names(`keyword=${q('南京 化工')}`), ['南京江宁测试化工有限公司']);
    assert.deepEqual(await names(`keyword=${q('苏州 机械')}`), []);
  });

  test('a code prefix finds by 统一社会信用代码, in either case', async () => {
    const chem = env().fixture.enterprises.jiangningChem.uscc;
    assert.deepEqual(await names(`keyword=${chem.slice(0, 17)}`), ['南京江宁测试化工有限公司']);
    assert.deepEqual(await names(`keyword=${chem.slice(0, 17).toLowerCase()}`), ['南京江宁测试化工有限公司']);
    assert.deepEqual(await names('keyword=91320505'), ['苏州虎丘测试化工有限公司']);
  });

  test('regionCode filters the whole subtree', async () => {
    assert.equal((await names('regionCode=320100')).length, 5, 'Nanjing: city → every district and town below it');
    assert.deepEqual(await names('regionCode=320115001'), ['南京江宁承租包装有限公司', '南京江宁测试化工有限公司']);
    assert.deepEqual(await names('regionCode=320500'), ['苏州虎丘测试化工有限公司']);
    assert.equal((await names('regionCode=320115')).length, 4);
  });

  test('risk level, credit grade, domain and flags filter', async () => {
    assert.deepEqual(await names('riskLevel=red'), ['南京江宁测试化工有限公司']);
    assert.deepEqual(await names('riskLevel=orange'), ['苏州虎丘测试化工有限公司']);
    assert.deepEqual(await names('creditGrade=A'), ['南京江宁精密机械有限公司']);
    assert.deepEqual(await names('industryDomain=construction'), ['南京江宁建设工程有限公司']);
    assert.deepEqual(await names('keyEnterprise=true'), ['南京江宁测试化工有限公司']);
    assert.equal((await names('keyEnterprise=false')).length, 5);
    assert.deepEqual(await names('riskLevel=blue&creditGrade=A'), ['南京江宁精密机械有限公司']);
    const bad = await call(env().app, admin, { method: 'GET', url: '/enterprises?riskLevel=purple' });
    assert.ok([200, 422].includes(bad.statusCode));
    if (bad.statusCode === 200) assert.equal(bad.json().total, 0);
  });

  test('sorting by risk level puts red first and blue last; by name desc reverses name order', async () => {
    const res = await call(env().app, admin, { method: 'GET', url: '/enterprises?sort=riskLevel&order=asc&pageSize=200' });
    const risks = (res.json().items as Summary[]).map((e) => e.riskLevel);
    const rank = (r: string) => ['red', 'orange', 'yellow', 'blue'].indexOf(r);
    assert.equal(risks[0], 'red');
    assert.equal(risks.at(-1), 'blue');
    assert.deepEqual(risks, [...risks].sort((a, b) => rank(a) - rank(b)));
    const asc = (await call(env().app, admin, { method: 'GET', url: '/enterprises?sort=name&order=asc' })).json().items as Summary[];
    const desc = (await call(env().app, admin, { method: 'GET', url: '/enterprises?sort=name&order=desc' })).json().items as Summary[];
    assert.deepEqual(desc.map((e) => e.id), asc.map((e) => e.id).reverse());
  });

  test('paging: total counts every match, page 2 continues page 1 without overlap', async () => {
    const p1 = (await call(env().app, admin, { method: 'GET', url: '/enterprises?pageSize=4&page=1&regionCode=320000' })).json();
    const p2 = (await call(env().app, admin, { method: 'GET', url: '/enterprises?pageSize=4&page=2&regionCode=320000' })).json();
    assert.equal(p1.total, 6);
    assert.equal(p2.total, 6);
    assert.equal(p2.page, 2);
    assert.equal(p2.pageSize, 4);
    assert.equal(p1.items.length, 4);
    assert.equal(p2.items.length, 2);
    const ids = [...p1.items, ...p2.items].map((e: Summary) => e.id);
    assert.equal(new Set(ids).size, 6, 'no row on two pages');
  });

  test('the detail has the region path and the 厂中厂 landlord and tenants', async () => {
    const { fixture } = env();
    const chem = (await call(env().app, admin, { method: 'GET', url: `/enterprises/${fixture.enterprises.jiangningChem.id}` })).json();
    assert.deepEqual(chem.regionPath.map((r: { name: string }) => r.name), ['江苏省', '南京市', '江宁区', '东山街道']);
    assert.equal(chem.regionName, '东山街道');
    assert.equal(chem.landlord, null);
    assert.deepEqual(chem.tenants.map((t: { uscc: string }) => t.uscc), [fixture.enterprises.jiangningTenant.uscc]);
    const tenant = (await call(env().app, admin, { method: 'GET', url: `/enterprises/${fixture.enterprises.jiangningTenant.id}` })).json();
    assert.deepEqual(tenant.landlord, { id: fixture.enterprises.jiangningChem.id, name: '南京江宁测试化工有限公司', uscc: fixture.enterprises.jiangningChem.uscc });
    assert.deepEqual(tenant.tenants, []);
  });

  test('a wrong check character is a 422 naming uscc and the expected character, in Chinese and in English', async () => {
    const first17 = '91320115MA2000001';
    const right = computeUsccCheck(first17);
    const wrong = right === '0' ? '1' : '0';
    const body = enterpriseBody({ uscc: first17 + wrong, name: '校验位测试有限公司', regionCode: '320115002' });
    const zh = await call(env().app, inspector, { method: 'POST', url: '/enterprises', payload: body });
    assert.equal(zh.statusCode, 422);
    assert.deepEqual(zh.json().details, [{ field: 'uscc', message: `统一社会信用代码校验位错误，应为 ${right}` }]);
    const en = await call(env().app, inspector, { method: 'POST', url: '/enterprises', payload: body, headers: { 'accept-language': 'en-US' } });
    assert.equal(en.statusCode, 422);
    assert.deepEqual(en.json().details, [{ field: 'uscc', message: `Wrong check character; it should be ${right}` }]);
  });

  test('a code already registered is a 422 on uscc; a region outside the scope is a 422 on regionCode', async () => {
    const dup = enterpriseBody({ uscc: env().fixture.enterprises.jiangningMachine.uscc, name: '重复代码有限公司', regionCode: '320115002' });
    const res = await call(env().app, inspector, { method: 'POST', url: '/enterprises', payload: dup });
    assert.equal(res.statusCode, 422);
    assert.deepEqual(res.json().details.map((d: { field: string }) => d.field), ['uscc']);
    // A code registered in Suzhou, out of the inspector's sight, is still a duplicate (codes are national).
    const far = enterpriseBody({ uscc: env().fixture.enterprises.suzhouChem.uscc, name: '重复代码二有限公司', regionCode: '320115002' });
    assert.equal((await call(env().app, inspector, { method: 'POST', url: '/enterprises', payload: far })).statusCode, 422);
    const out = enterpriseBody({ uscc: uscc('320115', 'MA2000002'), name: '越界有限公司', regionCode: '320505001' });
    const r2 = await call(env().app, inspector, { method: 'POST', url: '/enterprises', payload: out });
    assert.equal(r2.statusCode, 422);
    assert.deepEqual(r2.json().details.map((d: { field: string }) => d.field), ['regionCode']);
    assert.match(r2.json().details[0].message, /320505001/);
  });

  test('create, edit, stale edit → 409; the history shows who changed which fields; every write is in the audit chain', async () => {
    const { app } = env();
    const auditBefore = (await call(app, admin, { method: 'GET', url: '/audit?pageSize=1' })).json().total as number;
    const body = enterpriseBody({ uscc: uscc('320115', 'MA2000003'), name: '南京江宁历史测试有限公司', regionCode: '320115002', riskLevel: 'yellow' });
    const created = await call(app, inspector, { method: 'POST', url: '/enterprises', payload: body });
    assert.equal(created.statusCode, 201, created.body);
    const e = created.json();
    assert.equal(e.version, 1);
    assert.equal(e.name, '南京江宁历史测试有限公司');

    const edited = await call(app, admin, { method: 'PUT', url: `/enterprises/${e.id}`, payload: updateBody(e, { name: '南京江宁历史测试二有限公司', riskLevel: 'red' }) });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(edited.json().version, 2);
    assert.equal(edited.json().riskLevel, 'red');

    // The inspector still holds version 1.
    const stale = await call(app, inspector, { method: 'PUT', url: `/enterprises/${e.id}`, payload: updateBody(e, { employees: 999 }) });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().code, 'error.conflict');
    const after = (await call(app, admin, { method: 'GET', url: `/enterprises/${e.id}` })).json();
    assert.equal(after.employees, 50, 'the stale edit changed nothing');
    assert.equal(after.name, '南京江宁历史测试二有限公司');

    const history = (await call(app, inspector, { method: 'GET', url: `/enterprises/${e.id}/history` })).json() as {
      action: string;
      actor: { username: string };
      changes: { field: string; before: unknown; after: unknown }[];
    }[];
    const update = history.find((h) => h.action === 'update');
    const create = history.find((h) => h.action === 'create');
    assert.ok(update && create, JSON.stringify(history));
    assert.equal(history.length, 2, 'the refused edit left no record');
    assert.equal(update.actor.username, 'admin');
    assert.equal(create.actor.username, 'inspector');
    assert.deepEqual(update.changes.map((c) => c.field).sort(), ['name', 'riskLevel']);
    assert.deepEqual(update.changes.find((c) => c.field === 'riskLevel'), { field: 'riskLevel', before: 'yellow', after: 'red' });

    const audit = (await call(app, admin, { method: 'GET', url: `/audit?entityType=enterprise&entityId=${e.id}` })).json();
    assert.deepEqual(audit.items.map((a: { action: string }) => a.action).sort(), ['create', 'update']);
    const auditAfter = (await call(app, admin, { method: 'GET', url: '/audit?pageSize=1' })).json().total as number;
    assert.equal(auditAfter - auditBefore, 2, 'one audit record per write');
    const verify = (await call(app, admin, { method: 'GET', url: '/audit/verify' })).json();
    assert.equal(verify.ok, true);
    assert.equal(verify.count, auditAfter);
  });

  test('editing the landlord code links and unlinks 厂中厂', async () => {
    const { app, fixture } = env();
    const id = fixture.enterprises.jiangningMachine.id;
    const e = (await call(app, admin, { method: 'GET', url: `/enterprises/${id}` })).json();
    const linked = await call(app, admin, { method: 'PUT', url: `/enterprises/${id}`, payload: updateBody(e, { landlordUscc: fixture.enterprises.jiangningChem.uscc }) });
    assert.equal(linked.statusCode, 200, linked.body);
    assert.equal(linked.json().landlord.id, fixture.enterprises.jiangningChem.id);
    const chem = (await call(app, admin, { method: 'GET', url: `/enterprises/${fixture.enterprises.jiangningChem.id}` })).json();
    assert.ok(chem.tenants.some((t: { id: number }) => t.id === id));
    const self = await call(app, admin, { method: 'PUT', url: `/enterprises/${id}`, payload: updateBody(linked.json(), { landlordUscc: e.uscc }) });
    assert.equal(self.statusCode, 422);
    assert.equal(self.json().details[0].field, 'landlordUscc');
    const unknown = await call(app, admin, { method: 'PUT', url: `/enterprises/${id}`, payload: updateBody(linked.json(), { landlordUscc: uscc('320115', 'MA2999999') }) });
    assert.equal(unknown.statusCode, 422);
    const unlinked = await call(app, admin, { method: 'PUT', url: `/enterprises/${id}`, payload: updateBody(linked.json(), { landlordUscc: undefined }) });
    assert.equal(unlinked.statusCode, 200);
    assert.equal(unlinked.json().landlord, null);
  });
});
