import { createHash, randomBytes as cryptoRandomBytes } from 'node:crypto';
import { calendarFeedOwner, deleteCalendarFeed, hasCalendarFeed, putCalendarFeed } from '../db/calendar-feeds-repo.ts';
import type { Queryable } from '../db/client.ts';
import { findUser } from '../db/users-repo.ts';
import type { IsoDate } from '../domain/calendar.ts';
import type { LocalTime } from '../domain/local-time.ts';
import type { Decimal } from '../domain/money.ts';
import { listLoans } from './loans.ts';
import { reminderSettingsOf } from './reminder-settings.ts';

/*
 * /calendar (issue 14): what the borrower's calendar shows — every open installment of their
 * loans on its due date (the lender's calendar date, as stored) with what settles it — and the
 * private subscription feed. The words are the command layer's (commands/shared/calendar-ics.ts);
 * this file only reads and writes rows of the one user it is given.
 */

export interface CalendarInstallment {
  loanId: number;
  loanName: string;
  n: number;
  periods: number;
  due: IsoDate;
  /** What settles it on the loan's today: the open amount plus penalty and late fee owed. */
  amount: Decimal;
  /** The part of `amount` that is penalty and late fee (0 unless overdue). */
  penalty: Decimal;
  /** False when the loan's reminders are paused: its events carry no alarm. */
  remind: boolean;
}

export interface CalendarData {
  userId: number;
  /** The user's language choices, for a feed read without a chat update (see localeOf). */
  language: string | null;
  telegramLanguage: string | null;
  reminderTime: LocalTime;
  /** The user's "days before" reminders: one alarm each. Empty when all reminders are paused. */
  daysBefore: number[];
  installments: CalendarInstallment[];
}

/** Every open installment of the user's loans, oldest due first; undefined for an unknown user. */
export function calendarOfUser(q: Queryable, userId: number, now: Date, defaultTimeZone: string): CalendarData | undefined {
  const user = findUser(q, userId);
  if (!user) return undefined;
  const settings = reminderSettingsOf(user);
  const installments: CalendarInstallment[] = [];
  for (const { loan, ledger } of listLoans(q, userId, now, defaultTimeZone)) {
    const periods = ledger.installments.length;
    for (const entry of ledger.installments) {
      if (!entry.owed.gt(0)) continue;
      installments.push({
        loanId: loan.id,
        loanName: loan.name,
        n: entry.n,
        periods,
        due: entry.due,
        amount: entry.owed,
        penalty: entry.penaltyOwed.plus(entry.lateFeeOwed),
        remind: !loan.remindersPaused,
      });
    }
  }
  installments.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.loanId - b.loanId || a.n - b.n));
  return {
    userId,
    language: user.language,
    telegramLanguage: user.telegramLanguage,
    reminderTime: settings.reminderTime,
    daysBefore: user.remindersPaused ? [] : [...settings.daysBefore].sort((a, b) => b - a),
    installments,
  };
}

/** Where randomness comes from: crypto by default, a fixed one in tests. */
export type RandomBytes = (size: number) => Uint8Array;

export const defaultRandomBytes: RandomBytes = (size) => cryptoRandomBytes(size);

/** 32 bytes: 256 bits, far beyond guessing. */
const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Only this is stored: a leaked database gives no working feed URL. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new private feed token for the user (the previous one, if any, stops working). */
export function createCalendarFeed(q: Queryable, userId: number, now: Date, random: RandomBytes = defaultRandomBytes): string {
  const token = Buffer.from(random(TOKEN_BYTES)).toString('base64url');
  putCalendarFeed(q, userId, tokenHash(token), now.toISOString());
  return token;
}

export function revokeCalendarFeed(q: Queryable, userId: number): boolean {
  return deleteCalendarFeed(q, userId);
}

export function calendarFeedExists(q: Queryable, userId: number): boolean {
  return hasCalendarFeed(q, userId);
}

/** The owner of a feed token; undefined for a forged, malformed or revoked one. */
export function calendarFeedUser(q: Queryable, token: string): number | undefined {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  return calendarFeedOwner(q, tokenHash(token));
}
