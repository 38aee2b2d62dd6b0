import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  regionLevel, parentRegionCode, hasValidProvincePrefix, townKind, isStatisticalZoneCode, normalizeRegionCode, isWithinRegion,
} from '../../../src/core/codes/index.ts';

describe('region codes 行政区划代码 (GB/T 2260 + NBS)', () => {
  test('levels', () => {
    assert.equal(regionLevel('320000'), 'province');
    assert.equal(regionLevel('320100'), 'city');
    assert.equal(regionLevel('321283'), 'county');
    assert.equal(regionLevel('321283001'), 'town');
    assert.equal(regionLevel('321283100201'), 'village');
    assert.equal(regionLevel('320100000000'), 'city');
    assert.equal(regionLevel('990100'), null);
    assert.equal(regionLevel('32010'), null);
  });
  test('parents', () => {
    assert.equal(parentRegionCode('321283100'), '321283');
    assert.equal(parentRegionCode('321283'), '321200');
    assert.equal(parentRegionCode('321200'), '320000');
    assert.equal(parentRegionCode('320000'), null);
    assert.equal(parentRegionCode('429004'), '420000'); // 仙桃市, province-direct (prefecture 90)
    assert.equal(parentRegionCode('321283100201'), '321283100');
  });
  test('province prefix', () => {
    assert.ok(hasValidProvincePrefix('320594'));
    assert.ok(!hasValidProvincePrefix('000000'));
  });
  test('town kinds and zones', () => {
    assert.equal(townKind('321283001'), 'subdistrict');
    assert.equal(townKind('321283100'), 'town');
    assert.equal(townKind('321283402'), 'enterprise-unit');
    assert.ok(isStatisticalZoneCode('320576'));
    assert.ok(!isStatisticalZoneCode('320583'));
    assert.equal(normalizeRegionCode('321283001000'), '321283001');
    assert.ok(isWithinRegion('321283001', '321200'));
    assert.ok(!isWithinRegion('320102001', '321200'));
  });
});
