import { daysBetween, type IsoDate } from '../domain/calendar.ts';
import { Decimal } from '../domain/money.ts';
import { joinSpaceGroups, parseAmount } from './amount.ts';
import { parseDate } from './date.ts';
import { parseRate } from './rate.ts';
import { fail, normalizeForMatching, normalizeText, ok, type ParseError, type ParseResult } from './result.ts';

/** What /cardbill reads from its one line. */
export interface CardBill {
  balance: Decimal;
  statementDate: IsoDate;
  dueDate: IsoDate;
  /** When the line gave it ("min 1000", "最低还款1000"); otherwise the card's rule applies. */
  minimum?: Decimal;
  /** When the line gave it ("日利率0.05%"); otherwise the usual 0.05% a day. */
  dailyPercent?: Decimal;
}

// Written in simplified: a word is matched folded (最低還款額 reads as 最低还款额).
const MINIMUM_MARK = /^(?:min(?:imum)?|最低(?:还款)?(?:额)?)[:：]?(.*)$/i;
const DAILY_RATE_MARK = /日利率|日息|daily|%/;
/** A label before a date, as its own word or in front of it: "statement 2026-12-05", "账单日2026-12-05", "due: 2027-01-01". */
// Both scripts spelled out where folding does not reach (賬單, 帳單, 結帳日 and 繳款截止日 in Taiwan).
const STATEMENT_MARK = /^(?:statement(?:\s*date)?|stmt|[账賬帐帳][单單]日|出[账賬帐帳]日|[结結][账賬帐帳]日|[账賬帐帳][单單])[:：]?(.*)$/i;
const DUE_MARK = /^(?:due(?:\s*date)?|pay\s*by|到期还款日|最后还款日|还款日|到期日|[缴繳]款截止日|[缴繳]款日)[:：]?(.*)$/i;
/** A minimum of nothing ("min 0", "最低0元"): a card with no minimum this month, still a statement to explain. */
const ZERO_AMOUNT = /^(?:¥|\$)?\s*0+(?:\.0+)?\s*(?:元)?$/;

/** The pieces of a /cardbill line, before they are checked against each other. */
export interface CardBillReading {
  balance?: Decimal;
  /** Dates in the order typed, each with its label when it had one. */
  dates: { date: IsoDate; label?: 'statement' | 'due' }[];
  minimum?: Decimal;
  /** Set when the minimum was given but could not be read: it is refused, not replaced by the default. */
  minimumError?: ParseError;
  dailyPercent?: Decimal;
}

function minimumOf(text: string): { minimum: Decimal } | { error: ParseError } {
  if (ZERO_AMOUNT.test(normalizeForMatching(text))) return { minimum: new Decimal(0) };
  const amount = parseAmount(text);
  return amount.ok ? { minimum: amount.value } : { error: amount.error };
}

/** Reads the words of the line; words it cannot read are skipped. The first amount is the balance. */
export function readCardBill(text: string): CardBillReading {
  const reading: CardBillReading = { dates: [] };
  // "10 000": spaces that surely group thousands make one word (amount.ts), not 10 and a zero.
  const words = joinSpaceGroups(normalizeText(text), ',').split(' ').filter(Boolean);
  let label: 'statement' | 'due' | undefined;
  for (let i = 0; i < words.length; i++) {
    let word = words[i] as string;
    const folded = normalizeForMatching(word);
    // A label holds until the date after it ("due date 2027-01-01"); another label replaces it.
    const minimumMark = MINIMUM_MARK.exec(folded);
    if (minimumMark) {
      const value = minimumMark[1] || words[++i] || '';
      const read = minimumOf(value);
      if ('minimum' in read) reading.minimum = read.minimum;
      else reading.minimumError = read.error;
      continue;
    }
    const statementMark = STATEMENT_MARK.exec(folded);
    const dueMark = statementMark ? null : DUE_MARK.exec(folded);
    const mark = statementMark ?? dueMark;
    if (mark) {
      label = statementMark ? 'statement' : 'due';
      if (!mark[1]) continue;
      word = mark[1];
    }
    const asDate = parseDate(word);
    if (asDate.ok) {
      reading.dates.push({ date: asDate.value, ...(label && { label }) });
      label = undefined;
      continue;
    }
    if (DAILY_RATE_MARK.test(folded)) {
      const rate = parseRate(word, 'daily');
      if (rate.ok && rate.value.unit === 'daily') reading.dailyPercent = rate.value.percent;
      continue;
    }
    const amount = parseAmount(word);
    if (amount.ok && reading.balance === undefined) reading.balance = amount.value;
  }
  return reading;
}

/** The statement date and the due date: by their labels, else in the order typed (statement first). */
export function cardBillDates(reading: CardBillReading): { statementDate?: IsoDate; dueDate?: IsoDate } {
  const labelled = (which: 'statement' | 'due') => reading.dates.find((d) => d.label === which)?.date;
  const unlabelled = reading.dates.filter((d) => d.label === undefined).map((d) => d.date);
  const statementDate = labelled('statement') ?? unlabelled.shift();
  const dueDate = labelled('due') ?? unlabelled.shift();
  return { ...(statementDate && { statementDate }), ...(dueDate && { dueDate }) };
}

/**
 * A credit-card statement as one line: the balance, the statement date and the due date (in that
 * order, or labelled: "due 2027-01-01 statement 2026-12-05", "账单日2026-12-05 还款日2027-01-01"),
 * optionally the minimum payment ("min 1000", "最低1000", "最低還款額 1000", "min 0") and the
 * daily rate ("日利率0.05%"). The first amount is the balance; words it cannot read are skipped.
 * A due date before the statement date is refused ('card-bill-dates-order'), never swapped: one
 * of them may be a typo, and the borrower should look.
 */
export function parseCardBill(text: string): ParseResult<CardBill> {
  return checkCardBill(readCardBill(text));
}

/** parseCardBill's checks on a line already read (readCardBill), for a caller that also shows its dates. */
export function checkCardBill(reading: CardBillReading): ParseResult<CardBill> {
  const { balance, minimum, dailyPercent } = reading;
  const { statementDate, dueDate } = cardBillDates(reading);
  if (!balance || !statementDate || !dueDate) return fail('card-bill-incomplete');
  if (daysBetween(statementDate, dueDate) <= 0) return fail('card-bill-dates-order');
  if (reading.minimumError) return fail(reading.minimumError);
  if (minimum?.gt(balance)) return fail('card-bill-minimum-too-large');
  return ok({
    balance,
    statementDate,
    dueDate,
    ...(minimum && { minimum }),
    ...(dailyPercent && { dailyPercent }),
  });
}
