import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_HELP, RESTORE_HELP, runBackupCommand, runRestoreCommand } from '../../src/cli/backup.ts';
import { openDatabase } from '../../src/db/client.ts';
import { createTestBot } from '../support/bot.ts';
import { addLoan } from '../support/hardship.ts';

/*
 * `repaybot restore PATH` (issue 13.4) refuses, with one line and exit 1, a file that is not a
 * repaybot database, a corrupt one, one of a newer schema, and any while a bot has the database
 * open; each time the database and its folder are exactly as they were.
 */

const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/repaybot.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'repaybot-restore-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const live = join(tmp, 'data', 'repaybot.sqlite');
const good = join(tmp, 'good.sqlite');
const env = (extra: Record<string, string> = {}) => ({ PATH: process.env.PATH ?? '', HOME: tmp, DATABASE_PATH: live, ...extra });

function repaybot(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: tmp, env: env(), input: '', timeout: 30_000, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.trim() };
}

/** The database folder, every file with its content's hash (holders' files aside: they come and go with bots). */
function snapshot(): Record<string, string> {
  const folder = dirname(live);
  return Object.fromEntries(
    readdirSync(folder)
      .filter((name) => !name.endsWith('.holders'))
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(join(folder, name)))
          .digest('hex'),
      ]),
  );
}

function expectRefused(result: ReturnType<typeof repaybot>, reason: RegExp, before: Record<string, string>) {
  expect(result.status).toBe(1);
  expect(result.stderr.split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(/^repaybot restore: not restored: /);
  expect(result.stderr).toMatch(reason);
  expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+|SqliteError/);
  expect(snapshot()).toEqual(before);
}

beforeAll(async () => {
  const db = openDatabase(live);
  const bot = createTestBot({ db, now: new Date('2027-01-10T08:00:00Z') });
  await addLoan(bot, 'car 10000 12 months 12% annuity first 2027-01-15');
  db.$client.close();
  expect(repaybot(['backup', good]).status).toBe(0);
  // The live database moves on after the backup.
  const again = openDatabase(live);
  await addLoan(createTestBot({ db: again, now: new Date('2027-01-10T08:00:00Z') }), 'phone 3000 3 months 10% annuity first 2027-02-01');
  again.$client.close();
}, 60_000);

describe('repaybot restore refuses, and changes nothing', () => {
  it('a file that is not a SQLite database', () => {
    const file = join(tmp, 'notes.sqlite');
    writeFileSync(file, 'these are my notes, not a database\n'.repeat(200));
    expectRefused(repaybot(['restore', file]), /notes\.sqlite is not a SQLite database/, snapshot());
  });

  it('an empty file, a folder, a missing file', () => {
    const before = snapshot();
    writeFileSync(join(tmp, 'empty.sqlite'), '');
    expectRefused(repaybot(['restore', join(tmp, 'empty.sqlite')]), /is empty, not a repaybot database/, before);
    expectRefused(repaybot(['restore', tmp]), /is not a file/, before);
    expectRefused(repaybot(['restore', join(tmp, 'nowhere.sqlite')]), /does not exist/, before);
  }, 60_000);

  it('a SQLite database of another program', () => {
    const file = join(tmp, 'shop.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); CREATE TABLE orders (id INTEGER PRIMARY KEY)');
    other.close();
    expectRefused(repaybot(['restore', file]), /is a SQLite database, but not repaybot's \(tables: customers, orders\)/, snapshot());
  });

  it('a corrupt backup', () => {
    const file = join(tmp, 'corrupt.sqlite');
    copyFileSync(good, file);
    // Pages 3 to 12 overwritten: the header still says SQLite, the b-trees are garbage.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 10, 0x5a), 0, 4096 * 10, 4096 * 2);
    closeSync(fd);
    expectRefused(repaybot(['restore', file]), /corrupt/, snapshot());
  });

  it('a backup made by a newer repaybot (a migration this build does not know)', () => {
    const file = join(tmp, 'newer.sqlite');
    copyFileSync(good, file);
    const db = new Database(file);
    db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('from-the-future', 4_102_444_800_000);
    db.close();
    expectRefused(repaybot(['restore', file]), /was made by a newer repaybot \(1 migration this version does not know\)/, snapshot());
  });

  it('the database itself', () => {
    expect(repaybot(['restore', live]).stderr).toBe(`repaybot restore: ${live} is the database itself (DATABASE_PATH)`);
  });

  it('while a bot has the database open; a bot killed with -9 no longer counts', async () => {
    const bot = spawn(process.execPath, [bin, 'chat', '--jsonl'], { cwd: tmp, env: env(), stdio: ['pipe', 'pipe', 'ignore'] });
    const exited = new Promise((resolve) => bot.on('exit', resolve));
    const answered = new Promise<void>((resolve) => {
      createInterface({ input: bot.stdout }).on('line', (line) => {
        if (line.includes('"done"')) resolve();
      });
    });
    bot.stdin.write(`${JSON.stringify({ user: 1, text: '/start' })}\n`);
    await answered;
    try {
      expectRefused(
        repaybot(['restore', good]),
        new RegExp(`a bot has .* open: pid ${bot.pid} \\(repaybot chat, since .*\\)\\. Stop it first`),
        snapshot(),
      );
    } finally {
      bot.kill('SIGKILL');
      await exited;
    }
    // Its file in <db>.holders is still there, but its process is gone.
    expect(readdirSync(`${live}.holders`)).toHaveLength(1);
    const result = repaybot(['restore', good]);
    expect(result.stderr).toMatch(
      /^Restored .*good\.sqlite \(1 users, 1 loans, 12 installments, 0 payments\); the database it replaced is kept as .*repaybot\.sqlite\.before-restore-\d{8}-\d{6}Z$/,
    );
    expect(result.status).toBe(0);
    expect(readdirSync(`${live}.holders`)).toHaveLength(0);
    const db = new Database(live, { readonly: true });
    expect(db.prepare('SELECT name FROM loans').pluck().all()).toEqual(['car']);
    db.close();
    const kept = readdirSync(dirname(live)).find((name) => name.includes('.before-restore-')) as string;
    const old = new Database(join(dirname(live), kept), { readonly: true });
    expect(old.prepare('SELECT name FROM loans ORDER BY id').pluck().all()).toEqual(['car', 'phone']);
    old.close();
  }, 60_000);

  it('without PATH, or with two: usage, exit 2 (nothing is run)', async () => {
    const never = async (): Promise<never> => {
      throw new Error('must not run');
    };
    const none = await runRestoreCommand([], never);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^repaybot restore: PATH is required/);
    expect((await runRestoreCommand(['a', 'b'], never)).code).toBe(2);
    expect((await runRestoreCommand(['--force', 'a'], never)).code).toBe(2);
    expect(await runRestoreCommand(['--help'], never)).toEqual({ code: 0, stdout: `${RESTORE_HELP}\n`, stderr: '' });
    expect((await runBackupCommand(['a', 'b'], never)).code).toBe(2);
    expect(await runBackupCommand(['-h'], never)).toEqual({ code: 0, stdout: `${BACKUP_HELP}\n`, stderr: '' });
  });
});

describe('repaybot backup', () => {
  it('a PATH that cannot be written: one line, exit 1, nothing left behind', () => {
    mkdirSync(join(tmp, 'out'));
    writeFileSync(join(tmp, 'out', 'taken.sqlite'), 'already here');
    for (const [target, reason] of [
      [join(tmp, 'missing-folder', 'b.sqlite'), /missing-folder does not exist/],
      [join(tmp, 'out', 'taken.sqlite', 'b.sqlite'), /taken\.sqlite is not a folder/],
      [join(tmp, 'out', 'taken.sqlite'), /a file of that name exists/],
      ['/proc/b.sqlite', /not writable|permission denied/],
    ] as const) {
      const result = repaybot(['backup', target]);
      expect(result.status, target).toBe(1);
      expect(result.stderr.split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^repaybot backup: cannot write the backup /);
      expect(result.stderr).toMatch(reason);
    }
    expect(readdirSync(join(tmp, 'out'))).toEqual(['taken.sqlite']);
    expect(readFileSync(join(tmp, 'out', 'taken.sqlite'), 'utf8')).toBe('already here');
  }, 60_000);

  it('a folder as PATH gets the stamped name inside it; the path is printed on stdout', () => {
    const result = repaybot(['backup', join(tmp, 'out')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^${join(tmp, 'out')}/repaybot-\\d{8}-\\d{6}Z\\.sqlite\\n$`));
    expect(result.stderr).toMatch(/^Backup written: \d+ bytes$/);
  });

  it('no database yet: nothing to back up, exit 1 (and none is created)', () => {
    const result = spawnSync(process.execPath, [bin, 'backup'], {
      cwd: tmp,
      env: env({ DATABASE_PATH: join(tmp, 'never', 'db.sqlite') }),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/does not exist: nothing to back up$/);
    expect(readdirSync(tmp)).not.toContain('never');
  });
});
