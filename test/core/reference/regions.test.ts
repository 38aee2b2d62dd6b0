import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { REGIONS, regionByCode, childRegions, descendantRegions, regionFullName } from '../../../src/core/reference/index.ts';
import { regionLevel, parentRegionCode } from '../../../src/core/codes/index.ts';

const name = (c: string) => regionByCode(c)?.name;

describe('resources/regions.json', () => {
  test('file is small and sorted, codes unique, parents exist', () => {
    assert.ok(statSync(new URL('../../../resources/regions.json', import.meta.url)).size < 300_000);
    JSON.parse(readFileSync(new URL('../../../resources/regions.json', import.meta.url), 'utf8'));
    const codes = REGIONS.map((r) => r.code);
    assert.deepEqual(codes, [...codes].sort());
    assert.equal(new Set(codes).size, codes.length);
    for (const r of REGIONS) {
      if (r.parent !== null) assert.ok(regionByCode(r.parent), `${r.code} parent ${r.parent}`);
      assert.equal(regionLevel(r.code), r.level, r.code);
      assert.equal(parentRegionCode(r.code), r.parent, r.code);
    }
  });

  test('no 市辖区 placeholders', () => {
    assert.ok(!REGIONS.some((r) => r.name === '市辖区' || r.code.endsWith('0100') && r.level === 'county'));
    assert.equal(regionByCode('320101'), undefined);
  });

  test('Jiangsu: province, 13 cities, Nanjing 11 districts', () => {
    assert.equal(name('320000'), '江苏省');
    assert.equal(childRegions('320000').length, 13);
    const nj = childRegions('320100').map((r) => r.code);
    assert.deepEqual(nj, ['320102', '320104', '320105', '320106', '320111', '320113', '320114', '320115', '320116', '320117', '320118']);
    assert.equal(name('320102'), '玄武区');
    assert.equal(name('320115'), '江宁区');
  });

  test('real codes of domain.md §2', () => {
    assert.equal(name('320581'), '常熟市');
    assert.equal(name('320582'), '张家港市');
    assert.equal(name('320583'), '昆山市');
    assert.equal(name('320585'), '太仓市');
    assert.equal(name('320613'), '崇川区');
    assert.equal(name('320614'), '海门区');
    assert.equal(name('320685'), '海安市');
    assert.equal(name('320803'), '淮安区');
    assert.equal(name('320812'), '清江浦区');
    for (const [c, n] of [['321202', '海陵区'], ['321203', '高港区'], ['321204', '姜堰区'], ['321281', '兴化市'], ['321282', '靖江市'], ['321283', '泰兴市']]) {
      assert.equal(name(c as string), n);
    }
    assert.equal(name('321283001'), '济川街道');
    assert.equal(name('321283002'), '延令街道');
    assert.equal(name('321283003'), '姚王街道');
    assert.equal(name('321283100'), '黄桥镇');
    assert.equal(name('321283123'), '滨江镇');
    assert.equal(name('321283402'), '城东高新技术产业园');
    assert.equal(regionFullName('321283100'), '江苏省泰州市泰兴市黄桥镇');
  });

  // NBS 2023 lists 3 streets, 13 towns (镇), 1 township (根思乡) and 3 政企合一 units; domain.md's
  // "黄桥镇 plus 15 other towns" does not match this edition (see docs/reference-data.md).
  test('泰兴 has 3 streets, 13 towns, 1 township, 3 units', () => {
    const towns = childRegions('321283');
    assert.equal(towns.filter((t) => t.name.endsWith('街道')).length, 3);
    assert.equal(towns.filter((t) => t.code.slice(6, 7) === '1').length, 13);
    assert.equal(towns.filter((t) => t.code.slice(6, 7) === '2').length, 1);
    assert.equal(towns.length, 20);
  });

  test('Jiangxi: only 宜春 and its ten county-level units', () => {
    assert.equal(name('360000'), '江西省');
    assert.deepEqual(childRegions('360000').map((r) => r.code), ['360900']);
    assert.deepEqual(
      childRegions('360900').map((r) => `${r.code} ${r.name}`),
      ['360902 袁州区', '360921 奉新县', '360922 万载县', '360923 上高县', '360924 宜丰县', '360925 靖安县', '360926 铜鼓县', '360981 丰城市', '360982 樟树市', '360983 高安市'],
    );
  });

  test('statistical zones are kept and marked', () => {
    assert.deepEqual(regionByCode('320576'), { code: '320576', name: '苏州工业园区', level: 'county', parent: '320500', kind: 'zone' });
    assert.ok(descendantRegions('320576', 'town').length > 0);
  });

  test('every county-level unit of Jiangsu and 宜春 has towns', () => {
    for (const c of REGIONS.filter((r) => r.level === 'county')) {
      assert.ok(childRegions(c.code).length > 0, `${c.code} ${c.name} has no towns`);
    }
    assert.ok(descendantRegions('320100', 'town').length > 90);
    assert.ok(descendantRegions('320500', 'town').length > 90);
  });
});
