import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from './client.ts';
import { hardshipNotes, hardshipRequests, installments, loans, penaltyEntries, users } from './schema.ts';
import type { InstallmentRow, LoanRow, NewInstallmentRow } from './loans-repo.ts';

export type HardshipRequestRow = typeof hardshipRequests.$inferSelect;
export type NewHardshipRequestRow = typeof hardshipRequests.$inferInsert;
export type HardshipNoteRow = typeof hardshipNotes.$inferSelect;
export type HardshipStatus = HardshipRequestRow['status'];

/** Statuses in which a request waits for someone: the operator (open) or the borrower (info-requested). */
export const UNDECIDED: readonly HardshipStatus[] = ['open', 'info-requested'];

export function insertRequest(q: Queryable, row: NewHardshipRequestRow): HardshipRequestRow {
  return q.insert(hardshipRequests).values(row).returning().get();
}

/** One of the user's own requests. */
export function findRequestOfUser(q: Queryable, userId: number, requestId: number): HardshipRequestRow | undefined {
  return q
    .select()
    .from(hardshipRequests)
    .where(and(eq(hardshipRequests.userId, userId), eq(hardshipRequests.id, requestId)))
    .get();
}

/** Any request: for operators only (src/services/hardship-review.ts). */
export function findRequest(q: Queryable, requestId: number): HardshipRequestRow | undefined {
  return q.select().from(hardshipRequests).where(eq(hardshipRequests.id, requestId)).get();
}

export function requestsOfUser(q: Queryable, userId: number): HardshipRequestRow[] {
  return q.select().from(hardshipRequests).where(eq(hardshipRequests.userId, userId)).orderBy(desc(hardshipRequests.id)).all();
}

/** Undecided requests, oldest submitted first. */
export function undecidedRequests(q: Queryable): HardshipRequestRow[] {
  return q
    .select()
    .from(hardshipRequests)
    .where(inArray(hardshipRequests.status, [...UNDECIDED]))
    .orderBy(asc(hardshipRequests.submittedAt), asc(hardshipRequests.id))
    .all();
}

/**
 * Moves a request on, but only from one of `from`: the conditional update is what makes a second
 * press, or a second operator at the same moment, change nothing. The updated row, or undefined.
 */
export function updateRequestIf(
  q: Queryable,
  requestId: number,
  from: readonly HardshipStatus[],
  values: Partial<NewHardshipRequestRow>,
): HardshipRequestRow | undefined {
  return q
    .update(hardshipRequests)
    .set(values)
    .where(and(eq(hardshipRequests.id, requestId), inArray(hardshipRequests.status, [...from])))
    .returning()
    .get();
}

export function insertNote(q: Queryable, note: Omit<typeof hardshipNotes.$inferInsert, 'id'>): HardshipNoteRow {
  return q.insert(hardshipNotes).values(note).returning().get();
}

export function notesOfRequest(q: Queryable, requestId: number): HardshipNoteRow[] {
  return q.select().from(hardshipNotes).where(eq(hardshipNotes.requestId, requestId)).orderBy(asc(hardshipNotes.id)).all();
}

/** The loans a request names, read without the user filter: operators only, who act on others' loans. */
export function loansById(q: Queryable, loanIds: readonly number[]): LoanRow[] {
  if (loanIds.length === 0) return [];
  return q
    .select()
    .from(loans)
    .where(inArray(loans.id, [...loanIds]))
    .orderBy(asc(loans.id))
    .all();
}

export function installmentsOfLoanId(q: Queryable, loanId: number): InstallmentRow[] {
  return q.select().from(installments).where(eq(installments.loanId, loanId)).orderBy(asc(installments.n)).all();
}

/** What an operator's screens need of the borrower: since when they use the bot, and their language. */
export function borrowerOf(
  q: Queryable,
  userId: number,
): { createdAt: string; language: string | null; telegramLanguage: string | null; timeZone: string } | undefined {
  return q
    .select({ createdAt: users.createdAt, language: users.language, telegramLanguage: users.telegramLanguage, timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, userId))
    .get();
}

/** A deferral: the installment's new due date. */
export function moveInstallment(q: Queryable, installmentId: number, dueDate: string): void {
  q.update(installments).set({ dueDate }).where(eq(installments.id, installmentId)).run();
}

/**
 * A new plan: installments from `fromN` on are replaced by `rows` (numbered on from `fromN`), and
 * the lender's penalty entries on the replaced ones go with them (their penalty is in the plan).
 */
export function replaceInstallmentsFrom(q: Queryable, loanId: number, fromN: number, rows: NewInstallmentRow[]): void {
  const replaced = installmentsOfLoanId(q, loanId).filter((row) => row.n >= fromN);
  if (replaced.length > 0)
    q.delete(installments)
      .where(
        inArray(
          installments.id,
          replaced.map((row) => row.id),
        ),
      )
      .run();
  const entries = q.select().from(penaltyEntries).where(eq(penaltyEntries.loanId, loanId)).all();
  const gone = entries.filter((entry) => entry.n >= fromN).map((entry) => entry.id);
  if (gone.length > 0) q.delete(penaltyEntries).where(inArray(penaltyEntries.id, gone)).run();
  if (rows.length > 0)
    q.insert(installments)
      .values(rows.map((row) => ({ ...row, loanId })))
      .run();
}

/** The loan's terms stay the contract's; the mark says its installments no longer follow from them. */
export function markRescheduled(q: Queryable, loanId: number, on: string): void {
  q.update(loans).set({ rescheduledOn: on }).where(eq(loans.id, loanId)).run();
}
