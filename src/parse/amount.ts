import { Decimal } from '../domain/money.ts';
import { fail, isTooLong, normalizeForMatching, ok, type ParseResult } from './result.ts';

/** Largest principal repaybot accepts: 1亿. Anything above is far more likely a typo. */
export const MAX_AMOUNT = new Decimal(100_000_000);

const CURRENCY_PREFIX = /^(?:¥|\$|us\$|(?:cny|rmb|usd)(?![a-z]))\s*/i;
const CURRENCY_SUFFIX = /\s*(?:元整?|块钱?|圆|人民币|(?<![a-z])(?:yuan|rmb|cny|usd|dollars?))$/i;
/** Chinese counts in 万 (10^4) and 亿 (10^8), not thousands; "w" is the pinyin shorthand for 万. */
const MULTIPLIER = /\s*(万|w|k|千|亿)$/i;
const MULTIPLIER_EXPONENT: Record<string, number> = { 万: 4, w: 4, k: 3, 千: 3, 亿: 8 };

const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
/** Thousands groups must be exactly three digits: "12,00" and "1,2345" could be 12.00 or 12,345. */
const GROUPED_NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * A money amount as borrowers type it: "12,000.50", "¥12000", "12000元", "CNY 12000", "1.2万",
 * "12k", "3千", full-width "１２０００". Ambiguous separators are refused, never guessed.
 */
export function parseAmount(text: string): ParseResult<Decimal> {
  if (isTooLong(text)) return fail('text-too-long');
  let s = normalizeForMatching(text);
  let negative = false;
  const takeSign = (): void => {
    const sign = /^([-+])\s*/.exec(s);
    if (sign) {
      negative = negative || sign[1] === '-';
      s = s.slice(sign[0].length);
    }
  };
  takeSign();
  s = s.replace(CURRENCY_PREFIX, '');
  takeSign();
  s = s.replace(CURRENCY_SUFFIX, '');
  let exponent = 0;
  const multiplier = MULTIPLIER.exec(s);
  if (multiplier) {
    exponent = MULTIPLIER_EXPONENT[(multiplier[1] as string).toLowerCase()] ?? 0;
    s = s.slice(0, multiplier.index);
  }
  if (!PLAIN_NUMBER.test(s) && !GROUPED_NUMBER.test(s)) return fail('amount-not-number');

  const value = new Decimal(s.replaceAll(',', '')).times(new Decimal(10).pow(exponent));
  if (negative || value.lte(0)) return fail('amount-not-positive');
  if (value.gt(MAX_AMOUNT)) return fail('amount-too-large');
  // Money is whole cents; "1.234567万" is 12345.67 and fine, "12.345" is not.
  if (value.decimalPlaces() > 2) return fail('amount-too-many-decimals');
  return ok(value);
}
