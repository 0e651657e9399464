import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Queryable } from './client.ts';
import { prepared } from './prepared.ts';
import { installments, paymentAllocations, payments, penaltyEntries } from './schema.ts';
import { tableRows } from './table-rows.ts';

export type PenaltyEntryRow = typeof penaltyEntries.$inferSelect;
export type NewPenaltyEntryRow = typeof penaltyEntries.$inferInsert;
export type PaymentRowOfLoan = typeof payments.$inferSelect;

/*
 * The ledger's rows of one loan. The services call these with a loan id they have just read
 * under the user's id (findLoan), so no query here needs the user again.
 */

export function penaltyEntriesOfLoan(q: Queryable, loanId: number): PenaltyEntryRow[] {
  const statement = prepared(q, 'penaltyEntriesOfLoan', (p) =>
    p
      .select(getTableColumns(penaltyEntries))
      .from(penaltyEntries)
      .where(eq(penaltyEntries.loanId, sql.placeholder('loanId')))
      .orderBy(asc(penaltyEntries.id))
      .prepare(),
  );
  return tableRows(penaltyEntries, statement.values({ loanId }) as unknown[][]);
}

export function insertPenaltyEntry(q: Queryable, entry: NewPenaltyEntryRow): PenaltyEntryRow {
  return q.insert(penaltyEntries).values(entry).returning().get();
}

/** A loan's payments, oldest paid first (ties in the order they were recorded). */
export function paymentsByLoanId(q: Queryable, loanId: number): PaymentRowOfLoan[] {
  const statement = prepared(q, 'paymentsByLoanId', (p) =>
    p
      .select(getTableColumns(payments))
      .from(payments)
      .where(eq(payments.loanId, sql.placeholder('loanId')))
      .orderBy(asc(payments.paidOn), asc(payments.id))
      .prepare(),
  );
  return tableRows(payments, statement.values({ loanId }) as unknown[][]);
}

/** Replaces how the given payments were spread. */
export function replaceAllocations(
  q: Queryable,
  paymentIds: number[],
  allocations: { paymentId: number; installmentId: number; amount: string; penalty: string; lateFee: string }[],
): void {
  if (paymentIds.length > 0) q.delete(paymentAllocations).where(inArray(paymentAllocations.paymentId, paymentIds)).run();
  for (const allocation of allocations) q.insert(paymentAllocations).values(allocation).run();
}

export function setInstallmentLedger(
  q: Queryable,
  loanId: number,
  installmentId: number,
  values: { paid: string; penaltyOpen: string },
): void {
  q.update(installments)
    .set(values)
    .where(and(eq(installments.id, installmentId), eq(installments.loanId, loanId)))
    .run();
}
