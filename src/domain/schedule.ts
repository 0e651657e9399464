import { addMonthsToParts, splitIsoDate, type IsoDate } from './calendar.ts';
import { Decimal, ZERO, floorCents, roundCents } from './money.ts';

export type RepaymentMethod = 'annuity' | 'equal-principal' | 'interest-first' | 'fee';

export const REPAYMENT_METHODS: readonly RepaymentMethod[] = ['annuity', 'equal-principal', 'interest-first', 'fee'];

export const MAX_PERIODS = 600;

export interface LoanTerms {
  /** > 0 */
  principal: Decimal;
  method: RepaymentMethod;
  /**
   * Periodic rate as a fraction, e.g. 0.01 for 1%/month. For 'fee': the monthly FEE rate on the
   * original principal.
   */
  monthlyRate: Decimal;
  /** 1..600 */
  periods: number;
  firstDue: IsoDate;
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

/** Terms a caller should have validated already; anything else is a programming error. */
function assertTerms(terms: LoanTerms): void {
  const { principal, monthlyRate, periods } = terms;
  if (!principal.isFinite() || principal.lte(0)) throw new RangeError(`principal must be > 0, got ${principal.toString()}`);
  if (principal.decimalPlaces() > 2) throw new RangeError(`principal must be whole cents, got ${principal.toString()}`);
  if (!monthlyRate.isFinite() || monthlyRate.lt(0)) throw new RangeError(`monthlyRate must be >= 0, got ${monthlyRate.toString()}`);
  if (!Number.isInteger(periods) || periods < 1 || periods > MAX_PERIODS) {
    throw new RangeError(`periods must be an integer 1..${MAX_PERIODS}, got ${periods}`);
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
  const { y, m, d } = splitIsoDate(terms.firstDue);

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

  if (method === 'annuity' || method === 'equal-principal' || method === 'fee') {
    // Equal principal, fee plans and 0% annuities: P/n rounded DOWN to cents, the remainder in
    // the last period (10,000 / 12 → 833.33 × 11 + 833.37), so no period overpays.
    const slice = floorCents(P.div(n));
    // A fee plan charges the fee on the ORIGINAL principal, the same every month.
    const fee = method === 'fee' ? roundCents(P.times(r)) : ZERO;
    const chargesInterest = method === 'equal-principal';
    for (let k = 0; k < n; k++) {
      const interest = chargesInterest ? roundCents(balance.times(r)) : ZERO;
      const principal = k === last ? balance : slice;
      balance = balance.minus(principal);
      rows[k] = { n: k + 1, due: addMonthsToParts(y, m, d, k), principal, interest, fee, payment: principal.plus(interest).plus(fee), balance };
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
