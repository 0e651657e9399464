import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openDatabase } from '../src/db/client.ts';
import { DUE_ROWS_SQL, planReminders } from '../src/reminders/planner.ts';

/*
 * Reminder planning at scale (issue 4 target: one pass over 1,000,000 installments of 200,000
 * users finds and queues the 10,000 due reminders in ≤ 100 ms, its queries using indexes).
 *
 * The database is a real file in a temp dir, filled with raw prepared inserts in one
 * transaction. Every user is in Asia/Shanghai with one 5-installment loan, every installment
 * open and carrying its next reminder instant, as refreshReminders leaves them. Exactly
 * `due` installments have next_reminder_at ≤ the benchmark instant: most are 3 days before
 * their due date, some on the due day, some a week overdue, at reminder times from 08:00 to
 * 09:00; all the others point into the future.
 */

/** 2027-03-12 09:00 in Shanghai. */
export const PLANNING_NOW = new Date('2027-03-12T01:00:00.000Z');

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MIN = 8 * 60;
const isoDate = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const dayOf = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
/** The instant of local (Shanghai, no DST) `time` on epoch day `day`. */
const shanghaiIso = (day: number, time: string) => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return new Date(day * DAY_MS + (h * 60 + m - SHANGHAI_OFFSET_MIN) * 60_000).toISOString();
};
const addMonths = (date: string, months: number) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, 28))).toISOString().slice(0, 10);
};

export interface BuildOptions {
  users: number;
  installmentsPerUser: number;
  /** How many installments are due (next_reminder_at ≤ PLANNING_NOW); one per user, users 1..due. */
  due: number;
}

/** Fills a new database file; returns how long it took (ms). */
export function buildPlanningDatabase(path: string, options: BuildOptions): number {
  const start = performance.now();
  openDatabase(path).$client.close(); // schema from the real migrations
  const sqlite = new Database(path);
  // Only while building: a crash here just means building again.
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  const insertUser = sqlite.prepare('INSERT INTO users (id, time_zone, created_at, reminder_time) VALUES (?, ?, ?, ?)');
  const insertLoan = sqlite.prepare(
    `INSERT INTO loans (id, user_id, name, principal, method, rate_percent, rate_unit, periods, first_due, policy_preset, created_at)
     VALUES (?, ?, 'loan', '10000.00', 'annuity', '12', 'year', ?, ?, 'bank-cn', '2026-12-01T00:00:00.000Z')`,
  );
  const insertInstallment = sqlite.prepare(
    `INSERT INTO installments (loan_id, n, due_date, principal, interest, fee, payment, next_reminder_at)
     VALUES (?, ?, ?, '788.49', '100.00', '0.00', '888.49', ?)`,
  );
  // Indexes are built once at the end, from the migration's own definitions: much faster than
  // keeping them up to date through 1.4 million inserts.
  const indexes = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('users', 'loans', 'installments')")
    .all() as { name: string; sql: string }[];
  for (const { name } of indexes) sqlite.exec(`DROP INDEX "${name}"`);
  const nowDay = Math.floor(PLANNING_NOW.getTime() / DAY_MS);
  const reminderTimes = ['08:00', '08:15', '08:30', '08:45', '09:00'];
  sqlite.transaction(() => {
    for (let u = 1; u <= options.users; u++) {
      const isDue = u <= options.due;
      const reminderTime = isDue ? (reminderTimes[u % reminderTimes.length] as string) : '09:00';
      insertUser.run(u, 'Asia/Shanghai', '2026-12-01T00:00:00.000Z', reminderTime);
      // Due users: 80% three days before (due 03-15), 10% due today (03-12), 10% a week overdue
      // (due 03-05, its +7 follow-up). Others: first due 03-16 … 04-14, first reminder ≥ 03-13.
      const kind = isDue ? u % 10 : -1;
      const firstDueDay = kind === 0 ? nowDay : kind === 1 ? nowDay - 7 : isDue ? nowDay + 3 : nowDay + 4 + (u % 30);
      const reminderOffset = kind === 0 ? 0 : kind === 1 ? 7 : -3;
      const firstDue = isoDate(firstDueDay);
      insertLoan.run(u, u, options.installmentsPerUser, firstDue);
      for (let n = 1; n <= options.installmentsPerUser; n++) {
        const due = n === 1 ? firstDue : addMonths(firstDue, n - 1);
        const next = n === 1 ? shanghaiIso(firstDueDay + reminderOffset, reminderTime) : shanghaiIso(dayOf(due) - 3, reminderTime);
        insertInstallment.run(u, n, due, next);
      }
    }
  })();
  for (const { sql } of indexes) sqlite.exec(sql);
  sqlite.pragma('journal_mode = WAL');
  sqlite.close();
  return performance.now() - start;
}

/** The planner's own select, for EXPLAIN QUERY PLAN. */
export function plannerSelectSql(nowIso: string): { sql: string; params: unknown[] } {
  return { sql: DUE_ROWS_SQL, params: [nowIso] };
}

export interface PlanningBenchResult {
  label: string;
  perSecond: number;
  ms: number;
  target: number;
  queued: number;
  buildMs: number;
  usesIndex: boolean;
}

export function runPlanningBench(options: BuildOptions = { users: 200_000, installmentsPerUser: 5, due: 10_000 }): PlanningBenchResult {
  const dir = mkdtempSync(join(tmpdir(), 'repaybot-planning-'));
  try {
    const path = join(dir, 'bench.db');
    const buildMs = buildPlanningDatabase(path, options);
    const db = openDatabase(path);
    try {
      const nowIso = PLANNING_NOW.toISOString();
      const dueNow = db.$client.prepare('SELECT count(*) AS n FROM installments WHERE next_reminder_at <= ?').get(nowIso) as { n: number };
      if (dueNow.n !== options.due) throw new Error(`expected ${options.due} due installments, built ${dueNow.n}`);

      const start = performance.now();
      const result = planReminders(db, PLANNING_NOW);
      const ms = performance.now() - start;
      if (result.queued !== options.due) throw new Error(`planner queued ${result.queued}, expected ${options.due}`);

      const { sql, params } = plannerSelectSql(nowIso);
      const plan = db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
      const usesIndex = plan.some((row) => row.detail.includes('installments_next_reminder_idx'));
      const total = options.users * options.installmentsPerUser;
      console.log(`planning: database of ${total.toLocaleString('en')} installments for ${options.users.toLocaleString('en')} users built in ${(buildMs / 1000).toFixed(1)} s`);
      console.log(`planning: one planReminders pass queued ${result.queued.toLocaleString('en')} (examined ${result.examined.toLocaleString('en')}) in ${ms.toFixed(1)} ms`);
      console.log(`planning: EXPLAIN QUERY PLAN of the planner's select${usesIndex ? '' : '  ✗ installments_next_reminder_idx NOT used'}`);
      for (const row of plan) console.log(`  ${row.detail}`);
      return {
        label: `planning, one pass queueing ${result.queued.toLocaleString('en')} due of ${total.toLocaleString('en')} installments (target ≤ 100 ms)`,
        perSecond: Math.round((result.queued / ms) * 1000),
        ms: Math.round(ms),
        // 10,000 reminders in ≤ 100 ms.
        target: 100_000,
        queued: result.queued,
        buildMs: Math.round(buildMs),
        usesIndex,
      };
    } finally {
      db.$client.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
