import { Decimal, ZERO, toMoneyString } from '../domain/money.ts';
import type { Queryable } from '../db/client.ts';
import { findLoan, installmentsOfLoan, insertPayment, markLoanSettled, setInstallmentCharges } from '../db/loans-repo.ts';
import { rebookLoan } from './ledger.ts';
import { refreshReminders } from './reminder-timetable.ts';
import { payoffOf } from './payoff.ts';
import { writeTransaction } from '../db/write-transaction.ts';

export type SettleResult =
  | { ok: true; amount: Decimal; name: string }
  | { ok: false; reason: 'no-such-loan' | 'nothing-owed' }
  | { ok: false; reason: 'quote-changed'; amount: Decimal };

/**
 * Records that the borrower paid the loan off today at the /payoff figure, and closes it for good.
 * Installments already due are paid as they stand, with the penalty they owe (it goes to the
 * ledger like any payment's); those not yet due are rewritten to what the payoff charged (their
 * principal, the interest accrued so far on the first one, the fees the loan's rule keeps), so
 * the schedule ends today and no reminder follows. The loan is marked settled: its terms no
 * longer change (replaceLoan). `expected` is the amount the borrower saw: if the quote has
 * changed since (a new day), nothing is written.
 */
export function settleLoan(
  q: Queryable,
  userId: number,
  loanId: number,
  now: Date,
  expected: Decimal,
  defaultTimeZone: string,
): SettleResult {
  return writeTransaction(q, (tx): SettleResult => {
    const payoff = payoffOf(tx, userId, loanId, now, defaultTimeZone);
    if (!payoff) return { ok: false, reason: 'no-such-loan' };
    if (payoff.total.lte(0)) return { ok: false, reason: 'nothing-owed' };
    if (!payoff.total.eq(expected)) return { ok: false, reason: 'quote-changed', amount: payoff.total };
    const { quote, today } = payoff;
    const future = installmentsOfLoan(tx, userId, loanId).filter((row) => row.dueDate > today && new Decimal(row.payment).gt(row.paid));
    // The payoff's interest and fees go on the first installment not yet due; the rest keep only principal.
    future.forEach((row, i) => {
      const interest = i === 0 ? quote.accruedInterest : ZERO;
      const fee = i === 0 ? quote.fees : ZERO;
      const payment = new Decimal(row.principal).plus(interest).plus(fee);
      setInstallmentCharges(tx, row.id, { interest: toMoneyString(interest), fee: toMoneyString(fee), payment: toMoneyString(payment) });
    });
    insertPayment(tx, { loanId, amount: toMoneyString(payoff.total), paidOn: today, source: 'payoff', createdAt: now.toISOString() });
    markLoanSettled(tx, userId, loanId, today);
    const loan = findLoan(tx, userId, loanId);
    if (loan) rebookLoan(tx, loan, installmentsOfLoan(tx, userId, loanId), today);
    refreshReminders(tx, userId, now, defaultTimeZone);
    return { ok: true, amount: payoff.total, name: payoff.loan.name };
  });
}
