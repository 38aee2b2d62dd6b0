/**
 * 节假日安排 the holiday calendar: public holidays (放假) and adjusted working days (调休上班 — a Saturday or Sunday
 * worked in exchange). Kept as data (table public_holidays), edited by an admin a year at a time. Pure.
 */

export type HolidayKind = 'holiday' | 'workday';

export interface HolidayDay {
  date: string;
  kind: HolidayKind;
  name: string;
}

const DAY = 86_400_000;
const validDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (iso: string) => new Date(Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY) * DAY).getUTCDay();

export type HolidayProblem = 'date' | 'year' | 'duplicate' | 'workday_not_weekend' | 'name';

/**
 * Problems with one year's list: a real date of that year, listed once, a name of at most 40 characters, and an adjusted
 * working day only on a Saturday or Sunday (a weekday is a working day anyway).
 */
export function checkHolidays(year: number, days: readonly HolidayDay[]): { index: number; field: string; problem: HolidayProblem }[] {
  const out: { index: number; field: string; problem: HolidayProblem }[] = [];
  const seen = new Set<string>();
  days.forEach((d, i) => {
    if (!validDate(d.date)) return void out.push({ index: i, field: 'date', problem: 'date' });
    if (Number(d.date.slice(0, 4)) !== year) out.push({ index: i, field: 'date', problem: 'year' });
    if (seen.has(d.date)) out.push({ index: i, field: 'date', problem: 'duplicate' });
    seen.add(d.date);
    if (d.kind === 'workday' && weekdayOf(d.date) !== 0 && weekdayOf(d.date) !== 6) out.push({ index: i, field: 'kind', problem: 'workday_not_weekend' });
    if (d.name.length > 40) out.push({ index: i, field: 'name', problem: 'name' });
  });
  return out;
}

/** The holidays (放假 days) of a calendar inside [start, end], sorted: what a collision's horizon needs. */
export function holidaysIn(days: readonly HolidayDay[], start: string, end: string): string[] {
  return days.filter((d) => d.kind === 'holiday' && d.date >= start && d.date <= end).map((d) => d.date).sort();
}
