import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRuntime } from '../src/app/runtime.ts';
import { loadConfig } from '../src/config.ts';
import { SettableClock } from '../src/core/clock.ts';
import { openDatabase } from '../src/db/client.ts';
import { silentLogger } from '../src/log.ts';

/*
 * The real process over long polling (issue 12 point 10): `repaybot start` against a mock Bot
 * API that answers every call after 50 ms, as a distant Telegram would. 16 users at once, each
 * sending /next as soon as the bot answered its previous one (20 each: within the incoming
 * per-user limit's burst, so what is measured is the bot, not its throttle). Handling one user
 * at a time would give about one update per 50 ms sendMessage (20/s); updates of different users
 * run concurrently (src/app/update-queue.ts), so the figure should be well above that.
 *
 * Standalone: `npx tsx bench/polling.ts`; `npm run bench` runs it with the others.
 */

const USERS = 16;
const PER_USER = 20;
const LATENCY_MS = 50;
const TOKEN = '123456:BENCH-token-not-real-0000000';
const here = dirname(fileURLToPath(import.meta.url));

interface PendingPoll {
  offset: number;
  respond: (updates: unknown[]) => void;
}

function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        done(text === '' ? {} : (JSON.parse(text) as Record<string, unknown>));
      } catch {
        done(Object.fromEntries(new URLSearchParams(text)));
      }
    });
    req.on('error', fail);
  });
}

/** Seeds the users, each with one loan, through the core (the process then opens the same file). */
async function seed(path: string): Promise<void> {
  const db = openDatabase(path);
  const runtime = createRuntime({
    config: loadConfig({ DEFAULT_TIMEZONE: 'Asia/Shanghai', DEFAULT_LANGUAGE: 'en' }),
    db,
    clock: new SettableClock(new Date()),
    logger: silentLogger(),
  });
  for (let user = 1; user <= USERS; user += 1) {
    const card = await runtime.app.handle({ userId: user, chatId: user, text: '/addloan phone 12000 12 months 12% apr annuity' });
    const save = card.flatMap((message) => message.buttons?.flat() ?? [])[0];
    if (save) await runtime.app.handle({ userId: user, chatId: user, callbackData: save.data });
  }
  db.$client.close();
}

export async function runPollingBench(): Promise<{ line: string; ok: boolean }> {
  const folder = mkdtempSync(join(tmpdir(), 'repaybot-bench-polling-'));
  const databasePath = join(folder, 'bench.db');
  await seed(databasePath);

  const updates: unknown[] = [];
  let nextUpdateId = 1;
  let messageId = 1;
  let polls: PendingPoll[] = [];
  const sent = new Map<number, number>();
  const answered = new Map<number, number>();
  let firstAt = 0;
  let lastAt = 0;
  let finished: () => void = () => {};
  const allAnswered = new Promise<void>((done) => {
    finished = done;
  });

  const enqueue = (user: number) => {
    sent.set(user, (sent.get(user) ?? 0) + 1);
    messageId += 1;
    updates.push({
      update_id: nextUpdateId++,
      message: {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: user, type: 'private', first_name: 'u' },
        from: { id: user, is_bot: false, first_name: 'u', language_code: 'en' },
        text: '/next',
        entities: [{ type: 'bot_command', offset: 0, length: 5 }],
      },
    });
    const waiting = polls;
    polls = [];
    for (const poll of waiting) poll.respond(updates.filter((u) => (u as { update_id: number }).update_id >= poll.offset));
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const method = (req.url ?? '').split('/').pop() ?? '';
    const reply = (result: unknown) =>
      setTimeout(() => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ ok: true, result }));
      }, LATENCY_MS);
    if (method === 'getMe') return reply({ id: 123456, is_bot: true, first_name: 'Bench', username: 'bench_bot' });
    if (method === 'getUpdates') {
      const offset = Number(body.offset ?? 0);
      const ready = updates.filter((u) => (u as { update_id: number }).update_id >= offset);
      if (firstAt === 0) {
        firstAt = performance.now();
        for (let user = 1; user <= USERS; user += 1) enqueue(user);
      }
      if (ready.length > 0) return reply(ready.slice(0, 100));
      const poll: PendingPoll = { offset, respond: (found) => reply(found.slice(0, 100)) };
      polls.push(poll);
      // Long polling: an empty answer after a while, as Telegram gives.
      setTimeout(() => {
        if (polls.includes(poll)) {
          polls = polls.filter((p) => p !== poll);
          reply([]);
        }
      }, 1000);
      return;
    }
    if (method === 'sendMessage') {
      const chatId = Number(body.chat_id);
      messageId += 1;
      reply({ message_id: messageId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, text: 'ok' });
      const count = (answered.get(chatId) ?? 0) + 1;
      answered.set(chatId, count);
      if (count < PER_USER) enqueue(chatId);
      else if ([...answered.values()].filter((n) => n >= PER_USER).length === USERS) {
        lastAt = performance.now();
        finished();
      }
      return;
    }
    reply(true);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;

  const child = spawn(process.execPath, [resolve(here, '../bin/repaybot.mjs'), 'start'], {
    env: {
      ...process.env,
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`,
      DATABASE_PATH: databasePath,
      DEFAULT_TIMEZONE: 'Asia/Shanghai',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const timeout = setTimeout(finished, 120_000);
  await allAnswered;
  clearTimeout(timeout);
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
  await new Promise((done) => server.close(done));
  rmSync(folder, { recursive: true, force: true });

  const total = USERS * PER_USER;
  const got = [...answered.values()].reduce((sum, n) => sum + n, 0);
  const seconds = (lastAt - firstAt) / 1000;
  const perSecond = lastAt === 0 ? 0 : Math.round(total / seconds);
  const ok = lastAt !== 0 && got === total;
  return {
    line:
      `real process, long polling, Bot API answering after ${LATENCY_MS} ms, ${USERS} users at once: ` +
      `${perSecond}/s (${got}/${total} answered${lastAt === 0 ? ', timed out' : ` in ${seconds.toFixed(2)} s`}); ` +
      `one user at a time would be ≤ ${Math.round(1000 / LATENCY_MS)}/s`,
    ok,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { line, ok } = await runPollingBench();
  console.log(line);
  process.exitCode = ok ? 0 : 1;
}
