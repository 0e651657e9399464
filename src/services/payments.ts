import type { IsoDate } from '../domain/calendar.ts';
import { Decimal, ZERO, toMoneyString } from '../domain/money.ts';
import { allocatePayment } from '../domain/payments.ts';
import type { Queryable } from '../db/client.ts';
import { refreshReminders } from './reminder-timetable.ts';
import {
  allocationsOf,
  deletePayment,
  findLoan,
  installmentsByIds,
  installmentsOfLoan,
  insertAllocations,
  insertPayment,
  lastUserPayment,
  setInstallmentPaid,
  type InstallmentRow,
  type PaymentRow,
} from '../db/loans-repo.ts';

/**
 * Spreads a payment over a loan's installments, oldest due first, and writes it with its
 * allocations. `existingPaymentId` re-applies a payment already stored (after an edit rebuilt
 * the schedule). Returns the installments as they are afterwards.
 */
export function applyPayment(
  q: Queryable,
  loanId: number,
  installments: InstallmentRow[],
  amount: Decimal,
  paidOn: IsoDate,
  source: string,
  now: Date,
  existingPaymentId?: number,
): { installments: InstallmentRow[]; applied: { n: number; amount: Decimal }[]; leftover: Decimal } {
  const ordered = [...installments].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.n - b.n);
  const { applied, leftover } = allocatePayment(
    ordered.map((row) => ({ n: row.n, due: row.dueDate, payment: new Decimal(row.payment), paid: new Decimal(row.paid) })),
    amount,
  );
  const byN = new Map(ordered.map((row) => [row.n, row]));
  const updated = new Map<number, string>();
  const allocations = applied.map(({ n, amount: part }) => {
    const row = byN.get(n) as InstallmentRow;
    const newPaid = toMoneyString(new Decimal(row.paid).plus(part));
    updated.set(row.id, newPaid);
    return { installmentId: row.id, amount: toMoneyString(part), newPaid };
  });
  if (existingPaymentId === undefined) {
    insertPayment(q, { loanId, amount: toMoneyString(amount), paidOn, source, createdAt: now.toISOString() }, allocations);
  } else {
    insertAllocations(q, existingPaymentId, allocations);
  }
  return {
    installments: installments.map((row) => (updated.has(row.id) ? { ...row, paid: updated.get(row.id) as string } : row)),
    applied,
    leftover,
  };
}

export type RecordPaymentResult =
  | { ok: true; applied: { n: number; amount: Decimal }[]; stillOpen: Decimal }
  | { ok: false; reason: 'no-such-loan' | 'nothing-owed' }
  | { ok: false; reason: 'more-than-owed'; owed: Decimal };

/** Records a payment the borrower made. More than everything still owed is refused, not silently kept. */
export function recordPayment(
  q: Queryable,
  userId: number,
  loanId: number,
  amount: Decimal,
  paidOn: IsoDate,
  now: Date,
): RecordPaymentResult {
  return q.transaction((tx): RecordPaymentResult => {
    if (!findLoan(tx, userId, loanId)) return { ok: false, reason: 'no-such-loan' };
    const installments = installmentsOfLoan(tx, userId, loanId);
    const owed = installments.reduce((sum, row) => sum.plus(row.payment).minus(row.paid), ZERO);
    if (owed.lte(0)) return { ok: false, reason: 'nothing-owed' };
    if (amount.gt(owed)) return { ok: false, reason: 'more-than-owed', owed };
    const applied = applyPayment(tx, loanId, installments, amount, paidOn, 'user', now);
    // A paid installment gets no more reminders.
    refreshReminders(tx, userId, now);
    return { ok: true, applied: applied.applied, stillOpen: owed.minus(amount) };
  });
}

export function lastPayment(q: Queryable, userId: number): (PaymentRow & { loanName: string }) | undefined {
  return lastUserPayment(q, userId);
}

/** Takes back the user's last recorded payment exactly: each installment loses what that payment gave it. */
export function undoLastPayment(
  q: Queryable,
  userId: number,
  paymentId: number,
  now: Date,
): (PaymentRow & { loanName: string }) | undefined {
  const last = lastUserPayment(q, userId);
  // Only the newest payment can be undone, so an old "Undo" button cannot reach further back;
  // a payoff rewrote the schedule and is not undone this way (/editloan corrects a loan).
  if (!last || last.id !== paymentId || last.source === 'payoff') return undefined;
  q.transaction((tx) => {
    const allocations = allocationsOf(tx, last.id);
    const rows = new Map(
      installmentsByIds(
        tx,
        allocations.map((a) => a.installmentId),
      ).map((row) => [row.id, row]),
    );
    for (const allocation of allocations) {
      const row = rows.get(allocation.installmentId);
      if (row) setInstallmentPaid(tx, row.id, toMoneyString(new Decimal(row.paid).minus(allocation.amount)));
    }
    deletePayment(tx, last.id);
    // Reopened installments get their reminders back.
    refreshReminders(tx, userId, now);
  });
  return last;
}
