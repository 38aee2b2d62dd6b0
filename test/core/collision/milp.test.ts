// Compare the engine with an exact MILP (HiGHS) on small scarce instances: the engine must schedule
// as many plans as the optimum; the extra visits it uses are reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import highsLoader from 'highs';
import type { Highs } from 'highs';
import { collide, checkSchedule, generateScenario } from '../../../src/core/collision/index.ts';
import { exact } from './milp.ts';

test('on small scarce instances the engine schedules as many plans as the exact MILP optimum', async (t) => {
  // the package's .d.ts is typed as CommonJS; at runtime the ESM default export is the loader
  const highs = await (highsLoader as unknown as () => Promise<Highs>)();
  let gapSum = 0;
  let gapMax = 0;
  let contended = 0;
  let n = 0;
  for (let seed = 1; seed <= 200; seed++) {
    const sc = generateScenario({ scale: 'tiny', seed, scarce: true, inspectorsPerDept: 2 + (seed % 2) });
    if (seed % 2 === 0) for (const x of sc.inspectors) x.qualifications.push('hazchem'); // fewer static failures, more contention
    const s = collide(sc);
    assert.deepEqual(checkSchedule(sc, s), []);
    const opt = exact(highs, sc, new Set(s.dropped.map((d) => d.plan)));
    assert.equal(
      s.stats.scheduled,
      opt.scheduled,
      `seed ${seed}: engine ${s.stats.scheduled} plans, optimum ${opt.scheduled}`,
    );
    const gap = s.stats.visits - opt.visits;
    assert.ok(gap >= 0, `seed ${seed}: engine beat the "optimum"?`);
    gapSum += gap;
    gapMax = Math.max(gapMax, gap);
    if (s.unscheduled.some((u) => u.reason === 'capacity-exhausted') || s.stats.visits > s.stats.lowerBound)
      contended++;
    n++;
  }
  t.diagnostic(
    `${n} instances (${contended} with contention): visit gap to the MILP optimum total ${gapSum}, max ${gapMax}`,
  );
  console.log(
    `collision MILP comparison: ${n} instances (${contended} with contention), visit gap total ${gapSum}, max ${gapMax}`,
  );
});
