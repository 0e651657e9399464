import { and, asc, desc, eq, gt, gte, inArray, or, sql } from 'drizzle-orm';
import type { Queryable } from './client.ts';
import { prepared } from './prepared.ts';
import { hardshipRequests, loans, paymentPromises, payments } from './schema.ts';

export type PromiseRow = typeof paymentPromises.$inferSelect;
export type NewPromiseRow = typeof paymentPromises.$inferInsert;
export type PromiseStatus = PromiseRow['status'];

/*
 * Promises to pay, and what holds a loan's overdue reminders (src/services/reminder-holds.ts):
 * its open promise, or a collection pause the borrower asked for.
 */

export function insertPromise(q: Queryable, row: NewPromiseRow): PromiseRow {
  return q.insert(paymentPromises).values(row).returning().get();
}

/** The user's open promise on a loan (there is at most one: a new one replaces it). */
export function openPromiseOfLoan(q: Queryable, userId: number, loanId: number): PromiseRow | undefined {
  return q
    .select()
    .from(paymentPromises)
    .where(and(eq(paymentPromises.userId, userId), eq(paymentPromises.loanId, loanId), eq(paymentPromises.status, 'open')))
    .get();
}

export function findPromiseOfUser(q: Queryable, userId: number, promiseId: number): PromiseRow | undefined {
  return q
    .select()
    .from(paymentPromises)
    .where(and(eq(paymentPromises.userId, userId), eq(paymentPromises.id, promiseId)))
    .get();
}

/** Every promise of the user, newest first. */
export function promisesOfUser(q: Queryable, userId: number): PromiseRow[] {
  return q.select().from(paymentPromises).where(eq(paymentPromises.userId, userId)).orderBy(desc(paymentPromises.id)).all();
}

export function openPromisesOfUser(q: Queryable, userId: number): PromiseRow[] {
  // Prepared once per connection (src/db/prepared.ts): every reminder asks it.
  return prepared(q, 'openPromisesOfUser', (p) =>
    p
      .select()
      .from(paymentPromises)
      .where(and(eq(paymentPromises.userId, sql.placeholder('userId')), eq(paymentPromises.status, 'open')))
      .prepare(),
  ).all({ userId });
}

/** Every open promise (a reminder pass resolves them), by the status index. */
export function allOpenPromises(q: Queryable): PromiseRow[] {
  return q.select().from(paymentPromises).where(eq(paymentPromises.status, 'open')).orderBy(asc(paymentPromises.id)).all();
}

/**
 * Moves a promise from 'open' to a final status; the conditional update makes two passes (or a
 * pass and a payment) resolve it once. The updated row, or undefined when it was no longer open.
 */
export function resolvePromiseIf(
  q: Queryable,
  promiseId: number,
  status: Exclude<PromiseStatus, 'open'>,
  at: string,
): PromiseRow | undefined {
  return q
    .update(paymentPromises)
    .set({ status, resolvedAt: at })
    .where(and(eq(paymentPromises.id, promiseId), eq(paymentPromises.status, 'open')))
    .returning()
    .get();
}

/** The amounts of the payments towards a loan recorded after `after` (UTC ISO). */
export function paidOnLoanSince(q: Queryable, loanId: number, after: string): string[] {
  return q
    .select({ amount: payments.amount })
    .from(payments)
    .where(and(eq(payments.loanId, loanId), gt(payments.createdAt, after)))
    .all()
    .map((row) => row.amount);
}

/** Open promises and those broken since `brokenSince` (UTC ISO), with their loan's name, earliest day first: the operators' view. */
export function openAndRecentlyBroken(q: Queryable, brokenSince: string): (PromiseRow & { loanName: string })[] {
  return q
    .select({ promise: paymentPromises, loanName: loans.name })
    .from(paymentPromises)
    .innerJoin(loans, eq(paymentPromises.loanId, loans.id))
    .where(or(eq(paymentPromises.status, 'open'), and(eq(paymentPromises.status, 'broken'), gte(paymentPromises.resolvedAt, brokenSince))))
    .orderBy(asc(paymentPromises.dueOn), asc(paymentPromises.id))
    .all()
    .map(({ promise, loanName }) => ({ ...promise, loanName }));
}

/** The user's collection-pause requests that may hold reminders: undecided, or approved with a pause end. */
export function collectionPausesOfUser(q: Queryable, userId: number): { loanIds: number[]; status: string; pauseUntil: string | null }[] {
  return prepared(q, 'collectionPausesOfUser', (p) =>
    p
      .select({ loanIds: hardshipRequests.loanIds, status: hardshipRequests.status, pauseUntil: hardshipRequests.pauseUntil })
      .from(hardshipRequests)
      .where(
        and(
          eq(hardshipRequests.userId, sql.placeholder('userId')),
          eq(hardshipRequests.kind, 'collection-pause'),
          inArray(hardshipRequests.status, ['open', 'info-requested', 'approved']),
        ),
      )
      .prepare(),
  ).all({ userId });
}
