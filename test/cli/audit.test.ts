import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditLine } from '../../src/app/run-audit.ts';
import { auditCsv, changeText, csvField, runAudit } from '../../src/cli/audit.ts';
import { openDatabase } from '../../src/db/client.ts';
import { recordAudit } from '../../src/services/audit.ts';

/* `repaybot audit [--request N] [--csv]`: the trail as a table or as CSV (RFC 4180). */

const LINES: AuditLine[] = [
  {
    id: 1,
    at: '2027-01-16T02:00:00.000Z',
    actorId: 1,
    actorRole: 'borrower',
    action: 'submit',
    userId: 1,
    requestId: 7,
    promiseId: null,
    loanId: null,
    before: null,
    after: '{"status":"open","reason":"job loss, \\"sudden\\""}',
  },
  {
    id: 2,
    at: '2027-01-16T03:00:00.000Z',
    actorId: 99,
    actorRole: 'operator',
    action: 'decide',
    userId: 1,
    requestId: 7,
    promiseId: null,
    loanId: null,
    before: '{"status":"open","decisionNote":null}',
    after: '{"status":"approved","decisionNote":"ok,\\nsee file"}',
  },
  {
    id: 3,
    at: '2027-01-21T00:00:00.000Z',
    actorId: null,
    actorRole: 'system',
    action: 'promise-broken',
    userId: 1,
    requestId: null,
    promiseId: 3,
    loanId: 2,
    before: '{"status":"open"}',
    after: '{"status":"broken"}',
  },
];

function fakeRead() {
  const calls: { requestId?: number }[] = [];
  return {
    calls,
    read: (filter: { requestId?: number }) => {
      calls.push(filter);
      return filter.requestId === undefined ? LINES : LINES.filter((line) => line.requestId === filter.requestId);
    },
  };
}

describe('repaybot audit (in process)', () => {
  it('prints a readable table, oldest first: who, when, what, and what changed', () => {
    const { read, calls } = fakeRead();
    const { code, stdout, stderr } = runAudit([], read);
    expect(code, stderr).toBe(0);
    expect(calls).toEqual([{}]);
    const rows = stdout.split('\n');
    expect(rows[0]).toMatch(/^id\s+at\s+actor\s+role\s+action\s+user\s+request\s+promise\s+loan\s+before → after$/);
    expect(rows[1]).toMatch(/^-+ +-+/);
    expect(rows[2]).toMatch(/^1\s+2027-01-16T02:00:00.000Z\s+1\s+borrower\s+submit\s+1\s+7\s+-\s+-\s+— → \{"status":"open"/);
    expect(rows[3]).toContain('status: open → approved; decisionNote: null → ok,\nsee file'.split('\n')[0]);
    expect(rows.at(-1)).toMatch(
      /^3\s+2027-01-21T00:00:00.000Z\s+\(bot\)\s+system\s+promise-broken\s+1\s+-\s+3\s+2\s+status: open → broken$/,
    );
  });

  it('--request N reads only that request’s entries', () => {
    const { read, calls } = fakeRead();
    const { stdout } = runAudit(['--request', '7'], read);
    expect(calls).toEqual([{ requestId: 7 }]);
    expect(stdout).not.toContain('promise-broken');
    expect(stdout).toContain('decide');
  });

  it('--csv prints a header row and quotes by RFC 4180: commas, quotes (doubled) and line breaks', () => {
    const { read } = fakeRead();
    const { code, stdout } = runAudit(['--csv'], read);
    expect(code).toBe(0);
    const records = stdout.split('\r\n');
    expect(records[0]).toBe('id,at,actor_id,actor_role,action,user_id,request_id,promise_id,loan_id,before,after');
    expect(records[1]).toBe(
      '1,2027-01-16T02:00:00.000Z,1,borrower,submit,1,7,,,,"{""status"":""open"",""reason"":""job loss, \\""sudden\\""""}"',
    );
    // A field with a line break stays one quoted field.
    expect(stdout).toContain('"{""status"":""approved"",""decisionNote"":""ok,\\nsee file""}"');
    expect(records.at(-2)).toBe(
      '3,2027-01-21T00:00:00.000Z,,system,promise-broken,1,,3,2,"{""status"":""open""}","{""status"":""broken""}"',
    );
    expect(stdout.endsWith('\r\n')).toBe(true);
    expect(auditCsv([])).toBe('id,at,actor_id,actor_role,action,user_id,request_id,promise_id,loan_id,before,after\r\n');
  });

  it('quotes a field only when it must', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField(null)).toBe('');
    expect(csvField(12)).toBe('12');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it('says what changed: the fields that differ, or the whole state when there was none', () => {
    expect(changeText('{"status":"open","n":1}', '{"status":"kept","n":1}')).toBe('status: open → kept');
    expect(changeText(null, '{"a":1}')).toBe('— → {"a":1}');
    expect(changeText('{"a":1}', '{"a":1}')).toBe('(no change)');
  });

  it('--help prints the usage; a bad flag or value says so and exits 2', () => {
    const { read, calls } = fakeRead();
    expect(runAudit(['--help'], read)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Usage: repaybot audit [--request N] [--csv]'),
    });
    for (const argv of [['--cvs'], ['--request'], ['--request', 'seven'], ['--request', '0'], ['--request', '-3'], ['extra']]) {
      const result = runAudit(argv, read);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^repaybot audit: /);
      expect(result.stderr).toContain('Usage: repaybot audit');
    }
    expect(runAudit(['--request', 'seven'], read).stderr).toContain('--request must be a request number');
    expect(calls).toEqual([]);
  });

  it('an empty trail says so', () => {
    expect(runAudit([], () => []).stdout).toBe('No audit entries.');
  });
});

// --- the real executable ------------------------------------------------------------------------

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = mkdtempSync(join(tmpdir(), 'repaybot-audit-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], databasePath: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env, BOT_TOKEN: '', DATABASE_PATH: databasePath, DEFAULT_TIMEZONE: '', DEFAULT_LANGUAGE: '', LOG_LEVEL: '' };
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['bin/repaybot.mjs', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
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

describe('repaybot audit (the executable)', { timeout: 30_000 }, () => {
  it('reads the trail of DATABASE_PATH, as a table and as CSV', async () => {
    const path = join(tmp, 'trail', 'repaybot.sqlite');
    const db = openDatabase(path);
    recordAudit(db, {
      actorId: 1,
      actorRole: 'borrower',
      action: 'promise',
      userId: 1,
      promiseId: 1,
      loanId: 1,
      after: { amount: '500.00', note: 'a, b' },
      at: new Date('2027-01-16T02:00:00Z'),
    });
    recordAudit(db, {
      actorId: 5,
      actorRole: 'operator',
      action: 'decide',
      userId: 1,
      requestId: 4,
      before: { status: 'open' },
      after: { status: 'rejected' },
      at: new Date('2027-01-16T03:00:00Z'),
    });
    db.$client.close();

    const table = await run(['audit'], path);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^id\s+at\s+actor/);
    expect(table.stdout).toContain('status: open → rejected');

    const csv = await run(['audit', '--request', '4', '--csv'], path);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout).toBe(
      'id,at,actor_id,actor_role,action,user_id,request_id,promise_id,loan_id,before,after\r\n2,2027-01-16T03:00:00.000Z,5,operator,decide,1,4,,,"{""status"":""open""}","{""status"":""rejected""}"\r\n',
    );
  });

  it('a bad flag exits 2 with the usage; --help exits 0; the main usage lists audit', async () => {
    const path = join(tmp, 'none', 'repaybot.sqlite');
    const bad = await run(['audit', '--bogus'], path);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Usage: repaybot audit');
    const help = await run(['audit', '--help'], path);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toContain('--csv');
    const usage = await run(['--help'], path);
    expect(usage.stdout).toMatch(/^\s+audit\s/m);
  });
});
