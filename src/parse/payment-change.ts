import { daysBetween, type IsoDate } from '../domain/calendar.ts';
import type { Decimal } from '../domain/money.ts';
import { joinSpaceGroups, parseAmount } from './amount.ts';
import { readDate } from './date.ts';
import { readLoanReference, wordsOf, type LoanReference } from './loan-reference.ts';
import { fail, normalizeForMatching, normalizeText, ok, type ParseError, type ParseResult } from './result.ts';

/** What one typed word changes on a payment to confirm: the day it was paid, or the amount. */
export type PaymentChange = { date: IsoDate } | { amount: Decimal };

/**
 * A word typed after /paid or on its confirmation: a date if it looks like one ("2026-11-20",
 * "11月20日", "yesterday", "昨天", "前天", "Feb 15": a date without a year is the last one on or
 * before today), else an amount. A payment cannot have been made after `today`.
 */
export function parsePaymentChange(text: string, today: IsoDate): ParseResult<PaymentChange> {
  const asDate = readDate(text, { today, prefer: 'past' });
  if (asDate.ok) {
    return daysBetween(today, asDate.value.date) > 0 ? fail('payment-date-in-future') : ok({ date: asDate.value.date });
  }
  // It starts like a year: a date that went wrong, not an amount of 2026.
  if (/^\d{4}[-/.年]/.test(text.trim())) return fail(asDate.error);
  const asAmount = parseAmount(text);
  return asAmount.ok ? ok({ amount: asAmount.value }) : asAmount;
}

/** A bare whole number ("1", "９"): no currency mark, no decimal point, no 万 or k, no separator. */
export function isBareNumber(word: string): boolean {
  return /^\d+$/.test(normalizeForMatching(word));
}

/** The words of a line, an amount whose thousands are grouped by spaces ("10 000") one word of them. */
function joinedWords(text: string): string[] {
  return wordsOf(joinSpaceGroups(normalizeText(text), ','));
}

/** Multi-word dates ("day before yesterday", "15 Feb 2027", "next month on the 15th") are at most this long. */
const LONGEST_DATE = 5;

/** What the words typed after /paid (or on its card) change, and what of them could not be read. */
export interface PaymentWords {
  changes: PaymentChange[];
  errors: ParseError[];
  /** The words that could not be read, as typed, each with its error at the same place in `errors`. */
  unread: string[];
}

/**
 * The words of a line as payment changes, in order: the longest run of words that reads as a date
 * is a date, else a word is an amount. A word that is neither is an error, and the others still count.
 */
export function readPaymentWords(typed: readonly string[], today: IsoDate): PaymentWords {
  const words = joinedWords(typed.join(' '));
  const changes: PaymentChange[] = [];
  const errors: ParseError[] = [];
  const unread: string[] = [];
  for (let i = 0; i < words.length; ) {
    let length = Math.min(LONGEST_DATE, words.length - i);
    for (; length > 1; length--) {
      const asDate = readDate(words.slice(i, i + length).join(' '), { today, prefer: 'past' });
      if (asDate.ok) break;
    }
    const change = parsePaymentChange(words.slice(i, i + length).join(' '), today);
    if (change.ok) changes.push(change.value);
    else {
      errors.push(change.error);
      unread.push(words.slice(i, i + length).join(' '));
    }
    i += length;
  }
  return { changes, errors, unread };
}

/**
 * What `/paid [loan] [amount] [date]` says. This is the one grammar of /paid (its /help text says
 * the same):
 *
 * - The loan comes first, if at all: its whole name ("car", "old loan"), "#2", or its number in
 *   /loans typed bare ("2"). A bare number is a loan number only where a loan is expected, that
 *   is with two or more loans and below LOAN_NUMBER_LIMIT (100): "/paid 9" with two loans is
 *   "there is no loan 9", never the amount 9.00. "/paid 500" is an amount.
 * - With one loan no loan has to be named, so a bare number is the amount ("/paid 500", "/paid 2"),
 *   except a bare 1 with no amount after it: it could be loan 1 as well as 1.00, and is asked
 *   ('ambiguous'). "/paid 1 500" is loan 1 and 500.00.
 * - Amount and date follow in either order. An amount is clear when it has a currency mark, 元,
 *   a decimal point, a thousands comma, 万, k or Chinese numerals, when it comes after the loan
 *   reference, or when it is a bare number of 100 or more (larger than any loan number).
 * - The date: "2026-11-20", "11月20日", "Feb 15", "yesterday", "昨天", "前天"; never after today.
 */
export interface PaidLine {
  /** The loan the first words name, if they name one (or a number that is no loan's). */
  loan: LoanReference | { kind: 'ambiguous'; index: number; number: number } | undefined;
  /** The amounts and dates typed, in order (a later one of a kind wins). */
  changes: PaymentChange[];
  errors: ParseError[];
  /** The words that could not be read, as typed, each with its error at the same place in `errors`. */
  unread: string[];
}

export function readPaidLine(text: string, context: { today: IsoDate; loanNames: readonly string[] }): PaidLine {
  const words = joinedWords(text);
  const { today, loanNames } = context;
  const several = loanNames.length > 1;
  const loan = readLoanReference(words, loanNames, { bareNumbers: several });
  if (!loan && loanNames.length === 1 && words[0] !== undefined && isBareNumber(words[0]) && Number(words[0]) === 1) {
    // One loan and "1": loan 1 when an amount follows, else either loan 1 or 1.00.
    const after = readPaymentWords(words.slice(1), today);
    const asLoan = after.changes.some((change) => 'amount' in change);
    return { loan: asLoan ? { kind: 'loan', index: 0, words: 1 } : { kind: 'ambiguous', index: 0, number: 1 }, ...after };
  }
  return { loan, ...readPaymentWords(words.slice(loan?.words ?? 0), today) };
}
