import type { Queryable } from '../db/client.ts';
import { findUser, reminderSettingsOf, updateReminderSettings, type ReminderSettingsUpdate } from '../db/users-repo.ts';
import { isInQuietHours, validateReminderSettings, type ReminderSettings } from '../domain/reminder-times.ts';
import { refreshReminders } from './reminder-timetable.ts';
import { writeTransaction } from '../db/write-transaction.ts';

export { reminderSettingsOf, type ReminderSettingsUpdate };

/** What /settings shows: the timing rules, and whether all reminders are paused. */
export interface ReminderSettingsView extends ReminderSettings {
  remindersPaused: boolean;
}

export function reminderSettingsOfUser(q: Queryable, userId: number): ReminderSettingsView | undefined {
  const user = findUser(q, userId);
  return user && { ...reminderSettingsOf(user), remindersPaused: user.remindersPaused };
}

/**
 * Saves new reminder settings and re-plans the user's reminders, all or nothing: the reminder
 * timetable is trusted as long as it matches the settings, so the two must never be saved apart.
 */
export function saveReminderSettings(
  q: Queryable,
  userId: number,
  update: ReminderSettingsUpdate,
  now: Date,
  defaultTimeZone?: string,
): void {
  writeTransaction(q, (tx) => {
    updateReminderSettings(tx, userId, update);
    refreshReminders(tx, userId, now, defaultTimeZone);
  });
}

export type ChangeSettingsResult =
  | { ok: true }
  | { ok: false; reason: 'time-in-quiet-hours'; quietStart: string; quietEnd: string }
  | { ok: false; reason: 'not-allowed'; field: keyof ReminderSettings };

/**
 * Changes some settings if the whole set they make is valid; nothing is saved otherwise. A
 * reminder time inside quiet hours is refused: every reminder would wait for the morning after.
 */
export function changeReminderSettings(
  q: Queryable,
  userId: number,
  update: ReminderSettingsUpdate,
  now: Date,
  defaultTimeZone?: string,
): ChangeSettingsResult {
  const current = reminderSettingsOfUser(q, userId);
  if (!current) return { ok: false, reason: 'not-allowed', field: 'timeZone' };
  const settings: ReminderSettings = { ...reminderSettingsOf(current), ...update };
  const timing = 'reminderTime' in update || 'quietStart' in update || 'quietEnd' in update;
  if (timing && isInQuietHours(settings.reminderTime, settings.quietStart, settings.quietEnd)) {
    return { ok: false, reason: 'time-in-quiet-hours', quietStart: settings.quietStart, quietEnd: settings.quietEnd };
  }
  const problem = validateReminderSettings(settings)[0];
  if (problem) return { ok: false, reason: 'not-allowed', field: problem.field };
  saveReminderSettings(q, userId, update, now, defaultTimeZone);
  return { ok: true };
}
