import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkHolidays, holidaysIn, weekdayOf, type HolidayDay } from '../../../src/core/planning/index.ts';

const h = (date: string, kind: HolidayDay['kind'] = 'holiday', name = '测试'): HolidayDay => ({ date, kind, name });

describe('节假日 holiday calendar', () => {
  test('weekdays of known dates (2026-10-10 is a Saturday, 2026-01-04 a Sunday, 2026-04-06 a Monday)', () => {
    assert.equal(weekdayOf('2026-10-10'), 6);
    assert.equal(weekdayOf('2026-01-04'), 0);
    assert.equal(weekdayOf('2026-04-06'), 1);
  });

  test('a clean year passes: holidays on any day, adjusted working days on weekends', () => {
    assert.deepEqual(checkHolidays(2026, [h('2026-01-01'), h('2026-01-03'), h('2026-01-04', 'workday'), h('2026-10-10', 'workday')]), []);
  });

  test('an adjusted working day on a weekday, a date of another year, a duplicate and a non-date are named', () => {
    const problems = checkHolidays(2026, [h('2026-03-03', 'workday'), h('2027-01-01'), h('2026-05-01'), h('2026-05-01'), h('2026-02-30')]);
    assert.deepEqual(problems.map((p) => [p.index, p.field, p.problem]), [
      [0, 'kind', 'workday_not_weekend'],
      [1, 'date', 'year'],
      [3, 'date', 'duplicate'],
      [4, 'date', 'date'],
    ]);
  });

  test('a horizon takes the holidays (not the adjusted working days) inside its period, sorted', () => {
    const days = [h('2026-10-10', 'workday'), h('2026-10-02'), h('2026-10-01'), h('2026-09-25'), h('2026-12-31')];
    assert.deepEqual(holidaysIn(days, '2026-09-26', '2026-10-31'), ['2026-10-01', '2026-10-02']);
  });
});
