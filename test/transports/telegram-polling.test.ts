import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

/*
 * `npm start` with a BOT_TOKEN, for real: the CLI long-polls a stand-in Bot API server on
 * loopback (TELEGRAM_API_ROOT), answers a /start it receives, publishes the command menu, and
 * stops cleanly on SIGTERM.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TOKEN = '123456:TEST-token-for-a-local-bot-api-xx';

interface Call {
  method: string;
  body: Record<string, unknown>;
}

function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolveBody) => {
    let raw = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => resolveBody(raw ? (JSON.parse(raw) as Record<string, unknown>) : {}));
  });
}

/** A minimal Bot API: one pending /start update, then empty long polls. */
function fakeBotApi(calls: Call[], onSend: () => void): Server {
  let delivered = false;
  return createServer(async (request, response) => {
    const method = request.url?.split('/').at(-1) ?? '';
    const body = await readBody(request);
    calls.push({ method, body });
    const reply = (result: unknown) => response.end(JSON.stringify({ ok: true, result }));
    response.setHeader('content-type', 'application/json');
    if (!request.url?.startsWith(`/bot${TOKEN}/`)) {
      response.statusCode = 401;
      return response.end(JSON.stringify({ ok: false, error_code: 401, description: 'Unauthorized' }));
    }
    switch (method) {
      case 'getMe':
        return reply({ id: 99, is_bot: true, first_name: 'repaybot', username: 'repay_test_bot' });
      case 'getUpdates': {
        if (!delivered) {
          delivered = true;
          return reply([
            {
              update_id: 1,
              message: {
                message_id: 1,
                date: 1_800_000_000,
                chat: { id: 4242, type: 'private', first_name: 'Li' },
                from: { id: 4242, is_bot: false, first_name: 'Li', language_code: 'zh-hans' },
                text: '/start',
                entities: [{ type: 'bot_command', offset: 0, length: 6 }],
              },
            },
          ]);
        }
        // Hold the long poll briefly, as Telegram does when there is nothing new.
        return setTimeout(() => reply([]), 200);
      }
      case 'sendMessage':
        reply({ message_id: 2, date: 1_800_000_000, chat: { id: body.chat_id, type: 'private' }, text: body.text });
        return onSend();
      default:
        return reply(true);
    }
  });
}

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const step of cleanup) step();
  cleanup = [];
});

describe('repaybot start with BOT_TOKEN (long polling against a local Bot API)', () => {
  it('answers a /start in the sender’s language, publishes the menu, and stops on SIGTERM', async () => {
    const calls: Call[] = [];
    let sent!: () => void;
    const firstSend = new Promise<void>((r) => (sent = r));
    const server = fakeBotApi(calls, () => sent());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanup.push(() => server.close());
    const { port } = server.address() as AddressInfo;
    const tmp = mkdtempSync(join(tmpdir(), 'repaybot-poll-'));
    cleanup.push(() => rmSync(tmp, { recursive: true, force: true }));

    const child = spawn(process.execPath, ['bin/repaybot.mjs', 'start'], {
      cwd: root,
      env: {
        ...process.env,
        BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: `http://127.0.0.1:${port}/`,
        DATABASE_PATH: join(tmp, 'bot.sqlite'),
        LOG_LEVEL: 'warn',
        DEFAULT_TIMEZONE: '',
        DEFAULT_LANGUAGE: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    cleanup.push(() => child.kill('SIGKILL'));
    const exited = new Promise<number | null>((r) => child.on('close', r));

    await Promise.race([firstSend, exited.then(() => Promise.reject(new Error(`bot exited early: ${stderr}`)))]);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);

    const send = calls.find((call) => call.method === 'sendMessage');
    expect(send?.body.chat_id).toBe(4242);
    expect(String(send?.body.text)).toContain('还款助手');
    const menus = calls.filter((call) => call.method === 'setMyCommands');
    expect(menus.map((call) => call.body.language_code)).toEqual([undefined, 'zh']);
  }, 30_000);

  it('a wrong token ends with one clear line and exit code 1, not a stack trace', async () => {
    const server = fakeBotApi([], () => undefined);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanup.push(() => server.close());
    const { port } = server.address() as AddressInfo;
    const tmp = mkdtempSync(join(tmpdir(), 'repaybot-poll-'));
    cleanup.push(() => rmSync(tmp, { recursive: true, force: true }));
    const child = spawn(process.execPath, ['bin/repaybot.mjs', 'start'], {
      cwd: root,
      env: {
        ...process.env,
        BOT_TOKEN: '999:WRONG-token-for-a-local-bot-api-x',
        TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`,
        DATABASE_PATH: join(tmp, 'bot.sqlite'),
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    cleanup.push(() => child.kill('SIGKILL'));
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code).toBe(1);
    expect(stderr).toMatch(/Could not run the Telegram bot: .*401/);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 30_000);
});
