import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  dictionaries, INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS, INDUSTRY_CLASSES, parseIndustryCode, normalizeIndustryCode, isValidIndustryCode,
  domainForIndustryCode, INDUSTRY_TRADE_DOMAINS, INDUSTRY_DOMAINS, SUPERVISION_LINES, SMALL_VENUE_CATEGORIES, ROLES,
} from '../../../src/core/reference/index.ts';

describe('GB/T 4754-2017', () => {
  test('20 sections A–T, 97 divisions 01–97, each in its section range', () => {
    assert.equal(INDUSTRY_SECTIONS.length, 20);
    assert.equal(INDUSTRY_DIVISIONS.length, 97);
    INDUSTRY_DIVISIONS.forEach((d, i) => {
      assert.equal(d.code, String(i + 1).padStart(2, '0'));
      assert.notEqual(d.section, '?');
      assert.ok(d.label['zh-CN'] && d.label['en-US']);
    });
    assert.equal(INDUSTRY_DIVISIONS.find((d) => d.code === '26')?.label['zh-CN'], '化学原料和化学制品制造业');
    assert.equal(INDUSTRY_DIVISIONS.find((d) => d.code === '45')?.section, 'D');
  });
  test('code validator', () => {
    assert.deepEqual(parseIndustryCode('C2672'), { ok: true, section: 'C', division: '26', group: '267', klass: '2672' });
    assert.equal(normalizeIndustryCode('2672'), 'C2672');
    assert.equal(normalizeIndustryCode('g5942'), 'G5942');
    assert.deepEqual(parseIndustryCode('B2672'), { ok: false, reason: 'section-mismatch' });
    assert.deepEqual(parseIndustryCode('C98'), { ok: false, reason: 'unknown-division' });
    assert.deepEqual(parseIndustryCode('C26721'), { ok: false, reason: 'format' });
    assert.deepEqual(parseIndustryCode('X'), { ok: false, reason: 'format' });
    assert.ok(isValidIndustryCode('C'));
    for (const k of Object.keys(INDUSTRY_CLASSES)) assert.ok(isValidIndustryCode(k), k);
  });
});

describe('industry domains and 应急厅〔2019〕17号 mapping', () => {
  test('22 domains, 8 of them 冶金等工贸', () => {
    assert.equal(INDUSTRY_DOMAINS.length, 22);
    assert.deepEqual(INDUSTRY_TRADE_DOMAINS, ['metallurgy', 'nonferrous', 'building_materials', 'machinery', 'light_industry', 'textile', 'tobacco', 'commerce']);
  });
  test('confirmed rules', () => {
    assert.equal(domainForIndustryCode('C3110'), 'metallurgy');
    assert.equal(domainForIndustryCode('C3216'), 'nonferrous');
    assert.equal(domainForIndustryCode('C3011'), 'building_materials');
    assert.equal(domainForIndustryCode('C3052'), 'light_industry'); // 305 glass is carved out of 建材
    assert.equal(domainForIndustryCode('C3074'), 'light_industry');
    assert.equal(domainForIndustryCode('C3071'), 'building_materials'); // 建筑陶瓷 stays
    for (const c of ['C3311', 'C3421', 'C3670', 'C3811', 'C4011', 'C4320']) assert.equal(domainForIndustryCode(c), 'machinery', c);
  });
  test('high-risk and other sectors', () => {
    assert.equal(domainForIndustryCode('C2672'), 'fireworks');
    assert.equal(domainForIndustryCode('C2614'), 'hazchem');
    assert.equal(domainForIndustryCode('G5942'), 'hazchem');
    assert.equal(domainForIndustryCode('B0610'), 'coal');
    assert.equal(domainForIndustryCode('E4710'), 'construction');
    assert.equal(domainForIndustryCode('K7010'), 'other');
    assert.equal(domainForIndustryCode('nonsense'), 'other');
  });
});

describe('dictionaries object', () => {
  test('is JSON-serialisable and complete', () => {
    const json = JSON.parse(JSON.stringify(dictionaries)) as Record<string, unknown[]>;
    for (const k of ['industryDomains', 'industrySections', 'industryDivisions', 'riskLevels', 'creditGrades', 'standardizationLevels', 'smallVenueCategories', 'supervisionLines', 'departmentLevels', 'roles']) {
      assert.ok(Array.isArray(json[k]) && (json[k] as unknown[]).length > 0, k);
    }
    assert.equal(SMALL_VENUE_CATEGORIES.length, 12);
    assert.deepEqual(SMALL_VENUE_CATEGORIES.slice(0, 3).map((c) => c.label['zh-CN']), ['餐饮', '商超', '旅馆']);
    assert.equal(ROLES.length, 7);
    assert.deepEqual(dictionaries.riskLevels.map((r) => r.label['zh-CN']), ['重大风险', '较大风险', '一般风险', '低风险']);
    const abbrs = SUPERVISION_LINES.map((l) => l.abbr);
    assert.equal(new Set(abbrs).size, abbrs.length);
    for (const x of [...dictionaries.roles, ...dictionaries.supervisionLines, ...dictionaries.industryDomains]) {
      assert.ok(x.label['zh-CN'] && x.label['en-US']);
    }
  });
});
