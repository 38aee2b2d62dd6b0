import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseCreditGrade,
  parseIndustryDomain,
  parseRiskLevel,
  parseStandardizationLevel,
  parseYesNo,
  validateEnterprise,
  type EnterpriseInput,
  type RegistryFacts,
} from '../../../src/core/registry/enterprise.ts';
import { computeUsccCheck } from '../../../src/core/codes/uscc.ts';

const code = (first17: string) => first17 + computeUsccCheck(first17);

const valid: EnterpriseInput = {
  uscc: code('91320115MA1000001'),
  name: '南京江宁测试化工有限公司',
  regionCode: '320115001',
  address: '测试路1号',
  industryDomain: 'hazchem',
  industryCode: 'C2614',
  employees: 50,
  labourIntensive: false,
  keyEnterprise: true,
  standardizationLevel: '2',
  riskLevel: 'red',
  creditGrade: 'B',
  legalRepresentative: '张三',
  legalRepresentativePhone: '13800000000',
  safetyOfficer: '李四',
  safetyOfficerPhone: '025-52345678',
  smallVenueCategory: null,
  landlordUscc: null,
};

const facts: RegistryFacts = {
  regionExists: (c) => ['320115001', '320115002', '320505001'].includes(c),
  regionInScope: (c) => c.startsWith('320115'),
  smallVenueCategories: new Set(['retail', 'catering']),
};

const fields = (e: Partial<EnterpriseInput>, f: RegistryFacts = facts) =>
  validateEnterprise({ ...valid, ...e }, f).map((i) => i.field);

test('a complete record is valid', () => {
  assert.deepEqual(validateEnterprise(valid, facts), []);
});

test('the code: wrong check character names the expected one; length and charset are told apart', () => {
  const first17 = '91320115MA1000001';
  const right = computeUsccCheck(first17);
  const wrong = right === '0' ? '1' : '0';
  assert.deepEqual(validateEnterprise({ ...valid, uscc: first17 + wrong }, facts), [
    { field: 'uscc', key: 'uscc.check_digit', params: { expected: right } },
  ]);
  assert.equal(validateEnterprise({ ...valid, uscc: '9132011' }, facts)[0]!.key, 'uscc.length');
  assert.equal(validateEnterprise({ ...valid, uscc: '91320115MA100000IO' }, facts)[0]!.key, 'uscc.charset');
  assert.equal(validateEnterprise({ ...valid, uscc: '' }, facts)[0]!.key, 'field.required');
});

test('region: unknown, outside the scope', () => {
  assert.deepEqual(validateEnterprise({ ...valid, regionCode: '999999999' }, facts), [
    { field: 'regionCode', key: 'region.unknown', params: { code: '999999999' } },
  ]);
  assert.deepEqual(validateEnterprise({ ...valid, regionCode: '320505001' }, facts), [
    { field: 'regionCode', key: 'region.out_of_scope', params: { code: '320505001' } },
  ]);
});

test('a department user may register only the domains of their line', () => {
  const housing = { ...facts, domainsInScope: ['construction', 'gas'] };
  assert.deepEqual(fields({ industryDomain: 'hazchem' }, housing), ['industryDomain']);
  assert.deepEqual(fields({ industryDomain: 'construction', industryCode: 'E4710' }, housing), []);
  assert.deepEqual(fields({ industryDomain: 'hazchem' }, { ...facts, domainsInScope: null }), []);
});

test('each bad field is named', () => {
  assert.deepEqual(fields({ name: '  ' }), ['name']);
  assert.deepEqual(fields({ industryDomain: 'spaceflight' }), ['industryDomain']);
  assert.deepEqual(fields({ industryCode: 'Z9999' }), ['industryCode']);
  assert.deepEqual(fields({ employees: -1 }), ['employees']);
  assert.deepEqual(fields({ employees: 2.5 }), ['employees']);
  assert.deepEqual(fields({ legalRepresentativePhone: '12345' }), ['legalRepresentativePhone']);
  assert.deepEqual(fields({ smallVenueCategory: 'casino' }), ['smallVenueCategory']);
  assert.deepEqual(fields({ smallVenueCategory: 'retail' }), []);
  assert.deepEqual(fields({ landlordUscc: valid.uscc }), ['landlordUscc'], 'not its own landlord');
  const landlord = code('91320115MA1000002');
  assert.deepEqual(fields({ landlordUscc: landlord.slice(0, 17) + (landlord.endsWith('0') ? '1' : '0') }), ['landlordUscc'], 'bad landlord code');
  assert.deepEqual(fields({ landlordUscc: code('91320115MA1000002') }), []);
  assert.deepEqual(fields({ name: '', employees: -5, riskLevel: 'purple' as never }).sort(), ['employees', 'name', 'riskLevel']);
});

test('risk level from what people type: 红/橙/黄/蓝, with 色, English, 重大风险', () => {
  assert.equal(parseRiskLevel('红'), 'red');
  assert.equal(parseRiskLevel('橙色'), 'orange');
  assert.equal(parseRiskLevel(' 黄 '), 'yellow');
  assert.equal(parseRiskLevel('蓝'), 'blue');
  assert.equal(parseRiskLevel('重大风险'), 'red');
  assert.equal(parseRiskLevel('Orange'), 'orange');
  assert.equal(parseRiskLevel('紫'), null);
  assert.equal(parseRiskLevel(''), null);
});

test('standardisation level: 一级/二级/三级/未定级, digits, empty = none', () => {
  assert.equal(parseStandardizationLevel('一级'), '1');
  assert.equal(parseStandardizationLevel('二级'), '2');
  assert.equal(parseStandardizationLevel('3'), '3');
  assert.equal(parseStandardizationLevel('未定级'), 'none');
  assert.equal(parseStandardizationLevel(''), 'none');
  assert.equal(parseStandardizationLevel('四级'), null);
});

test('credit grade: A–D with or without 级, any case', () => {
  assert.equal(parseCreditGrade('a'), 'A');
  assert.equal(parseCreditGrade('C级'), 'C');
  assert.equal(parseCreditGrade('E'), null);
});

test('yes/no: 是/否, √, yes/no, empty = no, anything else unreadable', () => {
  assert.equal(parseYesNo('是'), true);
  assert.equal(parseYesNo('√'), true);
  assert.equal(parseYesNo('Yes'), true);
  assert.equal(parseYesNo('否'), false);
  assert.equal(parseYesNo(''), false);
  assert.equal(parseYesNo('也许'), null);
});

test('industry domain by code, Chinese name or English name', () => {
  assert.equal(parseIndustryDomain('危险化学品'), 'hazchem');
  assert.equal(parseIndustryDomain('hazchem'), 'hazchem');
  assert.equal(parseIndustryDomain('建筑施工'), 'construction');
  assert.equal(parseIndustryDomain('机械'), 'machinery');
  assert.equal(parseIndustryDomain('Machinery'), 'machinery');
  assert.equal(parseIndustryDomain('航天'), null);
  assert.equal(parseIndustryDomain(''), null);
});
