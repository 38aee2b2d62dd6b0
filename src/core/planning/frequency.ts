/**
 * 检查频次 how often a listed enterprise is planned in a year: a matrix risk level × credit grade, kept as data that an
 * admin edits (国办发〔2024〕54号 asks for published per-enterprise caps). Sampled enterprises are planned once.
 */
import type { CreditGrade, RiskLevel } from './selection.ts';
import { CREDIT_GRADE_CODES, RISK_LEVEL_CODES } from '../reference/dictionaries.ts';

export const RISK_LEVELS: readonly RiskLevel[] = RISK_LEVEL_CODES;
export const CREDIT_GRADES: readonly CreditGrade[] = CREDIT_GRADE_CODES;

export interface MatrixCell {
  riskLevel: RiskLevel;
  creditGrade: CreditGrade;
  perYear: number;
}

export type FrequencyMatrix = Record<RiskLevel, Record<CreditGrade, number>>;

export function matrixFromCells(cells: readonly MatrixCell[]): FrequencyMatrix {
  const m = {} as FrequencyMatrix;
  for (const r of RISK_LEVELS) m[r] = { A: 1, B: 1, C: 1, D: 1 };
  for (const c of cells) m[c.riskLevel][c.creditGrade] = c.perYear;
  return m;
}

/** Problems with an edited matrix: every cell present once, 1–12 a year, never fewer for a worse risk or credit. */
export function checkMatrix(cells: readonly MatrixCell[]): { field: string; problem: 'missing' | 'duplicate' | 'range' | 'monotone' }[] {
  const out: { field: string; problem: 'missing' | 'duplicate' | 'range' | 'monotone' }[] = [];
  const seen = new Set<string>();
  for (const c of cells) {
    const k = `${c.riskLevel}.${c.creditGrade}`;
    if (seen.has(k)) out.push({ field: k, problem: 'duplicate' });
    seen.add(k);
    if (!Number.isInteger(c.perYear) || c.perYear < 1 || c.perYear > 12) out.push({ field: k, problem: 'range' });
  }
  for (const r of RISK_LEVELS) for (const g of CREDIT_GRADES) if (!seen.has(`${r}.${g}`)) out.push({ field: `${r}.${g}`, problem: 'missing' });
  if (out.length) return out;
  const m = matrixFromCells(cells);
  // a riskier (earlier) row or a worse (later) grade is never inspected less often
  for (let i = 0; i < RISK_LEVELS.length; i++) {
    for (let j = 0; j < CREDIT_GRADES.length; j++) {
      const v = m[RISK_LEVELS[i]!][CREDIT_GRADES[j]!];
      const safer = i + 1 < RISK_LEVELS.length ? m[RISK_LEVELS[i + 1]!][CREDIT_GRADES[j]!] : 0;
      const better = j > 0 ? m[RISK_LEVELS[i]!][CREDIT_GRADES[j - 1]!] : 0;
      if (v < safer || v < better) out.push({ field: `${RISK_LEVELS[i]}.${CREDIT_GRADES[j]}`, problem: 'monotone' });
    }
  }
  return out;
}

/** Times a year for an enterprise: the matrix for a listed one, once for a sampled one. */
export function timesPerYear(m: FrequencyMatrix, riskLevel: RiskLevel, creditGrade: CreditGrade, kind: 'listed' | 'pool'): number {
  if (kind === 'pool') return 1;
  return Math.max(1, m[riskLevel][creditGrade]);
}

const DAY = 86_400_000;
const toDay = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
const toIso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/**
 * Windows for `times` inspections in a period scaled from "a year": a period of p days gets round(times × p / 365)
 * (at least 1), split into that many consecutive windows of near-equal length.
 */
export function planWindows(periodStart: string, periodEnd: string, timesAYear: number): { start: string; end: string }[] {
  const a = toDay(periodStart);
  const b = toDay(periodEnd);
  const days = b - a + 1;
  const n = Math.max(1, Math.min(days, Math.round((timesAYear * days) / 365)));
  const out: { start: string; end: string }[] = [];
  for (let k = 0; k < n; k++) {
    const s = a + Math.floor((k * days) / n);
    const e = a + Math.floor(((k + 1) * days) / n) - 1;
    out.push({ start: toIso(s), end: toIso(e) });
  }
  return out;
}
