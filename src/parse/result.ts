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
  | 'date-not-understood'
  | 'date-impossible'
  | 'date-out-of-range'
  | 'periods-not-number'
  | 'periods-out-of-range'
  | 'rate-not-number'
  | 'rate-negative'
  | 'rate-too-high'
  | 'text-too-long'
  | 'name-empty'
  | 'name-too-long';

export const PARSE_ERRORS: readonly ParseError[] = [
  'amount-not-number',
  'amount-not-positive',
  'amount-too-large',
  'amount-too-many-decimals',
  'date-not-understood',
  'date-impossible',
  'date-out-of-range',
  'periods-not-number',
  'periods-out-of-range',
  'rate-not-number',
  'rate-negative',
  'rate-too-high',
  'text-too-long',
  'name-empty',
  'name-too-long',
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
