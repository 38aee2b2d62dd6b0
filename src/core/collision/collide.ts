// collide(): scenario → schedule (联检碰撞).

import { dedup } from './dedup.ts';
import { compile, hasQuals, isConflicted, type Model } from './model.ts';
import { rngFromSeed } from './prng.ts';
import { diagnosePlan } from './reasons.ts';
import type { Schedule, Scenario, UnscheduledPlan, Visit, DroppedPlan } from './scenario.ts';
import { Scheduler, teamOf, type Progress, type SVisit } from './scheduler.ts';
import { stab } from './stabbing.ts';

export interface CollideOptions {
  onProgress?: Progress;
}

export function collide(scenario: Scenario, opts: CollideOptions = {}): Schedule {
  const on = opts.onProgress;
  on?.('compile', 0, 1);
  const m = compile(scenario);
  on?.('compile', 1, 1);
  on?.('dedup', 0, 1);
  const dd = dedup(m);
  on?.('dedup', 1, 1);

  on?.('stabbing', 0, 1);
  const lb = stab(m, (p) => dd.kept[p] === 1);
  // Plans that no team can ever staff (too few qualified / non-conflicted inspectors) are left out of the
  // groups so they do not narrow anyone's day range; they still count in lowerBound as the spec says.
  const possible = new Uint8Array(m.nPlan);
  for (let p = 0; p < m.nPlan; p++) {
    if (dd.kept[p] !== 1 || m.planA[p]! > m.planB[p]!) continue;
    let c = 0;
    const need = m.planNeed[p]!;
    const ent = m.planEnt[p]!;
    for (const i of m.deptInsp[m.planDept[p]!]!) {
      if (hasQuals(m, i, m.planQual, p * m.QW) && !isConflicted(m, i, ent) && ++c >= need) break;
    }
    if (c >= need) possible[p] = 1;
  }
  const groups = stab(m, (p) => possible[p] === 1);
  on?.('stabbing', 1, 1);

  const sch = new Scheduler(m, rngFromSeed(scenario.seed));
  const left = sch.placeGroups(groups, on);
  const left2 = left.length > 0 ? sch.placeLeftovers(left, on) : left;
  if (left2.length > 0) sch.repair(left2, on);

  on?.('output', 0, 1);
  const out = buildSchedule(m, sch, dd.keptBy, lb.count);
  on?.('output', 1, 1);
  return out;
}

const byNumber = (x: number, y: number): number => x - y;
const visitId = (n: number): string => (n < 1e6 ? `V-${String(n + 1e6).slice(1)}` : `V-${n}`);

export function buildSchedule(m: Model, sch: Scheduler, keptBy: Int32Array, lowerBound: number): Schedule {
  // Work in creation order (memory order) and only place the finished visits by rank: random walks
  // over 10^5 small objects are what costs most on a busy machine.
  const live: SVisit[] = [];
  for (const v of sch.visits) if (v.plans.length > 0) live.push(v);
  const n = live.length;
  const day = new Int32Array(n);
  const ent = new Int32Array(n);
  const first = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const v = live[k]!;
    v.plans.sort(byNumber);
    day[k] = v.day;
    ent[k] = v.ent;
    first[k] = v.plans[0]!;
  }
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  order.sort((x, y) => day[x]! - day[y]! || ent[x]! - ent[y]! || first[x]! - first[y]!);
  const rank = new Int32Array(n);
  for (let r = 0; r < n; r++) rank[order[r]!] = r;
  const visits: Visit[] = Array.from({ length: n });
  const { planIds, deptIds, inspIds, entIds } = m;
  let scheduled = 0;
  for (let k = 0; k < n; k++) {
    const v = live[k]!;
    const teams: Record<string, string[]> = {};
    const plans: string[] = [];
    for (const p of v.plans) {
      plans.push(planIds[p]!);
      const d = m.planDept[p]!;
      const id = deptIds[d]!;
      if (teams[id] !== undefined) continue;
      const members = teamOf(v, d)!.members;
      members.sort(byNumber);
      const ids: string[] = [];
      for (const i of members) ids.push(inspIds[i]!);
      teams[id] = ids;
    }
    scheduled += plans.length;
    visits[rank[k]!] = { id: visitId(rank[k]! + 1), enterprise: entIds[v.ent]!, date: m.cal.iso[v.day]!, plans, teams };
  }
  const dropped: DroppedPlan[] = [];
  const unscheduled: UnscheduledPlan[] = [];
  for (let p = 0; p < m.nPlan; p++) {
    const by = keptBy[p]!;
    if (by >= 0) dropped.push({ plan: planIds[p]!, reason: 'higher-level-duplicate', keptPlan: planIds[by]! });
    else if (sch.planVisit[p] === 0) unscheduled.push({ plan: planIds[p]!, reason: diagnosePlan(m, p).reason });
  }
  return {
    version: 1,
    visits,
    dropped,
    unscheduled,
    stats: {
      plans: m.nPlan,
      dropped: dropped.length,
      scheduled,
      unscheduled: unscheduled.length,
      visits: visits.length,
      visitsSaved: scheduled - visits.length,
      lowerBound,
    },
  };
}
