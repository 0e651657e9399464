import { addMonthsToParts, daysInMonth, makeIsoDate, splitIsoDate, type IsoDate } from './calendar.ts';

/**
 * The first due date of a loan taken on `start` with monthly due day `dueDay` (1..31): the first
 * date strictly after `start` whose day of month is dueDay, clamped to the month's last day
 * (due day 31 → 28/29 Feb, 30 Apr).
 *
 * Strictly after, because a payment due on the day the money arrives is not a repayment: a loan
 * taken on its due day pays a month later. A day that was clamped still counts as "the" due day
 * of that month (start 2027-01-31, due day 31 → 2027-02-28), so pass `dueDay` on to
 * buildSchedule (LoanTerms.dueDay) to bring later installments back to the 31st.
 *
 * Lenders differ on a too-short first period (some skip to the next month if it is under N
 * days): that is contract configuration, not this rule.
 */
export function firstDueFrom(start: IsoDate, dueDay: number): IsoDate {
  if (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > 31) throw new RangeError(`dueDay must be an integer 1..31, got ${dueDay}`);
  const { y, m, d } = splitIsoDate(start);
  const thisMonth = Math.min(dueDay, daysInMonth(y, m));
  if (thisMonth > d) return makeIsoDate(y, m, thisMonth);
  return addMonthsToParts(y, m, dueDay, 1);
}
