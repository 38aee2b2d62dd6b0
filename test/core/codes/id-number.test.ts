import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { validateIdNumber, computeIdCheck, makeIdNumber } from '../../../src/core/codes/index.ts';

describe('ID number 公民身份号码 (GB 11643)', () => {
  test('11010519491231002X is valid, female, born 1949-12-31', () => {
    assert.deepEqual(validateIdNumber('11010519491231002X'), { ok: true, birthDate: '1949-12-31', sex: 'female', legacy15: false });
  });
  test('440524188001010014 is valid, male', () => {
    const r = validateIdNumber('440524188001010014');
    assert.equal(r.ok, true);
    assert.ok(r.ok && r.sex === 'male' && r.birthDate === '1880-01-01');
  });
  test('lower-case x accepted', () => assert.equal(validateIdNumber('11010519491231002x').ok, true));
  test('wrong check digit names the expected one', () => {
    assert.deepEqual(validateIdNumber('110105194912310021'), { ok: false, reason: 'check-digit', expected: 'X' });
  });
  test('bad date, bad province, bad length, future birth', () => {
    assert.equal((validateIdNumber(makeIdNumber('320102', '2023-02-29', 11)) as { reason: string }).reason, 'birth-date');
    const bad = '990105194912310021';
    assert.deepEqual(validateIdNumber(bad), { ok: false, reason: 'province' });
    assert.deepEqual(validateIdNumber('1101051949123100'), { ok: false, reason: 'length' });
    const future = makeIdNumber('320102', '2030-01-01', 11);
    assert.equal(validateIdNumber(future).ok, true);
    assert.deepEqual(validateIdNumber(future, '2025-06-01'), { ok: false, reason: 'birth-date' });
  });
  test('15-digit legacy numbers', () => {
    const r = validateIdNumber('110105491231002');
    assert.ok(r.ok && r.legacy15 && r.birthDate === '1949-12-31');
  });
  test('computeIdCheck and makeIdNumber agree', () => {
    assert.equal(computeIdCheck('11010519491231002'), 'X');
    assert.equal(makeIdNumber('110105', '1949-12-31', 2), '11010519491231002X');
  });
});
