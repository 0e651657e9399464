import { allocationOrderOf } from '../domain/allocation-order.ts';
import { todayIn, type IsoDate } from '../domain/calendar.ts';
import { replayLedger, type LedgerAdjustment, type LedgerRules, type LoanLedger } from '../domain/loan-ledger.ts';
import { Decimal, toMoneyString } from '../domain/money.ts';
import type { Queryable } from '../db/client.ts';
import {
  paymentsByLoanId,
  penaltyEntriesOfLoan,
  replaceAllocations,
  setInstallmentLedger,
  type PenaltyEntryRow,
} from '../db/ledger-repo.ts';
import { installmentsOfLoan, type InstallmentRow, type LoanRow } from '../db/loans-repo.ts';
import { overdueRulesOf } from './overdue-rules.ts';

/*
 * The loan ledger as stored: the dated payments, how each was spread (with the part that paid
 * penalty and late fee), and what the lender said (penalty_entries). The domain's replayLedger
 * is the one rule; every write that changes a loan's money (a payment, an undo, an edit, a
 * payoff, a lender figure) re-books the loan through `rebookLoan`, and every screen reads the
 * figures through `ledgerOf`.
 */

/**
 * The zone a loan's due dates are dates in: its lender's, else `fallback` (the bot's
 * DEFAULT_TIMEZONE; a reminder pass built without one passes the borrower's zone).
 */
export function lenderZoneOf(loan: { lenderTimeZone: string | null }, fallback: string): string {
  return loan.lenderTimeZone ?? fallback;
}

/** The day a loan's due dates are counted in: the lender's, whoever is reading. */
export function loanToday(loan: LoanRow, now: Date, defaultTimeZone: string): IsoDate {
  return todayIn(lenderZoneOf(loan, defaultTimeZone), now);
}

export function ledgerRulesOf(loan: LoanRow): LedgerRules {
  return { ...overdueRulesOf(loan), order: allocationOrderOf(loan.allocationOrder) };
}

function adjustmentsOf(rows: PenaltyEntryRow[]): LedgerAdjustment[] {
  return rows.map((row) =>
    row.kind === 'waived'
      ? { n: row.n, on: row.on, kind: 'waived' as const }
      : { n: row.n, on: row.on, kind: row.kind, amount: new Decimal(row.amount ?? '0') },
  );
}

/** The loan's ledger as of `asOf`, from its stored rows. `rows` are the loan's installments (already read). */
export function ledgerOf(q: Queryable, loan: LoanRow, rows: InstallmentRow[], asOf: IsoDate): LoanLedger {
  return replayLedger(
    rows.map((row) => ({
      n: row.n,
      due: row.dueDate,
      principal: new Decimal(row.principal),
      interest: new Decimal(row.interest),
      fee: new Decimal(row.fee),
    })),
    paymentsByLoanId(q, loan.id).map((p) => ({ id: p.id, on: p.paidOn, amount: new Decimal(p.amount) })),
    adjustmentsOf(penaltyEntriesOfLoan(q, loan.id)),
    ledgerRulesOf(loan),
    asOf,
  );
}

/** The loan's ledger on its lender's today, reading its installments. */
export function ledgerOfLoanToday(q: Queryable, loan: LoanRow, now: Date, defaultTimeZone: string): LoanLedger {
  return ledgerOf(q, loan, installmentsOfLoan(q, loan.userId, loan.id), loanToday(loan, now, defaultTimeZone));
}

/**
 * Books the loan's ledger as of `asOf`: each payment's allocations are written again as the
 * replay spreads them, and each installment's paid total and penalty still open. Run inside the
 * transaction that changed the loan's payments, schedule or penalty entries, after the change.
 */
export function rebookLoan(q: Queryable, loan: LoanRow, rows: InstallmentRow[], asOf: IsoDate): LoanLedger {
  const ledger = ledgerOf(q, loan, rows, asOf);
  const rowByN = new Map(rows.map((row) => [row.n, row]));
  replaceAllocations(
    q,
    paymentsByLoanId(q, loan.id).map((p) => p.id),
    ledger.allocations.flatMap((allocation) => {
      const row = rowByN.get(allocation.n);
      if (!row) return [];
      return [
        {
          paymentId: allocation.paymentId,
          installmentId: row.id,
          amount: toMoneyString(allocation.amount),
          penalty: toMoneyString(allocation.parts.penalty),
          lateFee: toMoneyString(allocation.parts['late-fee']),
        },
      ];
    }),
  );
  for (const entry of ledger.installments) {
    const row = rowByN.get(entry.n);
    if (!row) continue;
    const paid = toMoneyString(entry.paid.principal.plus(entry.paid.interest).plus(entry.paid.fee));
    const penaltyOpen = toMoneyString(entry.penaltyOwed.plus(entry.lateFeeOwed));
    if (paid !== row.paid || penaltyOpen !== row.penaltyOpen) setInstallmentLedger(q, loan.id, row.id, { paid, penaltyOpen });
  }
  return ledger;
}
