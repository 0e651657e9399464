import { addMonthsClamped, daysBetween, type IsoDate } from './calendar.ts';
import { Decimal, ZERO, roundCents } from './money.ts';

export interface CardBill {
  /** The statement balance (本期应还金额), ≥ 0, whole cents. */
  statementBalance: Decimal;
  statementDate: IsoDate;
  /** The payment due date (到期还款日), after statementDate. */
  dueDate: IsoDate;
  /**
   * The minimum payment printed on the statement (最低还款额), 0..balance. Default: 10% of the
   * balance, rounded half-up to cents — the common Chinese bank rule for a bill without
   * installments, overdue amounts or fees, which banks add on top. Check the statement.
   */
  minimumPayment?: Decimal;
  /** Revolving interest rate in percent per day (日利率). Default 0.05 (the long-standing 万分之五). */
  dailyRatePercent?: Decimal;
  /** The next statement date. Default: statementDate + 1 month (clamped to the month's end). */
  nextStatementDate?: IsoDate;
}

export interface MinimumPaymentCost {
  minimumPayment: Decimal;
  /** Interest the next statement will charge because only the minimum was paid. */
  revolvingInterest: Decimal;
  /** What is left of the statement balance after the minimum payment. */
  carriedBalance: Decimal;
  /** carriedBalance + revolvingInterest, before any new purchases. */
  newBalanceNextStatement: Decimal;
}

const TEN_PERCENT = new Decimal('0.1');
export const DEFAULT_DAILY_PERCENT = new Decimal('0.05');
const HUNDRED = new Decimal(100);

/**
 * What paying only the minimum costs on a Chinese credit card. Paying less than the full
 * statement balance loses the interest-free period, and the banks charge "full-amount"
 * revolving interest (全额计息): interest on the WHOLE statement balance as if none of it had
 * been interest-free, not just on the part left unpaid.
 *
 * - From the statement date to the due date, on the whole balance. Interest really runs from
 *   each transaction's posting date (记账日), which is earlier; we do not know those dates, so
 *   the statement date is the stand-in — it can only UNDERSTATE the cost, and the bot says so.
 * - From the due date to the next statement date, on the unpaid part (balance − minimum).
 *
 * Daily interest is summed over both stretches and rounded half-up to cents once. Paying the
 * whole balance keeps the interest-free period: no interest. The 违约金 for paying less than the
 * minimum, and interest on new purchases, are out of scope.
 */
export function minimumPaymentCost(bill: CardBill): MinimumPaymentCost {
  const balance = bill.statementBalance;
  if (!balance.isFinite() || balance.lt(0) || balance.decimalPlaces() > 2) {
    throw new RangeError(`statementBalance must be >= 0 in whole cents, got ${balance.toString()}`);
  }
  const minimumPayment = bill.minimumPayment ?? roundCents(balance.times(TEN_PERCENT));
  if (!minimumPayment.isFinite() || minimumPayment.lt(0) || minimumPayment.gt(balance) || minimumPayment.decimalPlaces() > 2) {
    throw new RangeError(`minimumPayment must be 0..${balance.toFixed(2)} in whole cents, got ${minimumPayment.toString()}`);
  }
  const dailyPercent = bill.dailyRatePercent ?? DEFAULT_DAILY_PERCENT;
  if (!dailyPercent.isFinite() || dailyPercent.lt(0)) throw new RangeError(`dailyRatePercent must be >= 0, got ${dailyPercent.toString()}`);
  const nextStatementDate = bill.nextStatementDate ?? addMonthsClamped(bill.statementDate, 1);
  const graceDays = daysBetween(bill.statementDate, bill.dueDate);
  const revolvingDays = daysBetween(bill.dueDate, nextStatementDate);
  if (graceDays <= 0) throw new RangeError(`dueDate ${bill.dueDate} must be after statementDate ${bill.statementDate}`);
  if (revolvingDays < 0) throw new RangeError(`nextStatementDate ${nextStatementDate} must not be before dueDate ${bill.dueDate}`);

  const carriedBalance = balance.minus(minimumPayment);
  const daily = dailyPercent.div(HUNDRED);
  const revolvingInterest = carriedBalance.isZero()
    ? ZERO
    : roundCents(balance.times(daily).times(graceDays).plus(carriedBalance.times(daily).times(revolvingDays)));
  return { minimumPayment, revolvingInterest, carriedBalance, newBalanceNextStatement: carriedBalance.plus(revolvingInterest) };
}
