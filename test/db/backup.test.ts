import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { scheduleBackups } from '../../src/app/backup-schedule.ts';
import { runBackup } from '../../src/app/run-backup.ts';
import { runRestore } from '../../src/app/run-restore.ts';
import { loadConfig } from '../../src/config.ts';
import { SettableClock } from '../../src/core/clock.ts';
import { listBackups, rotateBackups, stamp } from '../../src/db/backup.ts';
import { openDatabase } from '../../src/db/client.ts';
import { openReadOnly } from '../../src/db/read-only.ts';
import { silentLogger } from '../../src/log.ts';
import { createTestBot } from '../support/bot.ts';
import { addLoan } from '../support/hardship.ts';

/*
 * Issue 13.4: a backup taken while another process keeps writing payments is consistent, and
 * restores cleanly: integrity ok, and exactly the rows the source had when the copy was taken.
 */

const tmp = mkdtempSync(join(tmpdir(), 'repaybot-backup-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const NOW = new Date('2027-01-10T08:00:00Z');

const config = (env: Record<string, string>) => loadConfig(env);

async function seededDatabase(name: string): Promise<string> {
  const path = join(tmp, name, 'repaybot.sqlite');
  const db = openDatabase(path);
  const bot = createTestBot({ db, now: NOW });
  await addLoan(bot, 'car 10000 12 months 12% annuity first 2027-01-15');
  db.$client.close();
  return path;
}

/**
 * Another process recording payments (a payment and its allocation in one transaction each)
 * as fast as it can, saying on stdout every 50 payments how many it has committed; it stops
 * when its stdin ends.
 */
const WRITER = `
const Database = require(process.argv[1]);
const db = new Database(process.argv[2], { timeout: 5000 });
db.pragma('journal_mode = WAL');
const installment = db.prepare('SELECT id, loan_id FROM installments ORDER BY id LIMIT 1').get();
const pay = db.prepare("INSERT INTO payments (loan_id, amount, paid_on, source, created_at) VALUES (?, '1.00', '2027-01-10', 'user', '2027-01-10T08:00:00.000Z')");
const allocate = db.prepare("INSERT INTO payment_allocations (payment_id, installment_id, amount) VALUES (?, ?, '1.00')");
const record = db.transaction(() => allocate.run(pay.run(installment.loan_id).lastInsertRowid, installment.id));
let stopped = false;
process.stdin.on('end', () => { stopped = true; });
process.stdin.resume();
let n = 0;
(function batch() {
  if (stopped) { db.close(); return; }
  for (let i = 0; i < 50; i++) { record(); n++; }
  process.stdout.write(n + '\\n');
  setImmediate(batch);
})();
`;

function startWriter(path: string): { child: ChildProcessWithoutNullStreams; committed(atLeast: number): Promise<number> } {
  const child = spawn(process.execPath, ['-e', WRITER, require.resolve('better-sqlite3'), path], { stdio: 'pipe' });
  const lines = createInterface({ input: child.stdout });
  let latest = 0;
  const waiting: { atLeast: number; resolve: (n: number) => void }[] = [];
  lines.on('line', (line) => {
    latest = Number(line);
    for (const w of waiting.filter((w) => latest >= w.atLeast)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(latest);
    }
  });
  return {
    child,
    committed: (atLeast) => (latest >= atLeast ? Promise.resolve(latest) : new Promise((resolve) => waiting.push({ atLeast, resolve }))),
  };
}

const counts = (sqlite: Database.Database, maxPayment: number) => ({
  payments: Number(sqlite.prepare('SELECT count(*) FROM payments WHERE id <= ?').pluck().get(maxPayment)),
  allocations: Number(sqlite.prepare('SELECT count(*) FROM payment_allocations WHERE payment_id <= ?').pluck().get(maxPayment)),
  loans: Number(sqlite.prepare('SELECT count(*) FROM loans').pluck().get()),
  installments: Number(sqlite.prepare('SELECT count(*) FROM installments').pluck().get()),
});

describe('repaybot backup while another process writes', () => {
  it('is consistent, and restores to exactly the rows the source had when it was taken', async () => {
    const source = await seededDatabase('busy');
    const writer = startWriter(source);
    const exited = new Promise((resolve) => writer.child.on('exit', resolve));
    const before = await writer.committed(200);

    const outcome = await runBackup(config({ DATABASE_PATH: source }), undefined, NOW);
    if ('error' in outcome) throw new Error(outcome.error);
    expect(outcome.path).toBe(join(tmp, 'busy', 'backups', `repaybot-${stamp(NOW)}.sqlite`));
    expect(readdirSync(join(tmp, 'busy', 'backups'))).toEqual([`repaybot-${stamp(NOW)}.sqlite`]);
    // Read as restore reads it: read-only, leaving no -wal or -shm behind.
    const look = openReadOnly(outcome.path);
    const backup = look.sqlite;
    expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(backup.pragma('foreign_key_check')).toEqual([]);
    const maxPayment = Number(backup.prepare('SELECT coalesce(max(id), 0) FROM payments').pluck().get());
    const inBackup = counts(backup, Number.MAX_SAFE_INTEGER);
    look.close();
    // The writer went on after the copy (it was taken in the middle of the writes): wait for it to
    // pass what the copy holds, however long the copy took on a busy machine.
    const after = await writer.committed(Math.max(before + 200, inBackup.payments + 1));
    writer.child.stdin.end();
    await exited;
    // Every transaction is in whole or not at all, and the backup is the source as it was at one instant.
    expect(inBackup.payments).toBe(inBackup.allocations);
    expect(inBackup.payments).toBeGreaterThanOrEqual(before);
    expect(inBackup.payments).toBeLessThan(after);
    const live = new Database(source, { readonly: true });
    expect(counts(live, maxPayment)).toEqual(inBackup);
    expect(Number(live.prepare('SELECT count(*) FROM payments').pluck().get())).toBeGreaterThanOrEqual(after);
    live.close();

    // Restored into a fresh place: integrity ok, the same rows.
    // Into a folder that does not exist yet, as on a new machine.
    const target = join(tmp, 'restored', 'repaybot.sqlite');
    const restored = await runRestore(config({ DATABASE_PATH: target }), outcome.path, NOW);
    if ('error' in restored) throw new Error(restored.error);
    expect(restored.kept).toBeUndefined();
    expect(restored.restored.counts.payments).toBe(inBackup.payments);
    const db = openDatabase(target);
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(counts(db.$client, Number.MAX_SAFE_INTEGER)).toEqual(inBackup);
    db.$client.close();
    // The backup itself stays one file: the checks left no -wal or -shm beside it.
    expect(readdirSync(join(tmp, 'busy', 'backups'))).toEqual([`repaybot-${stamp(NOW)}.sqlite`]);
  }, 60_000);

  it('restore over a database keeps it as .before-restore-<stamp>, with its -wal, and the restored file has no stale WAL', async () => {
    const source = await seededDatabase('replace');
    const backup = join(tmp, 'replace', 'copy.sqlite');
    const outcome = await runBackup(config({ DATABASE_PATH: source }), backup, NOW);
    if ('error' in outcome) throw new Error(outcome.error);
    // The live database moves on: a second loan, part of it still in the WAL (a bot killed with -9).
    const db = openDatabase(source);
    const bot = createTestBot({ db, now: NOW });
    await addLoan(bot, 'phone 3000 3 months 10% annuity first 2027-02-01');
    const loansNow = Number(db.$client.prepare('SELECT count(*) FROM loans').pluck().get());
    expect(loansNow).toBe(2);
    // Not closed: the second loan is still in the -wal, as after a bot killed with -9.
    expect(existsSync(`${source}-wal`)).toBe(true);
    const later = new Date('2027-01-11T09:30:00Z');
    const restored = await runRestore(config({ DATABASE_PATH: source }), backup, later);
    db.$client.close();
    if ('error' in restored) throw new Error(restored.error);
    const kept = `${source}.before-restore-${stamp(later)}`;
    expect(restored.kept).toBe(kept);
    expect(existsSync(`${kept}-wal`)).toBe(true);
    expect(existsSync(`${source}-shm`)).toBe(false);
    const back = openDatabase(source);
    expect(Number(back.$client.prepare('SELECT count(*) FROM loans').pluck().get())).toBe(1);
    back.$client.close();
    const old = new Database(kept, { readonly: true });
    expect(Number(old.prepare('SELECT count(*) FROM loans').pluck().get())).toBe(2);
    old.close();
    expect(readdirSync(join(tmp, 'replace')).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });
});

describe('scheduled backups and rotation', () => {
  it('each run writes a stamped file of the clock time; BACKUP_KEEP newest are kept, other files never touched', async () => {
    const path = await seededDatabase('rotation');
    const dir = join(tmp, 'rotation', 'kept-here');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    writeFileSync(join(dir, 'repaybot-before-upgrade.sqlite'), 'mine too');
    const db = openDatabase(path);
    const clock = new SettableClock(NOW);
    const schedule = scheduleBackups({
      config: config({ DATABASE_PATH: path, BACKUP_CRON: '0 3 * * *', BACKUP_DIR: dir, BACKUP_KEEP: '3' }),
      db,
      clock,
      logger: silentLogger(),
    });
    try {
      for (let day = 0; day < 5; day++) {
        clock.set(new Date(NOW.getTime() + day * 86_400_000));
        await schedule.runNow();
      }
    } finally {
      await schedule.stop();
      db.$client.close();
    }
    expect(readdirSync(dir).sort()).toEqual([
      'notes.txt',
      'repaybot-20270112-080000Z.sqlite',
      'repaybot-20270113-080000Z.sqlite',
      'repaybot-20270114-080000Z.sqlite',
      'repaybot-before-upgrade.sqlite',
    ]);
  });

  it('stop() waits for a backup in flight; a failed backup is logged and the next one runs', async () => {
    const path = await seededDatabase('in-flight');
    const dir = join(tmp, 'in-flight', 'backups');
    const db = openDatabase(path);
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const clock = new SettableClock(NOW);
    const schedule = scheduleBackups({
      config: config({ DATABASE_PATH: path, BACKUP_CRON: '0 3 * * *', BACKUP_DIR: dir }),
      db,
      clock,
      logger,
    });
    const running = schedule.runNow();
    await schedule.stop();
    expect(readdirSync(dir)).toEqual([`repaybot-${stamp(NOW)}.sqlite`]);
    await running;
    // The folder becomes a file: the next backup fails, is logged, and nothing is thrown.
    rmSync(dir, { recursive: true });
    writeFileSync(dir, 'in the way');
    await schedule.runNow();
    db.$client.close();
    const failed = lines.map((line) => JSON.parse(line) as { msg: string; reason?: string }).find((entry) => entry.msg === 'backup failed');
    expect(failed?.reason).toMatch(/^cannot create the backup folder .*in-flight\/backups: /);
  });

  it('two backups in the same second get numbered names; rotation orders them by time, then number', () => {
    const dir = join(tmp, 'numbered');
    mkdirSync(dir);
    for (const name of ['repaybot-20270110-080000Z.sqlite', 'repaybot-20270110-080000Z-1.sqlite', 'repaybot-20270109-230000Z.sqlite'])
      writeFileSync(join(dir, name), '');
    expect(listBackups(dir).map((file) => file.name)).toEqual([
      'repaybot-20270109-230000Z.sqlite',
      'repaybot-20270110-080000Z.sqlite',
      'repaybot-20270110-080000Z-1.sqlite',
    ]);
    expect(rotateBackups(dir, 1)).toHaveLength(2);
    expect(readdirSync(dir)).toEqual(['repaybot-20270110-080000Z-1.sqlite']);
  });

  it('without BACKUP_CRON nothing is scheduled', async () => {
    const schedule = scheduleBackups({
      config: config({ DATABASE_PATH: join(tmp, 'none.sqlite') }),
      db: undefined as never,
      clock: new SettableClock(NOW),
      logger: silentLogger(),
    });
    await schedule.runNow();
    await schedule.stop();
    expect(existsSync(join(tmp, 'backups'))).toBe(false);
  });

  it('BACKUP_CRON must be a cron expression, BACKUP_KEEP 1 to 1000: a start-up error naming the variable', () => {
    expect(() => loadConfig({ BACKUP_CRON: 'every night' })).toThrow(/BACKUP_CRON: must be a cron expression/);
    expect(() => loadConfig({ BACKUP_KEEP: '0' })).toThrow(/BACKUP_KEEP: must be 1 to 1000/);
    expect(() => loadConfig({ BACKUP_KEPP: '3' })).toThrow(/BACKUP_KEPP: is not a repaybot setting \(did you mean BACKUP_KEEP\?\)/);
    expect(loadConfig({}).BACKUP_KEEP).toBe(7);
    expect(loadConfig({}).BACKUP_CRON).toBeUndefined();
  });
});
