import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A stand-in Telegram Bot API on loopback for the run-mode tests: getMe, getUpdates (a queue of
 * updates, confirmed by offset, held open as a long poll), sendMessage and anything else (true).
 * Every call can be answered after a delay (a slow Bot API), and any method can be made to fail
 * with the answer Telegram would give (401, 409 …).
 */

export const FAKE_TOKEN = '123456:TEST-token-for-a-local-bot-api-xx';

export interface FakeCall {
  method: string;
  body: Record<string, unknown>;
  at: number;
}

export interface Failure {
  code: number;
  description: string;
}

export interface FakeBotApi {
  url: string;
  calls: FakeCall[];
  /** Queues updates for getUpdates (update_id assigned in order when missing). */
  push(...updates: Record<string, unknown>[]): void;
  /** The method answers with this failure from now on (undefined: normally again). */
  fail(method: string, failure: Failure | undefined): void;
  /** sendMessage calls so far. */
  sent(): FakeCall[];
  /** Resolves when `count` messages have been sent. */
  waitForSent(count: number): Promise<void>;
  /** Resolves on the first call of `method`. */
  waitForCall(method: string): Promise<FakeCall>;
  /** Updates not confirmed by an offset yet. */
  unconfirmed(): number[];
  stop(): Promise<void>;
}

export function textUpdate(userId: number, text: string, updateId?: number): Record<string, unknown> {
  return {
    ...(updateId !== undefined && { update_id: updateId }),
    message: {
      message_id: Math.floor(Math.random() * 1e9),
      date: 1_800_000_000,
      chat: { id: userId, type: 'private', first_name: `user ${userId}` },
      from: { id: userId, is_bot: false, first_name: `user ${userId}`, language_code: 'en' },
      text,
      ...(text.startsWith('/') && { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]?.length ?? 1 }] }),
    },
  };
}

function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    let raw = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => {
      try {
        resolve(raw ? (JSON.parse(raw) as Record<string, unknown>) : {});
      } catch {
        resolve({});
      }
    });
  });
}

export async function startFakeBotApi(options: { delayMs?: number; token?: string } = {}): Promise<FakeBotApi> {
  const token = options.token ?? FAKE_TOKEN;
  const delayMs = options.delayMs ?? 0;
  const calls: FakeCall[] = [];
  const queue: Record<string, unknown>[] = [];
  const failures = new Map<string, Failure>();
  let nextId = 1;
  let confirmedBelow = 0;
  let pollers: (() => void)[] = [];
  let watchers: (() => void)[] = [];
  const wake = () => {
    const current = pollers;
    pollers = [];
    for (const poller of current) poller();
  };
  const notify = () => {
    for (const watcher of [...watchers]) watcher();
  };
  const json = (response: ServerResponse, status: number, payload: unknown) => {
    if (response.writableEnded || response.destroyed) return;
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(payload));
  };

  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    const method = request.url?.split('/').at(-1) ?? '';
    calls.push({ method, body, at: performance.now() });
    notify();
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (!request.url?.startsWith(`/bot${token}/`)) return json(response, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const failure = failures.get(method);
    if (failure) return json(response, failure.code, { ok: false, error_code: failure.code, description: failure.description });
    const ok = (result: unknown) => json(response, 200, { ok: true, result });
    switch (method) {
      case 'getMe':
        return ok({ id: 99, is_bot: true, first_name: 'repaybot', username: 'repay_test_bot' });
      case 'getUpdates': {
        const offset = Number(body.offset ?? 0);
        if (offset > confirmedBelow) confirmedBelow = offset;
        while (queue.length > 0 && Number(queue[0]?.update_id) < confirmedBelow) queue.shift();
        const limit = Number(body.limit ?? 100);
        const answer = () => ok(queue.slice(0, limit));
        if (queue.length > 0 || !body.timeout) return answer();
        // A long poll: answered when updates arrive, or after the timeout (capped, for quick tests).
        const timer = setTimeout(
          () => {
            pollers = pollers.filter((p) => p !== onUpdates);
            answer();
          },
          Math.min(Number(body.timeout) * 1000, 2000),
        );
        const onUpdates = () => {
          clearTimeout(timer);
          answer();
        };
        pollers.push(onUpdates);
        request.on('close', () => {
          clearTimeout(timer);
          pollers = pollers.filter((p) => p !== onUpdates);
        });
        return;
      }
      case 'sendMessage':
        return ok({ message_id: calls.length, date: 1_800_000_000, chat: { id: body.chat_id, type: 'private' }, text: body.text });
      default:
        return ok(true);
    }
  });
  server.keepAliveTimeout = 500;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const waitUntil = <T>(test: () => T | undefined): Promise<T> =>
    new Promise((resolve) => {
      const check = () => {
        const value = test();
        if (value === undefined) return false;
        watchers = watchers.filter((w) => w !== watcher);
        resolve(value);
        return true;
      };
      const watcher = () => void check();
      if (!check()) watchers.push(watcher);
    });

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    push(...updates) {
      for (const update of updates) {
        const id = typeof update.update_id === 'number' ? update.update_id : nextId;
        nextId = Math.max(nextId, id + 1);
        queue.push({ ...update, update_id: id });
      }
      wake();
    },
    fail(method, failure) {
      if (failure) failures.set(method, failure);
      else failures.delete(method);
    },
    sent: () => calls.filter((call) => call.method === 'sendMessage'),
    // A sendMessage is counted when it arrives; its answer follows after the delay.
    waitForSent: (count) =>
      waitUntil(() => (calls.filter((c) => c.method === 'sendMessage').length >= count ? true : undefined)).then(() => undefined),
    waitForCall: (method) => waitUntil(() => calls.find((c) => c.method === method)),
    unconfirmed: () => queue.map((update) => Number(update.update_id)).filter((id) => id >= confirmedBelow),
    stop: () =>
      new Promise<void>((resolve) => {
        wake();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
