import { describe, expect, it } from 'vitest';
import { createReminderPass } from '../../src/reminders/pass.ts';
import { addLoan, CAR, createReminderBot, FakeSender, localStamp, setLoan, setUser } from '../support/reminders.ts';

/*
 * A due date is the lender's date (issue 9, point 7): the deadline is 23:59 of it where the lender
 * is. Reminders still come at the borrower's reminder time on the borrower's calendar, but
 * before the deadline: the due-day reminder on the borrower's day the deadline falls on, or the
 * day before when the reminder time that day would be too late; overdue ones after it. When the
 * zones differ the message gives the deadline on both clocks.
 *
 * The car (CAR) is due 2027-01-15. New York is UTC−5 in January, London UTC+0, Beijing UTC+8.
 */

const stamps = (deliveries: { at: Date }[], zone: string) => deliveries.map((d) => localStamp(d.at, zone));

describe('a Beijing borrower, a New York lender (the deadline is 12:59 the next day in Beijing)', () => {
  it('every reminder a day later than the due date reads in Beijing, the due-day one on the 16th', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    setLoan(bot, 1, { lenderTimeZone: 'America/New_York' });
    const sent = await bot.ticks('2027-01-10T01:00:00Z', '2027-01-17T12:00:00Z');
    expect(stamps(sent, 'Asia/Shanghai')).toEqual(['2027-01-13 09:00', '2027-01-15 09:00', '2027-01-16 09:00', '2027-01-17 09:00']);
    const texts = sent.map((d) => d.message.text);
    expect(texts[0]).toContain('car: 888.49 due 2027-01-15 (Fri), 23:59 New York time (2027-01-16 (Sat), 12:59 Beijing time), in 3 days');
    expect(texts[2]).toContain('car: 888.49 due TODAY, 2027-01-15 (Fri), 23:59 New York time (2027-01-16 (Sat), 12:59 Beijing time)');
    expect(texts[3]).toContain(
      'car: 888.49 was due 2027-01-15 (Fri), 23:59 New York time (2027-01-16 (Sat), 12:59 Beijing time), yesterday',
    );
  });

  it('in Chinese the deadline is told on both clocks too', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    setUser(bot, 1, { language: 'zh-Hans' });
    setLoan(bot, 1, { lenderTimeZone: 'America/New_York' });
    const [due] = await bot.ticks('2027-01-16T00:00:00Z', '2027-01-16T02:00:00Z');
    expect(due?.message.text).toContain('今天 2027-01-15（周五）纽约时间 23:59（北京时间 2027-01-16（周六） 12:59）应还 888.49');
  });
});

describe('an installment months away, with a New York lender', () => {
  it('is planned again at its look-again in the lender’s zone: its reminders come a day later in Beijing', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, 'tv 3000 6 months 12% annuity first 2027-06-15');
    setLoan(bot, 1, { lenderTimeZone: 'America/New_York' });
    const sent = await bot.ticks('2027-01-10T01:00:00Z', '2027-06-16T12:00:00Z', 3 * 3_600_000);
    expect(stamps(sent, 'Asia/Shanghai')).toEqual(['2027-06-13 09:00', '2027-06-15 09:00', '2027-06-16 09:00']);
    expect(sent[2]?.message.text).toContain('due TODAY, 2027-06-15 (Tue), 23:59 New York time (2027-06-16 (Wed), 11:59 Beijing time)');
  });
});

describe('a Beijing borrower, a London lender (the deadline is 07:59 the next day in Beijing)', () => {
  it('the due-day reminder comes the day before, 09:00 on the 15th, and says tomorrow; overdue from the 16th', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    setLoan(bot, 1, { lenderTimeZone: 'Europe/London' });
    const sent = await bot.ticks('2027-01-10T01:00:00Z', '2027-01-16T12:00:00Z');
    expect(stamps(sent, 'Asia/Shanghai')).toEqual(['2027-01-12 09:00', '2027-01-14 09:00', '2027-01-15 09:00', '2027-01-16 09:00']);
    expect(sent[2]?.message.text).toContain(
      'car: 888.49 due tomorrow, 2027-01-15 (Fri), 23:59 London time (2027-01-16 (Sat), 07:59 Beijing time)',
    );
    expect(sent[3]?.message.text).toContain(
      'was due 2027-01-15 (Fri), 23:59 London time (2027-01-16 (Sat), 07:59 Beijing time), yesterday',
    );
  });
});

describe('a New York borrower reminded at 12:00, a Beijing lender (the deadline is 10:59 New York time)', () => {
  it('the due-day reminder is at 12:00 the day before, and the first overdue one after the deadline', async () => {
    const bot = createReminderBot({ now: '2027-01-08T12:00:00Z' });
    await bot.say('/start');
    setUser(bot, 1, { timeZone: 'America/New_York', reminderTime: '12:00' });
    await addLoan(bot, CAR);
    setLoan(bot, 1, { lenderTimeZone: 'Asia/Shanghai' });
    const sent = await bot.ticks('2027-01-09T00:00:00Z', '2027-01-16T00:00:00Z');
    expect(stamps(sent, 'America/New_York')).toEqual(['2027-01-11 12:00', '2027-01-13 12:00', '2027-01-14 12:00', '2027-01-15 12:00']);
    expect(sent[2]?.message.text).toContain('car: 888.49 due tomorrow, 2027-01-15 (Fri), 23:59 Beijing time (10:59 New York time)');
    expect(sent[3]?.message.text).toContain('was due 2027-01-15 (Fri), 23:59 Beijing time (10:59 New York time)');
    // Each before its deadline or after it, never at it.
    const deadline = Date.parse('2027-01-15T23:59:59+08:00');
    expect(sent.map((d) => d.at.getTime() < deadline)).toEqual([true, true, true, false]);
  });
});

describe('one zone for both', () => {
  it('a lender in the borrower’s own zone changes nothing: same days, same text', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    setLoan(bot, 1, { lenderTimeZone: 'Asia/Shanghai' });
    const sent = await bot.ticks('2027-01-10T01:00:00Z', '2027-01-16T12:00:00Z');
    expect(stamps(sent, 'Asia/Shanghai')).toEqual(['2027-01-12 09:00', '2027-01-14 09:00', '2027-01-15 09:00', '2027-01-16 09:00']);
    expect(sent[2]?.message.text).toContain('car: 888.49 due TODAY, 2027-01-15 (Fri) (installment 1 of 12)');
    expect(sent.every((d) => !d.message.text.includes('Beijing time'))).toBe(true);
  });
});

describe('a loan with no lender zone', () => {
  it('is in the bot’s default zone when the pass is given it: a London borrower reads the Beijing deadline', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00Z' });
    await bot.say('/start');
    setUser(bot, 1, { timeZone: 'Europe/London' });
    await addLoan(bot, CAR);
    setLoan(bot, 1, { lenderTimeZone: null }, { defaultTimeZone: 'Asia/Shanghai' });
    const sender = new FakeSender(bot.clock);
    const pass = createReminderPass({
      db: bot.db,
      clock: bot.clock,
      translator: bot.runtime.translator,
      defaultLocale: 'en',
      logger: bot.runtime.logger,
      sender,
      defaultTimeZone: 'Asia/Shanghai',
    });
    bot.clock.set(new Date('2027-01-15T09:00:00Z'));
    await pass();
    expect(sender.calls.map((d) => d.message.text)).toEqual([
      expect.stringContaining('car: 888.49 due TODAY, 2027-01-15 (Fri), 23:59 Beijing time (15:59 London time)'),
    ]);
  });

  it('is in DEFAULT_TIMEZONE in the running bot: its own passes are given the configured zone', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00Z' });
    await bot.say('/start');
    setUser(bot, 1, { timeZone: 'Europe/London' });
    await addLoan(bot, CAR);
    const [due] = await bot.ticks('2027-01-15T08:00:00Z', '2027-01-15T10:00:00Z');
    expect(due?.message.text).toContain(
      'car: 888.49 due TODAY, 2027-01-15 (Fri), 23:59 Beijing time (15:59 London time) (installment 1 of 12)',
    );
  });
});
