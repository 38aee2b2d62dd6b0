/** Cases (立案 → 调查取证 → 告知 → 决定 → 执行 → 结案), 一案双罚, 行刑衔接, 立案率 and 零处罚 (seed 002 action 7). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  advance,
  checkMeasure,
  checkTransfer,
  dualPenaltyMissing,
  filingRate,
  isZeroPenalty,
  measuresEditable,
  type CaseActor,
  type CaseFacts,
  type Measure,
} from '../../../src/core/cases/index.ts';

const TODAY = '2026-03-10';
const inspector: CaseActor = { userId: 1, role: 'inspector', departmentId: 5 };
const head: CaseActor = { userId: 2, role: 'dept_head', departmentId: 5 };
const otherHead: CaseActor = { userId: 3, role: 'dept_head', departmentId: 6 };
const officer: CaseActor = { userId: 4, role: 'enterprise_officer', departmentId: null };
const coordinator: CaseActor = { userId: 5, role: 'coordinator', departmentId: null };
const fine = (kind: Measure['kind'], amount: number | null, executed = false): Measure => ({ kind, amount, personName: kind === 'fine_person' ? '张总' : '', personRole: '主要负责人', description: kind.startsWith('fine') ? '' : '停产整顿30日', executed });
const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({ step: 'filed', departmentId: 5, notifiedOn: null, evidenceCount: 1, measures: [fine('fine_unit', 50000), fine('fine_person', 10000)], transfer: null, ...over });

describe('the steps, in order', () => {
  test('立案 → 调查取证 → 告知 → 决定 → 执行 → 结案, and nothing after', () => {
    let c = facts();
    const seen: string[] = [c.step];
    for (const by of [inspector, inspector, head, inspector, head]) {
      const d = advance(c, by, { statementWaived: true }, TODAY);
      assert.ok(d.ok, JSON.stringify(d));
      c = { ...c, step: d.to, notifiedOn: d.to === 'notified' ? TODAY : c.notifiedOn, measures: c.measures.map((m) => ({ ...m, executed: true })) };
      seen.push(c.step);
    }
    assert.deepEqual(seen, ['filed', 'investigating', 'notified', 'decided', 'executing', 'closed']);
    const end = advance(c, head, {}, TODAY);
    assert.equal(!end.ok && end.status, 409);
  });
  test('only the case\'s department moves it; the decision and the closing are its head\'s', () => {
    for (const a of [otherHead, officer, coordinator]) assert.equal(!advance(facts(), a, {}, TODAY).ok && (advance(facts(), a, {}, TODAY) as { status: number }).status, 403);
    const d = advance(facts({ step: 'notified', notifiedOn: '2026-03-01' }), inspector, {}, TODAY);
    assert.equal(!d.ok && d.key, 'case.needs_head');
    assert.ok(advance(facts({ step: 'notified', notifiedOn: '2026-03-01' }), head, {}, TODAY).ok);
    assert.equal(advance(facts({ step: 'executing', measures: [] }), inspector, {}, TODAY).ok, false);
  });
  test('告知 needs evidence and proposed measures', () => {
    const d = advance(facts({ step: 'investigating', evidenceCount: 0, measures: [] }), inspector, {}, TODAY);
    assert.deepEqual(!d.ok && d.status === 422 && d.issues.map((i) => i.key), ['case.evidence_needed', 'case.measures_needed']);
  });
  test('the decision waits three days for the party\'s statement (陈述申辩) unless waived', () => {
    const c = facts({ step: 'notified', notifiedOn: '2026-03-08' });
    const d = advance(c, head, {}, TODAY);
    assert.equal(!d.ok && d.status === 422 && d.issues[0]!.key, 'case.statement_period');
    assert.ok(advance(c, head, {}, '2026-03-11').ok);
    assert.ok(advance(c, head, { statementWaived: true }, TODAY).ok);
  });
  test('一案双罚: a fine on the unit wants one on its responsible person, or a written reason', () => {
    const c = facts({ step: 'notified', notifiedOn: '2026-03-01', measures: [fine('fine_unit', 50000)] });
    assert.ok(dualPenaltyMissing(c.measures));
    const d = advance(c, head, {}, TODAY);
    assert.equal(!d.ok && d.status === 422 && d.issues[0]!.key, 'case.dual_penalty');
    assert.ok(advance(c, head, { dualPenaltyWaiver: '责任人已另案处理' }, TODAY).ok);
    assert.ok(!dualPenaltyMissing([fine('suspend_production', null)]));
  });
  test('结案 with a fine unpaid needs a reason (e.g. 申请人民法院强制执行)', () => {
    const c = facts({ step: 'executing', measures: [fine('fine_unit', 50000, true), fine('fine_person', 10000, false)] });
    assert.equal(advance(c, head, {}, TODAY).ok, false);
    assert.ok(advance(c, head, { note: '已申请人民法院强制执行' }, TODAY).ok);
  });
  test('measures change until the decision, not after', () => {
    assert.ok(measuresEditable('investigating'));
    assert.ok(!measuresEditable('decided'));
  });
});

describe('measures and the transfer to the police (行刑衔接)', () => {
  test('a fine has a positive amount; a person fined has a name; other measures say what they are', () => {
    assert.deepEqual(checkMeasure(fine('fine_unit', 0)).map((i) => i.key), ['case.fine_amount']);
    assert.deepEqual(checkMeasure({ ...fine('fine_person', 100), personName: '' }).map((i) => i.field), ['personName']);
    assert.deepEqual(checkMeasure({ ...fine('close_down', null), description: '' }).map((i) => i.field), ['description']);
    assert.deepEqual(checkMeasure({ ...fine('close_down', 5), description: '关闭' }).map((i) => i.key), ['case.amount_only_for_fines']);
  });
  test('a transfer names the agency, the suspected offence and a date not in the future', () => {
    const t = { agency: '南京市公安局江宁分局', suspectedOffence: '危险作业罪', summary: '关闭报警装置', transferredOn: TODAY, receiptNo: '' };
    assert.deepEqual(checkTransfer(t, TODAY), []);
    assert.deepEqual(checkTransfer({ ...t, agency: '', transferredOn: '2026-03-11' }, TODAY).map((i) => i.key), ['field.required', 'case.date_in_future']);
  });
});

describe('立案率 and 零处罚', () => {
  const major = { level: 'major' as const, source: 'inspection' as const, state: 'confirmed' as const };
  test('the rate', () => {
    assert.equal(filingRate(4, 3), 0.75);
    assert.equal(filingRate(0, 0), null);
  });
  test('a major hazard an inspection found with no case is 零处罚; a self-reported or general one is not counted', () => {
    assert.ok(isZeroPenalty(major, []));
    assert.ok(!isZeroPenalty({ ...major, source: 'self_inspection' }, []));
    assert.ok(!isZeroPenalty({ ...major, level: 'general' }, []));
    assert.ok(!isZeroPenalty({ ...major, state: 'dismissed' }, []));
  });
  test('a case under way is not flagged; one closed without a penalty is; one with a decided penalty is not', () => {
    assert.ok(!isZeroPenalty(major, [{ step: 'investigating', measures: [] }]));
    assert.ok(isZeroPenalty(major, [{ step: 'closed', measures: [{ kind: 'order_correction' }] }]));
    assert.ok(!isZeroPenalty(major, [{ step: 'decided', measures: [{ kind: 'fine_unit' }] }]));
  });
});
