import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { RateLimiter } from '../../src/reminders/rate-limiter.ts';
import { createTelegrafBot } from '../../src/transports/telegraf.ts';
import { telegrafSender } from '../../src/transports/telegraf-sender.ts';
import { BOT_INFO } from './bot-info.ts';
import { ICS, PNG, fakeApp } from './fake-app.ts';

/*
 * The Telegraf transport through Telegraf's own HTTP client, to a stand-in Bot API on loopback:
 * the multipart upload Telegram receives, the outbox sender's per-chat slots for a message in
 * several calls, and what a refused connection and a 5xx become for the dispatcher.
 */

const ALICE = { id: 4242, is_bot: false, first_name: 'Alice', language_code: 'en' } as const;

interface Received {
  method: string;
  contentType: string;
  body: Buffer;
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A Bot API on loopback answering every call with `status` (a Message for 200), recording the calls. */
async function stubApi(status = 200): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        method: request.url?.split('/').at(-1) ?? '',
        contentType: String(request.headers['content-type']),
        body: Buffer.concat(chunks),
      });
      response.statusCode = status;
      response.setHeader('content-type', 'application/json');
      const chat = { id: ALICE.id, type: 'private', first_name: 'Alice' };
      response.end(
        status === 200
          ? JSON.stringify({ ok: true, result: { message_id: received.length, date: 1795000000, chat } })
          : JSON.stringify({ ok: false, error_code: status, description: 'Bad Gateway' }),
      );
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

/** The named parts of a multipart/form-data body: their file name, if any, and bytes. */
function partsOf({ body, contentType }: Received): Map<string, { filename?: string; body: Buffer }> {
  const boundary = /boundary=(.+)$/.exec(contentType)?.[1] ?? '';
  const delimiter = Buffer.from(`--${boundary}`);
  const parts = new Map<string, { filename?: string; body: Buffer }>();
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    const chunk = body.subarray(start + 2, next - 2);
    const split = chunk.indexOf('\r\n\r\n');
    const headers = chunk.subarray(0, split).toString('utf8');
    const name = /name="([^"]+)"/i.exec(headers)?.[1] ?? '';
    const filename = /filename="?([^";\r\n]+)"?/i.exec(headers)?.[1];
    parts.set(name, { ...(filename && { filename }), body: chunk.subarray(split + 4) });
    at = next;
  }
  return parts;
}

/** A field's value, following attach:// to the part that holds the file. */
function field(parts: ReturnType<typeof partsOf>, name: string): { filename?: string; body: Buffer } {
  const value = parts.get(name)?.body.toString('utf8') ?? '';
  const part = value.startsWith('attach://') ? parts.get(value.slice('attach://'.length)) : parts.get(name);
  return part ?? { body: Buffer.alloc(0) };
}

describe('Telegraf transport over HTTP', () => {
  it('uploads the exact bytes under the file’s name, with caption and keyboard', async () => {
    const api = await stubApi();
    const bot = createTelegrafBot({ token: BOT_TOKEN, apiRoot: api.url, app: fakeApp(), logger: silentLogger(), botInfo: BOT_INFO });
    await bot.handleUpdate({
      update_id: 1,
      message: {
        message_id: 1,
        date: 1795000000,
        chat: { id: ALICE.id, type: 'private', first_name: 'Alice' },
        from: ALICE,
        text: '/export',
        entities: [{ type: 'bot_command', offset: 0, length: 7 }],
      },
    });
    expect(api.received.map((r) => r.method)).toEqual(['sendDocument', 'sendPhoto']);
    const [document, photo] = api.received.map(partsOf) as [ReturnType<typeof partsOf>, ReturnType<typeof partsOf>];
    expect(field(document, 'chat_id').body.toString()).toBe(String(ALICE.id));
    expect(field(document, 'document').filename).toBe('schedule.ics');
    expect(new Uint8Array(field(document, 'document').body)).toEqual(ICS.content);
    expect(field(document, 'caption').body.toString()).toBe('Your repayment calendar');
    expect(JSON.parse(field(document, 'reply_markup').body.toString())).toEqual({
      inline_keyboard: [[{ text: 'Export again', callback_data: 'export:again' }], [{ text: 'Done', callback_data: 'export:done' }]],
    });
    expect(field(photo, 'photo').filename).toBe('chart.png');
    expect(new Uint8Array(field(photo, 'photo').body)).toEqual(PNG.content);
  });

  it('the outbox sender: a text in three pieces takes a per-chat slot for each extra piece', async () => {
    const api = await stubApi();
    const bot = createTelegrafBot({ token: BOT_TOKEN, apiRoot: api.url, app: fakeApp(), logger: silentLogger(), botInfo: BOT_INFO });
    const clock = { now: 1_700_000_000_000 };
    const slots: number[] = [];
    const limiter = new RateLimiter({
      perSecond: 30,
      perChatIntervalMs: 1000,
      now: () => clock.now,
      sleep: async (ms) => void (clock.now += ms),
    });
    const counting = {
      acquire: (chatId: number) => {
        slots.push(clock.now);
        return limiter.acquire(chatId);
      },
    };
    await limiter.acquire(7); // the dispatcher's slot for the message
    const result = await telegrafSender(bot.telegram, counting).send({
      chatId: 7,
      text: `${'a'.repeat(4000)}\n${'b'.repeat(4000)}\n${'c'.repeat(100)}`,
    });
    expect(result).toEqual({ kind: 'sent' });
    expect(api.received.map((r) => JSON.parse(r.body.toString()).text.length)).toEqual([4000, 4000, 100]);
    expect(slots).toHaveLength(2);
    expect(clock.now - 1_700_000_000_000).toBeGreaterThanOrEqual(2000);
  });

  it('the outbox sender: a refused connection is failed (nothing left), a 5xx is failed, never unknown', async () => {
    const logger = silentLogger();
    const closed = createTelegrafBot({ token: BOT_TOKEN, apiRoot: 'http://127.0.0.1:9', app: fakeApp(), logger, botInfo: BOT_INFO });
    expect(await telegrafSender(closed.telegram).send({ chatId: 7, text: 'hi' })).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining('ECONNREFUSED'),
    });
    const api = await stubApi(502);
    const failing = createTelegrafBot({ token: BOT_TOKEN, apiRoot: api.url, app: fakeApp(), logger, botInfo: BOT_INFO });
    expect(await telegrafSender(failing.telegram).send({ chatId: 7, text: 'hi' })).toMatchObject({ kind: 'failed' });
    expect(api.received).toHaveLength(1);
  });
});

const BOT_TOKEN = '123456:TEST-token-not-real-000000';
