import { describe, expect, it } from 'vitest';
import { addLoan, CAR, createReminderBot, outbox, PHONE, setUser, startJsonlSession } from '../support/reminders.ts';

/*
 * Downtime: the bot was not running (no tick) from 2027-01-11 until 2027-01-15 10:00 Shanghai.
 * The reminders for 01-12 ("in 3 days") and 01-14 ("tomorrow") are stale by then: the borrower
 * gets ONE message saying what is true now ("due TODAY"), not a burst of three.
 */

describe('catching up after an outage', () => {
  it('one tick after a 4-day outage sends one message for the user: due today', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    expect(await bot.ticks('2027-01-10T00:00:00Z', '2027-01-11T00:00:00Z')).toEqual([]);

    const catchUp = await bot.tick('2027-01-15T10:00:00+08:00');
    expect(catchUp).toHaveLength(1);
    const text = catchUp[0]?.message.text ?? '';
    expect(text).toContain('car: 888.49 due TODAY, 2027-01-15 (Fri)');
    expect(text).not.toContain('in 3 days');
    expect(text).not.toContain('tomorrow');
    // Only the latest missed reminder was queued; nothing stale waits in the outbox.
    expect(outbox(bot.db).map((row) => [row.kind, row.status])).toEqual([['due', 'sent']]);

    // And the schedule carries on from there: +1 day at 09:00.
    expect(await bot.ticks('2027-01-15T03:00:00Z', '2027-01-16T00:00:00Z')).toEqual([]);
    expect((await bot.tick('2027-01-16T09:00:00+08:00')).map((d) => d.message.text)).toEqual([
      expect.stringContaining('was due 2027-01-15 (Fri)'),
    ]);
  });

  it('two loans due the same day: one message with both and the day’s total', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    await addLoan(bot, PHONE);
    await bot.tick('2027-01-11T09:00:00+08:00');

    const catchUp = await bot.tick('2027-01-15T10:00:00+08:00');
    expect(catchUp).toHaveLength(1);
    const text = catchUp[0]?.message.text ?? '';
    expect(text).toContain('car: 888.49 due TODAY, 2027-01-15 (Fri)');
    // 6,000 at 12% over 6 months: 1,035.29 a month.
    expect(text).toContain('phone: 1,035.29 due TODAY, 2027-01-15 (Fri)');
    expect(text).toContain('Total due 2027-01-15 (Fri): 1,923.78');
    expect(catchUp[0]?.message.buttons?.[0]?.map((b) => b.label)).toEqual(['✅ Paid car', '✅ Paid phone']);
    expect(outbox(bot.db).map((row) => row.status)).toEqual(['sent', 'sent']);
  });

  it('each user gets their own single catch-up message', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    for (const user of [1, 2, 3]) await addLoan(bot, CAR, { user });
    await addLoan(bot, PHONE, { user: 2 });
    const catchUp = await bot.tick('2027-01-15T10:00:00+08:00');
    expect(catchUp.map((d) => d.message.chatId).sort()).toEqual([1, 2, 3]);
  });

  it('an installment paid during the outage is not reminded at all', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    await addLoan(bot, PHONE);
    bot.clock.set(new Date('2027-01-13T12:00:00+08:00'));
    await bot.say('/paid phone');
    await bot.pressLabel('Confirm');
    const catchUp = await bot.tick('2027-01-15T10:00:00+08:00');
    expect(catchUp).toHaveLength(1);
    expect(catchUp[0]?.message.text).toContain('car: 888.49 due TODAY');
    expect(catchUp[0]?.message.text).not.toContain('phone');
  });

  it('an outage across the due date: the catch-up says how many days overdue, once', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    await bot.tick('2027-01-12T09:00:00+08:00');
    const catchUp = await bot.tick('2027-01-20T10:00:00+08:00');
    expect(catchUp).toHaveLength(1);
    expect(catchUp[0]?.message.text).toContain('was due 2027-01-15 (Fri), 5 days ago');
    expect(outbox(bot.db).map((row) => row.kind)).toEqual(['before-3', 'overdue-3']);
    // The next follow-up is still +7 (01-22), not a burst for what was missed.
    expect(await bot.ticks('2027-01-20T03:00:00Z', '2027-01-21T23:00:00Z')).toEqual([]);
    expect(await bot.tick('2027-01-22T09:00:00+08:00')).toHaveLength(1);
  });

  it('a user who paused reminders during the outage gets nothing', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    setUser(bot, 1, { remindersPaused: true });
    expect(await bot.tick('2027-01-15T10:00:00+08:00')).toEqual([]);
  });

  it('through the JSON-lines transport: a 3-day outage gives each user one catch-up message', async () => {
    const session = startJsonlSession('2027-01-10T08:00:00+08:00');
    try {
      for (const [user, line] of [
        [1, CAR],
        [2, CAR],
        [2, PHONE],
      ] as const) {
        const card = await session.send({ user, text: `/addloan ${line}` });
        const save = card.flatMap((m) => m.buttons?.flat() ?? []).find((b) => b.label === 'Save');
        await session.send({ user, callback: save?.data ?? '' });
      }
      expect(await session.tick('2027-01-11T09:00:00+08:00')).toEqual([]);
      // Down from 01-12 to 01-14 inclusive; back on 01-15 at 10:00.
      const catchUp = await session.tick('2027-01-15T10:00:00+08:00');
      expect(catchUp.map((m) => m.chat).sort()).toEqual([1, 2]);
      const forTwo = catchUp.find((m) => m.chat === 2)?.text ?? '';
      expect(forTwo).toContain('car: 888.49 due TODAY');
      expect(forTwo).toContain('phone: 1,035.29 due TODAY');
      expect(forTwo).toContain('Total due 2027-01-15 (Fri): 1,923.78');
      expect(await session.tick('2027-01-15T10:01:00+08:00')).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
