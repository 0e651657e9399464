import type { Queryable } from '../db/client.ts';
import { ensureUser, setUserLanguage, touchUser, type UserRow } from '../db/users-repo.ts';

/** Who wrote, as the core needs them: their language choice, Telegram's, and their time zone. */
export type UserRecord = Pick<UserRow, 'id' | 'language' | 'telegramLanguage' | 'timeZone' | 'active'>;

/**
 * A user writes: created on first contact (in the default time zone), reactivated if they had
 * blocked the bot, and Telegram's language remembered for the messages we start (reminders).
 */
export function enterUser(q: Queryable, userId: number, languageCode: string | undefined, now: Date, defaultTimeZone: string): UserRecord {
  const user = ensureUser(q, userId, { timeZone: defaultTimeZone, createdAt: now.toISOString() });
  if (!user.active || (languageCode !== undefined && user.telegramLanguage !== languageCode)) {
    touchUser(q, user.id, languageCode);
    return { ...user, active: true, telegramLanguage: languageCode ?? user.telegramLanguage };
  }
  return user;
}

export function chooseLanguage(q: Queryable, userId: number, language: string): void {
  setUserLanguage(q, userId, language);
}
