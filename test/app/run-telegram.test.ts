import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runTelegram, type TelegramRunOptions } from '../../src/app/run-telegram.ts';
import type { TelegramDriver } from '../../src/app/telegram-driver.ts';
import { FatalTelegramError } from '../../src/app/telegram-errors.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { FAKE_TOKEN, startFakeBotApi, textUpdate } from './support/fake-bot-api.ts';
import { capturingLogger } from './support/log.ts';

/*
 * The Telegram run mode in this process against a fake Bot API on loopback: polling and webhook,
 * concurrency, and every way it stops.
 */

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

async function setUp(options: { delayMs?: number; env?: Record<string, string>; port?: number } = {}) {
  const api = await startFakeBotApi(options.delayMs !== undefined ? { delayMs: options.delayMs } : {});
  cleanup.push(() => api.stop());
  const dir = mkdtempSync(join(tmpdir(), 'repaybot-run-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const databasePath = join(dir, 'bot.sqlite');
  const config = {
    ...loadConfig({
      BOT_TOKEN: FAKE_TOKEN,
      TELEGRAM_API_ROOT: api.url,
      DATABASE_PATH: databasePath,
      DEFAULT_TIMEZONE: 'Asia/Shanghai',
      ...options.env,
    }),
    BOT_TOKEN: FAKE_TOKEN,
    ...(options.port !== undefined && { PORT: options.port }),
  };
  const { logger, lines, messages, waitFor } = capturingLogger();
  const controller = new AbortController();
  let listening!: (url: string) => void;
  const serverUrl = new Promise<string>((resolve) => (listening = resolve));
  const start = (extra: Partial<TelegramRunOptions> = {}) => {
    const running = runTelegram(config, { signal: controller.signal, logger, pollTimeoutSeconds: 1, onListening: listening, ...extra });
    cleanup.push(async () => {
      controller.abort();
      await running.catch(() => undefined);
    });
    return running;
  };
  return { api, config, databasePath, lines, messages, waitFor, controller, start, serverUrl };
}

function httpCall(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; ms: number }>((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - started }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The database file is closed: another connection can take an exclusive lock at once. */
function databaseIsClosed(path: string): boolean {
  const db = openDatabase(path);
  try {
    db.$client.pragma('locking_mode = EXCLUSIVE');
    db.$client.prepare('BEGIN EXCLUSIVE').run();
    db.$client.prepare('COMMIT').run();
    return true;
  } catch {
    return false;
  } finally {
    db.$client.close();
  }
}

describe('runTelegram: long polling', () => {
  it('answers updates, publishes the menus, deletes a webhook left set, and stops on its signal with the database closed', async () => {
    const { api, controller, start, databasePath, messages } = await setUp();
    const running = start();
    api.push(textUpdate(4242, '/start'));
    await api.waitForSent(1);
    controller.abort('SIGTERM');
    await running;
    expect(api.sent()[0]?.body.chat_id).toBe(4242);
    const methods = api.calls.map((call) => call.method);
    expect(methods).toContain('deleteWebhook');
    expect(methods).toContain('setMyCommands');
    expect(messages()).toEqual(expect.arrayContaining(['bot running', 'stopping', 'stopped']));
    // The last poll confirmed the update, so the next start does not get it again.
    expect(api.unconfirmed()).toEqual([]);
    expect(databaseIsClosed(databasePath)).toBe(true);
  });

  it('handles different users at once and one user in order: 16 users against a Bot API answering each call after 50 ms', async () => {
    const users = Array.from({ length: 16 }, (_, i) => 1000 + i);
    const script = ['/start', '/help', '/next', '/loans', '/settings', '/next', '/help', '/loans', '/start', '/next'];
    /** Every user's script, all queued before the start; updates per second from the first poll to the last reply. */
    const workload = async (delayMs: number) => {
      const { api, controller, start } = await setUp({ delayMs });
      for (const text of script) for (const user of users) api.push(textUpdate(user, text));
      const running = start();
      await api.waitForSent(users.length * script.length);
      const firstPoll = api.calls.find((call) => call.method === 'getUpdates')?.at as number;
      const sent = api.sent();
      controller.abort();
      await running;
      return { sent, perSecond: sent.length / (((sent.at(-1)?.at as number) + delayMs - firstPoll) / 1000) };
    };
    // The same work with an instant Bot API: what this machine's CPU allows (after a run that warms the JIT).
    await workload(0);
    const instant = await workload(0);
    const slow = await workload(50);

    // One user's replies come in the order of their messages: every user's sequence is the same.
    const byUser = new Map<number, string[]>();
    for (const call of slow.sent)
      byUser.set(Number(call.body.chat_id), [...(byUser.get(Number(call.body.chat_id)) ?? []), String(call.body.text)]);
    expect(byUser.size).toBe(16);
    expect(new Set([...byUser.values()].map((texts) => JSON.stringify(texts))).size).toBe(1);
    expect(byUser.get(1000)?.[0]).toContain('/addloan');

    // Each user's next message waits for the reply to their last, so a round of 16 takes one 50 ms
    // call plus the CPU time of 16 updates: the cap is 16 / (50 ms + 16 × CPU per update). One
    // update at a time would be 1 / (50 ms + CPU per update), under 20/s.
    const cpuPerUpdate = 1 / instant.perSecond;
    const cap = users.length / (0.05 + users.length * cpuPerUpdate);
    const oneAtATime = 1 / (0.05 + cpuPerUpdate);
    console.info(
      `16 users, 50 ms per Bot API call: ${slow.perSecond.toFixed(0)} updates/s; cap ${cap.toFixed(0)}/s; one at a time ${oneAtATime.toFixed(0)}/s (instant Bot API: ${instant.perSecond.toFixed(0)}/s)`,
    );
    // (On a loaded machine the CPU term grows and the two figures draw together; the cap still holds.)
    expect(slow.perSecond).toBeGreaterThan(cap * 0.6);
  });

  it('finishes the updates in flight when stopped, before closing the database', async () => {
    const { api, controller, start, databasePath } = await setUp({ delayMs: 300 });
    const running = start();
    api.push(textUpdate(1, '/start'), textUpdate(2, '/start'), textUpdate(3, '/help'));
    await api.waitForSent(3);
    // The three replies are on their way (answered after 300 ms): stop now.
    controller.abort('SIGTERM');
    await running;
    expect(api.sent()).toHaveLength(3);
    expect(databaseIsClosed(databasePath)).toBe(true);
  });

  it('stops at once when signalled during start-up (getMe not answered yet); nothing is polled', async () => {
    const { api, controller, start, databasePath } = await setUp({ delayMs: 5000 });
    const running = start();
    await api.waitForCall('getMe');
    const before = performance.now();
    controller.abort('SIGINT');
    await running;
    expect(performance.now() - before).toBeLessThan(1000);
    expect(api.calls.map((call) => call.method)).toEqual(['getMe']);
    expect(databaseIsClosed(databasePath)).toBe(true);
  });

  it('a signal before it even starts: returns without opening anything', async () => {
    const { api, controller, start } = await setUp();
    controller.abort('SIGTERM');
    await start();
    expect(api.calls).toEqual([]);
  });

  it.each(['grammy', 'telegraf'])(
    '%s: a 409 Conflict (another instance polling) stops it with one clear FatalTelegramError, database closed',
    async (framework) => {
      const { api, start, databasePath } = await setUp({ env: { BOT_FRAMEWORK: framework } });
      api.fail('getUpdates', {
        code: 409,
        description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      });
      const running = start();
      await expect(running).rejects.toBeInstanceOf(FatalTelegramError);
      await expect(running).rejects.toThrow(/409 Conflict.*another process is running this bot/);
      expect(databaseIsClosed(databasePath)).toBe(true);
    },
  );

  it.each(['grammy', 'telegraf'])('%s: a 401 to getMe (wrong token) is fatal at once', async (framework) => {
    const { api, start } = await setUp({ env: { BOT_FRAMEWORK: framework } });
    api.fail('getMe', { code: 401, description: 'Unauthorized' });
    await expect(start()).rejects.toThrow(/401 Unauthorized: BOT_TOKEN is wrong/);
    expect(api.calls.map((call) => call.method)).toEqual(['getMe']);
  });

  it.each(['grammy', 'telegraf'])(
    '%s: runs on with a warning when setMyCommands or deleteWebhook fail (a Bot API emulator without them)',
    async (framework) => {
      const { api, controller, start, lines } = await setUp({ env: { BOT_FRAMEWORK: framework } });
      api.fail('setMyCommands', { code: 404, description: 'Not Found: method not found' });
      api.fail('deleteWebhook', { code: 500, description: 'Internal Server Error' });
      const running = start();
      api.push(textUpdate(7, '/start'));
      await api.waitForSent(1);
      controller.abort();
      await running;
      const warnings = lines.filter((line) => line.level === 40).map((line) => line.msg);
      expect(warnings).toEqual(
        expect.arrayContaining([
          'deleteWebhook failed; the bot runs on without it',
          'setMyCommands (the command menus) failed; the bot runs on without it',
        ]),
      );
    },
  );

  it('serves GET /healthz on PORT in polling mode', async () => {
    const { api, controller, start, serverUrl } = await setUp({ port: 0 });
    const running = start();
    const url = await serverUrl;
    api.push(textUpdate(8, '/start'));
    await api.waitForSent(1);
    // The scheduler is alive once the bot runs (it starts before the first poll).
    const health = await httpCall(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', database: 'ok', scheduler: 'alive' });
    expect(JSON.parse(health.body).lastUpdateAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await httpCall(`${url}/webhook`, { method: 'POST', body: '{}' })).status).toBe(404);
    controller.abort();
    await running;
  });

  it('BOT_FRAMEWORK=telegraf runs on Telegraf the same way: answers, menus, deleteWebhook, confirmed offset, database closed', async () => {
    const { api, controller, start, databasePath, messages } = await setUp({ env: { BOT_FRAMEWORK: 'telegraf' } });
    const running = start();
    api.push(textUpdate(4242, '/start'));
    await api.waitForSent(1);
    controller.abort('SIGTERM');
    await running;
    expect(api.sent()[0]?.body.chat_id).toBe(4242);
    expect(String(api.sent()[0]?.body.text)).toContain('your repayment assistant');
    const methods = api.calls.map((call) => call.method);
    expect(methods).toEqual(expect.arrayContaining(['getMe', 'deleteWebhook', 'setMyCommands', 'getUpdates']));
    expect(messages()).toEqual(expect.arrayContaining(['bot running', 'stopping', 'stopped']));
    expect(api.unconfirmed()).toEqual([]);
    expect(databaseIsClosed(databasePath)).toBe(true);
  });
});

describe('runTelegram: through any framework’s driver', () => {
  it('a handler that never finishes holds a stop only for drainTimeoutMs, with a warning; the database is closed', async () => {
    const { controller, start, databasePath, lines } = await setUp();
    let handling!: () => void;
    const started = new Promise<void>((resolve) => (handling = resolve));
    const noPass = async () => ({ queued: 0, sent: 0, dropped: 0, retried: 0, dead: 0 });
    const driver = (): TelegramDriver => ({
      identify: async () => ({ username: 'stub_bot' }),
      getUpdates: (params, signal) =>
        params.offset === 0
          ? Promise.resolve([{ update_id: 1, ...textUpdate(3, '/start') }])
          : params.timeout === 0
            ? Promise.resolve([])
            : new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted')))),
      handle: () => {
        handling();
        return new Promise<void>(() => undefined);
      },
      setWebhook: async () => undefined,
      deleteWebhook: async () => undefined,
      publishCommands: async () => undefined,
      passes: () => ({ reminders: noPass as never, deliveries: noPass as never }),
    });
    const running = start({ driver, drainTimeoutMs: 50 });
    await started;
    controller.abort('SIGTERM');
    await running;
    expect(lines.find((line) => line.msg === 'stopping before every update was finished')).toMatchObject({ unfinishedUpdates: 1 });
    expect(databaseIsClosed(databasePath)).toBe(true);
  });
});

describe('runTelegram: webhook (WEBHOOK_URL)', () => {
  const SECRET = 'hook_secret-123';
  const webhookEnv = { WEBHOOK_URL: 'https://bot.example.com/tg/hook', WEBHOOK_SECRET: SECRET };

  it.each(['grammy', 'telegraf'])(
    '%s: sets the webhook with its secret, acknowledges updates at once and answers them after; never polls',
    async (framework) => {
      const { api, controller, start, serverUrl, waitFor } = await setUp({
        env: { ...webhookEnv, BOT_FRAMEWORK: framework },
        port: 0,
        delayMs: 100,
      });
      const running = start();
      const url = await serverUrl;
      const setWebhook = await api.waitForCall('setWebhook');
      expect(setWebhook.body).toMatchObject({ url: 'https://bot.example.com/tg/hook', secret_token: SECRET });
      await waitFor('bot running');
      const update = JSON.stringify({ update_id: 501, ...textUpdate(77, '/start') });
      const answer = await httpCall(`${url}/tg/hook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: update,
      });
      expect(answer.status).toBe(200);
      // Acknowledged before the reply (which takes the Bot API 100 ms) was even sent.
      expect(answer.ms).toBeLessThan(100);
      await api.waitForSent(1);
      expect(api.sent()[0]?.body.chat_id).toBe(77);

      const wrong = await httpCall(`${url}/tg/hook`, {
        method: 'POST',
        headers: { 'x-telegram-bot-api-secret-token': 'nope' },
        body: update,
      });
      expect(wrong.status).toBe(401);
      const health = JSON.parse((await httpCall(`${url}/healthz`)).body);
      expect(health).toMatchObject({ status: 'ok', database: 'ok', scheduler: 'alive' });
      expect(health.lastUpdateAt).not.toBeNull();

      controller.abort('SIGTERM');
      await running;
      const methods = api.calls.map((call) => call.method);
      expect(methods).not.toContain('getUpdates');
      // Stopping leaves the webhook set: Telegram keeps the updates for the next start.
      expect(methods).not.toContain('deleteWebhook');
      expect(api.sent()).toHaveLength(1);
    },
  );

  it('answers 503 to an update that arrives before getMe has answered (a webhook left set), so Telegram sends it again', async () => {
    const { api, controller, start, serverUrl } = await setUp({ env: webhookEnv, port: 0, delayMs: 5000 });
    const running = start();
    const url = await serverUrl;
    await api.waitForCall('getMe');
    const answer = await httpCall(`${url}/tg/hook`, {
      method: 'POST',
      headers: { 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify({ update_id: 9, ...textUpdate(5, '/start') }),
    });
    expect(answer.status).toBe(503);
    controller.abort();
    await running;
  });

  it('a refused setWebhook (Telegram wants HTTPS) is fatal, with Telegram’s reason', async () => {
    const { api, start } = await setUp({ env: webhookEnv, port: 0 });
    api.fail('setWebhook', { code: 400, description: 'Bad Request: bad webhook: HTTPS url must be provided for webhook' });
    await expect(start()).rejects.toThrow(/setWebhook with 400 Bad Request: bad webhook/);
  });
});
