/**
 * Ledger figures (隐患台账统计): the rectification rate (整改率 = closed ÷ confirmed hazards, dismissed reports left
 * out) and the on-time rate (按期整改率 = closed on or before the deadline ÷ closed).
 */
export interface LedgerCounts {
  /** hazards that are hazards (every state but dismissed) */
  total: number;
  closed: number;
  closedOnTime: number;
}

export interface LedgerRates {
  /** 0..1, null when there is nothing to divide */
  rectificationRate: number | null;
  onTimeRate: number | null;
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

export function ledgerRates(c: LedgerCounts): LedgerRates {
  return { rectificationRate: ratio(c.closed, c.total), onTimeRate: ratio(c.closedOnTime, c.closed) };
}
