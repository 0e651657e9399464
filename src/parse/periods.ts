import { MAX_PERIODS } from '../domain/schedule.ts';
import { CHINESE_NUMERAL_CHARS, parseDigitsOrNumeral } from './chinese-number.ts';
import { fail, isTooLong, normalizeForMatching, ok, type ParseResult } from './result.ts';

const MONTH_UNITS = '期|个月|月|months?|mos?|mths?|installments?|instalments?|payments?|periods?|terms?';
const YEAR_UNITS = '年期?|years?|yrs?';
const COUNT = `[-+]?\\d+(?:\\.\\d+)?|[${CHINESE_NUMERAL_CHARS}]+`;
const PERIODS = new RegExp(`^(?:分|共|期数)?\\s*(?:(${COUNT})\\s*(?:(${MONTH_UNITS})|(${YEAR_UNITS})(半)?)?|(半)(年))$`, 'i');

/**
 * Number of monthly periods: "12", "12期", "12 months", "12个月", "12 installments", "十二期",
 * "1年" / "2 years" / "两年" (× 12), "半年" (6), "一年半" (18). A count must be a whole number
 * 1..600: "1.5" or "0" is periods-out-of-range (a number, just not a possible count), while
 * "1.5年" is 18 months and accepted.
 */
export function parsePeriods(text: string): ParseResult<number> {
  if (isTooLong(text)) return fail('text-too-long');
  const match = PERIODS.exec(normalizeForMatching(text));
  if (!match) return fail('periods-not-number');
  const [, countText, , yearUnit, andAHalf, half] = match;
  let count: number | undefined;
  if (half) {
    count = 6;
  } else {
    // A signed or decimal count (-3, 1.5) is read as a number, to be told out of range; 1.5年 is 18 months.
    const n = /^[-+]|\./.test(countText as string) ? Number(countText) : parseDigitsOrNumeral(countText as string);
    if (n === undefined) return fail('periods-not-number');
    count = yearUnit ? n * 12 + (andAHalf ? 6 : 0) : n;
  }
  if (!Number.isInteger(count) || count < 1 || count > MAX_PERIODS) return fail('periods-out-of-range');
  return ok(count);
}
