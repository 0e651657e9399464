import { describe, expect, it } from 'vitest';
import { loans } from '../../src/db/schema.ts';
import { createTestBot, texts, type TestBot } from '../support/bot.ts';

/* "You are in the middle of …" names the form that is open: adding a loan, or editing which one. */

const CAR = 'car 10000 12 months 12% annuity first 2027-01-15';
const PHONE = 'phone 12000 12 months 0.6% monthly fee first 2026-12-10';

async function addLoan(bot: TestBot, line: string) {
  await bot.say(`/addloan ${line}`);
  await bot.pressLabel('Save');
}

describe('a long form in the way', () => {
  it('while a loan is being edited, says which loan, in English and Chinese', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await addLoan(bot, PHONE);
    expect(texts(await bot.say('/editloan car'))).toContain('Please check the new terms');
    expect(texts(await bot.say('/editloan phone'))).toContain('You are in the middle of editing car.');
    await bot.say('/language zh-Hans');
    expect(texts(await bot.say('/editloan phone'))).toContain('你正在修改“car”。');
  });

  it('a new /addloan does not throw away a half-done edit', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await bot.say('/editloan');
    expect(texts(await bot.say('/addloan'))).toContain('You are in the middle of editing car.');
    // The edit is still open: /cancel drops it, and then /addloan starts.
    expect(texts(await bot.say('/cancel'))).toContain('Cancelled');
    expect(texts(await bot.say('/addloan'))).toContain('What is this loan called?');
    expect(bot.db.select().from(loans).all()).toHaveLength(1);
  });

  it('while a loan is being added, says so', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await bot.say('/addloan');
    await bot.say('phone');
    expect(texts(await bot.say('/editloan car'))).toContain('You are in the middle of adding a loan.');
  });
});
