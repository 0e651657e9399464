import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from './client.ts';
import { installments, loans, paymentAllocations, payments } from './schema.ts';

export type LoanRow = typeof loans.$inferSelect;
export type NewLoanRow = typeof loans.$inferInsert;
export type InstallmentRow = typeof installments.$inferSelect;
export type NewInstallmentRow = Omit<typeof installments.$inferInsert, 'loanId'>;
export type PaymentRow = typeof payments.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/*
 * Every function that starts from what a chat update names (a loan id from a button) takes the
 * user's id and scopes its query by it: one borrower can never reach another's loans, even with a
 * forged button or a guessed id. The few that take an installment or payment id instead are
 * only called by services with ids they have just read under the user's id.
 */

export function insertLoan(tx: Tx, loan: NewLoanRow, rows: NewInstallmentRow[]): { loan: LoanRow; installments: InstallmentRow[] } {
  const saved = tx.insert(loans).values(loan).returning().get();
  const written =
    rows.length > 0
      ? tx
          .insert(installments)
          .values(rows.map((row) => ({ ...row, loanId: saved.id })))
          .returning()
          .all()
      : [];
  return { loan: saved, installments: written };
}

export function loansOfUser(db: Db, userId: number): LoanRow[] {
  return db.select().from(loans).where(eq(loans.userId, userId)).orderBy(asc(loans.id)).all();
}

export function findLoan(db: Db | Tx, userId: number, loanId: number): LoanRow | undefined {
  return db
    .select()
    .from(loans)
    .where(and(eq(loans.userId, userId), eq(loans.id, loanId)))
    .get();
}

export function installmentsOfUser(db: Db, userId: number): InstallmentRow[] {
  return db
    .select({ installment: installments })
    .from(installments)
    .innerJoin(loans, eq(installments.loanId, loans.id))
    .where(eq(loans.userId, userId))
    .orderBy(asc(installments.dueDate), asc(installments.loanId), asc(installments.n))
    .all()
    .map(({ installment }) => installment);
}

export function installmentsOfLoan(db: Db | Tx, userId: number, loanId: number): InstallmentRow[] {
  return db
    .select({ installment: installments })
    .from(installments)
    .innerJoin(loans, eq(installments.loanId, loans.id))
    .where(and(eq(loans.userId, userId), eq(installments.loanId, loanId)))
    .orderBy(asc(installments.n))
    .all()
    .map(({ installment }) => installment);
}

export function deleteLoan(db: Db, userId: number, loanId: number): boolean {
  return (
    db
      .delete(loans)
      .where(and(eq(loans.userId, userId), eq(loans.id, loanId)))
      .run().changes > 0
  );
}

export function paymentsOfLoan(db: Db | Tx, userId: number, loanId: number): PaymentRow[] {
  return db
    .select({ payment: payments })
    .from(payments)
    .innerJoin(loans, eq(payments.loanId, loans.id))
    .where(and(eq(loans.userId, userId), eq(payments.loanId, loanId)))
    .orderBy(asc(payments.paidOn), asc(payments.id))
    .all()
    .map(({ payment }) => payment);
}

/** The user's most recent payment they recorded themselves or by paying off (not the ones assumed at registration). */
export function lastUserPayment(db: Db, userId: number): (PaymentRow & { loanName: string }) | undefined {
  const row = db
    .select({ payment: payments, loanName: loans.name })
    .from(payments)
    .innerJoin(loans, eq(payments.loanId, loans.id))
    .where(and(eq(loans.userId, userId), ne(payments.source, 'registration')))
    .orderBy(desc(payments.id))
    .limit(1)
    .get();
  return row ? { ...row.payment, loanName: row.loanName } : undefined;
}

export function insertPayment(
  tx: Tx,
  payment: typeof payments.$inferInsert,
  allocations: { installmentId: number; amount: string; newPaid: string }[],
): PaymentRow {
  const saved = tx.insert(payments).values(payment).returning().get();
  insertAllocations(tx, saved.id, allocations);
  return saved;
}

/** Records how a payment was spread and sets each installment's new paid total. */
export function insertAllocations(
  tx: Tx,
  paymentId: number,
  allocations: { installmentId: number; amount: string; newPaid: string }[],
): void {
  for (const allocation of allocations) {
    tx.insert(paymentAllocations).values({ paymentId, installmentId: allocation.installmentId, amount: allocation.amount }).run();
    tx.update(installments).set({ paid: allocation.newPaid }).where(eq(installments.id, allocation.installmentId)).run();
  }
}

export function allocationsOf(tx: Db | Tx, paymentId: number): { installmentId: number; amount: string }[] {
  return tx
    .select({ installmentId: paymentAllocations.installmentId, amount: paymentAllocations.amount })
    .from(paymentAllocations)
    .where(eq(paymentAllocations.paymentId, paymentId))
    .all();
}

export function setInstallmentPaid(tx: Tx, installmentId: number, paid: string): void {
  tx.update(installments).set({ paid }).where(eq(installments.id, installmentId)).run();
}

export function deletePayment(tx: Tx, paymentId: number): void {
  tx.delete(payments).where(eq(payments.id, paymentId)).run();
}

export function installmentsByIds(tx: Db | Tx, ids: number[]): InstallmentRow[] {
  if (ids.length === 0) return [];
  return tx.select().from(installments).where(inArray(installments.id, ids)).all();
}

/** New terms for a loan: its schedule is rebuilt, and its payments go back on in the caller's next step. */
export function replaceSchedule(tx: Tx, loanId: number, loan: Partial<NewLoanRow>, rows: NewInstallmentRow[]): InstallmentRow[] {
  tx.update(loans).set(loan).where(eq(loans.id, loanId)).run();
  tx.delete(installments).where(eq(installments.loanId, loanId)).run();
  return rows.length > 0
    ? tx
        .insert(installments)
        .values(rows.map((row) => ({ ...row, loanId })))
        .returning()
        .all()
    : [];
}

export type { Tx };

export function setLoanRemindersPaused(db: Db, userId: number, loanId: number, paused: boolean): boolean {
  return (
    db
      .update(loans)
      .set({ remindersPaused: paused })
      .where(and(eq(loans.userId, userId), eq(loans.id, loanId)))
      .run().changes > 0
  );
}

/** Early payoff rewrites what the installments not yet due still charge (interest waived, fees per the rule). */
export function setInstallmentCharges(tx: Tx, installmentId: number, charges: { interest: string; fee: string; payment: string }): void {
  tx.update(installments).set(charges).where(eq(installments.id, installmentId)).run();
}
