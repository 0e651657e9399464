import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { checkHealth, type HealthReport } from '../../src/app/health.ts';
import { startHttpServer, type HttpServer } from '../../src/app/http-server.ts';
import type { RawUpdate } from '../../src/app/update-queue.ts';
import { SettableClock } from '../../src/core/clock.ts';
import { capturingLogger } from './support/log.ts';

const SECRET = 'S3cret_token-for-tests';
const PATH = '/telegram/hook';

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** One HTTP request on loopback; a server that closes early still gives its status. */
function send(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${options.path}`, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.end(options.body);
    else req.end();
  });
}

const post = (url: string, body: string | Buffer, headers: Record<string, string> = { 'x-telegram-bot-api-secret-token': SECRET }) =>
  send(url, { method: 'POST', path: PATH, headers: { 'content-type': 'application/json', ...headers }, body });

const update = (id: number): RawUpdate => ({ update_id: id, message: { message_id: 1, chat: { id: 5 }, from: { id: 5 }, text: '/next' } });

let servers: HttpServer[] = [];
afterEach(async () => {
  for (const server of servers) await server.close();
  servers = [];
});

async function webhookServer(options: { accepting?: () => boolean; database?: () => void; scheduler?: HealthReport['scheduler'] } = {}) {
  const accepted: RawUpdate[] = [];
  const { logger, messages } = capturingLogger();
  const clock = new SettableClock(new Date('2027-01-10T01:00:00Z'));
  const server = await startHttpServer({
    host: '127.0.0.1',
    port: 0,
    logger,
    health: () =>
      checkHealth({
        pingDatabase: options.database ?? (() => undefined),
        scheduler: () => options.scheduler ?? 'alive',
        lastUpdateAt: () => (accepted.length > 0 ? new Date('2027-01-10T00:59:30Z') : null),
        clock,
        startedAt: new Date('2027-01-10T00:00:00Z'),
      }),
    webhook: {
      path: PATH,
      secret: SECRET,
      accept: (u) => {
        if (options.accepting && !options.accepting()) return false;
        accepted.push(u);
        return true;
      },
    },
  });
  servers.push(server);
  return { server, accepted, messages };
}

describe('the webhook endpoint', () => {
  it('answers an update with the right secret 200 at once and hands it on', async () => {
    const { server, accepted } = await webhookServer();
    const answer = await post(server.url, JSON.stringify(update(7)));
    expect(answer.status).toBe(200);
    expect(accepted.map((u) => u.update_id)).toEqual([7]);
  });

  it('refuses a request without the secret header, or with a wrong one, with 401 and a log line; nothing is handled', async () => {
    const { server, accepted, messages } = await webhookServer();
    expect((await post(server.url, JSON.stringify(update(1)), {})).status).toBe(401);
    expect((await post(server.url, JSON.stringify(update(2)), { 'x-telegram-bot-api-secret-token': `${SECRET}x` })).status).toBe(401);
    expect((await post(server.url, JSON.stringify(update(3)), { 'x-telegram-bot-api-secret-token': 'short' })).status).toBe(401);
    expect(accepted).toEqual([]);
    expect(messages()).toContain('webhook request without the right secret token');
  });

  it('refuses a malformed body or one that is not an update with 400', async () => {
    const { server, accepted } = await webhookServer();
    for (const body of ['{"update_id": 1,', '[]', '"text"', '{"message": {}}', '{"update_id": -3}', '{"update_id": 1.5}', '']) {
      expect((await post(server.url, body)).status, body).toBe(400);
    }
    expect(accepted).toEqual([]);
  });

  it('refuses a body over 1 MB with 413, whether or not it says its length', async () => {
    const { server, accepted, messages } = await webhookServer();
    const huge = Buffer.alloc(1024 * 1024 + 10, 'a');
    expect((await post(server.url, huge)).status).toBe(413);
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}${PATH}`, {
        method: 'POST',
        headers: { 'x-telegram-bot-api-secret-token': SECRET, 'transfer-encoding': 'chunked' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 11; i++) req.write(Buffer.alloc(100 * 1024, 'b'));
      req.end();
    });
    expect(chunked).toBe(413);
    expect(accepted).toEqual([]);
    expect(messages().filter((m) => m === 'webhook body too large')).toHaveLength(2);
  });

  it('answers another path 404 and another method 405', async () => {
    const { server } = await webhookServer();
    expect((await send(server.url, { method: 'POST', path: '/telegram/other-bot', body: '{}' })).status).toBe(404);
    expect((await send(server.url, { path: '/' })).status).toBe(404);
    expect((await send(server.url, { path: PATH })).status).toBe(405);
  });

  it('answers 503 while shutting down, so Telegram sends the update again later', async () => {
    let open = true;
    const { server, accepted } = await webhookServer({ accepting: () => open });
    open = false;
    const answer = await post(server.url, JSON.stringify(update(9)));
    expect(answer.status).toBe(503);
    expect(accepted).toEqual([]);
  });
});

describe('GET /healthz', () => {
  it('is 200 JSON: database ok, scheduler alive, the last update’s time', async () => {
    const { server } = await webhookServer();
    await post(server.url, JSON.stringify(update(1)));
    const answer = await send(server.url, { path: '/healthz' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toContain('application/json');
    expect(JSON.parse(answer.body)).toEqual({
      status: 'ok',
      database: 'ok',
      scheduler: 'alive',
      lastUpdateAt: '2027-01-10T00:59:30.000Z',
      uptimeSeconds: 3600,
    });
  });

  it('is 503 when the database does not answer, or the scheduler is not running', async () => {
    const broken = await webhookServer({
      database: () => {
        throw new Error('The database connection is not open');
      },
    });
    const answer = await send(broken.server.url, { path: '/healthz' });
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 'unhealthy', database: 'error', scheduler: 'alive', lastUpdateAt: null });
    const stopped = await webhookServer({ scheduler: 'stopped' });
    expect((await send(stopped.server.url, { path: '/healthz' })).status).toBe(503);
  });

  it('is served without a webhook too (polling mode with PORT), where any other path is 404', async () => {
    const { logger } = capturingLogger();
    const clock = new SettableClock(new Date('2027-01-10T00:00:00Z'));
    const server = await startHttpServer({
      host: '127.0.0.1',
      port: 0,
      logger,
      health: () =>
        checkHealth({ pingDatabase: () => undefined, scheduler: () => 'alive', lastUpdateAt: () => null, clock, startedAt: clock.now() }),
    });
    servers.push(server);
    expect((await send(server.url, { path: '/healthz' })).status).toBe(200);
    expect((await send(server.url, { method: 'POST', path: PATH, body: JSON.stringify(update(1)) })).status).toBe(404);
  });
});
