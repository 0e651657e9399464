import type { IsoDate } from '../domain/calendar.ts';
import type { Decimal } from '../domain/money.ts';
import { payoffQuote, type PayoffQuote } from '../domain/payoff.ts';
import type { Queryable } from '../db/client.ts';
import { findLoan, installmentsOfLoan, type LoanRow } from '../db/loans-repo.ts';
import { evaluateLoan } from '../domain/overdue.ts';
import { scheduleRowsOf } from './installment-rows.ts';
import { inputFromRow, prepaymentRuleForPayoff, termsFromInput } from './loan-shapes.ts';
import { overdueRulesOf } from './overdue.ts';

export interface Payoff {
  loan: LoanRow;
  quote: PayoffQuote;
  /** Penalty interest and late fees accrued on overdue installments (typical rules): owed on top. */
  penalty: Decimal;
  /** quote.amount + penalty: what settles everything today. */
  total: Decimal;
}

/** What settles the loan today, from its stored schedule and what has been paid, penalties included. */
export function payoffOf(q: Queryable, userId: number, loanId: number, today: IsoDate): Payoff | undefined {
  const loan = findLoan(q, userId, loanId);
  if (!loan) return undefined;
  const rows = scheduleRowsOf(loan.principal, installmentsOfLoan(q, userId, loanId));
  const input = inputFromRow(loan);
  const rule = input.prepaymentRule;
  const quote = payoffQuote({
    terms: termsFromInput(input),
    rows,
    today,
    ...(rule && { prepaymentRule: prepaymentRuleForPayoff(rule) }),
  });
  const { annualRate, policy } = overdueRulesOf(loan);
  const overdue = evaluateLoan(
    rows.filter((row) => row.payment.gt(row.paid)),
    annualRate,
    policy,
    today,
  );
  const penalty = overdue.totalPenalty.plus(overdue.totalLateFee);
  return { loan, quote, penalty, total: quote.amount.plus(penalty) };
}
