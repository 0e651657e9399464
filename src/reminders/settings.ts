import type { ReminderSettings } from '../domain/reminder-times.ts';
import type { users } from '../db/schema.ts';

type UserRow = typeof users.$inferSelect;

/** The user's reminder settings as the timing rules read them. */
export function reminderSettingsOf(
  user: Pick<
    UserRow,
    'timeZone' | 'reminderTime' | 'daysBefore' | 'overdueDays' | 'overdueWeekly' | 'overdueStopAfterDays' | 'quietStart' | 'quietEnd'
  >,
): ReminderSettings {
  return {
    timeZone: user.timeZone,
    reminderTime: user.reminderTime,
    daysBefore: user.daysBefore,
    overdueDays: user.overdueDays,
    overdueWeekly: user.overdueWeekly,
    overdueStopAfterDays: user.overdueStopAfterDays,
    quietStart: user.quietStart,
    quietEnd: user.quietEnd,
  };
}
