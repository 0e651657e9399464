import { describe, expect, it } from 'vitest';
import { payments } from '../../src/db/schema.ts';
import { createTestBot, texts, type TestBot } from '../support/bot.ts';

/*
 * Issue 13: a settings button from an old message silently discarded the form being filled in
 * (/addloan open, a payment being confirmed in front of it, then an old /settings button).
 */

async function addLoan(bot: TestBot) {
  await bot.say('/addloan car 10000 12 months 12% annuity first 2027-01-15');
  await bot.pressLabel('Save');
}

function dataOf(messages: { buttons?: { label: string; data: string }[][] }[], label: string): string {
  const button = messages.flatMap((m) => m.buttons?.flat() ?? []).find((b) => b.label === label);
  if (!button) throw new Error(`no button ${label}`);
  return button.data;
}

describe('an old settings button', () => {
  it('does not discard the payment being confirmed, nor the loan being added behind it', async () => {
    const bot = createTestBot();
    await addLoan(bot);
    const settings = await bot.say('/settings');
    await bot.say('/addloan');
    await bot.say('phone');
    const card = await bot.say('/paid 500');
    const refused = texts(await bot.press(dataOf(settings, 'Time of day')));
    expect(refused).toContain('You are in the middle of recording a payment');
    // Typed text still goes to the payment, whose Confirm still records it.
    expect(texts(await bot.say('600'))).toContain('Amount: 600.00');
    const recorded = texts(await bot.press(dataOf(card, 'Confirm')));
    expect(bot.db.select().from(payments).all()).toEqual([expect.objectContaining({ amount: '600.00' })]);
    // …and the loan being added comes back where it was.
    expect(recorded).toContain('Back to adding a loan');
    expect(recorded).toContain('How much did you borrow?');
  });

  it('names an open /forget or /import instead of failing (there was no form-name message for them)', async () => {
    const bot = createTestBot();
    const settings = await bot.say('/settings');
    await bot.say('/forget');
    expect(texts(await bot.press(dataOf(settings, 'Days before')))).toContain('You are in the middle of erasing your data');
    expect(texts(await bot.say('/settings', { user: 2, lang: 'zh-CN' }))).toContain('提醒');
    await bot.say('/forget', { user: 2, lang: 'zh-CN' });
    expect(texts(await bot.press(dataOf(settings, 'Days before'), { user: 2, lang: 'zh-CN' }))).toContain('你正在删除你的全部数据');
  });

  it('a value button from an old message saves the value and leaves the payment open', async () => {
    const bot = createTestBot();
    await addLoan(bot);
    await bot.say('/settings');
    const asked = await bot.pressLabel('Quiet hours');
    await bot.say('/cancel');
    await bot.say('/paid 500');
    // 21:00-08:00 is fine; a time inside quiet hours is refused and would ask again.
    await bot.press(dataOf(asked, '21:00-08:00'));
    expect(texts(await bot.say('600'))).toContain('Amount: 600.00');
  });

  it('with only a long form open, the setting opens in front of it as before', async () => {
    const bot = createTestBot();
    await addLoan(bot);
    const settings = await bot.say('/settings');
    await bot.say('/addloan');
    expect(texts(await bot.press(dataOf(settings, 'Time of day')))).toContain('At what time of day');
    expect(texts(await bot.say('09:00'))).toContain('Back to adding a loan');
  });
});
