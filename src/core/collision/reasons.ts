// Reasons a kept plan is left unscheduled (fixed list; docs/collision-engine.md). Diagnosis is
// static (from the scenario alone) and checks the causes from the most to the least fundamental.

import { hasQuals, isConflicted, type Model } from './model.ts';
import type { UnscheduledReason } from './scenario.ts';

export interface PlanDiagnosis {
  reason: UnscheduledReason;
  workingDays: number;
  departmentInspectors: number;
  qualified: number;
  qualifiedNotConflicted: number;
  /** Working days in the window on which ≥ inspectorsNeeded qualified, non-conflicted inspectors are available. */
  staffableDays: number;
}

/** Qualified, non-conflicted inspectors of the plan's department (static eligibility). */
export function staticEligible(m: Model, p: number): number[] {
  const out: number[] = [];
  const ent = m.planEnt[p]!;
  for (const i of m.deptInsp[m.planDept[p]!]!) {
    if (hasQuals(m, i, m.planQual, p * m.QW) && !isConflicted(m, i, ent)) out.push(i);
  }
  return out;
}

export function diagnosePlan(m: Model, p: number): PlanDiagnosis {
  const a = m.planA[p]!;
  const b = m.planB[p]!;
  const need = m.planNeed[p]!;
  const dept = m.deptInsp[m.planDept[p]!]!;
  const ent = m.planEnt[p]!;
  let qualified = 0;
  const elig: number[] = [];
  for (const i of dept) {
    if (!hasQuals(m, i, m.planQual, p * m.QW)) continue;
    qualified++;
    if (!isConflicted(m, i, ent)) elig.push(i);
  }
  let staffableDays = 0;
  for (let w = a; w <= b; w++) {
    let c = 0;
    for (const i of elig) if (m.inspUnavail[w * m.nInsp + i] === 0) c++;
    if (c >= need) staffableDays++;
  }
  const d: PlanDiagnosis = {
    reason: 'capacity-exhausted',
    workingDays: Math.max(0, b - a + 1),
    departmentInspectors: dept.length,
    qualified,
    qualifiedNotConflicted: elig.length,
    staffableDays,
  };
  if (a > b) d.reason = 'no-working-day-in-window';
  else if (dept.length < need) d.reason = 'department-has-too-few-inspectors';
  else if (qualified < need) d.reason = 'no-qualified-inspector';
  else if (elig.length < need) d.reason = 'all-conflicted';
  else if (staffableDays === 0) d.reason = 'inspectors-unavailable';
  return d;
}
