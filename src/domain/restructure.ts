import { addMonthsToParts, splitIsoDate, type IsoDate } from './calendar.ts';
import { type Decimal, sumMoney } from './money.ts';
import { MAX_PERIODS, buildSchedule, type ScheduleRow } from './schedule.ts';

/*
 * What an approved hardship request does to a schedule, as pure arithmetic: a deferral (延期)
 * moves due dates, a new plan (协商分期) re-spreads what is owed. The service decides which rows
 * and amounts, applies the result and records it; nothing here reads a clock or a database.
 */

export interface DueRow {
  n: number;
  dueDate: IsoDate;
}

/**
 * Every row from installment `fromN` on, due `months` months later; earlier rows as they were.
 * Each date is moved from its own month but on the contract's due day, clamped to the month's
 * end (due day 31: 31 Jan + 1 → 28/29 Feb, + 2 → 31 Mar), so a deferral never drifts the day
 * down to the 28th for good. Without `dueDay` it is the largest day of month among the rows: a
 * schedule clamped in February still shows its real day in any longer month.
 */
export function deferDueDates<T extends DueRow>(rows: readonly T[], fromN: number, months: number, dueDay?: number): T[] {
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`months must be a whole number ≥ 1, got ${months}`);
  if (dueDay !== undefined && (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > 31)) {
    throw new RangeError(`dueDay must be 1..31, got ${dueDay}`);
  }
  const day = dueDay ?? Math.max(1, ...rows.map((row) => splitIsoDate(row.dueDate).d));
  return rows.map((row) => {
    if (row.n < fromN) return row;
    const { y, m } = splitIsoDate(row.dueDate);
    return { ...row, dueDate: addMonthsToParts(y, m, day, months) };
  });
}

/** Most serious first: a plan that never repays is also too long and above the offer. */
export type PlanProblem = 'never-repays' | 'too-long' | 'exceeds-target';

export interface PlanRequest {
  /** What is to be re-spread, > 0, whole cents. */
  amount: Decimal;
  /** Monthly interest rate as a fraction (0.01 = 1%/month); 0 for an interest-free plan. */
  monthlyRate: Decimal;
  firstDue: IsoDate;
  /** The contract's due day when firstDue was clamped to a month end (see LoanTerms.dueDay). */
  dueDay?: number;
  /** The term asked for. */
  months?: number;
  /** The monthly payment the borrower can make; without `months`, the plan is the shortest term that fits it. */
  targetPayment?: Decimal;
  /** The longest term allowed; a target needing more is 'too-long'. */
  maxMonths: number;
}

export interface Plan {
  rows: ScheduleRow[];
  months: number;
  /** The regular monthly payment (the first; the last can differ by cents, it settles the rest). */
  payment: Decimal;
  total: Decimal;
  interest: Decimal;
  problems: PlanProblem[];
}

/**
 * A new repayment plan in equal installments (等额本息) from the loan engine. With `months`,
 * that term (a target, if given too, is only checked). With only `targetPayment`, the shortest
 * term up to `maxMonths` whose regular payment is not above it. When none is, the `maxMonths` plan
 * comes back flagged, so the borrower and the operator see how far apart the two are; an offer at
 * or below the first month's interest (amount × rate) can never repay, at any term.
 */
export function proposePlan(request: PlanRequest): Plan {
  const { amount, monthlyRate, targetPayment, maxMonths } = request;
  if (!amount.isFinite() || amount.lte(0)) throw new RangeError(`amount must be > 0, got ${amount.toString()}`);
  if (!Number.isInteger(maxMonths) || maxMonths < 1 || maxMonths > MAX_PERIODS) {
    throw new RangeError(`maxMonths must be 1..${MAX_PERIODS}, got ${maxMonths}`);
  }
  const build = (months: number): ScheduleRow[] =>
    buildSchedule({
      principal: amount,
      method: 'annuity',
      monthlyRate,
      periods: months,
      firstDue: request.firstDue,
      ...(request.dueDay === undefined ? {} : { dueDay: request.dueDay }),
    });
  // The regular payment is what is compared with the offer: the last installment settles the
  // rounding and can be a few cents above it, which no lender or borrower would call a misfit.
  const fits = (rows: ScheduleRow[]): boolean => targetPayment === undefined || (rows[0]?.payment.lte(targetPayment) ?? false);

  if (request.months !== undefined) {
    const { months } = request;
    if (!Number.isInteger(months) || months < 1) throw new RangeError(`months must be a whole number ≥ 1, got ${months}`);
    const rows = build(months);
    const problems: PlanProblem[] = [];
    if (targetPayment?.lte(amount.times(monthlyRate))) problems.push('never-repays');
    if (months > maxMonths) problems.push('too-long');
    if (!fits(rows)) problems.push('exceeds-target');
    return plan(rows, problems);
  }
  if (targetPayment === undefined) throw new RangeError('proposePlan needs months or targetPayment');

  if (targetPayment.lte(amount.times(monthlyRate))) return plan(build(maxMonths), ['never-repays', 'too-long', 'exceeds-target']);
  const longest = build(maxMonths);
  if (!fits(longest)) return plan(longest, ['too-long', 'exceeds-target']);

  // The regular payment falls as the term grows, so the shortest fitting term is found by halving.
  let low = 1;
  let high = maxMonths;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (fits(build(mid))) high = mid;
    else low = mid + 1;
  }
  return plan(low === maxMonths ? longest : build(low), []);
}

function plan(rows: ScheduleRow[], problems: PlanProblem[]): Plan {
  const first = rows[0];
  if (first === undefined) throw new RangeError('a plan has at least one installment');
  return {
    rows,
    months: rows.length,
    payment: first.payment,
    total: sumMoney(rows.map((row) => row.payment)),
    interest: sumMoney(rows.map((row) => row.interest)),
    problems,
  };
}

/** A payment the household cannot afford from what is left each month (any payment, when nothing is). */
export function exceedsDisposable(payment: Decimal, disposable: Decimal): boolean {
  return payment.gt(disposable);
}
