// Exact MILP (HiGHS, CPLEX LP format) for small collision instances — test support only.
import assert from 'node:assert/strict';
import type { Highs } from 'highs';
import { buildCalendar, isoToDay, type Scenario } from '../../../src/core/collision/index.ts';
import { windowToWork } from '../../../src/core/collision/calendar.ts';

export interface Exact {
  scheduled: number;
  visits: number;
}

/** Lexicographic optimum (max plans, then min visits) of the kept plans, by one weighted MILP. */
export function exact(highs: Highs, sc: Scenario, dropped: Set<string>): Exact {
  const cal = buildCalendar(sc.horizon.start, sc.horizon.end, sc.horizon.holidays);
  const W = cal.count;
  const entIdx = new Map(sc.enterprises.map((e, i) => [e.id, i]));
  const plans = sc.plans
    .map((p, i) => ({ p, i, win: windowToWork(cal, isoToDay(p.window.start), isoToDay(p.window.end)) }))
    .filter((x) => !dropped.has(x.p.id) && x.win[0] <= x.win[1]);
  const unavailable = sc.inspectors.map((x) => new Set(x.unavailable));
  const obj: string[] = [];
  const rows: string[] = [];
  const bins = new Set<string>();
  const zKeys = new Set<string>();
  // y[i,e,w] exists when inspector i's department has a plan at e whose window contains w
  const yKeys = new Map<string, Set<number>>(); // `${e}_${w}` → inspectors
  for (const { p, i, win } of plans) {
    const e = entIdx.get(p.enterprise)!;
    const xs: string[] = [];
    for (let w = win[0]; w <= win[1]; w++) {
      const x = `x_${i}_${w}`;
      const z = `z_${e}_${w}`;
      xs.push(x);
      bins.add(x);
      zKeys.add(z);
      rows.push(`${x} - ${z} <= 0`);
      let set = yKeys.get(`${e}_${w}`);
      if (!set) yKeys.set(`${e}_${w}`, (set = new Set()));
      const team: string[] = [];
      sc.inspectors.forEach((ins, k) => {
        if (ins.department !== p.department) return;
        if (unavailable[k]!.has(cal.iso[w]!) || ins.conflicts.includes(p.enterprise)) return;
        const y = `y_${k}_${e}_${w}`;
        set.add(k);
        bins.add(y);
        // members of the department's team must hold this plan's qualifications
        if (!p.requiredQualifications.every((q) => ins.qualifications.includes(q))) rows.push(`${y} + ${x} <= 1`);
        else team.push(y);
      });
      rows.push(team.length > 0 ? `${team.join(' + ')} - ${p.inspectorsNeeded} ${x} >= 0` : `${x} <= 0`);
    }
    rows.push(`${xs.join(' + ')} <= 1`);
  }
  // capacity
  const perInspDay = new Map<string, string[]>();
  for (const [key, set] of yKeys) {
    const [e, w] = key.split('_');
    for (const k of set) {
      const kk = `${k}_${w}`;
      let l = perInspDay.get(kk);
      if (!l) perInspDay.set(kk, (l = []));
      l.push(`y_${k}_${e}_${w}`);
    }
  }
  for (const [kk, l] of perInspDay)
    rows.push(`${l.join(' + ')} <= ${sc.inspectors[Number(kk.split('_')[0])]!.dailyCapacity}`);
  const BIG = zKeys.size + 1;
  for (const b of bins) if (b.startsWith('x_')) obj.push(`+ ${BIG} ${b}`);
  for (const z of zKeys) {
    obj.push(`- ${z}`);
    bins.add(z);
  }
  const wrap = (terms: string[]): string => terms.reduce((s, t, k) => s + (k % 8 === 7 ? '\n ' : ' ') + t, '');
  const lp = [
    'Maximize',
    ` obj:${wrap(obj.length ? obj : ['0 zz'])}`,
    'Subject To',
    ...rows.map((r, k) => ` c${k}: ${wrap(r.split(' '))}`),
    'Binaries',
    wrap([...bins]),
    'End',
  ].join('\n');
  const res = highs.solve(lp, { output_flag: false, time_limit: 20 });
  assert.equal(res.Status, 'Optimal');
  let scheduled = 0;
  let visits = 0;
  for (const [name, col] of Object.entries(res.Columns)) {
    const v = Math.round((col as { Primal: number }).Primal);
    if (name.startsWith('x_')) scheduled += v;
    if (name.startsWith('z_')) visits += v;
  }
  void W;
  return { scheduled, visits };
}
