import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../src/db/client.ts';

/*
 * A fresh database file for the dispatch and crash benchmarks: N users in Asia/Shanghai, each
 * with one single-installment loan due on DUE_DATE, its reminder (the due-day one, 09:00 local)
 * in the timetable at exactly SEED_INSTANT. A reminder pass at or after the instant queues one
 * outbox row per user and sends one message per user.
 *
 * Each loan is named after its user ("loan of user 1000042"), so every message says whose it is.
 */

/** 2027-03-12 09:00 in Shanghai: the due-day reminder of an installment due that day. */
export const SEED_INSTANT = new Date('2027-03-12T01:00:00.000Z');
export const DUE_DATE = '2027-03-12';
/** Telegram user ids are large; these are distinct from any test fixture's. */
export const FIRST_USER_ID = 1_000_001;

export interface SeededDatabase {
  path: string;
  /** The users (and private chat ids), in order. */
  userIds: number[];
  instant: Date;
  /** Deletes the temp directory (close every connection first). */
  remove(): void;
}

export const loanNameOf = (userId: number) => `loan of user ${userId}`;

export function seedReminders(count: number): SeededDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'repaybot-bench-'));
  const path = join(dir, 'reminders.sqlite');
  openDatabase(path).$client.close(); // the schema from the real migrations
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  const insertUser = sqlite.prepare(
    "INSERT INTO users (id, time_zone, created_at, reminder_time, language) VALUES (?, 'Asia/Shanghai', '2027-01-01T00:00:00.000Z', '09:00', 'en')",
  );
  const insertLoan = sqlite.prepare(
    `INSERT INTO loans (id, user_id, name, principal, method, rate_percent, rate_unit, periods, first_due, policy_preset, created_at)
     VALUES (?, ?, ?, '888.49', 'annuity', '12', 'annual', 1, ?, 'bank-cn', '2027-01-01T00:00:00.000Z')`,
  );
  const insertInstallment = sqlite.prepare(
    `INSERT INTO installments (id, loan_id, n, due_date, principal, interest, fee, payment)
     VALUES (?, ?, 1, ?, '788.49', '100.00', '0.00', '888.49')`,
  );
  const insertTimetableRow = sqlite.prepare(
    "INSERT INTO reminder_timetable (fire_at, installment_id, kind, due_date, user_id, version) VALUES (?, ?, 'due', ?, ?, 0)",
  );
  const userIds: number[] = [];
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const userId = FIRST_USER_ID + i;
      userIds.push(userId);
      insertUser.run(userId);
      insertLoan.run(i + 1, userId, loanNameOf(userId), DUE_DATE);
      insertInstallment.run(i + 1, i + 1, DUE_DATE);
      insertTimetableRow.run(SEED_INSTANT.toISOString(), i + 1, DUE_DATE, userId);
    }
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  return { path, userIds, instant: SEED_INSTANT, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Outbox rows by status, e.g. { sent: 4998, claimed: 2 }, and the reasons left on rows not sent. */
export function outboxSummary(path: string): { byStatus: Record<string, number>; reasons: Record<string, number> } {
  const sqlite = new Database(path, { readonly: true });
  try {
    const byStatus = Object.fromEntries(
      (
        sqlite.prepare('SELECT status, count(*) AS n FROM reminder_outbox GROUP BY status ORDER BY status').all() as {
          status: string;
          n: number;
        }[]
      ).map((r) => [r.status, r.n]),
    );
    const reasons = Object.fromEntries(
      (
        sqlite
          .prepare(
            "SELECT status || ': ' || coalesce(last_error, '(no reason)') AS reason, count(*) AS n FROM reminder_outbox WHERE status <> 'sent' GROUP BY 1 ORDER BY 2 DESC",
          )
          .all() as { reason: string; n: number }[]
      ).map((r) => [r.reason, r.n]),
    );
    return { byStatus, reasons };
  } finally {
    sqlite.close();
  }
}
