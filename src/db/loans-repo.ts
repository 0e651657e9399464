import { and, asc, desc, eq, getTableColumns, ne, sql } from 'drizzle-orm';
import type { Queryable } from './client.ts';
import { prepared } from './prepared.ts';
import { installments, loans, payments } from './schema.ts';
import { tableRows } from './table-rows.ts';

export type LoanRow = typeof loans.$inferSelect;
export type NewLoanRow = typeof loans.$inferInsert;
export type InstallmentRow = typeof installments.$inferSelect;
export type NewInstallmentRow = Omit<typeof installments.$inferInsert, 'loanId'>;
export type PaymentRow = typeof payments.$inferSelect;

/*
 * Every function that starts from what a chat update names (a loan id from a button) takes the
 * user's id and scopes its query by it: one borrower can never reach another's loans, even with a
 * forged button or a guessed id. The few that take an installment or payment id instead are
 * only called by services with ids they have just read under the user's id.
 */

export function insertLoan(q: Queryable, loan: NewLoanRow, rows: NewInstallmentRow[]): { loan: LoanRow; installments: InstallmentRow[] } {
  const saved = q.insert(loans).values(loan).returning().get();
  const written =
    rows.length > 0
      ? q
          .insert(installments)
          .values(rows.map((row) => ({ ...row, loanId: saved.id })))
          .returning()
          .all()
      : [];
  return { loan: saved, installments: written };
}

export function loansOfUser(q: Queryable, userId: number): LoanRow[] {
  const statement = prepared(q, 'loansOfUser', (p) =>
    p
      .select(getTableColumns(loans))
      .from(loans)
      .where(eq(loans.userId, sql.placeholder('userId')))
      .orderBy(asc(loans.id))
      .prepare(),
  );
  return tableRows(loans, statement.values({ userId }) as unknown[][]);
}

export function findLoan(q: Queryable, userId: number, loanId: number): LoanRow | undefined {
  return q
    .select()
    .from(loans)
    .where(and(eq(loans.userId, userId), eq(loans.id, loanId)))
    .get();
}

export function installmentsOfUser(q: Queryable, userId: number): InstallmentRow[] {
  const statement = prepared(q, 'installmentsOfUser', (p) =>
    p
      .select(getTableColumns(installments))
      .from(installments)
      .innerJoin(loans, eq(installments.loanId, loans.id))
      .where(eq(loans.userId, sql.placeholder('userId')))
      .orderBy(asc(installments.dueDate), asc(installments.loanId), asc(installments.n))
      .prepare(),
  );
  return tableRows(installments, statement.values({ userId }) as unknown[][]);
}

export function installmentsOfLoan(q: Queryable, userId: number, loanId: number): InstallmentRow[] {
  return prepared(q, 'installmentsOfLoan', (p) =>
    p
      .select({ installment: installments })
      .from(installments)
      .innerJoin(loans, eq(installments.loanId, loans.id))
      .where(and(eq(loans.userId, sql.placeholder('userId')), eq(installments.loanId, sql.placeholder('loanId'))))
      .orderBy(asc(installments.n))
      .prepare(),
  )
    .all({ userId, loanId })
    .map(({ installment }) => installment);
}

/**
 * The installments with these ids and their loans, by installment id, whoever's they are: the
 * caller checks the loan's user (the reminder renderer, with ids from its user's outbox rows).
 * One statement for any number of ids (bound as one JSON array), prepared once per connection.
 */
export function installmentsWithLoansByIds(q: Queryable, ids: number[]): { installment: InstallmentRow; loan: LoanRow }[] {
  if (ids.length === 0) return [];
  return prepared(q, 'installmentsWithLoansByIds', (p) =>
    p
      .select({ installment: installments, loan: loans })
      .from(installments)
      .innerJoin(loans, eq(installments.loanId, loans.id))
      .where(sql`${installments.id} in (select value from json_each(${sql.placeholder('ids')}))`)
      .orderBy(asc(installments.id))
      .prepare(),
  ).all({ ids: JSON.stringify(ids) });
}

export function deleteLoan(q: Queryable, userId: number, loanId: number): boolean {
  return (
    q
      .delete(loans)
      .where(and(eq(loans.userId, userId), eq(loans.id, loanId)))
      .run().changes > 0
  );
}

export function paymentsOfLoan(q: Queryable, userId: number, loanId: number): PaymentRow[] {
  return q
    .select({ payment: payments })
    .from(payments)
    .innerJoin(loans, eq(payments.loanId, loans.id))
    .where(and(eq(loans.userId, userId), eq(payments.loanId, loanId)))
    .orderBy(asc(payments.paidOn), asc(payments.id))
    .all()
    .map(({ payment }) => payment);
}

/** The user's most recent payment they recorded themselves or by paying off (not the ones assumed at registration). */
export function lastUserPayment(q: Queryable, userId: number): (PaymentRow & { loanName: string }) | undefined {
  const row = q
    .select({ payment: payments, loanName: loans.name })
    .from(payments)
    .innerJoin(loans, eq(payments.loanId, loans.id))
    .where(and(eq(loans.userId, userId), ne(payments.source, 'registration')))
    .orderBy(desc(payments.id))
    .limit(1)
    .get();
  return row ? { ...row.payment, loanName: row.loanName } : undefined;
}

/** A payment as the borrower recorded it; how it is spread is the ledger's (src/services/ledger.ts). */
export function insertPayment(q: Queryable, payment: typeof payments.$inferInsert): PaymentRow {
  return q.insert(payments).values(payment).returning().get();
}

export function deletePayment(q: Queryable, paymentId: number): void {
  q.delete(payments).where(eq(payments.id, paymentId)).run();
}

/** New terms for a loan: its schedule is rebuilt, and its payments go back on in the caller's next step. */
export function replaceSchedule(q: Queryable, loanId: number, loan: Partial<NewLoanRow>, rows: NewInstallmentRow[]): InstallmentRow[] {
  q.update(loans).set(loan).where(eq(loans.id, loanId)).run();
  q.delete(installments).where(eq(installments.loanId, loanId)).run();
  return rows.length > 0
    ? q
        .insert(installments)
        .values(rows.map((row) => ({ ...row, loanId })))
        .returning()
        .all()
    : [];
}

export function markLoanSettled(q: Queryable, userId: number, loanId: number, on: string): void {
  q.update(loans)
    .set({ settledOn: on })
    .where(and(eq(loans.userId, userId), eq(loans.id, loanId)))
    .run();
}

/** Changes what describes a loan (its name, its lender's kind), never what it owes. */
export function describeLoan(q: Queryable, userId: number, loanId: number, values: { name: string; lenderKind?: string }): void {
  q.update(loans)
    .set(values)
    .where(and(eq(loans.userId, userId), eq(loans.id, loanId)))
    .run();
}

export function setLoanRemindersPaused(q: Queryable, userId: number, loanId: number, paused: boolean): boolean {
  return (
    q
      .update(loans)
      .set({ remindersPaused: paused })
      .where(and(eq(loans.userId, userId), eq(loans.id, loanId)))
      .run().changes > 0
  );
}

/** Early payoff rewrites what the installments not yet due still charge (interest waived, fees per the rule). */
export function setInstallmentCharges(
  q: Queryable,
  installmentId: number,
  charges: { interest: string; fee: string; payment: string },
): void {
  q.update(installments).set(charges).where(eq(installments.id, installmentId)).run();
}
