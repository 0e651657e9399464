import { addMonthsToParts, splitIsoDate, type IsoDate } from '../domain/calendar.ts';
import { suggestedPayments } from '../domain/budget.ts';
import type { LoanLedger } from '../domain/loan-ledger.ts';
import { Decimal, ZERO, sumMoney } from '../domain/money.ts';
import { deferDueDates, proposePlan, type Plan } from '../domain/restructure.ts';
import type { Queryable } from '../db/client.ts';
import { findLoan, installmentsOfLoan, type LoanRow } from '../db/loans-repo.ts';
import { ledgerOf, loanToday } from './ledger.ts';
import { overdueRulesOf } from './overdue-rules.ts';

/*
 * The figures a hardship request proposes, from the loan engine, before anyone decides: what a
 * new plan would re-spread and cost, where a deferral would move the due dates, what monthly
 * payment the budget affords. hardship-apply.ts applies the same rules when a request is approved.
 */

/** The longest new plan proposed: five years, as card issuers' personalised installments (个性化分期) go. */
export const MAX_PLAN_MONTHS = 60;

/**
 * What a new plan re-spreads: the installments from the last one anybody paid into (exclusive)
 * to the end — their open principal, the interest and fees already due, and their penalty. An
 * installment already part-paid stays as it is. Undefined when nothing is left to re-spread.
 */
export function replanBase(ledger: LoanLedger, today: IsoDate): { fromN: number; amount: Decimal } | undefined {
  const entries = ledger.installments;
  const untouched = (entry: (typeof entries)[number]) => Object.values(entry.paid).every((part) => !part.gt(0));
  let from = entries.length;
  while (from > 0) {
    const entry = entries[from - 1];
    if (!entry || !untouched(entry) || !entry.owed.gt(0)) break;
    from -= 1;
  }
  const replaced = entries.slice(from);
  const first = replaced[0];
  if (!first) return undefined;
  const amount = sumMoney(
    replaced.map((entry) =>
      entry.open.principal
        .plus(entry.due <= today ? entry.open.interest.plus(entry.open.fee) : ZERO)
        .plus(entry.penaltyOwed)
        .plus(entry.lateFeeOwed),
    ),
  );
  return amount.gt(0) ? { fromN: first.n, amount } : undefined;
}

/** The plan's interest: the contract's annual rate, by the month. */
export function planMonthlyRate(loan: LoanRow): Decimal {
  return overdueRulesOf(loan).annualRate.dividedBy(12).toDecimalPlaces(10);
}

/** The plan's first due date: the loan's due day in the month after today (at least a few weeks out). */
export function planFirstDue(loan: LoanRow, today: IsoDate): IsoDate {
  const { y, m } = splitIsoDate(today);
  const day = loan.dueDay ?? splitIsoDate(loan.firstDue).d;
  return addMonthsToParts(y, m, day, 1);
}

export interface PlanPreview {
  loanId: number;
  name: string;
  amount: Decimal;
  monthlyRate: Decimal;
  firstDue: IsoDate;
  plan: Plan;
}

interface LoanState {
  loan: LoanRow;
  today: IsoDate;
  ledger: LoanLedger;
}

function loanStates(q: Queryable, userId: number, loanIds: readonly number[], now: Date, defaultTimeZone: string): LoanState[] {
  return loanIds.flatMap((loanId) => {
    const loan = findLoan(q, userId, loanId);
    if (!loan) return [];
    const today = loanToday(loan, now, defaultTimeZone);
    return [{ loan, today, ledger: ledgerOf(q, loan, installmentsOfLoan(q, userId, loanId), today) }];
  });
}

/** The regular installment a loan asks for: its next one not yet due, else its largest open one. */
function scheduledPayment(state: LoanState): Decimal {
  const upcoming = state.ledger.installments.find((entry) => entry.daysPastDue === 0 && entry.open.total.gt(0));
  if (upcoming) return upcoming.open.total;
  return state.ledger.installments.reduce((most, entry) => Decimal.max(most, entry.open.total), ZERO);
}

/** An affordable monthly payment per loan from the disposable income (pro rata by what is owed). */
export function affordableOffers(
  q: Queryable,
  userId: number,
  loanIds: readonly number[],
  disposable: Decimal,
  now: Date,
  defaultTimeZone: string,
): Map<number, Decimal> {
  const states = loanStates(q, userId, loanIds, now, defaultTimeZone);
  return suggestedPayments(
    disposable,
    states.map((state) => ({ id: state.loan.id, owed: state.ledger.totalOwed, scheduled: scheduledPayment(state) })),
  );
}

/**
 * New plans for the loans, for a monthly payment the borrower can make in all: shared between the
 * loans pro rata by what each re-spreads; each plan the shortest term that fits its share (up to
 * MAX_PLAN_MONTHS), flagged when none does or when the share would never repay.
 */
export function previewPlans(
  q: Queryable,
  userId: number,
  loanIds: readonly number[],
  monthly: Decimal,
  now: Date,
  defaultTimeZone: string,
): PlanPreview[] {
  const bases = loanStates(q, userId, loanIds, now, defaultTimeZone).flatMap((state) => {
    const base = replanBase(state.ledger, state.today);
    return base ? [{ state, base }] : [];
  });
  const total = sumMoney(bases.map(({ base }) => base.amount));
  return bases.map(({ state, base }) => {
    const share = total.gt(0) ? monthly.times(base.amount).dividedBy(total).toDecimalPlaces(2, Decimal.ROUND_DOWN) : ZERO;
    const monthlyRate = planMonthlyRate(state.loan);
    const firstDue = planFirstDue(state.loan, state.today);
    const plan = proposePlan({ amount: base.amount, monthlyRate, firstDue, targetPayment: share, maxMonths: MAX_PLAN_MONTHS });
    return { loanId: state.loan.id, name: state.loan.name, amount: base.amount, monthlyRate, firstDue, plan };
  });
}

export interface DeferralPreview {
  loanId: number;
  name: string;
  /** The first installment that moves: its number, due date before and after. */
  first?: { n: number; from: IsoDate; to: IsoDate };
  /** How many installments move. */
  moved: number;
}

/** Where a deferral of `months` would move each loan's installments (from the first one still owing). */
export function previewDeferral(
  q: Queryable,
  userId: number,
  loanIds: readonly number[],
  months: number,
  now: Date,
  defaultTimeZone: string,
): DeferralPreview[] {
  return loanStates(q, userId, loanIds, now, defaultTimeZone).map(({ loan, ledger }) => {
    const firstOwing = ledger.installments.find((entry) => entry.open.total.gt(0));
    if (!firstOwing) return { loanId: loan.id, name: loan.name, moved: 0 };
    const rows = ledger.installments.map((entry) => ({ n: entry.n, dueDate: entry.due }));
    const moved = deferDueDates(rows, firstOwing.n, months, loan.dueDay ?? splitIsoDate(loan.firstDue).d);
    const to = moved.find((row) => row.n === firstOwing.n)?.dueDate ?? firstOwing.due;
    return {
      loanId: loan.id,
      name: loan.name,
      first: { n: firstOwing.n, from: firstOwing.due, to },
      moved: rows.filter((row) => row.n >= firstOwing.n).length,
    };
  });
}
