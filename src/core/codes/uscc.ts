/**
 * 统一社会信用代码 Unified Social Credit Code, GB 32100-2015.
 *
 * 18 characters:
 *   1     登记管理部门代码 registration authority (9 = 工商 / market regulation)
 *   2     机构类别代码 organisation category (for 9: 1 企业, 2 个体工商户, 3 农民专业合作社)
 *   3–8   登记管理机关行政区划码 GB/T 2260 code of the registering office (digits)
 *   9–17  主体标识码 = 组织机构代码 body (GB 11714), itself carrying a mod-11 check char
 *   18    校验码 check character (mod 31)
 *
 * Pure: no clock, no Math.random — `makeUscc` takes the random source as an argument.
 */

/** The 31 allowed characters; I, O, S, V, Z are not used. A character's value is its index. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** W_i = 3^(i−1) mod 31 for i = 1..17. */
export const USCC_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export const USCC_REGEX = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** GB/T 2260 province-level codes (first two digits), incl. 71 台湾, 81 香港, 82 澳门. */
export const PROVINCE_PREFIXES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

export type UsccFailure = 'length' | 'charset' | 'check-digit' | 'province';

export type UsccResult =
  | {
      ok: true;
      /** Soft findings that do not invalidate the code, e.g. the GB 11714 body check (domain.md §1 advice). */
      warnings: Array<'body-check'>;
    }
  | { ok: false; reason: UsccFailure; expected?: string };

/** The check character (position 18) for the first 17 characters. Throws on bad input. */
export function computeUsccCheck(first17: string): string {
  if (first17.length !== 17) throw new Error(`computeUsccCheck: need 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17.charAt(i));
    if (v < 0) throw new Error(`computeUsccCheck: character '${first17.charAt(i)}' at position ${i + 1} is not in the charset`);
    sum += v * (USCC_WEIGHTS[i] as number);
  }
  const c = (31 - (sum % 31)) % 31; // 31 → 0
  return USCC_CHARSET.charAt(c);
}

/* ---------- GB 11714-1997 组织机构代码 (positions 9–17 of a USCC) ---------- */

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function orgCharValue(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 65 && code <= 90) return code - 55; // A=10 … Z=35
  return -1;
}

/** Check character of an 8-character GB 11714 body: 0–9 or 'X' (10); 11 is written '0'. */
export function computeOrgCodeCheck(body8: string): string {
  if (body8.length !== 8) throw new Error(`computeOrgCodeCheck: need 8 characters, got ${body8.length}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = orgCharValue(body8.charAt(i));
    if (v < 0) throw new Error(`computeOrgCodeCheck: bad character '${body8.charAt(i)}'`);
    sum += v * (ORG_WEIGHTS[i] as number);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** True when a 9-character 组织机构代码 (without hyphen) carries a correct check character. */
export function isValidOrgCode(code9: string): boolean {
  const c = code9.replace('-', '').toUpperCase();
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(c)) return false;
  return computeOrgCodeCheck(c.slice(0, 8)) === c.charAt(8);
}

/**
 * Validate a USCC. Hard errors: length, charset, mod-31 check digit, province prefix of positions 3–8.
 * The GB 11714 body check is only a warning (domain.md §1). Input is trimmed and upper-cased.
 */
export function validateUscc(input: string): UsccResult {
  const code = input.trim().toUpperCase();
  if (code.length !== 18) return { ok: false, reason: 'length' };
  if (!USCC_REGEX.test(code)) return { ok: false, reason: 'charset' };
  const expected = computeUsccCheck(code.slice(0, 17));
  if (code.charAt(17) !== expected) return { ok: false, reason: 'check-digit', expected };
  if (!PROVINCE_PREFIXES.has(code.slice(2, 4))) return { ok: false, reason: 'province' };
  const warnings: Array<'body-check'> = isValidOrgCode(code.slice(8, 17)) ? [] : ['body-check'];
  return { ok: true, warnings };
}

export function isValidUscc(code: string): boolean {
  return validateUscc(code).ok;
}

/** The GB/T 2260 code of the registering office (positions 3–8). */
export function usccRegionCode(code: string): string {
  return code.slice(2, 8);
}

export interface MakeUsccOptions {
  /** 6-digit GB/T 2260 code of the registering office (positions 3–8). */
  regionCode: string;
  /** Position 1, default '9' (工商 / market regulation). */
  authority?: string;
  /** Position 2, default '1' (企业). */
  category?: string;
  /**
   * The 8-character GB 11714 body without its check char (position 17 is computed).
   * Default: a random 'MA' + 6 charset characters body (post-2015 style) or, with
   * `legacyBody: true`, 8 random digits (pre-2015 organisation code).
   */
  body8?: string;
  legacyBody?: boolean;
}

/**
 * Build a valid USCC from a random source (`rng()` in [0, 1)), for demo data and tests.
 * Both the mod-31 check and the GB 11714 body check are valid.
 */
export function makeUscc(opts: MakeUsccOptions, rng: () => number): string {
  const { regionCode, authority = '9', category = '1' } = opts;
  if (!/^\d{6}$/.test(regionCode)) throw new Error(`makeUscc: regionCode must be 6 digits, got '${regionCode}'`);
  const pick = (alphabet: string) => alphabet.charAt(Math.floor(rng() * alphabet.length) % alphabet.length);
  let body8 = opts.body8;
  if (body8 === undefined) {
    if (opts.legacyBody) {
      body8 = '';
      for (let i = 0; i < 8; i++) body8 += pick('0123456789');
    } else {
      body8 = 'MA';
      for (let i = 0; i < 6; i++) body8 += pick(USCC_CHARSET);
    }
  }
  if (body8.length !== 8) throw new Error('makeUscc: body8 must have 8 characters');
  const first17 = authority + category + regionCode + body8 + computeOrgCodeCheck(body8);
  return first17 + computeUsccCheck(first17);
}
