const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Characters a small Chinese numeral is written with, for building patterns. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两兩三四五六七八九十百';

/**
 * Small whole numbers written in Chinese (十二, 二十四, 三百六十, 两): enough for period counts,
 * which people say as often as they type digits ("分十二期", "两年"). Anything malformed or
 * ≥ 1000 is undefined rather than a guess.
 */
export function parseChineseNumeral(text: string): number | undefined {
  if (text === '' || text.length > 6) return undefined;
  let total = 0;
  let digit: number | undefined;
  let lastUnit = 1000;
  for (const c of text) {
    const d = DIGITS[c];
    if (d !== undefined) {
      // 一百零八: 零 only marks the skipped tens.
      if (d === 0 && total > 0 && digit === undefined) continue;
      if (digit !== undefined) return undefined;
      digit = d;
      continue;
    }
    const unit = c === '百' ? 100 : c === '十' ? 10 : undefined;
    if (unit === undefined || unit >= lastUnit) return undefined;
    // "十二" means 12: a 十 with no digit before it counts one ten.
    total += (digit ?? (unit === 10 && total === 0 ? 1 : Number.NaN)) * unit;
    if (Number.isNaN(total)) return undefined;
    digit = undefined;
    lastUnit = unit;
  }
  total += digit ?? 0;
  return total;
}
