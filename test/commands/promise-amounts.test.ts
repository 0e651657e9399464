import { describe, expect, it } from 'vitest';
import { createTestBot, texts, type TestBot } from '../support/bot.ts';

/* Issue 13: amounts are read right wherever they are typed, /promise included: 1 000 and 1e3. */

async function borrower(): Promise<TestBot> {
  const bot = createTestBot({ now: new Date('2027-01-10T08:00:00+08:00') });
  await bot.say('/addloan car 10000 12 months 12% annuity first 2027-01-15');
  await bot.pressLabel('Save');
  bot.clock.set(new Date('2027-01-16T10:00:00+08:00'));
  return bot;
}

describe('/promise amounts', () => {
  it.each(['1 000', '1e3'])('%s is 1,000.00', async (typed) => {
    const bot = await borrower();
    const card = texts(await bot.say(`/promise car 2027-01-25 ${typed}`));
    expect(card).toContain('1,000.00');
    expect(card).not.toContain('Please enter the amount');
  });
});
