import { describe, expect, it } from 'vitest';
import { texts } from '../support/bot.ts';
import { addLoan, CAR, createReminderBot, localStamp, outbox, type ReminderBot } from '../support/reminders.ts';

/* Reminders follow the schedule: an edit moves them, a payment stops them, its undo brings them back. */

const shanghai = (deliveries: { at: Date }[]) => deliveries.map((d) => localStamp(d.at, 'Asia/Shanghai'));

async function moveFirstDue(bot: ReminderBot, to: string) {
  await bot.say('/editloan');
  await bot.pressLabel('Edit');
  await bot.pressLabel('First due date');
  await bot.say(to);
  expect(texts(await bot.pressLabel('Save'))).toContain('Updated "car"');
}

describe('schedule changes move the reminders', () => {
  it('/editloan moving the first due date from 01-15 to 01-20 moves every reminder with it', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    await moveFirstDue(bot, '2027-01-20');
    const sent = await bot.ticks('2027-01-10T00:00:00Z', '2027-01-31T00:00:00Z');
    expect(shanghai(sent)).toEqual([
      '2027-01-17 09:00',
      '2027-01-19 09:00',
      '2027-01-20 09:00',
      '2027-01-21 09:00',
      '2027-01-23 09:00',
      '2027-01-27 09:00',
    ]);
    expect(sent[0]?.message.text).toContain('due 2027-01-20 (Wed), in 3 days');
  });

  it('an edit after a reminder went out: the old date is not reminded again, the new one is', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    expect(shanghai(await bot.ticks('2027-01-10T00:00:00Z', '2027-01-12T12:00:00Z'))).toEqual(['2027-01-12 09:00']);
    bot.clock.set(new Date('2027-01-12T21:00:00+08:00'));
    await moveFirstDue(bot, '2027-01-25');
    const sent = await bot.ticks('2027-01-12T13:00:00Z', '2027-01-26T00:00:00Z');
    expect(shanghai(sent)).toEqual(['2027-01-22 09:00', '2027-01-24 09:00', '2027-01-25 09:00']);
  });

  it('an edit while a reminder is queued but not yet sent (a 429) does not send the stale one', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    bot.sender.answer({ kind: 'retry-after', seconds: 600 });
    await bot.tick('2027-01-12T09:00:00+08:00');
    bot.clock.set(new Date('2027-01-12T09:01:00+08:00'));
    await moveFirstDue(bot, '2027-02-01');
    const sent = await bot.ticks('2027-01-12T01:05:00Z', '2027-01-28T00:00:00Z');
    expect(sent.filter((d) => d.result.kind === 'sent').map((d) => d.message.text)).toEqual([]);
    expect(outbox(bot.db).filter((row) => row.status === 'pending')).toEqual([]);
  });

  it('/undo of the payment brings the reminders back', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    await bot.ticks('2027-01-10T00:00:00Z', '2027-01-15T02:00:00Z'); // 01-12, 01-14, 01-15
    bot.clock.set(new Date('2027-01-15T11:00:00+08:00'));
    await bot.say('/paid');
    await bot.pressLabel('Confirm');
    expect(await bot.ticks('2027-01-15T03:00:00Z', '2027-01-16T12:00:00Z')).toEqual([]);

    // Recorded by mistake: taken back on 01-16 evening, the follow-ups resume (+3 on 01-18).
    bot.clock.set(new Date('2027-01-16T20:00:00+08:00'));
    await bot.say('/undo');
    expect(texts(await bot.pressLabel('Yes, take it back'))).toContain('888.49');
    const sent = await bot.ticks('2027-01-16T12:00:00Z', '2027-01-30T00:00:00Z');
    expect(shanghai(sent)).toEqual(['2027-01-18 09:00', '2027-01-22 09:00', '2027-01-29 09:00']);
    expect(sent[0]?.message.text).toContain('was due 2027-01-15 (Fri), 3 days ago');
  });

  it('/undo on the same day before the due-day reminder: it comes at 09:00 as planned', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    bot.clock.set(new Date('2027-01-13T12:00:00+08:00'));
    await bot.say('/paid');
    await bot.pressLabel('Confirm');
    bot.clock.set(new Date('2027-01-13T12:05:00+08:00'));
    await bot.say('/undo');
    await bot.pressLabel('Yes, take it back');
    const sent = await bot.ticks('2027-01-13T05:00:00Z', '2027-01-16T00:00:00Z');
    expect(shanghai(sent)).toEqual(['2027-01-14 09:00', '2027-01-15 09:00']);
  });

  it('a partial payment keeps the reminders, with the amount still owed', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    expect(shanghai(await bot.ticks('2027-01-10T01:00:00Z', '2027-01-13T04:00:00Z'))).toEqual(['2027-01-12 09:00']);
    await bot.say('/paid 500');
    await bot.pressLabel('Confirm');
    const sent = await bot.ticks('2027-01-13T05:00:00Z', '2027-01-15T02:00:00Z');
    expect(shanghai(sent)).toEqual(['2027-01-14 09:00', '2027-01-15 09:00']);
    expect(sent[0]?.message.text).toContain('car: 388.49 due tomorrow');
  });

  it('deleting the loan stops its reminders', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    await bot.say('/deleteloan');
    const confirm = await bot.pressLabel('Delete');
    expect(texts(confirm)).toBeTruthy();
    expect(await bot.ticks('2027-01-10T00:00:00Z', '2027-01-20T00:00:00Z')).toEqual([]);
  });
});
