/**
 * 批量导入 the register import through the API: .xlsx and .csv (UTF-8 and GBK) uploaded as multipart, polled as a job.
 * Nothing half-imported: one bad row and nothing is written, unless allowPartial.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnDatabases, login } from '../support/harness.ts';
import { uscc } from '../support/fixture.ts';
import { computeUsccCheck } from '../../src/core/codes/uscc.ts';
import { call, csvText, importFile, readXlsx, xlsxBuffer } from './helpers.ts';

const HEAD = ['统一社会信用代码', '企业名称', '行政区划代码', '行业领域', '风险等级', '重点企业', '标准化等级'];

/** A code whose check character is wrong. */
function badCode(first17: string): { code: string; expected: string } {
  const expected = computeUsccCheck(first17);
  return { code: first17 + (expected === '0' ? '1' : '0'), expected };
}

/**
 * GBK bytes without iconv-lite (not in node_modules): the table is read back from Node's own GBK decoder,
 * the one Excel's "CSV" on Chinese Windows is decoded with.
 */
function gbkEncoder(): (s: string) => Buffer {
  const dec = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  return (s) => {
    const out: number[] = [];
    for (const ch of s) {
      const code = ch.codePointAt(0)!;
      if (code < 0x80) out.push(code);
      else {
        const bytes = table.get(ch);
        if (!bytes) throw new Error(`no GBK code for ${ch}`);
        out.push(...bytes);
      }
    }
    return Buffer.from(out);
  };
}

describeOnDatabases('enterprise import', (env) => {
  let admin = '';
  let inspector = '';
  const total = async () => (await call(env().app, admin, { method: 'GET', url: '/enterprises?pageSize=1' })).json().total as number;
  const byCode = async (code: string) => {
    const list = (await call(env().app, admin, { method: 'GET', url: `/enterprises?keyword=${code}` })).json().items as { id: number; uscc: string }[];
    const hit = list.find((e) => e.uscc === code);
    if (!hit) return null;
    return (await call(env().app, admin, { method: 'GET', url: `/enterprises/${hit.id}` })).json();
  };

  before(async () => {
    admin = await login(env().app, 'admin');
    inspector = await login(env().app, 'inspector');
  });

  test('the template downloads with 统一社会信用代码, 企业名称, 行政区划代码, 行业领域 as its first headers', async () => {
    const res = await call(env().app, inspector, { method: 'GET', url: '/enterprises/import/template' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    const rows = await readXlsx(res.rawPayload);
    assert.deepEqual(rows[0]!.slice(0, 4), ['统一社会信用代码', '企业名称', '行政区划代码', '行业领域']);
    assert.ok(rows[0]!.includes('出租方信用代码'));
  });

  test('one bad row (row 4, wrong check character): nothing is written and the error names row, column and the right character', async () => {
    const before = await total();
    const bad = badCode('91320115MA3000003');
    const file = await xlsxBuffer([
      HEAD,
      [uscc('320115', 'MA3000001'), '批量导入一号有限公司', '320115002', '机械', '黄', '否', '二级'],
      [uscc('320115', 'MA3000002'), '批量导入二号有限公司', 320115002, '危险化学品', '红', '是', '一级'],
      [bad.code, '批量导入三号有限公司', '320115002', '机械', '蓝', '否', '三级'],
      [uscc('320115', 'MA3000004'), '批量导入四号有限公司', '320115003', '建筑施工', '', '', ''],
    ]);
    const job = await importFile(env().app, inspector, { name: '企业.xlsx', content: file });
    assert.equal(job.status, 'done', JSON.stringify(job));
    assert.equal(job.kind, 'import');
    assert.equal(job.result!.written, false);
    assert.equal(job.result!.total, 4);
    assert.deepEqual(job.result!.errors, [{ row: 4, field: '统一社会信用代码', message: `统一社会信用代码校验位错误，应为 ${bad.expected}` }]);
    assert.equal(await total(), before, 'the register count is unchanged');
    assert.equal(await byCode(uscc('320115', 'MA3000001')), null, 'not even the good rows');
  });

  test('the errors come in the language of the upload (en-US)', async () => {
    const bad = badCode('91320115MA3000013');
    const file = Buffer.from(csvText([HEAD.slice(0, 4), [bad.code, '英文错误有限公司', '320115002', '机械']]), 'utf8');
    const job = await importFile(env().app, inspector, { name: 'e.csv', content: file }, { locale: 'en-US' });
    assert.deepEqual(job.result!.errors, [{ row: 2, field: '统一社会信用代码', message: `Wrong check character; it should be ${bad.expected}` }]);
  });

  test('allowPartial writes the good rows only, and still lists the bad one', async () => {
    const before = await total();
    const bad = badCode('91320115MA3000023');
    const file = Buffer.from(
      csvText([
        HEAD,
        [uscc('320115', 'MA3000021'), '部分导入一号有限公司', '320115002', '机械', '黄', '否', '二级'],
        [uscc('320115', 'MA3000022'), '部分导入二号有限公司', '320115002', 'machinery', 'orange', 'yes', '3'],
        [bad.code, '部分导入三号有限公司', '320115002', '机械', '蓝', '否', '三级'],
        [uscc('320115', 'MA3000024'), '部分导入四号有限公司', '320115002', '机械', '紫', '否', '三级'],
      ]),
      'utf8',
    );
    const job = await importFile(env().app, inspector, { name: 'partial.csv', content: file }, { allowPartial: true });
    assert.equal(job.result!.written, true);
    assert.equal(job.result!.created, 2);
    assert.equal(job.result!.skipped, 2);
    assert.deepEqual(job.result!.errors.map((e) => [e.row, e.field]), [[4, '统一社会信用代码'], [5, '风险等级']]);
    assert.equal(await total(), before + 2);
    const two = await byCode(uscc('320115', 'MA3000022'));
    assert.equal(two.riskLevel, 'orange');
    assert.equal(two.keyEnterprise, true);
    assert.equal(two.standardizationLevel, '3');
    assert.equal(await byCode(bad.code), null);
  });

  test('English headers uscc, name, region, domain are accepted', async () => {
    const code = uscc('320115', 'MA3000031');
    const file = Buffer.from(csvText([['uscc', 'name', 'region', 'domain', 'riskLevel'], [code, '英文表头有限公司', '320115002', 'machinery', 'red']]), 'utf8');
    const job = await importFile(env().app, inspector, { name: 'english.csv', content: file });
    assert.equal(job.result!.written, true, JSON.stringify(job.result));
    const e = await byCode(code);
    assert.equal(e.name, '英文表头有限公司');
    assert.equal(e.industryDomain, 'machinery');
    assert.equal(e.riskLevel, 'red');
  });

  test('re-importing a known code updates it: count unchanged, field changed, history says import-update', async () => {
    const { fixture } = env();
    const before = await total();
    const code = fixture.enterprises.jiangningMachine.uscc;
    const file = await xlsxBuffer([HEAD, [code, '南京江宁精密机械（重新导入）有限公司', '320115002', '机械', '橙', '否', '二级']]);
    const job = await importFile(env().app, inspector, { name: 'again.xlsx', content: file });
    assert.equal(job.result!.written, true);
    assert.equal(job.result!.created, 0);
    assert.equal(job.result!.updated, 1);
    assert.equal(await total(), before);
    const e = await byCode(code);
    assert.equal(e.name, '南京江宁精密机械（重新导入）有限公司');
    assert.equal(e.riskLevel, 'orange');
    const history = (await call(env().app, inspector, { method: 'GET', url: `/enterprises/${e.id}/history` })).json() as {
      action: string;
      actor: { username: string };
      changes: { field: string }[];
    }[];
    const rec = history.find((h) => h.action === 'import-update');
    assert.ok(rec, JSON.stringify(history));
    assert.equal(rec.actor.username, 'inspector');
    assert.ok(rec.changes.some((c) => c.field === 'name'));
    assert.ok(rec.changes.some((c) => c.field === 'riskLevel'));
  });

  test('a code twice in one file is reported on the later row', async () => {
    const code = uscc('320115', 'MA3000041');
    const file = Buffer.from(
      csvText([HEAD.slice(0, 4), [code, '重复一有限公司', '320115002', '机械'], [uscc('320115', 'MA3000042'), '不重复有限公司', '320115002', '机械'], [code, '重复二有限公司', '320115002', '机械']]),
      'utf8',
    );
    const job = await importFile(env().app, inspector, { name: 'dup.csv', content: file });
    assert.equal(job.result!.written, false);
    assert.deepEqual(job.result!.errors, [{ row: 4, field: '统一社会信用代码', message: '统一社会信用代码与第 2 行重复' }]);
  });

  test('a landlord in the same file is linked as 厂中厂', async () => {
    const landlord = uscc('320115', 'MA3000051');
    const tenant = uscc('320115', 'MA3000052');
    // The tenant comes first: the link does not depend on row order.
    const file = Buffer.from(
      csvText([
        ['统一社会信用代码', '企业名称', '行政区划代码', '行业领域', '出租方信用代码'],
        [tenant, '厂中厂承租有限公司', '320115002', '机械', landlord],
        [landlord, '厂中厂出租有限公司', '320115002', '机械', ''],
      ]),
      'utf8',
    );
    const job = await importFile(env().app, inspector, { name: 'landlord.csv', content: file });
    assert.equal(job.result!.written, true, JSON.stringify(job.result));
    const t = await byCode(tenant);
    assert.equal(t.landlord?.uscc, landlord);
    const l = await byCode(landlord);
    assert.deepEqual(l.tenants.map((x: { uscc: string }) => x.uscc), [tenant]);
  });

  test('a landlord that is neither registered nor in the file is an error on 出租方信用代码', async () => {
    const file = Buffer.from(
      csvText([['统一社会信用代码', '企业名称', '行政区划代码', '行业领域', '出租方信用代码'], [uscc('320115', 'MA3000061'), '孤儿承租有限公司', '320115002', '机械', uscc('320115', 'MA3999999')]]),
      'utf8',
    );
    const job = await importFile(env().app, inspector, { name: 'orphan.csv', content: file });
    assert.equal(job.result!.written, false);
    assert.deepEqual(job.result!.errors.map((e) => [e.row, e.field]), [[2, '出租方信用代码']]);
  });

  test('a missing required column fails the job with a message naming it', async () => {
    const before = await total();
    const file = Buffer.from(csvText([['统一社会信用代码', '企业名称', '行政区划代码'], [uscc('320115', 'MA3000071'), '缺列有限公司', '320115002']]), 'utf8');
    const job = await importFile(env().app, inspector, { name: 'missing.csv', content: file });
    assert.equal(job.status, 'failed');
    assert.equal(job.error?.code, 'import.missing_columns');
    assert.match(job.error!.message, /行业领域/);
    assert.equal(await total(), before);
  });

  test('a GBK-encoded CSV (Excel on Chinese Windows) reads the same as UTF-8', async () => {
    const encode = gbkEncoder();
    const code = uscc('320115', 'MA3000081');
    const text = csvText([HEAD, [code, '国标编码测试化工有限公司', '320115002', '危险化学品', '红', '是', '一级']]);
    const bytes = encode(text);
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the bytes really are not UTF-8');
    const job = await importFile(env().app, inspector, { name: 'gbk.csv', content: bytes });
    assert.equal(job.result!.written, true, JSON.stringify(job));
    const e = await byCode(code);
    assert.equal(e.name, '国标编码测试化工有限公司');
    assert.equal(e.industryDomain, 'hazchem');
    assert.equal(e.standardizationLevel, '1');
  });

  test('a file that is neither .xlsx nor .csv is a 422 naming the file field; the register is untouched', async () => {
    const { multipart } = await import('./helpers.ts');
    const body = multipart({}, { name: 'notes.pdf', content: Buffer.from('%PDF-1.4') });
    const res = await call(env().app, inspector, { method: 'POST', url: '/enterprises/import', payload: body.payload, headers: body.headers });
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().details[0].field, 'file');
  });

  test('an import by one user is not a job another user can read', async () => {
    const file = Buffer.from(csvText([HEAD.slice(0, 4), [uscc('320115', 'MA3000091'), '任务可见性有限公司', '320115002', '机械']]), 'utf8');
    const { multipart } = await import('./helpers.ts');
    const body = multipart({}, { name: 'a.csv', content: file });
    const res = await call(env().app, inspector, { method: 'POST', url: '/enterprises/import', payload: body.payload, headers: body.headers });
    const jobId = res.json().jobId as string;
    const other = await login(env().app, 'inspectorHousing');
    assert.equal((await call(env().app, other, { method: 'GET', url: `/jobs/${jobId}` })).statusCode, 404);
  });
});
