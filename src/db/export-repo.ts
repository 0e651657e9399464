import { asc, eq } from 'drizzle-orm';
import type { Queryable } from './client.ts';
import {
  auditLog,
  hardshipNotes,
  hardshipRequests,
  installments,
  loans,
  paymentAllocations,
  paymentPromises,
  payments,
  penaltyEntries,
  users,
} from './schema.ts';

/*
 * Everything stored about one user, for /export and `repaybot export`. Every query here is
 * filtered by the user id: a table without a user_id column is reached through the user's loans
 * (installments, payments, allocations, penalty entries) or requests (notes), joined, so a row of
 * another user can never come back.
 */

export type UserRow = typeof users.$inferSelect;
export type ExportLoanRow = typeof loans.$inferSelect;
export type ExportInstallmentRow = typeof installments.$inferSelect;
export type ExportPaymentRow = typeof payments.$inferSelect;
export type ExportAllocationRow = typeof paymentAllocations.$inferSelect & { paymentLoanId: number; installmentN: number };
export type ExportPenaltyEntryRow = typeof penaltyEntries.$inferSelect;
export type ExportRequestRow = typeof hardshipRequests.$inferSelect;
export type ExportNoteRow = typeof hardshipNotes.$inferSelect;
export type ExportPromiseRow = typeof paymentPromises.$inferSelect;
export type ExportAuditRow = typeof auditLog.$inferSelect;

export interface UserDataRows {
  user: UserRow;
  loans: ExportLoanRow[];
  installments: ExportInstallmentRow[];
  payments: ExportPaymentRow[];
  allocations: ExportAllocationRow[];
  penaltyEntries: ExportPenaltyEntryRow[];
  requests: ExportRequestRow[];
  notes: ExportNoteRow[];
  promises: ExportPromiseRow[];
  audit: ExportAuditRow[];
}

/** Every row of the user's own, oldest first in each table; undefined when there is no such user. */
export function userDataRows(q: Queryable, userId: number): UserDataRows | undefined {
  const user = q.select().from(users).where(eq(users.id, userId)).get();
  if (!user) return undefined;
  const ownLoans = q.select().from(loans).where(eq(loans.userId, userId)).orderBy(asc(loans.id)).all();
  const ownInstallments = q
    .select({ row: installments })
    .from(installments)
    .innerJoin(loans, eq(installments.loanId, loans.id))
    .where(eq(loans.userId, userId))
    .orderBy(asc(installments.loanId), asc(installments.n))
    .all()
    .map(({ row }) => row);
  const ownPayments = q
    .select({ row: payments })
    .from(payments)
    .innerJoin(loans, eq(payments.loanId, loans.id))
    .where(eq(loans.userId, userId))
    .orderBy(asc(payments.loanId), asc(payments.paidOn), asc(payments.id))
    .all()
    .map(({ row }) => row);
  const ownAllocations = q
    .select({ row: paymentAllocations, paymentLoanId: payments.loanId, installmentN: installments.n })
    .from(paymentAllocations)
    .innerJoin(payments, eq(paymentAllocations.paymentId, payments.id))
    .innerJoin(loans, eq(payments.loanId, loans.id))
    .innerJoin(installments, eq(paymentAllocations.installmentId, installments.id))
    .where(eq(loans.userId, userId))
    .orderBy(asc(paymentAllocations.paymentId), asc(paymentAllocations.id))
    .all()
    .map(({ row, paymentLoanId, installmentN }) => ({ ...row, paymentLoanId, installmentN }));
  const ownPenaltyEntries = q
    .select({ row: penaltyEntries })
    .from(penaltyEntries)
    .innerJoin(loans, eq(penaltyEntries.loanId, loans.id))
    .where(eq(loans.userId, userId))
    .orderBy(asc(penaltyEntries.loanId), asc(penaltyEntries.id))
    .all()
    .map(({ row }) => row);
  const ownRequests = q.select().from(hardshipRequests).where(eq(hardshipRequests.userId, userId)).orderBy(asc(hardshipRequests.id)).all();
  const ownNotes = q
    .select({ row: hardshipNotes })
    .from(hardshipNotes)
    .innerJoin(hardshipRequests, eq(hardshipNotes.requestId, hardshipRequests.id))
    .where(eq(hardshipRequests.userId, userId))
    .orderBy(asc(hardshipNotes.requestId), asc(hardshipNotes.id))
    .all()
    .map(({ row }) => row);
  const ownPromises = q.select().from(paymentPromises).where(eq(paymentPromises.userId, userId)).orderBy(asc(paymentPromises.id)).all();
  const ownAudit = q.select().from(auditLog).where(eq(auditLog.userId, userId)).orderBy(asc(auditLog.id)).all();
  return {
    user,
    loans: ownLoans,
    installments: ownInstallments,
    payments: ownPayments,
    allocations: ownAllocations,
    penaltyEntries: ownPenaltyEntries,
    requests: ownRequests,
    notes: ownNotes,
    promises: ownPromises,
    audit: ownAudit,
  };
}
