import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/app/run-doctor.ts';
import { DOCTOR_HELP, runDoctorCommand } from '../../src/cli/backup.ts';
import { loadConfig } from '../../src/config.ts';
import { backupFileName } from '../../src/db/backup.ts';
import { openDatabase } from '../../src/db/client.ts';
import { createTestBot } from '../support/bot.ts';
import { addLoan } from '../support/hardship.ts';

/* `repaybot doctor` (issue 13.6): one screen; exit 1 when something needs attention. */

const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/repaybot.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'repaybot-doctor-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const NOW = new Date('2027-01-10T08:00:00Z');
const clean = join(tmp, 'clean', 'repaybot.sqlite');

beforeAll(async () => {
  const db = openDatabase(clean);
  await addLoan(createTestBot({ db, now: NOW }), 'car 10000 12 months 12% annuity first 2027-01-15');
  db.$client.close();
}, 30_000);

/** A copy of the clean database in its own folder, changed by `damage` (raw SQL, foreign keys off). */
function damaged(name: string, damage: (db: Database.Database) => void): string {
  const path = join(tmp, name, 'repaybot.sqlite');
  mkdirSync(dirname(path));
  copyFileSync(clean, path);
  const db = new Database(path);
  db.pragma('foreign_keys = OFF');
  damage(db);
  db.close();
  return path;
}

const deadLetter = (db: Database.Database, at: string) =>
  db
    .prepare(
      "INSERT INTO reminder_outbox (chat_id, payload, fire_at, not_before, status, attempts, claimed_at, last_error) VALUES (-100, '{\"text\":\"x\"}', ?, ?, 'dead', 5, ?, '403: Forbidden: bot was kicked from the group chat')",
    )
    .run(at, at, at);

const doctor = (path: string, env: Record<string, string> = {}) => runDoctor(loadConfig({ DATABASE_PATH: path, ...env }), NOW);
const statusOf = (report: ReturnType<typeof doctor>, check: string) => report.findings.find((f) => f.check === check);

describe('repaybot doctor', () => {
  it('a healthy database: every check ok, exit 0; sizes and the last backup are notes', () => {
    const report = doctor(clean);
    expect(report.code).toBe(0);
    expect(report.findings.map((f) => [f.check, f.status])).toEqual([
      ['integrity', 'ok'],
      ['foreign keys', 'ok'],
      ['migrations', 'ok'],
      ['dead letters', 'ok'],
      ['timetable', 'ok'],
      ['size', 'note'],
      ['last backup', 'note'],
      ['running', 'note'],
    ]);
    expect(report.text).toMatch(/^repaybot doctor: .*clean\/repaybot\.sqlite\n/);
    expect(report.text).toMatch(/ {2}ok {9}migrations {4}9 applied, none pending\n/);
    expect(report.text).toMatch(/size {10}database \d+\.\d KiB, WAL none\n/);
    expect(report.text).toMatch(/last backup {3}none in .*clean\/backups \(BACKUP_CRON is unset; see repaybot backup\)\n/);
    expect(report.text).toMatch(/\nNothing needs attention\.\n$/);
  });

  it('a dead letter of this week and a reminder row of a user who is gone: ATTENTION, exit 1', () => {
    const path = damaged('bad', (db) => {
      deadLetter(db, '2027-01-09T10:00:00.000Z');
      db.prepare(
        "INSERT INTO reminder_timetable (fire_at, installment_id, kind, due_date, user_id, version) VALUES ('2027-01-14T01:00:00.000Z', 1, 'gone-user', '2027-01-15', 999, 1)",
      ).run();
    });
    const report = doctor(path);
    expect(report.code).toBe(1);
    expect(statusOf(report, 'dead letters')).toEqual({
      check: 'dead letters',
      status: 'attention',
      detail: '1 message dead-lettered in the last 7 days (1 in all); the last: 403: Forbidden: bot was kicked from the group chat',
    });
    expect(statusOf(report, 'timetable')).toEqual({
      check: 'timetable',
      status: 'attention',
      detail: '1 reminder row of users who no longer exist',
    });
    expect(statusOf(report, 'integrity')?.status).toBe('ok');
    expect(report.text).toMatch(/ {2}ATTENTION {2}dead letters /);
    expect(report.text).toMatch(/\n2 things need attention\.\n$/);
  });

  it('an old dead letter and a stale row of a deleted installment are notes only', () => {
    const path = damaged('old', (db) => {
      deadLetter(db, '2026-12-01T10:00:00.000Z');
      db.prepare(
        "INSERT INTO reminder_timetable (fire_at, installment_id, kind, due_date, user_id, version) VALUES ('2027-01-14T01:00:00.000Z', 9999, 'due', '2027-01-15', 1, 1)",
      ).run();
    });
    const report = doctor(path);
    expect(statusOf(report, 'dead letters')).toMatchObject({ status: 'note', detail: '1 dead-lettered, none in the last 7 days' });
    expect(statusOf(report, 'timetable')).toMatchObject({
      status: 'note',
      detail: '1 stale row of deleted installments (dropped when their time comes)',
    });
    expect(report.code).toBe(0);
  });

  it('a row pointing at nothing, and a migration not applied yet', () => {
    const path = damaged('fk', (db) => {
      db.prepare(
        "INSERT INTO payments (loan_id, amount, paid_on, source, created_at) VALUES (4242, '1.00', '2027-01-10', 'user', 'x')",
      ).run();
      db.prepare('DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)').run();
    });
    const report = doctor(path);
    expect(statusOf(report, 'foreign keys')).toMatchObject({
      status: 'attention',
      detail: '1 row pointing at nothing (payments → loans: 1)',
    });
    expect(statusOf(report, 'migrations')).toMatchObject({
      status: 'attention',
      detail: '8 applied, 1 pending: run repaybot migrate (or start the bot)',
    });
    expect(report.code).toBe(1);
  });

  it('with BACKUP_CRON set: no backup, or one older than two intervals, needs attention', () => {
    const dir = join(tmp, 'backups-here');
    mkdirSync(dir);
    const cron = { BACKUP_CRON: '0 3 * * *', BACKUP_DIR: dir };
    expect(statusOf(doctor(clean, cron), 'last backup')).toMatchObject({
      status: 'attention',
      detail: `none in ${dir} although BACKUP_CRON is set`,
    });
    writeFileSync(join(dir, backupFileName(new Date('2027-01-07T03:00:00Z'))), '');
    expect(statusOf(doctor(clean, cron), 'last backup')).toMatchObject({
      status: 'attention',
      detail: expect.stringMatching(/^3 days ago: .*backups have stopped/),
    });
    expect(doctor(clean, cron).code).toBe(1);
    writeFileSync(join(dir, backupFileName(new Date('2027-01-10T03:00:00Z'))), '');
    expect(statusOf(doctor(clean, cron), 'last backup')).toEqual({
      check: 'last backup',
      status: 'ok',
      detail: `5 h ago: ${join(dir, 'repaybot-20270110-030000Z.sqlite')}`,
    });
    expect(doctor(clean, cron).code).toBe(0);
  });

  it('a file that is not a database, or none at all: ATTENTION', () => {
    const junk = join(tmp, 'junk.sqlite');
    writeFileSync(junk, Buffer.alloc(8192, 0x5a));
    expect(statusOf(doctor(junk), 'database')).toMatchObject({
      status: 'attention',
      detail: expect.stringMatching(/^is not a SQLite database/),
    });
    expect(statusOf(doctor(join(tmp, 'none.sqlite')), 'database')).toMatchObject({
      status: 'attention',
      detail: 'does not exist (repaybot migrate creates it)',
    });
  });

  it('the command: exit 0 when healthy, 1 when something needs attention; arguments are refused', async () => {
    const run = (path: string) =>
      spawnSync(process.execPath, [bin, 'doctor'], {
        cwd: tmp,
        env: { PATH: process.env.PATH ?? '', HOME: tmp, DATABASE_PATH: path },
        encoding: 'utf8',
        timeout: 30_000,
      });
    const healthy = run(clean);
    expect(healthy.stdout).toMatch(/Nothing needs attention\.\n$/);
    expect(healthy.status).toBe(0);
    const sick = run(join(tmp, 'bad', 'repaybot.sqlite'));
    expect(sick.stdout).toMatch(/2 things need attention\.\n$/);
    expect(sick.status).toBe(1);
    const never = () => {
      throw new Error('must not run');
    };
    expect(runDoctorCommand(['now'], never).code).toBe(2);
    expect(runDoctorCommand(['--help'], never)).toEqual({ code: 0, stdout: `${DOCTOR_HELP}\n`, stderr: '' });
  }, 60_000);
});
