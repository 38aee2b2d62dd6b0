/**
 * 事故隐患 hazards: the words of the closed loop (隐患闭环). Definitions: 《安全生产事故隐患排查治理暂行规定》
 * (原安监总局令第16号) Art. 3 — 一般事故隐患 can be removed at once; 重大事故隐患 needs a stop of production and a
 * period of remediation (domain.md §5). Seed 002: "清单管理、动态更新、照单销号的闭环整改机制",
 * "负有安全监管职责部门审核把关销号".
 */
import { label, type Label } from '../reference/label.ts';

/** 一般 general · 重大 major */
export type HazardLevel = 'general' | 'major';
export const HAZARD_LEVELS: readonly { code: HazardLevel; label: Label }[] = [
  { code: 'general', label: label('一般事故隐患', 'General hazard') },
  { code: 'major', label: label('重大事故隐患', 'Major hazard') },
];

/** Where a hazard was found: an inspection, the enterprise's self-inspection (自查自改), a verified public report, a grid patrol. */
export type HazardSource = 'inspection' | 'self_inspection' | 'public_report' | 'grid_patrol';
export const HAZARD_SOURCES: readonly { code: HazardSource; label: Label }[] = [
  { code: 'inspection', label: label('执法检查', 'Inspection') },
  { code: 'self_inspection', label: label('企业自查', 'Self-inspection') },
  { code: 'public_report', label: label('群众举报', 'Public report') },
  { code: 'grid_patrol', label: label('网格巡查', 'Grid patrol') },
];

/**
 * The states of the loop: reported 待确认 → confirmed 已确认 → rectifying 整改中 → submitted 待复查 → closed 已销号;
 * dismissed 不予确认 ends a report that is not a hazard.
 */
export type HazardState = 'reported' | 'confirmed' | 'rectifying' | 'submitted' | 'closed' | 'dismissed';
export const HAZARD_STATES: readonly { code: HazardState; label: Label }[] = [
  { code: 'reported', label: label('待确认', 'Reported') },
  { code: 'confirmed', label: label('待整改', 'Confirmed') },
  { code: 'rectifying', label: label('整改中', 'Rectifying') },
  { code: 'submitted', label: label('待复查', 'Submitted for review') },
  { code: 'closed', label: label('已销号', 'Closed') },
  { code: 'dismissed', label: label('不予确认', 'Dismissed') },
];
/** States in which a hazard is still open (it counts against a deadline and may escalate). */
export const OPEN_STATES: readonly HazardState[] = ['reported', 'confirmed', 'rectifying', 'submitted'];
export const isOpen = (s: HazardState) => OPEN_STATES.includes(s);

/**
 * 五定 the five fixes of a major hazard's 治理方案 (安全生产法 Art. 41; 局令16号 Art. 15): 定措施 measures, 定责任 the
 * responsible people, 定资金 money, 定时限 deadline, 定预案 the contingency plan (domain.md §5: both common readings
 * of 五定 are covered by these five fields).
 */
export interface FiveFixes {
  measures: string;
  responsiblePeople: string;
  /** yuan (元), the funds set aside */
  funds: number | null;
  /** YYYY-MM-DD */
  deadline: string | null;
  contingencyPlan: string;
}

export const EMPTY_FIVE_FIXES: FiveFixes = { measures: '', responsiblePeople: '', funds: null, deadline: null, contingencyPlan: '' };
