import { eq } from 'drizzle-orm';
import { Decimal } from '../domain/money.ts';
import { latestDueSlot, nextSlotAfter } from '../domain/reminder-times.ts';
import type { Db } from '../db/client.ts';
import { installments, loans, users } from '../db/schema.ts';
import { reminderSettingsOf } from './settings.ts';

/*
 * The planner turns "an installment's next reminder time has come" into an outbox row. Each
 * installment carries the instant it next needs attention (next_reminder_at, indexed), so a pass
 * reads only the installments that are due now, however many loans the database holds.
 *
 * After downtime, only the latest missed reminder of each installment is queued (older ones are
 * stale: "due in 3 days" is wrong on the due day), and the dispatcher puts all of a user's rows
 * into one message. Installments paid meanwhile, paused loans and paused or blocked users are
 * skipped: their pointer moves on without queueing.
 */

/** One due installment as the planner reads it (raw SQL: a pass reads thousands of rows). */
interface DueRow {
  installmentId: number;
  dueDate: string;
  payment: string;
  paid: string;
  userId: number;
  loanPaused: number;
  timeZone: string;
  reminderTime: string;
  daysBefore: string;
  overdueDays: string;
  overdueWeekly: number;
  overdueStopAfterDays: number | null;
  quietStart: string;
  quietEnd: string;
  remindersPaused: number;
  active: number;
}

export const DUE_ROWS_SQL = `
  SELECT i.id AS installmentId, i.due_date AS dueDate, i.payment, i.paid,
         l.user_id AS userId, l.reminders_paused AS loanPaused,
         u.time_zone AS timeZone, u.reminder_time AS reminderTime, u.days_before AS daysBefore,
         u.overdue_days AS overdueDays, u.overdue_weekly AS overdueWeekly,
         u.overdue_stop_after_days AS overdueStopAfterDays, u.quiet_start AS quietStart,
         u.quiet_end AS quietEnd, u.reminders_paused AS remindersPaused, u.active
  FROM installments i
  JOIN loans l ON l.id = i.loan_id
  JOIN users u ON u.id = l.user_id
  WHERE i.next_reminder_at IS NOT NULL AND i.next_reminder_at <= ?`;

/** All of a pass's outbox rows in one statement (json_each), not thousands of round trips. */
const QUEUE_SQL = `
  INSERT INTO reminder_outbox (user_id, installment_id, kind, due_date, fire_at, not_before)
  SELECT value ->> 'u', value ->> 'i', value ->> 'k', value ->> 'd', value ->> 'f', value ->> 'f'
  FROM json_each(?)
  WHERE true
  ON CONFLICT DO NOTHING`;

const ADVANCE_SQL = `
  UPDATE installments SET next_reminder_at = j.value ->> 'n'
  FROM json_each(?) AS j
  WHERE installments.id = j.value ->> 'i'`;

export interface PlanResult {
  /** Outbox rows written in this pass. */
  queued: number;
  /** Installments looked at (due now). */
  examined: number;
}

/** The slots of one (due date, settings) pair at this pass's `now`, as the SQL wants them. */
interface Planned {
  latestKind: string | undefined;
  latestFireAt: string | undefined;
  next: string | null;
}

export function planReminders(db: Db, now: Date, onError?: (error: unknown, installmentId: number) => void): PlanResult {
  const sqlite = db.$client;
  const nowIso = now.toISOString();
  // Installments that share a due date and settings share their slots: in a busy pass most do.
  const memo = new Map<string, Planned>();
  const plan = (row: DueRow): Planned => {
    const settings = reminderSettingsOf({
      timeZone: row.timeZone,
      reminderTime: row.reminderTime,
      daysBefore: JSON.parse(row.daysBefore) as number[],
      overdueDays: JSON.parse(row.overdueDays) as number[],
      overdueWeekly: row.overdueWeekly === 1,
      overdueStopAfterDays: row.overdueStopAfterDays,
      quietStart: row.quietStart,
      quietEnd: row.quietEnd,
    });
    const latest = latestDueSlot(row.dueDate, settings, undefined, now);
    const next = nextSlotAfter(row.dueDate, settings, now);
    return { latestKind: latest?.kind, latestFireAt: latest?.fireAt.toISOString(), next: next ? next.fireAt.toISOString() : null };
  };
  const run = sqlite.transaction(() => {
    const rows = sqlite.prepare(DUE_ROWS_SQL).all(nowIso) as DueRow[];
    const queue: { u: number; i: number; k: string; d: string; f: string }[] = [];
    const advance: { i: number; n: string | null }[] = [];
    for (const row of rows) {
      try {
        // Both are canonical two-decimal strings and paid never exceeds payment (payments are
        // allocated up to the open amount), so "not equal" is exactly "something still open".
        if (row.paid === row.payment) {
          advance.push({ i: row.installmentId, n: null });
          continue;
        }
        const key = `${row.dueDate}|${row.timeZone}|${row.reminderTime}|${row.daysBefore}|${row.overdueDays}|${row.overdueWeekly}|${row.overdueStopAfterDays}|${row.quietStart}|${row.quietEnd}`;
        let planned = memo.get(key);
        if (!planned) memo.set(key, (planned = plan(row)));
        // Paused loans, paused users and users who blocked the bot: the pointer moves on, nothing is queued.
        const wanted = row.active === 1 && row.remindersPaused === 0 && row.loanPaused === 0;
        if (wanted && planned.latestKind && planned.latestFireAt) {
          queue.push({ u: row.userId, i: row.installmentId, k: planned.latestKind, d: row.dueDate, f: planned.latestFireAt });
        }
        advance.push({ i: row.installmentId, n: planned.next });
      } catch (error) {
        // One user's broken settings must not stop everyone's reminders: skip and say so.
        onError?.(error, row.installmentId);
        advance.push({ i: row.installmentId, n: null });
      }
    }
    const queued = queue.length > 0 ? sqlite.prepare(QUEUE_SQL).run(JSON.stringify(queue)).changes : 0;
    if (advance.length > 0) sqlite.prepare(ADVANCE_SQL).run(JSON.stringify(advance));
    return { queued, examined: rows.length };
  });
  // IMMEDIATE: take the write lock before reading, so a second process planning at the same
  // moment waits (busy timeout) instead of failing to upgrade its read lock.
  return run.immediate();
}

/**
 * Points every open installment of a user at its next reminder after `now`. Called whenever
 * what reminders depend on changes: a new or edited loan, a payment or its undo, new settings.
 */
export function refreshReminders(db: Db, userId: number, now: Date): void {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) return;
  const settings = reminderSettingsOf(user);
  const rows = db
    .select({ id: installments.id, dueDate: installments.dueDate, payment: installments.payment, paid: installments.paid })
    .from(installments)
    .innerJoin(loans, eq(installments.loanId, loans.id))
    .where(eq(loans.userId, userId))
    .all();
  db.transaction((tx) => {
    for (const row of rows) {
      const open = new Decimal(row.payment).gt(row.paid);
      const next = open ? nextSlotAfter(row.dueDate, settings, now) : undefined;
      tx.update(installments)
        .set({ nextReminderAt: next ? next.fireAt.toISOString() : null })
        .where(eq(installments.id, row.id))
        .run();
    }
  });
}
