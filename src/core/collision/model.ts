// Compiled, index-based form of a validated Scenario: typed arrays for the hot loops.

import { buildCalendar, isoToDay, type Calendar } from './calendar.ts';
import { LEVEL_RANK, type Scenario } from './scenario.ts';

export interface Model {
  readonly scenario: Scenario;
  readonly cal: Calendar;
  /** Working days W. */
  readonly W: number;
  readonly nDept: number;
  readonly nEnt: number;
  readonly nInsp: number;
  readonly nPlan: number;
  /** Dense id arrays (copying a string pointer from here avoids touching the input objects). */
  readonly planIds: string[];
  readonly inspIds: string[];
  readonly deptIds: string[];
  readonly entIds: string[];
  readonly deptIndex: Map<string, number>;
  readonly entIndex: Map<string, number>;
  readonly deptLevel: Int8Array; // 3 city, 2 district, 1 town
  readonly deptSystem: Int32Array;
  /** Inspectors of each department, in input order. */
  readonly deptInsp: Int32Array[];
  readonly inspDept: Int32Array;
  readonly inspCap: Int32Array;
  /** W × nInsp (day-major: one department's inspectors share cache lines): 1 when unavailable. */
  readonly inspUnavail: Uint8Array;
  /** Qualification bitsets, QW 32-bit words each. */
  readonly QW: number;
  readonly inspQual: Uint32Array;
  readonly planQual: Uint32Array;
  readonly inspHasConflict: Uint8Array;
  /** Keys insp * nEnt + ent of 回避 pairs. */
  readonly conflicts: Set<number>;
  readonly planDept: Int32Array;
  readonly planEnt: Int32Array;
  readonly planNeed: Int32Array;
  /** Calendar-day window (day numbers) for rule 1 overlap. */
  readonly planStartDay: Int32Array;
  readonly planEndDay: Int32Array;
  /** Working-index window [a, b]; a > b (a = 1, b = 0) when empty. */
  readonly planA: Int32Array;
  readonly planB: Int32Array;
}

export function compile(s: Scenario): Model {
  const cal = buildCalendar(s.horizon.start, s.horizon.end, s.horizon.holidays);
  const W = cal.count;
  const deptIndex = new Map<string, number>();
  const deptIds: string[] = [];
  s.departments.forEach((d, i) => {
    deptIndex.set(d.id, i);
    deptIds.push(d.id);
  });
  const entIndex = new Map<string, number>();
  const entIds: string[] = [];
  s.enterprises.forEach((e, i) => {
    entIndex.set(e.id, i);
    entIds.push(e.id);
  });
  const inspIds: string[] = [];
  const planIds: string[] = [];
  const nDept = s.departments.length;
  const nEnt = s.enterprises.length;
  const nInsp = s.inspectors.length;
  const nPlan = s.plans.length;

  const sysIdx = new Map<string, number>();
  const deptLevel = new Int8Array(nDept);
  const deptSystem = new Int32Array(nDept);
  s.departments.forEach((d, i) => {
    deptLevel[i] = LEVEL_RANK[d.level];
    let k = sysIdx.get(d.system);
    if (k === undefined) sysIdx.set(d.system, (k = sysIdx.size));
    deptSystem[i] = k;
  });

  const qualIdx = new Map<string, number>();
  const q = (name: string): number => {
    let k = qualIdx.get(name);
    if (k === undefined) qualIdx.set(name, (k = qualIdx.size));
    return k;
  };
  for (const x of s.inspectors) for (const n of x.qualifications) q(n);
  for (const p of s.plans) for (const n of p.requiredQualifications) q(n);
  const QW = Math.max(1, Math.ceil(qualIdx.size / 32));

  const inspDept = new Int32Array(nInsp);
  const inspCap = new Int32Array(nInsp);
  const inspUnavail = new Uint8Array(nInsp * W);
  const inspQual = new Uint32Array(nInsp * QW);
  const inspHasConflict = new Uint8Array(nInsp);
  const conflicts = new Set<number>();
  const deptLists: number[][] = Array.from({ length: nDept }, () => []);
  s.inspectors.forEach((x, i) => {
    const d = deptIndex.get(x.department) ?? 0;
    inspIds.push(x.id);
    inspDept[i] = d;
    deptLists[d]!.push(i);
    inspCap[i] = x.dailyCapacity;
    for (const u of x.unavailable) {
      const off = isoToDay(u) - cal.startDay;
      if (off >= 0 && off < cal.workIndex.length) {
        const w = cal.workIndex[off]!;
        if (w >= 0) inspUnavail[w * nInsp + i] = 1;
      }
    }
    for (const n of x.qualifications) {
      const k = q(n);
      inspQual[i * QW + (k >>> 5)]! |= 1 << (k & 31);
    }
    for (const c of x.conflicts) {
      const e = entIndex.get(c);
      if (e !== undefined) {
        conflicts.add(i * nEnt + e);
        inspHasConflict[i] = 1;
      }
    }
  });

  const planDept = new Int32Array(nPlan);
  const planEnt = new Int32Array(nPlan);
  const planNeed = new Int32Array(nPlan);
  const planStartDay = new Int32Array(nPlan);
  const planEndDay = new Int32Array(nPlan);
  const planA = new Int32Array(nPlan);
  const planB = new Int32Array(nPlan);
  const planQual = new Uint32Array(nPlan * QW);
  const cal0 = cal.startDay;
  const nDays = cal.workIndex.length;
  for (let i = 0; i < nPlan; i++) {
    const p = s.plans[i]!;
    planIds.push(p.id);
    planDept[i] = deptIndex.get(p.department) ?? 0;
    planEnt[i] = entIndex.get(p.enterprise) ?? 0;
    planNeed[i] = p.inspectorsNeeded;
    const sd = isoToDay(p.window.start);
    const ed = isoToDay(p.window.end);
    planStartDay[i] = sd;
    planEndDay[i] = ed;
    // windowToWork, inlined
    const so = Math.max(sd, cal0) - cal0;
    const eo = Math.min(ed, cal.endDay) - cal0;
    if (so > eo || eo < 0 || so >= nDays) {
      planA[i] = 1;
      planB[i] = 0;
    } else {
      planA[i] = cal.nextWork[so]!;
      planB[i] = cal.prevWork[eo]!;
    }
    for (const n of p.requiredQualifications) {
      const k = q(n);
      planQual[i * QW + (k >>> 5)]! |= 1 << (k & 31);
    }
  }

  return {
    scenario: s,
    cal,
    W,
    nDept,
    nEnt,
    nInsp,
    nPlan,
    planIds,
    inspIds,
    deptIds,
    entIds,
    deptIndex,
    entIndex,
    deptLevel,
    deptSystem,
    deptInsp: deptLists.map((l) => Int32Array.from(l)),
    inspDept,
    inspCap,
    inspUnavail,
    QW,
    inspQual,
    planQual,
    inspHasConflict,
    conflicts,
    planDept,
    planEnt,
    planNeed,
    planStartDay,
    planEndDay,
    planA,
    planB,
  };
}

/** Does inspector i hold every qualification in `req` (QW words starting at reqOff)? */
export function hasQuals(m: Model, i: number, req: Uint32Array, reqOff: number): boolean {
  const QW = m.QW;
  const base = i * QW;
  for (let k = 0; k < QW; k++) {
    const r = req[reqOff + k]!;
    if (r !== 0 && (m.inspQual[base + k]! & r) >>> 0 !== r) return false;
  }
  return true;
}

export function isConflicted(m: Model, i: number, ent: number): boolean {
  return m.inspHasConflict[i] === 1 && m.conflicts.has(i * m.nEnt + ent);
}
