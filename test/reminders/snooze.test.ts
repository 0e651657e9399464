import { describe, expect, it } from 'vitest';
import { texts } from '../support/bot.ts';
import { addLoan, buttonData, CAR, createReminderBot, localStamp, MINUTE_MS, outbox, type ReminderBot } from '../support/reminders.ts';

/* The Snooze buttons under a reminder: "Later today" (3 hours on) and "Tomorrow" (at the reminder time). */

async function remindedAt(
  at: string,
): Promise<{ bot: ReminderBot; reminder: NonNullable<Awaited<ReturnType<ReminderBot['tick']>>[number]>['message'] }> {
  const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
  await addLoan(bot, CAR);
  const [first] = await bot.tick(at);
  if (!first) throw new Error(`no reminder at ${at}`);
  return { bot, reminder: first.message };
}

const shanghai = (deliveries: { at: Date }[]) => deliveries.map((d) => localStamp(d.at, 'Asia/Shanghai'));

describe('Snooze', () => {
  it('"Later today" pressed at 10:00 brings the reminder back at 13:00, once', async () => {
    const { bot, reminder } = await remindedAt('2027-01-12T09:00:00+08:00');
    bot.clock.set(new Date('2027-01-12T10:00:00+08:00'));
    expect(texts(await bot.press(buttonData(reminder, 'Later today')))).toBe('OK, I will remind you again on 2027-01-12 (Tue) at 13:00.');

    const again = await bot.ticks('2027-01-12T10:00:00+08:00', '2027-01-13T08:50:00+08:00', 10 * MINUTE_MS);
    expect(shanghai(again)).toEqual(['2027-01-12 13:00']);
    expect(again[0]?.message.text).toContain('car: 888.49 due 2027-01-15 (Fri), in 3 days');
    // It is a reminder like any other: with its own buttons, so it can be snoozed again.
    expect(again[0]?.message.buttons?.flat().map((b) => b.label)).toContain('Later today');
  });

  it('"Tomorrow" brings it back at 09:00 the next day', async () => {
    const { bot, reminder } = await remindedAt('2027-01-12T09:00:00+08:00');
    bot.clock.set(new Date('2027-01-12T09:05:00+08:00'));
    expect(texts(await bot.press(buttonData(reminder, 'Tomorrow')))).toBe('OK, I will remind you again on 2027-01-13 (Wed) at 09:00.');
    const again = await bot.ticks('2027-01-12T09:10:00+08:00', '2027-01-13T12:00:00+08:00', 10 * MINUTE_MS);
    expect(shanghai(again)).toEqual(['2027-01-13 09:00']);
    expect(again[0]?.message.text).toContain('in 2 days');
  });

  it('"Later today" in the evening waits for the end of quiet hours', async () => {
    const { bot, reminder } = await remindedAt('2027-01-12T09:00:00+08:00');
    bot.clock.set(new Date('2027-01-12T19:30:00+08:00'));
    expect(texts(await bot.press(buttonData(reminder, 'Later today')))).toBe('OK, I will remind you again on 2027-01-13 (Wed) at 08:00.');
    const again = await bot.ticks('2027-01-12T19:30:00+08:00', '2027-01-13T12:00:00+08:00', 10 * MINUTE_MS);
    expect(shanghai(again)).toEqual(['2027-01-13 08:00']);
  });

  it('pressing the same button twice at once queues it once', async () => {
    const { bot, reminder } = await remindedAt('2027-01-12T09:00:00+08:00');
    bot.clock.set(new Date('2027-01-12T10:00:00+08:00'));
    await bot.press(buttonData(reminder, 'Later today'));
    await bot.press(buttonData(reminder, 'Later today'));
    await bot.press(buttonData(reminder, 'Tomorrow'));
    await bot.press(buttonData(reminder, 'Tomorrow'));
    expect(outbox(bot.db).filter((row) => row.kind.startsWith('snooze'))).toHaveLength(2);
    const again = await bot.ticks('2027-01-12T10:00:00+08:00', '2027-01-13T12:00:00+08:00', 10 * MINUTE_MS);
    expect(shanghai(again)).toEqual(['2027-01-12 13:00', '2027-01-13 09:00']);
  });

  it('"Tomorrow" pressed twice, minutes apart: still one reminder', async () => {
    const { bot, reminder } = await remindedAt('2027-01-12T09:00:00+08:00');
    bot.clock.set(new Date('2027-01-12T09:01:00+08:00'));
    await bot.press(buttonData(reminder, 'Tomorrow'));
    bot.clock.set(new Date('2027-01-12T11:30:00+08:00'));
    await bot.press(buttonData(reminder, 'Tomorrow'));
    const again = await bot.ticks('2027-01-12T11:30:00+08:00', '2027-01-13T12:00:00+08:00', 10 * MINUTE_MS);
    expect(shanghai(again)).toEqual(['2027-01-13 09:00']);
  });

  it('"Later today" double-tapped two seconds apart (across a minute boundary): one reminder, not two', async () => {
    const { bot, reminder } = await remindedAt('2027-01-12T09:00:00+08:00');
    bot.clock.set(new Date('2027-01-12T10:00:59+08:00'));
    await bot.press(buttonData(reminder, 'Later today'));
    bot.clock.set(new Date('2027-01-12T10:01:01+08:00'));
    await bot.press(buttonData(reminder, 'Later today'));
    // The cron pass runs every minute.
    const again = await bot.ticks('2027-01-12T10:02:00+08:00', '2027-01-12T14:00:00+08:00', MINUTE_MS);
    expect(shanghai(again)).toHaveLength(1);
  });

  it('a snoozed reminder for a loan paid meanwhile is not sent', async () => {
    const { bot, reminder } = await remindedAt('2027-01-12T09:00:00+08:00');
    bot.clock.set(new Date('2027-01-12T10:00:00+08:00'));
    await bot.press(buttonData(reminder, 'Later today'));
    await bot.say('/paid');
    await bot.pressLabel('Confirm');
    expect(await bot.ticks('2027-01-12T10:00:00+08:00', '2027-01-13T12:00:00+08:00', 10 * MINUTE_MS)).toEqual([]);
    expect(outbox(bot.db).find((row) => row.kind.startsWith('snooze'))?.status).toBe('dropped');
  });

  it('snoozed to the same morning as the next regular reminder: one message, not two', async () => {
    const { bot, reminder } = await remindedAt('2027-01-14T09:00:00+08:00');
    bot.clock.set(new Date('2027-01-14T09:30:00+08:00'));
    await bot.press(buttonData(reminder, 'Tomorrow'));
    const again = await bot.ticks('2027-01-14T10:00:00+08:00', '2027-01-15T12:00:00+08:00', 10 * MINUTE_MS);
    expect(shanghai(again)).toEqual(['2027-01-15 09:00']);
    expect(again[0]?.message.text).toContain('due TODAY');
  });

  it('another user cannot snooze someone else’s reminder with a forged button', async () => {
    const { bot, reminder } = await remindedAt('2027-01-12T09:00:00+08:00');
    const reply = await bot.press(buttonData(reminder, 'Later today'), { user: 2 });
    expect(texts(reply)).not.toContain('OK, I will remind you');
    expect(outbox(bot.db).filter((row) => row.kind.startsWith('snooze'))).toHaveLength(0);
  });
});
