import type { Db } from '../db/client.ts';
import { updateReminderSettings, type ReminderSettingsUpdate } from '../db/users-repo.ts';
import { refreshReminders } from '../reminders/planner.ts';

/**
 * Saves new reminder settings and re-plans the user's reminders, all or nothing: the reminder
 * timetable is trusted as long as it matches the settings, so the two must never be saved apart.
 */
export function saveReminderSettings(db: Db, userId: number, update: ReminderSettingsUpdate, now: Date): void {
  db.transaction((tx) => {
    updateReminderSettings(tx as unknown as Db, userId, update);
    refreshReminders(tx as unknown as Db, userId, now);
  });
}
