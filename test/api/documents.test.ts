/**
 * 执法文书 through the API, on both databases: documents issued the way the inspection and case services issue them
 * (issueDocument inside their transaction), then read as their users read them — the list, one document, the PDF.
 * Numbers per department, kind and year without gaps or duplicates, also under concurrent issuers; the frozen content's
 * hash in the audit chain; a PDF that never changes; scope (区域, 条线, own enterprise) on every read.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { describeOnDatabases, login } from '../support/harness.ts';
import { rows, sql, type Db } from '../../src/db/client.ts';
import { DOCUMENT_KINDS, DOCUMENT_KIND_INFO, type DocumentKind } from '../../src/core/documents/model.ts';
import { documentHash, issueDocument, type IssueDocumentInput } from '../../src/modules/documents/issue-document.ts';
import { cachePath, prerenderDocument } from '../../src/modules/documents/document-pdf.ts';
import { verifyAuditChain } from '../../src/modules/audit/audit.repo.ts';
import { EXPECTED_TEXT, SAMPLE_CONTENT, sampleSignatures, signaturePng } from '../core/documents/samples.ts';
import { pdfText } from '../core/documents/pdf-text.ts';

const SOURCE: Record<DocumentKind, 'inspection' | 'hazard' | 'case'> = {
  inspection_record: 'inspection',
  onsite_measures: 'inspection',
  rectification_order: 'hazard',
  review_opinion: 'hazard',
  case_filing: 'case',
  penalty_notice: 'case',
  penalty_decision: 'case',
  criminal_transfer: 'case',
};

describeOnDatabases('enforcement documents (执法文书)', (env) => {
  const cookies: Record<string, string> = {};
  const issued = {} as Record<DocumentKind, { id: number; number: string }>;
  let suzhouDoc: { id: number; number: string };
  let constructionDoc: { id: number; number: string };
  const api = async (who: string, url: string, init: { method?: 'GET' | 'PUT'; payload?: unknown; headers?: Record<string, string> } = {}) => {
    cookies[who] ??= await login(env().app, who);
    return env().app.inject({
      method: init.method ?? 'GET',
      url: `/api/v1${url}`,
      headers: { cookie: cookies[who]!, ...(init.headers ?? {}) },
      ...(init.payload !== undefined ? { payload: init.payload as object } : {}),
    });
  };
  const issue = <K extends DocumentKind>(input: IssueDocumentInput<K>, now = env().clock.now) =>
    env().database.db.transaction((tx) => issueDocument(tx as unknown as Db, input, { id: env().fixture.users.inspector!.id, name: 'inspector' }, now));
  const dept = (code: string) => env().fixture.departments[code]!;
  const ent = (k: keyof ReturnType<typeof env>['fixture']['enterprises']) => env().fixture.enterprises[k].id;

  before(async () => {
    // the eight documents of one case file, issued by 江宁区应急管理局 to the Jiangning chemical plant
    for (const kind of DOCUMENT_KINDS) {
      issued[kind] = await issue({
        kind,
        enterpriseId: ent('jiangningChem'),
        departmentId: dept('D-yj-320115'),
        source: { type: SOURCE[kind], id: 101 },
        content: SAMPLE_CONTENT[kind],
        signatures: sampleSignatures(kind),
      });
    }
    suzhouDoc = await issue({
      kind: 'rectification_order',
      enterpriseId: ent('suzhouChem'),
      departmentId: dept('D-yj-320500'),
      source: { type: 'inspection', id: 201 },
      content: SAMPLE_CONTENT.rectification_order,
    });
    constructionDoc = await issue({
      kind: 'inspection_record',
      enterpriseId: ent('jiangningConstruction'),
      departmentId: dept('D-zj-320115'),
      source: { type: 'inspection', id: 301 },
      content: SAMPLE_CONTENT.inspection_record,
    });
  });

  test('numbers: （宁江）应急<word>〔2026〕1号 for each kind of 江宁区应急管理局, its own counter for 苏州 and for 住建', () => {
    for (const kind of DOCUMENT_KINDS) assert.equal(issued[kind].number, `（宁江）应急${DOCUMENT_KIND_INFO[kind].word}〔2026〕1号`);
    assert.equal(suzhouDoc.number, '（苏）应急责改〔2026〕1号');
    assert.equal(constructionDoc.number, '（宁江）建检记〔2026〕1号');
  });

  test('each of the eight PDFs reads back with its number, the party, the legal wording and the filled fields', async () => {
    for (const kind of DOCUMENT_KINDS) {
      const res = await api('inspector', `/documents/${issued[kind].id}/pdf`);
      assert.equal(res.statusCode, 200, `${kind}: ${res.body.slice(0, 200)}`);
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''/);
      assert.equal(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!), `${issued[kind].number}.pdf`);
      const t = await pdfText(res.rawPayload);
      assert.ok(t.flat.includes(issued[kind].number), `${kind}: number`);
      assert.ok(t.flat.includes(DOCUMENT_KIND_INFO[kind].title), `${kind}: title`);
      assert.ok(t.flat.includes('江宁区应急管理局'), `${kind}: issuer`);
      assert.ok(t.flat.includes('南京江宁测试化工有限公司'), `${kind}: party`);
      for (const s of EXPECTED_TEXT[kind]) assert.ok(t.flat.includes(s.replace(/\s+/g, '')), `${kind}: “${s}”`);
      if (kind === 'inspection_record' || kind === 'case_filing') {
        assert.ok(t.flat.includes(env().fixture.enterprises.jiangningChem.uscc), `${kind}: the register's USCC, frozen at issue`);
      }
    }
  });

  test('orders and decisions name the department’s own government and court when the caller names none', async () => {
    const t = await pdfText((await api('inspector', `/documents/${issued.rectification_order.id}/pdf`)).rawPayload);
    assert.ok(t.flat.includes('如果不服本指令，可以依法在60日内向南京市江宁区人民政府申请行政复议，或者在6个月内依法向南京市江宁区人民法院提起行政诉讼'));
    const s = await pdfText((await api('admin', `/documents/${suzhouDoc.id}/pdf`)).rawPayload);
    assert.ok(s.flat.includes('向苏州市人民政府申请行政复议，或者在6个月内依法向人民法院提起行政诉讼'), 'a city department: the city government');
  });

  test('the PDF is drawn once: later requests answer the same bytes from the cache, with an ETag; the data dir copy is restored', async () => {
    const id = issued.penalty_decision.id;
    const a = await api('inspector', `/documents/${id}/pdf`);
    const t0 = performance.now();
    const b = await api('enterprise', `/documents/${id}/pdf`);
    const cachedMs = performance.now() - t0;
    assert.equal(b.statusCode, 200);
    assert.ok(a.rawPayload.equals(b.rawPayload), 'the same bytes for every reader');
    assert.ok(cachedMs < 2000, `answered from the cache in ${cachedMs.toFixed(0)} ms`);
    const etag = String(b.headers.etag);
    assert.equal((await api('inspector', `/documents/${id}/pdf`, { headers: { 'if-none-match': etag } })).statusCode, 304);
    const stored = await rows<{ sha256: string; size: number }>(env().database.db, sql`SELECT sha256, size FROM document_pdfs WHERE document_id = ${id}`);
    assert.equal(etag, `"${stored[0]!.sha256}"`);
    // a lost cache file is written again from the database copy, not drawn again
    rmSync(cachePath(env().config.dataDir, stored[0]!.sha256));
    const c = await api('inspector', `/documents/${id}/pdf`);
    assert.ok(c.rawPayload.equals(a.rawPayload));
    const audit = await rows<{ action: string }>(env().database.db, sql`SELECT action FROM audit_log WHERE entity_type = 'document' AND entity_id = ${String(id)} ORDER BY seq`);
    assert.deepEqual(audit.map((x) => x.action), ['document.issue', 'document.pdf'], 'the PDF hash enters the chain once');
  });

  test('a document drawn in the background after issue is answered from the cache at its first request', async () => {
    const doc = await issue({ kind: 'criminal_transfer', enterpriseId: ent('jiangningMachine'), departmentId: dept('D-yj-320115'), source: { type: 'case', id: 8 }, content: SAMPLE_CONTENT.criminal_transfer });
    await prerenderDocument({ db: env().database.db, dataDir: env().config.dataDir, now: () => env().clock.now }, doc.id);
    const [stored] = await rows<{ sha256: string }>(env().database.db, sql`SELECT sha256 FROM document_pdfs WHERE document_id = ${doc.id}`);
    assert.ok(stored, 'stored before anybody asked');
    const res = await api('inspector', `/documents/${doc.id}/pdf`);
    assert.equal(res.headers.etag, `"${stored.sha256}"`);
  });

  test('the audit chain holds the hash of the frozen content; a content edited in the database is refused a PDF', async () => {
    const db = env().database.db;
    const [row] = await rows<{ document: unknown; content_hash: string }>(db, sql`SELECT document, content_hash FROM documents WHERE id = ${issued.review_opinion.id}`);
    const frozen = typeof row!.document === 'string' ? JSON.parse(row!.document) : row!.document;
    assert.equal(documentHash(frozen), row!.content_hash);
    const [rec] = await rows<{ h: string }>(db, sql`SELECT after ->> 'contentHash' AS h FROM audit_log WHERE entity_type = 'document' AND entity_id = ${String(issued.review_opinion.id)} AND action = 'document.issue'`);
    assert.equal(rec!.h, row!.content_hash);
    // a fresh document, tampered with before its first rendering
    const doc = await issue({ kind: 'review_opinion', enterpriseId: ent('jiangningChem'), departmentId: dept('D-yj-320115'), source: { type: 'hazard', id: 9 }, content: SAMPLE_CONTENT.review_opinion });
    await db.execute(sql`UPDATE documents SET document = jsonb_set(document, '{content,conclusion}', '"passed"') WHERE id = ${doc.id}`);
    const res = await api('inspector', `/documents/${doc.id}/pdf`);
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'document.tampered');
    assert.equal((await verifyAuditChain(db)).ok, true, 'the chain itself is intact');
  });

  test('numbers run 1, 2, 3 … per department/kind/year; a rolled-back issue gives its number back; the year is China’s', async () => {
    const base = { enterpriseId: ent('jiangningMachine'), departmentId: dept('D-yj-320115'), source: { type: 'inspection' as const, id: 5 }, content: SAMPLE_CONTENT.onsite_measures, kind: 'onsite_measures' as const };
    const second = await issue(base);
    assert.equal(second.number, '（宁江）应急现决〔2026〕2号');
    await assert.rejects(
      env().database.db.transaction(async (tx) => {
        await issueDocument(tx as unknown as Db, base, { id: null, name: 't' }, env().clock.now);
        throw new Error('the caller’s own step fails after issuing');
      }),
    );
    assert.equal((await issue(base)).number, '（宁江）应急现决〔2026〕3号', 'no gap after a rollback');
    // 2026-12-31 23:30 in Nanjing is still 2026; 00:30 on 1 January is 2027 (UTC: still 2026-12-31)
    assert.equal((await issue(base, new Date('2026-12-31T23:30:00+08:00'))).number, '（宁江）应急现决〔2026〕4号');
    assert.equal((await issue(base, new Date('2027-01-01T00:30:00+08:00'))).number, '（宁江）应急现决〔2027〕1号');
  });

  test('concurrent issuers of one department and kind get distinct numbers without gaps', async () => {
    const base = { enterpriseId: ent('jiangningMachine'), departmentId: dept('D-yj-320100'), source: { type: 'case' as const, id: 77 }, content: SAMPLE_CONTENT.penalty_notice, kind: 'penalty_notice' as const };
    const n = 12;
    const results = await Promise.allSettled(
      Array.from({ length: n + 2 }, (_, i) =>
        env().database.db.transaction(async (tx) => {
          const r = await issueDocument(tx as unknown as Db, { ...base, enterpriseId: i % 2 ? ent('jiangningMachine') : ent('xuanwuShop') }, { id: null, name: 't' }, env().clock.now);
          await new Promise((res) => setTimeout(res, 5));
          if (i === 3 || i === 8) throw new Error('rolled back');
          return r;
        }),
      ),
    );
    const numbers = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.number] : []));
    assert.equal(numbers.length, n);
    const seqs = numbers.map((x) => Number(/〔2026〕(\d+)号$/.exec(x)![1])).sort((a, b) => a - b);
    assert.deepEqual(seqs, Array.from({ length: n }, (_, i) => i + 1), numbers.join(' '));
    assert.ok(numbers.every((x) => x.startsWith('（宁）应急罚告〔2026〕')), 'the city department is （宁）');
  });

  test('the list: the shape of the other lists, filters by kind, enterprise, department, source and period', async () => {
    const all = (await api('admin', '/documents?pageSize=200')).json();
    assert.deepEqual(Object.keys(all).sort(), ['items', 'page', 'pageSize', 'total']);
    assert.equal(all.items.length, all.total);
    const first = all.items.find((d: { id: number }) => d.id === issued.penalty_notice.id);
    assert.deepEqual(
      { kind: first.kind, number: first.number, enterprise: first.enterprise.name, department: first.department.name, source: first.source },
      { kind: 'penalty_notice', number: '（宁江）应急罚告〔2026〕1号', enterprise: '南京江宁测试化工有限公司', department: '江宁区应急管理局', source: { type: 'case', id: 101 } },
    );
    const byKind = (await api('admin', '/documents?kind=rectification_order&pageSize=200')).json();
    assert.deepEqual(byKind.items.map((d: { number: string }) => d.number).sort(), ['（宁江）应急责改〔2026〕1号', '（苏）应急责改〔2026〕1号']);
    const byEnt = (await api('admin', `/documents?enterpriseId=${ent('suzhouChem')}`)).json();
    assert.deepEqual(byEnt.items.map((d: { id: number }) => d.id), [suzhouDoc.id]);
    const byDept = (await api('admin', `/documents?departmentId=${dept('D-zj-320115')}`)).json();
    assert.deepEqual(byDept.items.map((d: { id: number }) => d.id), [constructionDoc.id]);
    const bySource = (await api('admin', '/documents?sourceType=case&sourceId=101&pageSize=50')).json();
    assert.equal(bySource.total, 4);
    const year2027 = (await api('admin', '/documents?from=2027-01-01&to=2027-12-31')).json();
    assert.deepEqual(year2027.items.map((d: { number: string }) => d.number), ['（宁江）应急现决〔2027〕1号']);
    const lastDay = (await api('admin', '/documents?from=2026-12-31&to=2026-12-31')).json();
    assert.deepEqual(lastDay.items.map((d: { number: string }) => d.number), ['（宁江）应急现决〔2026〕4号'], 'a day is a day in China');
    const paged = (await api('admin', '/documents?pageSize=5&page=2')).json();
    assert.equal(paged.items.length, 5);
    assert.equal(paged.page, 2);
    assert.equal((await api('admin', '/documents?kind=bogus')).statusCode, 422);
    assert.equal((await api('admin', '/documents?from=2026-13')).statusCode, 422);
  });

  test('scope: the district inspector, the housing line, the Suzhou coordinator and the enterprise officer see their own', async () => {
    const ids = async (who: string) => new Set(((await api(who, '/documents?pageSize=200')).json().items as { id: number }[]).map((d) => d.id));
    const insp = await ids('inspector');
    assert.ok(insp.has(issued.case_filing.id) && insp.has(constructionDoc.id) && !insp.has(suzhouDoc.id));
    const housing = await ids('inspectorHousing');
    assert.deepEqual([...housing], [constructionDoc.id], 'the housing line sees construction enterprises only');
    const suzhou = await ids('coordinatorSuzhou');
    assert.deepEqual([...suzhou], [suzhouDoc.id]);
    // the enterprise officer: its own enterprise, and not the internal 立案审批表 or the transfer to the police
    const officer = await ids('enterprise');
    const expected = DOCUMENT_KINDS.filter((k) => k !== 'case_filing' && k !== 'criminal_transfer').map((k) => issued[k].id);
    for (const id of expected) assert.ok(officer.has(id), `officer sees ${id}`);
    assert.ok(!officer.has(issued.case_filing.id) && !officer.has(issued.criminal_transfer.id) && !officer.has(suzhouDoc.id));
    assert.equal((await api('enterprise', `/documents/${issued.criminal_transfer.id}/pdf`)).statusCode, 404);
    assert.equal((await api('enterprise', `/documents/${issued.case_filing.id}`)).statusCode, 404);
    assert.equal((await api('inspector', `/documents/${suzhouDoc.id}`)).statusCode, 404);
    assert.equal((await api('inspector', `/documents/${suzhouDoc.id}/pdf`)).statusCode, 404);
    assert.equal((await api('enterpriseOther', `/documents/${issued.penalty_decision.id}/pdf`)).statusCode, 404);
  });

  test('one document: issuer, party as frozen, content, and who signed (the images stay in the PDF)', async () => {
    const d = (await api('inspector', `/documents/${issued.inspection_record.id}`)).json();
    assert.equal(d.number, issued.inspection_record.number);
    assert.equal(d.issuer.abbreviation, '宁江');
    assert.equal(d.party.name, '南京江宁测试化工有限公司');
    assert.equal(d.content.place, SAMPLE_CONTENT.inspection_record.place);
    assert.deepEqual(d.signatures.map((s: { role: string; name: string; drawn: boolean }) => [s.role, s.name, s.drawn]), [
      ['inspector', '王建国', true],
      ['inspector', '李秀英', true],
      ['enterprise', '赵志刚', true],
    ]);
    assert.ok(!JSON.stringify(d).includes('iVBOR'), 'no PNG in the JSON');
  });

  test('the enterprise renamed later: an issued document keeps the name it was issued to', async () => {
    const db = env().database.db;
    await db.execute(sql`UPDATE enterprises SET name = '南京江宁测试化工（改名）有限公司' WHERE id = ${ent('suzhouChem')}`);
    try {
      const t = await pdfText((await api('admin', `/documents/${suzhouDoc.id}/pdf`)).rawPayload);
      assert.ok(t.flat.includes('苏州虎丘测试化工有限公司') && !t.flat.includes('改名'));
    } finally {
      await db.execute(sql`UPDATE enterprises SET name = '苏州虎丘测试化工有限公司' WHERE id = ${ent('suzhouChem')}`);
    }
  });

  test('a malformed document is refused with the fields named, and nothing is numbered', async () => {
    const before = await rows<{ n: number }>(env().database.db, sql`SELECT count(*)::int AS n FROM documents`);
    const bad = async (input: unknown, fields: string[]) => {
      await assert.rejects(issue(input as IssueDocumentInput), (e: { status: number; details: { field: string }[] }) => {
        assert.equal(e.status, 422);
        for (const f of fields) assert.ok(e.details.some((d) => d.field === f), `${f} in ${JSON.stringify(e.details)}`);
        return true;
      });
    };
    const base = { kind: 'rectification_order', enterpriseId: ent('jiangningChem'), departmentId: dept('D-yj-320115'), source: { type: 'hazard', id: 1 } };
    await bad({ ...base, content: { ...SAMPLE_CONTENT.rectification_order, inspectors: [SAMPLE_CONTENT.rectification_order.inspectors[0]] } }, ['content.inspectors']);
    await bad({ ...base, content: { ...SAMPLE_CONTENT.rectification_order, items: [{ description: '无期限', immediate: false }] } }, ['content.items.0.deadline']);
    await bad({ ...base, content: { ...SAMPLE_CONTENT.rectification_order, items: [{ description: '期限已过', immediate: false, deadline: '2026-03-01' }] } }, ['content.items.0.deadline']);
    await bad({ ...base, content: SAMPLE_CONTENT.review_opinion }, ['content.kind']);
    await bad({ ...base, kind: 'case_filing', source: { type: 'inspection', id: 1 }, content: SAMPLE_CONTENT.case_filing }, ['source.type']);
    await bad({ ...base, enterpriseId: 987654, content: SAMPLE_CONTENT.rectification_order }, ['enterpriseId']);
    await bad({ ...base, departmentId: 987654, content: SAMPLE_CONTENT.rectification_order }, ['departmentId']);
    await bad({ ...base, content: SAMPLE_CONTENT.rectification_order, signatures: [{ role: 'inspector', name: '王建国', image: { pngBase64: Buffer.from('GIF89a not a png').toString('base64') }, signedAt: '2026-03-02T03:00:00Z' }] }, ['signatures.0.image.pngBase64']);
    await bad({ ...base, content: SAMPLE_CONTENT.rectification_order, signatures: [{ role: 'inspector', name: '王建国', image: { fileRef: 'sig/abc.png' }, signedAt: '2026-03-02T03:00:00Z' }] }, ['signatures.0.image.fileRef']);
    await bad({ ...base, kind: 'penalty_decision', source: { type: 'case', id: 1 }, content: { ...SAMPLE_CONTENT.penalty_decision, responsiblePerson: undefined } }, ['content.responsiblePerson']);
    await bad({ ...base, kind: 'penalty_notice', source: { type: 'case', id: 1 }, content: { ...SAMPLE_CONTENT.penalty_notice, penalties: [{ target: 'unit', violated: 'x', basis: 'y', fineYuan: null }] } }, ['content.penalties.0']);
    const after = await rows<{ n: number }>(env().database.db, sql`SELECT count(*)::int AS n FROM documents`);
    assert.equal(after[0]!.n, before[0]!.n);
  });

  test('a signature given as a file reference is read through the caller’s store and frozen into the document', async () => {
    const png = signaturePng(3);
    const r = await env().database.db.transaction((tx) =>
      issueDocument(
        tx as unknown as Db,
        {
          kind: 'inspection_record',
          enterpriseId: ent('jiangningMachine'),
          departmentId: dept('D-yj-320115'),
          source: { type: 'inspection', id: 55 },
          content: SAMPLE_CONTENT.inspection_record,
          signatures: [{ role: 'inspector', name: '王建国', certificateNo: '32011520190001', image: { fileRef: 'signatures/ab/abcd.png' }, signedAt: '2026-03-02T03:00:00Z' }],
        },
        { id: null, name: 't' },
        env().clock.now,
        { readFile: async (ref) => (ref === 'signatures/ab/abcd.png' ? png : Promise.reject(new Error('no such file'))) },
      ),
    );
    const [row] = await rows<{ document: unknown }>(env().database.db, sql`SELECT document FROM documents WHERE id = ${r.id}`);
    const frozen = typeof row!.document === 'string' ? JSON.parse(row!.document) : row!.document;
    assert.equal(frozen.signatures[0].pngBase64, png.toString('base64'));
    assert.ok(!('image' in frozen.signatures[0]));
  });

  test('numbering settings: derived 简称 until an admin sets one; the next number uses it, issued numbers keep theirs', async () => {
    const list = (await api('coordinator', '/document-numbering?pageSize=50')).json();
    const jn = list.items.find((d: { departmentId: number }) => d.departmentId === dept('D-yj-320115'));
    assert.deepEqual([jn.abbreviation, jn.agencyWord, jn.customAbbreviation], ['宁江', '应急', null]);
    assert.equal(jn.issuedThisYear.rectification_order, 1);
    assert.equal(jn.example, '（宁江）应急责改〔2026〕2号');
    assert.equal((await api('coordinator', `/departments/${dept('D-yj-320115')}/document-numbering`, { method: 'PUT', payload: { abbreviation: '江宁', agencyWord: null } })).statusCode, 403);
    assert.equal((await api('admin', `/departments/${dept('D-yj-320115')}/document-numbering`, { method: 'PUT', payload: { abbreviation: '（江宁）', agencyWord: null } })).statusCode, 422);
    const set = await api('admin', `/departments/${dept('D-yj-320115')}/document-numbering`, { method: 'PUT', payload: { abbreviation: '江宁', agencyWord: '应急' } });
    assert.equal(set.statusCode, 200, set.body);
    assert.equal(set.json().example, '（江宁）应急责改〔2026〕2号');
    const next = await issue({ kind: 'rectification_order', enterpriseId: ent('jiangningChem'), departmentId: dept('D-yj-320115'), source: { type: 'hazard', id: 3 }, content: SAMPLE_CONTENT.rectification_order });
    assert.equal(next.number, '（江宁）应急责改〔2026〕2号', 'the counter goes on; the words are the new ones');
    const old = (await api('admin', `/documents/${issued.rectification_order.id}`)).json();
    assert.equal(old.number, '（宁江）应急责改〔2026〕1号');
    // back to the derived one
    const reset = await api('admin', `/departments/${dept('D-yj-320115')}/document-numbering`, { method: 'PUT', payload: { abbreviation: null, agencyWord: null } });
    assert.equal(reset.json().abbreviation, '宁江');
    assert.equal((await api('inspector', '/document-numbering')).json().items.length, 1, 'a department user sees their own department');
    assert.equal((await api('enterprise', '/document-numbering')).statusCode, 403);
  });
});
