import { eq, sql } from 'drizzle-orm';
import type { Queryable } from './client.ts';
import { prepared } from './prepared.ts';
import type { ReminderSettings } from '../domain/reminder-times.ts';
import { users } from './schema.ts';

export type UserRow = typeof users.$inferSelect;

export function findUser(q: Queryable, id: number): UserRow | undefined {
  return prepared(q, 'findUser', (p) =>
    p
      .select()
      .from(users)
      .where(eq(users.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
}

/**
 * Creates the user on first contact; an existing row is returned as it is. Read first: every
 * update comes through here, and a returning user (nearly every update) then costs one indexed
 * read and no write (an INSERT OR IGNORE takes the write lock and commits even when it changes nothing).
 */
export function ensureUser(q: Queryable, id: number, defaults: { timeZone: string; createdAt: string }): UserRow {
  const existing = findUser(q, id);
  if (existing) return existing;
  prepared(q, 'ensureUser', (p) =>
    p
      .insert(users)
      .values({ id: sql.placeholder('id'), language: null, timeZone: sql.placeholder('timeZone'), createdAt: sql.placeholder('createdAt') })
      .onConflictDoNothing()
      .prepare(),
  ).run({ id, timeZone: defaults.timeZone, createdAt: defaults.createdAt });
  const row = findUser(q, id);
  if (!row) throw new Error(`user ${id} vanished after insert`);
  return row;
}

export function setUserLanguage(q: Queryable, id: number, language: string): void {
  q.update(users).set({ language }).where(eq(users.id, id)).run();
}

/** Remembers Telegram's language for messages we start (reminders), and reactivates a user who writes again. */
export function touchUser(q: Queryable, id: number, languageCode: string | undefined): void {
  if (languageCode === undefined) {
    prepared(q, 'touchUser', (p) =>
      p
        .update(users)
        .set({ active: true })
        .where(eq(users.id, sql.placeholder('id')))
        .prepare(),
    ).run({ id });
    return;
  }
  prepared(q, 'touchUserLanguage', (p) =>
    p
      .update(users)
      .set({ active: true, telegramLanguage: sql`${sql.placeholder('languageCode')}` })
      .where(eq(users.id, sql.placeholder('id')))
      .prepare(),
  ).run({ id, languageCode });
}

export function setUserActive(q: Queryable, id: number, active: boolean): void {
  q.update(users).set({ active }).where(eq(users.id, id)).run();
}

export type ReminderSettingsUpdate = Partial<
  Pick<
    UserRow,
    | 'timeZone'
    | 'reminderTime'
    | 'daysBefore'
    | 'overdueDays'
    | 'overdueWeekly'
    | 'overdueStopAfterDays'
    | 'quietStart'
    | 'quietEnd'
    | 'remindersPaused'
  >
>;

export function updateReminderSettings(q: Queryable, id: number, values: ReminderSettingsUpdate): void {
  q.update(users).set(values).where(eq(users.id, id)).run();
}

type SettingsColumns = Pick<
  UserRow,
  'timeZone' | 'reminderTime' | 'daysBefore' | 'overdueDays' | 'overdueWeekly' | 'overdueStopAfterDays' | 'quietStart' | 'quietEnd'
>;

/** The user's reminder settings as the timing rules read them: the one mapping from the row. */
export function reminderSettingsOf(user: SettingsColumns): ReminderSettings {
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
