/**
 * 重大事故隐患立案率 (seed 002: "推动重大事故隐患立案率100%"): of the major hazards that inspections found (the
 * enterprise's own self-inspection reports are encouraged, not counted), how many have a case. 零处罚 (seed 002:
 * "对重大事故隐患'零处罚''只检查不处罚'…进行约谈通报"): a major hazard with no case, or whose cases decided no penalty.
 */
import { isPenalty, stepIndex, type CaseStep, type MeasureKind } from './model.ts';
import type { HazardLevel, HazardSource, HazardState } from '../hazards/model.ts';

export interface HazardForRate {
  level: HazardLevel;
  source: HazardSource;
  state: HazardState;
}

/** Counted in the 立案率: major hazards found by inspections, not dismissed. */
export const countsForFilingRate = (h: HazardForRate) => h.level === 'major' && h.source === 'inspection' && h.state !== 'dismissed';

export function filingRate(majorFound: number, withCase: number): number | null {
  return majorFound > 0 ? Math.round((withCase / majorFound) * 10_000) / 10_000 : null;
}

export interface CaseForPenalty {
  step: CaseStep;
  measures: readonly { kind: MeasureKind }[];
}

/**
 * 零处罚: counted in the rate, and either no case at all, or every case of it closed (结案) without a penalty. A case
 * still under way is not flagged: its decision is yet to come.
 */
export function isZeroPenalty(h: HazardForRate, cases: readonly CaseForPenalty[]): boolean {
  if (!countsForFilingRate(h)) return false;
  if (cases.length === 0) return true;
  const penalised = cases.some((c) => stepIndex(c.step) >= stepIndex('decided') && c.measures.some((m) => isPenalty(m.kind)));
  return !penalised && cases.every((c) => c.step === 'closed');
}
