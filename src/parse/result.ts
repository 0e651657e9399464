/**
 * Why a borrower's input was refused. The UI maps each code to a localized message and asks
 * again, so this set is part of the contract with locales/: add a code only together with its
 * messages.
 */
export type ParseError =
  | 'amount-not-number'
  | 'amount-not-positive'
  | 'amount-too-large'
  | 'amount-too-many-decimals'
  | 'amount-dot-three-digits'
  | 'date-not-understood'
  | 'date-impossible'
  | 'date-out-of-range'
  | 'date-order-day-first'
  | 'periods-not-number'
  | 'periods-out-of-range'
  | 'rate-not-number'
  | 'rate-negative'
  | 'rate-too-high'
  | 'text-too-long'
  | 'name-empty'
  | 'name-too-long'
  | 'fee-too-large'
  | 'due-day-not-understood'
  | 'prepayment-percent-not-understood'
  | 'policy-not-understood'
  | 'policy-not-allowed'
  | 'time-not-understood'
  | 'timezone-unknown'
  | 'timezone-ambiguous'
  | 'timezone-offset-not-whole-hours'
  | 'timezone-conflict'
  | 'days-not-understood'
  | 'quiet-hours-not-understood'
  | 'card-bill-incomplete'
  | 'card-bill-dates-order'
  | 'card-bill-minimum-too-large'
  | 'payment-date-in-future'
  | 'language-unknown'
  | 'percent-not-understood'
  | 'budget-not-understood'
  | 'budget-item-unknown'
  | 'budget-item-other-group'
  | 'budget-item-without-amount'
  | 'budget-amount-without-item'
  | 'budget-total-below-items';

export const PARSE_ERRORS: readonly ParseError[] = [
  'amount-not-number',
  'amount-not-positive',
  'amount-too-large',
  'amount-too-many-decimals',
  'amount-dot-three-digits',
  'date-not-understood',
  'date-impossible',
  'date-out-of-range',
  'date-order-day-first',
  'periods-not-number',
  'periods-out-of-range',
  'rate-not-number',
  'rate-negative',
  'rate-too-high',
  'text-too-long',
  'name-empty',
  'name-too-long',
  'fee-too-large',
  'due-day-not-understood',
  'prepayment-percent-not-understood',
  'policy-not-understood',
  'policy-not-allowed',
  'time-not-understood',
  'timezone-unknown',
  'timezone-ambiguous',
  'timezone-offset-not-whole-hours',
  'timezone-conflict',
  'days-not-understood',
  'quiet-hours-not-understood',
  'card-bill-incomplete',
  'card-bill-dates-order',
  'card-bill-minimum-too-large',
  'payment-date-in-future',
  'language-unknown',
  'percent-not-understood',
  'budget-not-understood',
  'budget-item-unknown',
  'budget-item-other-group',
  'budget-item-without-amount',
  'budget-amount-without-item',
  'budget-total-below-items',
];

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: ParseError };

export function ok<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

export function fail<T>(error: ParseError): ParseResult<T> {
  return { ok: false, error };
}

/** Longest input any parser reads; longer text is refused before any regex runs on it. */
export const MAX_TEXT_LENGTH = 200;

/** Counted in code points, so an emoji or a CJK character is one character, as a user counts. */
export function isTooLong(text: string, max = MAX_TEXT_LENGTH): boolean {
  if (text.length <= max) return false;
  let count = 0;
  for (const _ of text) if (++count > max) return true;
  return false;
}

/**
 * NFKC turns what phone keyboards produce in Chinese input mode into ASCII: full-width digits
 * (１２), ％, ．, ，, ：, ￥ → ¥. Minus-like characters NFKC leaves alone (− U+2212) are folded
 * too, so a negative number is seen as negative rather than as unreadable. Whitespace runs
 * (including the ideographic space, U+3000) become one ASCII space.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2212\u2012]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Traditional → simplified for the characters keyword matching uses (還款, 手續費, 個月, 萬, 號 …),
 * one character for one, so a folded string has the same length and every index in it points at
 * the same character of the original. Matchers are written once, in simplified characters, and
 * run on folded text; what the borrower sees (a loan's name) is cut from the unfolded text.
 */
const TRADITIONAL_TO_SIMPLIFIED: Readonly<Record<string, string>> = {
  還: '还',
  額: '额',
  號: '号',
  個: '个',
  違: '违',
  約: '约',
  滯: '滞',
  納: '纳',
  寬: '宽',
  計: '计',
  數: '数',
  費: '费',
  無: '无',
  沒: '没',
  週: '周',
  點: '点',
  報: '报',
  億: '亿',
  萬: '万',
  與: '与',
  兩: '两',
  塊: '块',
  錢: '钱',
  圓: '圆',
  幣: '币',
  開: '开',
  從: '从',
  續: '续',
  後: '后',
  為: '为',
  間: '间',
  鐘: '钟',
  時: '时',
  總: '总',
  這: '这',
};

const TRADITIONAL = new RegExp(`[${Object.keys(TRADITIONAL_TO_SIMPLIFIED).join('')}]`, 'g');

/** Folds the traditional characters keyword matching needs to simplified, length-preserving. */
export function foldToSimplified(text: string): string {
  return text.replace(TRADITIONAL, (c) => TRADITIONAL_TO_SIMPLIFIED[c] ?? c);
}

/** normalizeText, then foldToSimplified: the text a matcher written in simplified reads. */
export function normalizeForMatching(text: string): string {
  return foldToSimplified(normalizeText(text));
}
