// Working-day calendar (工作日历) on integer day numbers. No Date objects: ISO strings are
// converted with pure civil-date arithmetic (Howard Hinnant's days_from_civil).

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Days since 1970-01-01 for a valid ISO `YYYY-MM-DD`, or NaN when the string is not a real date. */
export function isoToDay(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  if (y < 0 || mo < 0 || d < 0) return NaN;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return NaN;
  return daysFromCivil(y, mo, d);
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function daysFromCivil(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** ISO `YYYY-MM-DD` of a day number. */
export function dayToIso(z0: number): string {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** 0 = Sunday … 6 = Saturday. Day 0 (1970-01-01) was a Thursday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export interface Calendar {
  /** Day number of horizon start / end (inclusive). */
  readonly startDay: number;
  readonly endDay: number;
  /** Number of working days W. Working-day index w is 0..W-1. */
  readonly count: number;
  /** Day number of each working day. */
  readonly days: Int32Array;
  /** ISO string of each working day. */
  readonly iso: readonly string[];
  /** For each calendar day of the horizon (day - startDay), the first working index at or after it (count if none). */
  readonly nextWork: Int32Array;
  /** For each calendar day of the horizon, the last working index at or before it (-1 if none). */
  readonly prevWork: Int32Array;
  /** Working index of a calendar day offset, -1 when not a working day. */
  readonly workIndex: Int32Array;
}

/** Working days: Monday–Friday inside [start, end], minus holidays. */
export function buildCalendar(startIso: string, endIso: string, holidays: readonly string[]): Calendar {
  const startDay = isoToDay(startIso);
  const endDay = isoToDay(endIso);
  const n = Math.max(0, endDay - startDay + 1);
  const hol = new Uint8Array(n);
  for (const h of holidays) {
    const d = isoToDay(h) - startDay;
    if (d >= 0 && d < n) hol[d] = 1;
  }
  const workIndex = new Int32Array(n).fill(-1);
  const daysArr: number[] = [];
  for (let i = 0; i < n; i++) {
    const wd = weekday(startDay + i);
    if (wd !== 0 && wd !== 6 && !hol[i]) {
      workIndex[i] = daysArr.length;
      daysArr.push(startDay + i);
    }
  }
  const count = daysArr.length;
  const nextWork = new Int32Array(n + 1);
  nextWork[n] = count;
  for (let i = n - 1; i >= 0; i--) nextWork[i] = workIndex[i]! >= 0 ? workIndex[i]! : nextWork[i + 1]!;
  const prevWork = new Int32Array(n);
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (workIndex[i]! >= 0) last = workIndex[i]!;
    prevWork[i] = last;
  }
  const days = Int32Array.from(daysArr);
  return { startDay, endDay, count, days, iso: daysArr.map(dayToIso), nextWork, prevWork, workIndex };
}

/**
 * Inclusive window of calendar day numbers → inclusive range [a, b] of working indices.
 * Returns a > b when the window holds no working day of the horizon.
 */
export function windowToWork(cal: Calendar, startDay: number, endDay: number): [number, number] {
  const s = Math.max(startDay, cal.startDay) - cal.startDay;
  const e = Math.min(endDay, cal.endDay) - cal.startDay;
  if (s > e || e < 0 || s >= cal.nextWork.length - 1) return [1, 0];
  return [cal.nextWork[s]!, cal.prevWork[e]!];
}

/** Working index of an ISO date, or -1 when it is not a working day of the horizon. */
export function workIndexOf(cal: Calendar, iso: string): number {
  const d = isoToDay(iso) - cal.startDay;
  if (!(d >= 0 && d < cal.workIndex.length)) return -1;
  return cal.workIndex[d]!;
}
