import type { IsoDate } from '../domain/calendar.ts';
import { Decimal, ZERO, toMoneyString } from '../domain/money.ts';
import type { Queryable } from '../db/client.ts';
import { installmentsOfLoan, insertPayment, setInstallmentCharges, type InstallmentRow } from '../db/loans-repo.ts';
import { refreshReminders } from './reminder-timetable.ts';
import { payoffOf } from './payoff.ts';

export type SettleResult =
  | { ok: true; amount: Decimal; name: string }
  | { ok: false; reason: 'no-such-loan' | 'nothing-owed' }
  | { ok: false; reason: 'quote-changed'; amount: Decimal };

/**
 * Records that the borrower paid the loan off today at the /payoff figure, and closes it.
 * Installments already due are paid as they stand; those not yet due are rewritten to what the
 * payoff charged (their principal, the interest accrued so far on the first one, the fees the
 * loan's rule keeps), so the schedule ends today and no reminder follows. `expected` is the
 * amount the borrower saw: if the quote has changed since (a new day), nothing is written.
 */
export function settleLoan(q: Queryable, userId: number, loanId: number, today: IsoDate, now: Date, expected: Decimal): SettleResult {
  return q.transaction((tx): SettleResult => {
    const payoff = payoffOf(tx, userId, loanId, today);
    if (!payoff) return { ok: false, reason: 'no-such-loan' };
    if (payoff.total.lte(0)) return { ok: false, reason: 'nothing-owed' };
    if (!payoff.total.eq(expected)) return { ok: false, reason: 'quote-changed', amount: payoff.total };
    const { quote } = payoff;
    const open = installmentsOfLoan(tx, userId, loanId).filter((row) => new Decimal(row.payment).gt(row.paid));
    const future = open.filter((row) => row.dueDate > today);
    // The payoff's interest and fees go on the first installment not yet due; the rest keep only principal.
    const allocations = open.map((row: InstallmentRow) => {
      let payment = new Decimal(row.payment);
      const firstFuture = future[0]?.id === row.id;
      if (future.some((f) => f.id === row.id)) {
        const interest = firstFuture ? quote.accruedInterest : ZERO;
        const fee = firstFuture ? quote.fees : ZERO;
        payment = new Decimal(row.principal).plus(interest).plus(fee);
        setInstallmentCharges(tx, row.id, { interest: toMoneyString(interest), fee: toMoneyString(fee), payment: toMoneyString(payment) });
      }
      return { installmentId: row.id, amount: toMoneyString(payment.minus(row.paid)), newPaid: toMoneyString(payment) };
    });
    insertPayment(
      tx,
      { loanId, amount: toMoneyString(payoff.total), paidOn: today, source: 'payoff', createdAt: now.toISOString() },
      allocations,
    );
    refreshReminders(tx, userId, now);
    return { ok: true, amount: payoff.total, name: payoff.loan.name };
  });
}
