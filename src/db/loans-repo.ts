import { and, asc, eq } from 'drizzle-orm';
import type { Db } from './client.ts';
import { installments, loans, payments } from './schema.ts';

export type LoanRow = typeof loans.$inferSelect;
export type NewLoanRow = typeof loans.$inferInsert;
export type InstallmentRow = typeof installments.$inferSelect;
export type NewInstallmentRow = Omit<typeof installments.$inferInsert, 'loanId'>;
export type NewPaymentRow = Omit<typeof payments.$inferInsert, 'loanId'>;

/** Loan, schedule and opening payments in one transaction: either all are written or none. */
export function insertLoan(
  db: Db,
  loan: NewLoanRow,
  rows: NewInstallmentRow[],
  openingPayments: NewPaymentRow[],
): LoanRow {
  return db.transaction((tx) => {
    const saved = tx.insert(loans).values(loan).returning().get();
    if (rows.length > 0) tx.insert(installments).values(rows.map((row) => ({ ...row, loanId: saved.id }))).run();
    if (openingPayments.length > 0) {
      tx.insert(payments).values(openingPayments.map((p) => ({ ...p, loanId: saved.id }))).run();
    }
    return saved;
  });
}

/** Every query is scoped by user id: one borrower can never reach another's loans. */
export function loansOfUser(db: Db, userId: number): LoanRow[] {
  return db.select().from(loans).where(eq(loans.userId, userId)).orderBy(asc(loans.id)).all();
}

export function installmentsOfUser(db: Db, userId: number): (InstallmentRow & { loanName: string })[] {
  return db
    .select({ installment: installments, loanName: loans.name })
    .from(installments)
    .innerJoin(loans, eq(installments.loanId, loans.id))
    .where(eq(loans.userId, userId))
    .orderBy(asc(installments.dueDate), asc(installments.loanId), asc(installments.n))
    .all()
    .map(({ installment, loanName }) => ({ ...installment, loanName }));
}

export function installmentsOfLoan(db: Db, userId: number, loanId: number): InstallmentRow[] {
  return db
    .select({ installment: installments })
    .from(installments)
    .innerJoin(loans, eq(installments.loanId, loans.id))
    .where(and(eq(loans.userId, userId), eq(installments.loanId, loanId)))
    .orderBy(asc(installments.n))
    .all()
    .map(({ installment }) => installment);
}
