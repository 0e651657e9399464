import type { Queryable } from '../db/client.ts';
import { findUser, reminderSettingsOf, updateReminderSettings, type ReminderSettingsUpdate } from '../db/users-repo.ts';
import type { ReminderSettings } from '../domain/reminder-times.ts';
import { refreshReminders } from './reminder-timetable.ts';

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
export function saveReminderSettings(q: Queryable, userId: number, update: ReminderSettingsUpdate, now: Date): void {
  q.transaction((tx) => {
    updateReminderSettings(tx, userId, update);
    refreshReminders(tx, userId, now);
  });
}
