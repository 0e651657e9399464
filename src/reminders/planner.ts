import { and, eq, ne, sql } from 'drizzle-orm';
import { latestDueSlot, nextSlotAfter, type ReminderSettings } from '../domain/reminder-times.ts';
import type { Db } from '../db/client.ts';
import { installments, loans, reminderPointers, users } from '../db/schema.ts';
import { reminderSettingsOf } from './settings.ts';

/*
 * The planner turns "an installment's reminder time has come" into an outbox row. Each open
 * installment of a loan whose reminders are on has a pointer (reminder_pointers) saying when to
 * look at it next, ordered by that instant, so a pass reads only what is due now, however many
 * loans the database holds.
 *
 * After downtime, only the latest missed reminder of each installment is queued (older ones are
 * stale: "due in 3 days" is wrong on the due day), and the dispatcher puts all of a user's rows
 * into one message. Paused or blocked users are skipped: their pointers move on without queueing.
 *
 * A pointer carries what the pass needs of its installment (id, due date, owner), and a pass
 * trusts it as long as its version is the user's: everything that changes a user's installments
 * or settings (a loan added, edited, paused or deleted, a payment or its undo, a payoff, new
 * settings) re-plans the user in the same transaction, which retires every older pointer. So a
 * pass reads no installment and no loan, only the user. The dispatcher still re-reads each
 * installment when it sends, and drops what was paid or deleted meanwhile.
 *
 * A pass works on sets, not rows: the due pointers are staged once in a temp table, the reminder
 * times are worked out in TypeScript once per (due date, settings) pair (a busy pass has
 * thousands of installments but a handful of pairs), and three statements write the outbox rows,
 * drop the used pointers and add the next ones. No row crosses into JavaScript.
 */

/**
 * A pointer never points further ahead than this. An installment due in three years is looked
 * at once a month (nothing is queued then; its pointer moves on), which costs nothing and bounds
 * how long a superseded pointer stays in the table.
 */
export const POINTER_HORIZON_DAYS = 28;
const DAY_MS = 86_400_000;

/** Per-connection scratch tables, emptied at the start of every pass. */
const SCRATCH_SQL = `
  CREATE TEMP TABLE IF NOT EXISTS due_pointers (
    installment_id INTEGER NOT NULL, due_date TEXT NOT NULL, user_id INTEGER NOT NULL,
    version INTEGER NOT NULL, pointer_at TEXT NOT NULL, wanted INTEGER NOT NULL, plan_key TEXT NOT NULL);
  CREATE TEMP TABLE IF NOT EXISTS due_plans (
    plan_key TEXT PRIMARY KEY, kind TEXT, fire_at TEXT, next_at TEXT) WITHOUT ROWID;
  DELETE FROM temp.due_pointers;
  DELETE FROM temp.due_plans;`;

/**
 * The live pointers whose instant has come, with what deciding about them needs. plan_key holds
 * everything the reminder times depend on; `wanted` is false for paused or blocked users. An
 * installment has one live pointer at a time (each pass and each re-plan replaces it), so the
 * staged rows need no key of their own.
 */
export const STAGE_DUE_SQL = `
  INSERT INTO temp.due_pointers
  SELECT p.installment_id, p.due_date, p.user_id, p.version, p.fire_at,
         u.active AND NOT u.reminders_paused,
         json_array(p.due_date, u.time_zone, u.reminder_time, u.days_before, u.overdue_days,
                    u.overdue_weekly, u.overdue_stop_after_days, u.quiet_start, u.quiet_end)
  FROM reminder_pointers p
  JOIN users u ON u.id = p.user_id AND u.reminder_version = p.version
  WHERE p.fire_at <= :now`;

/*
 * A reminder is queued only if it is not older than the pointer that led here: a pointer set at
 * the horizon, not at a reminder time, must not bring back a reminder from before it was set.
 */
const QUEUE_SQL = `
  INSERT INTO reminder_outbox (user_id, installment_id, kind, due_date, fire_at, not_before)
  SELECT d.user_id, d.installment_id, g.kind, d.due_date, g.fire_at, g.fire_at
  FROM temp.due_pointers d JOIN temp.due_plans g ON g.plan_key = d.plan_key
  WHERE d.wanted AND g.kind IS NOT NULL AND g.fire_at >= d.pointer_at
  ON CONFLICT DO NOTHING`;

/** Every pointer that has come, live or stale, is used up. */
export const DROP_USED_SQL = 'DELETE FROM reminder_pointers WHERE fire_at <= :now';

const ADVANCE_SQL = `
  INSERT INTO reminder_pointers (fire_at, installment_id, due_date, user_id, version)
  SELECT min(g.next_at, :horizon), d.installment_id, d.due_date, d.user_id, d.version
  FROM temp.due_pointers d JOIN temp.due_plans g ON g.plan_key = d.plan_key
  WHERE g.next_at IS NOT NULL
  ON CONFLICT DO UPDATE SET due_date = excluded.due_date, user_id = excluded.user_id, version = excluded.version`;

export interface PlanResult {
  /** Outbox rows written in this pass. */
  queued: number;
  /** Live pointers looked at (their instant had come). */
  examined: number;
}

/** Where planning failed: one (due date, settings) pair that could not be worked out, and whose it is. */
export interface PlanFailure {
  dueDate: string;
  userIds: number[];
}

/** plan_key, as STAGE_DUE_SQL builds it. */
type PlanKey = [string, string, string, string, string, number, number | null, string, string];

function settingsOfKey(key: PlanKey): { dueDate: string; settings: ReminderSettings } {
  const [dueDate, timeZone, reminderTime, daysBefore, overdueDays, overdueWeekly, overdueStopAfterDays, quietStart, quietEnd] = key;
  const settings = reminderSettingsOf({
    timeZone,
    reminderTime,
    daysBefore: JSON.parse(daysBefore) as number[],
    overdueDays: JSON.parse(overdueDays) as number[],
    overdueWeekly: overdueWeekly === 1,
    overdueStopAfterDays,
    quietStart,
    quietEnd,
  });
  return { dueDate, settings };
}

const horizonOf = (now: Date) => new Date(now.getTime() + POINTER_HORIZON_DAYS * DAY_MS);

/** The pointer's instant: the next reminder, or the horizon if that comes first. */
function pointerAt(next: Date, now: Date): string {
  return new Date(Math.min(next.getTime(), horizonOf(now).getTime())).toISOString();
}

export function planReminders(db: Db, now: Date, onError?: (error: unknown, failure: PlanFailure) => void): PlanResult {
  const sqlite = db.$client;
  const nowIso = now.toISOString();
  const run = sqlite.transaction(() => {
    sqlite.exec(SCRATCH_SQL);
    const examined = sqlite.prepare(STAGE_DUE_SQL).run({ now: nowIso }).changes;
    const keys = sqlite.prepare('SELECT DISTINCT plan_key FROM temp.due_pointers').pluck().all() as string[];
    const savePlan = sqlite.prepare('INSERT INTO temp.due_plans (plan_key, kind, fire_at, next_at) VALUES (?, ?, ?, ?)');
    for (const key of keys) {
      try {
        const { dueDate, settings } = settingsOfKey(JSON.parse(key) as PlanKey);
        const latest = latestDueSlot(dueDate, settings, undefined, now);
        const next = nextSlotAfter(dueDate, settings, now);
        savePlan.run(key, latest?.kind ?? null, latest?.fireAt.toISOString() ?? null, next?.fireAt.toISOString() ?? null);
      } catch (error) {
        // One user's broken settings must not stop everyone's reminders: skip them and say whose.
        // With no plan row their pointers are used up and not renewed; the next re-plan (new
        // settings, a payment) gives them new ones.
        const userIds = sqlite.prepare('SELECT DISTINCT user_id FROM temp.due_pointers WHERE plan_key = ?').pluck().all(key) as number[];
        onError?.(error, { dueDate: String((JSON.parse(key) as unknown[])[0]), userIds });
      }
    }
    const queued = sqlite.prepare(QUEUE_SQL).run().changes;
    sqlite.prepare(DROP_USED_SQL).run({ now: nowIso });
    sqlite.prepare(ADVANCE_SQL).run({ horizon: horizonOf(now).toISOString() });
    return { queued, examined };
  });
  // Foreign-key checks would cost two random lookups per outbox row (about 15 ms of a pass that
  // queues 10,000) to confirm what the pointer's version already vouches for. Were that ever wrong, a failed check
  // would abort the whole pass, minute after minute; an unchecked row for a deleted installment
  // is simply dropped by the dispatcher. The pragma only takes effect outside a transaction
  // (inside a caller's transaction the checks stay on).
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

/**
 * Re-plans every open installment of a user from `now`, except those of loans whose reminders
 * are paused. Must be called, in the same transaction, by everything that changes what reminders
 * depend on: a loan added, edited, deleted, paused or resumed, a payment or its undo, a payoff,
 * new settings. The version bump retires all of the user's earlier pointers at once; see
 * reminderPointers.
 */
export function refreshReminders(db: Db, userId: number, now: Date): void {
  db.transaction((tx) => {
    const user = tx
      .update(users)
      .set({ reminderVersion: sql`${users.reminderVersion} + 1` })
      .where(eq(users.id, userId))
      .returning()
      .get();
    if (!user) return;
    const settings = reminderSettingsOf(user);
    // Money columns are canonical two-decimal strings, so "not equal" is "something still open".
    const open = tx
      .select({ id: installments.id, dueDate: installments.dueDate })
      .from(installments)
      .innerJoin(loans, eq(installments.loanId, loans.id))
      .where(and(eq(loans.userId, userId), eq(loans.remindersPaused, false), ne(installments.paid, installments.payment)))
      .all();
    for (const row of open) {
      const next = nextSlotAfter(row.dueDate, settings, now);
      if (!next) continue;
      tx.insert(reminderPointers)
        .values({ fireAt: pointerAt(next.fireAt, now), installmentId: row.id, dueDate: row.dueDate, userId, version: user.reminderVersion })
        .onConflictDoUpdate({
          target: [reminderPointers.fireAt, reminderPointers.installmentId],
          set: { dueDate: row.dueDate, userId, version: user.reminderVersion },
        })
        .run();
    }
  });
}

