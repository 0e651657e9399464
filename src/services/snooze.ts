import type { Queryable } from '../db/client.ts';
import { queueReminder, rowsOfBatch } from '../db/outbox-repo.ts';
import { findUser } from '../db/users-repo.ts';
import { addDays, type IsoDate } from '../domain/calendar.ts';
import { localDateTime, zonedInstant } from '../domain/local-time.ts';
import { outOfQuietHours } from '../domain/reminder-times.ts';
import { reminderSettingsOf } from './reminder-settings.ts';

/** "Later today" is this much later, moved out of quiet hours like any reminder. */
const LATER_TODAY_MS = 3 * 60 * 60 * 1000;

export type SnoozeChoice = 'today' | 'tomorrow';

/** When the snoozed reminder comes back, as the borrower reads it: a date and time in their zone. */
export type SnoozeResult = { ok: true; date: IsoDate; time: string } | { ok: false };

/**
 * A reminder message (its batch) snoozed: queued again in the outbox under its own key (the
 * message and the choice), so pressing the same button twice queues it once. Only the user's own
 * batch can be snoozed.
 */
export function snoozeReminder(q: Queryable, userId: number, batchId: number, when: SnoozeChoice, now: Date, today: IsoDate): SnoozeResult {
  const user = findUser(q, userId);
  const rows = rowsOfBatch(q, userId, batchId);
  if (!user || rows.length === 0) return { ok: false };
  const settings = reminderSettingsOf(user);
  const target =
    when === 'today' ? new Date(now.getTime() + LATER_TODAY_MS) : zonedInstant(addDays(today, 1), settings.reminderTime, settings.timeZone);
  const fireAt = outOfQuietHours(target, settings);
  const kind = `snooze-${batchId}-${when}`;
  for (const row of rows) {
    queueReminder(q, {
      userId,
      installmentId: row.installmentId,
      kind,
      dueDate: row.dueDate,
      fireAt: fireAt.toISOString(),
      notBefore: fireAt.toISOString(),
    });
  }
  const local = localDateTime(fireAt, settings.timeZone);
  return { ok: true, date: local.date, time: local.time };
}
