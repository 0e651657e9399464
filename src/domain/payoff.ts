import { addMonthsToParts, daysBetween, splitIsoDate, type IsoDate } from './calendar.ts';
import { openParts, type ScheduledPart } from './installment-split.ts';
import { Decimal, ZERO, roundCents } from './money.ts';
import { INTEREST_BEARING_METHODS, annualRateOf, type LoanTerms, type ScheduleRow } from './schedule.ts';

/**
 * What a lender charges on an early payoff (提前还款) of a fee or flat plan, whose charges are on
 * the original principal and so do not shrink by themselves. Contracts differ: some waive the
 * fees not yet due, many card installment plans charge them all (手续费照收), some charge a
 * percent of the principal repaid early (违约金). Always "check your contract".
 */
export type PrepaymentRule =
  | { kind: 'waive-remaining-fees' }
  | { kind: 'charge-remaining-fees' }
  | { kind: 'percent-of-principal'; percent: Decimal };

export interface PayoffInput {
  terms: LoanTerms;
  /** The loan's schedule with what has been paid towards each installment (openParts order). */
  rows: (ScheduleRow & { paid: Decimal })[];
  today: IsoDate;
  /**
   * Default: waive (nothing extra). For interest-bearing methods the saving is the interest not
   * yet accrued; an explicit 'percent-of-principal' there models a prepayment penalty, and
   * 'charge-remaining-fees' charges their (normally zero) fee column. bnpl ignores the rule.
   */
  prepaymentRule?: PrepaymentRule;
  /** How `paid` covers an installment's parts (default fee → interest → principal). */
  order?: readonly ScheduledPart[];
}

export interface PayoffQuote {
  /** Everything that settles the loan today: overdue + dueToday + principal + accruedInterest + fees. */
  amount: Decimal;
  /** Open amounts of installments due before today (penalties and late fees are not included). */
  overdue: Decimal;
  /** Open amount of the installment due today, if any. */
  dueToday: Decimal;
  /** Open principal of the installments not yet due. */
  principal: Decimal;
  /** Interest on `principal` since the last due date (interest-bearing methods only). */
  accruedInterest: Decimal;
  /** The prepayment charge or the remaining fees/flat interest (fee and flat plans), per the rule; bnpl: its open fee. */
  fees: Decimal;
  /** Sum of all open amounts if the schedule were kept. */
  remainingScheduled: Decimal;
  /** remainingScheduled − amount, never negative. */
  saved: Decimal;
}

const HUNDRED = new Decimal(100);
const WAIVE: PrepaymentRule = { kind: 'waive-remaining-fees' };

/**
 * The amount that settles a loan today.
 *
 * - Installments due before today count in `overdue` at their open amount, the one due today in
 *   `dueToday`: both are owed whatever happens.
 * - The installments not yet due are replaced by their open principal plus:
 *   - interest-bearing methods (annuity, equal-principal, interest-first, bullet): interest on
 *     that principal at the contract's annual rate / dayBasis for the days since the last due
 *     date on or before today (an installment due today already carries the interest up to
 *     today), else since `start`, else since one month before firstDue. Overdue principal is
 *     left out of that base: from its due date it bears penalty interest (overdue.ts), which
 *     already includes the contract rate. The accrual is capped at the open interest of the next
 *     installment, so a long first period (start well before firstDue) never charges more
 *     interest than the schedule itself would;
 *   - fee and flat plans: the remaining fees (fee column) or flat interest (interest column) as
 *     the prepayment rule says;
 *   - bnpl: the open amount, fee included — the fee is for the purchase, not for time.
 */
export function payoffQuote(input: PayoffInput): PayoffQuote {
  const { terms, rows, today } = input;
  splitIsoDate(today);
  if (rows.length === 0) throw new RangeError('no installments');
  const method = terms.method;
  const interestBearing = INTEREST_BEARING_METHODS.includes(method);

  let overdue = ZERO;
  let dueToday = ZERO;
  let principal = ZERO;
  let futureCharges = ZERO;
  let remainingScheduled = ZERO;
  let nextInterest: Decimal | undefined;
  let lastDue: IsoDate | undefined;
  for (const row of rows) {
    if (!row.paid.isFinite() || row.paid.lt(0)) throw new RangeError(`paid must be >= 0, got ${row.paid.toString()}`);
    const open = openParts(row, input.order);
    remainingScheduled = remainingScheduled.plus(open.total);
    const days = daysBetween(today, row.due);
    if (days < 0) overdue = overdue.plus(open.total);
    else if (days === 0) dueToday = dueToday.plus(open.total);
    else {
      principal = principal.plus(open.principal);
      futureCharges = futureCharges.plus(open.interest).plus(open.fee);
      nextInterest ??= open.interest;
      continue;
    }
    if (lastDue === undefined || row.due > lastDue) lastDue = row.due;
  }

  let accruedInterest = ZERO;
  let fees = ZERO;
  if (method === 'bnpl') {
    fees = futureCharges;
  } else {
    if (interestBearing && nextInterest !== undefined && !principal.isZero()) {
      const from = lastDue ?? terms.start ?? monthBeforeFirstDue(terms);
      const days = Math.max(0, daysBetween(from, today));
      // Multiply before the one division so the cents are not cut short (e.g. × 0.12 / 360).
      const accrued = roundCents(
        principal
          .times(annualRateOf(terms.monthlyRate))
          .times(days)
          .div(terms.dayBasis ?? 360),
      );
      accruedInterest = Decimal.min(accrued, nextInterest);
    }
    const rule = input.prepaymentRule ?? WAIVE;
    switch (rule.kind) {
      case 'waive-remaining-fees':
        break;
      case 'charge-remaining-fees':
        // Interest-bearing methods: only their fee column (interest there is accrued, not scheduled).
        fees = interestBearing ? sumFutureFees(rows, today, input.order) : futureCharges;
        break;
      case 'percent-of-principal':
        if (!rule.percent.isFinite() || rule.percent.lt(0)) throw new RangeError(`percent must be >= 0, got ${rule.percent.toString()}`);
        fees = roundCents(principal.times(rule.percent).div(HUNDRED));
        break;
    }
  }

  const amount = overdue.plus(dueToday).plus(principal).plus(accruedInterest).plus(fees);
  return {
    amount,
    overdue,
    dueToday,
    principal,
    accruedInterest,
    fees,
    remainingScheduled,
    saved: Decimal.max(ZERO, remainingScheduled.minus(amount)),
  };
}

function sumFutureFees(rows: (ScheduleRow & { paid: Decimal })[], today: IsoDate, order?: readonly ScheduledPart[]): Decimal {
  let total = ZERO;
  for (const row of rows) if (row.due > today) total = total.plus(openParts(row, order).fee);
  return total;
}

/** Without a start date the first period is taken as the month before firstDue, on the loan's due day. */
function monthBeforeFirstDue(terms: LoanTerms): IsoDate {
  const { y, m, d } = splitIsoDate(terms.firstDue);
  return addMonthsToParts(y, m, terms.dueDay ?? d, -1);
}
