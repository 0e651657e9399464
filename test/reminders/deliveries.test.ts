import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { reminderOutbox, users } from '../../src/db/schema.ts';
import { MAX_ATTEMPTS, recoverAbandonedClaims } from '../../src/reminders/dispatcher.ts';
import { queueMessage, type QueuedMessage } from '../../src/services/deliveries.ts';
import {
  addLoan,
  CAR,
  capturingLogger,
  createReminderBot,
  fakeTimeLimiter,
  MINUTE_MS,
  outbox,
  outboxMessages,
  type ReminderBot,
} from '../support/reminders.ts';

/*
 * Messages that are not a direct reply (operator notices, a decision sent to a borrower later, a
 * reply addressed to another chat) go through the same outbox and dispatcher as reminders: the
 * same limiter, the same answers to 429 / 403 / failures / unknown outcomes, the same crash
 * recovery. An operator chat is a group: a negative id and no users row.
 */

const OPERATORS = -1001234567890;
const AT_0900 = '2027-01-12T09:00:00+08:00';
const plus = (iso: string | Date, ms: number) => new Date(new Date(iso).getTime() + ms);

function notice(
  bot: ReminderBot,
  chatId: number,
  text: string,
  extra: { key?: string; userId?: number; message?: Partial<QueuedMessage> } = {},
) {
  return queueMessage(bot.db, {
    chatId,
    ...(extra.userId !== undefined && { userId: extra.userId }),
    message: { text, ...extra.message },
    ...(extra.key !== undefined && { key: extra.key }),
    now: bot.clock.now(),
  });
}

const isActive = (bot: ReminderBot, id = 1) => bot.db.select().from(users).where(eq(users.id, id)).get()?.active;

describe('an operator notice', () => {
  it('is sent to its chat once, with its text and buttons, and never again', async () => {
    const bot = createReminderBot({ now: AT_0900 });
    const buttons = [[{ label: 'Open', data: 'hardship:open:17' }]];
    expect(notice(bot, OPERATORS, 'New hardship request #17', { message: { buttons } })).toBe(true);
    const sent = await bot.deliver();
    expect(sent.map((d) => d.message)).toEqual([{ chatId: OPERATORS, text: 'New hardship request #17', buttons }]);
    expect(outboxMessages(bot.db)).toEqual([
      expect.objectContaining({ chatId: OPERATORS, userId: null, status: 'sent', sentAt: new Date(AT_0900).toISOString(), attempts: 0 }),
    ]);
    // Not by the next delivery, not by the scheduler's passes later.
    expect(await bot.deliver()).toEqual([]);
    expect(await bot.ticks(plus(AT_0900, MINUTE_MS), plus(AT_0900, 10 * MINUTE_MS), MINUTE_MS)).toEqual([]);
  });

  it('is also sent by the scheduler’s reminder pass (one outbox, one dispatcher)', async () => {
    const bot = createReminderBot({ now: AT_0900 });
    notice(bot, OPERATORS, 'hello operators');
    expect((await bot.tick(plus(AT_0900, 1000))).map((d) => d.message.chatId)).toEqual([OPERATORS]);
  });

  it('with a key already queued, queues nothing: not while pending, not after it was sent', async () => {
    const bot = createReminderBot({ now: AT_0900 });
    expect(notice(bot, OPERATORS, 'request #17 filed', { key: 'hardship:17:filed' })).toBe(true);
    expect(notice(bot, OPERATORS, 'request #17 filed', { key: 'hardship:17:filed' })).toBe(false);
    expect(await bot.deliver()).toHaveLength(1);
    expect(notice(bot, OPERATORS, 'request #17 filed', { key: 'hardship:17:filed' })).toBe(false);
    expect(await bot.deliver()).toEqual([]);
    // Another key, or none, is another message.
    expect(notice(bot, OPERATORS, 'request #18 filed', { key: 'hardship:18:filed' })).toBe(true);
    expect(notice(bot, OPERATORS, 'unkeyed')).toBe(true);
    expect(notice(bot, OPERATORS, 'unkeyed')).toBe(true);
    expect(await bot.deliver()).toHaveLength(3);
  });

  it('waits for its notBefore', async () => {
    const bot = createReminderBot({ now: AT_0900 });
    queueMessage(bot.db, { chatId: OPERATORS, message: { text: 'later' }, notBefore: plus(AT_0900, 60_000), now: bot.clock.now() });
    expect(await bot.deliver(plus(AT_0900, 59_999))).toEqual([]);
    expect((await bot.deliver(plus(AT_0900, 60_000))).map((d) => d.message.text)).toEqual(['later']);
  });
});

describe('a file in a queued message', () => {
  it('reaches the sender byte for byte, with its name, type and caption', async () => {
    const bot = createReminderBot({ now: AT_0900 });
    // Every byte value, NULs and invalid UTF-8 included, and a PNG signature.
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 256 }, (_, i) => i), 0, 0xff]);
    const file = { kind: 'photo' as const, filename: 'chart.png', mime: 'image/png', content: bytes };
    notice(bot, 1, 'Your repayments', { message: { file } });
    bytes[0] = 0; // the outbox keeps its own copy
    const [sent] = await bot.deliver();
    expect(sent?.message.text).toBe('Your repayments');
    expect(sent?.message.file).toMatchObject({ kind: 'photo', filename: 'chart.png', mime: 'image/png' });
    const content = sent?.message.file?.content;
    expect(content).toBeInstanceOf(Uint8Array);
    expect([...(content ?? [])]).toEqual([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      ...Array.from({ length: 256 }, (_, i) => i),
      0,
      0xff,
    ]);
  });

  it('a document of 1 MB round-trips too', async () => {
    const bot = createReminderBot({ now: AT_0900 });
    let seed = 7;
    const content = Uint8Array.from({ length: 1 << 20 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    notice(bot, OPERATORS, 'export', { message: { file: { kind: 'document', filename: 'loans.csv', mime: 'text/csv', content } } });
    const [sent] = await bot.deliver();
    expect(Buffer.from(sent?.message.file?.content ?? []).equals(Buffer.from(content))).toBe(true);
  });
});

describe('Telegram’s answers to a queued message', () => {
  it('429: pending until retry_after, without using up a try, then sent', async () => {
    const bot = createReminderBot({ now: AT_0900 });
    notice(bot, OPERATORS, 'notice');
    bot.sender.answer({ kind: 'retry-after', seconds: 5 });
    expect((await bot.deliver()).map((d) => d.result.kind)).toEqual(['retry-after']);
    expect(outboxMessages(bot.db)).toEqual([
      expect.objectContaining({
        status: 'pending',
        attempts: 0,
        notBefore: plus(AT_0900, 5000).toISOString(),
        lastError: '429 retry after 5s',
      }),
    ]);
    expect(await bot.deliver(plus(AT_0900, 4999))).toEqual([]);
    expect((await bot.deliver(plus(AT_0900, 5000))).map((d) => d.result.kind)).toEqual(['sent']);
    expect(outboxMessages(bot.db)[0]?.status).toBe('sent');
  });

  it('403 from a borrower’s private chat: the user is marked inactive and the message dropped', async () => {
    const bot = createReminderBot({ now: AT_0900 });
    await bot.say('/start');
    notice(bot, 1, 'Your request was approved', { userId: 1 });
    bot.sender.answer({ kind: 'blocked', reason: 'Forbidden: bot was blocked by the user' });
    expect((await bot.deliver()).map((d) => d.result.kind)).toEqual(['blocked']);
    expect(isActive(bot)).toBe(false);
    expect(outboxMessages(bot.db)).toEqual([
      expect.objectContaining({ status: 'dropped', lastError: 'blocked: Forbidden: bot was blocked by the user' }),
    ]);
    expect(await bot.deliver(plus(AT_0900, 10 * MINUTE_MS))).toEqual([]);
  });

  it('403 from a known user’s private chat queued without its userId: still that user who blocked the bot', async () => {
    const bot = createReminderBot({ now: AT_0900 });
    await bot.say('/start', { user: 42 });
    notice(bot, 42, 'for an operator who is also a borrower');
    bot.sender.answer({ kind: 'blocked', reason: 'Forbidden: bot was blocked by the user' });
    await bot.deliver();
    expect(isActive(bot, 42)).toBe(false);
    expect(outboxMessages(bot.db)[0]).toMatchObject({ status: 'dropped' });
  });

  it('403 from a group (operator) chat: dead-lettered with the reason logged; no user is touched', async () => {
    const { logger, records } = capturingLogger();
    const bot = createReminderBot({ now: AT_0900, logger });
    await bot.say('/start');
    notice(bot, OPERATORS, 'New hardship request #17');
    bot.sender.answer({ kind: 'blocked', reason: 'Forbidden: bot was kicked from the supergroup chat' });
    await bot.deliver();
    expect(outboxMessages(bot.db)).toEqual([
      expect.objectContaining({ status: 'dead', lastError: 'blocked: Forbidden: bot was kicked from the supergroup chat' }),
    ]);
    expect(isActive(bot)).toBe(true);
    expect(records).toContainEqual(
      expect.objectContaining({
        level: 50,
        msg: 'chat refused the bot (403); message dead-lettered',
        chatId: OPERATORS,
        reason: 'Forbidden: bot was kicked from the supergroup chat',
      }),
    );
    expect(await bot.deliver(plus(AT_0900, 60 * MINUTE_MS))).toEqual([]);
  });

  it(`other failures back off 1, 2, 4, 8 minutes and dead-letter after ${MAX_ATTEMPTS} tries, logged without the text`, async () => {
    const { logger, records } = capturingLogger();
    const bot = createReminderBot({ now: AT_0900, logger });
    notice(bot, OPERATORS, 'secret amount 888.49');
    bot.sender.always = () => ({ kind: 'failed', reason: '400 Bad Request: chat not found' });
    const triedAt: number[] = [];
    let at = Date.parse(AT_0900);
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      if ((await bot.deliver(new Date(at))).length > 0) triedAt.push(at);
      const [row] = outboxMessages(bot.db);
      if (row?.status !== 'pending') break;
      expect(await bot.deliver(new Date(Date.parse(row.notBefore) - 1))).toEqual([]);
      at = Date.parse(row.notBefore);
    }
    expect(triedAt.slice(1).map((t, i) => (t - (triedAt[i] as number)) / MINUTE_MS)).toEqual([1, 2, 4, 8]);
    expect(outboxMessages(bot.db)).toEqual([
      expect.objectContaining({ status: 'dead', attempts: MAX_ATTEMPTS, lastError: '400 Bad Request: chat not found' }),
    ]);
    expect(records).toContainEqual(expect.objectContaining({ msg: 'message dead-lettered', chatId: OPERATORS, attempts: MAX_ATTEMPTS }));
    expect(JSON.stringify(records)).not.toContain('888.49');
  });

  it('an unknown outcome is marked unconfirmed and never re-sent', async () => {
    const bot = createReminderBot({ now: AT_0900 });
    notice(bot, OPERATORS, 'notice');
    bot.sender.answer({ kind: 'unknown', reason: 'socket hang up' });
    expect((await bot.deliver()).map((d) => d.result.kind)).toEqual(['unknown']);
    expect(outboxMessages(bot.db)).toEqual([expect.objectContaining({ status: 'unconfirmed', lastError: 'socket hang up' })]);
    recoverAbandonedClaims(bot.db, plus(AT_0900, 1000));
    expect(await bot.ticks(plus(AT_0900, MINUTE_MS), plus(AT_0900, 30 * MINUTE_MS), MINUTE_MS)).toEqual([]);
  });

  it('a payload that cannot be read back counts as a failed try, then is dead-lettered; other chats are not held up', async () => {
    const bot = createReminderBot({ now: AT_0900 });
    notice(bot, OPERATORS, 'broken');
    notice(bot, 1, 'fine');
    bot.db.update(reminderOutbox).set({ payload: '{"text": 5}' }).where(eq(reminderOutbox.chatId, OPERATORS)).run();
    expect((await bot.deliver()).map((d) => d.message.text)).toEqual(['fine']);
    expect(outboxMessages(bot.db)[0]).toMatchObject({ status: 'pending', attempts: 1 });
    for (let minutes = 1; minutes <= 15; minutes++) await bot.deliver(plus(AT_0900, minutes * MINUTE_MS));
    expect(outboxMessages(bot.db)[0]).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS });
  });
});

describe('whom a message is for', () => {
  it('a borrower marked inactive (an earlier 403) is still sent a message queued for them; their reminders stay stopped', async () => {
    // Inactive only remembers an old 403: they may have unblocked the bot since without writing.
    // A decision they are waiting for is worth one request; a routine reminder is not.
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    bot.db.update(users).set({ active: false }).where(eq(users.id, 1)).run();
    bot.clock.set(new Date(AT_0900));
    notice(bot, 1, 'Your request was approved', { userId: 1 });
    const sent = await bot.tick(AT_0900);
    expect(sent.map((d) => d.message.text)).toEqual(['Your request was approved']);
    expect(outbox(bot.db)).toEqual([]);
  });

  it('a message’s userId must be its chat’s owner: a notice ABOUT a borrower to the operators has none', () => {
    const bot = createReminderBot({ now: AT_0900 });
    expect(() => notice(bot, OPERATORS, 'about borrower 1', { userId: 1 })).toThrow('not the owner');
    expect(outboxMessages(bot.db)).toEqual([]);
  });
});

describe('one chat, messages and reminders together', () => {
  it('each goes out once, oldest first, at least 1 s apart in that chat, through the one limiter; other chats are not held up', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00', limiter: (clock) => fakeTimeLimiter(clock) });
    await addLoan(bot, CAR); // its 3-days-before reminder comes at 09:00 on 01-12
    bot.clock.set(new Date(AT_0900));
    notice(bot, 1, 'first message', { userId: 1 });
    notice(bot, 1, 'second message', { userId: 1 });
    notice(bot, OPERATORS, 'to the operators');
    const sent = await bot.tick(AT_0900);
    const toOne = sent.filter((d) => d.message.chatId === 1);
    // The two messages were queued before the pass put the reminder into the outbox.
    expect(toOne.map((d) => d.message.text.split('\n')[0])).toEqual(['first message', 'second message', '⏰ Repayment reminder']);
    for (let i = 1; i < toOne.length; i++) {
      expect((toOne[i] as { at: Date }).at.getTime() - (toOne[i - 1] as { at: Date }).at.getTime()).toBeGreaterThanOrEqual(1000);
    }
    const toOperators = sent.find((d) => d.message.chatId === OPERATORS);
    expect(toOperators?.at.getTime()).toBeLessThan((toOne[1] as { at: Date }).at.getTime());
    expect(await bot.tick(plus(AT_0900, 10_000))).toEqual([]);
    expect([...outbox(bot.db), ...outboxMessages(bot.db)].every((row) => row.status === 'sent')).toBe(true);
  });

  it('a queued message and two loans’ reminders due together: two sends, the reminders still one message', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    await addLoan(bot, 'phone 6000 6 months 12% annuity first 2027-01-15');
    bot.clock.set(new Date(AT_0900));
    notice(bot, 1, 'a message', { userId: 1 });
    const sent = await bot.tick(AT_0900);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.message.text).toContain('car');
    expect(sent[1]?.message.text).toContain('phone');
  });
});

describe('a crash', () => {
  it('between send and mark: the claim is released on restart and the message goes once more (at most one duplicate)', async () => {
    const bot = createReminderBot({ now: AT_0900 });
    notice(bot, OPERATORS, 'notice');
    bot.sender.crashAfterSend = true;
    await expect(bot.deliver()).rejects.toThrow('simulated crash');
    expect(outboxMessages(bot.db).map((row) => row.status)).toEqual(['claimed']);
    bot.sender.crashAfterSend = false;
    expect(recoverAbandonedClaims(bot.db, plus(AT_0900, 30_000))).toBe(1);
    expect(await bot.deliver(plus(AT_0900, 30_000))).toHaveLength(1);
    expect(bot.sender.calls).toHaveLength(2);
    expect(outboxMessages(bot.db).map((row) => row.status)).toEqual(['sent']);
    expect(await bot.deliver(plus(AT_0900, 60_000))).toEqual([]);
  });

  it('crashes after every 3rd send of 30 messages lose none and duplicate at most one per crash', async () => {
    const bot = createReminderBot({ now: AT_0900 });
    for (let i = 0; i < 30; i++) notice(bot, i % 2 ? OPERATORS - i : 1000 + i, `message ${i}`);
    bot.sender.crashAfterSend = (sendsBefore) => sendsBefore % 3 === 2;
    let crashes = 0;
    for (let round = 0; round < 60 && outboxMessages(bot.db).some((row) => row.status !== 'sent'); round++) {
      const at = plus(AT_0900, round * 1000);
      recoverAbandonedClaims(bot.db, at);
      try {
        await bot.deliver(at);
      } catch {
        crashes += 1;
      }
    }
    expect(outboxMessages(bot.db).every((row) => row.status === 'sent')).toBe(true);
    const perText = new Map<string, number>();
    for (const call of bot.sender.calls) perText.set(call.message.text, (perText.get(call.message.text) ?? 0) + 1);
    expect(perText.size).toBe(30);
    expect(crashes).toBeGreaterThanOrEqual(9);
    expect([...perText.values()].reduce((sum, n) => sum + n - 1, 0)).toBeLessThanOrEqual(crashes);
  });
});

describe('queued inside a transaction', () => {
  it('one that rolls back queues nothing and nothing is sent', async () => {
    const bot = createReminderBot({ now: AT_0900 });
    await bot.say('/start');
    expect(() =>
      bot.db.transaction((tx) => {
        tx.update(users).set({ language: 'zh-CN' }).where(eq(users.id, 1)).run();
        expect(queueMessage(tx, { chatId: OPERATORS, message: { text: 'decided' }, key: 'decision:1', now: bot.clock.now() })).toBe(true);
        throw new Error('the decision could not be recorded');
      }),
    ).toThrow('could not be recorded');
    expect(outboxMessages(bot.db)).toEqual([]);
    expect(await bot.deliver()).toEqual([]);
    // The key was never used: the retry that commits queues it.
    bot.db.transaction((tx) => {
      queueMessage(tx, { chatId: OPERATORS, message: { text: 'decided' }, key: 'decision:1', now: bot.clock.now() });
    });
    expect((await bot.deliver()).map((d) => d.message.text)).toEqual(['decided']);
  });
});

describe('the delivery pass and the reminder pass', () => {
  it('never send at the same time, and a delivery asked for during a reminder pass still sends what was queued', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    for (const user of [1, 2, 3]) await addLoan(bot, CAR, { user });
    bot.clock.set(new Date(AT_0900));
    let inFlight = 0;
    let most = 0;
    const send = bot.sender.send.bind(bot.sender);
    bot.sender.send = async (message) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      try {
        return await send(message);
      } finally {
        inFlight -= 1;
      }
    };
    let delivered: Promise<unknown> | undefined;
    bot.sender.always = () => {
      // An update handled while the pass sends: it queues a notice and nudges delivery.
      if (!delivered) {
        notice(bot, OPERATORS, 'filed during the pass');
        delivered = bot.deliveryPass();
      }
      return { kind: 'sent' };
    };
    const ticking = bot.pass();
    // A second cron tick during the pass joins it.
    expect(bot.pass()).toBe(ticking);
    await ticking;
    await delivered;
    expect(most).toBe(1);
    expect(bot.sender.calls.map((c) => c.message.chatId).sort()).toEqual([OPERATORS, 1, 2, 3].sort());
  });

  it('a delivery asked for just after a reminder pass last looked for due rows runs after it, and sends the message', async () => {
    // The race the follow-up exists for: the update's message is committed after the running pass
    // looked for due rows for the last time (here: while it logs its summary), so joining that pass
    // would leave the message waiting for the next cron tick.
    let bot: ReminderBot | undefined;
    let delivered: Promise<unknown> | undefined;
    const logger = pino(
      { level: 'info', base: undefined },
      {
        write: (line: string) => {
          if (bot && !delivered && (JSON.parse(line) as { msg: string }).msg === 'reminder pass') {
            notice(bot, OPERATORS, 'filed as the pass ended');
            delivered = bot.deliveryPass();
          }
        },
      },
    );
    bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00', logger });
    await addLoan(bot, CAR);
    await bot.tick(AT_0900);
    expect(delivered).toBeDefined();
    await delivered;
    expect(bot.sender.calls.map((c) => c.message.chatId)).toEqual([1, OPERATORS]);
  });

  it('the delivery pass plans nothing: a reminder whose time has come waits for the reminder pass', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    expect(await bot.deliver(AT_0900)).toEqual([]);
    expect(outbox(bot.db)).toEqual([]);
    expect((await bot.tick(AT_0900)).map((d) => d.message.chatId)).toEqual([1]);
  });
});
