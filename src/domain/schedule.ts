import { addMonthsToParts, daysBetween, daysInMonth, splitIsoDate, type IsoDate } from './calendar.ts';
import { Decimal, ZERO, floorCents, roundCents } from './money.ts';
import type { DayBasis } from './rates.ts';

/**
 * annuity 等额本息, equal-principal 等额本金, interest-first 先息后本, bullet 到期还本付息,
 * fee 分期 (手续费), flat 等本等息, bnpl 先享后付 (domain.md §1).
 */
export type RepaymentMethod = 'annuity' | 'equal-principal' | 'interest-first' | 'bullet' | 'fee' | 'flat' | 'bnpl';

export const REPAYMENT_METHODS: readonly RepaymentMethod[] = [
  'annuity',
  'equal-principal',
  'interest-first',
  'bullet',
  'fee',
  'flat',
  'bnpl',
];

/** Methods repaid in one payment on firstDue; their `periods` must be 1. */
export const SINGLE_PAYMENT_METHODS: readonly RepaymentMethod[] = ['bullet', 'bnpl'];

/**
 * Methods whose charge accrues day by day on the principal still owed, so paying early saves it.
 * Fee and flat plans charge on the ORIGINAL principal and bnpl a fixed fee: what an early payoff
 * saves there is a contract matter (payoff.ts PrepaymentRule).
 */
export const INTEREST_BEARING_METHODS: readonly RepaymentMethod[] = ['annuity', 'equal-principal', 'interest-first', 'bullet'];

export const MAX_PERIODS = 600;

export interface LoanTerms {
  /** > 0 */
  principal: Decimal;
  method: RepaymentMethod;
  /**
   * Periodic rate as a fraction, e.g. 0.01 for 1%/month. For 'fee' and 'flat': the monthly
   * charge rate on the original principal. For 'bullet': annual / 12 (interest is counted by the
   * day, see dayBasis). Ignored by 'bnpl'.
   */
  monthlyRate: Decimal;
  /** 1..600; exactly 1 for 'bullet' and 'bnpl'. */
  periods: number;
  firstDue: IsoDate;
  /** Days in the year for day-count interest ('bullet', payoff accrual). Default 360, the bank convention. */
  dayBasis?: DayBasis;
  /** The date the money was received. Required for 'bullet' (its interest runs from here); never after firstDue. */
  start?: IsoDate;
  /** 'bnpl' only: a fee added to the single payment (default 0). Any other method refuses a non-zero one. */
  oneTimeFee?: Decimal;
  /**
   * The contract's due day (1..31) when firstDue was clamped to a month end (due day 31 → first
   * due 28 Feb): later installments return to the 31st instead of staying on the 28th. Must clamp
   * to firstDue's day. Default: firstDue's day.
   */
  dueDay?: number;
}

export interface ScheduleRow {
  n: number;
  due: IsoDate;
  principal: Decimal;
  interest: Decimal;
  fee: Decimal;
  payment: Decimal;
  /** Principal still owed after this payment. */
  balance: Decimal;
}

export interface ScheduleSummary {
  firstPayment: Decimal;
  lastPayment: Decimal;
  totalPrincipal: Decimal;
  totalInterest: Decimal;
  totalFees: Decimal;
  totalPayments: Decimal;
  lastDue: IsoDate;
}

const ONE = new Decimal(1);
const CENT = new Decimal('0.01');
const TWELVE = new Decimal(12);

/**
 * The nominal annual rate (fraction) behind a monthly rate. An annual rate reaches us divided by
 * 12 (7.3% → 0.006083…), which is not exact in 40 digits; × 12 would then be 0.0729999…96 and a
 * day-count interest sitting exactly on a half cent would round down. Rounding to 30 places
 * restores the rate the contract states (any real rate has far fewer places).
 */
export function annualRateOf(monthlyRate: Decimal): Decimal {
  return monthlyRate.times(TWELVE).toDecimalPlaces(30);
}

/** Terms a caller should have validated already; anything else is a programming error. */
function assertTerms(terms: LoanTerms): void {
  const { principal, monthlyRate, periods, method, start, oneTimeFee, dayBasis, dueDay } = terms;
  if (!REPAYMENT_METHODS.includes(method)) throw new RangeError(`unknown repayment method: ${String(method)}`);
  if (!principal.isFinite() || principal.lte(0)) throw new RangeError(`principal must be > 0, got ${principal.toString()}`);
  if (principal.decimalPlaces() > 2) throw new RangeError(`principal must be whole cents, got ${principal.toString()}`);
  if (!monthlyRate.isFinite() || monthlyRate.lt(0)) throw new RangeError(`monthlyRate must be >= 0, got ${monthlyRate.toString()}`);
  if (!Number.isInteger(periods) || periods < 1 || periods > MAX_PERIODS) {
    throw new RangeError(`periods must be an integer 1..${MAX_PERIODS}, got ${periods}`);
  }
  if (periods !== 1 && SINGLE_PAYMENT_METHODS.includes(method))
    throw new RangeError(`${method} is one payment: periods must be 1, got ${periods}`);
  if (dayBasis !== undefined && dayBasis !== 360 && dayBasis !== 365)
    throw new RangeError(`dayBasis must be 360 or 365, got ${String(dayBasis)}`);
  // Money cannot be due before it was received; splitIsoDate also rejects a malformed date.
  if (start !== undefined && daysBetween(start, terms.firstDue) < 0)
    throw new RangeError(`start ${start} is after firstDue ${terms.firstDue}`);
  if (method === 'bullet' && start === undefined)
    throw new RangeError('bullet needs start: its interest runs from the day the money was received');
  if (oneTimeFee !== undefined) {
    if (!oneTimeFee.isFinite() || oneTimeFee.lt(0) || oneTimeFee.decimalPlaces() > 2) {
      throw new RangeError(`oneTimeFee must be >= 0 in whole cents, got ${oneTimeFee.toString()}`);
    }
    // Silently dropping a fee would understate what the borrower owes.
    if (method !== 'bnpl' && !oneTimeFee.isZero()) throw new RangeError(`oneTimeFee applies to bnpl only, not ${method}`);
  }
  if (dueDay !== undefined) {
    const { y, m, d } = splitIsoDate(terms.firstDue);
    if (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > 31 || Math.min(dueDay, daysInMonth(y, m)) !== d) {
      throw new RangeError(`dueDay ${dueDay} does not match firstDue ${terms.firstDue}`);
    }
  }
}

/**
 * The repayment schedule, rounded the way domain.md §1 says lenders do: every period's interest
 * (or fee) is rounded half-up to cents on its own, and the last period absorbs what is left, so
 * the principal repaid sums to exactly P and no row shows a negative balance.
 *
 * Every payment is > 0 when principal ≥ 0.01 × periods, except interest-first loans whose
 * monthly interest rounds to 0.00 (nothing is owed until the last period).
 */
export function buildSchedule(terms: LoanTerms): ScheduleRow[] {
  assertTerms(terms);
  const { principal: P, monthlyRate: r, periods: n, method } = terms;
  const parts = splitIsoDate(terms.firstDue);
  const { y, m } = parts;
  const d = terms.dueDay ?? parts.d;

  if (method === 'bullet') {
    // 到期还本付息: simple interest for the actual days held, P × annual × days / basis, rounded once.
    const { start } = terms;
    if (start === undefined) throw new RangeError('bullet needs start');
    const days = daysBetween(start, terms.firstDue);
    const interest = roundCents(
      P.times(annualRateOf(r))
        .times(days)
        .div(terms.dayBasis ?? 360),
    );
    return [{ n: 1, due: terms.firstDue, principal: P, interest, fee: ZERO, payment: P.plus(interest), balance: ZERO }];
  }

  if (method === 'bnpl') {
    // 先享后付: the whole amount on one date; any cost is the one-time fee, not a rate.
    const fee = terms.oneTimeFee ?? ZERO;
    return [{ n: 1, due: terms.firstDue, principal: P, interest: ZERO, fee, payment: P.plus(fee), balance: ZERO }];
  }

  if (method === 'annuity' && !r.isZero()) {
    // A = P·r·(1+r)^n / ((1+r)^n − 1); (1+r)^n computed once per schedule.
    const growth = ONE.plus(r).pow(n);
    const exact = P.times(r).times(growth).div(growth.minus(ONE));
    const payment = roundCents(exact);
    return amortize(P, r, n, payment, y, m, d) ?? amortizeTracking(P, r, n, payment, P.times(r).div(growth.minus(ONE)), y, m, d);
  }

  const rows: ScheduleRow[] = new Array<ScheduleRow>(n);
  const last = n - 1;
  let balance = P;

  if (method === 'annuity' || method === 'equal-principal' || method === 'fee' || method === 'flat') {
    // Equal principal, fee and flat plans and 0% annuities: P/n rounded DOWN to cents, the
    // remainder in the last period (10,000 / 12 → 833.33 × 11 + 833.37), so no period overpays.
    const slice = floorCents(P.div(n));
    // Fee and flat plans charge on the ORIGINAL principal, the same every month; a flat plan
    // (等本等息) calls that charge interest, a fee plan a fee.
    const charge = method === 'fee' || method === 'flat' ? roundCents(P.times(r)) : ZERO;
    const fee = method === 'fee' ? charge : ZERO;
    const flatInterest = method === 'flat' ? charge : ZERO;
    const chargesInterest = method === 'equal-principal';
    for (let k = 0; k < n; k++) {
      const interest = chargesInterest ? roundCents(balance.times(r)) : flatInterest;
      const principal = k === last ? balance : slice;
      balance = balance.minus(principal);
      rows[k] = {
        n: k + 1,
        due: addMonthsToParts(y, m, d, k),
        principal,
        interest,
        fee,
        payment: principal.plus(interest).plus(fee),
        balance,
      };
    }
    return rows;
  }

  // Interest first (先息后本): interest on the full principal each month, principal at the end.
  const interest = roundCents(P.times(r));
  for (let k = 0; k < n; k++) {
    const principal = k === last ? P : ZERO;
    balance = k === last ? ZERO : P;
    rows[k] = { n: k + 1, due: addMonthsToParts(y, m, d, k), principal, interest, fee: ZERO, payment: principal.plus(interest), balance };
  }
  return rows;
}

/**
 * Annuity rows for payment A: interest rounded half-up each period, principal A − interest, the
 * last period settles the remaining balance. Null if A would repay the loan before the last
 * period (then the caller falls back to amortizeTracking).
 */
function amortize(P: Decimal, r: Decimal, n: number, payment: Decimal, y: number, m: number, d: number): ScheduleRow[] | null {
  const rows: ScheduleRow[] = new Array<ScheduleRow>(n);
  const last = n - 1;
  let balance = P;
  for (let k = 0; k < n; k++) {
    const interest = roundCents(balance.times(r));
    let principal: Decimal;
    let paid = payment;
    if (k === last) {
      // The last period settles everything, which is why it can differ from A by a few cents.
      principal = balance;
      paid = balance.plus(interest);
    } else {
      principal = payment.minus(interest);
      if (principal.gte(balance)) return null;
    }
    balance = balance.minus(principal);
    rows[k] = { n: k + 1, due: addMonthsToParts(y, m, d, k), principal, interest, fee: ZERO, payment: paid, balance };
  }
  return rows;
}

/**
 * Fallback for loans where the per-period rounding above breaks down: when the principal part of
 * A is under a cent for years (high rate, very long term), rounding every period's interest
 * shifts a fraction of a cent into principal EVERY period, that error compounds at (1+r), and the
 * loan would be "repaid" months early, leaving 0.00 installments. Here the principal repaid so far
 * follows the exact annuity, rounded to cents as a running total (never off by more than half a
 * cent), and interest is A − principal. Payments stay A and the last period settles the rest.
 */
function amortizeTracking(
  P: Decimal,
  r: Decimal,
  n: number,
  payment: Decimal,
  firstPrincipal: Decimal,
  y: number,
  m: number,
  d: number,
): ScheduleRow[] {
  const rows: ScheduleRow[] = new Array<ScheduleRow>(n);
  const last = n - 1;
  const onePlusR = ONE.plus(r);
  let growth = ONE;
  let repaid = ZERO;
  let balance = P;
  for (let k = 0; k < n; k++) {
    growth = growth.times(onePlusR);
    let principal: Decimal;
    let interest: Decimal;
    if (k === last) {
      principal = balance;
      interest = roundCents(balance.times(r));
    } else {
      // Exact principal repaid after k+1 periods: p₁·((1+r)^(k+1) − 1)/r, free of cancellation.
      const target = roundCents(firstPrincipal.times(growth.minus(ONE)).div(r));
      principal = Decimal.max(ZERO, Decimal.min(target.minus(repaid), payment, balance.minus(CENT)));
      interest = payment.minus(principal);
    }
    repaid = repaid.plus(principal);
    balance = balance.minus(principal);
    rows[k] = { n: k + 1, due: addMonthsToParts(y, m, d, k), principal, interest, fee: ZERO, payment: principal.plus(interest), balance };
  }
  return rows;
}

export function summarizeSchedule(rows: ScheduleRow[]): ScheduleSummary {
  const first = rows[0];
  const final = rows[rows.length - 1];
  if (!first || !final) throw new RangeError('cannot summarize an empty schedule');
  let totalPrincipal = ZERO;
  let totalInterest = ZERO;
  let totalFees = ZERO;
  let totalPayments = ZERO;
  for (const row of rows) {
    totalPrincipal = totalPrincipal.plus(row.principal);
    totalInterest = totalInterest.plus(row.interest);
    totalFees = totalFees.plus(row.fee);
    totalPayments = totalPayments.plus(row.payment);
  }
  return {
    firstPayment: first.payment,
    lastPayment: final.payment,
    totalPrincipal,
    totalInterest,
    totalFees,
    totalPayments,
    lastDue: final.due,
  };
}
