import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { type KnownMigration, knownMigrations, schemaState } from './read-only.ts';

/*
 * `repaybot doctor`'s look at the database (issue 13), read-only: each check is a finding that is
 * fine, worth knowing (a note) or needs attention (the doctor then exits non-zero).
 */

export type FindingStatus = 'ok' | 'note' | 'attention';

export interface Finding {
  check: string;
  status: FindingStatus;
  detail: string;
}

/** Dead letters younger than this need attention; older ones were seen before and are only counted. */
export const RECENT_DEAD_LETTER_DAYS = 7;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Bytes as people read them: 812 B, 4.0 KiB, 12.3 MiB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

function sizeOf(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

const count = (sqlite: Database.Database, sql: string, params: unknown[] = []): number =>
  Number(
    sqlite
      .prepare(sql)
      .pluck()
      .get(...params) ?? 0,
  );

const hasTable = (sqlite: Database.Database, name: string): boolean =>
  sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/** Every database check, in the order the doctor prints them. */
export function examineDatabase(sqlite: Database.Database, now: Date, known: KnownMigration[] = knownMigrations()): Finding[] {
  return [integrity(sqlite), foreignKeys(sqlite), migrations(sqlite, known), deadLetters(sqlite, now), orphans(sqlite)];
}

function integrity(sqlite: Database.Database): Finding {
  const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
  const problems = rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
  if (problems.length === 0) return { check: 'integrity', status: 'ok', detail: 'ok' };
  return {
    check: 'integrity',
    status: 'attention',
    detail: `${plural(problems.length, 'problem')}: ${problems[0]}${problems.length > 1 ? ' …' : ''} (restore from a backup: repaybot restore)`,
  };
}

function foreignKeys(sqlite: Database.Database): Finding {
  const rows = sqlite.pragma('foreign_key_check') as { table: string; parent: string }[];
  if (rows.length === 0) return { check: 'foreign keys', status: 'ok', detail: 'ok' };
  const byTable = new Map<string, number>();
  for (const row of rows) byTable.set(`${row.table} → ${row.parent}`, (byTable.get(`${row.table} → ${row.parent}`) ?? 0) + 1);
  const shown = [...byTable].map(([edge, n]) => `${edge}: ${n}`).join(', ');
  return { check: 'foreign keys', status: 'attention', detail: `${plural(rows.length, 'row')} pointing at nothing (${shown})` };
}

function migrations(sqlite: Database.Database, known: KnownMigration[]): Finding {
  const state = schemaState(sqlite, known);
  if (state.applied === undefined)
    return { check: 'migrations', status: 'attention', detail: 'no migration journal (__drizzle_migrations): not a repaybot database yet' };
  if (state.newer > 0)
    return {
      check: 'migrations',
      status: 'attention',
      detail: `${plural(state.newer, 'migration')} newer than this build: run the repaybot version that made it`,
    };
  if (state.pending > 0)
    return {
      check: 'migrations',
      status: 'attention',
      detail: `${state.applied} applied, ${state.pending} pending: run repaybot migrate (or start the bot)`,
    };
  return { check: 'migrations', status: 'ok', detail: `${state.applied} applied, none pending` };
}

function deadLetters(sqlite: Database.Database, now: Date): Finding {
  if (!hasTable(sqlite, 'reminder_outbox')) return { check: 'dead letters', status: 'note', detail: 'no outbox table' };
  const all = count(sqlite, "SELECT count(*) FROM reminder_outbox WHERE status = 'dead'");
  if (all === 0) return { check: 'dead letters', status: 'ok', detail: 'none' };
  const since = new Date(now.getTime() - RECENT_DEAD_LETTER_DAYS * 86_400_000).toISOString();
  const recent = count(sqlite, "SELECT count(*) FROM reminder_outbox WHERE status = 'dead' AND coalesce(claimed_at, not_before) >= ?", [
    since,
  ]);
  const last = sqlite
    .prepare("SELECT last_error FROM reminder_outbox WHERE status = 'dead' ORDER BY coalesce(claimed_at, not_before) DESC, id DESC LIMIT 1")
    .pluck()
    .get() as string | null;
  const why = last ? `; the last: ${last.split('\n')[0]?.slice(0, 120)}` : '';
  if (recent === 0)
    return { check: 'dead letters', status: 'note', detail: `${all} dead-lettered, none in the last ${RECENT_DEAD_LETTER_DAYS} days` };
  return {
    check: 'dead letters',
    status: 'attention',
    detail: `${plural(recent, 'message')} dead-lettered in the last ${RECENT_DEAD_LETTER_DAYS} days (${all} in all)${why}`,
  };
}

/**
 * Timetable rows whose user is gone should not exist (/forget deletes them): attention. Rows of a
 * deleted installment are by design (they go stale and are dropped when their time comes): a note.
 */
function orphans(sqlite: Database.Database): Finding {
  if (!hasTable(sqlite, 'reminder_timetable')) return { check: 'timetable', status: 'note', detail: 'no timetable table' };
  const noUser = count(sqlite, 'SELECT count(*) FROM reminder_timetable t WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = t.user_id)');
  const noInstallment = count(
    sqlite,
    'SELECT count(*) FROM reminder_timetable t WHERE NOT EXISTS (SELECT 1 FROM installments i WHERE i.id = t.installment_id)',
  );
  if (noUser > 0)
    return {
      check: 'timetable',
      status: 'attention',
      detail: `${plural(noUser, 'reminder row')} of users who no longer exist${noInstallment > 0 ? `, ${noInstallment} of missing installments` : ''}`,
    };
  if (noInstallment > 0)
    return {
      check: 'timetable',
      status: 'note',
      detail: `${plural(noInstallment, 'stale row')} of deleted installments (dropped when their time comes)`,
    };
  return { check: 'timetable', status: 'ok', detail: 'no orphaned rows' };
}

/** The database's and its WAL's sizes: measured before the doctor opens it (opening may create an empty WAL). */
export function sizeFinding(path: string): Finding {
  const db = sizeOf(path) ?? 0;
  const wal = sizeOf(`${path}-wal`);
  return { check: 'size', status: 'note', detail: `database ${formatBytes(db)}, WAL ${wal === undefined ? 'none' : formatBytes(wal)}` };
}
