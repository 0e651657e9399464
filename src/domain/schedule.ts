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
 * Payments are all > 0 whenever principal ≥ 0.01 × periods and either the rate is > 0 or the
 * method amortizes (interest-first at 0% has nothing to pay until the last period).
 */
export function buildSchedule(terms: LoanTerms): ScheduleRow[] {
  assertTerms(terms);
  const { principal: P, monthlyRate: r, periods: n, method } = terms;
  const { y, m, d } = splitIsoDate(terms.firstDue);
  const rows: ScheduleRow[] = new Array<ScheduleRow>(n);

  let balance = P;
  const last = n - 1;

  if (method === 'annuity' && !r.isZero()) {
    // A = P·r·(1+r)^n / ((1+r)^n − 1); (1+r)^n computed once per schedule.
    const growth = ONE.plus(r).pow(n);
    const exact = P.times(r).times(growth).div(growth.minus(ONE));
    return (
      amortize(P, r, n, roundCents(exact), y, m, d, false) ??
      // Rounding A up by under half a cent compounds at (1+r) a period; on a long loan at a high
      // rate (40%/yr over 27 years) it would repay the loan periods early and leave 0.00
      // installments. Then A is rounded down instead and the last period absorbs the difference.
      (amortize(P, r, n, floorCents(exact), y, m, d, true) as ScheduleRow[])
    );
  }

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
 * last period settles the remaining balance. Returns null if A would repay the loan before the
 * last period, unless `clampEarlyPayoff`, when principal is capped at the balance.
 */
function amortize(
  P: Decimal,
  r: Decimal,
  n: number,
  payment: Decimal,
  y: number,
  m: number,
  d: number,
  clampEarlyPayoff: boolean,
): ScheduleRow[] | null {
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
      if (principal.gte(balance)) {
        if (!clampEarlyPayoff) return null;
        principal = balance;
        paid = balance.plus(interest);
      }
    }
    balance = balance.minus(principal);
    rows[k] = { n: k + 1, due: addMonthsToParts(y, m, d, k), principal, interest, fee: ZERO, payment: paid, balance };
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
