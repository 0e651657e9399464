import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_TOKEN, type FakeBotApi, startFakeBotApi, textUpdate } from './support/fake-bot-api.ts';

/*
 * The lifecycle for real: `npm start` and bin/repaybot.mjs as processes against a fake Bot API
 * on loopback, stopped by signals at different moments, and a fatal answer's exit code.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

interface Started {
  child: ChildProcess;
  api: FakeBotApi;
  stderr(): string;
  exited: Promise<number | null>;
  /** The bot's own pid, from its 'bot running' log line. */
  botPid(): Promise<number>;
}

async function startBot(
  command: 'npm' | 'bin',
  options: { delayMs?: number; logLevel?: string; beforeStart?: (api: FakeBotApi) => void } = {},
): Promise<Started> {
  const api = await startFakeBotApi(options.delayMs !== undefined ? { delayMs: options.delayMs } : {});
  cleanup.push(() => api.stop());
  options.beforeStart?.(api);
  const dir = mkdtempSync(join(tmpdir(), 'repaybot-life-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const [file, args] = command === 'npm' ? ['npm', ['start', '--silent']] : [process.execPath, ['bin/repaybot.mjs', 'start']];
  const child = spawn(file, args as string[], {
    cwd: root,
    env: {
      ...process.env,
      BOT_TOKEN: FAKE_TOKEN,
      TELEGRAM_API_ROOT: api.url,
      DATABASE_PATH: join(dir, 'bot.sqlite'),
      LOG_LEVEL: options.logLevel ?? 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const listeners: (() => void)[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const listener of listeners) listener();
  });
  child.stdout?.resume();
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  const botPid = () =>
    new Promise<number>((found) => {
      const check = () => {
        const match = /"pid":(\d+)[^\n]*"msg":"bot running"|"msg":"bot running"[^\n]*"pid":(\d+)/.exec(stderr);
        if (match) found(Number(match[1] ?? match[2]));
      };
      listeners.push(check);
      check();
    });
  cleanup.push(async () => {
    const pid = /"pid":(\d+)/.exec(stderr)?.[1];
    if (pid && alive(Number(pid))) process.kill(Number(pid), 'SIGKILL');
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { child, api, stderr: () => stderr, exited, botPid };
}

describe('the process lifecycle (real processes, fake Bot API)', () => {
  it('kill -TERM of `npm start` stops the bot in order: npm and the bot exit 0, no process is left behind', async () => {
    const bot = await startBot('npm');
    bot.api.push(textUpdate(4242, '/start'));
    await bot.api.waitForSent(1);
    const pid = await bot.botPid();
    expect(pid).not.toBe(bot.child.pid);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(alive(pid)).toBe(false);
    expect(bot.stderr()).toMatch(/"msg":"stopping"/);
    expect(bot.stderr()).toMatch(/"signal":"SIGTERM"/);
    expect(bot.stderr()).toMatch(/"msg":"stopped"/);
  }, 30_000);

  it('SIGINT twice (a terminal’s Ctrl+C reaches npm and the bot, and npm forwards it) still stops in order with 0', async () => {
    const bot = await startBot('npm');
    const pid = await bot.botPid();
    process.kill(pid, 'SIGINT');
    bot.child.kill('SIGINT');
    expect(await bot.exited).toBe(0);
    expect(alive(pid)).toBe(false);
    expect(bot.stderr().match(/"msg":"stopped"/g)).toHaveLength(1);
  }, 30_000);

  it('SIGTERM while the sources are still loading: exit 0 at once', async () => {
    const bot = await startBot('bin');
    // Node itself needs a few dozen ms before bin/repaybot.mjs's first line runs (a signal before
    // that gets the default action); loading the sources through tsx takes far longer than this.
    await new Promise((r) => setTimeout(r, 300));
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.api.calls).toEqual([]);
  }, 30_000);

  it('SIGTERM while getMe is still unanswered: the bot stops in order and exits 0 without waiting for Telegram', async () => {
    const bot = await startBot('bin', { delayMs: 20_000 });
    await bot.api.waitForCall('getMe');
    const before = performance.now();
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(performance.now() - before).toBeLessThan(5000);
    expect(bot.stderr()).toMatch(/"msg":"stopped"/);
  }, 30_000);

  it('409 Conflict (another instance polling): exit 1 with one clear line, no stack trace', async () => {
    const bot = await startBot('bin', {
      logLevel: 'warn',
      beforeStart: (api) =>
        api.fail('getUpdates', {
          code: 409,
          description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
        }),
    });
    expect(await bot.exited).toBe(1);
    const lines = bot.stderr().trim().split('\n');
    expect(lines.filter((line) => line.includes('409'))).toEqual([
      expect.stringMatching(
        /^Could not run the Telegram bot: Telegram answered getUpdates with 409 Conflict: .*another process is running this bot/,
      ),
    ]);
    expect(bot.stderr()).not.toMatch(/\n\s+at /);
  }, 30_000);
});
