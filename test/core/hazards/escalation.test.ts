/** 超期升级: reminder → 部门督办 → 挂牌督办 (county, city) on the right day, by the rules as data. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, checkRules, DEFAULT_ESCALATION_RULES as RULES, dueTomorrow, escalationFor, ledgerRates } from '../../../src/core/hazards/index.ts';

const DEADLINE = '2026-03-10';

describe('escalation on the right day (default rules)', () => {
  const stepOn = (level: 'general' | 'major', day: string) => escalationFor(level, DEADLINE, day, RULES).step;
  test('on and before the deadline a hazard is on time (green)', () => {
    assert.equal(stepOn('major', '2026-03-01'), 0);
    const e = escalationFor('major', DEADLINE, DEADLINE, RULES);
    assert.deepEqual([e.step, e.light, e.daysOverdue], [0, 'green', 0]);
    assert.deepEqual(e.next, { step: 1, on: '2026-03-11' });
  });
  test('a general hazard: reminder on day 1, 部门督办 on day 7, county 挂牌督办 on day 15, never the city', () => {
    assert.equal(stepOn('general', '2026-03-11'), 1);
    assert.equal(stepOn('general', '2026-03-16'), 1);
    assert.equal(stepOn('general', '2026-03-17'), 2);
    assert.equal(stepOn('general', '2026-03-24'), 2);
    assert.equal(stepOn('general', '2026-03-25'), 3);
    assert.equal(stepOn('general', '2027-03-25'), 3);
    assert.equal(escalationFor('general', DEADLINE, '2026-03-25', RULES).next, null);
  });
  test('a major hazard climbs faster and reaches the city on day 15', () => {
    assert.equal(stepOn('major', '2026-03-12'), 1);
    assert.equal(stepOn('major', '2026-03-13'), 2);
    assert.equal(stepOn('major', '2026-03-16'), 2);
    assert.equal(stepOn('major', '2026-03-17'), 3);
    const e = escalationFor('major', DEADLINE, '2026-03-25', RULES);
    assert.deepEqual([e.step, e.light, e.daysOverdue], [4, 'red', 15]);
  });
  test('the traffic light: green, yellow, orange, red', () => {
    const lights = ['2026-03-10', '2026-03-11', '2026-03-13', '2026-03-17'].map((d) => escalationFor('major', DEADLINE, d, RULES).light);
    assert.deepEqual(lights, ['green', 'yellow', 'orange', 'red']);
  });
  test('the rules are data: an admin\'s rules move the days', () => {
    const rules = [{ level: 'general' as const, step: 2 as const, daysOverdue: 2 }];
    assert.equal(escalationFor('general', DEADLINE, '2026-03-11', rules).step, 0);
    assert.equal(escalationFor('general', DEADLINE, '2026-03-12', rules).step, 2);
    assert.equal(escalationFor('major', DEADLINE, '2026-06-12', rules).step, 0, 'no rule for major: no escalation');
  });
  test('no deadline, no escalation; across a month end the days are calendar days', () => {
    assert.equal(escalationFor('major', null, '2030-01-01', RULES).step, 0);
    assert.equal(escalationFor('major', '2026-02-27', '2026-03-02', RULES).daysOverdue, 3);
    assert.equal(addDays('2026-02-27', 15), '2026-03-14');
  });
  test('deadline tomorrow', () => {
    assert.ok(dueTomorrow('2026-03-11', '2026-03-10'));
    assert.ok(!dueTomorrow('2026-03-10', '2026-03-10'));
    assert.ok(!dueTomorrow(null, '2026-03-10'));
  });
});

describe('an edited rule set is checked', () => {
  test('the default rules are valid', () => assert.deepEqual(checkRules(RULES), []));
  test('steps must come on later days, once each, within a year', () => {
    const bad = checkRules([
      { level: 'general', step: 1, daysOverdue: 5 },
      { level: 'general', step: 2, daysOverdue: 5 },
      { level: 'general', step: 2, daysOverdue: 9 },
      { level: 'major', step: 1, daysOverdue: 0 },
      { level: 'major', step: 3, daysOverdue: 400 },
    ]);
    assert.deepEqual(bad.map((i) => `${i.index}:${i.key}`).sort(), ['1:escalation.not_increasing', '2:escalation.duplicate', '3:escalation.days_range', '4:escalation.days_range'].sort());
  });
});

describe('ledger rates', () => {
  test('rectification rate and on-time rate', () => {
    assert.deepEqual(ledgerRates({ total: 8, closed: 6, closedOnTime: 3 }), { rectificationRate: 0.75, onTimeRate: 0.5 });
    assert.deepEqual(ledgerRates({ total: 0, closed: 0, closedOnTime: 0 }), { rectificationRate: null, onTimeRate: null });
  });
});
