import { normalizeText } from './result.ts';

/** "2" or "#2": a loan by its number in /loans (1–999); undefined for anything else. */
export function parseLoanNumber(word: string): number | undefined {
  return /^#?\d{1,3}$/.test(word) ? Number(word.replace('#', '')) : undefined;
}

/**
 * Numbers below this, typed bare where a loan is expected, are loan numbers ("/paid 2"); from it
 * on they are amounts ("/paid 500"). Nobody keeps a hundred loans in /loans.
 */
export const LOAN_NUMBER_LIMIT = 100;

/** What the first words of a command's arguments say about which loan it is for. */
export type LoanReference =
  /** A loan of the list (0-based `index`), by its number or its name, and the words it took. */
  | { kind: 'loan'; index: number; words: number }
  /** A loan number that is no loan's ("/paid 9" with two loans): the borrower is told so. */
  | { kind: 'missing'; number: number; words: 1 };

/** The words of a line, as the loan reference and the words after it are counted. */
export function wordsOf(text: string): string[] {
  return normalizeText(text).split(' ').filter(Boolean);
}

/** A name as it is compared: normalized, in any case. */
function comparable(text: string): string {
  return normalizeText(text).toLowerCase();
}

/**
 * The loan named by the first words: a loan's whole name (any case, several words allowed: "old
 * loan 500"; the longest name that fits wins, and a name two loans share names neither), else
 * "#N", else a bare number N below LOAN_NUMBER_LIMIT, when `bareNumbers` is set (a caller that
 * also reads amounts decides when a bare number is a loan; see readPaidLine). N outside the
 * list is 'missing'. Undefined when the first words name no loan.
 */
export function readLoanReference(
  words: readonly string[],
  names: readonly string[],
  options: { bareNumbers: boolean } = { bareNumbers: true },
): LoanReference | undefined {
  const compared = names.map(comparable);
  for (let length = Math.min(words.length, 8); length >= 1; length--) {
    const typed = comparable(words.slice(0, length).join(' '));
    const matches = compared.flatMap((name, index) => (name === typed ? [index] : []));
    if (matches.length === 1) return { kind: 'loan', index: matches[0] as number, words: length };
  }
  const first = words[0] ?? '';
  const marked = /^#\d{1,3}$/.test(first);
  const bare = options.bareNumbers && /^\d{1,2}$/.test(first) && Number(first) < LOAN_NUMBER_LIMIT;
  if (!marked && !bare) return undefined;
  const number = parseLoanNumber(first) as number;
  return number >= 1 && number <= names.length ? { kind: 'loan', index: number - 1, words: 1 } : { kind: 'missing', number, words: 1 };
}
