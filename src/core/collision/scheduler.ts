// The scheduler: places kept plans into visits and staffs the teams (rules 2–5).
//
// Phase A (groups): the minimum stabbing groups of every enterprise are placed one by one, tightest
//   first, on the day of their common range where the departments involved have the most spare
//   inspectors. With ample inspectors every group is placed whole, so visits == lowerBound.
// Phase B (leftovers): plans that could not be staffed with their group try to join another visit of
//   their enterprise inside their window (re-staffing their department's team if needed), else open a
//   new visit on the day of their window that the most other leftovers of the enterprise also cover.
// Phase C (repair): for plans still out, free a qualified inspector on some day by swapping him out of
//   another visit for a colleague who is free and qualified for that visit (augmenting path of length 1).
//
// Inspectors are drawn by 双随机 with a load bias: among eligible inspectors, the least-loaded so far
// are candidates and one of them is drawn with the seeded PRNG, one seat at a time.

import { hasQuals, isConflicted, type Model } from './model.ts';
import type { StabGroups } from './stabbing.ts';

export interface Team {
  dept: number;
  members: number[];
  need: number;
  req: Uint32Array;
}

export interface SVisit {
  idx: number;
  ent: number;
  day: number;
  plans: number[];
  /** One team per department (few per visit: a linear scan beats a Map). */
  teams: Team[];
  /** Next visit of the same enterprise (linked list from Scheduler.entHead). */
  nextSameEnt: SVisit | null;
}

export function teamOf(v: SVisit, dept: number): Team | undefined {
  for (const t of v.teams) if (t.dept === dept) return t;
  return undefined;
}

export type Progress = (phase: string, done: number, total: number) => void;

interface Draft {
  dept: number;
  plans: number[];
  need: number;
  req: Uint32Array;
  members: number[];
}

export class Scheduler {
  readonly m: Model;
  readonly W: number;
  readonly used: Uint16Array;
  readonly deptFree: Int32Array;
  readonly load: Int32Array;
  readonly visits: SVisit[] = [];
  /** First visit of each enterprise (then SVisit.nextSameEnt). */
  readonly entHead: (SVisit | null)[];
  readonly dayVisits: SVisit[][];
  /** Plan index → its visit, once scheduled. */
  readonly planVisit: Int32Array; // visit index + 1, 0 = not scheduled
  private readonly rng: () => number;
  private readonly cand: Int32Array;
  private repairBudget: number;
  private readonly planReqs: Uint32Array[];

  constructor(m: Model, rng: () => number) {
    this.m = m;
    this.W = m.W;
    this.rng = rng;
    this.used = new Uint16Array(m.nInsp * m.W);
    this.deptFree = new Int32Array(m.nDept * m.W);
    this.load = new Int32Array(m.nInsp);
    this.dayVisits = Array.from({ length: m.W }, () => []);
    this.entHead = Array.from({ length: m.nEnt }, () => null);
    this.planVisit = new Int32Array(m.nPlan);
    let maxDept = 1;
    for (const l of m.deptInsp) maxDept = Math.max(maxDept, l.length);
    this.cand = new Int32Array(maxDept);
    // Repair effort is bounded (~ a few seconds at province scale); small instances never reach it.
    this.repairBudget = 5e6 + 100 * m.nPlan;
    // One view per distinct qualification set, shared by all plans that have it.
    const QW = m.QW;
    const byKey = new Map<string, Uint32Array>();
    this.planReqs = new Array<Uint32Array>();
    for (let p = 0; p < m.nPlan; p++) {
      const words = m.planQual.subarray(p * QW, p * QW + QW);
      const key = QW === 1 ? String(words[0]) : words.join(',');
      let v = byKey.get(key);
      if (!v) byKey.set(key, (v = words.slice()));
      this.planReqs.push(v);
    }
    const W = m.W;
    for (let i = 0; i < m.nInsp; i++) {
      const base = m.inspDept[i]! * W;
      for (let w = 0; w < W; w++) if (m.inspUnavail[w * m.nInsp + i] === 0) this.deptFree[base + w]!++;
    }
  }

  // ---------------------------------------------------------------- staffing primitives

  private eligible(i: number, ent: number, w: number, req: Uint32Array, reqOff: number): boolean {
    const k = w * this.m.nInsp + i;
    return (
      this.m.inspUnavail[k] === 0 &&
      this.used[k]! < this.m.inspCap[i]! &&
      hasQuals(this.m, i, req, reqOff) &&
      !isConflicted(this.m, i, ent)
    );
  }

  /** Collect eligible inspectors of `dept` into this.cand; returns how many. */
  private collect(
    dept: number,
    ent: number,
    w: number,
    req: Uint32Array,
    reqOff: number,
    skip?: ReadonlySet<number>,
  ): number {
    let n = 0;
    const m = this.m;
    const list = m.deptInsp[dept]!;
    if (m.QW === 1 && skip === undefined) {
      const r = req[reqOff]!;
      const iq = m.inspQual;
      for (let t = 0; t < list.length; t++) {
        const i = list[t]!;
        const k = w * m.nInsp + i;
        if (m.inspUnavail[k] !== 0 || this.used[k]! >= m.inspCap[i]!) continue;
        if (r !== 0 && (iq[i]! & r) >>> 0 !== r) continue;
        if (m.inspHasConflict[i] === 1 && m.conflicts.has(i * m.nEnt + ent)) continue;
        this.cand[n++] = i;
      }
      return n;
    }
    for (const i of list) {
      if (skip !== undefined && skip.has(i)) continue;
      if (this.eligible(i, ent, w, req, reqOff)) this.cand[n++] = i;
    }
    return n;
  }

  /** 双随机 draw with load bias: `need` seats, each from the least-loaded candidates, uniformly. */
  private draw(n: number, need: number): number[] {
    const cand = this.cand;
    const load = this.load;
    const out: number[] = [];
    for (let s = 0; s < need; s++) {
      let min = Infinity;
      let ties = 0;
      for (let t = 0; t < n; t++) {
        const l = load[cand[t]!]!;
        if (l < min) {
          min = l;
          ties = 1;
        } else if (l === min) ties++;
      }
      let r = Math.floor(this.rng() * ties);
      for (let t = 0; t < n; t++) {
        if (load[cand[t]!]! === min && r-- === 0) {
          out.push(cand[t]!);
          cand[t] = cand[--n]!;
          break;
        }
      }
    }
    return out;
  }

  /** Draw a team or null when fewer than `need` eligible inspectors are free that day. */
  drawTeam(
    dept: number,
    ent: number,
    w: number,
    need: number,
    req: Uint32Array,
    reqOff = 0,
    skip?: ReadonlySet<number>,
  ): number[] | null {
    const n = this.collect(dept, ent, w, req, reqOff, skip);
    if (n < need) return null;
    return this.draw(n, need);
  }

  private countEligible(dept: number, ent: number, w: number, req: Uint32Array, reqOff: number): number {
    let n = 0;
    for (const i of this.m.deptInsp[dept]!) if (this.eligible(i, ent, w, req, reqOff)) n++;
    return n;
  }

  /** Undo log while a repair is tentative (null otherwise). */
  private journal: (() => void)[] | null = null;

  private take(i: number, w: number): void {
    if (this.journal) this.journal.push(() => this.give(i, w));
    const k = w * this.m.nInsp + i;
    const u = ++this.used[k]!;
    this.load[i]!++;
    if (u === this.m.inspCap[i]) this.deptFree[this.m.inspDept[i]! * this.W + w]!--;
  }

  private give(i: number, w: number): void {
    if (this.journal) this.journal.push(() => this.take(i, w));
    const k = w * this.m.nInsp + i;
    if (this.used[k] === this.m.inspCap[i]) this.deptFree[this.m.inspDept[i]! * this.W + w]!++;
    this.used[k]!--;
    this.load[i]!--;
  }

  /** The plan's qualification words (a shared read-only view: copy before mutating). */
  private planReq(p: number): Uint32Array {
    return this.planReqs[p]!;
  }

  private orInto(dst: Uint32Array, p: number): void {
    const QW = this.m.QW;
    for (let k = 0; k < QW; k++) dst[k] = (dst[k]! | this.m.planQual[p * QW + k]!) >>> 0;
  }

  // ---------------------------------------------------------------- visits

  private visitAt(ent: number, w: number): SVisit | undefined {
    for (let v: SVisit | null = this.entHead[ent] ?? null; v !== null; v = v.nextSameEnt) if (v.day === w) return v;
    return undefined;
  }

  private openVisit(ent: number, w: number): SVisit {
    const v: SVisit = {
      idx: this.visits.length,
      ent,
      day: w,
      plans: [],
      teams: [],
      nextSameEnt: this.entHead[ent] ?? null,
    };
    this.visits.push(v);
    this.entHead[ent] = v;
    this.dayVisits[w]!.push(v);
    return v;
  }

  private addTeam(v: SVisit, dept: number, members: number[], need: number, req: Uint32Array): void {
    for (const i of members) this.take(i, v.day);
    const t: Team = { dept, members, need, req };
    v.teams.push(t);
    if (this.journal) this.journal.push(() => v.teams.splice(v.teams.indexOf(t), 1));
  }

  private addPlan(v: SVisit, p: number): void {
    v.plans.push(p);
    this.planVisit[p] = v.idx + 1;
    if (this.journal)
      this.journal.push(() => {
        v.plans.splice(v.plans.indexOf(p), 1);
        this.planVisit[p] = 0;
      });
  }

  // ---------------------------------------------------------------- phase A: stabbing groups

  /** Try to staff the group's plans on day w; returns drafts (not yet committed) and plans staffed. */
  private attempt(
    ent: number,
    w: number,
    depts: number[],
    deptPlans: number[][],
  ): { drafts: Draft[]; staffed: number } {
    const drafts: Draft[] = [];
    let staffed = 0;
    const QW = this.m.QW;
    for (let d = 0; d < depts.length; d++) {
      const dept = depts[d]!;
      const plans = deptPlans[d]!;
      let req: Uint32Array;
      let need = 0;
      if (plans.length === 1) {
        req = this.planReq(plans[0]!);
        need = this.m.planNeed[plans[0]!]!;
      } else {
        req = new Uint32Array(QW);
        for (const p of plans) {
          this.orInto(req, p);
          need = Math.max(need, this.m.planNeed[p]!);
        }
      }
      let members = this.drawTeam(dept, ent, w, need, req);
      let chosen = plans;
      if (!members && plans.length > 1) {
        // The shared team cannot be staffed: keep the largest subset (greedy, easiest plans first).
        const sorted = plans.slice().sort((x, y) => this.m.planNeed[x]! - this.m.planNeed[y]! || x - y);
        chosen = [];
        req.fill(0);
        need = 0;
        const tmp = new Uint32Array(QW);
        for (const p of sorted) {
          tmp.set(req);
          this.orInto(tmp, p);
          const n2 = Math.max(need, this.m.planNeed[p]!);
          if (this.countEligible(dept, ent, w, tmp, 0) >= n2) {
            chosen.push(p);
            req.set(tmp);
            need = n2;
          }
        }
        members = chosen.length > 0 ? this.drawTeam(dept, ent, w, need, req) : null;
      }
      if (members) {
        drafts.push({ dept, plans: chosen, need, req, members });
        staffed += chosen.length;
      }
    }
    return { drafts, staffed };
  }

  /** How tight day w is for these departments: max need/free (≥ 1000 when one cannot staff). */
  private dayScore(w: number, depts: number[], needs: number[]): number {
    const W = this.W;
    let s = 0;
    for (let d = 0; d < depts.length; d++) {
      const free = this.deptFree[depts[d]! * W + w]!;
      const need = needs[d]!;
      const r = free < need ? 1000 + need - free : need / free;
      if (r > s) s = r;
    }
    return s;
  }

  placeGroups(g: StabGroups, onProgress?: Progress): number[] {
    const m = this.m;
    const order = new Int32Array(g.count);
    const tie = new Float64Array(g.count);
    for (let k = 0; k < g.count; k++) {
      order[k] = k;
      tie[k] = this.rng();
    }
    order.sort((x, y) => g.hi[x]! - g.lo[x]! - (g.hi[y]! - g.lo[y]!) || tie[x]! - tie[y]!);
    const leftovers: number[] = [];
    const depts: number[] = [];
    const deptPlans: number[][] = [];
    const needs: number[] = [];
    const step = Math.max(1, g.count >> 6);
    for (let t = 0; t < g.count; t++) {
      if (onProgress && t % step === 0) onProgress('schedule', t, g.count);
      const k = order[t]!;
      const ent = g.ent[k]!;
      const lo = g.lo[k]!;
      const hi = g.hi[k]!;
      depts.length = 0;
      deptPlans.length = 0;
      for (let s = g.start[k]!; s < g.start[k + 1]!; s++) {
        const p = g.plans[s]!;
        const d = m.planDept[p]!;
        const di = depts.indexOf(d);
        if (di < 0) {
          depts.push(d);
          deptPlans.push([p]);
        } else deptPlans[di]!.push(p);
      }
      needs.length = 0;
      for (const ps of deptPlans) {
        let mx = 0;
        for (const p of ps) if (m.planNeed[p]! > mx) mx = m.planNeed[p]!;
        needs.push(mx);
      }
      // Best day first. Long ranges are sampled (SAMPLE random days); short ones scanned from a random
      // offset, so ties fall on a random day and visits spread over the range.
      const len = hi - lo + 1;
      const SAMPLE = 24;
      let best = lo;
      let bestS = Infinity;
      const off = Math.floor(this.rng() * len);
      const probes = Math.min(len, SAMPLE);
      for (let u = 0; u < probes; u++) {
        const w = len <= SAMPLE ? lo + ((off + u) % len) : lo + Math.floor(this.rng() * len);
        const s = this.dayScore(w, depts, needs);
        if (s < bestS) {
          bestS = s;
          best = w;
        }
      }
      const total = g.start[k + 1]! - g.start[k]!;
      let res = this.attempt(ent, best, depts, deptPlans);
      let resDay = best;
      if (res.staffed < total && hi > lo) {
        // Other days, most promising first: 8, then more while the counts say every department could staff them.
        const days: number[] = [];
        for (let w = lo; w <= hi; w++) if (w !== best) days.push(w);
        const sc = days.map((w) => this.dayScore(w, depts, needs));
        const idx = days.map((_, i) => i).sort((x, y) => sc[x]! - sc[y]! || x - y);
        const limit = Math.min(idx.length, 40);
        for (let u = 0; u < limit && (u < 8 || sc[idx[u]!]! < 1000); u++) {
          const w = days[idx[u]!]!;
          const r = this.attempt(ent, w, depts, deptPlans);
          if (r.staffed > res.staffed) {
            res = r;
            resDay = w;
            if (r.staffed === total) break;
          }
        }
      }
      if (res.staffed > 0) {
        const v = this.openVisit(ent, resDay);
        for (const dr of res.drafts) {
          this.addTeam(v, dr.dept, dr.members, dr.need, dr.req);
          for (const p of dr.plans) this.addPlan(v, p);
        }
      }
      if (res.staffed < total) {
        for (let s = g.start[k]!; s < g.start[k + 1]!; s++) {
          const p = g.plans[s]!;
          if (this.planVisit[p] === 0) leftovers.push(p);
        }
      }
    }
    onProgress?.('schedule', g.count, g.count);
    return leftovers;
  }

  // ---------------------------------------------------------------- phase B: leftovers

  /** Try to put plan p into an existing visit v (same enterprise, day in window). */
  private joinVisit(v: SVisit, p: number): boolean {
    const m = this.m;
    const dept = m.planDept[p]!;
    const need = m.planNeed[p]!;
    const team = teamOf(v, dept);
    if (!team) {
      const req = this.planReq(p);
      const members = this.drawTeam(dept, v.ent, v.day, need, req);
      if (!members) return false;
      this.addTeam(v, dept, members, need, req);
      this.addPlan(v, p);
      return true;
    }
    const req = team.req.slice();
    this.orInto(req, p);
    const n2 = Math.max(need, team.need);
    // Keep the members that still qualify, add seats for the rest.
    if (this.journal) {
      const old = { members: team.members, req: team.req, need: team.need };
      this.journal.push(() => {
        team.members = old.members;
        team.req = old.req;
        team.need = old.need;
      });
    }
    const keep = team.members.filter((i) => hasQuals(m, i, req, 0));
    if (keep.length === team.members.length && keep.length >= n2) {
      team.req = req;
      team.need = n2;
      this.addPlan(v, p);
      return true;
    }
    const dropped = team.members.filter((i) => !keep.includes(i));
    for (const i of dropped) this.give(i, v.day);
    const skip = new Set(team.members);
    const extra = this.drawTeam(dept, v.ent, v.day, Math.max(0, n2 - keep.length), req, 0, skip);
    if (!extra) {
      for (const i of dropped) this.take(i, v.day);
      return false;
    }
    for (const i of extra) this.take(i, v.day);
    team.members = keep.concat(extra);
    team.req = req;
    team.need = n2;
    this.addPlan(v, p);
    return true;
  }

  /** Join a visit of the enterprise inside the plan's window, else open one on the best day. */
  private placeSingle(p: number, others: ReadonlySet<number> | null): boolean {
    const m = this.m;
    const W = this.W;
    const e = m.planEnt[p]!;
    const a = m.planA[p]!;
    const b = m.planB[p]!;
    let placed = false;
    {
      for (let v: SVisit | null = this.entHead[e] ?? null; v !== null; v = v.nextSameEnt) {
        if (v.day >= a && v.day <= b && this.joinVisit(v, p)) {
          placed = true;
          break;
        }
      }
    }
    if (!placed) {
      const dept = m.planDept[p]!;
      const need = m.planNeed[p]!;
      const oth = others ? [...others] : [];
      const days: number[] = [];
      const sc: number[] = [];
      for (let w = a; w <= b; w++) {
        const free = this.deptFree[dept * W + w]!;
        if (free < need || this.visitAt(e, w)) continue;
        let cover = 0;
        for (const o of oth) if (m.planA[o]! <= w && w <= m.planB[o]!) cover++;
        days.push(w);
        sc.push(cover * 1e6 + free + this.rng() * 0.5);
      }
      const idx = days.map((_, i) => i).sort((x, y) => sc[y]! - sc[x]!);
      const req = this.planReq(p);
      for (let u = 0; u < Math.min(idx.length, 60); u++) {
        const w = days[idx[u]!]!;
        const members = this.drawTeam(dept, e, w, need, req);
        if (members) {
          const v = this.openVisit(e, w);
          this.addTeam(v, dept, members, need, req);
          this.addPlan(v, p);
          placed = true;
          break;
        }
      }
    }
    return placed;
  }

  placeLeftovers(leftovers: number[], onProgress?: Progress): number[] {
    const m = this.m;
    const order = leftovers.slice().sort((x, y) => m.planB[x]! - m.planA[x]! - (m.planB[y]! - m.planA[y]!) || x - y);
    const pending = new Map<number, Set<number>>();
    for (const p of order) {
      const e = m.planEnt[p]!;
      let s = pending.get(e);
      if (!s) pending.set(e, (s = new Set()));
      s.add(p);
    }
    const still: number[] = [];
    let done = 0;
    for (const p of order) {
      if (onProgress && done++ % 256 === 0) onProgress('leftovers', done, order.length);
      const e = m.planEnt[p]!;
      pending.get(e)!.delete(p);
      const placed = this.placeSingle(p, pending.get(e)!);
      if (!placed) still.push(p);
    }
    return still;
  }

  // ---------------------------------------------------------------- phase C: repair by swaps

  repair(plans: number[], onProgress?: Progress): number[] {
    const still: number[] = [];
    let done = 0;
    for (const p of plans) {
      if (onProgress && done++ % 64 === 0) onProgress('repair', done, plans.length);
      if (this.repairBudget <= 0 || !(this.repairPlan(p) || this.ejectRepair(p))) still.push(p);
    }
    // A second pass: repairs may have freed days for plans that failed earlier.
    return still.length > 0 && still.length < plans.length ? this.placeLeftovers(still) : still;
  }

  /**
   * Ejection: on a day of p's window, take the department's team (and its plans) out of one visit that
   * blocks p's qualified inspectors, staff p there, and re-place the ejected plans elsewhere (another day
   * or visit). Everything is journaled and rolled back unless all of them find a place.
   */
  private ejectRepair(p: number, depth = 0): boolean {
    const m = this.m;
    const dept = m.planDept[p]!;
    const ent = m.planEnt[p]!;
    const need = m.planNeed[p]!;
    const qOff = p * m.QW;
    for (let w = m.planA[p]!; w <= m.planB[p]! && this.repairBudget > 0; w++) {
      const here = this.visitAt(ent, w);
      if (here && teamOf(here, dept)) continue;
      let avail = 0;
      this.repairBudget -= 10 + m.deptInsp[dept]!.length;
      for (const i of m.deptInsp[dept]!) {
        if (m.inspUnavail[w * m.nInsp + i] === 0 && hasQuals(m, i, m.planQual, qOff) && !isConflicted(m, i, ent))
          avail++;
      }
      if (avail < need) continue;
      const blocking: SVisit[] = [];
      for (const v of this.dayVisits[w]!) {
        this.repairBudget--;
        if (v.ent !== ent && teamOf(v, dept)) blocking.push(v);
      }
      for (const v of blocking.slice(0, 4)) {
        const t = teamOf(v, dept)!;
        this.repairBudget -= 50;
        const outer = this.journal;
        const log = outer ?? [];
        const mark = log.length;
        this.journal = log;
        const ejected = v.plans.filter((q) => m.planDept[q] === dept);
        for (const q of ejected) {
          v.plans.splice(v.plans.indexOf(q), 1);
          this.planVisit[q] = 0;
          log.push(() => {
            v.plans.push(q);
            this.planVisit[q] = v.idx + 1;
          });
        }
        v.teams.splice(v.teams.indexOf(t), 1);
        log.push(() => v.teams.push(t));
        for (const i of t.members) this.give(i, w);
        let ok = false;
        const members = this.drawTeam(dept, ent, w, need, this.planReq(p));
        if (members) {
          const target = here ?? this.openVisit(ent, w);
          this.addTeam(target, dept, members, need, this.planReq(p));
          this.addPlan(target, p);
          ok = ejected.every((q) => {
            this.repairBudget -= 20 * (m.planB[q]! - m.planA[q]! + 1);
            // one level deeper: an ejected plan may itself eject another team
            return this.placeSingle(q, null) || (depth < 1 && this.ejectRepair(q, depth + 1));
          });
        }
        if (ok) {
          this.journal = outer;
          return true;
        }
        this.journal = null; // undo without journaling the undo
        for (let k = log.length - 1; k >= mark; k--) log[k]!();
        log.length = mark;
        this.journal = outer;
      }
    }
    return false;
  }

  private repairPlan(p: number): boolean {
    const m = this.m;
    const dept = m.planDept[p]!;
    const ent = m.planEnt[p]!;
    const need = m.planNeed[p]!;
    const a = m.planA[p]!;
    const b = m.planB[p]!;
    const qOff = p * m.QW;
    const stat: number[] = [];
    for (const i of m.deptInsp[dept]!) if (hasQuals(m, i, m.planQual, qOff) && !isConflicted(m, i, ent)) stat.push(i);
    if (stat.length < need) return false;
    for (let w = a; w <= b && this.repairBudget > 0; w++) {
      this.repairBudget -= 10 + stat.length;
      const here = this.visitAt(ent, w);
      if (here && teamOf(here, dept)) continue;
      const free: number[] = [];
      const busy: number[] = [];
      for (const i of stat) {
        const k = w * m.nInsp + i;
        if (m.inspUnavail[k] === 1) continue;
        if (this.used[k]! < m.inspCap[i]!) free.push(i);
        else busy.push(i);
      }
      if (free.length + busy.length < need) continue;
      const reserved = new Set(free);
      const swaps: { team: Team; idx: number; out: number; inn: number }[] = [];
      for (const i of busy) {
        if (free.length >= need) break;
        let swapped = false;
        for (const v of this.dayVisits[w]!) {
          this.repairBudget -= 1;
          const team = teamOf(v, dept);
          if (!team) continue;
          const idx = team.members.indexOf(i);
          if (idx < 0) continue;
          for (const j of m.deptInsp[dept]!) {
            this.repairBudget -= 1;
            if (reserved.has(j) || team.members.includes(j)) continue;
            if (!this.eligible(j, v.ent, w, team.req, 0)) continue;
            team.members[idx] = j;
            this.take(j, w);
            this.give(i, w);
            reserved.add(j);
            swaps.push({ team, idx, out: i, inn: j });
            swapped = true;
            break;
          }
          if (swapped) break;
        }
        if (swapped) {
          free.push(i);
          reserved.add(i);
        }
      }
      if (free.length >= need) {
        const members = this.drawTeam(dept, ent, w, need, this.planReq(p));
        if (members) {
          const v = here ?? this.openVisit(ent, w);
          this.addTeam(v, dept, members, need, this.planReq(p));
          this.addPlan(v, p);
          return true;
        }
      }
      for (let s = swaps.length - 1; s >= 0; s--) {
        const sw = swaps[s]!;
        sw.team.members[sw.idx] = sw.out;
        this.take(sw.out, w);
        this.give(sw.inn, w);
      }
    }
    return false;
  }
}
