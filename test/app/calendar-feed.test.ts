import { request } from 'node:http';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServer } from '../../src/app/http-server.ts';
import { texts } from '../support/bot.ts';
import { ADDED, CAR, addLoan, hardshipBot } from '../support/hardship.ts';
import { capturingLogger } from './support/log.ts';

/*
 * GET /ics/<token> on the bot's HTTP server (issue 14): the feed /calendar feed hands out, read
 * over real HTTP on loopback as a calendar app subscribing to it would.
 */

const WEBHOOK = { WEBHOOK_URL: 'https://bot.example.com/telegram', WEBHOOK_SECRET: 'secret_1' };

function get(url: string, method = 'GET'): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function feedServer() {
  const bot = hardshipBot({ now: ADDED, env: WEBHOOK });
  const { logger, lines } = capturingLogger();
  server = await startHttpServer({
    host: '127.0.0.1',
    port: 0,
    logger,
    health: () => ({ httpStatus: 200, report: {} as never }),
    calendarFeed: (token) => bot.runtime.calendarFeed(token),
  });
  return { bot, url: server.url, lines };
}

const tokenIn = (text: string) => /\/ics\/([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? '';

describe('GET /ics/<token>', () => {
  it('serves the owner’s current schedule as text/calendar; revoked and forged tokens get a bare 404', async () => {
    const { bot, url, lines } = await feedServer();
    await addLoan(bot, CAR);
    await bot.say('/addloan van 20000 24 months 8% annuity first 2027-03-10', { user: 2 });
    await bot.pressLabel('Save', { user: 2 });
    const token = tokenIn(texts(await bot.say('/calendar feed')));
    expect(token).not.toBe('');

    const answer = await get(`${url}/ics/${token}`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('private, no-store');
    const events = new ICAL.Component(ICAL.parse(answer.body)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events).toHaveLength(12);
    expect(events.every((e) => e.summary.endsWith(' · car'))).toBe(true);
    expect(answer.body).not.toContain('van');

    expect((await get(`${url}/ics/${token}`, 'HEAD')).status).toBe(200);
    expect((await get(`${url}/ics/${token}`, 'POST')).status).toBe(405);

    for (const forged of ['A'.repeat(43), 'x', '..%2F..%2Fetc', `${token}x`, '']) {
      const refused = await get(`${url}/ics/${forged}`);
      expect(refused.status).toBe(404);
      expect(refused.body).toBe('{"error":"not found"}');
    }
    await bot.say('/calendar revoke');
    const revoked = await get(`${url}/ics/${token}`);
    expect([revoked.status, revoked.body]).toEqual([404, '{"error":"not found"}']);
    // The token is the whole secret: it never reaches the log.
    expect(JSON.stringify(lines)).not.toContain(token);
  });
});
