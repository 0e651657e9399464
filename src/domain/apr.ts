import { daysBetween, type IsoDate } from './calendar.ts';
import { Decimal, ZERO } from './money.ts';
import type { ScheduleRow } from './schedule.ts';

export interface AprResult {
  /** Monthly internal rate of return as a fraction (0.010862… for 1.0862%). */
  monthlyIrr: Decimal;
  /** 12 × monthly IRR, in percent: the nominal "年化" figure PBoC [2021] No. 3 asks lenders to show. */
  apr: Decimal;
  /** (1 + i)^12 − 1, in percent. */
  effective: Decimal;
}

const TOLERANCE = 1e-12;
const MAX_ITERATIONS = 200;

/**
 * The true cost of a loan as an IRR (domain.md §2): +money actually received now, −each payment
 * one month apart starting a month later. Fees, up-front deductions and flat-rate interest all
 * show up here, which is why a "0.6% a month" fee plan comes out at 13.03%, not 7.2%.
 *
 * The solver works in binary floating point (money never leaves Decimal outside it): a monthly
 * rate to 1e-12 is far finer than the two decimals shown. Results are rounded to 12 places
 * (monthlyIrr) and 8 places (percentages) so float noise never reaches a display.
 */
export function annualPercentageRate(received: Decimal, payments: { amount: Decimal }[]): AprResult {
  if (!received.isFinite() || received.lte(0)) throw new RangeError(`received must be > 0, got ${received.toString()}`);
  if (payments.length === 0) throw new RangeError('no payments');
  const cash = received.toNumber();
  const flows = payments.map((p) => {
    if (!p.amount.isFinite() || p.amount.lt(0)) throw new RangeError(`payment must be >= 0, got ${p.amount.toString()}`);
    return p.amount.toNumber();
  });
  if (!flows.some((a) => a > 0)) throw new RangeError('all payments are zero');

  const i = solveMonthlyIrr(cash, flows);
  const monthlyIrr = new Decimal(i).toDecimalPlaces(12);
  const growth = new Decimal(i).plus(1).pow(12).minus(1);
  return {
    monthlyIrr,
    apr: new Decimal(i).times(1200).toDecimalPlaces(8),
    effective: growth.times(100).toDecimalPlaces(8),
  };
}

/**
 * f(i) = Σ a_k (1+i)^−k − received is strictly decreasing in i (all a_k ≥ 0), so there is one
 * root. Newton from a bracket, falling back to bisection whenever a step leaves the bracket.
 */
function solveMonthlyIrr(received: number, flows: number[]): number {
  const f = (i: number): { value: number; slope: number } => {
    const v = 1 / (1 + i);
    let discount = 1;
    let value = -received;
    let slope = 0;
    for (let k = 0; k < flows.length; k++) {
      discount *= v;
      const a = flows[k] as number;
      value += a * discount;
      slope -= (k + 1) * a * discount * v;
    }
    return { value, slope };
  };

  // Bracket: PV at i = lo is above `received`, at i = hi below it.
  let lo = -0.999999;
  let hi = 0.1;
  while (f(hi).value > 0) {
    lo = hi;
    hi *= 2;
    if (hi > 1e6) throw new RangeError('IRR out of range');
  }
  if (f(lo).value < 0) throw new RangeError('IRR out of range');

  let i = 0.01 > lo && 0.01 < hi ? 0.01 : (lo + hi) / 2;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const { value, slope } = f(i);
    if (value === 0) return i;
    if (value > 0) lo = i;
    else hi = i;
    let next = slope !== 0 ? i - value / slope : Number.NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - i) < TOLERANCE || hi - lo < TOLERANCE) return next;
    i = next;
  }
  return i;
}

const DAYS_PER_YEAR = 365;

/**
 * The APR of a schedule from buildSchedule, counting an up-front fee (砍头息): the borrower
 * receives principal − upfrontFee but repays the schedule of the full principal, so the IRR is
 * computed on the money actually received (domain.md §2: receive 11,136 of 12,000, repay
 * 1,000 × 12 → 14.02%).
 *
 * - Several payments: monthly IRR with payment k one month after receipt, APR = 12·i, as
 *   annualPercentageRate (`start` is not used: installments are a month apart by contract).
 * - One payment (bullet, bnpl) with `start`: the payment falls after t = days × 12 / 365 months,
 *   a fractional period on the calendar's 365-day year (the contract's 360/365 basis is how
 *   interest is COUNTED, not how long the money was held), so i = (payment / received)^(1/t) − 1.
 *   This is compound: a 12% bullet's APR is a little off 12% (90 days on a 360 basis: 12.05%).
 * - One payment without `start`: taken as one month after receipt.
 */
export function aprOfSchedule(principal: Decimal, rows: ScheduleRow[], upfrontFee: Decimal = ZERO, start?: IsoDate): AprResult {
  if (!principal.isFinite() || principal.lte(0)) throw new RangeError(`principal must be > 0, got ${principal.toString()}`);
  if (!upfrontFee.isFinite() || upfrontFee.lt(0)) throw new RangeError(`upfrontFee must be >= 0, got ${upfrontFee.toString()}`);
  // Nothing (or less than nothing) received: no rate describes that.
  if (upfrontFee.gte(principal))
    throw new RangeError(`upfrontFee ${upfrontFee.toString()} must be below principal ${principal.toString()}`);
  const received = principal.minus(upfrontFee);
  const only = rows.length === 1 ? rows[0] : undefined;
  if (only === undefined || start === undefined)
    return annualPercentageRate(
      received,
      rows.map((row) => ({ amount: row.payment })),
    );

  const payment = only.payment;
  if (!payment.isFinite() || payment.lte(0)) throw new RangeError(`payment must be > 0, got ${payment.toString()}`);
  const days = daysBetween(start, only.due);
  if (days <= 0) throw new RangeError(`the payment on ${only.due} must come after receipt on ${start}`);
  const months = new Decimal(days).times(12).div(DAYS_PER_YEAR);
  const i = payment.div(received).pow(new Decimal(1).div(months)).minus(1);
  return {
    monthlyIrr: i.toDecimalPlaces(12),
    apr: i.times(1200).toDecimalPlaces(8),
    effective: i.plus(1).pow(12).minus(1).times(100).toDecimalPlaces(8),
  };
}
