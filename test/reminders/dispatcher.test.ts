import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema.ts';
import { MAX_ATTEMPTS } from '../../src/reminders/dispatcher.ts';
import {
  addLoan,
  buttonData,
  CAR,
  capturingLogger,
  createReminderBot,
  fakeTimeLimiter,
  outbox,
  PHONE,
  setUser,
  type ReminderBot,
} from '../support/reminders.ts';

/*
 * What Telegram answers decides what happens next (src/core/sender.ts): 429 waits, 403
 * stops until the user writes again, other refusals back off and are dead-lettered after
 * MAX_ATTEMPTS, and a send whose fate is unknown is never blindly repeated.
 */

const AT_0900 = '2027-01-12T09:00:00+08:00';
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms);

async function borrower(options: Parameters<typeof createReminderBot>[0] = { now: '2027-01-10T08:00:00+08:00' }): Promise<ReminderBot> {
  const bot = createReminderBot(options);
  await addLoan(bot, CAR);
  return bot;
}

const isActive = (bot: ReminderBot, id = 1) => bot.db.select().from(users).where(eq(users.id, id)).get()?.active;

describe('429 Too Many Requests', () => {
  it('keeps the rows pending until retry_after has passed, then sends them on a later tick', async () => {
    const bot = await borrower();
    bot.sender.answer({ kind: 'retry-after', seconds: 5 });
    expect((await bot.tick(AT_0900)).map((d) => d.result.kind)).toEqual(['retry-after']);
    const [row] = outbox(bot.db);
    expect(row).toMatchObject({ status: 'pending', notBefore: plus(AT_0900, 5000).toISOString(), lastError: '429 retry after 5s' });

    expect(await bot.tick(plus(AT_0900, 4999))).toEqual([]);
    const retried = await bot.tick(plus(AT_0900, 5000));
    expect(retried.map((d) => d.result.kind)).toEqual(['sent']);
    expect(retried[0]?.message.text).toContain('car: 888.49 due 2027-01-15 (Fri), in 3 days');
    expect(outbox(bot.db)).toEqual([expect.objectContaining({ status: 'sent', sentAt: plus(AT_0900, 5000).toISOString() })]);
    expect(await bot.tick(plus(AT_0900, 60_000))).toEqual([]);
  });

  it('pauses every other send of the pass for retry_after, not only that chat', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00', limiter: (clock) => fakeTimeLimiter(clock) });
    await addLoan(bot, CAR, { user: 1 });
    await addLoan(bot, CAR, { user: 2 });
    bot.sender.answer({ kind: 'retry-after', seconds: 5 });
    const sent = await bot.tick(AT_0900);
    expect(sent[0]?.result.kind).toBe('retry-after');
    // The limiter's sleep moved the test clock: every later send of the pass waited out the 5 s,
    // and both users got their reminder once.
    for (const d of sent.slice(1)) expect(d.at.getTime()).toBeGreaterThanOrEqual(plus(AT_0900, 5000).getTime());
    const delivered = [...sent, ...(await bot.tick(plus(AT_0900, 5000)))].filter((d) => d.result.kind === 'sent');
    expect(delivered.map((d) => d.message.chatId).sort()).toEqual([1, 2]);
  });

  it('a row that met 429s still gets its full share of retries after real failures', async () => {
    const bot = await borrower();
    bot.sender.answer({ kind: 'retry-after', seconds: 1 }, { kind: 'retry-after', seconds: 1 }, { kind: 'retry-after', seconds: 1 });
    bot.sender.answer({ kind: 'retry-after', seconds: 1 }, { kind: 'failed', reason: '502 Bad Gateway' });
    let at = Date.parse(AT_0900);
    for (let i = 0; i < 5; i++) {
      await bot.tick(new Date(at));
      at = Date.parse(outbox(bot.db)[0]?.notBefore ?? '');
    }
    // Flood control is Telegram asking us to slow down, not the message failing: one 502 after
    // four 429s must not dead-letter a reminder that has failed only once.
    expect(outbox(bot.db)[0]).toMatchObject({ status: 'pending' });
  });
});

describe('403 Forbidden (blocked the bot, deleted the account)', () => {
  it('marks the user inactive, drops the rows, and sends nothing until they write again', async () => {
    const bot = await borrower();
    bot.sender.answer({ kind: 'blocked', reason: 'Forbidden: bot was blocked by the user' });
    expect((await bot.tick(AT_0900)).map((d) => d.result.kind)).toEqual(['blocked']);
    expect(isActive(bot)).toBe(false);
    expect(outbox(bot.db)).toEqual([
      expect.objectContaining({ status: 'dropped', lastError: 'blocked: Forbidden: bot was blocked by the user' }),
    ]);

    // 01-14, 01-15, 01-16, 01-18: nothing is even attempted.
    expect(await bot.ticks('2027-01-12T02:00:00Z', '2027-01-19T00:00:00Z')).toEqual([]);
    expect(outbox(bot.db)).toHaveLength(1);

    // They unblock and write: active again, and the next follow-up (+7, 01-22) reaches them.
    bot.clock.set(new Date('2027-01-19T12:00:00+08:00'));
    await bot.say('/next');
    expect(isActive(bot)).toBe(true);
    const after = await bot.ticks('2027-01-19T05:00:00Z', '2027-01-23T00:00:00Z');
    expect(after.map((d) => [d.at.toISOString(), d.result.kind])).toEqual([['2027-01-22T01:00:00.000Z', 'sent']]);
    expect(after[0]?.message.text).toContain('7 days ago');
  });

  it('a reminder already queued for later (a snooze) is not sent to a user who blocked the bot meanwhile', async () => {
    const bot = await borrower();
    const [first] = await bot.tick(AT_0900);
    if (!first) throw new Error('no reminder');
    await bot.press(buttonData(first.message, 'Later today')); // 12:00
    await bot.press(buttonData(first.message, 'Tomorrow')); // 01-13 09:00
    bot.sender.answer({ kind: 'blocked', reason: 'Forbidden: bot was blocked by the user' });
    expect((await bot.tick('2027-01-12T12:00:00+08:00')).map((d) => d.result.kind)).toEqual(['blocked']);
    expect(isActive(bot)).toBe(false);
    // "stops sends until they write again": the snooze queued for tomorrow must not go out either.
    expect(await bot.ticks('2027-01-12T05:00:00Z', '2027-01-13T12:00:00Z')).toEqual([]);
  });

  it('one blocked user does not hold up the others in the same pass', async () => {
    const bot = await borrower();
    await addLoan(bot, CAR, { user: 2 });
    bot.sender.answer((m) => (m.chatId === 1 ? { kind: 'blocked', reason: 'Forbidden: user is deactivated' } : { kind: 'sent' }));
    bot.sender.answer((m) => (m.chatId === 1 ? { kind: 'blocked', reason: 'Forbidden: user is deactivated' } : { kind: 'sent' }));
    const sent = await bot.tick(AT_0900);
    expect(sent.map((d) => [d.message.chatId, d.result.kind]).sort()).toEqual([
      [1, 'blocked'],
      [2, 'sent'],
    ]);
    expect(isActive(bot, 2)).toBe(true);
  });
});

describe('other failures', () => {
  it(`back off, then dead-letter after ${MAX_ATTEMPTS} tries with the reason, logged`, async () => {
    const { logger, records } = capturingLogger();
    const bot = await borrower({ now: '2027-01-10T08:00:00+08:00', logger });
    bot.sender.always = () => ({ kind: 'failed', reason: '400 Bad Request: chat not found' });
    let at = Date.parse(AT_0900);
    const attemptsAt: number[] = [];
    for (let i = 0; i < MAX_ATTEMPTS + 3; i++) {
      const sent = await bot.tick(new Date(at));
      if (sent.length > 0) attemptsAt.push(at);
      const [row] = outbox(bot.db);
      if (row?.status !== 'pending') break;
      // Not a moment before the back-off ends.
      expect(Date.parse(row.notBefore)).toBeGreaterThan(at);
      expect(await bot.tick(new Date(Date.parse(row.notBefore) - 1000))).toEqual([]);
      at = Date.parse(row.notBefore);
    }
    expect(attemptsAt).toHaveLength(MAX_ATTEMPTS);
    // The gaps double.
    const gaps = attemptsAt.slice(1).map((t, i) => t - (attemptsAt[i] as number));
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBe(2 * (gaps[i - 1] as number));
    expect(outbox(bot.db)).toEqual([
      expect.objectContaining({ status: 'dead', attempts: MAX_ATTEMPTS, lastError: '400 Bad Request: chat not found' }),
    ]);
    expect(records).toContainEqual(
      expect.objectContaining({ msg: 'reminder dead-lettered', reason: '400 Bad Request: chat not found', attempts: MAX_ATTEMPTS }),
    );
    // Logs carry ids, never a loan's name or amount.
    expect(JSON.stringify(records)).not.toContain('888.49');
    // A dead row is never tried again, but the next reminder day is a fresh message.
    bot.sender.always = undefined;
    const later = await bot.ticks('2027-01-12T06:00:00Z', '2027-01-14T02:00:00Z');
    expect(later.map((d) => d.at.toISOString())).toEqual(['2027-01-14T01:00:00.000Z']);
  });

  it('a failure then a success: sent once, on the retry', async () => {
    const bot = await borrower();
    bot.sender.answer({ kind: 'failed', reason: '500 Internal Server Error' });
    await bot.tick(AT_0900);
    const [row] = outbox(bot.db);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: '500 Internal Server Error' });
    const retried = await bot.tick(new Date(row?.notBefore ?? ''));
    expect(retried.map((d) => d.result.kind)).toEqual(['sent']);
    expect(outbox(bot.db)[0]?.status).toBe('sent');
  });

  it('an unknown outcome (connection broke after the request left) is marked unconfirmed and never re-sent', async () => {
    const bot = await borrower();
    bot.sender.answer({ kind: 'unknown', reason: 'socket hang up' });
    expect((await bot.tick(AT_0900)).map((d) => d.result.kind)).toEqual(['unknown']);
    expect(outbox(bot.db)).toEqual([expect.objectContaining({ status: 'unconfirmed', lastError: 'socket hang up' })]);
    // Not at the next tick, not after a restart's claim recovery, not later that day.
    expect(await bot.ticks('2027-01-12T01:01:00Z', '2027-01-13T23:00:00Z', 60_000 * 7)).toEqual([]);
    // The next reminder day is a new message, as usual.
    expect((await bot.tick('2027-01-14T09:00:00+08:00')).map((d) => d.result.kind)).toEqual(['sent']);
  });

  it('a loan paid between queueing and sending: its row is dropped, the others are sent', async () => {
    const bot = await borrower();
    await addLoan(bot, PHONE);
    bot.sender.answer({ kind: 'retry-after', seconds: 60 });
    await bot.tick(AT_0900);
    bot.clock.set(new Date('2027-01-12T09:00:30+08:00'));
    await bot.say('/paid phone');
    await bot.pressLabel('Confirm');
    const retried = await bot.tick('2027-01-12T09:01:00+08:00');
    expect(retried).toHaveLength(1);
    expect(retried[0]?.message.text).toContain('car');
    expect(retried[0]?.message.text).not.toContain('phone');
    expect(
      outbox(bot.db)
        .map((r) => r.status)
        .sort(),
    ).toEqual(['dropped', 'sent']);
  });
});

describe('pausing', () => {
  it('pausing all reminders holds back one already queued (a snooze) too', async () => {
    const bot = await borrower();
    const [first] = await bot.tick(AT_0900);
    if (!first) throw new Error('no reminder');
    await bot.press(buttonData(first.message, 'Tomorrow'));
    setUser(bot, 1, { remindersPaused: true });
    expect(await bot.ticks('2027-01-12T02:00:00Z', '2027-01-20T00:00:00Z')).toEqual([]);
  });
});

describe('sends in flight at once (the limiter’s inFlight: a paid broadcast)', () => {
  async function concurrency(inFlight: number | undefined): Promise<{ most: number; chats: number[] }> {
    const bot = createReminderBot({
      now: '2027-01-10T08:00:00+08:00',
      limiter: (clock) => fakeTimeLimiter(clock, 1000, inFlight),
    });
    for (const user of [1, 2, 3, 4, 5, 6, 7]) await addLoan(bot, CAR, { user });
    let now = 0;
    let most = 0;
    const send = bot.sender.send.bind(bot.sender);
    bot.sender.send = async (message) => {
      now += 1;
      most = Math.max(most, now);
      // Telegram's answer comes a turn of the event loop later.
      await new Promise((resolve) => setImmediate(resolve));
      try {
        return await send(message);
      } finally {
        now -= 1;
      }
    };
    await bot.tick(AT_0900);
    return { most, chats: bot.sender.delivered.map((d) => d.message.chatId).sort() };
  }

  it('one at a time by default (a crash leaves at most one message in flight)', async () => {
    expect(await concurrency(undefined)).toEqual({ most: 1, chats: [1, 2, 3, 4, 5, 6, 7] });
  });

  it('up to inFlight at once, never two to one chat, every chat once', async () => {
    expect(await concurrency(3)).toEqual({ most: 3, chats: [1, 2, 3, 4, 5, 6, 7] });
  });
});
