import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/*
 * A local stand-in for the Telegram Bot API, on 127.0.0.1 and a random port, speaking just
 * enough for grammY: getMe, sendMessage (answers a Message), anything else → true.
 *
 * It ENFORCES Telegram's limits, strictly: a sendMessage that would make more than `perSecond`
 * accepted messages in any sliding 1-second window, or more than one in 1 second to the same
 * chat, is refused with the 429 Telegram gives (retry_after 1). Refused messages are not
 * delivered and do not count towards the windows. Every accepted message is recorded.
 *
 * A message sent with allow_paid_broadcast (a paid broadcast, charged in Stars by Telegram) is
 * held to `paidPerSecond` instead (Telegram: up to 1000); the per-chat limit holds for it too.
 */

export interface AcceptedMessage {
  chatId: number;
  text: string;
  /** Arrival, in ms since the epoch (fractional: performance.timeOrigin + performance.now()). */
  at: number;
  /** Sent with allow_paid_broadcast. */
  paid: boolean;
}

export interface MockBotApi {
  /** e.g. http://127.0.0.1:41234 — pass as grammY's apiRoot / TELEGRAM_API_ROOT. */
  url: string;
  /** Every accepted sendMessage, in arrival order. */
  messages: AcceptedMessage[];
  /** sendMessage calls answered 429, overall and by cause. */
  tooManyRequests: { total: number; global: number; perChat: number };
  /** Calls by method name (accepted or not). */
  calls: Map<string, number>;
  /** Forgets everything recorded so far (the limits' windows too). */
  reset(): void;
  stop(): Promise<void>;
}

export interface MockBotApiOptions {
  /** Overall limit per sliding second (Telegram: 30). */
  perSecond?: number;
  /** Minimum gap between two messages to one chat (Telegram: 1 s). */
  perChatIntervalMs?: number;
  /** Overall limit per sliding second for a paid broadcast (Telegram: up to 1000); default `perSecond`. */
  paidPerSecond?: number;
}

const BOT_USER = {
  id: 123456,
  is_bot: true,
  first_name: 'Bench',
  username: 'bench_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** grammY posts JSON; a URL-encoded body or query string also works, for curl. */
function paramsOf(body: string, contentType: string | undefined, search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = Object.fromEntries(search);
  if (!body) return params;
  if (contentType?.includes('application/json')) return { ...params, ...(JSON.parse(body) as Record<string, unknown>) };
  if (contentType?.includes('application/x-www-form-urlencoded')) return { ...params, ...Object.fromEntries(new URLSearchParams(body)) };
  return params;
}

function reply(res: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export async function startMockBotApi(options: MockBotApiOptions = {}): Promise<MockBotApi> {
  const perSecond = options.perSecond ?? 30;
  const perChatIntervalMs = options.perChatIntervalMs ?? 1000;
  const paidPerSecond = options.paidPerSecond ?? perSecond;
  // Arrival times (performance.now()) of accepted messages within the last second; a ring would
  // do, but shift() on an array of at most paidPerSecond elements costs next to nothing.
  let window: number[] = [];
  let lastByChat = new Map<number, number>();
  let messageId = 0;

  const state = {
    messages: [] as AcceptedMessage[],
    tooManyRequests: { total: 0, global: 0, perChat: 0 },
    calls: new Map<string, number>(),
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Stamp arrival before reading the body: that is when the request reached "Telegram".
    const arrived = performance.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/bot[^/]+\/([A-Za-z]+)$/.exec(url.pathname);
    const body = await readBody(req);
    if (!match) {
      reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    const method = match[1] as string;
    state.calls.set(method, (state.calls.get(method) ?? 0) + 1);
    let params: Record<string, unknown>;
    try {
      params = paramsOf(body, req.headers['content-type'], url.searchParams);
    } catch {
      reply(res, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid JSON' });
      return;
    }
    switch (method) {
      case 'getMe':
        reply(res, 200, { ok: true, result: BOT_USER });
        return;
      case 'sendMessage': {
        const chatId = Number(params.chat_id);
        const text = typeof params.text === 'string' ? params.text : '';
        if (!Number.isFinite(chatId) || text === '') {
          reply(res, 400, { ok: false, error_code: 400, description: 'Bad Request: chat_id and text are required' });
          return;
        }
        while (window.length > 0 && (window[0] as number) <= arrived - 1000) window.shift();
        const last = lastByChat.get(chatId);
        const paid = params.allow_paid_broadcast === true || params.allow_paid_broadcast === 'true';
        const globalHit = window.length >= (paid ? paidPerSecond : perSecond);
        const chatHit = last !== undefined && arrived - last < perChatIntervalMs;
        if (globalHit || chatHit) {
          state.tooManyRequests.total += 1;
          if (globalHit) state.tooManyRequests.global += 1;
          if (chatHit) state.tooManyRequests.perChat += 1;
          reply(res, 429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
          return;
        }
        window.push(arrived);
        lastByChat.set(chatId, arrived);
        state.messages.push({ chatId, text, at: performance.timeOrigin + arrived, paid });
        messageId += 1;
        reply(res, 200, {
          ok: true,
          result: {
            message_id: messageId,
            date: Math.floor(Date.now() / 1000),
            chat: { id: chatId, type: 'private', first_name: `user ${chatId}` },
            from: BOT_USER,
            text,
            ...(params.reply_markup !== undefined && {
              reply_markup: typeof params.reply_markup === 'string' ? JSON.parse(params.reply_markup) : params.reply_markup,
            }),
          },
        });
        return;
      }
      default:
        reply(res, 200, { ok: true, result: true });
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        reply(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${(error as Error).message}` });
    });
  });
  // Connections stay open between calls, as Telegram's do. Not 1 s: Node's HTTP client takes the
  // `Keep-Alive: timeout=1` this announces, less a second's margin, as "do not reuse", so every call
  // opened (and closed) a new connection, a cost in the bot's process that Telegram does not make it
  // pay. Sockets left behind by a client killed with SIGKILL do not hold stop() up: it closes every
  // connection.
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    ...state,
    reset() {
      state.messages.length = 0;
      state.tooManyRequests.total = state.tooManyRequests.global = state.tooManyRequests.perChat = 0;
      state.calls.clear();
      window = [];
      lastByChat = new Map();
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
