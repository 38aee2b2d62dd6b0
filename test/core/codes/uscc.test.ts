import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  validateUscc, computeUsccCheck, makeUscc, isValidOrgCode, computeOrgCodeCheck, usccRegionCode, USCC_CHARSET,
} from '../../../src/core/codes/index.ts';

describe('USCC 统一社会信用代码 (GB 32100)', () => {
  for (const code of ['91350100M000100Y43', '914403001922038216', '91440300708461136T', '91110000710926094P']) {
    test(`real code ${code} is valid, body check too`, () => {
      assert.deepEqual(validateUscc(code), { ok: true, warnings: [] });
      assert.ok(isValidOrgCode(code.slice(8, 17)));
    });
  }

  test('worked example of the standard: sum 1640 → check 3', () => {
    assert.equal(computeUsccCheck('91350100M000100Y4'), '3');
  });

  test('the "百度" mock code fails with expected J', () => {
    assert.deepEqual(validateUscc('91110108717809965C'), { ok: false, reason: 'check-digit', expected: 'J' });
  });

  test('length, charset and province failures', () => {
    assert.equal(validateUscc('9135010').ok, false);
    assert.deepEqual(validateUscc('91350100M000100Y4'), { ok: false, reason: 'length' });
    assert.deepEqual(validateUscc('91350100M000100O43'), { ok: false, reason: 'charset' }); // O not allowed
    assert.deepEqual(validateUscc('9135A100M000100Y43'), { ok: false, reason: 'charset' }); // letter in region part
    const bad = '91990100M000100Y4';
    assert.deepEqual(validateUscc(bad + computeUsccCheck(bad)), { ok: false, reason: 'province' });
  });

  test('lower case and whitespace are tolerated', () => {
    assert.equal(validateUscc(' 91440300708461136t ').ok, true);
  });

  test('a wrong body check is a warning, not an error', () => {
    const first17 = '91320100' + '12345678' + '0';
    const r = validateUscc(first17 + computeUsccCheck(first17));
    assert.equal(r.ok, true);
    assert.ok(r.ok && r.warnings.includes('body-check'));
  });

  test('GB 11714 check: 10 → X, 11 → 0', () => {
    assert.equal(computeOrgCodeCheck('M000100Y'), '4');
    assert.equal(computeOrgCodeCheck('71092609'), '4');
    assert.equal(computeOrgCodeCheck('00000006'), 'X'); // sum 12, 12 mod 11 = 1 → 10
    assert.equal(computeOrgCodeCheck('00000000'), '0'); // sum 0 → 11
  });

  test('makeUscc gives valid codes carrying the region code', () => {
    let s = 1;
    const rng = () => ((s = (s * 16807) % 2147483647) - 1) / 2147483646;
    for (let i = 0; i < 2000; i++) {
      const code = makeUscc({ regionCode: i % 2 ? '321283' : '320102', legacyBody: i % 3 === 0 }, rng);
      assert.deepEqual(validateUscc(code), { ok: true, warnings: [] }, code);
      assert.equal(usccRegionCode(code), i % 2 ? '321283' : '320102');
      for (const ch of code) assert.ok(USCC_CHARSET.includes(ch));
    }
  });
});
