import { parseDigitsOrNumeral } from './chinese-number.ts';
import { Decimal } from '../domain/money.ts';
import { fail, normalizeForMatching, ok, type ParseResult } from './result.ts';

/*
 * A share of something, as a borrower asking for a waiver types it: "80", "80%", "12.5 %",
 * "百分之八十", "八成" (eight tenths, how a share is said in Chinese), "一半" / "half", "全部" /
 * "all" / "全免". More than 0 and at most 100, with up to two decimals.
 */

const DIGITS = /^(\d{1,3}(?:\.\d{1,2})?)\s*%?$/;

const WHOLE = ['all', 'everything', 'full', 'fully', '全部', '全免', '全额', '全部免除', '100'];
const HALF = ['half', 'a half', '一半', '减半', '半'];

export function parseSharePercent(text: string): ParseResult<Decimal> {
  const typed = normalizeForMatching(text).toLowerCase().trim().replace(/\s+/g, ' ');
  if (WHOLE.includes(typed)) return ok(new Decimal(100));
  if (HALF.includes(typed)) return ok(new Decimal(50));
  const digits = DIGITS.exec(typed);
  const hundredths = /^百分之(.+)$/.exec(typed);
  const tenths = /^(.+)成$/.exec(typed);
  let percent: Decimal | undefined;
  if (digits) percent = new Decimal(digits[1] as string);
  else if (hundredths) percent = numeral(hundredths[1] as string);
  else if (tenths) percent = numeral(tenths[1] as string)?.times(10);
  if (!percent || percent.lte(0) || percent.gt(100)) return fail('percent-not-understood');
  return ok(percent);
}

function numeral(text: string): Decimal | undefined {
  const value = parseDigitsOrNumeral(text);
  return value === undefined ? undefined : new Decimal(value);
}
