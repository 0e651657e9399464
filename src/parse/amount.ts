import { Decimal } from '../domain/money.ts';
import { CHINESE_INTEGER_CHARS, parseChineseInteger } from './chinese-number.ts';
import { fail, isTooLong, normalizeForMatching, ok, type ParseResult } from './result.ts';

/** Largest principal repaybot accepts: 1亿. Anything above is far more likely a typo. */
export const MAX_AMOUNT = new Decimal(100_000_000);

const CURRENCY_PREFIX = /^(?:¥|\$|us\$|(?:cny|rmb|usd)(?![a-z]))\s*/i;
const CURRENCY_SUFFIX = /\s*(?:元整?|块钱?|圆|人民币|(?<![a-z])(?:yuan|rmb|cny|usd|dollars?))$/i;
/** Chinese counts in 万 (10^4) and 亿 (10^8), not thousands; "w" is the pinyin shorthand for 万. */
const MULTIPLIER = /\s*(万|w|k|千|亿)$/i;
const MULTIPLIER_EXPONENT: Record<string, number> = { 万: 4, w: 4, k: 3, 千: 3, 亿: 8 };

const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
/**
 * Thousands grouped by spaces, as much of Europe and ISO 31-0 write them ("10 000", "1 234 567.89";
 * a no-break or thin space reads as a space after NFKC). In a whole answer nothing else can stand
 * between the groups, so they are one number; where words sit around the number (a loan line,
 * /paid) see SPACE_GROUPED_IN_TEXT.
 */
const SPACE_GROUPED = /^\d{1,3}(?: \d{3})+(?:\.\d+)?$/;
/** A number with a power of ten, as a calculator or a spreadsheet shows it: 1e4 is 10000, 1.5e3 is 1500. */
const EXPONENT = /^\d+(?:\.\d+)?e[-+]?\d+$/i;
/** Beyond this power of ten an amount is too large (or, negative, has too many decimals) whatever its digits. */
const LARGEST_EXPONENT = 30;
/** Thousands groups must be exactly three digits: "12,00" and "1,2345" could be 12.00 or 12,345. */
const GROUPED_NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
/**
 * The dot rule. A comma groups thousands (12,000 is twelve thousand) and a dot marks decimals,
 * but much of Europe writes twelve thousand as 12.000. So a dot followed by exactly three digits
 * after one to three digits that do not start with 0 (12.000, 12.345, 1.234.567) could be either,
 * and is refused with 'amount-dot-three-digits' ("write 12000 or 12.00"), whatever the digits:
 * 12.000 and 12.345 get the same answer. Not ambiguous, so refused as too many decimals: 0.125,
 * 1234.567 (no thousands group looks like those) and 12,000.000 (the comma already groups). Read
 * as usual: 1.234万 (12,340: nobody groups thousands before 万).
 */
const DOT_THREE_DIGITS = /^[1-9]\d{0,2}(?:\.\d{3})+$/;
/** Chinese numerals, alone or mixed with digits (一万二, 1万2, 三千五); "w" is 万 there too (1w2). */
const CHINESE_INTEGER = new RegExp(`^[\\d${CHINESE_INTEGER_CHARS}w]*[${CHINESE_INTEGER_CHARS}w][\\d${CHINESE_INTEGER_CHARS}w]*$`, 'i');

/**
 * A money amount as borrowers type it: "12,000.50", "¥12000", "12000元", "CNY 12000", "1.2万",
 * "3.5万", "12k", "3千", full-width "１２０００", and in Chinese numerals "一万二" (12,000), "两万",
 * "1万2" (12,000), "三千五" (3,500), "一千二百五十", "壹万贰仟元整", thousands grouped by spaces
 * "10 000" and powers of ten "1e4". Ambiguous separators are refused, never guessed: see
 * DOT_THREE_DIGITS for 12.000.
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
  if (CHINESE_INTEGER.test(s) && !PLAIN_NUMBER.test(s.replace(MULTIPLIER, ''))) {
    const whole = parseChineseInteger(s.replace(/w/gi, '万'));
    return whole === undefined ? fail('amount-not-number') : checkAmount(new Decimal(whole), negative);
  }
  let exponent = 0;
  const multiplier = MULTIPLIER.exec(s);
  if (multiplier) {
    exponent = MULTIPLIER_EXPONENT[(multiplier[1] as string).toLowerCase()] ?? 0;
    s = s.slice(0, multiplier.index);
  }
  if (SPACE_GROUPED.test(s)) s = s.replaceAll(' ', '');
  if (EXPONENT.test(s)) {
    const power = Number(s.slice(s.search(/e/i) + 1));
    if (power > LARGEST_EXPONENT) return negative ? fail('amount-not-positive') : fail('amount-too-large');
    if (power < -LARGEST_EXPONENT) return fail('amount-too-many-decimals');
    return checkAmount(new Decimal(s).times(new Decimal(10).pow(exponent)), negative);
  }
  if (exponent === 0 && DOT_THREE_DIGITS.test(s)) return fail('amount-dot-three-digits');
  if (!PLAIN_NUMBER.test(s) && !GROUPED_NUMBER.test(s)) return fail('amount-not-number');
  // Counted as typed, so which digits they are never matters: 12,000.000 and 0.120 are refused as
  // 12,000.001 and 0.125 are. After 万 or k the digits scale up: 1.234567万 is 12345.67 and fine.
  if (exponent === 0 && (s.split('.')[1]?.length ?? 0) > 2) return fail('amount-too-many-decimals');
  return checkAmount(new Decimal(s.replaceAll(',', '')).times(new Decimal(10).pow(exponent)), negative);
}

function checkAmount(value: Decimal, negative: boolean): ParseResult<Decimal> {
  if (negative || value.lte(0)) return fail('amount-not-positive');
  if (value.gt(MAX_AMOUNT)) return fail('amount-too-large');
  // Money is whole cents; "1.234567万" is 12345.67 and fine, "0.125" is not.
  if (value.decimalPlaces() > 2) return fail('amount-too-many-decimals');
  return ok(value);
}

/**
 * Where words stand around a number (a loan line, /paid), a space between digits may separate two
 * values ("iPhone 15 800", "/paid 1 500": loan 1, 500.00). It groups thousands for sure only up
 * to a group that starts with 0 ("10 000", "1 050 000"): nobody types a value with a leading 0.
 */
const SPACE_GROUPED_IN_TEXT = /(?<![\d.,])\d{1,3}(?: \d{3})+(?:\.\d+)?(?!\d|[.,]\d)/g;

/**
 * The text with the spaces that surely group thousands replaced by `joiner`: "10 000" → "10,000",
 * "1 000 000 360期" → "1,000,000 360期"; "iPhone 15 800" and "1 500" stay as they are.
 */
export function joinSpaceGroups(text: string, joiner: string): string {
  return text.replace(SPACE_GROUPED_IN_TEXT, (run) => {
    const lastZero = run.lastIndexOf(' 0');
    if (lastZero < 0) return run;
    const end = run.indexOf(' ', lastZero + 1);
    return end < 0 ? run.replaceAll(' ', joiner) : run.slice(0, end).replaceAll(' ', joiner) + run.slice(end);
  });
}
