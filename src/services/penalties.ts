import type { IsoDate } from '../domain/calendar.ts';
import { Decimal } from '../domain/money.ts';
import type { Queryable } from '../db/client.ts';
import { insertPenaltyEntry } from '../db/ledger-repo.ts';
import { findLoan, installmentsOfLoan } from '../db/loans-repo.ts';
import { ledgerOf, loanToday, rebookLoan } from './ledger.ts';
import { refreshReminders } from './reminder-timetable.ts';
import { writeTransaction } from '../db/write-transaction.ts';

/** What the lender said about an installment's penalty: its own figure, or that it waived it. */
export type LenderPenaltyWord = { kind: 'charged'; amount: Decimal } | { kind: 'waived' };

export type LenderPenaltyResult =
  | { ok: true; on: IsoDate; penaltyOwed: Decimal; loanOwed: Decimal }
  | { ok: false; reason: 'no-such-loan' | 'not-past-due' | 'nothing-to-waive' }
  | { ok: false; reason: 'more-than-loan'; principal: Decimal }
  | { ok: false; reason: 'less-than-paid'; paid: Decimal };

/**
 * Records the lender's actual penalty figure for installment n (replacing the estimate as of the
 * lender's today) or its waiver, and books the loan again. The hardship review's approved waiver
 * goes through here too, with source 'operator'. Refused, with nothing written: an installment
 * not past its due date, a figure above the whole loan (a typo, not a penalty), a figure below
 * what was already paid towards its penalty, a waiver with nothing charged to waive.
 */
export function recordLenderPenalty(
  q: Queryable,
  userId: number,
  loanId: number,
  n: number,
  word: LenderPenaltyWord,
  source: 'user' | 'operator',
  now: Date,
  defaultTimeZone: string,
): LenderPenaltyResult {
  return writeTransaction(q, (tx): LenderPenaltyResult => {
    const loan = findLoan(tx, userId, loanId);
    if (!loan) return { ok: false, reason: 'no-such-loan' };
    const today = loanToday(loan, now, defaultTimeZone);
    const rows = installmentsOfLoan(tx, userId, loanId);
    const entry = ledgerOf(tx, loan, rows, today).installments.find((i) => i.n === n);
    if (!entry || entry.daysPastDue <= 0) return { ok: false, reason: 'not-past-due' };
    if (word.kind === 'charged') {
      const principal = new Decimal(loan.principal);
      if (word.amount.gt(principal)) return { ok: false, reason: 'more-than-loan', principal };
      const paid = entry.paid.penalty.plus(entry.paid['late-fee']);
      if (word.amount.lt(paid)) return { ok: false, reason: 'less-than-paid', paid };
    } else if (!entry.penaltyOwed.plus(entry.lateFeeOwed).gt(0)) {
      return { ok: false, reason: 'nothing-to-waive' };
    }
    insertPenaltyEntry(tx, {
      loanId,
      n,
      kind: word.kind,
      amount: word.kind === 'charged' ? word.amount.toFixed(2) : null,
      on: today,
      source,
      createdAt: now.toISOString(),
    });
    const after = rebookLoan(tx, loan, rows, today);
    refreshReminders(tx, userId, now, defaultTimeZone);
    const updated = after.installments.find((i) => i.n === n);
    return {
      ok: true,
      on: today,
      penaltyOwed: updated ? updated.penaltyOwed.plus(updated.lateFeeOwed) : new Decimal(0),
      loanOwed: after.totalOwed,
    };
  });
}
