/**
 * 文号 numbering of enforcement documents (domain.md §6): `（简称）应急X〔年〕N号`, e.g. （宁江）应急责改〔2026〕12号,
 * numbered per department, kind and year. The kind words are those of the national templates as vendor systems use them.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DOCUMENT_KINDS,
  DOCUMENT_KIND_INFO,
  defaultAgencyWord,
  defaultRemedy,
  formatDocumentNumber,
  numberingYear,
  parseDocumentNumber,
} from '../../../src/core/documents/model.ts';
import { deriveAbbreviation, regionNames } from '../../../src/core/documents/abbreviation.ts';

describe('文号 document numbers', () => {
  test('the eight documents carry the words of domain.md §6', () => {
    const words = Object.fromEntries(DOCUMENT_KINDS.map((k) => [DOCUMENT_KIND_INFO[k].title, DOCUMENT_KIND_INFO[k].word]));
    assert.deepEqual(words, {
      现场检查记录: '检记',
      现场处理措施决定书: '现决',
      责令限期整改指令书: '责改',
      整改复查意见书: '复查',
      立案审批表: '立',
      行政处罚告知书: '罚告',
      行政处罚决定书: '罚',
      涉嫌犯罪案件移送书: '移',
    });
  });

  test('the example of the issue: （宁江）应急责改〔2026〕12号', () => {
    assert.equal(formatDocumentNumber({ abbreviation: '宁江', agencyWord: '应急', kind: 'rectification_order', year: 2026, seq: 12 }), '（宁江）应急责改〔2026〕12号');
  });

  test('the example of domain.md: （宁）应急责改〔2019〕15号, and the older 安监管 prefix', () => {
    assert.equal(formatDocumentNumber({ abbreviation: '宁', agencyWord: '应急', kind: 'rectification_order', year: 2019, seq: 15 }), '（宁）应急责改〔2019〕15号');
    assert.equal(formatDocumentNumber({ abbreviation: '××', agencyWord: '安监管', kind: 'rectification_order', year: 2012, seq: 1 }), '（××）安监管责改〔2012〕1号');
  });

  test('every number reads back into its parts; 罚告 is not taken for 罚', () => {
    for (const kind of DOCUMENT_KINDS) {
      const parts = { abbreviation: '宁江', agencyWord: '应急', kind, year: 2026, seq: 7 };
      assert.deepEqual(parseDocumentNumber(formatDocumentNumber(parts)), parts, kind);
    }
    assert.equal(parseDocumentNumber('（宁）应急罚告〔2026〕3号')?.kind, 'penalty_notice');
    assert.equal(parseDocumentNumber('（宁）应急罚〔2026〕3号')?.kind, 'penalty_decision');
    assert.equal(parseDocumentNumber('（宁）应急责改〔2026〕0号'), null, 'numbers start at 1');
    assert.equal(parseDocumentNumber('宁应急责改2026-3'), null);
    assert.equal(parseDocumentNumber('（宁）责改〔2026〕3号'), null, 'no agency word');
  });

  test('the year is the issuing day in China: 2026-12-31 20:00 UTC is already 2027 in Nanjing', () => {
    assert.equal(numberingYear(new Date('2026-12-31T15:59:59Z')), 2026);
    assert.equal(numberingYear(new Date('2026-12-31T16:00:00Z')), 2027);
    assert.equal(numberingYear(new Date('2027-01-01T00:30:00+08:00')), 2027);
  });

  test('agency words: 应急 for emergency management, each line its own, 应急 for an unknown line', () => {
    assert.equal(defaultAgencyWord('emergency'), '应急');
    assert.equal(defaultAgencyWord('housing'), '建');
    assert.equal(defaultAgencyWord('no-such-line'), '应急');
  });
});

describe('机关简称 derived from where a department sits', () => {
  const cases: [string, string, string][] = [
    ['320000', '江苏省', '苏'],
    ['320100', '南京市 (city 简称)', '宁'],
    ['320500', '苏州市', '苏'],
    ['321200', '泰州市', '泰'],
    ['320115', '江宁区 of 南京: 宁 + 江', '宁江'],
    ['320102', '玄武区', '宁玄'],
    ['320505', '虎丘区 of 苏州', '苏虎'],
    ['320576', '苏州工业园区: the character after the city name', '苏工'],
    ['321283', '泰兴市, a county-level city, stands on its own name', '泰兴'],
    ['320322', '沛县', '沛'],
    ['320115002', '秣陵街道 in 江宁区', '宁江秣'],
  ];
  for (const [code, what, abbr] of cases) {
    test(`${what} → ${abbr}`, () => assert.equal(deriveAbbreviation(code), abbr));
  }
  test('an unknown region has none (the service then falls back to the department name)', () => {
    assert.equal(deriveAbbreviation('999999'), '');
  });
});

describe('复议/诉讼 bodies named by default', () => {
  test('a county department: its county government and the county court', () => {
    assert.deepEqual(defaultRemedy(regionNames('320115')), { reconsiderationBody: '南京市江宁区人民政府', court: '南京市江宁区人民法院' });
  });
  test('a city department: the city government; the court is left to jurisdiction (依法向人民法院)', () => {
    assert.deepEqual(defaultRemedy(regionNames('320100')), { reconsiderationBody: '南京市人民政府' });
  });
});
