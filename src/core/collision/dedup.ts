// Rule 1, three-level de-duplication (三级计划执法: 先市本级、再区、最后镇).

import type { Model } from './model.ts';

export interface DedupResult {
  /** 1 = kept, 0 = dropped. */
  kept: Uint8Array;
  /** For a dropped plan, the kept plan it duplicates; -1 for kept plans. */
  keptBy: Int32Array;
  dropped: number;
}

/**
 * Plans of the same `system` for the same enterprise whose (calendar) windows overlap are one matter.
 * Within each (system, enterprise) group plans are visited by level (city > district > town), then input
 * order; a plan is dropped when it overlaps a plan already KEPT, and it names the first such plan.
 *
 * Chains (A overlaps B overlaps C, A and C disjoint): only kept plans absorb others. If A (city) drops B
 * (district), C (town) is compared with A only: when it does not overlap A it is kept, because the period
 * C covers is not covered by any plan that will actually be carried out. The result has no two kept plans
 * of one line and one enterprise with overlapping windows, and every dropped plan names a kept one.
 */
export function dedup(m: Model): DedupResult {
  const n = m.nPlan;
  const kept = new Uint8Array(n).fill(1);
  const keptBy = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const key = (p: number): number => m.deptSystem[m.planDept[p]!]! * m.nEnt + m.planEnt[p]!;
  order.sort((x, y) => key(x) - key(y) || m.deptLevel[m.planDept[y]!]! - m.deptLevel[m.planDept[x]!]! || x - y);
  let dropped = 0;
  const group: number[] = [];
  let i = 0;
  while (i < n) {
    const k = key(order[i]!);
    let j = i;
    while (j < n && key(order[j]!) === k) j++;
    if (j - i > 1) {
      group.length = 0;
      for (let t = i; t < j; t++) {
        const p = order[t]!;
        const s = m.planStartDay[p]!;
        const e = m.planEndDay[p]!;
        let by = -1;
        for (const g of group) {
          if (m.planStartDay[g]! <= e && s <= m.planEndDay[g]!) {
            by = g;
            break;
          }
        }
        if (by >= 0) {
          kept[p] = 0;
          keptBy[p] = by;
          dropped++;
        } else group.push(p);
      }
    }
    i = j;
  }
  return { kept, keptBy, dropped };
}
