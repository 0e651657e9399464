import { and, eq, isNotNull, lte, sql } from 'drizzle-orm';
import { Decimal } from '../domain/money.ts';
import { latestDueSlot, nextSlotAfter } from '../domain/reminder-times.ts';
import type { Db } from '../db/client.ts';
import { installments, loans, reminderOutbox, users } from '../db/schema.ts';
import { reminderSettingsOf } from './settings.ts';

/*
 * The planner turns "an installment's next reminder time has come" into an outbox row. Each
 * installment carries the instant it next needs attention (next_reminder_at, indexed), so a pass
 * reads only the installments that are due now, however many loans the database holds.
 *
 * After downtime, only the latest missed reminder of each installment is queued (older ones are
 * stale: "due in 3 days" is wrong on the due day), and the dispatcher puts all of a user's rows
 * into one message. Installments paid meanwhile, paused loans and paused or blocked users are
 * skipped: their pointer moves on without queueing.
 */

const dueRows = (db: Db, nowIso: string) =>
  db
    .select({
      installmentId: installments.id,
      dueDate: installments.dueDate,
      payment: installments.payment,
      paid: installments.paid,
      userId: loans.userId,
      loanPaused: loans.remindersPaused,
      user: {
        timeZone: users.timeZone,
        reminderTime: users.reminderTime,
        daysBefore: users.daysBefore,
        overdueDays: users.overdueDays,
        overdueWeekly: users.overdueWeekly,
        overdueStopAfterDays: users.overdueStopAfterDays,
        quietStart: users.quietStart,
        quietEnd: users.quietEnd,
        remindersPaused: users.remindersPaused,
        active: users.active,
      },
    })
    .from(installments)
    .innerJoin(loans, eq(installments.loanId, loans.id))
    .innerJoin(users, eq(loans.userId, users.id))
    .where(and(isNotNull(installments.nextReminderAt), lte(installments.nextReminderAt, nowIso)))
    .all();

export interface PlanResult {
  /** Outbox rows written in this pass. */
  queued: number;
  /** Installments looked at (due now). */
  examined: number;
}

export function planReminders(db: Db, now: Date, onError?: (error: unknown, installmentId: number) => void): PlanResult {
  const nowIso = now.toISOString();
  return db.transaction((tx) => {
    const rows = dueRows(tx as unknown as Db, nowIso);
    let queued = 0;
    const insert = tx
      .insert(reminderOutbox)
      .values({
        userId: sql.placeholder('userId'),
        installmentId: sql.placeholder('installmentId'),
        kind: sql.placeholder('kind'),
        dueDate: sql.placeholder('dueDate'),
        fireAt: sql.placeholder('fireAt'),
        notBefore: sql.placeholder('fireAt'),
      })
      .onConflictDoNothing()
      .prepare();
    const advance = tx
      .update(installments)
      .set({ nextReminderAt: sql.placeholder('next') as unknown as string })
      .where(eq(installments.id, sql.placeholder('id')))
      .prepare();
    const planOne = (row: (typeof rows)[number]): number => {
      let added = 0;
      const settings = reminderSettingsOf(row.user);
      const open = new Decimal(row.payment).gt(row.paid);
      const wanted = open && row.user.active && !row.user.remindersPaused && !row.loanPaused;
      if (wanted) {
        const slot = latestDueSlot(row.dueDate, settings, undefined, now);
        if (slot) {
          const result = insert.run({
            userId: row.userId,
            installmentId: row.installmentId,
            kind: slot.kind,
            dueDate: row.dueDate,
            fireAt: slot.fireAt.toISOString(),
          });
          added += result.changes;
        }
      }
      const next = open ? nextSlotAfter(row.dueDate, settings, now) : undefined;
      advance.run({ id: row.installmentId, next: next ? next.fireAt.toISOString() : null });
      return added;
    };
    for (const row of rows) {
      try {
        queued += planOne(row);
      } catch (error) {
        // One user's broken settings must not stop everyone's reminders: skip and say so.
        onError?.(error, row.installmentId);
        advance.run({ id: row.installmentId, next: null });
      }
    }
    return { queued, examined: rows.length };
    // IMMEDIATE: take the write lock before reading, so a second process planning at the same
    // moment waits (busy timeout) instead of failing to upgrade its read lock.
  }, { behavior: 'immediate' });
}

/**
 * Points every open installment of a user at its next reminder after `now`. Called whenever
 * what reminders depend on changes: a new or edited loan, a payment or its undo, new settings.
 */
export function refreshReminders(db: Db, userId: number, now: Date): void {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) return;
  const settings = reminderSettingsOf(user);
  const rows = db
    .select({ id: installments.id, dueDate: installments.dueDate, payment: installments.payment, paid: installments.paid })
    .from(installments)
    .innerJoin(loans, eq(installments.loanId, loans.id))
    .where(eq(loans.userId, userId))
    .all();
  db.transaction((tx) => {
    for (const row of rows) {
      const open = new Decimal(row.payment).gt(row.paid);
      const next = open ? nextSlotAfter(row.dueDate, settings, now) : undefined;
      tx.update(installments)
        .set({ nextReminderAt: next ? next.fireAt.toISOString() : null })
        .where(eq(installments.id, row.id))
        .run();
    }
  });
}
