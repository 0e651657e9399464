import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, hardshipRequests, paymentPromises } from '../../src/db/schema.ts';
import { texts } from '../support/bot.ts';
import {
  addLoan,
  buttonData,
  CAR,
  createReminderBot,
  HOUR_MS,
  localStamp,
  outboxMessages,
  setUser,
  startJsonlSession,
  type Delivery,
  type ReminderBot,
} from '../support/reminders.ts';

/*
 * A promise to pay, end to end with the real planner, outbox and dispatcher and a settable clock
 * (nothing sleeps). The car loan: 888.49 a month, first due 2027-01-15 (Fri); default settings:
 * 09:00 Shanghai, overdue reminders after 1, 3 and 7 days, then weekly; quiet 21:00–08:00.
 */

const shanghai = (deliveries: Delivery[]) => deliveries.map((d) => `${localStamp(d.at, 'Asia/Shanghai')} ${d.message.text.split('\n')[0]}`);

/** The borrower, one day late: the overdue reminder of 01-16 09:00 has come, with "I'll pay on…". */
async function oneDayLate(): Promise<{ bot: ReminderBot; reminder: Delivery['message'] }> {
  const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
  await addLoan(bot, CAR);
  const sent = await bot.ticks('2027-01-10T09:00:00+08:00', '2027-01-16T09:00:00+08:00', 24 * HOUR_MS);
  const reminder = sent.at(-1)?.message;
  if (!reminder?.text.includes('yesterday')) throw new Error(`no overdue reminder: ${reminder?.text}`);
  return { bot, reminder };
}

/** "I'll pay on…" pressed at 10:00, the day typed, the card confirmed. */
async function promiseFromReminder(bot: ReminderBot, reminder: Delivery['message'], day: string, amount?: string): Promise<string> {
  bot.clock.set(new Date('2027-01-16T10:00:00+08:00'));
  const asked = texts(await bot.press(buttonData(reminder, "🤝 I'll pay on…")));
  expect(asked).toContain('On which day will you pay car (888.49 owed now)?');
  expect(asked).toContain('up to 30 days ahead: 2027-02-15 (Mon) at the latest');
  const card = texts(await bot.say(day));
  expect(card).toContain('Promise to pay towards car:');
  if (amount) expect(texts(await bot.say(amount))).toContain(`Amount: ${amount}`);
  return texts(await bot.pressLabel('Confirm'));
}

function trail(bot: ReminderBot) {
  return bot.db
    .select()
    .from(auditLog)
    .orderBy(asc(auditLog.id))
    .all()
    .map((row) => ({ action: row.action, actorId: row.actorId, role: row.actorRole, promiseId: row.promiseId, loanId: row.loanId }));
}

describe('a promise to pay from an overdue reminder', () => {
  it('holds the overdue reminders until the day, reminds on the day at the reminder time, then is broken and the reminders resume', async () => {
    const { bot, reminder } = await oneDayLate();
    const done = await promiseFromReminder(bot, reminder, '20th');
    expect(done).toBe(
      'Promise recorded: 888.49 towards car on 2027-01-20 (Wed). The overdue reminders of car wait until then.\nI will remind you on 2027-01-20 (Wed) at 09:00.',
    );

    const sent = await bot.ticks('2027-01-16T11:00:00+08:00', '2027-01-22T12:00:00+08:00');
    // 01-18 (3 days late) is held; the day's message at 09:00 on 01-20; 01-22 (7 days late) comes again.
    expect(shanghai(sent)).toEqual([
      '2027-01-20 09:00 📅 Today is the day you said you would pay 888.49 towards car. Once you have paid, press Paid to record it.',
      '2027-01-22 09:00 ⏰ Repayment reminder',
    ]);
    expect(sent[0]?.message.buttons?.flat().map((b) => b.label)).toEqual(['✅ Paid']);
    expect(sent[1]?.message.text).toContain('was due 2027-01-15 (Fri), 7 days ago');

    // Broken once the lender's 01-20 was over (00:00 on 01-21 in Shanghai), by the bot.
    const [promise] = bot.db.select().from(paymentPromises).all();
    expect(promise).toMatchObject({ status: 'broken', resolvedAt: '2027-01-20T16:00:00.000Z' });
    expect(trail(bot)).toEqual([
      { action: 'promise', actorId: 1, role: 'borrower', promiseId: 1, loanId: 1 },
      { action: 'promise-broken', actorId: null, role: 'system', promiseId: 1, loanId: 1 },
    ]);
    expect(texts(await bot.say('/promise'))).toContain(
      'Your last promise: 888.49 towards car on 2027-01-20 (Wed), not kept (the reminders came back).',
    );
  });

  it('kept by a payment before the day: the day’s message is dropped and nothing more comes for that installment', async () => {
    const { bot, reminder } = await oneDayLate();
    await promiseFromReminder(bot, reminder, '2027-01-20', '500');
    expect(outboxMessages(bot.db).map((row) => [row.dedupeKey, row.status, row.notBefore])).toEqual([
      ['promise:1:day', 'pending', '2027-01-20T01:00:00.000Z'],
    ]);

    // 01-19: the whole installment is paid (more than the 500 promised).
    bot.clock.set(new Date('2027-01-19T12:00:00+08:00'));
    await bot.say('/paid');
    expect(texts(await bot.pressLabel('Confirm'))).toContain('Recorded');
    expect(bot.db.select().from(paymentPromises).get()).toMatchObject({ status: 'kept' });
    expect(outboxMessages(bot.db)).toEqual([]);

    const sent = await bot.ticks('2027-01-19T13:00:00+08:00', '2027-01-23T12:00:00+08:00');
    expect(shanghai(sent)).toEqual([]);
    expect(trail(bot).map((entry) => [entry.action, entry.role])).toEqual([
      ['promise', 'borrower'],
      ['promise-kept', 'borrower'],
    ]);
    expect(texts(await bot.say('/promise'))).toContain('Your last promise: 500.00 towards car on 2027-01-20 (Wed), kept ✓.');
  });

  it('kept from the day’s message: its Paid button proposes the promised amount', async () => {
    const { bot, reminder } = await oneDayLate();
    await promiseFromReminder(bot, reminder, '2027-01-20', '300');
    const [day] = await bot.ticks('2027-01-20T08:00:00+08:00', '2027-01-20T09:00:00+08:00');
    if (!day) throw new Error('no day message');
    bot.clock.set(new Date('2027-01-20T09:30:00+08:00'));
    const card = texts(await bot.press(buttonData(day.message, '✅ Paid')));
    expect(card).toContain('Amount: 300.00');
    await bot.pressLabel('Confirm');
    expect(bot.db.select().from(paymentPromises).get()).toMatchObject({ status: 'kept' });
    // Part paid: the rest is still overdue, and its reminders come as before (01-22, 7 days late).
    const sent = await bot.ticks('2027-01-20T10:00:00+08:00', '2027-01-22T12:00:00+08:00');
    expect(shanghai(sent)).toEqual(['2027-01-22 09:00 ⏰ Repayment reminder']);
    expect(trail(bot).map((entry) => entry.action)).toEqual(['promise', 'promise-kept']);
  });

  it('a payment below the promised amount does not keep it', async () => {
    const { bot, reminder } = await oneDayLate();
    await promiseFromReminder(bot, reminder, '2027-01-20');
    bot.clock.set(new Date('2027-01-17T12:00:00+08:00'));
    await bot.say('/paid 100');
    await bot.pressLabel('Confirm');
    expect(bot.db.select().from(paymentPromises).get()).toMatchObject({ status: 'open' });
    expect(outboxMessages(bot.db).map((row) => row.status)).toEqual(['pending']);
  });

  it('holds only overdue reminders: the next installment’s reminders before its due date keep coming', async () => {
    const { bot, reminder } = await oneDayLate();
    await promiseFromReminder(bot, reminder, '2027-02-14');
    const sent = await bot.ticks('2027-01-16T11:00:00+08:00', '2027-02-15T12:00:00+08:00', HOUR_MS);
    // Installment 1's overdue reminders (01-18, 01-22, 01-29, 02-05, 02-12) wait; installment 2
    // (due 02-15) is reminded 3 and 1 days before and on its day, as usual.
    expect(shanghai(sent)).toEqual([
      '2027-02-12 09:00 ⏰ Repayment reminder',
      '2027-02-14 09:00 📅 Today is the day you said you would pay 888.49 towards car. Once you have paid, press Paid to record it.',
      '2027-02-14 09:00 ⏰ Repayment reminder',
      '2027-02-15 09:00 ⏰ Repayment reminder',
    ]);
    expect(sent[0]?.message.text).toContain('car: 888.49 due 2027-02-15 (Mon), in 3 days (installment 2 of 12)');
    expect(sent[0]?.message.text).not.toContain('was due 2027-01-15');
    expect(sent[2]?.message.text).toContain('due tomorrow, 2027-02-15 (Mon)');
    expect(sent[2]?.message.text).not.toContain('was due 2027-01-15');
    expect(sent[3]?.message.text).toContain('due TODAY, 2027-02-15 (Mon)');
  });

  it('the day’s message waits for the end of quiet hours when the reminder time is inside them', async () => {
    const { bot, reminder } = await oneDayLate();
    setUser(bot, 1, { reminderTime: '07:00' });
    const done = await promiseFromReminder(bot, reminder, '2027-01-20');
    expect(done).toContain('I will remind you on 2027-01-20 (Wed) at 08:00.');
    expect(outboxMessages(bot.db).map((row) => row.notBefore)).toEqual(['2027-01-20T00:00:00.000Z']);
  });

  it('a promise for today made after the reminder time queues no day message', async () => {
    const { bot, reminder } = await oneDayLate();
    bot.clock.set(new Date('2027-01-16T10:00:00+08:00'));
    await bot.press(buttonData(reminder, "🤝 I'll pay on…"));
    await bot.say('today');
    expect(texts(await bot.pressLabel('Confirm'))).toBe(
      'Promise recorded: 888.49 towards car on 2027-01-16 (Sat). The overdue reminders of car wait until then.',
    );
    expect(outboxMessages(bot.db)).toEqual([]);
  });
});

describe('a collection pause the borrower asked for', () => {
  it('holds the overdue reminders while the request is open and, once approved, until pauseUntil; reminders before a due date go on', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    const request = bot.db
      .insert(hardshipRequests)
      .values({
        userId: 1,
        kind: 'collection-pause',
        loanIds: [1],
        reason: 'job-loss',
        budget: {},
        proposal: {},
        evidence: [],
        letterLocale: 'en',
        submittedAt: '2027-01-10T00:00:00.000Z',
      })
      .returning()
      .get();
    const open = await bot.ticks('2027-01-10T09:00:00+08:00', '2027-01-19T12:00:00+08:00', 24 * HOUR_MS);
    // 3 and 1 days before and on the day; the overdue ones of 01-16 and 01-18 wait.
    expect(shanghai(open).map((line) => line.slice(0, 16))).toEqual(['2027-01-12 09:00', '2027-01-14 09:00', '2027-01-15 09:00']);
    bot.db
      .update(hardshipRequests)
      .set({ status: 'approved', pauseUntil: '2027-01-25T00:00:00.000Z' })
      .where(eq(hardshipRequests.id, request.id))
      .run();
    const approved = await bot.ticks('2027-01-20T09:00:00+08:00', '2027-01-30T09:00:00+08:00', 24 * HOUR_MS);
    // 01-22 waits (the pause runs to 01-25 08:00); 01-29 comes.
    expect(shanghai(approved).map((line) => line.slice(0, 16))).toEqual(['2027-01-29 09:00']);
    expect(approved[0]?.message.text).toContain('14 days ago');
  });
});

describe('a promise through the JSON-lines interface', () => {
  it('promise, hold, the day’s message, broken after the day, reminders again', async () => {
    const session = startJsonlSession('2027-01-10T08:00:00+08:00');
    try {
      const loanCard = await session.send({ text: `/addloan ${CAR}` });
      const save = loanCard.flatMap((m) => m.buttons?.flat() ?? []).find((b) => b.label === 'Save');
      await session.send({ callback: save?.data ?? '' });
      const [overdue] = await session.tick('2027-01-16T09:00:00+08:00');
      const promise = overdue?.buttons?.flat().find((b) => b.label === "🤝 I'll pay on…");
      expect((await session.send({ callback: promise?.data ?? '' }))[0]?.text).toContain('On which day will you pay car');
      const card = await session.send({ text: '2027-01-19' });
      expect(card[0]?.text).toContain('Day: 2027-01-19 (Tue)');
      const confirm = card[0]?.buttons?.flat().find((b) => b.label === 'Confirm');
      expect((await session.send({ callback: confirm?.data ?? '' }))[0]?.text).toContain('Promise recorded');
      expect(await session.tick('2027-01-18T09:00:00+08:00')).toEqual([]);
      expect((await session.tick('2027-01-19T09:00:00+08:00'))[0]?.text).toContain('Today is the day');
      expect(await session.tick('2027-01-20T09:00:00+08:00')).toEqual([]);
      expect((await session.tick('2027-01-22T09:00:00+08:00'))[0]?.text).toContain('7 days ago');
      const actions = session.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.userId, 1))
        .all()
        .map((row) => row.action);
      expect(actions).toEqual(['promise', 'promise-broken']);
    } finally {
      await session.close();
    }
  });
});
