import { describe, expect, it } from 'vitest';
import { addLoan, CAR, createReminderBot, localStamp, MINUTE_MS, setUser } from '../support/reminders.ts';

/* Quiet hours (default 21:00–08:00): nothing is sent then; a reminder falling inside waits for the end. */

describe('quiet hours', () => {
  it('a reminder time of 22:30 arrives at 08:00 the next morning', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await bot.say('/start');
    setUser(bot, 1, { reminderTime: '22:30' });
    await addLoan(bot, CAR);

    // Every 10 minutes through the evening the 3-days-before reminder belongs to, and the night after.
    const sent = await bot.ticks('2027-01-12T12:00:00+08:00', '2027-01-13T12:00:00+08:00', 10 * MINUTE_MS);
    expect(sent.map((d) => localStamp(d.at, 'Asia/Shanghai'))).toEqual(['2027-01-13 08:00']);
    expect(sent[0]?.message.text).toContain('due 2027-01-15 (Fri), in 2 days');
  });

  it('the reminder time set in the database after the loan was added is followed too', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    setUser(bot, 1, { reminderTime: '22:30' });
    const sent = await bot.ticks('2027-01-10T00:00:00Z', '2027-01-17T00:00:00Z', 30 * MINUTE_MS);
    // 3 and 1 days before, the due day, +1 day: each the morning after its 22:30.
    expect(sent.map((d) => localStamp(d.at, 'Asia/Shanghai'))).toEqual([
      '2027-01-13 08:00',
      '2027-01-15 08:00',
      '2027-01-16 08:00',
      '2027-01-17 08:00',
    ]);
  });

  it('nothing is ever sent between 21:00 and 08:00, whatever the reminder time', async () => {
    for (const reminderTime of ['21:00', '23:59', '00:00', '07:59']) {
      const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
      await bot.say('/start');
      setUser(bot, 1, { reminderTime });
      await addLoan(bot, CAR);
      const sent = await bot.ticks('2027-01-10T00:00:00Z', '2027-01-20T00:00:00Z', 30 * MINUTE_MS);
      expect(sent.length, reminderTime).toBeGreaterThan(0);
      for (const d of sent) {
        const time = localStamp(d.at, 'Asia/Shanghai').slice(11);
        expect(time >= '08:00' && time < '21:00', `${reminderTime} → ${time}`).toBe(true);
      }
    }
  });

  it('own quiet hours that do not wrap midnight (12:00–14:00) hold a 13:00 reminder until 14:00', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await bot.say('/start');
    setUser(bot, 1, { reminderTime: '13:00', quietStart: '12:00', quietEnd: '14:00' });
    await addLoan(bot, CAR);
    const sent = await bot.ticks('2027-01-12T00:00:00+08:00', '2027-01-12T23:50:00+08:00', 10 * MINUTE_MS);
    expect(sent.map((d) => localStamp(d.at, 'Asia/Shanghai'))).toEqual(['2027-01-12 14:00']);
  });
});
