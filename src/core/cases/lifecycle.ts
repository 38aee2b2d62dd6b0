/**
 * The steps of a case, one after the other, each checked: who may take it (the case's department; decisions, closing
 * and transfers by its head), from which step, and what it needs.
 *
 * - 告知 needs the facts found (evidence) and the proposed measures.
 * - 决定 comes after the party's time to state its case (陈述申辩: three days after 告知, 《行政处罚法》第四十四、四十五条 and
 *   common practice for the 3-day 陈述申辩 period) unless the party waived it; a fine on the unit is matched by a fine on
 *   its responsible person — 一案双罚 (安全生产法 Arts. 94–96, 114) — unless the decision says why not.
 * - 结案 needs every measure carried out (fines paid) or a reason (e.g. 申请人民法院强制执行).
 */
import { isDate } from '../hazards/lifecycle.ts';
import { addDays } from '../hazards/escalation.ts';
import { CASE_STEPS, isFine, stepIndex, type CaseStep, type Measure, type PoliceTransfer } from './model.ts';

export interface CaseFacts {
  step: CaseStep;
  departmentId: number;
  notifiedOn: string | null;
  evidenceCount: number;
  measures: readonly Measure[];
  transfer: PoliceTransfer | null;
}

export interface CaseActor {
  userId: number;
  role: string;
  departmentId: number | null;
}

export interface AdvanceInput {
  note?: string;
  /** 当事人放弃陈述申辩 */
  statementWaived?: boolean;
  /** why there is no fine on the responsible person (一案双罚 not applied) */
  dualPenaltyWaiver?: string;
}

export interface Issue {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

export type StepDecision =
  | { ok: true; from: CaseStep; to: CaseStep }
  | { ok: false; status: 403 | 409; key: string; params?: Record<string, string | number> }
  | { ok: false; status: 422; key: string; issues: Issue[] };

export const STATEMENT_DAYS = 3;

const caseStaff = (c: Pick<CaseFacts, 'departmentId'>, a: CaseActor) =>
  (a.role === 'inspector' || a.role === 'dept_head') && a.departmentId === c.departmentId;
const caseHead = (c: Pick<CaseFacts, 'departmentId'>, a: CaseActor) => a.role === 'dept_head' && a.departmentId === c.departmentId;

/** Who may take the case to `to`: its department's staff; 决定 and 结案 its head. */
export function mayAdvance(c: Pick<CaseFacts, 'departmentId'>, to: CaseStep, a: CaseActor): boolean {
  return to === 'decided' || to === 'closed' ? caseHead(c, a) : caseStaff(c, a);
}
/** Measures, evidence and payments are recorded by the case's department; a transfer to the police by its head. */
export const mayEditCase = (c: Pick<CaseFacts, 'departmentId'>, a: CaseActor) => caseStaff(c, a);
export const mayTransfer = (c: Pick<CaseFacts, 'departmentId'>, a: CaseActor) => caseHead(c, a);

export function nextStep(s: CaseStep): CaseStep | null {
  return CASE_STEPS[stepIndex(s) + 1]?.code ?? null;
}

/** 一案双罚: a fine on the unit wants a fine on its responsible person. */
export function dualPenaltyMissing(measures: readonly Measure[]): boolean {
  return measures.some((m) => m.kind === 'fine_unit') && !measures.some((m) => m.kind === 'fine_person');
}

export function checkMeasure(m: Measure): Issue[] {
  const issues: Issue[] = [];
  if (isFine(m.kind)) {
    if (m.amount === null || !Number.isFinite(m.amount) || m.amount <= 0) issues.push({ field: 'amount', key: 'case.fine_amount' });
    else if (m.amount > 100_000_000) issues.push({ field: 'amount', key: 'case.fine_amount' });
  } else if (m.amount !== null) issues.push({ field: 'amount', key: 'case.amount_only_for_fines' });
  if (m.kind === 'fine_person' && !m.personName.trim()) issues.push({ field: 'personName', key: 'field.required' });
  if (!isFine(m.kind) && !m.description.trim()) issues.push({ field: 'description', key: 'field.required' });
  return issues;
}

export function checkTransfer(t: PoliceTransfer, today: string): Issue[] {
  const issues: Issue[] = [];
  if (!t.agency.trim()) issues.push({ field: 'agency', key: 'field.required' });
  if (!t.suspectedOffence.trim()) issues.push({ field: 'suspectedOffence', key: 'field.required' });
  if (!t.summary.trim()) issues.push({ field: 'summary', key: 'field.required' });
  if (!isDate(t.transferredOn)) issues.push({ field: 'transferredOn', key: 'date.invalid', params: { value: t.transferredOn } });
  else if (t.transferredOn > today) issues.push({ field: 'transferredOn', key: 'case.date_in_future' });
  return issues;
}

/** Takes the case one step on. `today` is the business day, handed in. */
export function advance(c: CaseFacts, a: CaseActor, input: AdvanceInput, today: string): StepDecision {
  const to = nextStep(c.step);
  if (!to) return { ok: false, status: 409, key: 'case.wrong_step', params: { step: c.step } };
  if (!mayAdvance(c, to, a)) return { ok: false, status: 403, key: to === 'decided' || to === 'closed' ? 'case.needs_head' : 'case.not_allowed' };
  const issues: Issue[] = [];
  if (to === 'notified') {
    if (c.evidenceCount < 1) issues.push({ field: 'evidence', key: 'case.evidence_needed' });
    if (c.measures.length < 1) issues.push({ field: 'measures', key: 'case.measures_needed' });
  }
  if (to === 'decided') {
    if (c.measures.length < 1) issues.push({ field: 'measures', key: 'case.measures_needed' });
    if (c.notifiedOn && !input.statementWaived && today < addDays(c.notifiedOn, STATEMENT_DAYS)) {
      issues.push({ field: 'statementWaived', key: 'case.statement_period', params: { date: addDays(c.notifiedOn, STATEMENT_DAYS) } });
    }
    if (dualPenaltyMissing(c.measures) && !(input.dualPenaltyWaiver ?? '').trim()) issues.push({ field: 'measures', key: 'case.dual_penalty' });
  }
  if (to === 'closed' && c.measures.some((m) => !m.executed) && !(input.note ?? '').trim()) {
    issues.push({ field: 'note', key: 'case.unexecuted_measures' });
  }
  if (issues.length) return { ok: false, status: 422, key: 'error.validation', issues };
  return { ok: true, from: c.step, to };
}

/** Measures may be added or changed until the decision; afterwards only carried out. */
export const measuresEditable = (s: CaseStep) => stepIndex(s) < stepIndex('decided');
