import { describe, expect, it } from 'vitest';
import { texts } from '../support/bot.ts';
import { addLoan, buttonData, CAR, createReminderBot, localStamp, MINUTE_MS, outbox, PHONE } from '../support/reminders.ts';

/*
 * Reminder edges (issue 9, point 8): quiet hours hold for a catch-up too, a snooze held by quiet
 * hours and the morning's reminder are one message, a loan added on its due day after the
 * reminder time is still reminded that day, and the Schedule button offers every loan of the
 * message. Default settings throughout: 09:00, quiet 21:00–08:00, Asia/Shanghai.
 */

const shanghai = (deliveries: { at: Date }[]) => deliveries.map((d) => localStamp(d.at, 'Asia/Shanghai'));

describe('a catch-up after an outage that ends at night', () => {
  it('waits for 08:00 instead of going out at 23:30', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    await bot.tick('2027-01-10T09:00:00+08:00');
    // Down from 01-11 until 01-20 23:30: overdue-1 (01-16) and overdue-3 (01-18) were missed.
    expect(await bot.tick('2027-01-20T23:30:00+08:00')).toEqual([]);
    const sent = await bot.ticks('2027-01-20T23:40:00+08:00', '2027-01-21T20:00:00+08:00', 10 * MINUTE_MS);
    expect(shanghai(sent)).toEqual(['2027-01-21 08:00']);
    expect(sent[0]?.message.text).toContain('was due 2027-01-15 (Fri), 6 days ago');
    // The next follow-up (+7) still comes on its day.
    expect(shanghai(await bot.ticks('2027-01-21T20:10:00+08:00', '2027-01-22T12:00:00+08:00', 10 * MINUTE_MS))).toEqual([
      '2027-01-22 09:00',
    ]);
  });

  it('held until 08:00 on a day with a 09:00 reminder: one message, at 08:00', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    await bot.tick('2027-01-12T09:00:00+08:00');
    // Back at 23:30 on the due day: the due-day reminder was missed; +1 is due tomorrow at 09:00.
    expect(await bot.tick('2027-01-15T23:30:00+08:00')).toEqual([]);
    const sent = await bot.ticks('2027-01-15T23:40:00+08:00', '2027-01-16T20:00:00+08:00', 10 * MINUTE_MS);
    expect(shanghai(sent)).toEqual(['2027-01-16 08:00']);
    expect(sent[0]?.message.text).toContain('was due 2027-01-15 (Fri), yesterday');
    expect(outbox(bot.db).map((row) => [row.kind, row.status])).toEqual([
      ['before-3', 'sent'],
      ['due', 'sent'],
      ['overdue-1', 'sent'],
    ]);
  });

  it('a reminder whose retry comes due in quiet hours waits for the morning too', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    // Telegram asks us to wait 13 hours: 22:00, quiet.
    bot.sender.answer({ kind: 'retry-after', seconds: 13 * 3600 });
    await bot.tick('2027-01-12T09:00:00+08:00');
    const sent = await bot.ticks('2027-01-12T21:00:00+08:00', '2027-01-13T12:00:00+08:00', 10 * MINUTE_MS);
    expect(shanghai(sent)).toEqual(['2027-01-13 08:00']);
  });
});

describe('a snooze that lands in quiet hours', () => {
  it('and the regular reminder of the same morning come as one message', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    const [reminded] = await bot.tick('2027-01-14T09:00:00+08:00');
    if (!reminded) throw new Error('no reminder on 01-14');
    bot.clock.set(new Date('2027-01-14T19:30:00+08:00'));
    expect(texts(await bot.press(buttonData(reminded.message, 'Later today')))).toBe(
      'OK, I will remind you again on 2027-01-15 (Fri) at 08:00.',
    );
    const again = await bot.ticks('2027-01-14T19:40:00+08:00', '2027-01-15T20:00:00+08:00', 10 * MINUTE_MS);
    expect(shanghai(again)).toEqual(['2027-01-15 08:00']);
    expect(again[0]?.message.text).toContain('car: 888.49 due TODAY, 2027-01-15 (Fri)');
  });

  it('a snooze later in the day than the reminder time leaves the next day’s reminder alone', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    const [reminded] = await bot.tick('2027-01-14T09:00:00+08:00');
    if (!reminded) throw new Error('no reminder on 01-14');
    bot.clock.set(new Date('2027-01-14T10:00:00+08:00'));
    await bot.press(buttonData(reminded.message, 'Later today'));
    const again = await bot.ticks('2027-01-14T10:10:00+08:00', '2027-01-15T12:00:00+08:00', 10 * MINUTE_MS);
    expect(shanghai(again)).toEqual(['2027-01-14 13:00', '2027-01-15 09:00']);
  });
});

describe('a loan added on its due day', () => {
  it('after the reminder time: reminded at once', async () => {
    const bot = createReminderBot({ now: '2027-01-15T14:00:00+08:00' });
    await addLoan(bot, CAR);
    const sent = await bot.tick('2027-01-15T14:01:00+08:00');
    expect(sent.map((d) => d.message.text)).toEqual([expect.stringContaining('car: 888.49 due TODAY, 2027-01-15 (Fri)')]);
    // Then the follow-ups as usual, the first tomorrow at 09:00.
    const later = await bot.ticks('2027-01-15T14:10:00+08:00', '2027-01-16T12:00:00+08:00', 10 * MINUTE_MS);
    expect(shanghai(later)).toEqual(['2027-01-16 09:00']);
  });

  it('during quiet hours: reminded when they end, once', async () => {
    const bot = createReminderBot({ now: '2027-01-15T22:00:00+08:00' });
    await addLoan(bot, CAR);
    const sent = await bot.ticks('2027-01-15T22:10:00+08:00', '2027-01-16T20:00:00+08:00', 10 * MINUTE_MS);
    expect(shanghai(sent)).toEqual(['2027-01-16 08:00']);
    expect(sent[0]?.message.text).toContain('was due 2027-01-15 (Fri), yesterday');
  });

  it('before the reminder time: the usual 09:00 reminder, nothing earlier', async () => {
    const bot = createReminderBot({ now: '2027-01-15T08:30:00+08:00' });
    await addLoan(bot, CAR);
    const sent = await bot.ticks('2027-01-15T08:31:00+08:00', '2027-01-15T20:00:00+08:00', 10 * MINUTE_MS);
    expect(shanghai(sent)).toEqual(['2027-01-15 09:01']);
  });

  it('a loan already overdue when added is not reminded at once', async () => {
    const bot = createReminderBot({ now: '2027-01-16T14:00:00+08:00' });
    // Due yesterday: registered as paid (the borrower is adding a loan in progress).
    await addLoan(bot, CAR);
    expect(await bot.tick('2027-01-16T14:01:00+08:00')).toEqual([]);
  });

  it('an edit or a payment on the due day does not bring the due-day reminder back', async () => {
    const bot = createReminderBot({ now: '2027-01-15T14:00:00+08:00' });
    await addLoan(bot, CAR);
    await bot.tick('2027-01-15T14:01:00+08:00');
    bot.clock.set(new Date('2027-01-15T15:00:00+08:00'));
    await bot.say('/paid 100');
    await bot.pressLabel('Confirm');
    expect(await bot.ticks('2027-01-15T15:01:00+08:00', '2027-01-15T20:00:00+08:00', 10 * MINUTE_MS)).toEqual([]);
  });
});

describe('the Schedule button under a reminder about several loans', () => {
  it('offers each loan, and each opens its own schedule', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    await addLoan(bot, PHONE);
    const [reminder] = await bot.tick('2027-01-12T09:00:00+08:00');
    if (!reminder) throw new Error('no reminder');
    const labels = reminder.message.buttons?.flat().map((b) => b.label) ?? [];
    expect(labels.filter((label) => label.startsWith('Schedule'))).toEqual(['Schedule car', 'Schedule phone']);
    expect(texts(await bot.press(buttonData(reminder.message, 'Schedule phone')))).toContain('phone — repayment schedule');
    expect(texts(await bot.press(buttonData(reminder.message, 'Schedule car')))).toContain('car — repayment schedule');
  });
});
