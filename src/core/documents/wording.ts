/**
 * How enforcement documents write amounts and dates.
 *
 * Amounts in capitals (人民币大写) follow 《正确填写票据和结算凭证的基本规定》 (附于《支付结算办法》, 中国人民银行
 * 银发〔1997〕393号): 壹贰叁肆伍陆柒捌玖 with 拾佰仟万亿; a zero or a run of zeros inside the number is written as one
 * 零; where the 万 and 元 places are zero only one 零 is written (before the 角: ¥107000.53 → 壹拾万柒仟元零伍角叁分);
 * an amount ending at 元 ends with 整, one ending at 角 or 分 does not; a leading ten is 壹拾. Dates are written with
 * Arabic numerals (2026年3月2日), as GB/T 9704-2012 asks of official documents.
 */

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const PLACES = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/** One group of four digits (0..9999) without group unit; '' for 0. Leading zeros are not written. */
function group4(n: number): string {
  let out = '';
  let zero = false;
  for (let p = 3; p >= 0; p--) {
    const d = Math.floor(n / 10 ** p) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + PLACES[p]!;
  }
  return out;
}

/**
 * 人民币大写金额: 50000 → 伍万元整, 1409.5 → 壹仟肆佰零玖元伍角, 1680.32 → 壹仟陆佰捌拾元零叁角贰分,
 * 100000.05 → 壹拾万元零伍分, 10 → 壹拾元整 (the first form of each example of 《正确填写票据和结算凭证的基本规定》).
 * Amounts are rounded to the fen; negative amounts and amounts of 10¹⁶ or more are refused.
 */
export function yuanInWords(amount: number): string {
  if (!Number.isFinite(amount) || amount < 0 || amount >= 1e16) throw new RangeError(`amount out of range: ${amount}`);
  const fen = Math.round(amount * 100);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const f = fen % 10;
  let int = '';
  if (yuan > 0) {
    const groups: number[] = [];
    for (let y = yuan; y > 0; y = Math.floor(y / 10000)) groups.push(y % 10000);
    let pendingZero = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const v = groups[g]!;
      if (v === 0) {
        pendingZero = int.length > 0;
        continue;
      }
      // a group below 1000 after a higher group starts with 零 (壹万零伍佰)
      if (int && (pendingZero || v < 1000)) int += '零';
      pendingZero = false;
      int += group4(v) + GROUPS[g]!;
    }
    int += '元';
  }
  if (jiao === 0 && f === 0) return `${int || '零元'}整`;
  let frac = '';
  // 元位 is zero (1680.32) or 角 is zero (1004.05): one 零 before the fraction
  if (yuan > 0 && (jiao === 0 || yuan % 10 === 0)) frac += '零';
  if (jiao > 0) frac += `${DIGITS[jiao]}角`;
  if (f > 0) frac += `${DIGITS[f]}分`;
  return int + frac;
}

/** ¥50,000.00 */
export function yuanInFigures(amount: number): string {
  const fixed = (Math.round(amount * 100) / 100).toFixed(2);
  const [i, d] = fixed.split('.');
  return `¥${i!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${d}`;
}

/** 罚款人民币伍万元整（¥50,000.00） */
export function fineText(amount: number): string {
  return `罚款人民币${yuanInWords(amount)}（${yuanInFigures(amount)}）`;
}

const CHINA_OFFSET_MS = 8 * 3600_000;

function chinaParts(iso: string) {
  const d = new Date(Date.parse(iso) + CHINA_OFFSET_MS);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), min: d.getUTCMinutes() };
}

/** 2026年3月2日 from an instant (China time) or a YYYY-MM-DD day. */
export function chineseDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number);
    return `${y}年${m}月${d}日`;
  }
  const p = chinaParts(value);
  return `${p.y}年${p.m}月${p.d}日`;
}

/** 2026年3月2日9时05分 */
export function chineseDateTime(iso: string): string {
  const p = chinaParts(iso);
  return `${p.y}年${p.m}月${p.d}日${p.h}时${String(p.min).padStart(2, '0')}分`;
}

/** 2026年3月2日9时00分至11时30分 (the day is not repeated when both fall on it). */
export function chinesePeriod(startIso: string, endIso: string): string {
  const a = chinaParts(startIso);
  const b = chinaParts(endIso);
  const end =
    a.y === b.y && a.m === b.m && a.d === b.d ? `${b.h}时${String(b.min).padStart(2, '0')}分` : chineseDateTime(endIso);
  return `${chineseDateTime(startIso)}至${end}`;
}

/** 第1、3、4项 — item numbers joined the Chinese way. */
export function itemNumbers(ns: number[]): string {
  return `第${ns.join('、')}项`;
}
