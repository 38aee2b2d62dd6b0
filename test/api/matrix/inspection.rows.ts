/**
 * Rows of issue 6: inspections, hazards, cases, the question bank, photos, periodic tasks and the inbox — every role,
 * inside and outside its scope, and every role trying a transition it may not make. The setup builds, through the API,
 * one signed inspection with hazards and one draft per "home" (江宁 chemicals · 江宁 construction · 苏州 chemicals) and a
 * case on each.
 */
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { rows, sql } from '../../../src/db/client.ts';
import { hashPassword } from '../../../src/modules/auth/password.ts';
import { loadItemLibrary } from '../../../src/seed/planning.ts';
import { STARTER_QUESTIONS } from '../../../src/seed/quiz-questions.ts';
import { insertQuestions } from '../../../src/modules/questions/questions.repo.ts';
import { makeIdNumber } from '../../../src/core/codes/id-number.ts';
import { PASSWORD } from '../../support/harness.ts';
import { call, multipart } from '../helpers.ts';
import { type Endpoint, type User, type World, WHO, NOBODY, all, only, idOf, asAdmin } from './world.ts';

type Home = 'JC' | 'HS' | 'SZ';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Who sees each home's records (written out from the fixture: region, line, enterprise). */
const SEES: Record<Home, User[]> = {
  // 南京江宁测试化工 (危化品, 320115001): Nanjing-wide roles, the district's emergency inspector, the town's grid worker, its officer
  JC: ['admin', 'coordinator', 'depthead', 'inspector', 'expert', 'grid', 'enterprise'],
  // 南京江宁建设工程 (建筑施工, 320115003): the housing line sees it; the grid worker's town and the officers do not
  HS: ['admin', 'coordinator', 'depthead', 'inspector', 'inspectorHousing', 'expert'],
  SZ: ['admin', 'coordinatorSuzhou', 'inspectorSuzhou', 'enterpriseOther'],
};
const INSIDE: Record<User, Home> = {
  admin: 'JC', coordinator: 'JC', coordinatorSuzhou: 'SZ', depthead: 'JC', inspector: 'JC', inspectorHousing: 'HS', inspectorSuzhou: 'SZ',
  expert: 'JC', grid: 'JC', enterprise: 'JC', enterpriseOther: 'SZ',
};
const OUTSIDE: Record<User, Home | null> = {
  admin: null, coordinator: 'SZ', coordinatorSuzhou: 'JC', depthead: 'SZ', inspector: 'SZ', inspectorHousing: 'JC', inspectorSuzhou: 'JC',
  expert: 'SZ', grid: 'HS', enterprise: 'HS', enterpriseOther: 'JC',
};
/** the inspectors of each home's department (its team) */
const STAFF: Record<Home, User> = { JC: 'inspector', HS: 'inspectorHousing', SZ: 'inspectorSuzhou' };
const OPENERS: User[] = ['depthead', 'inspector', 'inspectorHousing', 'inspectorSuzhou'];
const SUPERVISORS: User[] = ['admin', 'coordinator', 'coordinatorSuzhou', 'depthead', 'inspector', 'inspectorHousing', 'inspectorSuzhou'];

interface HomeRecords {
  enterpriseId: number;
  signed: number;
  signatureId: number;
  draft: number;
  cancelDraft: number;
  quiz: number;
  photo: number;
  general: number;
  fiveFixes: number;
  closed: number;
  caseId: number;
}
interface Ext {
  homes: Record<Home, HomeRecords>;
  questionId: number;
}
const ext = (w: World) => w.ext.inspection as Ext;
const rec = (w: World, h: Home | null) => (h ? ext(w).homes[h] : null);
const idIn = (w: World, h: Home | null, k: keyof HomeRecords) => rec(w, h)?.[k] ?? NOBODY;

/** inside: 200 (or `yes`) for `allowed`, 403 for others who see the record, 404 for those who do not */
const byRole = (allowed: (u: User) => boolean, yes = 200) => (u: User) => (allowed(u) ? yes : SEES[INSIDE[u]].includes(u) ? 403 : 404);
const isStaffOf = (u: User) => STAFF[INSIDE[u]] === u;
/** drafts are seen by their team and department, and by admins and coordinators of the region */
const draftExpect = (yes: number) => (u: User) => (isStaffOf(u) ? yes : ['admin', 'coordinator', 'coordinatorSuzhou'].includes(u) ? 403 : 404);

let seq = 0;
const cid = (p: string) => `${p}-matrix-${++seq}-abcdef`;
const jpeg = () => sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 10, g: 120, b: 200 } } }).jpeg().toBuffer();
const png = async () => (await sharp({ create: { width: 120, height: 40, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 1 } } }).png().toBuffer()).toString('base64');

async function as(w: World, who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown, status = 200) {
  const cookie = (w.cookies as Record<string, string>)[who]!;
  const r = await call(w.env.app, cookie, { method, url, ...(payload !== undefined ? { payload } : {}) });
  assert.equal(r.statusCode, status, `${who} ${method} ${url}: ${r.body.slice(0, 400)}`);
  return r.json() as Json;
}

async function buildHome(w: World, home: Home, enterpriseId: number, lead: User, co: string, officer: User | null): Promise<HomeRecords> {
  const u = Object.fromEntries((await rows<{ id: number; username: string }>(w.env.database.db, sql`SELECT id, username FROM users`)).map((x) => [x.username, x.id]));
  const start = async () => as(w, lead, 'POST', '/inspections', { clientId: cid(home), enterpriseId, reason: 'campaign', team: [u[co]] }, 201);
  const signedStart = await start();
  const checklist = signedStart.checklist as Json[];
  const criterion = checklist.find((x) => x.mustCheck);
  const plain = checklist.find((x) => !x.majorHazard)!;
  const plain2 = checklist.filter((x) => !x.majorHazard)[1] ?? null;
  const results = checklist.map((x) =>
    x.id === plain.id
      ? { checklistId: x.id, result: 'hazard', finding: { description: `${home} 一般隐患`, deadline: '2026-06-30', responsiblePerson: '李四' } }
      : plain2 && x.id === plain2.id
        ? { checklistId: x.id, result: 'hazard', finding: { description: `${home} 当场整改`, fixedOnSite: true } }
        : criterion && x.id === criterion.id
          ? { checklistId: x.id, result: 'hazard', finding: { description: `${home} 重大隐患`, deadline: '2026-06-30', responsiblePerson: '张三' } }
          : { checklistId: x.id, result: 'compliant' },
  );
  const id = makeIdNumber('320115', '1980-01-01', 3);
  const complete = {
    results,
    people: [{ clientId: cid('person'), name: '张三', idNumber: id, role: 'principal', certificateCategory: 'safety_qualification', certificateNumber: 'AQ-1', result: 'valid' }],
  };
  await as(w, lead, 'PATCH', `/inspections/${signedStart.id}`, complete);
  const quiz = await as(w, lead, 'POST', `/inspections/${signedStart.id}/quizzes`, { clientId: cid('quiz'), personName: '张三', role: 'principal' }, 201);
  await as(w, lead, 'PUT', `/inspections/${signedStart.id}/quizzes/${quiz.id}/answers`, { answers: quiz.questions.map(() => [0]) });
  const body = multipart({ clientId: cid('photo'), checklistId: String(plain.id) }, { name: 'p.jpg', content: await jpeg(), type: 'image/jpeg' });
  const cookie = (w.cookies as Record<string, string>)[lead]!;
  const photo = (await call(w.env.app, cookie, { method: 'POST', url: `/inspections/${signedStart.id}/photos`, payload: body.payload, headers: body.headers })).json();
  const d = await as(w, lead, 'GET', `/inspections/${signedStart.id}`);
  const image = await png();
  await as(w, lead, 'POST', `/inspections/${d.id}/signatures`, { signerRole: 'inspector', contentHash: d.contentHash, image });
  await as(w, lead, 'POST', `/inspections/${d.id}/signatures`, { signerRole: 'inspector', signerUserId: u[co], password: PASSWORD, contentHash: d.contentHash, image });
  const signed = await as(w, lead, 'POST', `/inspections/${d.id}/signatures`, { signerRole: 'enterprise', signerName: '张三', contentHash: d.contentHash, image });
  assert.equal(signed.status, 'signed');
  const hazards = signed.hazards as Json[];
  const general = hazards.find((h) => h.level === 'general' && h.state === 'confirmed')!;
  const closed = hazards.find((h) => h.state === 'closed')!;
  const major = hazards.find((h) => h.level === 'major');
  const draft = await start();
  const cancelDraft = await start();
  const draftQuiz = await as(w, lead, 'POST', `/inspections/${draft.id}/quizzes`, { clientId: cid('quiz'), personName: '王五', role: 'safety_manager' }, 201);
  // a case at the notice step (告知), so the party reads it
  const kase = await as(w, lead, 'POST', '/cases', { enterpriseId, hazardIds: [(major ?? general).id], inspectionId: d.id, title: `${home} 未按规定排查治理事故隐患` }, 201);
  await as(w, lead, 'POST', `/cases/${kase.id}/advance`, {});
  await as(w, lead, 'POST', `/cases/${kase.id}/evidence`, { kind: '勘验笔录', description: '现场勘验', collectedOn: '2026-03-02' });
  await as(w, lead, 'POST', `/cases/${kase.id}/measures`, { kind: 'order_correction', description: '责令限期改正' });
  await as(w, lead, 'POST', `/cases/${kase.id}/advance`, {});
  void officer;
  return {
    enterpriseId, signed: d.id, signatureId: signed.signatures[0].id, draft: draft.id, cancelDraft: cancelDraft.id, quiz: draftQuiz.id, photo: photo.id,
    general: general.id, fiveFixes: (major ?? general).id, closed: closed.id, caseId: kase.id,
  };
}

async function setup(w: World) {
  const db = w.env.database.db;
  await loadItemLibrary(db, w.env.clock.now);
  const hash = await hashPassword(PASSWORD);
  // the second inspectors of the planning world sign with their own password
  await db.execute(sql`UPDATE users SET password_hash = ${hash} WHERE username IN ('jnYj2', 'jnZj2', 'szYj2')`);
  const q = await asAdmin(w, { method: 'POST', url: '/quiz-questions', payload: STARTER_QUESTIONS[0] }, 201);
  await insertQuestions(db, STARTER_QUESTIONS.slice(1), null, w.env.clock.now);
  const homes = {
    JC: await buildHome(w, 'JC', idOf(w, 'jiangningChem'), 'inspector', 'jnYj2', 'enterprise'),
    HS: await buildHome(w, 'HS', idOf(w, 'jiangningConstruction'), 'inspectorHousing', 'jnZj2', null),
    SZ: await buildHome(w, 'SZ', idOf(w, 'suzhouChem'), 'inspectorSuzhou', 'szYj2', 'enterpriseOther'),
  };
  w.ext.inspection = { homes, questionId: q.id } satisfies Ext;
}

const inside = (k: keyof HomeRecords) => (w: World, u: User) => idIn(w, INSIDE[u], k);
const outside = (k: keyof HomeRecords) => (w: World, u: User) => idIn(w, OUTSIDE[u], k);
const seesInside = (u: User) => (SEES[INSIDE[u]].includes(u) ? 200 : 404);

async function photoUpload(url: string, extra: Record<string, string> = {}) {
  const body = multipart({ clientId: cid('up'), ...extra }, { name: 'p.jpg', content: await jpeg(), type: 'image/jpeg' });
  return { method: 'POST' as const, url, payload: body.payload, headers: body.headers };
}

export const inspectionRows: Endpoint[] = [
  // ── inspections ──
  {
    route: 'GET /inspections',
    variant: 'list',
    request: () => ({ method: 'GET', url: '/inspections?pageSize=200' }),
    expect: all(200),
    check: (res, u, w) => {
      const ids = (res.json().items as Json[]).map((i) => i.enterprise.id);
      const allowed = new Set(WHO[u].sees.map((e) => idOf(w, e)));
      for (const id of ids) assert.ok(allowed.has(id) || (u === 'inspectorHousing' && id === idOf(w, 'jiangningConstruction')), `${u} lists an inspection of enterprise ${id}`);
    },
  },
  {
    route: 'POST /inspections',
    variant: 'inside scope (unplanned)',
    request: (w, u) => ({ method: 'POST', url: '/inspections', payload: { clientId: cid('start'), enterpriseId: ext(w).homes[INSIDE[u]].enterpriseId, reason: 'complaint' } }),
    expect: only(OPENERS, 201, 403),
  },
  {
    route: 'POST /inspections',
    variant: 'outside scope',
    request: (w, u) => ({ method: 'POST', url: '/inspections', payload: { clientId: cid('start'), enterpriseId: OUTSIDE[u] ? ext(w).homes[OUTSIDE[u]!].enterpriseId : NOBODY, reason: 'complaint' } }),
    expect: only(OPENERS, 404, 403),
  },
  { route: 'GET /inspections/:id', variant: 'inside scope (signed)', request: (w, u) => ({ method: 'GET', url: `/inspections/${inside('signed')(w, u)}` }), expect: seesInside },
  { route: 'GET /inspections/:id', variant: 'outside scope', request: (w, u) => ({ method: 'GET', url: `/inspections/${outside('signed')(w, u)}` }), expect: all(404) },
  {
    route: 'PATCH /inspections/:id',
    variant: 'a draft of the home (team only)',
    request: (w, u) => ({ method: 'PATCH', url: `/inspections/${inside('draft')(w, u)}`, payload: { summary: '矩阵测试' } }),
    expect: draftExpect(200),
  },
  { route: 'PATCH /inspections/:id', variant: 'outside scope', request: (w, u) => ({ method: 'PATCH', url: `/inspections/${outside('draft')(w, u)}`, payload: { summary: 'x' } }), expect: all(404) },
  { route: 'PATCH /inspections/:id', variant: 'a signed record is locked', request: (w, u) => ({ method: 'PATCH', url: `/inspections/${inside('signed')(w, u)}`, payload: { summary: 'x' } }), expect: (u) => (isStaffOf(u) ? 423 : SEES[INSIDE[u]].includes(u) ? 403 : 404) },
  { route: 'POST /inspections/:id/photos', variant: 'a draft of the home', request: async (w, u) => photoUpload(`/inspections/${inside('draft')(w, u)}/photos`), expect: draftExpect(201) },
  { route: 'POST /inspections/:id/photos', variant: 'outside scope', request: async (w, u) => photoUpload(`/inspections/${outside('draft')(w, u)}/photos`), expect: all(404) },
  {
    route: 'POST /inspections/:id/quizzes',
    variant: 'a draft of the home',
    request: (w, u) => ({ method: 'POST', url: `/inspections/${inside('draft')(w, u)}/quizzes`, payload: { clientId: cid('q'), personName: '李四', role: 'safety_manager' } }),
    expect: draftExpect(201),
  },
  { route: 'POST /inspections/:id/quizzes', variant: 'outside scope', request: (w, u) => ({ method: 'POST', url: `/inspections/${outside('draft')(w, u)}/quizzes`, payload: { clientId: cid('q'), personName: '李四', role: 'principal' } }), expect: all(404) },
  {
    route: 'PUT /inspections/:id/quizzes/:quizId/answers',
    variant: 'a draft of the home',
    request: (w, u) => ({ method: 'PUT', url: `/inspections/${inside('draft')(w, u)}/quizzes/${inside('quiz')(w, u)}/answers`, payload: { answers: [[0], [0], [0], [0], [0]] } }),
    expect: draftExpect(200),
  },
  { route: 'PUT /inspections/:id/quizzes/:quizId/answers', variant: 'outside scope', request: (w, u) => ({ method: 'PUT', url: `/inspections/${outside('draft')(w, u)}/quizzes/${outside('quiz')(w, u)}/answers`, payload: { answers: [[0]] } }), expect: all(404) },
  {
    route: 'POST /inspections/:id/signatures',
    variant: 'an incomplete draft: the team is told what is missing',
    request: (w, u) => ({ method: 'POST', url: `/inspections/${inside('draft')(w, u)}/signatures`, payload: { signerRole: 'inspector', contentHash: 'a'.repeat(64) } }),
    expect: draftExpect(422),
  },
  { route: 'POST /inspections/:id/signatures', variant: 'outside scope', request: (w, u) => ({ method: 'POST', url: `/inspections/${outside('draft')(w, u)}/signatures`, payload: { signerRole: 'inspector', contentHash: 'a'.repeat(64) } }), expect: all(404) },
  {
    route: 'GET /inspections/:id/signatures/:signatureId/image',
    variant: 'inside scope',
    request: (w, u) => ({ method: 'GET', url: `/inspections/${inside('signed')(w, u)}/signatures/${inside('signatureId')(w, u)}/image` }),
    expect: seesInside,
  },
  { route: 'GET /inspections/:id/signatures/:signatureId/image', variant: 'outside scope', request: (w, u) => ({ method: 'GET', url: `/inspections/${outside('signed')(w, u)}/signatures/${outside('signatureId')(w, u)}/image` }), expect: all(404) },
  {
    route: 'POST /inspections/:id/reopen',
    variant: 'a signed record cannot be reopened',
    request: (w, u) => ({ method: 'POST', url: `/inspections/${inside('signed')(w, u)}/reopen`, payload: { note: '重新核对' } }),
    expect: (u) => (isStaffOf(u) ? 409 : SEES[INSIDE[u]].includes(u) ? 403 : 404),
  },
  { route: 'POST /inspections/:id/reopen', variant: 'outside scope', request: (w, u) => ({ method: 'POST', url: `/inspections/${outside('signed')(w, u)}/reopen`, payload: { note: 'x' } }), expect: all(404) },
  // ── photos ──
  { route: 'GET /photos/:id', variant: 'inside scope', request: (w, u) => ({ method: 'GET', url: `/photos/${inside('photo')(w, u)}` }), expect: seesInside },
  { route: 'GET /photos/:id', variant: 'outside scope', request: (w, u) => ({ method: 'GET', url: `/photos/${outside('photo')(w, u)}` }), expect: all(404) },
  // ── hazards ──
  {
    route: 'GET /hazards',
    variant: 'list',
    request: () => ({ method: 'GET', url: '/hazards?pageSize=200' }),
    expect: all(200),
    check: (res, u, w) => {
      const homes = (res.json().items as Json[]).map((h) => (Object.entries(ext(w).homes).find(([, r]) => r.enterpriseId === h.enterprise.id)?.[0] ?? null) as Home | null);
      for (const h of homes) if (h) assert.ok(SEES[h].includes(u), `${u} lists a hazard of ${h}`);
      assert.ok(homes.includes(INSIDE[u]) || !SEES[INSIDE[u]].includes(u), `${u} sees its own home's hazards`);
    },
  },
  { route: 'GET /hazards/summary', variant: '', request: () => ({ method: 'GET', url: '/hazards/summary' }), expect: all(200) },
  { route: 'GET /hazards/export', variant: '', request: () => ({ method: 'GET', url: '/hazards/export' }), expect: (u) => (u === 'enterprise' || u === 'enterpriseOther' ? 403 : 200) },
  { route: 'GET /hazards/:id', variant: 'inside scope', request: (w, u) => ({ method: 'GET', url: `/hazards/${inside('general')(w, u)}` }), expect: seesInside },
  { route: 'GET /hazards/:id', variant: 'outside scope', request: (w, u) => ({ method: 'GET', url: `/hazards/${outside('general')(w, u)}` }), expect: all(404) },
  {
    route: 'POST /hazards/:id/transitions',
    variant: 'review a confirmed hazard: the owning department may review (409: nothing to review yet); every other role is refused',
    request: (w, u) => ({ method: 'POST', url: `/hazards/${inside('general')(w, u)}/transitions`, payload: { action: 'review_pass', note: '复查' } }),
    expect: byRole(isStaffOf, 409),
  },
  {
    route: 'POST /hazards/:id/transitions',
    variant: 'confirm: only the owning department',
    request: (w, u) => ({ method: 'POST', url: `/hazards/${inside('general')(w, u)}/transitions`, payload: { action: 'confirm', deadline: '2026-06-30' } }),
    expect: byRole(isStaffOf, 409),
  },
  {
    route: 'POST /hazards/:id/transitions',
    variant: 'start rectifying a closed hazard: the department and the enterprise may act (409), nobody else',
    request: (w, u) => ({ method: 'POST', url: `/hazards/${inside('closed')(w, u)}/transitions`, payload: { action: 'start_rectifying' } }),
    expect: byRole((u) => isStaffOf(u) || u === 'enterprise' || u === 'enterpriseOther', 409),
  },
  { route: 'POST /hazards/:id/transitions', variant: 'outside scope (another enterprise\'s hazard)', request: (w, u) => ({ method: 'POST', url: `/hazards/${outside('general')(w, u)}/transitions`, payload: { action: 'start_rectifying' } }), expect: all(404) },
  {
    route: 'PUT /hazards/:id/five-fixes',
    variant: 'inside scope: the department and the enterprise draw up the plan',
    request: (w, u) => ({ method: 'PUT', url: `/hazards/${inside('fiveFixes')(w, u)}/five-fixes`, payload: { measures: '整改措施', responsiblePeople: '张三', funds: 10000, deadline: null, contingencyPlan: '应急预案' } }),
    expect: byRole((u) => isStaffOf(u) || u === 'enterprise' || u === 'enterpriseOther'),
  },
  { route: 'PUT /hazards/:id/five-fixes', variant: 'outside scope', request: (w, u) => ({ method: 'PUT', url: `/hazards/${outside('fiveFixes')(w, u)}/five-fixes`, payload: { measures: 'x', responsiblePeople: 'x', funds: 1, deadline: null, contingencyPlan: 'x' } }), expect: all(404) },
  { route: 'POST /hazards/:id/photos', variant: 'inside scope', request: async (w, u) => photoUpload(`/hazards/${inside('general')(w, u)}/photos`, { purpose: 'before' }), expect: byRole((u) => isStaffOf(u) || u === 'enterprise' || u === 'enterpriseOther', 201) },
  { route: 'POST /hazards/:id/photos', variant: 'outside scope', request: async (w, u) => photoUpload(`/hazards/${outside('general')(w, u)}/photos`, { purpose: 'after' }), expect: all(404) },
  { route: 'GET /enterprises/:id/findings', variant: 'inside scope', request: (w, u) => ({ method: 'GET', url: `/enterprises/${idOf(w, WHO[u].inside)}/findings` }), expect: all(200) },
  { route: 'GET /enterprises/:id/findings', variant: 'outside scope', request: (w, u) => ({ method: 'GET', url: `/enterprises/${WHO[u].outside ? idOf(w, WHO[u].outside!) : NOBODY}/findings` }), expect: all(404) },
  { route: 'GET /enterprises/:id/self-inspections', variant: 'inside scope', request: (w, u) => ({ method: 'GET', url: `/enterprises/${idOf(w, WHO[u].inside)}/self-inspections` }), expect: all(200) },
  { route: 'GET /enterprises/:id/self-inspections', variant: 'outside scope', request: (w, u) => ({ method: 'GET', url: `/enterprises/${WHO[u].outside ? idOf(w, WHO[u].outside!) : NOBODY}/self-inspections` }), expect: all(404) },
  {
    route: 'POST /enterprises/:id/self-inspections',
    variant: 'inside scope: only the enterprise\'s own officer',
    request: (w, u) => ({ method: 'POST', url: `/enterprises/${idOf(w, WHO[u].inside)}/self-inspections`, payload: { clientId: cid('self'), title: '月度自查', conductedOn: '2026-03-01', findings: [{ description: '消防通道堆物', level: 'general', deadline: '2026-03-10' }] } }),
    expect: only(['enterprise', 'enterpriseOther'], 201, 403),
  },
  {
    route: 'POST /enterprises/:id/self-inspections',
    variant: 'outside scope',
    request: (w, u) => ({ method: 'POST', url: `/enterprises/${WHO[u].outside ? idOf(w, WHO[u].outside!) : NOBODY}/self-inspections`, payload: { clientId: cid('self'), title: 'x', conductedOn: '2026-03-01', findings: [] } }),
    expect: all(404),
  },
  { route: 'GET /hazard-escalation-rules', variant: '', request: () => ({ method: 'GET', url: '/hazard-escalation-rules' }), expect: all(200) },
  {
    route: 'PUT /hazard-escalation-rules',
    variant: '',
    request: async (w) => ({ method: 'PUT', url: '/hazard-escalation-rules', payload: await asAdmin(w, { method: 'GET', url: '/hazard-escalation-rules' }, 200) }),
    expect: only(['admin'], 200, 403),
  },
  // ── cases ──
  {
    route: 'GET /cases',
    variant: 'list',
    request: () => ({ method: 'GET', url: '/cases?pageSize=200' }),
    expect: (u) => (u === 'expert' || u === 'grid' ? 403 : 200),
    check: (res, u, w) => {
      for (const c of res.json().items as Json[]) {
        const home = Object.entries(ext(w).homes).find(([, r]) => r.enterpriseId === c.enterprise.id)?.[0] as Home | undefined;
        if (home) assert.ok(SEES[home].includes(u), `${u} lists a case of ${home}`);
      }
    },
  },
  {
    route: 'POST /cases',
    variant: 'inside scope',
    request: (w, u) => ({ method: 'POST', url: '/cases', payload: { enterpriseId: ext(w).homes[INSIDE[u]].enterpriseId, title: '矩阵测试立案' } }),
    expect: only(OPENERS, 201, 403),
  },
  {
    route: 'POST /cases',
    variant: 'outside scope',
    request: (w, u) => ({ method: 'POST', url: '/cases', payload: { enterpriseId: OUTSIDE[u] ? ext(w).homes[OUTSIDE[u]!].enterpriseId : NOBODY, title: 'x' } }),
    expect: only(OPENERS, 404, 403),
  },
  { route: 'GET /cases/filing-rate', variant: '', request: () => ({ method: 'GET', url: '/cases/filing-rate' }), expect: only(SUPERVISORS, 200, 403) },
  { route: 'GET /cases/zero-penalty', variant: '', request: () => ({ method: 'GET', url: '/cases/zero-penalty' }), expect: only(SUPERVISORS, 200, 403) },
  { route: 'GET /cases/:id', variant: 'inside scope (notified: the party reads it)', request: (w, u) => ({ method: 'GET', url: `/cases/${inside('caseId')(w, u)}` }), expect: (u) => (u === 'expert' || u === 'grid' ? 403 : seesInside(u)) },
  { route: 'GET /cases/:id', variant: 'outside scope', request: (w, u) => ({ method: 'GET', url: `/cases/${outside('caseId')(w, u)}` }), expect: (u) => (u === 'expert' || u === 'grid' ? 403 : 404) },
  {
    route: 'POST /cases/:id/evidence',
    variant: 'inside scope: the case\'s department',
    request: (w, u) => ({ method: 'POST', url: `/cases/${inside('caseId')(w, u)}/evidence`, payload: { kind: '书证', description: '隐患排查记录', collectedOn: '2026-03-02' } }),
    expect: (u) => (u === 'expert' || u === 'grid' ? 403 : byRole(isStaffOf)(u)),
  },
  { route: 'POST /cases/:id/evidence', variant: 'outside scope', request: (w, u) => ({ method: 'POST', url: `/cases/${outside('caseId')(w, u)}/evidence`, payload: { kind: 'x', description: 'x', collectedOn: '2026-03-02' } }), expect: (u) => (u === 'expert' || u === 'grid' ? 403 : 404) },
  {
    route: 'POST /cases/:id/measures',
    variant: 'inside scope',
    request: (w, u) => ({ method: 'POST', url: `/cases/${inside('caseId')(w, u)}/measures`, payload: { kind: 'fine_unit', amount: 10000 } }),
    expect: (u) => (u === 'expert' || u === 'grid' ? 403 : byRole(isStaffOf)(u)),
  },
  { route: 'POST /cases/:id/measures', variant: 'outside scope', request: (w, u) => ({ method: 'POST', url: `/cases/${outside('caseId')(w, u)}/measures`, payload: { kind: 'fine_unit', amount: 1 } }), expect: (u) => (u === 'expert' || u === 'grid' ? 403 : 404) },
  {
    route: 'DELETE /cases/:id/measures/:measureId',
    variant: 'inside scope',
    request: async (w, u) => {
      const home = INSIDE[u];
      const c = await as(w, STAFF[home], 'POST', `/cases/${ext(w).homes[home].caseId}/measures`, { kind: 'order_correction', description: '待删除' });
      return { method: 'DELETE', url: `/cases/${c.id}/measures/${c.measures[c.measures.length - 1].id}` };
    },
    expect: (u) => (u === 'expert' || u === 'grid' ? 403 : byRole(isStaffOf)(u)),
  },
  { route: 'DELETE /cases/:id/measures/:measureId', variant: 'outside scope', request: (w, u) => ({ method: 'DELETE', url: `/cases/${outside('caseId')(w, u)}/measures/1` }), expect: (u) => (u === 'expert' || u === 'grid' ? 403 : 404) },
  {
    route: 'POST /cases/:id/measures/:measureId/execute',
    variant: 'inside scope: not before the decision',
    request: async (w, u) => {
      const c = await as(w, 'admin', 'GET', `/cases/${inside('caseId')(w, u)}`);
      return { method: 'POST', url: `/cases/${c.id}/measures/${c.measures[0].id}/execute`, payload: { executedOn: '2026-03-02' } };
    },
    expect: (u) => (u === 'expert' || u === 'grid' ? 403 : byRole(isStaffOf, 409)(u)),
  },
  { route: 'POST /cases/:id/measures/:measureId/execute', variant: 'outside scope', request: (w, u) => ({ method: 'POST', url: `/cases/${outside('caseId')(w, u)}/measures/1/execute`, payload: { executedOn: '2026-03-02' } }), expect: (u) => (u === 'expert' || u === 'grid' ? 403 : 404) },
  {
    route: 'POST /cases/:id/advance',
    variant: 'a fresh case: its department takes it to 调查取证; others are refused',
    request: async (w, u) => {
      const home = INSIDE[u];
      const c = isStaffOf(u) ? await as(w, u, 'POST', '/cases', { enterpriseId: ext(w).homes[home].enterpriseId, title: '矩阵测试' }, 201) : { id: ext(w).homes[home].caseId };
      return { method: 'POST', url: `/cases/${c.id}/advance`, payload: {} };
    },
    expect: (u) => (u === 'expert' || u === 'grid' ? 403 : byRole(isStaffOf)(u)),
  },
  {
    route: 'POST /cases/:id/advance',
    variant: 'the decision is the head\'s: an inspector of the department is refused',
    request: (w, u) => ({ method: 'POST', url: `/cases/${inside('caseId')(w, u)}/advance`, payload: { statementWaived: true } }),
    expect: (u) => (u === 'expert' || u === 'grid' ? 403 : SEES[INSIDE[u]].includes(u) ? 403 : 404),
  },
  { route: 'POST /cases/:id/advance', variant: 'outside scope', request: (w, u) => ({ method: 'POST', url: `/cases/${outside('caseId')(w, u)}/advance`, payload: {} }), expect: (u) => (u === 'expert' || u === 'grid' ? 403 : 404) },
  {
    route: 'POST /cases/:id/transfer',
    variant: 'only the department head transfers to the police',
    request: (w, u) => ({ method: 'POST', url: `/cases/${inside('caseId')(w, u)}/transfer`, payload: { agency: '公安分局', suspectedOffence: '危险作业罪', summary: '…', transferredOn: '2026-03-02' } }),
    expect: (u) => (u === 'expert' || u === 'grid' ? 403 : SEES[INSIDE[u]].includes(u) ? 403 : 404),
  },
  { route: 'POST /cases/:id/transfer', variant: 'outside scope', request: (w, u) => ({ method: 'POST', url: `/cases/${outside('caseId')(w, u)}/transfer`, payload: { agency: 'x', suspectedOffence: 'x', summary: 'x', transferredOn: '2026-03-02' } }), expect: (u) => (u === 'expert' || u === 'grid' ? 403 : 404) },
  // ── question bank, tasks, inbox ──
  { route: 'GET /quiz-questions', variant: '', request: () => ({ method: 'GET', url: '/quiz-questions' }), expect: only(SUPERVISORS, 200, 403) },
  { route: 'POST /quiz-questions', variant: '', request: () => ({ method: 'POST', url: '/quiz-questions', payload: { ...STARTER_QUESTIONS[2], stem: `矩阵测试题 ${++seq}` } }), expect: only(['admin'], 201, 403) },
  { route: 'PUT /quiz-questions/:id', variant: '', request: (w) => ({ method: 'PUT', url: `/quiz-questions/${ext(w).questionId}`, payload: STARTER_QUESTIONS[0] }), expect: only(['admin'], 200, 403) },
  { route: 'GET /scheduler/tasks', variant: '', request: () => ({ method: 'GET', url: '/scheduler/tasks' }), expect: only(['admin'], 200, 403) },
  { route: 'POST /scheduler/tasks/:name/run', variant: '', request: () => ({ method: 'POST', url: '/scheduler/tasks/hazards.sync-register/run' }), expect: only(['admin'], 200, 403) },
  { route: 'GET /inbox', variant: '', request: () => ({ method: 'GET', url: '/inbox' }), expect: all(200) },
  // last: cancelling consumes the draft
  {
    route: 'POST /inspections/:id/cancel',
    variant: 'a draft of the home: its team cancels it',
    request: (w, u) => ({ method: 'POST', url: `/inspections/${inside('cancelDraft')(w, u)}/cancel`, payload: { note: '误建' } }),
    expect: (u) => (isStaffOf(u) ? 200 : ['admin', 'coordinator', 'coordinatorSuzhou'].includes(u) ? 403 : 404),
  },
  { route: 'POST /inspections/:id/cancel', variant: 'outside scope', request: (w, u) => ({ method: 'POST', url: `/inspections/${outside('cancelDraft')(w, u)}/cancel`, payload: { note: 'x' } }), expect: all(404) },
];

export const inspectionModule = { name: 'inspection', setup, rows: inspectionRows };
