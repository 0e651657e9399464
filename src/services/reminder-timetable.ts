import { and, eq, lte, ne, or, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { installments, loans, reminderTimetable, users } from '../db/schema.ts';
import { lateDueDaySlot, nextSlotAfter, type ReminderSettings } from '../domain/reminder-times.ts';
import { reminderSettingsOf } from '../db/users-repo.ts';
import { lenderZoneOf } from './ledger.ts';
import { writeTransaction } from '../db/write-transaction.ts';

/*
 * The reminder timetable as the use cases that change a schedule keep it: each open installment
 * of a loan whose reminders are on has its reminder times for the next four weeks written out,
 * plus a look-again row at the end of them. The reminder pipeline (src/reminders/planner.ts)
 * reads what has come due; everything that changes what reminders depend on re-plans here, in
 * its own transaction.
 */

/**
 * How far ahead reminder times are written out. An installment due in three years is looked at
 * once every four weeks (nothing is queued then), which costs nothing and bounds how long the
 * rows a re-plan superseded stay in the table.
 */
export const TIMETABLE_HORIZON_DAYS = 28;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The kind of a timetable row that is not a reminder but "plan this installment again from here". */
export const LOOK_AGAIN = 'look-again';

/**
 * When an installment is looked at again: in the last day before the horizon, at a minute of its
 * own (spread by its id), so that the look-agains of installments planned in the same pass (all
 * of one morning's reminders, say) do not all come back in one pass four weeks later.
 */
function lookAgainAt(installmentId: number, now: Date): Date {
  const minuteOfDay = (installmentId * 7919) % 1440;
  return new Date(now.getTime() + (TIMETABLE_HORIZON_DAYS - 1) * DAY_MS + minuteOfDay * MINUTE_MS);
}

interface TimetableEntry {
  fireAt: string;
  kind: string;
}

/**
 * An installment's timetable from `now` on: its reminder times strictly after `now` and before
 * its look-again, then the look-again if any reminder comes at or after it.
 */
export function timetableFrom(
  installmentId: number,
  dueDate: string,
  settings: ReminderSettings,
  now: Date,
  lenderTimeZone?: string,
): TimetableEntry[] {
  const lookAgain = lookAgainAt(installmentId, now);
  const entries: TimetableEntry[] = [];
  let slot = nextSlotAfter(dueDate, settings, now, lenderTimeZone);
  while (slot && slot.fireAt < lookAgain) {
    entries.push({ fireAt: slot.fireAt.toISOString(), kind: slot.kind });
    slot = nextSlotAfter(dueDate, settings, slot.fireAt, lenderTimeZone);
  }
  if (slot) entries.push({ fireAt: lookAgain.toISOString(), kind: LOOK_AGAIN });
  return entries;
}

/** Timetable rows written per statement by refreshReminders. */
const INSERT_CHUNK = 500;

/**
 * Re-plans every open installment of a user from `now`, except those of loans whose reminders
 * are paused. Must be called, in the same transaction, by everything that changes what reminders
 * depend on: a loan added, edited, deleted, paused or resumed, a payment or its undo, a payoff,
 * new settings. The version bump retires all of the user's earlier rows at once; see
 * reminderTimetable.
 *
 * A reminder whose time has come but that the next pass has not handled yet must not be lost
 * with the old rows: such an installment gets a look-again at that time instead of a new
 * timetable, and the next pass queues its latest reminder since then (if it is still due under
 * the new plan) and writes the rest.
 *
 * A loan's due dates are dates in its lender's zone (loans.lenderTimeZone); where that is not
 * set, in `defaultTimeZone` (the bot's DEFAULT_TIMEZONE), or, when that is not given either, in
 * the borrower's own zone.
 */
export function refreshReminders(q: Queryable, userId: number, now: Date, defaultTimeZone?: string): void {
  writeTransaction(q, (tx) => {
    const user = tx
      .update(users)
      .set({ reminderVersion: sql`${users.reminderVersion} + 1` })
      .where(eq(users.id, userId))
      .returning()
      .get();
    if (!user) return;
    const version = user.reminderVersion;
    // The user's live rows whose time has come but that no pass has handled yet (the rows up to
    // `now` are the few since the last pass): the earliest per installment.
    const waitingRows = tx
      .select({ installmentId: reminderTimetable.installmentId, fireAt: sql<string>`min(${reminderTimetable.fireAt})` })
      .from(reminderTimetable)
      .where(
        and(
          lte(reminderTimetable.fireAt, now.toISOString()),
          eq(reminderTimetable.userId, userId),
          eq(reminderTimetable.version, version - 1),
        ),
      )
      .groupBy(reminderTimetable.installmentId)
      .all();
    const waiting = new Map(waitingRows.map((row) => [row.installmentId, row.fireAt]));
    const settings = reminderSettingsOf(user);
    // Money columns are canonical two-decimal strings, so "not equal" is "something still open".
    const open = tx
      .select({ id: installments.id, dueDate: installments.dueDate, loanCreatedAt: loans.createdAt, lenderTimeZone: loans.lenderTimeZone })
      .from(installments)
      .innerJoin(loans, eq(installments.loanId, loans.id))
      .where(
        and(
          eq(loans.userId, userId),
          eq(loans.remindersPaused, false),
          or(ne(installments.paid, installments.payment), ne(installments.penaltyOpen, '0.00')),
        ),
      )
      .all();
    const nowIso = now.toISOString();
    const rows = open.flatMap((row) => {
      const waitingSince = waiting.get(row.id);
      const lenderZone = lenderZoneOf(row, defaultTimeZone ?? settings.timeZone);
      const entries = waitingSince
        ? [{ fireAt: waitingSince, kind: LOOK_AGAIN }]
        : timetableFrom(row.id, row.dueDate, settings, now, lenderZone);
      // A loan added in this very transaction (addLoan stamps it with `now`) on its due day, after
      // that day's reminder time: it gets the due-day reminder it came too late for, at once (or
      // when quiet hours end), instead of nothing until it is overdue.
      if (!waitingSince && row.loanCreatedAt === nowIso) {
        const late = lateDueDaySlot(row.dueDate, settings, now, lenderZone);
        if (late) entries.unshift({ fireAt: late.fireAt.toISOString(), kind: late.kind });
      }
      return entries.map(({ fireAt, kind }) => ({ fireAt, installmentId: row.id, kind, dueDate: row.dueDate, userId, version }));
    });
    // In chunks, to stay well under SQLite's limit on bound parameters (6 per row). A superseded
    // row at the same instant and kind is taken over rather than duplicated.
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      tx.insert(reminderTimetable)
        .values(rows.slice(i, i + INSERT_CHUNK))
        .onConflictDoUpdate({
          target: [reminderTimetable.fireAt, reminderTimetable.installmentId, reminderTimetable.kind],
          set: { dueDate: sql`excluded.due_date`, userId, version },
        })
        .run();
    }
  });
}
