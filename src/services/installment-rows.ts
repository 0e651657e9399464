import { Decimal } from '../domain/money.ts';
import type { ScheduleRow } from '../domain/schedule.ts';
import type { InstallmentRow } from '../db/loans-repo.ts';

export type PaidScheduleRow = ScheduleRow & { paid: Decimal };

/**
 * A loan's stored installments as the domain reads them (schedule rows with what was paid),
 * with the running balance recomputed from the principal: the one conversion from the
 * database's decimal strings, shared by APR, payoff and overdue evaluation.
 */
export function scheduleRowsOf(principal: string, rows: InstallmentRow[]): PaidScheduleRow[] {
  let balance = new Decimal(principal);
  return rows.map((row) => {
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
}

/** A user's installments (as read in one query) split by loan, keeping their order. */
export function groupByLoan(rows: InstallmentRow[]): Map<number, InstallmentRow[]> {
  const byLoan = new Map<number, InstallmentRow[]>();
  for (const row of rows) {
    const list = byLoan.get(row.loanId) ?? [];
    list.push(row);
    byLoan.set(row.loanId, list);
  }
  return byLoan;
}
