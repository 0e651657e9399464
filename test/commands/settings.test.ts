import { describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema.ts';
import { createTestBot, texts } from '../support/bot.ts';

function settingsOf(bot: ReturnType<typeof createTestBot>) {
  const user = bot.db.select().from(users).get();
  if (!user) throw new Error('no user');
  return user;
}

describe('/settings', () => {
  it('shows the defaults: Shanghai, 09:00, 3/1/0 days before, 1/3/7 then weekly for 90 days, quiet 21:00–08:00', async () => {
    const bot = createTestBot();
    const text = texts(await bot.say('/settings'));
    expect(text).toContain('Time zone: Asia/Shanghai');
    expect(text).toContain('Time of day: 09:00');
    expect(text).toContain('Days before the due date: 3, 1, 0');
    expect(text).toContain('If overdue: after 1, 3, 7 days, then weekly, for up to 90 days');
    expect(text).toContain('Quiet hours (nothing is sent): 21:00–08:00');
  });

  it('changes each setting by button or by typing', async () => {
    const bot = createTestBot();
    await bot.say('/settings');
    await bot.pressLabel('Time zone');
    await bot.pressLabel('Europe/London');
    expect(settingsOf(bot).timeZone).toBe('Europe/London');
    await bot.pressLabel('Time of day');
    expect(texts(await bot.say('7:30pm'))).toContain('Time of day: 19:30');
    await bot.pressLabel('Days before');
    expect(texts(await bot.say('5, 2, 0'))).toContain('Days before the due date: 5, 2, 0');
    await bot.pressLabel('When overdue');
    expect(texts(await bot.say('2 5'))).toContain('after 2, 5 days');
    await bot.pressLabel('Quiet hours');
    expect(texts(await bot.say('22:00-07:30'))).toContain('22:00–07:30');
    await bot.pressLabel('Keep reminding until paid');
    expect(settingsOf(bot).overdueStopAfterDays).toBeNull();
    expect(texts(await bot.pressLabel('Pause all'))).toContain('All reminders are paused');
    expect(settingsOf(bot).remindersPaused).toBe(true);
  });

  it.each([
    ['Time zone', 'Mars/Olympus', "I don't know that time zone"],
    ['Time of day', '25:00', 'not a time of day'],
    ['Quiet hours', '21:00-21:00', 'start and an end that differ'],
    ['Days before', '31', 'from 0 to 30'],
    ['Days before', '-1', 'from 0 to 30'],
    ['When overdue', '0', 'from 0 to 30'],
    ['When overdue', '45', 'from 0 to 30'],
  ])('%s "%s" is refused with a reason, asked again, and nothing changes', async (button, typed, reason) => {
    const bot = createTestBot();
    await bot.say('/settings');
    const before = settingsOf(bot);
    await bot.pressLabel(button);
    const reply = texts(await bot.say(typed));
    expect(reply).toContain(reason);
    expect(reply).toMatch(/\?/); // the question again
    expect(settingsOf(bot)).toEqual(before);
  });

  it('pauses and resumes one loan’s reminders', async () => {
    const bot = createTestBot();
    await bot.say('/addloan car 10000 12 months 12% annuity first 2027-01-15');
    await bot.pressLabel('Save');
    await bot.say('/settings');
    await bot.pressLabel('Pause one loan');
    const after = await bot.pressLabel('🔔 car');
    expect(
      after
        .at(-1)
        ?.buttons?.flat()
        .map((b) => b.label),
    ).toEqual(['🔕 car']);
    expect(texts(await bot.say('/settings'))).toContain('Paused for: car');
  });

  it('speaks Chinese', async () => {
    const bot = createTestBot();
    const text = texts(await bot.say('/settings', { lang: 'zh-CN' }));
    expect(text).toContain('提醒时间：09:00');
    expect(text).toContain('免打扰时段（不发送任何消息）：21:00–08:00');
  });
});

describe('/settings shows a fixed offset as people write it', () => {
  it('UTC+8 typed is shown as UTC+8, not Etc/GMT-8', async () => {
    const bot = createTestBot();
    await bot.say('/settings');
    await bot.pressLabel('Time zone');
    const answer = texts(await bot.say('UTC+8'));
    expect(answer).toContain('UTC+8');
    expect(answer).not.toContain('Etc/GMT-8');
  });
});
