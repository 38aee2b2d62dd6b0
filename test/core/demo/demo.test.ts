import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { demoEnterprises, demoDepartments, demoDepartmentsFor, demoInspectors, createRng, DEMO_TODAY } from '../../../src/core/demo/index.ts';
import { validateUscc, usccRegionCode } from '../../../src/core/codes/index.ts';
import { regionByCode, domainForIndustryCode, INDUSTRY_CLASSES, parseIndustryCode, dictionaries } from '../../../src/core/reference/index.ts';

const enterprises = demoEnterprises({ seed: 2025 });
const share = (pred: (e: (typeof enterprises)[number]) => boolean) => enterprises.filter(pred).length / enterprises.length;

describe('demoEnterprises', () => {
  test('2,000+ enterprises over Nanjing, Suzhou and Taixing', () => {
    assert.ok(enterprises.length >= 2000);
    for (const area of ['3201', '3205', '321283']) assert.ok(share((e) => e.regionCode.startsWith(area)) > 0.1, area);
    assert.ok(enterprises.every((e) => ['3201', '3205', '321283'].some((a) => e.regionCode.startsWith(a))));
  });

  test('every USCC is valid (incl. body check), unique, and carries the county code of its town', () => {
    const seen = new Set<string>();
    for (const e of enterprises) {
      assert.deepEqual(validateUscc(e.uscc), { ok: true, warnings: [] }, e.uscc);
      assert.equal(usccRegionCode(e.uscc), e.regionCode.slice(0, 6));
      assert.ok(!seen.has(e.uscc));
      seen.add(e.uscc);
    }
  });

  test('every region code is a real town in resources/regions.json', () => {
    for (const e of enterprises) {
      const r = regionByCode(e.regionCode);
      assert.equal(r?.level, 'town', e.regionCode);
      assert.ok(!/监狱|林场|农场/.test(r?.name ?? ''), r?.name);
      assert.ok(e.address.startsWith(regionByCode(e.regionCode.slice(0, 6))?.name ?? '?'), e.address);
    }
  });

  test('names unique and plausible', () => {
    assert.equal(new Set(enterprises.map((e) => e.name)).size, enterprises.length);
    for (const e of enterprises) assert.match(e.name, /(有限公司|店|经营部)$/);
    assert.ok(enterprises.some((e) => /^南京.+化工有限公司$/.test(e.name)));
  });

  test('industry code is a valid GB/T 4754 class matching the domain', () => {
    for (const e of enterprises) {
      const p = parseIndustryCode(e.industryCode);
      assert.ok(p.ok && p.klass && INDUSTRY_CLASSES[p.klass], e.industryCode);
      if (!['fire_key_unit', 'fireworks', 'special_equipment'].includes(e.industryDomain)) {
        assert.equal(domainForIndustryCode(e.industryCode), e.industryDomain, `${e.name} ${e.industryCode}`);
      }
    }
  });

  test('people and phones', () => {
    for (const e of enterprises) {
      assert.match(e.legalRepresentativePhone, /^1[3-9]\d{9}$/);
      assert.match(e.safetyOfficerPhone, /^1[3-9]\d{9}$/);
      assert.match(e.legalRepresentative, /^[\u4e00-\u9fa5]{2,3}$/);
      assert.match(e.safetyOfficer, /^[\u4e00-\u9fa5]{2,3}$/);
    }
  });

  test('realistic spread over domains, risk, credit, standardisation', () => {
    const domains = new Set(enterprises.map((e) => e.industryDomain));
    assert.ok(domains.size >= 15);
    assert.ok(share((e) => e.industryDomain === 'machinery') > 0.15);
    assert.ok(share((e) => e.industryDomain === 'hazchem') > 0.05);
    const red = share((e) => e.riskLevel === 'red');
    const blue = share((e) => e.riskLevel === 'blue');
    assert.ok(red > 0.005 && red < 0.08 && blue > 0.35, `red ${red} blue ${blue}`);
    assert.ok(share((e) => e.creditGrade === 'B') > share((e) => e.creditGrade === 'A'));
    assert.ok(share((e) => e.creditGrade === 'D') > 0 && share((e) => e.creditGrade === 'D') < 0.08);
    for (const s of ['1', '2', '3', 'none']) assert.ok(share((e) => e.standardizationLevel === s) > 0, s);
    const hazRed = enterprises.filter((e) => e.industryDomain === 'hazchem').filter((e) => e.riskLevel === 'red' || e.riskLevel === 'orange').length;
    assert.ok(hazRed / enterprises.filter((e) => e.industryDomain === 'hazchem').length > 0.2, 'hazchem skews to higher risk');
    // Taixing's chemical park 滨江镇 321283123 holds many chemical firms
    assert.ok(enterprises.filter((e) => e.regionCode === '321283123' && e.industryDomain === 'hazchem').length >= 20);
  });

  test('flags: labour-intensive, key enterprises, small venues, 厂中厂, accidents', () => {
    for (const e of enterprises.filter((x) => x.labourIntensive)) {
      assert.ok(e.employees >= 300 && ['textile', 'light_industry', 'machinery', 'tobacco'].includes(e.industryDomain));
    }
    assert.ok(share((e) => e.labourIntensive) > 0.01);
    assert.ok(enterprises.filter((e) => e.industryDomain === 'hazchem').every((e) => e.keyEnterprise || e.smallVenueCategory));
    const venues = new Set(dictionaries.smallVenueCategories.map((c) => c.code as string));
    const small = enterprises.filter((e) => e.smallVenueCategory !== null);
    assert.ok(small.length > 100);
    for (const e of small) assert.ok(venues.has(e.smallVenueCategory as string) && e.employees <= 40);
    for (const c of ['catering', 'retail', 'lodging']) assert.ok(small.some((e) => e.smallVenueCategory === c), c);
    const byUscc = new Map(enterprises.map((e) => [e.uscc, e]));
    const tenants = enterprises.filter((e) => e.landlordUscc !== null);
    assert.ok(tenants.length >= 20);
    for (const t of tenants) {
      const l = byUscc.get(t.landlordUscc as string);
      assert.ok(l && l.landlordUscc === null && l.regionCode === t.regionCode && t.address.startsWith(l.address));
    }
    const acc = enterprises.filter((e) => e.lastAccidentDate !== null);
    assert.ok(acc.length > 50);
    for (const e of acc) assert.ok((e.lastAccidentDate as string) < DEMO_TODAY && (e.lastAccidentDate as string) >= '2020-06-01');
  });

  test('deterministic for a seed; another seed differs; today moves accident dates', () => {
    assert.deepEqual(demoEnterprises({ seed: 2025 }), enterprises);
    assert.notDeepEqual(demoEnterprises({ seed: 7, count: 50 }).map((e) => e.uscc), enterprises.slice(0, 50).map((e) => e.uscc));
    const later = demoEnterprises({ seed: 2025, today: '2026-06-30' });
    assert.equal(later[0]?.uscc, enterprises[0]?.uscc);
    assert.ok(later.filter((e) => e.lastAccidentDate).every((e) => (e.lastAccidentDate as string) > '2021-06-01'));
  });

  test('count and regions options', () => {
    const tx = demoEnterprises({ seed: 1, count: 300, regions: ['321283'] });
    assert.equal(tx.length, 300);
    assert.ok(tx.every((e) => e.regionCode.startsWith('321283') && e.name.startsWith('泰兴')));
    assert.throws(() => demoEnterprises({ seed: 1, regions: ['999999'] }));
  });
});

describe('demoDepartments / demoInspectors (seed 004: 87 departments, 837 inspectors)', () => {
  const deps = demoDepartments();
  test('exactly 87 Nanjing departments at city and district level', () => {
    assert.equal(deps.length, 87);
    assert.equal(new Set(deps.map((d) => d.code)).size, 87);
    assert.equal(new Set(deps.map((d) => d.name)).size, 87);
    const names = deps.map((d) => d.name);
    for (const n of ['南京市应急管理局', '南京市市场监督管理局', '南京市住房和城乡建设局', '南京市生态环境局', '南京市消防救援支队', '南京市交通运输局', '南京市公安局', '南京市卫生健康委员会', '南京市教育局', '南京市文化和旅游局']) {
      assert.ok(names.includes(n), n);
    }
    assert.ok(deps.find((d) => d.code === 'D-yj-320100'));
    assert.ok(deps.find((d) => d.code === 'D-yj-320115')?.name === '南京市江宁区应急管理局');
    const districts = new Set(deps.filter((d) => d.level === 'district').map((d) => d.regionCode));
    assert.deepEqual([...districts].sort(), ['320102', '320104', '320105', '320106', '320111', '320113', '320114', '320115', '320116', '320117', '320118']);
    for (const d of deps) {
      assert.ok(regionByCode(d.regionCode), d.regionCode);
      assert.ok(d.nameEn && /^[\x20-\x7e]+$/.test(d.nameEn), d.nameEn);
      assert.match(d.code, /^D-[a-z]{2}-\d{6,9}$/);
    }
  });

  test('exactly 837 inspectors, at least 2 per department, unique usernames and certificates', () => {
    const insp = demoInspectors({ seed: 4, departments: deps });
    assert.equal(insp.length, 837);
    assert.equal(new Set(insp.map((i) => i.username)).size, 837);
    assert.equal(new Set(insp.map((i) => i.certificateNo)).size, 837);
    for (const d of deps) assert.ok(insp.filter((i) => i.departmentCode === d.code).length >= 2, d.code);
    for (const i of insp) {
      assert.ok(i.qualifications.length >= 1 && [1, 2].includes(i.dailyCapacity));
      assert.match(i.certificateNo, /^\d{14}$/);
    }
    assert.ok(insp.filter((i) => i.qualifications.includes('hazchem')).length > 30);
    assert.deepEqual(demoInspectors({ seed: 4, departments: deps }), insp);
  });

  test('Suzhou and Taixing sets', () => {
    const sz = demoDepartmentsFor('320500');
    assert.ok(sz.some((d) => d.level === 'city') && sz.some((d) => d.level === 'district') && sz.some((d) => d.level === 'town'));
    assert.ok(sz.some((d) => d.name === '昆山市应急管理局'));
    assert.equal(new Set(sz.map((d) => d.code)).size, sz.length);
    const tx = demoDepartmentsFor('321283');
    assert.ok(tx.some((d) => d.name === '泰兴市应急管理局' && d.level === 'district'));
    assert.ok(tx.some((d) => d.name === '泰兴市黄桥镇应急管理办公室' && d.level === 'town'));
    for (const d of [...sz, ...tx]) assert.ok(regionByCode(d.regionCode));
    assert.equal(demoDepartmentsFor('320100').length, 87);
    assert.throws(() => demoDepartmentsFor('110000'));
    const txInsp = demoInspectors({ seed: 1, departments: tx, count: 150 });
    assert.equal(txInsp.length, 150);
  });
});

test('createRng is deterministic and in [0,1)', () => {
  const a = createRng('x');
  const b = createRng('x');
  for (let i = 0; i < 1000; i++) {
    const v = a();
    assert.equal(v, b());
    assert.ok(v >= 0 && v < 1);
  }
});
