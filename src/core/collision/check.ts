// checkSchedule(): an independent validator of a schedule against its scenario. It shares no code
// with the engine except ISO date parsing, and re-checks every rule of collision.md from the JSON.
// moveVisit(): a coordinator moves one visit to another day; teams are re-staffed when possible.

import { isoToDay, weekday } from './calendar.ts';
import { rngFromSeed } from './prng.ts';
import { LEVEL_RANK, UNSCHEDULED_REASONS, type Schedule, type Scenario, type Visit } from './scenario.ts';

export type ViolationRule =
  | 'accounting' // every plan exactly once
  | 'rule1-dedup'
  | 'rule2-visit'
  | 'rule3-team'
  | 'rule4-capacity'
  | 'reason'
  | 'stats';

/** The violations a coordinator can cause by moving a visit carry a code and params for translated text. */
export type ViolationCode =
  | 'not-working-day'
  | 'outside-window'
  | 'team-short'
  | 'lacks-qualification'
  | 'unavailable'
  | 'recuse'
  | 'capacity'
  | 'no-visit';

export interface Violation {
  rule: ViolationRule;
  /** English text for logs and the CLI; the web renders `code` + `params` (violation-text.ts). */
  message: string;
  code?: ViolationCode;
  params?: Record<string, string | number>;
  visit?: string;
  plan?: string;
  inspector?: string;
}

export function checkSchedule(sc: Scenario, sch: Schedule): Violation[] {
  const out: Violation[] = [];
  const v = (x: Violation): void => {
    out.push(x);
  };
  const plans = new Map(sc.plans.map((p, i) => [p.id, { p, i }]));
  const depts = new Map(sc.departments.map((d) => [d.id, d]));
  const insps = new Map(sc.inspectors.map((x) => [x.id, x]));
  const hol = new Set(sc.horizon.holidays);
  const hs = isoToDay(sc.horizon.start);
  const he = isoToDay(sc.horizon.end);
  const isWorking = (iso: string): boolean => {
    const d = isoToDay(iso);
    if (Number.isNaN(d) || d < hs || d > he || hol.has(iso)) return false;
    const wd = weekday(d);
    return wd !== 0 && wd !== 6;
  };

  // accounting
  const seen = new Map<string, string>();
  const mark = (plan: string, where: string): void => {
    if (!plans.has(plan)) v({ rule: 'accounting', plan, message: `${where}: unknown plan ${plan}` });
    const prev = seen.get(plan);
    if (prev !== undefined) v({ rule: 'accounting', plan, message: `plan ${plan} appears twice (${prev}, ${where})` });
    else seen.set(plan, where);
  };
  for (const x of sch.visits) for (const p of x.plans) mark(p, `visit ${x.id}`);
  for (const d of sch.dropped) mark(d.plan, 'dropped');
  for (const u of sch.unscheduled) mark(u.plan, 'unscheduled');
  for (const p of sc.plans)
    if (!seen.has(p.id)) v({ rule: 'accounting', plan: p.id, message: `plan ${p.id} missing from the schedule` });

  // rule 1
  const overlap = (a: { start: string; end: string }, b: { start: string; end: string }): boolean =>
    a.start <= b.end && b.start <= a.end;
  const droppedSet = new Set(sch.dropped.map((d) => d.plan));
  for (const d of sch.dropped) {
    const x = plans.get(d.plan);
    const k = plans.get(d.keptPlan);
    if (d.reason !== 'higher-level-duplicate')
      v({ rule: 'reason', plan: d.plan, message: `unknown drop reason ${d.reason}` });
    if (!x || !k) {
      v({ rule: 'rule1-dedup', plan: d.plan, message: `dropped plan or kept plan ${d.keptPlan} unknown` });
      continue;
    }
    if (droppedSet.has(d.keptPlan))
      v({ rule: 'rule1-dedup', plan: d.plan, message: `kept plan ${d.keptPlan} is itself dropped` });
    const dx = depts.get(x.p.department)!;
    const dk = depts.get(k.p.department)!;
    if (dx.system !== dk.system || x.p.enterprise !== k.p.enterprise || !overlap(x.p.window, k.p.window))
      v({
        rule: 'rule1-dedup',
        plan: d.plan,
        message: `not a duplicate of ${d.keptPlan} (system, enterprise or window differ)`,
      });
    const rx = LEVEL_RANK[dx.level];
    const rk = LEVEL_RANK[dk.level];
    if (rk < rx || (rk === rx && k.i > x.i))
      v({
        rule: 'rule1-dedup',
        plan: d.plan,
        message: `kept plan ${d.keptPlan} is not of a higher level / earlier-listed`,
      });
  }
  const byLine = new Map<string, { p: (typeof sc.plans)[number]; i: number }[]>();
  for (const [id, x] of plans) {
    if (droppedSet.has(id)) continue;
    const key = `${depts.get(x.p.department)?.system}\u0000${x.p.enterprise}`;
    let l = byLine.get(key);
    if (!l) byLine.set(key, (l = []));
    l.push(x);
  }
  for (const l of byLine.values()) {
    if (l.length < 2) continue;
    l.sort((a, b) => (a.p.window.start < b.p.window.start ? -1 : 1));
    for (let i = 0; i < l.length; i++)
      for (let j = i + 1; j < l.length && l[j]!.p.window.start <= l[i]!.p.window.end; j++)
        v({
          rule: 'rule1-dedup',
          plan: l[j]!.p.id,
          message: `overlaps ${l[i]!.p.id} of the same line and enterprise but neither was dropped`,
        });
  }

  // rules 2–4
  const visitIds = new Set<string>();
  const usage = new Map<string, number>(); // inspector \0 date → visits
  for (const x of sch.visits) {
    if (visitIds.has(x.id)) v({ rule: 'rule2-visit', visit: x.id, message: `duplicate visit id ${x.id}` });
    visitIds.add(x.id);
    if (!isWorking(x.date))
      v({ rule: 'rule2-visit', visit: x.id, code: 'not-working-day', params: { date: x.date }, message: `${x.date} is not a working day of the horizon` });
    if (x.plans.length === 0) v({ rule: 'rule2-visit', visit: x.id, message: 'visit has no plan' });
    const need = new Map<string, { n: number; q: Set<string> }>();
    for (const pid of x.plans) {
      const p = plans.get(pid)?.p;
      if (!p) continue;
      if (p.enterprise !== x.enterprise)
        v({
          rule: 'rule2-visit',
          visit: x.id,
          plan: pid,
          message: `plan is for ${p.enterprise}, visit is at ${x.enterprise}`,
        });
      if (x.date < p.window.start || x.date > p.window.end)
        v({
          rule: 'rule2-visit',
          visit: x.id,
          plan: pid,
          code: 'outside-window',
          params: { date: x.date, plan: pid, start: p.window.start, end: p.window.end },
          message: `${x.date} is outside the plan window ${p.window.start}..${p.window.end}`,
        });
      let t = need.get(p.department);
      if (!t) need.set(p.department, (t = { n: 0, q: new Set() }));
      t.n = Math.max(t.n, p.inspectorsNeeded);
      for (const q of p.requiredQualifications) t.q.add(q);
    }
    const inVisit = new Set<string>();
    for (const dep of Object.keys(x.teams))
      if (!need.has(dep))
        v({ rule: 'rule3-team', visit: x.id, message: `team of ${dep}, which has no plan in the visit` });
    for (const [dep, t] of need) {
      const team = x.teams[dep] ?? [];
      if (team.length < t.n)
        v({ rule: 'rule3-team', visit: x.id, code: 'team-short', params: { department: dep, sent: team.length, needed: t.n }, message: `${dep} sends ${team.length} inspectors, ${t.n} needed` });
      for (const iid of team) {
        const ins = insps.get(iid);
        if (!ins) {
          v({ rule: 'rule3-team', visit: x.id, inspector: iid, message: `unknown inspector ${iid}` });
          continue;
        }
        if (inVisit.has(iid))
          v({ rule: 'rule3-team', visit: x.id, inspector: iid, message: `${iid} listed twice in the visit` });
        inVisit.add(iid);
        if (ins.department !== dep)
          v({ rule: 'rule3-team', visit: x.id, inspector: iid, message: `${iid} is not an inspector of ${dep}` });
        for (const q of t.q)
          if (!ins.qualifications.includes(q))
            v({ rule: 'rule3-team', visit: x.id, inspector: iid, code: 'lacks-qualification', params: { inspector: iid, qualification: q }, message: `${iid} lacks qualification ${q}` });
        if (ins.unavailable.includes(x.date))
          v({ rule: 'rule3-team', visit: x.id, inspector: iid, code: 'unavailable', params: { inspector: iid, date: x.date }, message: `${iid} is unavailable on ${x.date}` });
        if (ins.conflicts.includes(x.enterprise))
          v({
            rule: 'rule3-team',
            visit: x.id,
            inspector: iid,
            code: 'recuse',
            params: { inspector: iid, enterprise: x.enterprise },
            message: `${iid} must recuse from ${x.enterprise} (回避)`,
          });
        const k = `${iid}\u0000${x.date}`;
        usage.set(k, (usage.get(k) ?? 0) + 1);
      }
    }
  }
  for (const [k, n] of usage) {
    const [iid, date] = k.split('\u0000') as [string, string];
    const cap = insps.get(iid)?.dailyCapacity ?? 0;
    if (n > cap)
      v({ rule: 'rule4-capacity', inspector: iid, code: 'capacity', params: { inspector: iid, visits: n, date, capacity: cap }, message: `${iid} is in ${n} visits on ${date}, capacity ${cap}` });
  }

  const reasons: readonly string[] = UNSCHEDULED_REASONS;
  for (const u of sch.unscheduled)
    if (!reasons.includes(u.reason)) v({ rule: 'reason', plan: u.plan, message: `unknown reason ${u.reason}` });

  const st = sch.stats;
  const scheduled = sch.visits.reduce((s, x) => s + x.plans.length, 0);
  const expect = {
    plans: sc.plans.length,
    dropped: sch.dropped.length,
    scheduled,
    unscheduled: sch.unscheduled.length,
    visits: sch.visits.length,
    visitsSaved: scheduled - sch.visits.length,
  };
  for (const [k, val] of Object.entries(expect)) {
    if (st[k as keyof typeof expect] !== val)
      v({ rule: 'stats', message: `stats.${k} is ${st[k as keyof typeof expect]}, expected ${val}` });
  }
  if (sch.visits.length > 0 && sch.unscheduled.length === 0 && st.visits < st.lowerBound)
    v({ rule: 'stats', message: `visits ${st.visits} below lowerBound ${st.lowerBound}` });
  return out;
}

export interface MoveResult {
  schedule: Schedule;
  violations: Violation[];
  /** Departments whose team had to change for the new day. */
  restaffed: string[];
}

/**
 * Move one visit to `newDate`. Team members who can still go that day stay; the others are replaced by
 * eligible colleagues (least-loaded, drawn from the scenario seed and the visit id). The returned
 * schedule is a copy; `violations` is checkSchedule() on it (e.g. a date outside a plan's window).
 */
export function moveVisit(sc: Scenario, sch: Schedule, visitId: string, newDate: string): MoveResult {
  const idx = sch.visits.findIndex((x) => x.id === visitId);
  const visits = sch.visits.map((x) => ({ ...x, plans: x.plans.slice(), teams: { ...x.teams } }));
  const restaffed: string[] = [];
  if (idx < 0) {
    const schedule = { ...sch, visits };
    return {
      schedule,
      violations: [
        { rule: 'rule2-visit', visit: visitId, code: 'no-visit', params: { visit: visitId }, message: `no visit ${visitId}` },
        ...checkSchedule(sc, schedule),
      ],
      restaffed,
    };
  }
  const target: Visit = visits[idx]!;
  const insps = new Map(sc.inspectors.map((x) => [x.id, x]));
  const planById = new Map(sc.plans.map((p) => [p.id, p]));
  const use = new Map<string, number>();
  const load = new Map<string, number>();
  for (const x of visits) {
    if (x === target) continue;
    for (const team of Object.values(x.teams))
      for (const iid of team) {
        load.set(iid, (load.get(iid) ?? 0) + 1);
        if (x.date === newDate) use.set(iid, (use.get(iid) ?? 0) + 1);
      }
  }
  const rng = rngFromSeed(`${sc.seed}/${visitId}/${newDate}`);
  target.date = newDate;
  for (const [dep, team] of Object.entries(target.teams)) {
    const ps = target.plans.map((id) => planById.get(id)).filter((p) => p !== undefined && p.department === dep);
    const need = Math.max(0, ...ps.map((p) => p!.inspectorsNeeded));
    const quals = new Set(ps.flatMap((p) => p!.requiredQualifications));
    const ok = (iid: string): boolean => {
      const ins = insps.get(iid);
      return (
        !!ins &&
        ins.department === dep &&
        !ins.unavailable.includes(newDate) &&
        !ins.conflicts.includes(target.enterprise) &&
        [...quals].every((q) => ins.qualifications.includes(q)) &&
        (use.get(iid) ?? 0) < ins.dailyCapacity
      );
    };
    const keep = team.filter(ok);
    if (keep.length >= need) {
      target.teams[dep] = keep;
      continue;
    }
    const pool = sc.inspectors.filter((x) => x.department === dep && !keep.includes(x.id) && ok(x.id)).map((x) => x.id);
    const chosen = keep.slice();
    while (chosen.length < need && pool.length > 0) {
      const min = Math.min(...pool.map((iid) => load.get(iid) ?? 0));
      const ties = pool.filter((iid) => (load.get(iid) ?? 0) === min);
      const pick = ties[Math.floor(rng() * ties.length)]!;
      chosen.push(pick);
      pool.splice(pool.indexOf(pick), 1);
    }
    if (chosen.length >= need) {
      target.teams[dep] = chosen.sort();
      restaffed.push(dep);
    }
    // else: leave the old team; checkSchedule reports what cannot be met on the new day.
  }
  visits.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const schedule: Schedule = { ...sch, visits };
  return { schedule, violations: checkSchedule(sc, schedule), restaffed };
}
