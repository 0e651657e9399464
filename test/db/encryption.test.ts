import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runBackup } from '../../src/app/run-backup.ts';
import { runRestore } from '../../src/app/run-restore.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { checkBackup } from '../../src/db/backup.ts';
import { DatabaseKeyError, openDatabase } from '../../src/db/client.ts';
import { openReadOnly } from '../../src/db/read-only.ts';
import { createTestBot, texts } from '../support/bot.ts';

/*
 * Issue 13 point 5: with DATABASE_KEY set the database is encrypted at rest (src/db/encryption.ts):
 * someone who takes the file, its WAL or a backup cannot read it without the key; a wrong key, a key
 * for a plain file or no key for an encrypted one stops start-up with one line naming DATABASE_KEY.
 */

const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/repaybot.mjs');
const root = mkdtempSync(join(tmpdir(), 'repaybot-encryption-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const KEY = 'correct horse battery staple 2027';
const OTHER_KEY = 'not the key this file was made with';
/** A loan name to look for in the raw bytes: it is in the file in clear only when the file is. */
const SECRET_NAME = 'zebracrossingloan';
const SQLITE_HEADER = 'SQLite format 3\0';

let folders = 0;
function freshPath(): string {
  folders += 1;
  const folder = join(root, `db-${folders}`);
  mkdirSync(folder);
  return join(folder, 'repaybot.sqlite');
}

/** A database at a new path with one loan, closed; encrypted with `key` when given. */
async function databaseWithLoan(key?: string): Promise<string> {
  const path = freshPath();
  const db = openDatabase(path, { key });
  const bot = createTestBot({ db });
  await bot.say(`/addloan ${SECRET_NAME} 10000 12 months 12% annuity first 2027-01-15`);
  await bot.pressLabel('Save');
  db.$client.close();
  return path;
}

const loanNames = (path: string, key?: string): string[] => {
  const db = openDatabase(path, { key });
  try {
    return db.$client.prepare('SELECT name FROM loans ORDER BY id').pluck().all() as string[];
  } finally {
    db.$client.close();
  }
};

const header = (path: string) => readFileSync(path).subarray(0, 16).toString('latin1');

function keyError(run: () => unknown): DatabaseKeyError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseKeyError);
    return error as DatabaseKeyError;
  }
  throw new Error('expected a DatabaseKeyError');
}

describe('a database opened with DATABASE_KEY', () => {
  it('is unreadable as plain SQLite — file and WAL — and reads back with the key', async () => {
    const path = freshPath();
    const db = openDatabase(path, { key: KEY });
    const bot = createTestBot({ db });
    await bot.say(`/addloan ${SECRET_NAME} 10000 12 months 12% annuity first 2027-01-15`);
    await bot.pressLabel('Save');
    // While it is open the newest pages are in the WAL: encrypted too.
    expect(existsSync(`${path}-wal`)).toBe(true);
    expect(readFileSync(`${path}-wal`).includes(SECRET_NAME)).toBe(false);
    db.$client.close();

    expect(header(path)).not.toBe(SQLITE_HEADER);
    expect(readFileSync(path).includes(SECRET_NAME)).toBe(false);
    const plain = new Database(path);
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    plain.close();

    expect(loanNames(path, KEY)).toEqual([SECRET_NAME]);
    // The bot works on it as on any other: drizzle and the repositories are the same.
    const again = openDatabase(path, { key: KEY });
    expect(texts(await createTestBot({ db: again }).say('/next'))).toContain(SECRET_NAME);
    again.$client.close();
  });

  it('without a key the same data is in clear (the control for the test above)', async () => {
    const path = await databaseWithLoan();
    expect(header(path)).toBe(SQLITE_HEADER);
    expect(readFileSync(path).includes(SECRET_NAME)).toBe(true);
  });

  it('a wrong key, a key for a plain file, no key for an encrypted one: DATABASE_KEY and the cause, never the key', async () => {
    const encrypted = await databaseWithLoan(KEY);
    const plain = await databaseWithLoan();

    const wrong = keyError(() => openDatabase(encrypted, { key: OTHER_KEY }));
    expect(wrong.message).toBe(
      `DATABASE_KEY: does not open ${encrypted}: the key is wrong, or the file was not encrypted with this key (or is not a database at all)`,
    );
    expect(keyError(() => openDatabase(plain, { key: KEY })).message).toMatch(
      new RegExp(`^DATABASE_KEY: is set, but ${plain} is not encrypted \\(a plain SQLite database\\)`),
    );
    expect(keyError(() => openDatabase(encrypted)).message).toMatch(
      new RegExp(`^DATABASE_KEY: is not set, but ${encrypted} looks encrypted`),
    );
    for (const error of [wrong, keyError(() => openDatabase(plain, { key: KEY }))]) {
      expect(error.message).not.toContain(KEY);
      expect(error.message).not.toContain(OTHER_KEY);
    }
    // Nothing was changed by the failed opens.
    expect(loanNames(encrypted, KEY)).toEqual([SECRET_NAME]);
    expect(loanNames(plain)).toEqual([SECRET_NAME]);
  });
});

describe('backups of an encrypted database', () => {
  it('are encrypted with the same key: unreadable without it, checked and restored with it', async () => {
    const source = await databaseWithLoan(KEY);
    const target = join(dirname(source), 'copy.sqlite');
    const env = { DATABASE_PATH: source, DATABASE_KEY: KEY };
    const outcome = await runBackup(loadConfig(env), target, new Date('2027-01-10T08:00:00Z'));
    if ('error' in outcome) throw new Error(outcome.error);

    expect(header(target)).not.toBe(SQLITE_HEADER);
    expect(readFileSync(target).includes(SECRET_NAME)).toBe(false);
    const plain = new Database(target, { readonly: true });
    expect(() => plain.prepare('SELECT count(*) FROM loans').get()).toThrow(/not a database/);
    plain.close();
    expect(() => openReadOnly(target)).toThrow(/^DATABASE_KEY: is not set, but .* looks encrypted/);
    expect(() => openReadOnly(target, OTHER_KEY)).toThrow(/^DATABASE_KEY: does not open/);
    expect(() => checkBackup(target)).toThrow(/DATABASE_KEY: is not set/);

    const look = openReadOnly(target, KEY);
    expect(look.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(look.sqlite.prepare('SELECT name FROM loans').pluck().all()).toEqual([SECRET_NAME]);
    look.close();
    expect(checkBackup(target, undefined, KEY).counts.loans).toBe(1);

    // Restored into a fresh place with the same key: encrypted there too, the same loan.
    const restoredPath = freshPath();
    const restored = await runRestore(loadConfig({ DATABASE_PATH: restoredPath, DATABASE_KEY: KEY }), target, new Date());
    if ('error' in restored) throw new Error(restored.error);
    expect(header(restoredPath)).not.toBe(SQLITE_HEADER);
    expect(loanNames(restoredPath, KEY)).toEqual([SECRET_NAME]);
    // Restoring it without the key is refused with why, and nothing is written.
    const refused = await runRestore(loadConfig({ DATABASE_PATH: freshPath() }), target, new Date());
    expect(refused).toEqual({ error: expect.stringMatching(/^not restored: DATABASE_KEY: is not set/) });
  });
});

describe('DATABASE_KEY in the configuration', () => {
  const configError = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).message;
    }
    throw new Error('expected a ConfigError');
  };

  it('is optional; set, it is taken as it is', () => {
    expect(loadConfig({}).DATABASE_KEY).toBeUndefined();
    expect(loadConfig({ DATABASE_KEY: '' }).DATABASE_KEY).toBeUndefined();
    expect(loadConfig({ DATABASE_KEY: KEY }).DATABASE_KEY).toBe(KEY);
  });

  it('a short key is refused with the variable named and the value not echoed', () => {
    const message = configError({ DATABASE_KEY: 'hunter2pass' });
    expect(message).toContain('DATABASE_KEY: must be at least 16 characters');
    expect(message).not.toContain('hunter2pass');
  });

  it('the names other programs use point to the right variable', () => {
    expect(configError({ DATABASE_PASSWORD: 'x' })).toContain('DATABASE_PASSWORD: is not a repaybot setting (did you mean DATABASE_KEY?)');
    expect(configError({ DATABASE_URL: 'x' })).toContain('DATABASE_URL: is not a repaybot setting (did you mean DATABASE_PATH?)');
    expect(configError({ DATABASE_KYE: 'x' })).toContain('(did you mean DATABASE_KEY?)');
  });
});

describe('the command line', () => {
  function run(env: Record<string, string>, args: string[] = ['migrate'], input = '') {
    const result = spawnSync(process.execPath, [bin, ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: root, ...env },
      input,
      timeout: 30_000,
      encoding: 'utf8',
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr.trim() };
  }

  it('a key that does not fit stops start-up with one line naming DATABASE_KEY, exit 2', async () => {
    const encrypted = await databaseWithLoan(KEY);
    const plain = await databaseWithLoan();
    for (const [env, cause] of [
      [{ DATABASE_PATH: encrypted, DATABASE_KEY: OTHER_KEY }, /^DATABASE_KEY: does not open .*the key is wrong/],
      [{ DATABASE_PATH: encrypted }, /^DATABASE_KEY: is not set, but .* looks encrypted/],
      [{ DATABASE_PATH: plain, DATABASE_KEY: KEY }, /^DATABASE_KEY: is set, but .* is not encrypted/],
    ] as const) {
      const result = run(env, ['chat', '--jsonl']);
      expect(result.stderr.split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(cause);
      expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+|SqliteError/);
      expect(result.stderr).not.toContain(KEY);
      expect(result.stderr).not.toContain(OTHER_KEY);
      expect(result.status).toBe(2);
    }
  });

  it('with the right key the bot answers, and the key is in none of its output, at the most verbose log level', async () => {
    const path = await databaseWithLoan(KEY);
    const result = run({ DATABASE_PATH: path, DATABASE_KEY: KEY, LOG_LEVEL: 'trace' }, ['chat', '--jsonl'], '{"text": "/next"}\n');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(SECRET_NAME);
    expect(result.stdout).not.toContain(KEY);
    expect(result.stderr).not.toContain(KEY);
  });

  it('repaybot encrypt turns a plain database with its data into an encrypted one; refused when there is nothing to do', async () => {
    const path = await databaseWithLoan();
    expect(run({ DATABASE_PATH: path }, ['encrypt'])).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/DATABASE_KEY is not set/),
    });
    expect(header(path)).toBe(SQLITE_HEADER);

    const done = run({ DATABASE_PATH: path, DATABASE_KEY: KEY }, ['encrypt']);
    expect(done).toMatchObject({ status: 0, stderr: `Encrypted: ${path} (start the bot with the same DATABASE_KEY)` });
    expect(header(path)).not.toBe(SQLITE_HEADER);
    expect(readFileSync(path).includes(SECRET_NAME)).toBe(false);
    expect(loanNames(path, KEY)).toEqual([SECRET_NAME]);
    // Back in WAL mode, as every repaybot database runs.
    const db = openDatabase(path, { key: KEY });
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    db.$client.close();

    const again = run({ DATABASE_PATH: path, DATABASE_KEY: KEY }, ['encrypt']);
    expect(again).toMatchObject({ status: 1, stderr: expect.stringMatching(/is already encrypted/) });
    expect(loanNames(path, KEY)).toEqual([SECRET_NAME]);
    expect(run({ DATABASE_PATH: join(root, 'none.sqlite'), DATABASE_KEY: KEY }, ['encrypt'])).toMatchObject({ status: 1 });
  });

  it('repaybot encrypt refuses while a bot has the database open', async () => {
    const path = await databaseWithLoan();
    const bot = spawn(process.execPath, [bin, 'chat', '--jsonl'], {
      env: { PATH: process.env.PATH ?? '', HOME: root, DATABASE_PATH: path },
    });
    try {
      // The bot holds the database once it answers.
      bot.stdin.write('{"text": "/next"}\n');
      await new Promise<void>((done) => bot.stdout.once('data', () => done()));
      const refused = run({ DATABASE_PATH: path, DATABASE_KEY: KEY }, ['encrypt']);
      expect(refused).toMatchObject({
        status: 1,
        stderr: expect.stringMatching(/not encrypted: a bot has .* open: pid \d+ \(repaybot chat/),
      });
      expect(header(path)).toBe(SQLITE_HEADER);
    } finally {
      bot.kill('SIGKILL');
    }
  });
});
