import type { IsoDate } from '../domain/calendar.ts';
import { Decimal } from '../domain/money.ts';
import { payoffQuote, type PayoffQuote } from '../domain/payoff.ts';
import type { Db } from '../db/client.ts';
import { findLoan, installmentsOfLoan, type LoanRow } from '../db/loans-repo.ts';
import { inputOf, termsOf } from './loans.ts';

/** What settles the loan today, from its stored schedule and what has been paid. */
export function payoffOf(db: Db, userId: number, loanId: number, today: IsoDate): { loan: LoanRow; quote: PayoffQuote } | undefined {
  const loan = findLoan(db, userId, loanId);
  if (!loan) return undefined;
  let balance = new Decimal(loan.principal);
  const rows = installmentsOfLoan(db, userId, loanId).map((row) => {
    balance = balance.minus(row.principal);
    return {
      n: row.n,
      due: row.dueDate,
      principal: new Decimal(row.principal),
      interest: new Decimal(row.interest),
      fee: new Decimal(row.fee),
      payment: new Decimal(row.payment),
      balance,
      paid: new Decimal(row.paid),
    };
  });
  return { loan, quote: payoffQuote({ terms: termsOf(inputOf(loan)), rows, today }) };
}
