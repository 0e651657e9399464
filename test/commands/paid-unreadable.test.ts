import { describe, expect, it } from 'vitest';
import { payments } from '../../src/db/schema.ts';
import { createTestBot, texts, type TestBot } from '../support/bot.ts';

/*
 * Issue 13: /paid with an amount it could not read still offered Confirm for the full installment,
 * an amount nobody typed. Now it says which words it did not understand and asks again; what it
 * did read stays, and the card with Confirm comes once the amount is typed readably.
 */

const CAR = 'car 10000 12 months 12% annuity first 2027-01-15';
const PHONE = 'phone 12000 12 months 0.6% monthly fee first 2026-12-10';

async function addLoan(bot: TestBot, line: string) {
  await bot.say(`/addloan ${line}`);
  await bot.pressLabel('Save');
}

function labels(messages: { buttons?: { label: string }[][] }[]) {
  return messages.flatMap((m) => m.buttons?.flat().map((b) => b.label) ?? []);
}

describe('/paid with words it cannot read', () => {
  it('says what it did not understand, offers no Confirm, and asks again', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    const asked = await bot.say('/paid abc');
    expect(texts(asked)).toContain('“abc”');
    expect(texts(asked)).toContain('Please enter the amount as a number');
    expect(texts(asked)).toContain('How much did you pay to car?');
    expect(texts(asked)).not.toContain('Amount: 888.49');
    expect(labels(asked)).not.toContain('Confirm');

    const card = await bot.say('500');
    expect(texts(card)).toContain('Amount: 500.00');
    await bot.pressLabel('Confirm');
    expect(bot.db.select().from(payments).all()).toEqual([expect.objectContaining({ amount: '500.00' })]);
  });

  it('keeps what it did read (the loan, a date) and asks only again', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await addLoan(bot, PHONE);
    const asked = await bot.say('/paid 2 yesterday 5OO');
    expect(texts(asked)).toContain('“5OO”');
    expect(texts(asked)).toContain('How much did you pay to phone?');
    expect(labels(asked)).not.toContain('Confirm');
    const card = texts(await bot.say('500'));
    expect(card).toContain('Record a payment to phone?');
    expect(card).toContain('Amount: 500.00');
    expect(card).toContain('Date: 2026-11-20');
  });

  it('asked again, an unreadable answer is asked again; Cancel leaves nothing recorded', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await bot.say('/paid abc');
    const again = await bot.say('xyz');
    expect(texts(again)).toContain('“xyz”');
    expect(labels(again)).not.toContain('Confirm');
    expect(texts(await bot.say('/cancel'))).toContain('Cancelled');
    expect(bot.db.select().from(payments).all()).toEqual([]);
  });

  it('on the card, an unreadable word asks again instead of showing Confirm once more', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    const first = await bot.say('/paid');
    const oldConfirm = first.flatMap((m) => m.buttons?.flat() ?? []).find((b) => b.label === 'Confirm');
    const again = await bot.say('abc');
    expect(texts(again)).toContain('“abc”');
    expect(labels(again)).not.toContain('Confirm');
    // The first card's Confirm was for what it showed; pressed now, it asks for the amount instead.
    expect(texts(await bot.press(oldConfirm?.data ?? ''))).toContain('How much did you pay to car?');
    expect(bot.db.select().from(payments).all()).toEqual([]);
    expect(texts(await bot.say('900'))).toContain('Amount: 900.00');
  });
});
