// 统一社会信用代码 Unified Social Credit Code — GB 32100-2015 check (mirrors the server's rule).
// 18 characters from the charset below (no I, O, S, V, Z); the 18th is a check character:
// weights W_i = 3^(i-1) mod 31, check = 31 − (Σ C_i·W_i mod 31), and 31 maps to 0.

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

export type UsccCheck =
  | { ok: true }
  | { ok: false; reason: 'length' }
  | { ok: false; reason: 'charset'; position: number; char: string }
  | { ok: false; reason: 'regionDigits' }
  | { ok: false; reason: 'checkDigit'; expected: string; actual: string }
  | { ok: false; reason: 'province' };

/** GB/T 2260 province-level prefixes (positions 3–4), incl. 71 台湾, 81 香港, 82 澳门. */
const PROVINCES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(' '),
);

/** Compute the check character for the first 17 characters, or null if a character is outside the charset. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17.charAt(i));
    if (v < 0) return null;
    sum += v * (WEIGHTS[i] ?? 0);
  }
  let c = 31 - (sum % 31);
  if (c === 31) c = 0;
  return USCC_CHARSET.charAt(c);
}

export function checkUscc(input: string): UsccCheck {
  const s = input.trim().toUpperCase();
  if (s.length !== 18) return { ok: false, reason: 'length' };
  for (let i = 0; i < 18; i++) {
    const ch = s.charAt(i);
    if (!USCC_CHARSET.includes(ch)) return { ok: false, reason: 'charset', position: i + 1, char: ch };
  }
  // 3–8 登记管理机关行政区划码 are digits
  if (!/^\d{6}$/.test(s.slice(2, 8))) return { ok: false, reason: 'regionDigits' };
  const expected = usccCheckChar(s.slice(0, 17));
  const actual = s.charAt(17);
  if (expected !== actual) return { ok: false, reason: 'checkDigit', expected: expected ?? '?', actual };
  if (!PROVINCES.has(s.slice(2, 4))) return { ok: false, reason: 'province' };
  return { ok: true };
}
