import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log.ts';
import type { HealthReport } from './health.ts';
import type { RawUpdate } from './update-queue.ts';

/** Calendar feeds: /ics/<token>. */
const ICS_PREFIX = '/ics/';

/** Telegram's updates are small; anything bigger is not one. */
export const MAX_WEBHOOK_BODY = 1024 * 1024;

export interface WebhookEndpoint {
  /** The path of WEBHOOK_URL: the only path updates are accepted on. */
  path: string;
  /** WEBHOOK_SECRET: X-Telegram-Bot-Api-Secret-Token must carry exactly this. */
  secret: string;
  /** Takes an update to handle after the answer; false while shutting down (Telegram then sends it again later). */
  accept(update: RawUpdate): boolean;
}

export interface HttpServerOptions {
  host: string;
  port: number;
  logger: Logger;
  health(): { httpStatus: number; report: HealthReport };
  /** Absent in polling mode: only /healthz is served. */
  webhook?: WebhookEndpoint;
  /** GET /ics/<token> (/calendar feed): the feed's ICS text, undefined for a forged or revoked token (404). */
  calendarFeed?(token: string): string | undefined;
  maxBody?: number;
}

export interface HttpServer {
  /** e.g. http://127.0.0.1:8080 (the port actually bound, when 0 was asked for). */
  url: string;
  /** Stops taking connections; open ones are answered until close(). */
  stopListening(): void;
  close(): Promise<void>;
}

function answer(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...(body !== undefined && { 'content-type': 'application/json; charset=utf-8' }),
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

function secretMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The body, or 'too-large' as soon as it passes `max` bytes (the rest is not read). */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > max) {
        req.off('data', onData);
        req.pause();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function isUpdate(value: unknown): value is RawUpdate {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const id = (value as { update_id?: unknown }).update_id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0;
}

/**
 * The bot's HTTP server (node:http): `GET /healthz`, and in webhook mode Telegram's POSTs to the
 * webhook path. An update is answered 200 as soon as it is read and handled afterwards, so
 * Telegram never waits on our work. Refused: a missing or wrong secret (401), a body over 1 MB
 * (413), one that is not an update (400), another path (404), another method (405).
 */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { logger, webhook } = options;
  const maxBody = options.maxBody ?? MAX_WEBHOOK_BODY;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/healthz') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return answer(res, 405, { error: 'method not allowed' }, { allow: 'GET' });
      const { httpStatus, report } = options.health();
      return answer(res, httpStatus, report, { 'cache-control': 'no-store' });
    }
    if (options.calendarFeed && path.startsWith(ICS_PREFIX)) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return answer(res, 405, { error: 'method not allowed' }, { allow: 'GET' });
      const ics = options.calendarFeed(path.slice(ICS_PREFIX.length));
      // The same 404 for a forged token and a revoked one: nothing tells which tokens exist. The
      // token is never logged: it is the whole secret.
      if (ics === undefined) return answer(res, 404, { error: 'not found' });
      const bytes = Buffer.from(ics, 'utf8');
      res.writeHead(200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-length': String(bytes.length),
        'cache-control': 'private, no-store',
        'referrer-policy': 'no-referrer',
      });
      return res.end(req.method === 'HEAD' ? undefined : bytes);
    }
    if (!webhook || path !== webhook.path) {
      // A calendar feed's path holds its token (the whole secret): logged without it.
      logger.warn({ path: path.startsWith(ICS_PREFIX) ? `${ICS_PREFIX}…` : path, method: req.method }, 'http request for an unknown path');
      return answer(res, 404, { error: 'not found' });
    }
    if (req.method !== 'POST') return answer(res, 405, { error: 'method not allowed' }, { allow: 'POST' });
    if (!secretMatches(req.headers['x-telegram-bot-api-secret-token'], webhook.secret)) {
      logger.warn({ path }, 'webhook request without the right secret token');
      return answer(res, 401, { error: 'unauthorized' }, { connection: 'close' });
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBody) {
      logger.warn({ bytes: declared }, 'webhook body too large');
      return answer(res, 413, { error: 'body too large' }, { connection: 'close' });
    }
    const body = await readBody(req, maxBody);
    if (body === 'too-large') {
      logger.warn({ maxBytes: maxBody }, 'webhook body too large');
      return answer(res, 413, { error: 'body too large' }, { connection: 'close' });
    }
    let update: unknown;
    try {
      update = JSON.parse(body.toString('utf8'));
    } catch {
      update = undefined;
    }
    if (!isUpdate(update)) {
      logger.warn({ bytes: body.length }, 'webhook body is not a Telegram update');
      return answer(res, 400, { error: 'not a Telegram update' });
    }
    if (!webhook.accept(update)) {
      // Shutting down: Telegram keeps the update and sends it again (to us after a restart).
      return answer(res, 503, { error: 'shutting down' }, { connection: 'close', 'retry-after': '5' });
    }
    answer(res, 200);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'http request failed');
      if (!res.headersSent) answer(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  // Telegram keeps connections open between updates; a stopped bot must not wait on them.
  server.keepAliveTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closed: Promise<void> | undefined;
  const stopListening = () => {
    closed ??= new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
  };
  return {
    url: `http://${host}:${address.port}`,
    stopListening,
    close: async () => {
      stopListening();
      server.closeAllConnections();
      await closed;
    },
  };
}
