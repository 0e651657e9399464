import { and, eq, inArray, isNotNull, like, or, sql } from 'drizzle-orm';
import type { Queryable } from './client.ts';
import {
  auditLog,
  formStates,
  hardshipNotes,
  hardshipRequests,
  installments,
  loans,
  paymentAllocations,
  paymentPromises,
  payments,
  penaltyEntries,
  processedUpdates,
  reminderOutbox,
  reminderTimetable,
  users,
} from './schema.ts';

/*
 * /forget (issue 13): every row about one user, erased, and their audit entries made
 * pseudonymous. Every statement names the user (or reaches their rows through their own loans
 * and requests), so no other user's row is ever touched. Rows are deleted child first and counted
 * as they go, so the receipt says what went, not what the foreign keys' cascades took silently.
 * The caller runs this inside one transaction.
 */

export interface ErasedCounts {
  loans: number;
  installments: number;
  payments: number;
  penaltyEntries: number;
  requests: number;
  notes: number;
  promises: number;
  reminders: number;
  messages: number;
  forms: number;
  updates: number;
  /** Audit entries kept, with the user's id replaced by the pseudonym and their details blanked. */
  auditPseudonymised: number;
  /** Other tables (e.g. calendar feed tokens of a later migration) with a user_id column. */
  other: number;
}

/** The user's audit entries keep their kind and time only: the one change migration 0007 lets through. */
function pseudonymiseAudit(q: Queryable, userId: number, pseudonym: number): number {
  return q
    .update(auditLog)
    .set({
      userId: pseudonym,
      actorId: sql`CASE WHEN ${auditLog.actorId} = ${userId} THEN ${pseudonym} ELSE ${auditLog.actorId} END`,
      before: null,
      after: null,
    })
    .where(eq(auditLog.userId, userId))
    .run().changes;
}

/** Tables added after this file was written (a later migration) that hold a user_id: found by name, so none is missed. */
function otherUserTables(q: Queryable): string[] {
  const known = new Set([
    'users',
    'loans',
    'form_states',
    'reminder_outbox',
    'reminder_timetable',
    'hardship_requests',
    'payment_promises',
    'audit_log',
  ]);
  const rows = q.all<{ name: string }>(
    sql`SELECT m.name AS name FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__drizzle%'
        AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) p WHERE p.name = 'user_id')`,
  );
  return rows.map((row) => row.name).filter((name) => !known.has(name) && /^[a-z_0-9]+$/.test(name));
}

export function eraseUserRows(q: Queryable, userId: number, pseudonym: number): ErasedCounts {
  const loanIds = q
    .select({ id: loans.id })
    .from(loans)
    .where(eq(loans.userId, userId))
    .all()
    .map((row) => row.id);
  const requestIds = q
    .select({ id: hardshipRequests.id })
    .from(hardshipRequests)
    .where(eq(hardshipRequests.userId, userId))
    .all()
    .map((row) => row.id);
  const ofLoans = <T>(fn: () => T, empty: T): T => (loanIds.length > 0 ? fn() : empty);

  const messages = q
    .delete(reminderOutbox)
    .where(or(eq(reminderOutbox.userId, userId), eq(reminderOutbox.chatId, userId)))
    .run().changes;
  // Notices about the user's requests sent to operators' chats (no user_id: the chat is not theirs)
  // carry the request's text and figures; their keys name the request (commands/hardship.ts, requests.ts).
  let operatorNotices = 0;
  for (const requestId of requestIds) {
    operatorNotices += q
      .delete(reminderOutbox)
      .where(like(reminderOutbox.dedupeKey, `hardship:${requestId}:%`))
      .run().changes;
  }
  const reminders = q.delete(reminderTimetable).where(eq(reminderTimetable.userId, userId)).run().changes;
  const promises = q.delete(paymentPromises).where(eq(paymentPromises.userId, userId)).run().changes;
  const notes = requestIds.length > 0 ? q.delete(hardshipNotes).where(inArray(hardshipNotes.requestId, requestIds)).run().changes : 0;
  const requests = q.delete(hardshipRequests).where(eq(hardshipRequests.userId, userId)).run().changes;
  const paymentIds = ofLoans(
    () =>
      q
        .select({ id: payments.id })
        .from(payments)
        .where(inArray(payments.loanId, loanIds))
        .all()
        .map((row) => row.id),
    [] as number[],
  );
  if (paymentIds.length > 0) q.delete(paymentAllocations).where(inArray(paymentAllocations.paymentId, paymentIds)).run();
  const paymentCount = ofLoans(() => q.delete(payments).where(inArray(payments.loanId, loanIds)).run().changes, 0);
  const penaltyCount = ofLoans(() => q.delete(penaltyEntries).where(inArray(penaltyEntries.loanId, loanIds)).run().changes, 0);
  const installmentCount = ofLoans(() => q.delete(installments).where(inArray(installments.loanId, loanIds)).run().changes, 0);
  const loanCount = q.delete(loans).where(eq(loans.userId, userId)).run().changes;
  const forms = q.delete(formStates).where(eq(formStates.userId, userId)).run().changes;
  // Updates are kept by chat: the user's private chat has the user's id.
  const updates = q
    .delete(processedUpdates)
    .where(and(isNotNull(processedUpdates.chatId), eq(processedUpdates.chatId, userId)))
    .run().changes;
  let other = 0;
  for (const table of otherUserTables(q)) other += q.run(sql`DELETE FROM ${sql.identifier(table)} WHERE user_id = ${userId}`).changes;
  const auditPseudonymised = pseudonymiseAudit(q, userId, pseudonym);
  q.delete(users).where(eq(users.id, userId)).run();
  return {
    loans: loanCount,
    installments: installmentCount,
    payments: paymentCount,
    penaltyEntries: penaltyCount,
    requests,
    notes,
    promises,
    reminders,
    messages: messages + operatorNotices,
    forms,
    updates,
    auditPseudonymised,
    other,
  };
}

/** Whether any audit entry already carries this pseudonym (they are drawn at random, so a clash is retried). */
export function pseudonymTaken(q: Queryable, pseudonym: number): boolean {
  return q.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.userId, pseudonym)).limit(1).get() !== undefined;
}
