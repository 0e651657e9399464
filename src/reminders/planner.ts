import { latestDueSlot, type ReminderSettings } from '../domain/reminder-times.ts';
import type { Db } from '../db/client.ts';
import { reminderSettingsOf } from '../services/reminder-settings.ts';
import { LOOK_AGAIN, timetableFrom } from '../services/reminder-timetable.ts';
import { lenderZoneOf } from '../services/ledger.ts';

// The timetable itself is written by the services that change a schedule (refreshReminders, in
// src/services/reminder-timetable.ts); a pass only reads what has come due.

/*
 * The planner turns "a reminder time has come" into an outbox row. Each open installment of a
 * loan whose reminders are on has its reminder times for the next four weeks written out in
 * reminder_timetable (ordered by time), plus a look-again row at the end of those four weeks if
 * it has reminders beyond them. A pass reads only the rows whose time has come, however many
 * loans the database holds, and in the common case it has nothing to work out: it copies them
 * into the outbox and deletes them. Only look-again rows (a few per pass) are planned, and they
 * write the next four weeks.
 *
 * After downtime, only the latest missed reminder of each installment is queued (older ones are
 * stale: "due in 3 days" is wrong on the due day), and the dispatcher puts all of a user's rows
 * into one message. Paused or blocked users are skipped: their rows are used up without queueing.
 *
 * A row carries what the pass needs of its installment (id, due date, owner), and a pass trusts
 * it as long as its version is the user's: everything that changes a user's installments or
 * settings (a loan added, edited, paused or deleted, a payment or its undo, a payoff, new
 * settings) re-plans the user in the same transaction, which retires every older row. So a pass
 * reads no installment and no loan, only the user. The dispatcher still re-reads each
 * installment when it sends, and drops what was paid or deleted meanwhile.
 */

/** Per-connection scratch table, emptied at the start of every pass. */
const SCRATCH_SQL = `
  CREATE TEMP TABLE IF NOT EXISTS due_rows (
    installment_id INTEGER NOT NULL, due_date TEXT NOT NULL, user_id INTEGER NOT NULL,
    version INTEGER NOT NULL, kind TEXT NOT NULL, fire_at TEXT NOT NULL, wanted INTEGER NOT NULL);
  DELETE FROM temp.due_rows;`;

/** The live timetable rows whose time has come; `wanted` is false for paused or blocked users. */
export const STAGE_DUE_SQL = `
  INSERT INTO temp.due_rows
  SELECT t.installment_id, t.due_date, t.user_id, t.version, t.kind, t.fire_at,
         u.active AND NOT u.reminders_paused
  FROM reminder_timetable t
  JOIN users u ON u.id = t.user_id AND u.reminder_version = t.version
  WHERE t.fire_at <= :now`;

/** The look-again rows among them, with the settings their planning needs. */
const LOOK_AGAIN_SQL = `
  SELECT d.installment_id AS installmentId, d.due_date AS dueDate, d.user_id AS userId, d.version,
         d.fire_at AS fireAt, d.wanted, u.time_zone AS timeZone, u.reminder_time AS reminderTime,
         u.days_before AS daysBefore, u.overdue_days AS overdueDays, u.overdue_weekly AS overdueWeekly,
         u.overdue_stop_after_days AS overdueStopAfterDays, u.quiet_start AS quietStart, u.quiet_end AS quietEnd,
         l.lender_time_zone AS lenderTimeZone
  FROM temp.due_rows d JOIN users u ON u.id = d.user_id
  LEFT JOIN installments i ON i.id = d.installment_id LEFT JOIN loans l ON l.id = i.loan_id
  WHERE d.kind = '${LOOK_AGAIN}'`;

interface LookAgainRow {
  installmentId: number;
  dueDate: string;
  userId: number;
  version: number;
  fireAt: string;
  wanted: number;
  timeZone: string;
  reminderTime: string;
  daysBefore: string;
  overdueDays: string;
  overdueWeekly: number;
  overdueStopAfterDays: number | null;
  quietStart: string;
  quietEnd: string;
  /** Null: the bot's default zone. (A live row's installment exists: its version vouches for it.) */
  lenderTimeZone: string | null;
}

/** A reminder a look-again found already due: staged like any other due row. */
const STAGE_MISSED_SQL = `
  INSERT INTO temp.due_rows
  SELECT value ->> 'i', value ->> 'd', value ->> 'u', value ->> 'v', value ->> 'k', value ->> 'f', value ->> 'w'
  FROM json_each(?)`;

/*
 * One outbox row per installment: its latest due reminder (a row from an outage's start would be
 * stale). SQLite takes the bare column (kind) from the row that holds the max().
 */
const QUEUE_SQL = `
  INSERT INTO reminder_outbox (user_id, installment_id, kind, due_date, fire_at, not_before)
  SELECT user_id, installment_id, kind, due_date, latest, latest
  FROM (SELECT user_id, installment_id, kind, due_date, max(fire_at) AS latest
        FROM temp.due_rows WHERE wanted AND kind <> '${LOOK_AGAIN}' GROUP BY installment_id)
  WHERE true
  ON CONFLICT DO NOTHING`;

/** Every row whose time has come, live or stale, is used up. */
export const DROP_USED_SQL = 'DELETE FROM reminder_timetable WHERE fire_at <= :now';

const ADD_ROWS_SQL = `
  INSERT INTO reminder_timetable (fire_at, installment_id, kind, due_date, user_id, version)
  SELECT value ->> 'f', value ->> 'i', value ->> 'k', value ->> 'd', value ->> 'u', value ->> 'v'
  FROM json_each(?)
  WHERE true
  ON CONFLICT DO UPDATE SET due_date = excluded.due_date, user_id = excluded.user_id, version = excluded.version`;

/** A timetable row as ADD_ROWS_SQL and STAGE_MISSED_SQL read it from JSON. */
interface JsonRow {
  f: string;
  i: number;
  k: string;
  d: string;
  u: number;
  v: number;
  w?: number;
}

export interface PlanResult {
  /** Outbox rows written in this pass. */
  queued: number;
  /** Live timetable rows whose time had come. */
  examined: number;
}

/** Where planning failed: an installment whose owner's settings could not be worked with. */
export interface PlanFailure {
  installmentId: number;
  userId: number;
}

function settingsOf(row: LookAgainRow): ReminderSettings {
  return reminderSettingsOf({
    timeZone: row.timeZone,
    reminderTime: row.reminderTime,
    daysBefore: JSON.parse(row.daysBefore) as number[],
    overdueDays: JSON.parse(row.overdueDays) as number[],
    overdueWeekly: row.overdueWeekly === 1,
    overdueStopAfterDays: row.overdueStopAfterDays,
    quietStart: row.quietStart,
    quietEnd: row.quietEnd,
  });
}

/**
 * One planning pass. `defaultTimeZone` is the zone of a loan whose lender's zone is not set (the
 * bot's DEFAULT_TIMEZONE); omitted, such a loan's due dates are read in the borrower's zone.
 */
export function planReminders(
  db: Db,
  now: Date,
  onError?: (error: unknown, failure: PlanFailure) => void,
  defaultTimeZone?: string,
): PlanResult {
  const sqlite = db.$client;
  const nowIso = now.toISOString();
  const run = sqlite.transaction(() => {
    sqlite.exec(SCRATCH_SQL);
    const examined = sqlite.prepare(STAGE_DUE_SQL).run({ now: nowIso }).changes;
    const missed: JsonRow[] = [];
    const next: JsonRow[] = [];
    for (const row of sqlite.prepare(LOOK_AGAIN_SQL).all() as LookAgainRow[]) {
      const same = { i: row.installmentId, d: row.dueDate, u: row.userId, v: row.version };
      try {
        const settings = settingsOf(row);
        const lenderZone = lenderZoneOf(row, defaultTimeZone ?? settings.timeZone);
        // From the look-again instant on, inclusive: a reminder at that very instant is its to plan.
        const latest = latestDueSlot(row.dueDate, settings, new Date(Date.parse(row.fireAt) - 1), now, lenderZone);
        if (latest) missed.push({ ...same, k: latest.kind, f: latest.fireAt.toISOString(), w: row.wanted });
        for (const { fireAt, kind } of timetableFrom(row.installmentId, row.dueDate, settings, now, lenderZone))
          next.push({ ...same, k: kind, f: fireAt });
      } catch (error) {
        // One user's broken settings must not stop everyone's reminders: skip them and say whose.
        // Their rows are used up and not renewed; the next re-plan gives them new ones.
        onError?.(error, { installmentId: row.installmentId, userId: row.userId });
      }
    }
    if (missed.length > 0) sqlite.prepare(STAGE_MISSED_SQL).run(JSON.stringify(missed));
    const queued = sqlite.prepare(QUEUE_SQL).run().changes;
    sqlite.prepare(DROP_USED_SQL).run({ now: nowIso });
    if (next.length > 0) sqlite.prepare(ADD_ROWS_SQL).run(JSON.stringify(next));
    return { queued, examined };
  });
  // Foreign-key checks would cost two random lookups per outbox row (about 15 ms of a pass that
  // queues 10,000) to confirm what the row's version already vouches for. Were that ever wrong,
  // a failed check would abort the whole pass, minute after minute; an unchecked row for a
  // deleted installment is simply dropped by the dispatcher. The pragma only takes effect outside
  // a transaction (inside a caller's transaction the checks stay on).
  const checking = sqlite.pragma('foreign_keys', { simple: true }) === 1;
  if (checking) sqlite.pragma('foreign_keys = OFF');
  try {
    // IMMEDIATE: take the write lock before reading, so a second process planning at the same
    // moment waits (busy timeout) instead of failing to upgrade its read lock.
    return run.immediate();
  } finally {
    if (checking) sqlite.pragma('foreign_keys = ON');
  }
}
