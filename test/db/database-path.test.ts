import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

/*
 * Issue 13: every DATABASE_PATH problem died with a raw stack trace, and a path under /proc spun
 * at 100 % CPU forever. Each now gives one line naming the variable and the cause, and exits 2,
 * within a bounded wait: every run here is killed after 30 s, and must end well before.
 *
 * Permissions do not bind root, so as root the runs that need them run as nobody (65534).
 */

const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/repaybot.mjs');
const root = mkdtempSync(join(tmpdir(), 'repaybot-dbpath-'));
chmodSync(root, 0o777);
afterAll(() => rmSync(root, { recursive: true, force: true }));
const asRoot = process.getuid?.() === 0;

function run(path: string, options: { unprivileged?: boolean; args?: string[] } = {}) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [bin, ...(options.args ?? ['migrate'])], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: root, DATABASE_PATH: path },
    input: '',
    timeout: 30_000,
    encoding: 'utf8',
    ...(options.unprivileged && asRoot ? { uid: 65534, gid: 65534 } : {}),
  });
  return { status: result.status, signal: result.signal, stderr: result.stderr.trim(), ms: Date.now() - started };
}

function expectOneLine(result: ReturnType<typeof run>, cause: RegExp) {
  expect(result.signal).toBeNull();
  expect(result.stderr.split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(/^DATABASE_PATH: /);
  expect(result.stderr).toMatch(cause);
  expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+|SqliteError/);
  expect(result.status).toBe(2);
  expect(result.ms).toBeLessThan(20_000);
}

describe('DATABASE_PATH problems: one line, exit 2', () => {
  it('a folder that cannot be written', () => {
    const folder = join(root, 'locked');
    mkdirSync(folder, { mode: 0o555 });
    chmodSync(folder, 0o555);
    expectOneLine(run(join(folder, 'db.sqlite'), { unprivileged: true }), /not writable/);
  });

  it('a read-only file', () => {
    const folder = join(root, 'open');
    mkdirSync(folder);
    chmodSync(folder, 0o777);
    const file = join(folder, 'ro.sqlite');
    expect(run(file).status).toBe(0);
    chmodSync(file, 0o444);
    expectOneLine(run(file, { unprivileged: true }), /read-only/);
  });

  it('a directory', () => {
    const folder = join(root, 'a-directory');
    mkdirSync(folder);
    expectOneLine(run(folder), /is a directory/);
  });

  it('a corrupt file', () => {
    const file = join(root, 'corrupt.sqlite');
    writeFileSync(file, Buffer.alloc(8192, 0x5a));
    expectOneLine(run(file), /not a SQLite database/);
  });

  it('a SQLite file of another program', () => {
    const file = join(root, 'other.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); CREATE TABLE orders (id INTEGER PRIMARY KEY)');
    other.close();
    expectOneLine(run(file), /another program.*customers/);
  });

  it('a folder below a file', () => {
    const file = join(root, 'plain-file');
    writeFileSync(file, 'x');
    expectOneLine(run(join(file, 'db.sqlite')), /not a folder/);
  });

  it('paths under /proc, in a bounded time (the missing folder spun at 100 % CPU)', () => {
    expectOneLine(run('/proc/self/new/db.sqlite'), /\/proc/);
    expectOneLine(run('/proc/self/status'), /\/proc/);
  });

  it('the chat says the same when it cannot open the database', () => {
    expectOneLine(run(join(root, 'a-directory'), { args: ['chat', '--jsonl'] }), /is a directory/);
  });
});
