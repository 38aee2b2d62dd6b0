// Property tests over many small seeded scenarios (generateScenario 'tiny').
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  collide,
  checkSchedule,
  generateScenario,
  buildCalendar,
  isoToDay,
  type Schedule,
  type Scenario,
} from '../../../src/core/collision/index.ts';
import { stabCount } from '../../../src/core/collision/stabbing.ts';
import { windowToWork } from '../../../src/core/collision/calendar.ts';

const SEEDS = Array.from({ length: 150 }, (_, k) => k + 1);

function stabOfScheduled(sc: Scenario, s: Schedule): number {
  const cal = buildCalendar(sc.horizon.start, sc.horizon.end, sc.horizon.holidays);
  const byEnt = new Map<string, [number, number][]>();
  const plans = new Map(sc.plans.map((p) => [p.id, p]));
  for (const v of s.visits)
    for (const id of v.plans) {
      const p = plans.get(id)!;
      let l = byEnt.get(p.enterprise);
      if (!l) byEnt.set(p.enterprise, (l = []));
      l.push(windowToWork(cal, isoToDay(p.window.start), isoToDay(p.window.end)));
    }
  let n = 0;
  for (const l of byEnt.values()) n += stabCount(l);
  return n;
}

describe('properties over random small scenarios', () => {
  for (const scarce of [false, true]) {
    test(`${scarce ? 'scarce' : 'ample'}: every plan accounted for once, no rule violated, visits ≥ lower bound`, () => {
      for (const seed of SEEDS) {
        const sc = generateScenario({ scale: 'tiny', seed, scarce, inspectorsPerDept: scarce ? undefined : 12 });
        const s = collide(sc);
        const ids = [
          ...s.visits.flatMap((v) => v.plans),
          ...s.dropped.map((d) => d.plan),
          ...s.unscheduled.map((u) => u.plan),
        ];
        assert.equal(ids.length, sc.plans.length, `seed ${seed}`);
        assert.deepEqual(new Set(ids), new Set(sc.plans.map((p) => p.id)), `seed ${seed}`);
        assert.deepEqual(checkSchedule(sc, s), [], `seed ${seed}`);
        assert.ok(
          s.stats.visits >= stabOfScheduled(sc, s),
          `seed ${seed}: fewer visits than the stabbing number of the scheduled plans`,
        );
        if (s.unscheduled.length === 0) assert.ok(s.stats.visits >= s.stats.lowerBound, `seed ${seed}`);
        if (!scarce) {
          assert.equal(s.unscheduled.length, 0, `seed ${seed}: ample inspectors schedule everything`);
          assert.equal(s.stats.visits, s.stats.lowerBound, `seed ${seed}: ample inspectors reach the lower bound`);
        }
      }
    });
  }

  test('ample inspectors reach the lower bound at Nanjing scale', () => {
    const sc = generateScenario({ scale: 'nanjing', seed: 4, inspectorsPerDept: 20 });
    const s = collide(sc);
    assert.deepEqual(checkSchedule(sc, s), []);
    const possible = s.stats.plans - s.stats.dropped - s.unscheduled.length;
    assert.equal(s.stats.scheduled, possible);
    if (s.unscheduled.length === 0) assert.equal(s.stats.visits, s.stats.lowerBound);
  });

  test('determinism for a seed; different seeds draw differently', () => {
    let differ = 0;
    for (const seed of SEEDS.slice(0, 30)) {
      const sc = generateScenario({ scale: 'tiny', seed, inspectorsPerDept: 12 });
      const a = collide(sc);
      assert.deepEqual(collide(structuredClone(sc)), a, `seed ${seed}`);
      const b = collide({ ...sc, seed: sc.seed + 1000 });
      assert.equal(b.stats.visits, a.stats.visits);
      if (JSON.stringify(a.visits.map((v) => v.teams)) !== JSON.stringify(b.visits.map((v) => v.teams))) differ++;
    }
    assert.ok(differ >= 25, `only ${differ}/30 scenarios drew different teams for another seed`);
  });

  test('load spreads evenly: within a department, visits per inspector differ by at most 1 when all are eligible', () => {
    const sc = generateScenario({ scale: 'nanjing', seed: 4, inspectorsPerDept: 6 });
    for (const x of sc.inspectors) {
      x.qualifications = [
        'hazchem',
        'special-equipment',
        'fire',
        'construction',
        'hazwaste',
        'dangerous-goods-transport',
        'lab',
      ];
      x.unavailable = [];
      x.conflicts = [];
      x.dailyCapacity = 3;
    }
    const s = collide(sc);
    assert.deepEqual(checkSchedule(sc, s), []);
    const load = new Map<string, number>(sc.inspectors.map((x) => [x.id, 0]));
    for (const v of s.visits) for (const t of Object.values(v.teams)) for (const i of t) load.set(i, load.get(i)! + 1);
    const byDept = new Map<string, number[]>();
    for (const x of sc.inspectors) {
      let l = byDept.get(x.department);
      if (!l) byDept.set(x.department, (l = []));
      l.push(load.get(x.id)!);
    }
    for (const [d, l] of byDept) assert.ok(Math.max(...l) - Math.min(...l) <= 1, `${d}: ${l}`);
  });
});
