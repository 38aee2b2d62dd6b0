/**
 * The inspection record: the checklist of seed 002 ("重大事故隐患判定标准…固化到执法系统作为必查项"), findings,
 * 逢查必检 (GB 11643 ID numbers, the "T"+ID certificate number of domain.md §8), 逢查必考 and 谁检查谁签名谁负责.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkAnswers,
  checkPerson,
  checkQuestion,
  checkReadyToSign,
  checkResult,
  checkSignature,
  composeChecklist,
  criterionApplies,
  drawQuestions,
  findingLevel,
  quizPool,
  scoreQuiz,
  signingStatus,
  type BankQuestion,
  type ChecklistEntry,
  type LibraryItem,
  type PersonChecked,
  type ResultInput,
} from '../../../src/core/inspection/index.ts';
import { contentHash } from '../../../src/core/inspection/content-hash.ts';
import { makeIdNumber } from '../../../src/core/codes/id-number.ts';

const TODAY = '2026-03-10';
let nextId = 1;
const item = (code: string, over: Partial<LibraryItem> = {}): LibraryItem => ({
  id: nextId++, code, version: 1, text: code, legalBasis: '', line: 'emergency', industryDomain: null, majorHazard: false, standard: null, article: null, ...over,
});
const art = (article: number, n: number, domain: string | null) =>
  item(`MH10-${String(article).padStart(2, '0')}-${String(n).padStart(2, '0')}`, { majorHazard: true, standard: '应急管理部令第10号', article, industryDomain: domain });
const chem = (n: number) => item(`MH121-${String(n).padStart(2, '0')}`, { majorHazard: true, standard: '安监总管三〔2017〕121号', industryDomain: 'hazchem' });

const LIBRARY = [
  art(3, 1, null), art(3, 2, null), art(4, 1, 'metallurgy'), art(7, 1, 'machinery'), art(7, 2, 'machinery'), art(11, 1, null), art(12, 1, null), art(13, 1, null),
  chem(1), chem(2), item('G-emergency-01'), item('G-fire-01', { line: 'fire' }),
];

describe('the checklist: plan items pinned, plus the must-check criteria of the domain', () => {
  test('a machinery plant gets Art. 3, its own Art. 7 and the special Arts. 11–13 — not metallurgy, not 121号', () => {
    const codes = composeChecklist([], LIBRARY, 'machinery', 'emergency').map((e) => e.code);
    assert.deepEqual(codes, ['MH10-03-01', 'MH10-03-02', 'MH10-07-01', 'MH10-07-02', 'MH10-11-01', 'MH10-12-01', 'MH10-13-01']);
  });
  test('商贸 has no article of its own: Art. 3 and Arts. 11–13 only', () => {
    assert.deepEqual(composeChecklist([], LIBRARY, 'commerce', 'emergency').map((e) => e.code), ['MH10-03-01', 'MH10-03-02', 'MH10-11-01', 'MH10-12-01', 'MH10-13-01']);
  });
  test('a hazardous-chemicals enterprise gets the 121号 criteria and none of 部令第10号', () => {
    assert.deepEqual(composeChecklist([], LIBRARY, 'hazchem', 'emergency').map((e) => e.code), ['MH121-01', 'MH121-02']);
  });
  test('a construction site has no 工贸/危化 criteria; another line\'s inspection gets none of the emergency line\'s', () => {
    assert.deepEqual(composeChecklist([], LIBRARY, 'construction', 'emergency'), []);
    assert.deepEqual(composeChecklist([], LIBRARY, 'machinery', 'fire'), []);
    assert.equal(criterionApplies({ majorHazard: false, industryDomain: null, standard: null }, 'machinery'), false);
  });
  test('plan items come first at the version the plan pinned; a criterion already planned is not added twice', () => {
    const oldVersion = { ...LIBRARY[3]!, id: 900, version: 1 }; // MH10-07-01 v1 pinned by a plan
    const current = LIBRARY.map((i) => (i.code === 'MH10-07-01' ? { ...i, id: 901, version: 2 } : i));
    const list = composeChecklist([LIBRARY[10]!, oldVersion], current, 'machinery', 'emergency');
    assert.deepEqual(list.slice(0, 2).map((e) => [e.code, e.version, e.origin, e.mustCheck]), [
      ['G-emergency-01', 1, 'plan', false],
      ['MH10-07-01', 1, 'plan', true],
    ]);
    assert.equal(list.filter((e) => e.code === 'MH10-07-01').length, 1);
    assert.deepEqual(list.map((e) => e.position), list.map((_, i) => i + 1));
  });
});

const entry = (over: Partial<ChecklistEntry> = {}): ChecklistEntry => ({
  itemId: 1, code: 'X', version: 1, text: 'x', legalBasis: '', majorHazard: false, mustCheck: false, origin: 'plan', position: 1, ...over,
});
const finding = { description: '配电箱无防护', location: '一车间', level: null, deadline: '2026-03-20', responsiblePerson: '李四', fixedOnSite: false };

describe('results and findings', () => {
  test('a finding on a major-hazard criterion is a 重大事故隐患 by definition', () => {
    const e = entry({ majorHazard: true, mustCheck: true });
    assert.equal(findingLevel(e, { level: null }), 'major');
    assert.equal(findingLevel(e, { level: 'general' }), 'major');
    assert.deepEqual(checkResult(e, { result: 'hazard', note: '', finding: { ...finding, level: 'general' } }, TODAY).map((i) => i.key), ['inspection.major_by_definition']);
    assert.equal(findingLevel(entry(), { level: 'major' }), 'major', 'an inspector may judge an ordinary item major');
    assert.equal(findingLevel(entry(), null), 'general');
  });
  test('a must-check item is "not applicable" only with a reason', () => {
    assert.deepEqual(checkResult(entry({ mustCheck: true }), { result: 'not_applicable', note: '', finding: null }, TODAY).map((i) => i.key), ['inspection.na_needs_reason']);
    assert.deepEqual(checkResult(entry({ mustCheck: true }), { result: 'not_applicable', note: '无液氨制冷', finding: null }, TODAY), []);
  });
  test('a hazard needs its description; a major one is never "fixed on the spot"; no finding without a hazard', () => {
    assert.deepEqual(checkResult(entry(), { result: 'hazard', note: '', finding: null }, TODAY).map((i) => i.field), ['finding.description']);
    assert.deepEqual(checkResult(entry({ majorHazard: true }), { result: 'hazard', note: '', finding: { ...finding, fixedOnSite: true } }, TODAY).map((i) => i.key), ['hazard.major_not_on_spot']);
    assert.deepEqual(checkResult(entry(), { result: 'compliant', note: '', finding }, TODAY).map((i) => i.key), ['inspection.finding_without_hazard']);
    assert.deepEqual(checkResult(entry(), { result: 'hazard', note: '', finding: { ...finding, deadline: '2026-03-01' } }, TODAY).map((i) => i.key), ['hazard.deadline_past']);
  });
  test('ready to sign: must-check answered, deadlines set, two inspectors, 逢查必检 and 逢查必考 done', () => {
    const r = (x: Partial<ResultInput>): ResultInput => ({ result: null, note: '', finding: null, ...x });
    const checklist = [
      { ...entry({ code: 'MH-1', mustCheck: true, majorHazard: true }), id: 11, result: r({}) },
      { ...entry({ code: 'G-1' }), id: 12, result: r({ result: 'hazard', finding: { ...finding, deadline: null } }) },
      { ...entry({ code: 'G-2' }), id: 13, result: r({ result: 'hazard', finding: { ...finding, deadline: null, fixedOnSite: true } }) },
      { ...entry({ code: 'G-3' }), id: 14, result: null },
    ];
    const issues = checkReadyToSign({ checklist, inspectors: 1, peopleChecked: 0, quizzesScored: 0 }, TODAY);
    assert.deepEqual(issues.map((i) => `${i.field}:${i.key}`), [
      'checklist.11:inspection.must_check_unanswered',
      'checklist.12.finding.deadline:inspection.deadline_needed',
      'team:inspection.two_inspectors',
      'people:inspection.people_needed',
      'quizzes:inspection.quiz_needed',
    ]);
    checklist[0]!.result = r({ result: 'compliant' });
    checklist[1]!.result = r({ result: 'hazard', finding });
    assert.deepEqual(checkReadyToSign({ checklist, inspectors: 2, peopleChecked: 1, quizzesScored: 1 }, TODAY), []);
  });
});

describe('逢查必检: people and certificates', () => {
  const id = makeIdNumber('320115', '1985-06-01', 123);
  const person = (over: Partial<PersonChecked> = {}): PersonChecked => ({
    name: '王五', idNumber: id, role: 'special_operator', certificateCategory: 'electrician', certificateNumber: `T${id}`, certificateValidUntil: '2028-01-01', result: 'valid', note: '', ...over,
  });
  test('a valid record passes', () => assert.deepEqual(checkPerson(person(), TODAY), []));
  test('GB 11643: a wrong check character names the right one; the published examples pass', () => {
    const bad = id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');
    const issues = checkPerson(person({ idNumber: bad, certificateNumber: 'X-1' }), TODAY);
    assert.equal(issues[0]!.key, 'id_number.check-digit');
    assert.equal(issues[0]!.params?.expected, id.slice(17));
    assert.deepEqual(checkPerson(person({ idNumber: '11010519491231002X', certificateNumber: 'T11010519491231002X' }), TODAY), []);
    assert.deepEqual(checkPerson(person({ idNumber: '440524188001010014', certificateNumber: 'A1' }), TODAY), []);
  });
  test('a birth date after today, a 15-digit legacy number or nonsense is refused', () => {
    assert.equal(checkPerson(person({ idNumber: makeIdNumber('320115', '2026-03-11', 1) }), TODAY)[0]!.key, 'id_number.birth-date');
    assert.equal(checkPerson(person({ idNumber: '320115850601123' }), TODAY)[0]!.key, 'id_number.length');
    assert.equal(checkPerson(person({ idNumber: '32011519850601ABCD' }), TODAY)[0]!.key, 'id_number.charset');
  });
  test('a "valid" T-number certificate of another person, or past its date, is not valid', () => {
    const other = makeIdNumber('320115', '1990-01-01', 5);
    assert.deepEqual(checkPerson(person({ certificateNumber: `T${other}` }), TODAY).map((i) => i.key), ['person.certificate_id_mismatch']);
    assert.deepEqual(checkPerson(person({ certificateNumber: `T${other}`, result: 'mismatch' }), TODAY), []);
    assert.deepEqual(checkPerson(person({ certificateValidUntil: '2026-03-09' }), TODAY).map((i) => i.key), ['person.certificate_expired']);
  });
  test('no certificate means "missing"; a special operator holds a special-operation card', () => {
    assert.deepEqual(checkPerson(person({ certificateCategory: 'none', certificateNumber: '', result: 'valid' }), TODAY).map((i) => i.key), ['person.no_card_means_missing']);
    assert.deepEqual(checkPerson(person({ certificateCategory: 'none', certificateNumber: '', result: 'missing' }), TODAY), []);
    assert.deepEqual(checkPerson(person({ certificateCategory: 'safety_qualification', certificateNumber: 'A-1' }), TODAY).map((i) => i.key), ['person.not_special_category']);
  });
});

describe('逢查必考: draw and score', () => {
  const bank: BankQuestion[] = Array.from({ length: 12 }, (_, i) => ({
    id: i + 1, kind: 'single' as const, stem: `题${i + 1}`, options: ['A', 'B', 'C'], answer: [i % 3],
    industryDomain: i < 4 ? 'hazchem' : i < 8 ? null : 'machinery', role: i % 2 ? 'principal' as const : 'safety_manager' as const, active: i !== 1,
  }));
  test('the pool: active questions of the role, of the domain or of every domain', () => {
    assert.deepEqual(quizPool(bank, 'principal', 'hazchem').map((q) => q.id), [4, 6, 8]);
    assert.deepEqual(quizPool(bank, 'safety_manager', 'machinery').map((q) => q.id), [5, 7, 9, 11]);
  });
  test('the same seed draws the same questions, whatever order the pool comes in; another seed draws others', () => {
    const a = drawQuestions(bank, 5, 'seed-1').map((q) => q.id);
    assert.deepEqual(drawQuestions([...bank].reverse(), 5, 'seed-1').map((q) => q.id), a);
    assert.equal(new Set(a).size, 5);
    const draws = new Set(Array.from({ length: 20 }, (_, i) => drawQuestions(bank, 5, `s${i}`).map((q) => q.id).join()));
    assert.ok(draws.size > 15, 'seeds spread the draws');
    assert.equal(drawQuestions(bank.slice(0, 3), 5, 'x').length, 3, 'a small pool gives what it has');
  });
  test('each question is drawn about as often as the others (no favourite)', () => {
    const counts = new Map<number, number>();
    for (let i = 0; i < 3000; i++) for (const q of drawQuestions(bank, 3, `u${i}`)) counts.set(q.id, (counts.get(q.id) ?? 0) + 1);
    for (const n of counts.values()) assert.ok(n > 600 && n < 900, `expected ~750, got ${n}`);
  });
  test('score: exact answers count; unanswered is wrong; 80 passes', () => {
    const qs = [
      { id: 1, kind: 'single' as const, stem: '', options: ['a', 'b'], answer: [1] },
      { id: 2, kind: 'multiple' as const, stem: '', options: ['a', 'b', 'c'], answer: [0, 2] },
      { id: 3, kind: 'judge' as const, stem: '', options: ['正确', '错误'], answer: [0] },
      { id: 4, kind: 'single' as const, stem: '', options: ['a', 'b'], answer: [0] },
      { id: 5, kind: 'single' as const, stem: '', options: ['a', 'b'], answer: [0] },
    ];
    assert.deepEqual(scoreQuiz(qs, [[1], [2, 0], [0], [0], null]), { correct: 4, total: 5, score: 80, passed: true });
    assert.deepEqual(scoreQuiz(qs, [[1], [0], [0], [0], [1]]), { correct: 3, total: 5, score: 60, passed: false });
    assert.deepEqual(checkAnswers(qs, [[1], [0, 0], [0, 1], [5], null]).map((i) => `${i.field}:${i.key}`), [
      'answers.1:quiz.answer_out_of_range', 'answers.2:quiz.one_answer', 'answers.3:quiz.answer_out_of_range',
    ]);
  });
  test('a question as written by an admin', () => {
    assert.deepEqual(checkQuestion({ kind: 'judge', stem: '动火作业须审批', options: ['正确', '错误'], answer: [0] }), []);
    assert.deepEqual(checkQuestion({ kind: 'multiple', stem: 's', options: ['a', 'b', 'c'], answer: [1] }).map((i) => i.key), ['quiz.multiple_needs_two']);
    assert.deepEqual(checkQuestion({ kind: 'single', stem: '', options: ['a'], answer: [3] }).map((i) => i.key), ['field.required', 'quiz.option_count', 'quiz.answer_out_of_range']);
  });
});

describe('谁检查谁签名谁负责: signing', () => {
  const H = 'a'.repeat(64);
  test('complete when every inspector of the team and the enterprise have signed', () => {
    const s1 = { signerRole: 'inspector' as const, userId: 1, refused: false, contentHash: H };
    assert.equal(signingStatus([1, 2], [s1]).complete, false);
    assert.deepEqual(signingStatus([1, 2], [s1]).missingInspectors, [2]);
    const all = [s1, { ...s1, userId: 2 }, { signerRole: 'enterprise' as const, userId: null, refused: false, contentHash: H }];
    assert.equal(signingStatus([1, 2], all).complete, true);
    assert.equal(signingStatus([1], all.slice(0, 1).concat(all[2]!)).complete, false, 'one inspector is never enough');
  });
  test('a signature binds to the content everybody signed; once per signer; only the team', () => {
    const s = { signerRole: 'inspector' as const, userId: 1, refused: false, contentHash: H };
    assert.equal(checkSignature([1, 2], [], { ...s, contentHash: 'b'.repeat(64) }, H), 'inspection.content_changed');
    assert.equal(checkSignature([1, 2], [s], s, H), 'inspection.already_signed');
    assert.equal(checkSignature([1, 2], [], { ...s, userId: 3 }, H), 'inspection.not_on_team');
    assert.equal(checkSignature([1, 2], [{ ...s, contentHash: 'c'.repeat(64) }], { ...s, userId: 2 }, H), 'inspection.content_changed');
    assert.equal(checkSignature([1, 2], [s], { ...s, userId: 2 }, H), null);
  });
  test('the content hash does not depend on key order and changes with any edit', () => {
    const a = contentHash({ x: 1, y: [{ b: 2, a: 1 }] });
    assert.equal(contentHash({ y: [{ a: 1, b: 2 }], x: 1 }), a);
    assert.notEqual(contentHash({ x: 1, y: [{ a: 1, b: 3 }] }), a);
    assert.match(a, /^[0-9a-f]{64}$/);
  });
});
