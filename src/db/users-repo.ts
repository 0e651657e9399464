import { eq } from 'drizzle-orm';
import type { Db } from './client.ts';
import { users } from './schema.ts';

export type UserRow = typeof users.$inferSelect;

export function findUser(db: Db, id: number): UserRow | undefined {
  return db.select().from(users).where(eq(users.id, id)).get();
}

/** Creates the user on first contact; an existing row is returned as it is. */
export function ensureUser(db: Db, id: number, defaults: { timeZone: string; createdAt: string }): UserRow {
  db.insert(users).values({ id, language: null, timeZone: defaults.timeZone, createdAt: defaults.createdAt }).onConflictDoNothing().run();
  const row = findUser(db, id);
  if (!row) throw new Error(`user ${id} vanished after insert`);
  return row;
}

export function setUserLanguage(db: Db, id: number, language: string): void {
  db.update(users).set({ language }).where(eq(users.id, id)).run();
}

/** Remembers Telegram's language for messages we start (reminders), and reactivates a user who writes again. */
export function touchUser(db: Db, id: number, languageCode: string | undefined): void {
  db.update(users)
    .set({ active: true, ...(languageCode !== undefined && { telegramLanguage: languageCode }) })
    .where(eq(users.id, id))
    .run();
}

export function setUserActive(db: Db, id: number, active: boolean): void {
  db.update(users).set({ active }).where(eq(users.id, id)).run();
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

export function updateReminderSettings(db: Db, id: number, values: ReminderSettingsUpdate): void {
  db.update(users).set(values).where(eq(users.id, id)).run();
}
