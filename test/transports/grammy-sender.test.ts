import { Api, GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/reminders/rate-limiter.ts';
import { telegramSender } from '../../src/transports/grammy-sender.ts';

function fakeApi(answer: (method: string) => unknown): { api: Api; calls: { method: string; at: number }[]; clock: { now: number } } {
  const clock = { now: 1_700_000_000_000 };
  const calls: { method: string; at: number }[] = [];
  const api = new Api('123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ');
  api.config.use(async (_prev, method) => {
    calls.push({ method, at: clock.now });
    const result = answer(method);
    if (result instanceof Error) throw result;
    return { ok: true, result } as never;
  });
  return { api, calls, clock };
}

describe('the Telegram sender', () => {
  it('a reminder too long for one message goes in pieces, each taking its own per-chat slot', async () => {
    const { api, calls, clock } = fakeApi(() => ({ message_id: 1, date: 0, chat: { id: 7, type: 'private' } }));
    const limiter = new RateLimiter({
      perSecond: 30,
      perChatIntervalMs: 1000,
      now: () => clock.now,
      sleep: async (ms) => void (clock.now += ms),
    });
    const result = await telegramSender(api, limiter).send({
      chatId: 7,
      text: `${'a'.repeat(4000)}\n${'b'.repeat(4000)}\n${'c'.repeat(100)}`,
    });
    expect(result).toEqual({ kind: 'sent' });
    expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'sendMessage', 'sendMessage']);
    // The first piece's slot is the dispatcher's; the next two wait a second each for this chat.
    expect((calls[2]?.at ?? 0) - (calls[1]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it('maps Telegram answers to what the dispatcher must do', async () => {
    const error = (code: number, description: string, parameters = {}) =>
      new GrammyError('call failed', { ok: false, error_code: code, description, parameters }, 'sendMessage', {});
    const send = (answer: unknown) => telegramSender(fakeApi(() => answer).api).send({ chatId: 7, text: 'hi' });
    expect(await send(error(429, 'Too Many Requests', { retry_after: 5 }))).toEqual({ kind: 'retry-after', seconds: 5 });
    expect(await send(error(403, 'Forbidden: bot was blocked by the user'))).toMatchObject({ kind: 'blocked' });
    expect(await send(error(400, 'Bad Request: chat not found'))).toMatchObject({ kind: 'failed' });
  });
});

describe('the Telegram sender with files', () => {
  const document = {
    kind: 'document' as const,
    filename: 'schedule.ics',
    mime: 'text/calendar',
    content: new TextEncoder().encode('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'),
  };

  it('sends a document with its caption and buttons in one call', async () => {
    const { api, calls } = fakeApi(() => ({ message_id: 1, date: 0, chat: { id: 7, type: 'private' } }));
    const result = await telegramSender(api).send({
      chatId: 7,
      text: 'Your calendar',
      file: document,
      buttons: [[{ label: 'OK', data: 'ok' }]],
    });
    expect(result).toEqual({ kind: 'sent' });
    expect(calls.map((c) => c.method)).toEqual(['sendDocument']);
  });

  it('a caption too long for Telegram goes first as text; the file after it takes its own per-chat slot', async () => {
    const { api, calls, clock } = fakeApi(() => ({ message_id: 1, date: 0, chat: { id: 7, type: 'private' } }));
    const limiter = new RateLimiter({
      perSecond: 30,
      perChatIntervalMs: 1000,
      now: () => clock.now,
      sleep: async (ms) => void (clock.now += ms),
    });
    // The dispatcher has taken this message's first slot.
    await limiter.acquire(7);
    const result = await telegramSender(api, limiter).send({ chatId: 7, text: 'x'.repeat(1025), file: { ...document, kind: 'photo' } });
    expect(result).toEqual({ kind: 'sent' });
    expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'sendPhoto']);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it('maps Telegram answers to sendDocument and sendPhoto as it maps those to sendMessage', async () => {
    const error = (method: string, code: number, description: string, parameters = {}) =>
      new GrammyError('call failed', { ok: false, error_code: code, description, parameters }, method, {});
    for (const kind of ['document', 'photo'] as const) {
      const method = kind === 'document' ? 'sendDocument' : 'sendPhoto';
      const send = (answer: unknown) =>
        telegramSender(fakeApi((called) => (called === method ? answer : true)).api).send({
          chatId: 7,
          text: 'hi',
          file: { ...document, kind },
        });
      expect(await send(error(method, 429, 'Too Many Requests', { retry_after: 5 }))).toEqual({ kind: 'retry-after', seconds: 5 });
      expect(await send(error(method, 403, 'Forbidden: bot was blocked by the user'))).toMatchObject({ kind: 'blocked' });
      expect(await send(error(method, 400, 'Bad Request: file must be non-empty'))).toEqual({
        kind: 'failed',
        reason: '400 Bad Request: file must be non-empty',
      });
      expect(
        await send(new HttpError('Network request failed', Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))),
      ).toMatchObject({
        kind: 'failed',
      });
      expect(await send(new HttpError('Network request failed', Object.assign(new Error('reset'), { code: 'ECONNRESET' })))).toMatchObject({
        kind: 'unknown',
      });
    }
  });
});
