import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/*
 * The real executable, as a user or a script runs it: `node bin/repaybot.mjs …` in a child
 * process, with its own database in a temporary folder and no Telegram token.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = mkdtempSync(join(tmpdir(), 'repaybot-cli-'));
let dbCounter = 0;

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function freshDatabasePath(): string {
  dbCounter += 1;
  return join(tmp, `db-${dbCounter}`, 'repaybot.sqlite');
}

function run(args: string[], options: { env?: Record<string, string>; stdin?: string } = {}): Promise<Run> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    // Empty counts as unset, and a real variable is not overridden by a developer's own .env.
    BOT_TOKEN: '',
    DATABASE_PATH: freshDatabasePath(),
    DEFAULT_TIMEZONE: '',
    DEFAULT_LANGUAGE: '',
    TELEGRAM_API_ROOT: '',
    LOG_LEVEL: '',
    ...options.env,
  };
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['bin/repaybot.mjs', ...args], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`repaybot ${args.join(' ')} did not finish in time\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

function jsonLines(stdout: string): unknown[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
}

describe('repaybot CLI', { timeout: 30_000 }, () => {
  it('--help lists the commands and exits 0', async () => {
    const { code, stdout, stderr } = await run(['--help']);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^\s+start\s/m);
    expect(stdout).toMatch(/^\s+chat\s/m);
    expect(stdout).toMatch(/^\s+migrate\s/m);
  });

  it('without a command prints the usage and exits 2', async () => {
    const { code, stdout, stderr } = await run([]);
    expect(code, stderr).toBe(2);
    expect(stdout + stderr).toContain('Usage: repaybot');
  });

  it('an unknown command exits 2 and says which', async () => {
    const { code, stderr } = await run(['serve']);
    expect(code, stderr).toBe(2);
    expect(stderr).toContain('"serve"');
  });

  it('chat --help describes --jsonl and the other options', async () => {
    const { code, stdout, stderr } = await run(['chat', '--help']);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('--jsonl');
    expect(stdout).toContain('--now');
  });

  it('an unknown option exits 2 with the command’s usage', async () => {
    const { code, stderr } = await run(['chat', '--jsnol']);
    expect(code, stderr).toBe(2);
    expect(stderr).toContain('--jsonl');
  });

  it('migrate creates the database file and exits 0', async () => {
    const path = freshDatabasePath();
    expect(existsSync(path)).toBe(false);
    const { code, stdout, stderr } = await run(['migrate'], { env: { DATABASE_PATH: path } });
    expect(code, stderr).toBe(0);
    expect(existsSync(path)).toBe(true);
    expect(stdout).toContain(path);
  });

  it('a bad setting stops it with exit code 2 and names the variable, before touching the database', async () => {
    const path = freshDatabasePath();
    const { code, stdout, stderr } = await run(['migrate'], { env: { DATABASE_PATH: path, DEFAULT_TIMEZONE: 'Nowhere/City' } });
    expect(code, stderr).toBe(2);
    expect(stderr).toContain('DEFAULT_TIMEZONE');
    expect(stdout).not.toContain('Database ready');
    expect(existsSync(path)).toBe(false);
  });

  it('chat --jsonl answers each input line with JSON lines and {"done":true}, and reports bad lines', async () => {
    const stdin = ['{"user":7,"text":"/start","lang":"zh-CN"}', 'not json', ''].join('\n');
    const { code, stdout, stderr } = await run(['chat', '--jsonl', '--now', '2026-11-21T10:00:00+08:00'], { stdin });
    expect(code, stderr).toBe(0);
    const lines = jsonLines(stdout);
    expect(lines).toHaveLength(4);
    const [welcome, done1, error, done2] = lines as [Record<string, unknown>, unknown, Record<string, unknown>, unknown];
    expect(welcome).toEqual({ chat: 7, text: expect.stringContaining('还款助手') as unknown, buttons: [] });
    expect(done1).toEqual({ done: true });
    expect(Object.keys(error)).toEqual(['error']);
    expect(String(error.error)).toContain('line 2');
    expect(done2).toEqual({ done: true });
  });

  it('chat --jsonl keeps stdout pure JSON lines even with logging turned up (logs go to stderr)', async () => {
    const stdin = [
      '{"user":7,"text":"/addloan car loan 10000 12 months 12% apr annuity first 2027-01-15"}',
      '{"user":7,"text":"/next"}',
    ].join('\n');
    const { code, stdout, stderr } = await run(['chat', '--jsonl', '--now', '2026-11-21T10:00:00+08:00'], {
      stdin,
      env: { LOG_LEVEL: 'debug' },
    });
    expect(code, stderr).toBe(0);
    expect(stderr, 'logs are written, to stderr').not.toBe('');
    for (const line of stdout.split('\n').filter((l) => l !== '')) {
      expect(() => JSON.parse(line), `stdout line: ${line}`).not.toThrow();
    }
    const lines = jsonLines(stdout) as Record<string, unknown>[];
    expect(lines.filter((l) => l.done === true)).toHaveLength(2);
    // The card's Save button is there to be pressed by a script.
    const card = lines.find((l) => Array.isArray(l.buttons) && (l.buttons as unknown[]).length > 0) as
      | { chat: number; text: string; buttons: { label: string; data: string }[][] }
      | undefined;
    expect(card?.chat).toBe(7);
    expect(card?.text).toContain('888.49');
    expect(card?.buttons.flat().map((b) => b.label)).toContain('Save');
  });

  it('chat --jsonl: a loan saved by pressing Save survives into the next run on the same database', async () => {
    const path = freshDatabasePath();
    const now = ['--now', '2026-11-21T10:00:00+08:00'];
    const first = await run(['chat', '--jsonl', ...now], {
      env: { DATABASE_PATH: path },
      stdin: '{"user":7,"text":"/addloan car loan 10000 12 months 12% apr annuity first 2027-01-15"}\n',
    });
    const card = (jsonLines(first.stdout) as { buttons?: { label: string; data: string }[][] }[]).find((l) => l.buttons?.length);
    const save = card?.buttons?.flat().find((b) => b.label === 'Save');
    expect(save).toBeDefined();
    const second = await run(['chat', '--jsonl', ...now], {
      env: { DATABASE_PATH: path },
      stdin: `${JSON.stringify({ user: 7, callback: save!.data })}\n{"user":7,"text":"/next"}\n`,
    });
    expect(second.code).toBe(0);
    const texts = (jsonLines(second.stdout) as { text?: string }[]).map((l) => l.text ?? '');
    expect(texts.some((t) => t.includes('Saved "car loan"'))).toBe(true);
    const next = texts.find((t) => t.includes('2027-01-15'));
    expect(next).toContain('888.49');
  });

  it('chat rejects a --now that is not a date with exit code 2', async () => {
    const { code, stderr } = await run(['chat', '--jsonl', '--now', 'tomorrow']);
    expect(code, stderr).toBe(2);
    expect(stderr).toContain('--now');
  });
});
