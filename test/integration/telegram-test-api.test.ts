import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import type { Readable } from 'node:stream';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { TelegramServer as TelegramServerClass } from 'telegram-test-api/lib/telegramServer.js';
import { afterEach, describe, expect, it } from 'vitest';

/*
 * The real `repaybot start` against a Bot API emulator written by others (telegram-test-api, from
 * npm, on loopback): both frameworks, long polling and webhook. The emulator knows neither
 * setMyCommands (it answers "not supported", so start-up must go on without the menu) nor the
 * webhook secret header (it posts updates without X-Telegram-Bot-Api-Secret-Token, which the bot
 * must refuse); the update with the right secret is posted by the test in the emulator's format.
 */

// A CommonJS package that replaces module.exports with the class (its typings say `export default`).
const TelegramServer = createRequire(import.meta.url)('telegram-test-api') as typeof TelegramServerClass;
type TelegramServer = TelegramServerClass;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TOKEN = '123456:EMULATOR-token-for-telegram-test-api';
const USER = 4242;
const WEBHOOK_SECRET = 'emulator-webhook-secret_1';

type Framework = 'grammy' | 'telegraf';
type Client = ReturnType<TelegramServer['getClient']>;
interface BotMessage {
  chat_id: number | string;
  text: string;
  reply_markup?: { inline_keyboard?: { text: string; callback_data: string }[][] };
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

let cleanup: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

interface Started {
  server: TelegramServer;
  client: Client;
  env: NodeJS.ProcessEnv;
  bot: ChildProcessByStdio<null, Readable, Readable>;
  stderr: () => string;
  exited: Promise<number | null>;
}

async function startEmulatorAndBot(framework: Framework, webhookPort?: number): Promise<Started> {
  const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 600 });
  await server.start();
  cleanup.push(() => server.stop().then(() => undefined));
  const client = server.getClient(TOKEN, { userId: USER, chatId: USER, firstName: 'Li', type: 'private', timeout: 15_000, interval: 50 });
  const tmp = mkdtempSync(join(tmpdir(), 'repaybot-emulator-'));
  cleanup.push(() => rmSync(tmp, { recursive: true, force: true }));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BOT_TOKEN: TOKEN,
    BOT_FRAMEWORK: framework,
    TELEGRAM_API_ROOT: server.config.apiURL,
    DATABASE_PATH: join(tmp, 'bot.sqlite'),
    DEFAULT_TIMEZONE: 'Asia/Shanghai',
    LOG_LEVEL: 'info',
    ...(webhookPort !== undefined && {
      WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/telegram`,
      WEBHOOK_SECRET,
      HOST: '127.0.0.1',
      PORT: String(webhookPort),
    }),
  };
  const bot = spawn(process.execPath, ['bin/repaybot.mjs', 'start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  bot.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  bot.stdout.resume();
  const exited = new Promise<number | null>((r) => bot.on('close', r));
  cleanup.push(() => {
    if (bot.exitCode === null) bot.kill('SIGKILL');
  });
  return { server, client, env, bot, stderr: () => stderr, exited };
}

/** Every message the bot has sent to the user since the last call, waiting until there is one. */
async function botMessages(client: Client): Promise<BotMessage[]> {
  const updates = await client.getUpdates();
  return updates.result.map((update) => update.message as unknown as BotMessage);
}

/** Waits until one of the bot's messages shows `text` (in its text or on a button); returns them all. */
async function until(client: Client, text: string | RegExp, started: Started): Promise<BotMessage[]> {
  const seen: BotMessage[] = [];
  for (;;) {
    if (started.bot.exitCode !== null) throw new Error(`the bot exited: ${started.stderr()}`);
    const batch = await botMessages(client).catch((error: unknown) => {
      throw new Error(
        `${String(error)}; so far: ${JSON.stringify(seen.map((m) => m.text))}; stderr: ${started.stderr()}; emulator: ${JSON.stringify(started.server.storage).slice(0, 3000)}`,
      );
    });
    seen.push(...batch);
    const shown = (m: BotMessage) => [m.text, ...(m.reply_markup?.inline_keyboard?.flat().map((key) => key.text) ?? [])].join('\n');
    if (seen.some((m) => (typeof text === 'string' ? shown(m).includes(text) : text.test(shown(m))))) return seen;
  }
}

function button(messages: BotMessage[], label: string): string {
  for (const message of messages)
    for (const row of message.reply_markup?.inline_keyboard ?? [])
      for (const key of row) if (key.text.includes(label)) return key.callback_data;
  throw new Error(`no button "${label}" in ${JSON.stringify(messages)}`);
}

async function say(client: Client, text: string): Promise<void> {
  const from = { id: USER, first_name: 'Li', username: 'li', is_bot: false, language_code: 'en' };
  const message = text.startsWith('/') ? client.makeCommand(text, { from }) : client.makeMessage(text, { from });
  await (text.startsWith('/') ? client.sendCommand(message as never) : client.sendMessage(message as never));
}

async function press(client: Client, data: string): Promise<void> {
  await client.sendCallback(client.makeCallbackQuery(data, { from: { language_code: 'en' }, message: { message_id: 1 } }) as never);
}

/**
 * `repaybot tick` as a second process. Not spawnSync: the emulator lives in this process, and a
 * blocked event loop could not answer the tick's sendMessage.
 */
function runTick(env: NodeJS.ProcessEnv, now: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((done) => {
    const tick = spawn(process.execPath, ['bin/repaybot.mjs', 'tick', '--now', now], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    tick.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => tick.kill('SIGKILL'), 60_000);
    tick.on('close', (status) => {
      clearTimeout(timer);
      done({ status, stderr });
    });
  });
}

async function stop(started: Started): Promise<void> {
  started.bot.kill('SIGTERM');
  expect(await started.exited).toBe(0);
}

describe.each<Framework>(['grammy', 'telegraf'])('repaybot on %s against telegram-test-api', (framework) => {
  it('polling: starts without setMyCommands, then add a loan → /next → the due-day reminder → Paid', async () => {
    const started = await startEmulatorAndBot(framework);
    const { client } = started;

    await say(client, '/start');
    await until(client, 'repayment', started);
    // The emulator refused setMyCommands: a warning, and the bot runs on.
    expect(started.stderr()).toMatch(/setMyCommands/);

    await say(client, '/addloan Car 12000 12 months 12% annuity first due 2027-01-15');
    const card = await until(client, 'Save', started);
    await press(client, button(card, 'Save'));
    await until(client, /saved|Saved|added/, started);

    await say(client, '/next');
    const next = await until(client, '2027-01-15', started);
    expect(next.map((m) => m.text).join('\n')).toContain('1,066.19');

    // The reminder pass a second process runs on the due day (as a cron or an operator would).
    const tick = await runTick(started.env, '2027-01-15T09:30:00+08:00');
    expect(tick.status, tick.stderr).toBe(0);
    const reminder = await until(client, '1,066.19', started);
    expect(reminder.map((m) => m.text).join('\n')).toContain('Car');
    await press(client, button(reminder, 'Paid'));
    // The bot runs on the real clock: the payment is dated today, ahead of the due date.
    const confirm = await until(client, 'Record a payment to Car?', started);
    await press(client, button(confirm, 'Confirm'));
    const recorded = await until(client, /Recorded|recorded/, started);
    expect(recorded.map((m) => m.text).join('\n')).toContain('1,066.19');

    await say(client, '/next');
    expect((await until(client, '2027-02-15', started)).map((m) => m.text).join('\n')).toContain('2027-02-15');
    await stop(started);
  }, 120_000);

  it('webhook: an update without the secret is refused (401), one with it is answered', async () => {
    const port = await freePort();
    const started = await startEmulatorAndBot(framework, port);
    const { client } = started;
    // Wait for the bot to register its webhook with the emulator.
    for (let i = 0; i < 400 && !(started.server as unknown as { webhooks: Record<string, unknown> }).webhooks[TOKEN]; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(started.bot.exitCode, started.stderr()).toBeNull();

    // The emulator posts the user's message to the webhook without X-Telegram-Bot-Api-Secret-Token:
    // the bot answers 401 (the emulator's own call fails with it) and handles nothing.
    const from = { id: USER, first_name: 'Li', username: 'li', is_bot: false, language_code: 'en' };
    const command = { ...client.makeCommand('/start', { from }), botToken: TOKEN };
    const refused = await started.server.addUserCommand(command as never).then(
      () => undefined,
      (error: { response?: { status?: number } }) => error.response?.status,
    );
    expect(refused).toBe(401);
    // The log line reaches stderr through the bot's pipe a moment later.
    for (let i = 0; i < 100 && !started.stderr().includes('without the right secret'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(started.stderr()).toContain('webhook request without the right secret token');

    const update = {
      update_id: 77,
      message: {
        message_id: 5,
        date: Math.floor(Date.now() / 1000),
        chat: { id: USER, type: 'private', first_name: 'Li' },
        from: { id: USER, is_bot: false, first_name: 'Li', language_code: 'en' },
        text: '/start',
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      },
    };
    const wrong = await fetch(`http://127.0.0.1:${port}/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'not-the-secret' },
      body: JSON.stringify(update),
    });
    expect(wrong.status).toBe(401);
    const right = await fetch(`http://127.0.0.1:${port}/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
      body: JSON.stringify(update),
    });
    expect(right.status).toBe(200);
    // Only the update with the secret was answered: one welcome, not two.
    const answer = await until(client, 'repayment', started);
    expect(answer).toHaveLength(1);
    expect(started.server.storage.botMessages).toHaveLength(1);
    await stop(started);
  }, 120_000);
});
