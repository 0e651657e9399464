import { existsSync } from 'node:fs';
import cron from 'node-cron';
import type { Config } from '../config.ts';
import { listBackups } from '../db/backup.ts';
import { examineDatabase, type Finding, sizeFinding } from '../db/doctor.ts';
import { openReadOnly } from '../db/read-only.ts';
import { liveHolders } from './db-holders.ts';
import { backupDirOf } from './run-backup.ts';

/*
 * `repaybot doctor`: one screen about the database, read-only (safe beside a running bot). Exit
 * 0 when nothing needs attention, 1 when something does (README lists what counts).
 */

export interface DoctorReport {
  findings: Finding[];
  code: 0 | 1;
  text: string;
}

const HOUR_MS = 3_600_000;

/** "3 h", "2 days" … */
function age(ms: number): string {
  if (ms < HOUR_MS) return `${Math.max(0, Math.round(ms / 60_000))} min`;
  if (ms < 48 * HOUR_MS) return `${Math.round(ms / HOUR_MS)} h`;
  return `${Math.round(ms / (24 * HOUR_MS))} days`;
}

/** The time between two runs of `expression` (its next two, from now): how old the newest backup may be. */
function intervalOf(expression: string): number {
  const task = cron.createTask(expression, () => {});
  try {
    const [a, b] = task.getNextRuns(2);
    return a && b ? b.getTime() - a.getTime() : 24 * HOUR_MS;
  } finally {
    void task.destroy();
  }
}

/**
 * The newest backup in BACKUP_DIR. With BACKUP_CRON set, none, or one older than two of its
 * intervals (and an hour's grace), needs attention; without it, the age is only shown.
 */
export function backupFinding(config: Config, now: Date): Finding {
  const dir = backupDirOf(config);
  const newest = listBackups(dir).at(-1);
  if (!newest)
    return config.BACKUP_CRON
      ? { check: 'last backup', status: 'attention', detail: `none in ${dir} although BACKUP_CRON is set` }
      : { check: 'last backup', status: 'note', detail: `none in ${dir} (BACKUP_CRON is unset; see repaybot backup)` };
  const ms = now.getTime() - newest.takenAt.getTime();
  const line = `${age(ms)} ago: ${newest.path}`;
  if (config.BACKUP_CRON && ms > 2 * intervalOf(config.BACKUP_CRON) + HOUR_MS)
    return { check: 'last backup', status: 'attention', detail: `${line} (BACKUP_CRON ${config.BACKUP_CRON}: backups have stopped)` };
  return { check: 'last backup', status: config.BACKUP_CRON ? 'ok' : 'note', detail: line };
}

const MARK = { ok: 'ok', note: 'note', attention: 'ATTENTION' } as const;

export function formatReport(databasePath: string, findings: Finding[]): DoctorReport {
  const width = Math.max(...findings.map((f) => f.check.length));
  const attention = findings.filter((f) => f.status === 'attention').length;
  const lines = [
    `repaybot doctor: ${databasePath}`,
    ...findings.map((f) => `  ${MARK[f.status].padEnd(9)}  ${f.check.padEnd(width)}  ${f.detail}`),
    attention === 0 ? 'Nothing needs attention.' : `${attention} ${attention === 1 ? 'thing needs' : 'things need'} attention.`,
  ];
  return { findings, code: attention === 0 ? 0 : 1, text: `${lines.join('\n')}\n` };
}

/** Every check on DATABASE_PATH at `now`. */
export function runDoctor(config: Config, now: Date): DoctorReport {
  const path = config.DATABASE_PATH;
  const findings: Finding[] = [];
  if (!existsSync(path)) {
    findings.push({ check: 'database', status: 'attention', detail: 'does not exist (repaybot migrate creates it)' });
  } else {
    const size = sizeFinding(path);
    let db: ReturnType<typeof openReadOnly> | undefined;
    try {
      db = openReadOnly(path, config.DATABASE_KEY);
      findings.push(...examineDatabase(db.sqlite, now), size);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const why =
        code === 'SQLITE_NOTADB'
          ? 'is not a SQLite database (a corrupt file, or another kind of file): restore it from a backup'
          : code === 'SQLITE_CORRUPT'
            ? 'is corrupt: restore it from a backup'
            : `cannot be read: ${(error as Error).message.split('\n')[0]}`;
      findings.push({ check: 'database', status: 'attention', detail: why });
    } finally {
      // The live database: a bot starting now may already use the -wal and -shm this look made.
      db?.close(false);
    }
  }
  findings.push(backupFinding(config, now));
  const holders = liveHolders(path);
  findings.push({
    check: 'running',
    status: 'note',
    detail: holders.length === 0 ? 'no bot has it open' : holders.map((h) => `pid ${h.pid} (repaybot ${h.command})`).join(', '),
  });
  return formatReport(path, findings);
}
