import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeUserExport } from '../../src/app/run-export.ts';
import { EXPORT_HELP, readExportArgs, runExport } from '../../src/cli/export.ts';
import { openDatabase } from '../../src/db/client.ts';
import { createTestBot } from '../support/bot.ts';
import { addLoan } from '../support/hardship.ts';

/* `repaybot export --user ID [--format json|csv] [--out DIR]`: an operator writes one user's files. */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = mkdtempSync(join(tmpdir(), 'repaybot-export-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const NOW = new Date('2027-01-10T08:00:00+08:00');

/** A database file with user 1 (car, 花呗) and user 2 (othersecretloan). */
async function databaseWithTwoUsers(name: string): Promise<string> {
  const path = join(tmp, name, 'repaybot.sqlite');
  const db = openDatabase(path);
  const bot = createTestBot({ db, now: NOW });
  await addLoan(bot, 'car 10000 12 months 12% annuity first 2027-01-15');
  await addLoan(bot, '花呗 3000 3期 月费率0.6% 首期2027-02-10', 'zh-CN');
  await bot.say('/addloan othersecretloan 5000 6 months 10% annuity first 2027-02-01', { user: 2 });
  await bot.pressLabel('Save', { user: 2 });
  db.$client.close();
  return path;
}

describe('readExportArgs', () => {
  it('--user is required and a positive whole number; --format json or csv; --out a folder', () => {
    expect(readExportArgs(['--user', '7'])).toEqual({ userId: 7, formats: ['json', 'csv'], outDir: '.' });
    expect(readExportArgs(['--user', '7', '--format', 'csv', '--out', 'x/y'])).toEqual({ userId: 7, formats: ['csv'], outDir: 'x/y' });
    expect(readExportArgs(['--help'])).toBe('help');
    expect(readExportArgs([])).toEqual({ error: '--user is required: the Telegram id of the user to export' });
    expect(readExportArgs(['--user', '0'])).toEqual({ error: '--user must be a user id (a whole number above 0), not "0"' });
    expect(readExportArgs(['--user', 'abc'])).toEqual({ error: '--user must be a user id (a whole number above 0), not "abc"' });
    expect(readExportArgs(['--user', '1', '--format', 'xml'])).toEqual({ error: '--format must be json or csv, not "xml"' });
    expect(readExportArgs(['--user', '1', '--out', ' '])).toEqual({ error: '--out must name a folder' });
    expect(readExportArgs(['--user', '1', '--zip'])).toHaveProperty('error');
    expect(readExportArgs(['--user', '1', 'extra'])).toHaveProperty('error');
  });

  it('runExport: help exits 0, a bad flag 2 with the message and the help, a missing user 1', () => {
    const never = () => {
      throw new Error('must not write');
    };
    expect(runExport(['--help'], never)).toEqual({ code: 0, stdout: `${EXPORT_HELP}\n`, stderr: '' });
    const bad = runExport(['--user', '1', '--format', 'pdf'], never);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('repaybot export: --format must be json or csv, not "pdf"');
    expect(bad.stderr).toContain('Usage: repaybot export --user ID');
    expect(runExport(['--user', '3'], () => ({ error: 'no user 3 in db.sqlite' }))).toEqual({
      code: 1,
      stdout: '',
      stderr: 'repaybot export: no user 3 in db.sqlite\n',
    });
    expect(runExport(['--user', '3'], () => ({ paths: ['/a/b.json'], empty: false }))).toEqual({
      code: 0,
      stdout: '/a/b.json\n',
      stderr: '',
    });
  });
});

describe('writeUserExport', () => {
  it("writes the user's files into the folder (created), only their rows", async () => {
    const path = await databaseWithTwoUsers('direct');
    const out = join(tmp, 'direct-out', 'user-1');
    const result = writeUserExport(path, { userId: 1, formats: ['json', 'csv'], outDir: out }, NOW);
    expect(result).toEqual({
      paths: ['repaybot-export-2027-01-10.json', 'loans.csv', 'installments.csv', 'payments.csv'].map((name) => join(out, name)),
      empty: false,
    });
    const doc = JSON.parse(readFileSync(join(out, 'repaybot-export-2027-01-10.json'), 'utf8'));
    expect(doc.loans.map((loan: { name: string }) => loan.name)).toEqual(['car', '花呗']);
    for (const name of readdirSync(out)) expect(readFileSync(join(out, name), 'utf8')).not.toContain('othersecretloan');
    expect(writeUserExport(path, { userId: 99, formats: ['json'], outDir: out }, NOW)).toEqual({ error: `no user 99 in ${path}` });
  });

  it('a folder that cannot be written: an error naming it, no exception', async () => {
    const path = await databaseWithTwoUsers('unwritable');
    const file = join(tmp, 'unwritable', 'a-file');
    writeFileSync(file, 'x');
    const result = writeUserExport(path, { userId: 1, formats: ['json'], outDir: join(file, 'sub') }, NOW);
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toContain(`could not write into ${join(file, 'sub')}`);
  });
});

function run(args: string[], databasePath: string, cwd = root): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env, BOT_TOKEN: '', DATABASE_PATH: databasePath, DEFAULT_TIMEZONE: '', DEFAULT_LANGUAGE: '', LOG_LEVEL: '' };
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin/repaybot.mjs'), ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`repaybot ${args.join(' ')} did not finish in time`));
    }, 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

describe('repaybot export (the executable)', { timeout: 60_000 }, () => {
  it('writes into --out and prints the paths; --format csv writes only the CSVs; the current folder by default', async () => {
    const path = await databaseWithTwoUsers('exe');
    const out = join(tmp, 'exe-out');
    const both = await run(['export', '--user', '1', '--out', out], path);
    expect(both.code, both.stderr).toBe(0);
    // The executable runs on the real clock: the JSON file is named by the user's date today.
    const lines = both.stdout.split('\n');
    expect(lines[0]).toMatch(/repaybot-export-\d{4}-\d{2}-\d{2}\.json$/);
    expect(lines[0]?.startsWith(join(out, 'repaybot-export-'))).toBe(true);
    expect(lines.slice(1)).toEqual([...['loans.csv', 'installments.csv', 'payments.csv'].map((name) => join(out, name)), '']);
    expect(readFileSync(join(out, 'loans.csv'), 'utf8').startsWith('\uFEFFloan_id,')).toBe(true);

    const here = join(tmp, 'exe-here');
    mkdirSync(here, { recursive: true });
    const csv = await run(['export', '--user', '2', '--format', 'csv'], path, here);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout).toBe(['loans.csv', 'installments.csv', 'payments.csv'].map((name) => `${join(here, name)}\n`).join(''));
    expect(readFileSync(join(here, 'loans.csv'), 'utf8')).toContain('othersecretloan');
    expect(readFileSync(join(here, 'loans.csv'), 'utf8')).not.toContain('car');
  });

  it('--help exits 0; a bad or missing flag exits 2 with a message; an unknown user exits 1', async () => {
    const path = join(tmp, 'flags', 'repaybot.sqlite');
    const help = await run(['export', '--help'], path);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: repaybot export --user ID [--format json|csv] [--out DIR]');
    const missing = await run(['export'], path);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('repaybot export: --user is required');
    const bad = await run(['export', '--user', '1', '--format', 'yaml'], path);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format must be json or csv, not "yaml"');
    const unknown = await run(['export', '--user', '5', '--out', join(tmp, 'flags-out')], path);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(`repaybot export: no user 5 in ${path}\n`);
    const usage = await run(['--help'], path);
    expect(usage.stdout).toContain('export    write everything stored about one user into files (JSON and CSV)');
  });
});
