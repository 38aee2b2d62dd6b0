/**
 * 公民身份号码 Resident identity number, GB 11643-1999.
 * 18 characters: 6-digit address code (GB/T 2260) + 8-digit birth date YYYYMMDD
 * + 3-digit sequence (odd = male, even = female) + check character (0–9 or X).
 * Legacy 15-digit numbers (no century, no check char) are recognised but not checkable.
 */
import { PROVINCE_PREFIXES } from './uscc.ts';

/** W_i = 2^(18−i) mod 11, i = 1..17. */
export const ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_MAP = '10X98765432'; // remainder 0..10 → check char

export type IdNumberFailure = 'length' | 'charset' | 'province' | 'birth-date' | 'check-digit';

export type IdNumberResult =
  | { ok: true; birthDate: string; sex: 'male' | 'female'; legacy15: boolean }
  | { ok: false; reason: IdNumberFailure; expected?: string };

export function computeIdCheck(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('computeIdCheck: need 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (ID_WEIGHTS[i] as number);
  return CHECK_MAP.charAt(sum % 11);
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] as number;
  return d <= days;
}

/**
 * Validate an ID number. `today` (YYYY-MM-DD), when given, rejects birth dates after it;
 * the core has no clock, so without it only calendar validity and year ≥ 1800 are checked.
 */
export function validateIdNumber(input: string, today?: string): IdNumberResult {
  const id = input.trim().toUpperCase();
  if (id.length !== 18 && id.length !== 15) return { ok: false, reason: 'length' };
  if (id.length === 15 ? !/^\d{15}$/.test(id) : !/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: 'charset' };
  if (!PROVINCE_PREFIXES.has(id.slice(0, 2))) return { ok: false, reason: 'province' };
  const legacy15 = id.length === 15;
  const birth = legacy15 ? '19' + id.slice(6, 12) : id.slice(6, 14);
  const y = Number(birth.slice(0, 4));
  const m = Number(birth.slice(4, 6));
  const d = Number(birth.slice(6, 8));
  const birthDate = `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`;
  if (y < 1800 || !isCalendarDate(y, m, d) || (today !== undefined && birthDate > today)) {
    return { ok: false, reason: 'birth-date' };
  }
  const seq = Number(legacy15 ? id.slice(12, 15) : id.slice(14, 17));
  const sex = seq % 2 === 1 ? 'male' : 'female';
  if (!legacy15) {
    const expected = computeIdCheck(id.slice(0, 17));
    if (id.charAt(17) !== expected) return { ok: false, reason: 'check-digit', expected };
  }
  return { ok: true, birthDate, sex, legacy15 };
}

export function isValidIdNumber(id: string, today?: string): boolean {
  return validateIdNumber(id, today).ok;
}

/** Build an 18-digit number; `birthDate` is YYYY-MM-DD, `seq` 0..999 (odd = male). */
export function makeIdNumber(regionCode: string, birthDate: string, seq: number): string {
  if (!/^\d{6}$/.test(regionCode)) throw new Error('makeIdNumber: regionCode must be 6 digits');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) throw new Error('makeIdNumber: birthDate must be YYYY-MM-DD');
  const first17 = regionCode + birthDate.replaceAll('-', '') + String(seq % 1000).padStart(3, '0');
  return first17 + computeIdCheck(first17);
}
