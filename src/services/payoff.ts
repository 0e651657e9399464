import type { IsoDate } from '../domain/calendar.ts';
import { scheduledPartsOrder } from '../domain/allocation-order.ts';
import { Decimal, ZERO } from '../domain/money.ts';
import { payoffQuote, type PayoffQuote } from '../domain/payoff.ts';
import type { Queryable } from '../db/client.ts';
import { findLoan, installmentsOfLoan, type LoanRow } from '../db/loans-repo.ts';
import { scheduleRowsOf } from './installment-rows.ts';
import { ledgerOf, ledgerRulesOf, loanToday } from './ledger.ts';
import { inputFromRow, prepaymentRuleForPayoff, termsFromInput } from './loan-shapes.ts';

export interface Payoff {
  loan: LoanRow;
  /** The lender's today: the day the quote is for. */
  today: IsoDate;
  quote: PayoffQuote;
  /** Penalty interest and late fees charged and still owed (the ledger's figure): owed on top. */
  penalty: Decimal;
  /** quote.amount + penalty: what settles everything today. */
  total: Decimal;
  /** What keeping the schedule would cost from here, the penalty owed included: the other total shown. */
  keepingSchedule: Decimal;
  /** keepingSchedule − total, never negative: the difference of the two totals shown. */
  saved: Decimal;
}

/** What settles the loan on its lender's today, from its stored schedule and its ledger, penalties included. */
export function payoffOf(q: Queryable, userId: number, loanId: number, now: Date, defaultTimeZone: string): Payoff | undefined {
  const loan = findLoan(q, userId, loanId);
  if (!loan) return undefined;
  const today = loanToday(loan, now, defaultTimeZone);
  const stored = installmentsOfLoan(q, userId, loanId);
  const rows = scheduleRowsOf(loan.principal, stored);
  const input = inputFromRow(loan);
  const rule = input.prepaymentRule;
  const quote = payoffQuote({
    terms: termsFromInput(input),
    rows,
    today,
    order: scheduledPartsOrder(ledgerRulesOf(loan).order),
    ...(rule && { prepaymentRule: prepaymentRuleForPayoff(rule) }),
  });
  const ledger = ledgerOf(q, loan, stored, today);
  const penalty = ledger.penaltyOwed.plus(ledger.lateFeeOwed);
  const total = quote.amount.plus(penalty);
  const keepingSchedule = quote.remainingScheduled.plus(penalty);
  return { loan, today, quote, penalty, total, keepingSchedule, saved: Decimal.max(ZERO, keepingSchedule.minus(total)) };
}
