import { daysBetween, type IsoDate } from '../domain/calendar.ts';
import type { Decimal } from '../domain/money.ts';
import { parseAmount } from './amount.ts';
import { parseDate } from './date.ts';
import { parseRate } from './rate.ts';
import { fail, normalizeForMatching, normalizeText, ok, type ParseResult } from './result.ts';

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

/**
 * A credit-card statement as one line: the balance, the statement date and the due date (in
 * either order: the earlier is the statement date), optionally the minimum payment ("min 1000",
 * "最低1000", "最低還款額 1000") and the daily rate ("日利率0.05%"). The first amount is the balance;
 * words it cannot read are skipped.
 */
export function parseCardBill(text: string): ParseResult<CardBill> {
  let balance: Decimal | undefined;
  let minimum: Decimal | undefined;
  let dailyPercent: Decimal | undefined;
  const dates: IsoDate[] = [];
  const words = normalizeText(text).split(' ').filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const folded = normalizeForMatching(word);
    const minimumMark = MINIMUM_MARK.exec(folded);
    if (minimumMark) {
      const value = minimumMark[1] || words[++i] || '';
      const amount = parseAmount(value);
      if (amount.ok) minimum = amount.value;
      continue;
    }
    const asDate = parseDate(word);
    if (asDate.ok) {
      dates.push(asDate.value);
      continue;
    }
    if (DAILY_RATE_MARK.test(folded)) {
      const rate = parseRate(word, 'daily');
      if (rate.ok && rate.value.unit === 'daily') dailyPercent = rate.value.percent;
      continue;
    }
    const amount = parseAmount(word);
    if (amount.ok && balance === undefined) balance = amount.value;
  }
  const [statementDate, dueDate] = [...dates].sort();
  if (!balance || !statementDate || !dueDate) return fail('card-bill-incomplete');
  if (daysBetween(statementDate, dueDate) <= 0) return fail('card-bill-dates-order');
  if (minimum?.gt(balance)) return fail('card-bill-minimum-too-large');
  return ok({
    balance,
    statementDate,
    dueDate,
    ...(minimum && { minimum }),
    ...(dailyPercent && { dailyPercent }),
  });
}
