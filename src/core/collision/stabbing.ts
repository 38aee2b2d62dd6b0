// Minimum stabbing points per enterprise (lower bound on visits) on working-day indices.

import type { Model } from './model.ts';

export interface StabGroups {
  /** Number of groups = number of stabbing points. */
  count: number;
  ent: Int32Array;
  /** Common working-day range of the group's windows: any day in [lo, hi] hits all of them. */
  lo: Int32Array;
  hi: Int32Array;
  /** CSR: plans of group g are plans[start[g] .. start[g+1]). */
  start: Int32Array;
  plans: Int32Array;
}

/**
 * Greedy by right end: sort the selected plans by (enterprise, b); open a point at b of the first
 * plan not yet hit; every later plan of the enterprise with a ≤ point is hit by it. Optimal for interval
 * stabbing. Each group also records the intersection [lo, hi] of its windows (hi = the point), so the
 * scheduler may move the visit anywhere inside it without changing the count.
 */
export function stab(m: Model, select: (p: number) => boolean): StabGroups {
  const sel: number[] = [];
  for (let p = 0; p < m.nPlan; p++) if (select(p) && m.planA[p]! <= m.planB[p]!) sel.push(p);
  const order = Int32Array.from(sel);
  const W1 = m.W + 1;
  order.sort((x, y) => m.planEnt[x]! * W1 + m.planB[x]! - (m.planEnt[y]! * W1 + m.planB[y]!) || x - y);
  const n = order.length;
  const ent: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  const start: number[] = [];
  let curEnt = -1;
  let point = -1;
  for (let t = 0; t < n; t++) {
    const p = order[t]!;
    const e = m.planEnt[p]!;
    const a = m.planA[p]!;
    if (e !== curEnt || a > point) {
      curEnt = e;
      point = m.planB[p]!;
      ent.push(e);
      lo.push(a);
      hi.push(point);
      start.push(t);
    } else if (a > lo[lo.length - 1]!) lo[lo.length - 1] = a;
  }
  start.push(n);
  return {
    count: ent.length,
    ent: Int32Array.from(ent),
    lo: Int32Array.from(lo),
    hi: Int32Array.from(hi),
    start: Int32Array.from(start),
    plans: order,
  };
}

/** Stabbing number of arbitrary working-day intervals of one enterprise (used by checks and explain). */
export function stabCount(intervals: ReadonlyArray<readonly [number, number]>): number {
  const iv = intervals
    .filter(([a, b]) => a <= b)
    .slice()
    .sort((x, y) => x[1] - y[1]);
  let point = -Infinity;
  let c = 0;
  for (const [a, b] of iv) {
    if (a > point) {
      c++;
      point = b;
    }
  }
  return c;
}
