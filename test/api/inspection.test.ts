/**
 * The whole loop of issue 6 through the API, on both databases: a visit becomes an inspection (checklist with the
 * must-check criteria), findings, people checked, a quiz, photos, signatures (locked, hashed, in the audit chain); the
 * findings become hazards that the enterprise rectifies and the owning department reviews and closes (a major one only
 * by its head); overdue hazards escalate once a day; cases with 一案双罚 and 行刑衔接; 立案率 and 零处罚; the inbox.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { one, rows, sql } from '../../src/db/client.ts';
import { loadItemLibrary } from '../../src/seed/planning.ts';
import { STARTER_QUESTIONS } from '../../src/seed/quiz-questions.ts';
import { insertQuestions } from '../../src/modules/questions/questions.repo.ts';
import { hashPassword } from '../../src/modules/auth/password.ts';
import { makeIdNumber } from '../../src/core/codes/id-number.ts';
import { verifySignedInspections } from '../../src/modules/inspections/verify-signed.ts';
import { verifyAuditChain } from '../../src/modules/audit/audit.repo.ts';
import { escalateHazards } from '../../src/modules/hazards/escalate-hazards.ts';
import { Scheduler } from '../../src/modules/scheduler/scheduler.ts';
import { hazardEscalationTask } from '../../src/modules/hazards/escalate-hazards.ts';
import { describeOnDatabases, login, PASSWORD, type TestEnv } from '../support/harness.ts';
import { call, multipart, readXlsx } from './helpers.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let n = 0;
const cid = (p = 'c') => `${p}-${Date.now().toString(36)}-${++n}-abcdef`;

export async function jpeg(width = 3000, height = 2000) {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } }).jpeg().toBuffer();
}
export async function signaturePng() {
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><path d="M10 80 C 60 10, 120 90, 290 20" stroke="black" stroke-width="4" fill="none"/></svg>');
  return (await sharp(svg).png().toBuffer()).toString('base64');
}

describeOnDatabases('inspection, hazards and cases (issue 6)', (env) => {
  const c: Record<string, string> = {};
  const u: Record<string, number> = {};
  let e: TestEnv;
  let visitId = 0;
  let planned: Json;
  const as = async (who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers?: Record<string, string>) =>
    call(e.app, c[who]!, { method, url, ...(payload !== undefined ? { payload } : {}), ...(headers ? { headers } : {}) });
  const ok = async (who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, status = 200) => {
    const r = await as(who, method, url, payload);
    assert.equal(r.statusCode, status, `${who} ${method} ${url}: ${r.body.slice(0, 500)}`);
    return r.json() as Json;
  };
  const E = () => e.fixture.enterprises;
  /** sessions expire on the server's clock: sign in again after moving it */
  const relogin = async (...who: string[]) => {
    for (const x of who) c[x] = await login(e.app, x);
  };

  before(async () => {
    e = env();
    const db = e.database.db;
    await loadItemLibrary(db, e.clock.now);
    const hash = await hashPassword(PASSWORD);
    const D = e.fixture.departments;
    for (const [name, role, dept, region] of [
      ['jn2', 'inspector', 'D-yj-320115', '320115'],
      ['jnHead', 'dept_head', 'D-yj-320115', '320115'],
    ] as const) {
      await db.execute(sql`INSERT INTO users (username, display_name, password_hash, role, region_code, department_id) VALUES (${name}, ${name}, ${hash}, ${role}, ${region}, ${D[dept]!})`);
    }
    for (const who of ['admin', 'coordinator', 'coordinatorSuzhou', 'depthead', 'inspector', 'inspectorHousing', 'inspectorSuzhou', 'expert', 'grid', 'enterprise', 'enterpriseOther', 'jn2', 'jnHead']) c[who] = await login(e.app, who);
    for (const r of await rows<{ id: number; username: string }>(db, sql`SELECT id, username FROM users`)) u[r.username] = r.id;
    await insertQuestions(db, STARTER_QUESTIONS, null, e.clock.now);
    // a published joint visit for jiangningChem (危化品) with the district's two inspectors, pinned to two items
    const items = await rows<{ id: number; code: string }>(db, sql`SELECT id, code FROM inspection_items WHERE code IN ('G-emergency-01', 'MH121-01') ORDER BY code`);
    const run = await one<{ id: number }>(db, sql`INSERT INTO collision_runs (region_code, period_start, period_end, seed, status) VALUES ('320100', '2026-03-01', '2026-03-31', 1, 'published') RETURNING id`);
    const plan = await one<{ id: number }>(db, sql`INSERT INTO plans (department_id, region_code, line, level, title, period_start, period_end, status) VALUES (${D['D-yj-320115']!}, '320115', 'emergency', 'district', '江宁区应急管理局2026年度执法检查计划', '2026-01-01', '2026-12-31', 'published') RETURNING id`);
    const entry = await one<{ id: number }>(db, sql`INSERT INTO plan_entries (enterprise_id, plan_id, line, level, window_start, window_end, items, selection) VALUES (${E().jiangningChem.id}, ${plan!.id}, 'emergency', 'district', '2026-03-01', '2026-03-31', ${JSON.stringify(items.map((i) => i.id))}::jsonb, 'listed') RETURNING id`);
    const visit = await one<{ id: number }>(db, sql`INSERT INTO visits (enterprise_id, run_id, code, visit_date) VALUES (${E().jiangningChem.id}, ${run!.id}, 'V-1', '2026-03-02') RETURNING id`);
    visitId = visit!.id;
    await db.execute(sql`INSERT INTO visit_plans (enterprise_id, visit_id, entry_id) VALUES (${E().jiangningChem.id}, ${visitId}, ${entry!.id})`);
    await db.execute(sql`INSERT INTO visit_inspectors (enterprise_id, visit_id, user_id, department_id) VALUES (${E().jiangningChem.id}, ${visitId}, ${u.inspector!}, ${D['D-yj-320115']!}), (${E().jiangningChem.id}, ${visitId}, ${u.jn2!}, ${D['D-yj-320115']!})`);
  });

  test('an inspector starts an inspection from a visit: the plan\'s items pinned, then every 121号 criterion as must-check; a retry answers the same record', async () => {
    const clientId = cid('start');
    planned = await ok('inspector', 'POST', '/inspections', { clientId, enterpriseId: E().jiangningChem.id, visitId }, 201);
    assert.equal(planned.kind, 'planned');
    assert.deepEqual(planned.team.map((t: Json) => t.userId).sort(), [u.inspector, u.jn2].sort());
    const codes = planned.checklist.map((x: Json) => x.code);
    assert.deepEqual(codes.slice(0, 2), ['G-emergency-01', 'MH121-01'], 'plan items first, in plan order');
    assert.equal(codes.filter((x: string) => x.startsWith('MH121-')).length, 20, 'all 20 criteria of 安监总管三〔2017〕121号');
    assert.ok(!codes.some((x: string) => x.startsWith('MH10-')), 'no 工贸 criteria for a chemicals enterprise');
    assert.ok(planned.checklist.filter((x: Json) => x.code.startsWith('MH121-')).every((x: Json) => x.mustCheck && x.majorHazard));
    const again = await ok('inspector', 'POST', '/inspections', { clientId, enterpriseId: E().jiangningChem.id, visitId }, 200);
    assert.equal(again.id, planned.id);
    const second = await as('jn2', 'POST', '/inspections', { clientId: cid(), enterpriseId: E().jiangningChem.id, visitId });
    assert.equal(second.statusCode, 409, 'one record per department and visit');
    const outsider = await as('inspectorHousing', 'POST', '/inspections', { clientId: cid(), enterpriseId: E().jiangningChem.id, visitId });
    assert.equal(outsider.statusCode, 404, outsider.body);
    assert.equal((await as('enterprise', 'POST', '/inspections', { clientId: cid(), enterpriseId: E().jiangningChem.id, reason: 'complaint' })).statusCode, 403);
  });

  test('an unplanned inspection needs its reason; a machinery plant gets 部令第10号 Art. 3, 7 and 11–13', async () => {
    const bad = await as('inspector', 'POST', '/inspections', { clientId: cid(), enterpriseId: E().jiangningMachine.id });
    assert.equal(bad.statusCode, 422);
    assert.equal(bad.json().details[0].field, 'reason');
    const r = await ok('inspector', 'POST', '/inspections', { clientId: cid(), enterpriseId: E().jiangningMachine.id, reason: 'complaint', reasonNote: '群众举报夜间违规动火', team: [u.jn2] }, 201);
    const arts = new Set(r.checklist.filter((x: Json) => x.mustCheck).map((x: Json) => x.code.slice(0, 7)));
    assert.ok(r.checklist.some((x: Json) => x.code === 'G-emergency-01' && x.origin === 'plan'), "the line's general items too");
    assert.deepEqual([...arts].sort(), ['MH10-03', 'MH10-07', 'MH10-11', 'MH10-12', 'MH10-13']);
    assert.equal((await as('inspector', 'POST', '/inspections', { clientId: cid(), enterpriseId: E().xuanwuShop.id, reason: 'campaign' })).statusCode, 404, 'outside the district');
    assert.equal((await as('inspector', 'POST', '/inspections', { clientId: cid(), enterpriseId: E().jiangningMachine.id, reason: 'campaign', team: [u.inspectorHousing] })).statusCode, 422, 'team from the own department only');
  });

  test('the draft syncs all or nothing: a refused entry is named and nothing is written', async () => {
    const list = planned.checklist as Json[];
    const general = list.find((x) => x.code === 'G-emergency-01')!;
    const major = list.find((x) => x.code === 'MH121-01')!;
    const other = list.find((x) => x.code === 'MH121-02')!;
    const bad = await as('inspector', 'PATCH', `/inspections/${planned.id}`, {
      results: [
        { checklistId: general.id, result: 'compliant' },
        { checklistId: other.id, result: 'not_applicable', note: '' },
        { checklistId: major.id, result: 'hazard', finding: { description: '主要负责人未经考核合格', level: 'general' } },
      ],
      people: [{ clientId: cid('p'), name: '张三', idNumber: '320115198506011231', role: 'principal', certificateCategory: 'safety_qualification', certificateNumber: 'A-1', result: 'valid' }],
    });
    assert.equal(bad.statusCode, 422, bad.body);
    const fields = bad.json().details.map((d: Json) => d.field);
    assert.ok(fields.includes('results.1.note'), fields.join());
    assert.ok(fields.includes('results.2.finding.level'), 'a criterion finding is major by definition');
    assert.ok(fields.includes('people.0.idNumber'), 'GB 11643 check character');
    const after = await ok('inspector', 'GET', `/inspections/${planned.id}`);
    assert.equal(after.checklist.find((x: Json) => x.id === general.id).result, null, 'nothing written');
    assert.equal(after.people.length, 0);
  });

  test('a complete record: findings, people, photos (resized, server-timestamped, scoped), a quiz drawn and scored on the server', async () => {
    const list = planned.checklist as Json[];
    const results = list.map((x) =>
      x.code === 'G-emergency-01'
        ? { checklistId: x.id, result: 'hazard', note: '', finding: { description: '安全生产责任制未覆盖仓储岗位', location: '仓库', deadline: '2026-03-20', responsiblePerson: '李四' } }
        : x.code === 'MH121-01'
          ? { checklistId: x.id, result: 'hazard', finding: { description: '主要负责人未经安全生产知识和管理能力考核合格', location: '办公楼', deadline: '2026-04-30', responsiblePerson: '张三' } }
          : x.code === 'MH121-06'
            ? { checklistId: x.id, result: 'not_applicable', note: '无全压力式液化烃储罐' }
            : { checklistId: x.id, result: 'compliant' },
    );
    const principal = makeIdNumber('320115', '1975-05-20', 11);
    const welder = makeIdNumber('320115', '1988-02-02', 22);
    const saved = await ok('inspector', 'PATCH', `/inspections/${planned.id}`, {
      place: '南京江宁测试化工有限公司厂区',
      results,
      measures: [{ kind: 'stop_use', description: '停止使用未设紧急切断的储罐' }],
      people: [
        { clientId: 'person-principal-1', name: '张三', idNumber: principal, role: 'principal', certificateCategory: 'safety_qualification', certificateNumber: 'AQ-2021-001', certificateValidUntil: '2027-01-01', result: 'valid' },
        { clientId: 'person-welder-01', name: '王五', idNumber: welder, role: 'special_operator', certificateCategory: 'welding', certificateNumber: `T${welder}`, certificateValidUntil: '2025-12-31', result: 'expired' },
      ],
    });
    assert.equal(saved.people.length, 2);
    assert.equal(saved.checklist.find((x: Json) => x.code === 'MH121-01').finding.level, 'major');
    // the same sync again changes nothing (an offline phone retrying)
    const again = await ok('inspector', 'PATCH', `/inspections/${planned.id}`, { results: results.slice(0, 3) });
    assert.equal(again.people.length, 2);

    const general = list.find((x) => x.code === 'G-emergency-01')!;
    const photoId = cid('photo');
    const body = multipart({ clientId: photoId, checklistId: String(general.id), takenAt: '2026-03-02T08:55:00+08:00' }, { name: 'p.jpg', content: await jpeg(), type: 'image/jpeg' });
    const up = await call(e.app, c.inspector!, { method: 'POST', url: `/inspections/${planned.id}/photos`, payload: body.payload, headers: body.headers });
    assert.equal(up.statusCode, 201, up.body);
    const photo = up.json();
    assert.deepEqual([photo.width, photo.height], [2048, 1365], 'resized on the server to 2048 px');
    assert.equal(photo.receivedAt, e.clock.now.toISOString(), 'server time');
    const retry = await call(e.app, c.inspector!, { method: 'POST', url: `/inspections/${planned.id}/photos`, payload: body.payload, headers: body.headers });
    assert.equal(retry.statusCode, 200);
    assert.equal(retry.json().id, photo.id);
    const img = await as('inspector', 'GET', `/photos/${photo.id}?size=thumb`);
    assert.equal(img.statusCode, 200);
    assert.equal(img.headers['content-type'], 'image/jpeg');
    assert.ok((await sharp(img.rawPayload).metadata()).width! <= 320);
    for (const who of ['enterpriseOther', 'inspectorSuzhou', 'inspectorHousing']) assert.equal((await as(who, 'GET', `/photos/${photo.id}`)).statusCode, 404, who);
    const notImage = multipart({ clientId: cid('photo') }, { name: 'x.jpg', content: Buffer.from('not an image at all'), type: 'image/jpeg' });
    assert.equal((await call(e.app, c.inspector!, { method: 'POST', url: `/inspections/${planned.id}/photos`, payload: notImage.payload, headers: notImage.headers })).statusCode, 422);

    const quizClient = cid('quiz');
    const quiz = await ok('inspector', 'POST', `/inspections/${planned.id}/quizzes`, { clientId: quizClient, personClientId: 'person-principal-1', personName: '张三', role: 'principal' }, 201);
    assert.equal(quiz.questions.length, 5);
    assert.ok(quiz.questions.every((q: Json) => q.answer === undefined), 'answers are not shown before the quiz is answered');
    assert.match(quiz.seed, /^[0-9a-f]{32}$/);
    const audit = await one<{ n: number }>(e.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'draw_quiz' AND after->>'seed' = ${quiz.seed}`);
    assert.equal(audit?.n, 1, 'the seed is in the audit chain before the questions are shown');
    const redraw = await ok('inspector', 'POST', `/inspections/${planned.id}/quizzes`, { clientId: quizClient, personName: '张三', role: 'principal' }, 200);
    assert.equal(redraw.seed, quiz.seed, 'no redraw for easier questions');
    const bank = new Map(STARTER_QUESTIONS.map((q) => [q.stem, q.answer]));
    const answers = quiz.questions.map((q: Json, i: number) => (i === 0 ? [9] : bank.get(q.stem)));
    assert.equal((await as('inspector', 'PUT', `/inspections/${planned.id}/quizzes/${quiz.id}/answers`, { answers })).statusCode, 422);
    answers[0] = [];
    const scored = await ok('inspector', 'PUT', `/inspections/${planned.id}/quizzes/${quiz.id}/answers`, { answers });
    assert.deepEqual([scored.correct, scored.score, scored.passed], [4, 80, true]);
    assert.equal((await as('inspector', 'PUT', `/inspections/${planned.id}/quizzes/${quiz.id}/answers`, { answers: answers.map(() => [0]) })).statusCode, 409);
  });

  test('signing: the record freezes at the first signature, a colleague signs with their own password, the last signature locks it', async () => {
    const d = await ok('inspector', 'GET', `/inspections/${planned.id}`);
    assert.deepEqual(d.readiness, [], JSON.stringify(d.readiness));
    const png = await signaturePng();
    assert.equal((await as('inspector', 'POST', `/inspections/${planned.id}/signatures`, { signerRole: 'inspector', contentHash: 'f'.repeat(64), image: png })).statusCode, 409);
    await ok('inspector', 'POST', `/inspections/${planned.id}/signatures`, { signerRole: 'inspector', contentHash: d.contentHash, image: png });
    const locked = await as('inspector', 'PATCH', `/inspections/${planned.id}`, { summary: '改' });
    assert.equal(locked.statusCode, 423, 'signing freezes the content');
    const wrong = await as('inspector', 'POST', `/inspections/${planned.id}/signatures`, { signerRole: 'inspector', signerUserId: u.jn2, password: 'wrong-password1', contentHash: d.contentHash, image: png });
    assert.equal(wrong.statusCode, 403);
    assert.equal((await as('inspector', 'POST', `/inspections/${planned.id}/signatures`, { signerRole: 'inspector', contentHash: d.contentHash, image: png })).statusCode, 409, 'once each');
    await ok('inspector', 'POST', `/inspections/${planned.id}/signatures`, { signerRole: 'inspector', signerUserId: u.jn2, password: PASSWORD, contentHash: d.contentHash, image: png });
    const signed = await ok('jn2', 'POST', `/inspections/${planned.id}/signatures`, { signerRole: 'enterprise', signerName: '张三', signerTitle: '总经理', contentHash: d.contentHash, image: png });
    assert.equal(signed.status, 'signed');
    assert.equal(signed.hazards.length, 2);
    assert.deepEqual(signed.hazards.map((h: Json) => [h.level, h.state]).sort(), [['general', 'confirmed'], ['major', 'confirmed']]);
    const docs = await rows<{ kind: string; number: string }>(e.database.db, sql`SELECT kind, number FROM documents WHERE source_type = 'inspection' AND source_id = ${planned.id} ORDER BY id`);
    assert.deepEqual(docs.map((x) => x.kind), ['inspection_record', 'rectification_order', 'onsite_measures']);
    assert.match(docs[1]!.number, /^（宁江）应急责改〔2026〕\d+号$/);
    assert.equal((await as('enterprise', 'GET', `/inspections/${planned.id}`)).statusCode, 200, 'the enterprise reads its signed record');
    assert.equal((await as('enterpriseOther', 'GET', `/inspections/${planned.id}`)).statusCode, 404);
  });

  test('anjian audit verify names a signed record edited afterwards, even directly in the database', async () => {
    const db = e.database.db;
    assert.deepEqual((await verifySignedInspections(db)).broken, []);
    assert.equal((await verifyAuditChain(db)).ok, true);
    await db.execute(sql`UPDATE inspection_checklist SET note = '事后篡改' WHERE inspection_id = ${planned.id} AND code = 'MH121-03'`);
    const v = await verifySignedInspections(db);
    assert.deepEqual(v.broken.map((b) => [b.inspectionId, b.reason]), [[planned.id, 'content_changed']]);
    await db.execute(sql`UPDATE inspection_checklist SET note = '' WHERE inspection_id = ${planned.id} AND code = 'MH121-03'`);
    await db.execute(sql`UPDATE inspections SET content_hash = ${'0'.repeat(64)} WHERE id = ${planned.id}`);
    assert.deepEqual((await verifySignedInspections(db)).broken.map((b) => b.reason), ['hash_changed']);
    await db.execute(sql`UPDATE inspections SET content_hash = (SELECT content_hash FROM inspection_signatures WHERE inspection_id = ${planned.id} LIMIT 1) WHERE id = ${planned.id}`);
    assert.deepEqual((await verifySignedInspections(db)).broken, []);
  });

  test('the major hazard: 五定 before rectifying, the enterprise submits with after photos, only the owning department\'s head closes it', async () => {
    const signed = await ok('inspector', 'GET', `/inspections/${planned.id}`);
    const major = signed.hazards.find((h: Json) => h.level === 'major');
    assert.equal((await as('enterpriseOther', 'GET', `/hazards/${major.id}`)).statusCode, 404, 'another enterprise\'s officer does not see it');
    assert.equal((await as('enterpriseOther', 'POST', `/hazards/${major.id}/transitions`, { action: 'start_rectifying' })).statusCode, 404);
    const h = await ok('enterprise', 'GET', `/hazards/${major.id}`);
    assert.deepEqual(h.actions, ['start_rectifying']);
    assert.equal(h.documents.length, 3);
    const noFive = await as('enterprise', 'POST', `/hazards/${major.id}/transitions`, { action: 'start_rectifying' });
    assert.equal(noFive.statusCode, 422);
    assert.equal(noFive.json().code, 'hazard.five_fixes_incomplete');
    assert.equal(noFive.json().details.length, 5);
    const late = await as('enterprise', 'PUT', `/hazards/${major.id}/five-fixes`, { measures: '组织主要负责人参加考核', responsiblePeople: '张三', funds: 5000, deadline: '2026-05-30', contingencyPlan: '考核前由安全总监代行' });
    assert.equal(late.statusCode, 422, 'not after the ordered deadline');
    await ok('enterprise', 'PUT', `/hazards/${major.id}/five-fixes`, { measures: '组织主要负责人参加考核', responsiblePeople: '张三', funds: 5000, deadline: '2026-04-20', contingencyPlan: '考核前由安全总监代行' });
    for (const who of ['coordinator', 'grid', 'expert', 'admin', 'inspectorSuzhou']) {
      assert.ok([403, 404].includes((await as(who, 'POST', `/hazards/${major.id}/transitions`, { action: 'start_rectifying' })).statusCode), who);
    }
    await ok('enterprise', 'POST', `/hazards/${major.id}/transitions`, { action: 'start_rectifying' });
    const noPhoto = await as('enterprise', 'POST', `/hazards/${major.id}/transitions`, { action: 'submit', note: '已考核合格' });
    assert.equal(noPhoto.statusCode, 422);
    const body = multipart({ purpose: 'after', clientId: cid('after') }, { name: 'after.jpg', content: await jpeg(800, 600), type: 'image/jpeg' });
    const ph = await call(e.app, c.enterprise!, { method: 'POST', url: `/hazards/${major.id}/photos`, payload: body.payload, headers: body.headers });
    assert.equal(ph.statusCode, 201, ph.body);
    await ok('enterprise', 'POST', `/hazards/${major.id}/transitions`, { action: 'submit', note: '主要负责人已取得考核合格证', photoIds: [ph.json().id] });
    const byInspector = await as('inspector', 'POST', `/hazards/${major.id}/transitions`, { action: 'review_pass', note: '合格' });
    assert.equal(byInspector.statusCode, 403);
    assert.equal(byInspector.json().code, 'hazard.major_needs_head');
    assert.equal((await as('depthead', 'POST', `/hazards/${major.id}/transitions`, { action: 'review_pass', note: '合格' })).statusCode, 403, 'the head of another department (even the city\'s) does not close it');
    const closed = await ok('jnHead', 'POST', `/hazards/${major.id}/transitions`, { action: 'review_pass', note: '复查合格，同意销号' });
    assert.equal(closed.state, 'closed');
    assert.equal(closed.closedOnTime, true);
    assert.deepEqual(closed.timeline.map((x: Json) => x.action), ['report', 'confirm', 'five_fixes', 'start_rectifying', 'submit', 'review_pass']);
    assert.equal(closed.timeline.find((x: Json) => x.action === 'submit').photos.length, 1);
    assert.ok(closed.documents.some((d: Json) => d.kind === 'review_opinion'));
    assert.equal((await as('jnHead', 'POST', `/hazards/${major.id}/transitions`, { action: 'review_pass', note: 'again' })).statusCode, 409);
  });

  test('the general hazard: a rejected review sends it back; a colleague — not the submitter — passes it', async () => {
    const signed = await ok('inspector', 'GET', `/inspections/${planned.id}`);
    const general = signed.hazards.find((h: Json) => h.level === 'general');
    await ok('inspector', 'POST', `/hazards/${general.id}/transitions`, { action: 'start_rectifying' });
    const body = multipart({ purpose: 'after' }, { name: 'a.jpg', content: await jpeg(640, 480), type: 'image/jpeg' });
    const ph = await call(e.app, c.inspector!, { method: 'POST', url: `/hazards/${general.id}/photos`, payload: body.payload, headers: body.headers });
    await ok('inspector', 'POST', `/hazards/${general.id}/transitions`, { action: 'submit', note: '代企业录入：已修订责任制', photoIds: [ph.json().id] });
    const self = await as('inspector', 'POST', `/hazards/${general.id}/transitions`, { action: 'review_pass', note: '合格' });
    assert.equal(self.statusCode, 403);
    assert.equal(self.json().code, 'hazard.own_submission');
    const back = await ok('jn2', 'POST', `/hazards/${general.id}/transitions`, { action: 'review_reject', note: '仓储岗位职责仍未明确', deadline: '2026-03-25' });
    assert.deepEqual([back.state, back.deadline], ['rectifying', '2026-03-25']);
    const body2 = multipart({ purpose: 'after' }, { name: 'b.jpg', content: await jpeg(640, 480), type: 'image/jpeg' });
    const ph2 = await call(e.app, c.enterprise!, { method: 'POST', url: `/hazards/${general.id}/photos`, payload: body2.payload, headers: body2.headers });
    await ok('enterprise', 'POST', `/hazards/${general.id}/transitions`, { action: 'submit', note: '已补充', photoIds: [ph2.json().id] });
    const done = await ok('inspector', 'POST', `/hazards/${general.id}/transitions`, { action: 'review_pass', note: '复查合格' });
    assert.equal(done.state, 'closed');
  });

  test('自查自改: the enterprise records a self-inspection; it confirms its general hazard, the department its major one', async () => {
    const r = await ok('enterprise', 'POST', `/enterprises/${E().jiangningChem.id}/self-inspections`, {
      clientId: cid('self'), title: '三月份综合自查', conductedOn: '2026-03-01', findings: [
        { description: '灭火器压力不足', location: '二车间', level: 'general', deadline: '2026-03-05', responsiblePerson: '赵六' },
        { description: '储罐区可燃气体报警器失效', location: '储罐区', level: 'major', deadline: '2026-03-31' },
      ],
    }, 201);
    assert.equal(r.hazards, 2);
    assert.equal((await as('enterpriseOther', 'POST', `/enterprises/${E().jiangningChem.id}/self-inspections`, { clientId: cid(), title: 'x', conductedOn: '2026-03-01', findings: [] })).statusCode, 404);
    assert.equal((await as('inspector', 'POST', `/enterprises/${E().jiangningChem.id}/self-inspections`, { clientId: cid(), title: 'x', conductedOn: '2026-03-01', findings: [] })).statusCode, 403);
    const list = await ok('enterprise', 'GET', `/hazards?source=self_inspection&enterpriseId=${E().jiangningChem.id}`);
    const gen = list.items.find((h: Json) => h.level === 'general');
    const maj = list.items.find((h: Json) => h.level === 'major');
    assert.equal(maj.department.name, '江宁区应急管理局', 'owned by the department that supervises the domain at the county');
    await ok('enterprise', 'POST', `/hazards/${gen.id}/transitions`, { action: 'confirm', deadline: '2026-03-05' });
    assert.equal((await as('enterprise', 'POST', `/hazards/${maj.id}/transitions`, { action: 'confirm', deadline: '2026-03-31' })).statusCode, 403);
    const confirmed = await ok('inspector', 'POST', `/hazards/${maj.id}/transitions`, { action: 'confirm', deadline: '2026-03-31' });
    assert.ok(confirmed.documents.some((d: Json) => d.kind === 'rectification_order'), 'the department orders it fixed');
    const self = await ok('enterprise', 'GET', `/enterprises/${E().jiangningChem.id}/self-inspections`);
    assert.equal(self.total, 1);
  });

  test('overdue hazards escalate once a day by the rules: reminder, 督办, 挂牌督办; the ledger filters and counts them', async () => {
    const db = e.database.db;
    const list = await ok('inspector', 'GET', '/hazards?source=self_inspection&level=general');
    const gen = list.items[0];
    // deadline 2026-03-05; on 2026-03-06 it is 1 day overdue (reminder), on 03-12 7 days (部门督办), on 03-20 15 days (挂牌督办)
    const day = (d: string) => new Date(`${d}T01:00:00+08:00`);
    assert.equal((await escalateHazards(db, day('2026-03-05'))).raised, 0);
    assert.equal((await escalateHazards(db, day('2026-03-06'))).raised, 1);
    assert.equal((await escalateHazards(db, day('2026-03-06'))).raised, 0, 'twice on the same day: nothing more');
    await escalateHazards(db, day('2026-03-12'));
    assert.equal((await one<{ s: number }>(db, sql`SELECT escalation_step::int AS s FROM hazards WHERE id = ${gen.id}`))!.s, 2);
    await escalateHazards(db, day('2026-03-20'));
    e.clock.now = day('2026-03-20');
    await relogin('inspector', 'coordinator', 'enterprise');
    const h = await ok('inspector', 'GET', `/hazards/${gen.id}`);
    assert.deepEqual([h.escalation, h.light, h.overdue, h.daysOverdue], [3, 'red', true, 15]);
    assert.deepEqual(h.timeline.filter((x: Json) => x.action === 'escalate').map((x: Json) => x.data.to), [1, 2, 3]);
    const overdue = await ok('coordinator', 'GET', '/hazards?overdue=true');
    assert.ok(overdue.items.some((x: Json) => x.id === gen.id));
    assert.ok(overdue.items.every((x: Json) => x.overdue));
    const summary = await ok('coordinator', 'GET', '/hazards/summary');
    assert.equal(summary.byState.closed, 2);
    assert.equal(summary.total, summary.byState.reported + summary.byState.confirmed + summary.byState.rectifying + summary.byState.submitted + summary.byState.closed);
    assert.equal(summary.onTimeRate, 1);
    const inbox = await ok('coordinator', 'GET', '/inbox');
    assert.ok(inbox.items.some((x: Json) => x.kind === 'escalated' && x.entityId === gen.id), 'the coordinator sees the 挂牌督办');
    const enterpriseInbox = await ok('enterprise', 'GET', '/inbox');
    assert.ok(enterpriseInbox.items.some((x: Json) => x.kind === 'overdue' && x.entityId === gen.id));
    e.clock.now = new Date('2026-03-02T09:00:00+08:00');
    await relogin('inspector', 'coordinator', 'enterprise');
  });

  test('the daily run is claimed once even by two schedulers sharing the database', async () => {
    const db = e.database.db;
    const a = new Scheduler({ db, tasks: [hazardEscalationTask], dataDir: e.config.dataDir, now: () => new Date('2026-03-21T02:00:00+08:00') });
    const b = new Scheduler({ db, tasks: [hazardEscalationTask], dataDir: e.config.dataDir, now: () => new Date('2026-03-21T03:00:00+08:00') });
    const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
    assert.equal(ra.length + rb.length, 1);
    assert.deepEqual([...(await a.tick()), ...(await b.tick())], []);
    const runs = await rows<{ status: string }>(db, sql`SELECT status FROM scheduled_runs WHERE task = 'hazards.escalate' AND period_key = '2026-03-21'`);
    assert.deepEqual(runs.map((r) => r.status), ['done']);
  });

  test('the ledger: scope, filters, export in the 台账 layout', async () => {
    const all = await ok('coordinator', 'GET', '/hazards?pageSize=100');
    assert.ok(all.total >= 4);
    assert.deepEqual(Object.keys(all).sort(), ['items', 'page', 'pageSize', 'total']);
    assert.equal((await ok('coordinatorSuzhou', 'GET', '/hazards')).total, 0);
    assert.equal((await ok('enterpriseOther', 'GET', '/hazards')).total, 0);
    assert.equal((await ok('inspectorHousing', 'GET', '/hazards')).total, 0, 'a housing inspector does not see the chemicals line');
    for (const x of (await ok('coordinator', 'GET', '/hazards?level=major')).items) assert.equal(x.level, 'major');
    for (const x of (await ok('coordinator', 'GET', '/hazards?state=closed')).items) assert.equal(x.state, 'closed');
    assert.equal((await as('coordinator', 'GET', '/hazards?state=bogus')).statusCode, 422);
    const xlsx = await as('coordinator', 'GET', '/hazards/export');
    assert.equal(xlsx.statusCode, 200);
    const sheet = await readXlsx(xlsx.rawPayload);
    assert.match(sheet[0]![0]!, /^隐患排查治理台账/);
    assert.deepEqual(sheet[1]!.slice(0, 4), ['序号', '隐患编号', '企业名称', '所在地区']);
    assert.equal(sheet.length - 2, all.total);
    assert.equal((await as('enterprise', 'GET', '/hazards/export')).statusCode, 403);
    const findings = await ok('enterprise', 'GET', `/enterprises/${E().jiangningChem.id}/findings`);
    assert.equal(findings.departments[0].department.name, '江宁区应急管理局');
  });

  test('a case from the major hazard: evidence, 一案双罚, the statement period, the decision, 行刑衔接, execution, closing; 立案率 and 零处罚', async () => {
    const before = await ok('coordinator', 'GET', '/cases/zero-penalty');
    const major = (await ok('inspector', 'GET', '/hazards?level=major&source=inspection')).items[0];
    assert.ok(before.items.some((x: Json) => x.id === major.id), 'a major hazard with no case is 零处罚');
    const rate0 = await ok('coordinator', 'GET', '/cases/filing-rate');
    assert.deepEqual([rate0.total.major, rate0.total.filed], [1, 0]);
    const kase = await ok('inspector', 'POST', '/cases', { enterpriseId: E().jiangningChem.id, hazardIds: [major.id], inspectionId: planned.id, title: '主要负责人未经安全生产知识和管理能力考核合格', facts: '经查…', legalBasis: '《中华人民共和国安全生产法》第二十七条、第九十七条' }, 201);
    assert.equal(kase.step, 'filed');
    assert.deepEqual(kase.documents.map((d: Json) => d.kind), ['case_filing']);
    assert.equal((await as('enterprise', 'GET', `/cases/${kase.id}`)).statusCode, 404, 'the party does not see the case before the notice');
    assert.equal((await as('expert', 'GET', '/cases')).statusCode, 403);
    await ok('inspector', 'POST', `/cases/${kase.id}/advance`, {});
    const noEvidence = await as('inspector', 'POST', `/cases/${kase.id}/advance`, {});
    assert.equal(noEvidence.statusCode, 422);
    await ok('inspector', 'POST', `/cases/${kase.id}/evidence`, { kind: '询问笔录', description: '对主要负责人张三的询问笔录', collectedOn: '2026-03-02' });
    await ok('inspector', 'POST', `/cases/${kase.id}/measures`, { kind: 'fine_unit', amount: 30000 });
    await ok('inspector', 'POST', `/cases/${kase.id}/advance`, {});
    assert.equal((await as('enterprise', 'GET', `/cases/${kase.id}`)).statusCode, 200, 'notified: the party reads its case');
    const early = await as('jnHead', 'POST', `/cases/${kase.id}/advance`, {});
    assert.equal(early.statusCode, 422);
    const fields = early.json().details.map((d: Json) => d.field).sort();
    assert.deepEqual(fields, ['measures', 'statementWaived'], '陈述申辩期 and 一案双罚');
    assert.equal((await as('inspector', 'POST', `/cases/${kase.id}/advance`, { statementWaived: true })).statusCode, 403, 'the decision is the head\'s');
    await ok('inspector', 'POST', `/cases/${kase.id}/measures`, { kind: 'fine_person', amount: 8000, personName: '张三', personRole: '主要负责人' });
    const decided = await ok('jnHead', 'POST', `/cases/${kase.id}/advance`, { statementWaived: true });
    assert.equal(decided.step, 'decided');
    assert.deepEqual(decided.documents.map((d: Json) => d.kind), ['case_filing', 'penalty_notice', 'penalty_decision']);
    assert.equal((await as('inspector', 'POST', `/cases/${kase.id}/measures`, { kind: 'fine_unit', amount: 1 })).statusCode, 409, 'measures are fixed by the decision');
    assert.equal((await as('inspector', 'POST', `/cases/${kase.id}/transfer`, { agency: '南京市公安局江宁分局', suspectedOffence: '危险作业罪', summary: '…', transferredOn: '2026-03-02' })).statusCode, 403);
    const moved = await ok('jnHead', 'POST', `/cases/${kase.id}/transfer`, { agency: '南京市公安局江宁分局', suspectedOffence: '危险作业罪', summary: '关闭可燃气体报警装置，存在现实危险', transferredOn: '2026-03-02', receiptNo: '江公受〔2026〕3号' });
    assert.ok(moved.documents.some((d: Json) => d.kind === 'criminal_transfer'));
    assert.equal((await as('jnHead', 'POST', `/cases/${kase.id}/transfer`, { agency: 'x', suspectedOffence: 'y', summary: 'z', transferredOn: '2026-03-02' })).statusCode, 409);
    await ok('inspector', 'POST', `/cases/${kase.id}/advance`, {});
    for (const m of (await ok('inspector', 'GET', `/cases/${kase.id}`)).measures) await ok('inspector', 'POST', `/cases/${kase.id}/measures/${m.id}/execute`, { executedOn: '2026-03-02' });
    const closed = await ok('jnHead', 'POST', `/cases/${kase.id}/advance`, {});
    assert.equal(closed.step, 'closed');
    const rate = await ok('coordinator', 'GET', '/cases/filing-rate');
    assert.deepEqual([rate.total.major, rate.total.filed, rate.total.rate], [1, 1, 1]);
    assert.equal(rate.byRegion[0].name, '江宁区');
    const after = await ok('coordinator', 'GET', '/cases/zero-penalty');
    assert.ok(!after.items.some((x: Json) => x.id === major.id));
    assert.equal((await as('enterprise', 'GET', '/cases/filing-rate')).statusCode, 403);
  });

  test('rules and the bank are the administrator\'s; the inbox tells each person what waits', async () => {
    const rules = await ok('coordinator', 'GET', '/hazard-escalation-rules');
    assert.equal(rules.rules.length, 7);
    assert.equal((await as('coordinator', 'PUT', '/hazard-escalation-rules', rules)).statusCode, 403);
    const bad = await as('admin', 'PUT', '/hazard-escalation-rules', { rules: [{ level: 'general', step: 1, daysOverdue: 5 }, { level: 'general', step: 2, daysOverdue: 3 }] });
    assert.equal(bad.statusCode, 422);
    assert.equal(bad.json().details[0].field, 'rules.1.daysOverdue');
    await ok('admin', 'PUT', '/hazard-escalation-rules', rules);
    assert.equal((await as('inspector', 'POST', '/quiz-questions', STARTER_QUESTIONS[0])).statusCode, 403);
    assert.equal((await as('enterprise', 'GET', '/quiz-questions')).statusCode, 403, 'the party does not read the exam');
    const badQ = await as('admin', 'POST', '/quiz-questions', { ...STARTER_QUESTIONS[0], answer: [7] });
    assert.equal(badQ.statusCode, 422);
    const r = await ok('inspector', 'POST', '/inspections', { clientId: cid(), enterpriseId: E().jiangningConstruction.id, reason: 'follow_up' }, 201);
    const inbox = await ok('inspector', 'GET', '/inbox');
    assert.ok(inbox.items.some((x: Json) => x.kind === 'sign_inspection' && x.entityId === r.id));
    assert.equal(inbox.counts.sign_inspection >= 1, true);
    await ok('inspector', 'POST', `/inspections/${r.id}/cancel`, { note: '误建' });
    const after = await ok('inspector', 'GET', '/inbox');
    assert.ok(!after.items.some((x: Json) => x.entityId === r.id && x.kind === 'sign_inspection'));
  });
});
