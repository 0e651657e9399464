import { addMonthsToParts, splitIsoDate, type IsoDate } from './calendar.ts';
import { Decimal, ZERO, roundCents } from './money.ts';

/**
 * One open loan as the plan sees it. The model is the standard one for avalanche / snowball:
 * each month the balance bears interest at the contract's monthly rate, the schedule's payment is
 * paid, and the extra goes to principal of the target loan. Fee plans carry their per-installment
 * fee instead of interest; on an early payoff the remaining fees are waived or charged as the
 * loan's prepayment rule says, and a percent-of-principal rule costs that percent of every extra.
 */
export interface PlanLoan {
  name: string;
  /** Open principal of the installments not yet due. */
  balance: Decimal;
  /** Contract interest rate per month as a fraction (0 for fee plans). */
  monthlyRate: Decimal;
  /** The schedule's monthly payment (principal + interest + fee). */
  payment: Decimal;
  /** Fee charged with each remaining installment (fee plans), else 0. */
  feePerInstallment: Decimal;
  /** Installments left (fees run for that many months unless waived). */
  installmentsLeft: number;
  /** True annual rate (IRR, percent): the avalanche order. */
  apr: Decimal;
  /** Past-due open amounts plus penalty and late fees: always paid first. */
  overdue: Decimal;
  prepayment: { kind: 'waive-remaining-fees' } | { kind: 'charge-remaining-fees' } | { kind: 'percent-of-principal'; percent: Decimal };
  /**
   * Months from the plan's first month (today's) to the month of the loan's next installment: 0
   * when one falls due this month, 1 when this month's is paid or the loan starts next month, 5
   * for a first due date five months out. Until then the schedule takes nothing from it (extra
   * may still go to it). Omitted: 0.
   */
  startsIn?: number;
}

export type Strategy = 'schedule' | 'avalanche' | 'snowball';

export interface StrategyResult {
  strategy: Strategy;
  /** The month the last loan is cleared (first of that month), or undefined beyond the horizon. */
  debtFree: IsoDate | undefined;
  months: number;
  interest: Decimal;
  /** Fees, prepayment charges and overdue penalty paid. */
  fees: Decimal;
  /** Everything paid from today to debt-free. */
  totalPaid: Decimal;
  /** totalPaid of the schedule minus this strategy's totalPaid. */
  saving: Decimal;
  /** Loan names in the order extra money goes to them. */
  order: string[];
  /** Remaining total debt at the end of each month: the chart's line. */
  remaining: Decimal[];
}

/** 50 years: longer than any consumer schedule; beyond it the plan says "not within the horizon". */
const HORIZON_MONTHS = 600;

export function orderFor(strategy: Strategy, loans: readonly PlanLoan[]): number[] {
  const idx = loans.map((_, i) => i);
  if (strategy === 'avalanche') return idx.sort((a, b) => loans[b]!.apr.comparedTo(loans[a]!.apr) || a - b);
  if (strategy === 'snowball') return idx.sort((a, b) => loans[a]!.balance.comparedTo(loans[b]!.balance) || a - b);
  return idx;
}

interface State {
  balance: Decimal;
  left: number;
  done: boolean;
}

function simulate(strategy: Strategy, loans: readonly PlanLoan[], extra: Decimal, today: IsoDate) {
  const order = orderFor(strategy, loans);
  const states: State[] = loans.map((l) => ({ balance: l.balance, left: l.installmentsLeft, done: l.balance.lte(0) }));
  let interest = ZERO;
  let fees = ZERO;
  let paid = ZERO;
  const remaining: Decimal[] = [];
  // Penalty-bearing overdue first: paid in month one by every strategy, as when paying only the
  // schedules, so the extra goes on top of the same catch-up and every strategy is compared with
  // the schedules on equal terms (paid from the extra alone, the arrears would leave a strategy
  // owing more than the schedules after month one).
  let overdueLeft = loans.reduce((s, l) => s.plus(l.overdue), ZERO);
  let months = 0;
  while (states.some((s) => !s.done) || overdueLeft.gt(0)) {
    if (months >= HORIZON_MONTHS) return { order, interest, fees, paid, months: undefined, remaining };
    months++;
    let pool = strategy === 'schedule' ? ZERO : extra;
    if (overdueLeft.gt(0)) {
      fees = fees.plus(overdueLeft);
      paid = paid.plus(overdueLeft);
      overdueLeft = ZERO;
    }
    loans.forEach((loan, i) => {
      const s = states[i]!;
      if (s.done) {
        // Its freed payment rolls into the next target (the standard snowball/avalanche rule).
        if (strategy !== 'schedule') pool = pool.plus(loan.payment);
        return;
      }
      // Not due yet this month (its next installment falls later): nothing paid, nothing charged.
      if (months <= (loan.startsIn ?? 0)) return;
      const monthInterest = roundCents(s.balance.times(loan.monthlyRate));
      const fee = loan.feePerInstallment;
      const due = Decimal.min(loan.payment, s.balance.plus(monthInterest).plus(fee));
      const toPrincipal = Decimal.max(ZERO, due.minus(monthInterest).minus(fee));
      interest = interest.plus(monthInterest);
      fees = fees.plus(fee);
      paid = paid.plus(due);
      s.balance = s.balance.minus(toPrincipal);
      s.left--;
      if (s.balance.lte(0) || s.left <= 0) {
        s.done = true;
        if (s.balance.gt(0)) {
          paid = paid.plus(s.balance);
          s.balance = ZERO;
        }
        // Paid this month: the rest of this month's payment is not freed until next month.
      }
    });
    for (const i of order) {
      if (pool.lte(0)) break;
      const s = states[i]!;
      const loan = loans[i]!;
      if (s.done) continue;
      const percent = loan.prepayment.kind === 'percent-of-principal' ? loan.prepayment.percent.div(100) : ZERO;
      // Paying x early costs x × (1 + percent): the charge comes out of the same pool.
      const costToClear = roundCents(s.balance.times(percent.plus(1)));
      const remainingFees = loan.prepayment.kind === 'charge-remaining-fees' ? loan.feePerInstallment.times(s.left) : ZERO;
      if (pool.gte(costToClear.plus(remainingFees))) {
        pool = pool.minus(costToClear).minus(remainingFees);
        paid = paid.plus(costToClear).plus(remainingFees);
        fees = fees.plus(costToClear.minus(s.balance)).plus(remainingFees);
        s.balance = ZERO;
        s.done = true;
      } else {
        const principal = roundCents(pool.div(percent.plus(1)));
        paid = paid.plus(pool);
        fees = fees.plus(pool.minus(principal));
        s.balance = s.balance.minus(principal);
        pool = ZERO;
      }
    }
    remaining.push(states.reduce((sum, s) => sum.plus(s.balance), ZERO).plus(overdueLeft));
  }
  return { order, interest, fees, paid, months, remaining };
}

function monthStart(today: IsoDate, monthsAhead: number): IsoDate {
  const { y, m } = splitIsoDate(today);
  return addMonthsToParts(y, m, 1, monthsAhead);
}

/** Schedules only, avalanche and snowball, from `today` with `extra` a month on top of the schedules. */
export function debtPlan(loans: readonly PlanLoan[], extra: Decimal, today: IsoDate): StrategyResult[] {
  if (!extra.isFinite() || extra.lt(0)) throw new RangeError(`extra must be >= 0, got ${extra.toString()}`);
  const runs = (['schedule', 'avalanche', 'snowball'] as const).map((strategy) => ({
    strategy,
    run: simulate(strategy, loans, extra, today),
  }));
  const basePaid = runs[0]!.run.paid;
  return runs.map(({ strategy, run }) => ({
    strategy,
    months: run.months ?? HORIZON_MONTHS,
    // The last payment falls in month `months` counted from this one (month 1 = next month's dues).
    debtFree: run.months === undefined ? undefined : monthStart(today, Math.max(0, run.months - 1)),
    interest: run.interest,
    fees: run.fees,
    totalPaid: run.paid,
    saving: Decimal.max(ZERO, basePaid.minus(run.paid)),
    order: run.order.filter((i) => loans[i]!.balance.gt(0)).map((i) => loans[i]!.name),
    remaining: run.remaining,
  }));
}
