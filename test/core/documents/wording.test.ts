/**
 * Amounts in capitals as 《正确填写票据和结算凭证的基本规定》 (中国人民银行, with 《支付结算办法》) writes them — its own
 * examples first — and dates with Arabic numerals (GB/T 9704-2012).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chineseDate, chineseDateTime, chinesePeriod, fineText, itemNumbers, yuanInFigures, yuanInWords } from '../../../src/core/documents/wording.ts';

describe('人民币大写 amounts in capitals', () => {
  test('the examples of the rule', () => {
    assert.equal(yuanInWords(1409.5), '壹仟肆佰零玖元伍角'); // a zero inside: 零
    assert.equal(yuanInWords(6007.14), '陆仟零柒元壹角肆分'); // a run of zeros: one 零
    assert.equal(yuanInWords(1680.32), '壹仟陆佰捌拾元零叁角贰分'); // 元位 zero, 角 not: one 零
    assert.equal(yuanInWords(107000.53), '壹拾万柒仟元零伍角叁分'); // 万位 and 元位 zero: one 零 only
    assert.equal(yuanInWords(325.04), '叁佰贰拾伍元零肆分');
  });
  test('amounts ending at 元 end with 整; a leading ten is 壹拾', () => {
    assert.equal(yuanInWords(50000), '伍万元整');
    assert.equal(yuanInWords(10), '壹拾元整');
    assert.equal(yuanInWords(200000), '贰拾万元整');
    assert.equal(yuanInWords(0), '零元整');
  });
  test('zeros across the 万 and 亿 groups', () => {
    assert.equal(yuanInWords(10005), '壹万零伍元整');
    assert.equal(yuanInWords(100500), '壹拾万零伍佰元整');
    assert.equal(yuanInWords(101000), '壹拾万壹仟元整');
    assert.equal(yuanInWords(100010000), '壹亿零壹万元整');
    assert.equal(yuanInWords(300050000), '叁亿零伍万元整');
    assert.equal(yuanInWords(100000000), '壹亿元整');
  });
  test('fen only, and rounding to the fen', () => {
    assert.equal(yuanInWords(0.05), '伍分');
    assert.equal(yuanInWords(0.5), '伍角');
    assert.equal(yuanInWords(100000.05), '壹拾万元零伍分');
    assert.equal(yuanInWords(19.999), '贰拾元整');
  });
  test('negative or absurd amounts are refused', () => {
    assert.throws(() => yuanInWords(-1), RangeError);
    assert.throws(() => yuanInWords(Number.NaN), RangeError);
    assert.throws(() => yuanInWords(1e16), RangeError);
  });
  test('figures and the fine as a decision writes it', () => {
    assert.equal(yuanInFigures(1234567.8), '¥1,234,567.80');
    assert.equal(fineText(50000), '罚款人民币伍万元整（¥50,000.00）');
  });
});

describe('dates in documents', () => {
  test('days and instants in China time', () => {
    assert.equal(chineseDate('2026-03-02'), '2026年3月2日');
    assert.equal(chineseDate('2026-03-01T16:30:00Z'), '2026年3月2日'); // 00:30 in Nanjing
    assert.equal(chineseDateTime('2026-03-02T01:05:00Z'), '2026年3月2日9时05分');
  });
  test('an inspection period names the day once when it ends the same day', () => {
    assert.equal(chinesePeriod('2026-03-02T01:00:00Z', '2026-03-02T03:30:00Z'), '2026年3月2日9时00分至11时30分');
    assert.equal(chinesePeriod('2026-03-02T09:00:00Z', '2026-03-02T17:00:00Z'), '2026年3月2日17时00分至2026年3月3日1时00分');
  });
  test('item numbers', () => assert.equal(itemNumbers([1, 3, 4]), '第1、3、4项'));
});
