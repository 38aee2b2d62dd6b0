/**
 * 三级计划执法 three-level planning: city plans first, then district, then town. A lower level sees the higher
 * levels' lists and cannot add an enterprise that a higher level of the same line (条线) holds in an overlapping window.
 * A higher level may still add it: the collision then keeps the higher plan and drops the lower one.
 */

export type PlanLevel = 'city' | 'district' | 'town';
export const LEVEL_RANK: Readonly<Record<PlanLevel, number>> = { city: 3, district: 2, town: 1 };

export interface HeldEntry {
  entryId: number;
  planId: number;
  enterpriseId: number;
  line: string;
  level: PlanLevel;
  window: { start: string; end: string };
  departmentId: number;
}

export interface NewEntry {
  enterpriseId: number;
  line: string;
  level: PlanLevel;
  window: { start: string; end: string };
  departmentId: number;
}

export interface LevelConflict {
  kind: 'higher-level' | 'same-department';
  held: HeldEntry;
}

export const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }): boolean =>
  a.start <= b.end && b.start <= a.end;

/**
 * Why a new entry may not be added: a higher level of the same line holds the enterprise in an overlapping window,
 * or the same department already plans it in an overlapping window. Empty = may be added.
 */
export function levelConflicts(entry: NewEntry, held: readonly HeldEntry[]): LevelConflict[] {
  const out: LevelConflict[] = [];
  for (const h of held) {
    if (h.enterpriseId !== entry.enterpriseId || h.line !== entry.line || !overlaps(h.window, entry.window)) continue;
    if (LEVEL_RANK[h.level] > LEVEL_RANK[entry.level]) out.push({ kind: 'higher-level', held: h });
    else if (h.departmentId === entry.departmentId) out.push({ kind: 'same-department', held: h });
  }
  return out;
}
