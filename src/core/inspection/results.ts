/**
 * One checklist item's result, and what a record needs before it is signed.
 * A finding on a major-hazard criterion is a 重大事故隐患 by definition (判定标准: "应当判定为重大事故隐患") — it cannot
 * be recorded as a general one. A general hazard removed on the spot (局令16号 Art. 3: "发现后能够立即整改排除") is
 * recorded and closed at signing; a major one never is.
 */
import type { HazardLevel } from '../hazards/model.ts';
import { isDate } from '../hazards/lifecycle.ts';
import type { ChecklistEntry } from './checklist.ts';
import type { ItemResult } from './model.ts';

export interface Finding {
  description: string;
  location: string;
  level: HazardLevel | null;
  deadline: string | null;
  responsiblePerson: string;
  fixedOnSite: boolean;
}

export interface ResultInput {
  result: ItemResult | null;
  note: string;
  finding: Finding | null;
}

export interface Issue {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

/** The level a finding on this item has: major on a criterion, else what the inspector judged (general by default). */
export function findingLevel(entry: Pick<ChecklistEntry, 'majorHazard'>, finding: Pick<Finding, 'level'> | null): HazardLevel {
  return entry.majorHazard ? 'major' : (finding?.level ?? 'general');
}

/** Checks one result as saved (a draft may be incomplete: a hazard without deadline is completed before signing). */
export function checkResult(entry: ChecklistEntry, r: ResultInput, today: string): Issue[] {
  const issues: Issue[] = [];
  if (r.note.length > 2000) issues.push({ field: 'note', key: 'field.too_long', params: { max: 2000 } });
  if (r.result === 'not_applicable' && entry.mustCheck && !r.note.trim()) issues.push({ field: 'note', key: 'inspection.na_needs_reason' });
  if (r.result === 'hazard') {
    const f = r.finding;
    if (!f || !f.description.trim()) issues.push({ field: 'finding.description', key: 'field.required' });
    if (f) {
      if (entry.majorHazard && f.level === 'general') issues.push({ field: 'finding.level', key: 'inspection.major_by_definition' });
      const level = findingLevel(entry, f);
      if (f.fixedOnSite && level === 'major') issues.push({ field: 'finding.fixedOnSite', key: 'hazard.major_not_on_spot' });
      if (f.deadline !== null) {
        if (!isDate(f.deadline)) issues.push({ field: 'finding.deadline', key: 'date.invalid', params: { value: f.deadline } });
        else if (f.deadline < today) issues.push({ field: 'finding.deadline', key: 'hazard.deadline_past', params: { today } });
      }
    }
  } else if (r.finding) {
    issues.push({ field: 'finding', key: 'inspection.finding_without_hazard' });
  }
  return issues;
}

export interface SignReadiness {
  checklist: (ChecklistEntry & { id: number; result: ResultInput | null })[];
  inspectors: number;
  peopleChecked: number;
  quizzesScored: number;
}

/**
 * What must be true before the first signature: every must-check item answered (必查项), every hazard with its
 * deadline unless removed on the spot, two inspectors (domain.md §6: ≥2 officers), at least one person's certificate
 * checked (逢查必检) and one quiz scored (逢查必考).
 */
export function checkReadyToSign(s: SignReadiness, today: string): Issue[] {
  const issues: Issue[] = [];
  s.checklist.forEach((e) => {
    const at = `checklist.${e.id}`;
    if (e.mustCheck && !e.result?.result) issues.push({ field: at, key: 'inspection.must_check_unanswered', params: { code: e.code } });
    if (e.result?.result) for (const i of checkResult(e, e.result, today)) issues.push({ ...i, field: `${at}.${i.field}` });
    const f = e.result?.result === 'hazard' ? e.result.finding : null;
    if (f && !f.fixedOnSite && !f.deadline) issues.push({ field: `${at}.finding.deadline`, key: 'inspection.deadline_needed', params: { code: e.code } });
  });
  if (s.inspectors < 2) issues.push({ field: 'team', key: 'inspection.two_inspectors' });
  if (s.peopleChecked < 1) issues.push({ field: 'people', key: 'inspection.people_needed' });
  if (s.quizzesScored < 1) issues.push({ field: 'quizzes', key: 'inspection.quiz_needed' });
  return issues;
}
