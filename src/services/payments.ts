import { addMonthsClamped, todayIn, type IsoDate } from '../domain/calendar.ts';
import { type Decimal, toMoneyString } from '../domain/money.ts';
import type { Queryable } from '../db/client.ts';
import {
  deletePayment,
  findLoan,
  installmentsOfLoan,
  insertPayment,
  lastUserPayment,
  type LoanRow,
  type PaymentRow,
} from '../db/loans-repo.ts';
import { refreshReminders } from './reminder-timetable.ts';
import { ledgerOf, lenderZoneOf, loanToday, rebookLoan } from './ledger.ts';
import { keepPromiseIfPaid } from './promises.ts';
import { writeTransaction } from '../db/write-transaction.ts';

export type RecordPaymentResult =
  | {
      ok: true;
      /** How the payment was spread: per installment, and the part of it that paid penalty and late fee. */
      applied: { n: number; amount: Decimal; penalty: Decimal }[];
      /** Everything still owed on the loan afterwards, penalty included. */
      stillOpen: Decimal;
      /** The part of stillOpen that is penalty interest and late fees. */
      penaltyOpen: Decimal;
    }
  | { ok: false; reason: 'no-such-loan' | 'nothing-owed' }
  | { ok: false; reason: 'date-in-future'; today: IsoDate }
  | { ok: false; reason: 'date-before-loan'; start: IsoDate }
  | { ok: false; reason: 'more-than-owed'; owed: Decimal };

/**
 * The first day a payment towards the loan can have been made. With the day the money was
 * received (startDate) that day. Without it the start is not known, only that it was at the
 * latest a regular period before the first due date or the day the loan was added, whichever
 * is earlier; people add a loan days or weeks after taking it, and a first period can be long,
 * so a month before that is still taken as possible. Earlier dates are typos (a wrong year).
 */
export function earliestPaymentDate(loan: LoanRow, defaultTimeZone: string): IsoDate {
  if (loan.startDate) return loan.startDate;
  // The day it was added, on the lender's calendar like every date of the loan.
  const added = todayIn(lenderZoneOf(loan, defaultTimeZone), new Date(loan.createdAt));
  const firstPeriodStart = addMonthsClamped(loan.firstDue, -1);
  // biome-ignore lint/complexity/useMathMinMax: ISO dates are strings; Math.min would make them NaN.
  return addMonthsClamped(added < firstPeriodStart ? added : firstPeriodStart, -1);
}

class PaymentRefused extends Error {
  constructor(readonly owed: Decimal) {
    super('payment exceeds what is owed');
  }
}

/**
 * Records a payment the borrower made on `paidOn`, and books the loan's ledger again: the
 * payment goes to penalty, fees, interest and principal in the loan's order, oldest installment
 * first. More than everything owed on that day is refused, not silently kept; a date after the
 * lender's today or before the loan began is refused.
 */
export function recordPayment(
  q: Queryable,
  userId: number,
  loanId: number,
  amount: Decimal,
  paidOn: IsoDate,
  now: Date,
  defaultTimeZone: string,
): RecordPaymentResult {
  try {
    return writeTransaction(q, (tx): RecordPaymentResult => {
      const loan = findLoan(tx, userId, loanId);
      if (!loan) return { ok: false, reason: 'no-such-loan' };
      const today = loanToday(loan, now, defaultTimeZone);
      if (paidOn > today) return { ok: false, reason: 'date-in-future', today };
      const start = earliestPaymentDate(loan, defaultTimeZone);
      if (paidOn < start) return { ok: false, reason: 'date-before-loan', start };
      const rows = installmentsOfLoan(tx, userId, loanId);
      const before = ledgerOf(tx, loan, rows, today);
      if (before.totalOwed.lte(0)) return { ok: false, reason: 'nothing-owed' };
      const payment = insertPayment(tx, { loanId, amount: toMoneyString(amount), paidOn, source: 'user', createdAt: now.toISOString() });
      const after = rebookLoan(tx, loan, rows, today);
      // More than was owed: nothing is written (the transaction rolls back), and the reply says what is owed today.
      if (after.leftovers.length > 0) throw new PaymentRefused(before.totalOwed);
      // A paid installment gets no more reminders.
      refreshReminders(tx, userId, now, defaultTimeZone);
      // A promise to pay on the loan is kept once the payments since it reach its amount.
      keepPromiseIfPaid(tx, userId, loanId, now);
      return {
        ok: true,
        applied: after.allocations
          .filter((a) => a.paymentId === payment.id)
          .map((a) => ({ n: a.n, amount: a.amount, penalty: a.parts.penalty.plus(a.parts['late-fee']) })),
        stillOpen: after.totalOwed,
        penaltyOpen: after.penaltyOwed.plus(after.lateFeeOwed),
      };
    });
  } catch (error) {
    if (error instanceof PaymentRefused) return { ok: false, reason: 'more-than-owed', owed: error.owed };
    throw error;
  }
}

export function lastPayment(q: Queryable, userId: number): (PaymentRow & { loanName: string }) | undefined {
  return lastUserPayment(q, userId);
}

/** Takes back the user's last recorded payment exactly: the loan's ledger is booked again without it. */
export function undoLastPayment(
  q: Queryable,
  userId: number,
  paymentId: number,
  now: Date,
  defaultTimeZone: string,
): (PaymentRow & { loanName: string }) | undefined {
  // The check and the delete in one transaction: no payment can slip in between them.
  return writeTransaction(q, (tx) => {
    const last = lastUserPayment(tx, userId);
    // Only the newest payment can be undone, so an old "Undo" button cannot reach further back;
    // a payoff rewrote the schedule and is not undone this way (/editloan corrects a loan).
    if (!last || last.id !== paymentId || last.source === 'payoff') return undefined;
    deletePayment(tx, last.id);
    const loan = findLoan(tx, userId, last.loanId);
    if (loan) rebookLoan(tx, loan, installmentsOfLoan(tx, userId, loan.id), loanToday(loan, now, defaultTimeZone));
    // Reopened installments get their reminders back.
    refreshReminders(tx, userId, now, defaultTimeZone);
    return last;
  });
}
