/**
 * The hazard lifecycle as an explicit state machine (隐患闭环):
 *
 *   reported ──confirm──▶ confirmed ──start_rectifying──▶ rectifying ──submit──▶ submitted ──review_pass──▶ closed (销号)
 *      │                     │                                ▲                     │
 *      ├──dismiss──▶ dismissed                                └────review_reject────┘
 *      └──close_on_spot (一般隐患 only, 当场整改)──▶ closed ◀── close_on_spot ── confirmed
 *
 * Every transition is checked here, once: who may make it (by role, department and enterprise), from which state, and
 * with what it needs. Seed 002: a major hazard is closed only by the review of the department that owns it
 * (负有安全监管职责部门审核把关销号) — its head; it needs its 五定 before rectification starts.
 */
import type { FiveFixes, HazardLevel, HazardSource, HazardState } from './model.ts';

export type HazardAction = 'confirm' | 'dismiss' | 'start_rectifying' | 'submit' | 'review_pass' | 'review_reject' | 'close_on_spot';

export const HAZARD_ACTIONS: readonly HazardAction[] = ['confirm', 'dismiss', 'start_rectifying', 'submit', 'review_pass', 'review_reject', 'close_on_spot'];

/** From which states each action may be taken, and where it leads. */
export const TRANSITIONS: Record<HazardAction, { from: readonly HazardState[]; to: HazardState }> = {
  confirm: { from: ['reported'], to: 'confirmed' },
  dismiss: { from: ['reported'], to: 'dismissed' },
  start_rectifying: { from: ['confirmed'], to: 'rectifying' },
  submit: { from: ['rectifying'], to: 'submitted' },
  review_pass: { from: ['submitted'], to: 'closed' },
  review_reject: { from: ['submitted'], to: 'rectifying' },
  close_on_spot: { from: ['reported', 'confirmed'], to: 'closed' },
};

export interface HazardFacts {
  state: HazardState;
  level: HazardLevel;
  source: HazardSource;
  enterpriseId: number;
  /** the department that owns the hazard (负有监管职责的部门) */
  departmentId: number | null;
  deadline: string | null;
  responsiblePerson: string;
  fiveFixes: FiveFixes;
  /** who submitted the rectification now under review */
  submittedBy: number | null;
}

export interface HazardActor {
  userId: number;
  role: string;
  departmentId: number | null;
  enterpriseId: number | null;
}

export interface TransitionInput {
  /** confirm may re-grade the hazard */
  level?: HazardLevel;
  deadline?: string;
  responsiblePerson?: string;
  note?: string;
  /** how many after-rectification photos come with a submission */
  afterPhotos?: number;
}

export interface Issue {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

export type Decision =
  | { ok: true; from: HazardState; to: HazardState; level: HazardLevel; deadline: string | null; responsiblePerson: string }
  | { ok: false; status: 403; key: string }
  | { ok: false; status: 409; key: string; params: Record<string, string> }
  | { ok: false; status: 422; key: string; issues: Issue[] };

/** An inspector or the head of the department that owns the hazard. */
export const isOwningDepartment = (h: Pick<HazardFacts, 'departmentId'>, a: HazardActor) =>
  (a.role === 'inspector' || a.role === 'dept_head') && a.departmentId !== null && a.departmentId === h.departmentId;
/** The head of the department that owns the hazard: the only one who closes a major hazard. */
export const isOwningHead = (h: Pick<HazardFacts, 'departmentId'>, a: HazardActor) => a.role === 'dept_head' && isOwningDepartment(h, a);
export const isOwnEnterprise = (h: Pick<HazardFacts, 'enterpriseId'>, a: HazardActor) =>
  a.role === 'enterprise_officer' && a.enterpriseId === h.enterpriseId;
/** 自查自改: an enterprise confirms and verifies its own general hazards; a major one goes to the department. */
const selfGeneral = (h: HazardFacts) => h.source === 'self_inspection' && h.level === 'general';

/** Who may make an action on a hazard (the role rule only; the state is checked by `decide`). */
export function mayAct(h: HazardFacts, action: HazardAction, a: HazardActor, input: TransitionInput = {}): { ok: true } | { ok: false; key: string } {
  const dept = isOwningDepartment(h, a);
  const own = isOwnEnterprise(h, a);
  const refuse = (key = 'hazard.not_allowed') => ({ ok: false as const, key });
  switch (action) {
    case 'confirm':
      if (dept) return { ok: true };
      if (own && selfGeneral(h) && (input.level ?? h.level) === 'general') return { ok: true };
      return refuse();
    case 'dismiss':
    case 'close_on_spot':
      return dept ? { ok: true } : refuse();
    case 'start_rectifying':
    case 'submit':
      return dept || own ? { ok: true } : refuse();
    case 'review_reject':
      return dept || (own && selfGeneral(h)) ? { ok: true } : refuse();
    case 'review_pass':
      if (h.level === 'major') return isOwningHead(h, a) ? { ok: true } : refuse('hazard.major_needs_head');
      return dept || (own && selfGeneral(h)) ? { ok: true } : refuse();
  }
}

export const isDate = (s: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
};

/** The 五定 fields still missing (all five are needed before a major hazard's rectification starts). */
export function missingFiveFixes(f: FiveFixes): (keyof FiveFixes)[] {
  const out: (keyof FiveFixes)[] = [];
  if (!f.measures.trim()) out.push('measures');
  if (!f.responsiblePeople.trim()) out.push('responsiblePeople');
  if (f.funds === null || !Number.isFinite(f.funds) || f.funds < 0) out.push('funds');
  if (!f.deadline || !isDate(f.deadline)) out.push('deadline');
  if (!f.contingencyPlan.trim()) out.push('contingencyPlan');
  return out;
}

/** Checks a 五定 plan on its own: dates and money that make sense, the deadline within the ordered one. */
export function checkFiveFixes(f: FiveFixes, orderedDeadline: string | null, today: string): Issue[] {
  const issues: Issue[] = [];
  if (f.funds !== null && (!Number.isFinite(f.funds) || f.funds < 0)) issues.push({ field: 'funds', key: 'hazard.funds_invalid' });
  if (f.deadline !== null) {
    if (!isDate(f.deadline)) issues.push({ field: 'deadline', key: 'date.invalid', params: { value: f.deadline } });
    else if (f.deadline < today) issues.push({ field: 'deadline', key: 'hazard.deadline_past', params: { today } });
    else if (orderedDeadline && f.deadline > orderedDeadline) {
      issues.push({ field: 'deadline', key: 'hazard.five_fixes_after_deadline', params: { deadline: orderedDeadline } });
    }
  }
  return issues;
}

/**
 * Decides one transition: the role first (403), then the state (409), then what the action needs (422).
 * `today` is the business day (YYYY-MM-DD, China time) handed in by the service.
 */
export function decide(h: HazardFacts, action: HazardAction, a: HazardActor, input: TransitionInput, today: string): Decision {
  const who = mayAct(h, action, a, input);
  if (!who.ok) return { ok: false, status: 403, key: who.key };
  const t = TRANSITIONS[action];
  if (!t.from.includes(h.state)) return { ok: false, status: 409, key: 'hazard.wrong_state', params: { state: h.state, action } };
  const issues: Issue[] = [];
  const note = (input.note ?? '').trim();
  let level = h.level;
  let deadline = h.deadline;
  let responsiblePerson = h.responsiblePerson;
  const newDeadline = (required: boolean) => {
    if (input.deadline === undefined || input.deadline === '') {
      if (required && !deadline) issues.push({ field: 'deadline', key: 'field.required' });
      return;
    }
    if (!isDate(input.deadline)) issues.push({ field: 'deadline', key: 'date.invalid', params: { value: input.deadline } });
    else if (input.deadline < today) issues.push({ field: 'deadline', key: 'hazard.deadline_past', params: { today } });
    else deadline = input.deadline;
  };
  if (input.responsiblePerson !== undefined && input.responsiblePerson.trim()) responsiblePerson = input.responsiblePerson.trim();
  switch (action) {
    case 'confirm':
      if (input.level) level = input.level;
      newDeadline(true);
      break;
    case 'dismiss':
    case 'close_on_spot':
      if (!note) issues.push({ field: 'note', key: 'field.required' });
      if (action === 'close_on_spot' && (input.level ?? h.level) === 'major') issues.push({ field: 'level', key: 'hazard.major_not_on_spot' });
      break;
    case 'start_rectifying':
      newDeadline(true);
      if (!responsiblePerson) issues.push({ field: 'responsiblePerson', key: 'field.required' });
      if (h.level === 'major') {
        for (const f of missingFiveFixes(h.fiveFixes)) issues.push({ field: `fiveFixes.${f}`, key: 'hazard.five_fixes_missing' });
      }
      break;
    case 'submit':
      if (!note) issues.push({ field: 'note', key: 'field.required' });
      if (!input.afterPhotos || input.afterPhotos < 1) issues.push({ field: 'afterPhotos', key: 'hazard.after_photo_required' });
      break;
    case 'review_pass':
      if (!note) issues.push({ field: 'note', key: 'field.required' });
      // nobody signs off their own work: the department does not review what it submitted for the enterprise
      if (h.submittedBy !== null && h.submittedBy === a.userId && a.role !== 'enterprise_officer') {
        return { ok: false, status: 403, key: 'hazard.own_submission' };
      }
      break;
    case 'review_reject':
      if (!note) issues.push({ field: 'note', key: 'field.required' });
      newDeadline(false);
      break;
  }
  if (issues.length) return { ok: false, status: 422, key: action === 'start_rectifying' && h.level === 'major' && issues.some((i) => i.key === 'hazard.five_fixes_missing') ? 'hazard.five_fixes_incomplete' : 'error.validation', issues };
  return { ok: true, from: h.state, to: t.to, level, deadline, responsiblePerson };
}

/** The actions this actor may take on this hazard now (for the buttons of the hazard page). */
export function availableActions(h: HazardFacts, a: HazardActor): HazardAction[] {
  return HAZARD_ACTIONS.filter((x) => TRANSITIONS[x].from.includes(h.state) && mayAct(h, x, a).ok && !(x === 'close_on_spot' && h.level === 'major'));
}

/** May this actor edit the 五定 plan now? The enterprise draws it up; the owning department may correct it. */
export function mayEditFiveFixes(h: HazardFacts, a: HazardActor): boolean {
  return (h.state === 'confirmed' || h.state === 'rectifying') && (isOwningDepartment(h, a) || isOwnEnterprise(h, a));
}
