import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../src/core/types.ts';
import { loans, payments } from '../../src/db/schema.ts';
import { createTestBot, texts, type TestBot } from '../support/bot.ts';
import { snapshot } from '../support/db-snapshot.ts';

/*
 * Destructive confirmations (/deleteloan, /undo) are single-use: once answered either way, or
 * once a newer question has been asked, the old message's buttons do nothing but say so.
 */

const STALE = 'That button belongs to an older message and no longer works.';
const CAR = 'car 10000 12 months 12% annuity first 2027-01-15';
const PHONE = 'phone 6000 6 months 12% annuity first 2027-01-15';

function buttonData(messages: OutgoingMessage[], label: string): string {
  const button = messages.flatMap((m) => m.buttons?.flat() ?? []).find((b) => b.label === label);
  if (!button) throw new Error(`no button "${label}" in: ${texts(messages)}`);
  return button.data;
}

async function withLoan(line = CAR, user = 1): Promise<TestBot> {
  const bot = createTestBot();
  await bot.say(`/addloan ${line}`, { user });
  await bot.pressLabel('Save', { user });
  return bot;
}

const loanNames = (bot: TestBot) =>
  bot.db
    .select()
    .from(loans)
    .all()
    .map((loan) => loan.name);
const paymentAmounts = (bot: TestBot) =>
  bot.db
    .select()
    .from(payments)
    .all()
    .map((p) => p.amount);

describe('/deleteloan', () => {
  it('after Keep, the same message’s Delete does nothing', async () => {
    const bot = await withLoan();
    const question = await bot.say('/deleteloan');
    expect(texts(await bot.press(buttonData(question, 'Keep it')))).toBe('Kept. Nothing was deleted.');
    const before = snapshot(bot.db);
    expect(await bot.press(buttonData(question, 'Delete'))).toEqual([{ chatId: 1, text: STALE }]);
    expect(snapshot(bot.db)).toEqual(before);
    expect(loanNames(bot)).toEqual(['car']);
  });

  it('after Delete, the same message’s Delete and Keep both answer stale', async () => {
    const bot = await withLoan();
    const question = await bot.say('/deleteloan');
    expect(texts(await bot.press(buttonData(question, 'Delete')))).toBe('Deleted car.');
    expect(await bot.press(buttonData(question, 'Delete'))).toEqual([{ chatId: 1, text: STALE }]);
    expect(await bot.press(buttonData(question, 'Keep it'))).toEqual([{ chatId: 1, text: STALE }]);
  });

  it('a second /deleteloan makes the first question’s Delete stale; the second one works', async () => {
    const bot = await withLoan();
    await bot.say(`/addloan ${PHONE}`);
    await bot.pressLabel('Save');
    const first = await bot.say('/deleteloan car');
    const second = await bot.say('/deleteloan phone');
    const stale = await bot.press(buttonData(first, 'Delete'));
    expect(stale[0]).toEqual({ chatId: 1, text: STALE });
    // The question still open is shown again.
    expect(stale.slice(1)).toEqual(second);
    expect(loanNames(bot)).toEqual(['car', 'phone']);
    expect(texts(await bot.press(buttonData(second, 'Delete')))).toBe('Deleted phone.');
    expect(loanNames(bot)).toEqual(['car']);
  });

  it('an /undo question after it makes its buttons stale', async () => {
    const bot = await withLoan();
    await bot.say('/paid');
    await bot.pressLabel('Confirm');
    const question = await bot.say('/deleteloan');
    const undo = await bot.say('/undo');
    const stale = await bot.press(buttonData(question, 'Delete'));
    expect(stale[0]).toEqual({ chatId: 1, text: STALE });
    expect(stale.slice(1)).toEqual(undo);
    expect(loanNames(bot)).toEqual(['car']);
  });

  it('a /paid card after it makes its buttons stale', async () => {
    const bot = await withLoan();
    const question = await bot.say('/deleteloan');
    const card = await bot.say('/paid');
    const stale = await bot.press(buttonData(question, 'Delete'));
    expect(stale[0]).toEqual({ chatId: 1, text: STALE });
    expect(stale.slice(1)).toEqual(card);
    expect(loanNames(bot)).toEqual(['car']);
    // Keep from the old question does not close the card in front either.
    expect((await bot.press(buttonData(question, 'Keep it')))[0]).toEqual({ chatId: 1, text: STALE });
    expect(texts(await bot.press(buttonData(card, 'Confirm')))).toContain('Recorded 888.49 for car.');
  });

  it('another user pressing the owner’s Delete gets the stale answer; the owner’s question still works', async () => {
    const bot = await withLoan();
    await bot.say('/start', { user: 2 });
    const question = await bot.say('/deleteloan');
    const before = snapshot(bot.db);
    expect(await bot.press(buttonData(question, 'Delete'), { user: 2 })).toEqual([{ chatId: 2, text: STALE }]);
    expect(await bot.press(buttonData(question, 'Keep it'), { user: 2 })).toEqual([{ chatId: 2, text: STALE }]);
    expect(snapshot(bot.db)).toEqual(before);
    expect(texts(await bot.press(buttonData(question, 'Delete')))).toBe('Deleted car.');
  });
});

describe('/undo', () => {
  async function twoPayments(): Promise<TestBot> {
    const bot = await withLoan();
    await bot.say('/paid 100');
    await bot.pressLabel('Confirm');
    await bot.say('/paid 200');
    await bot.pressLabel('Confirm');
    return bot;
  }

  it('pressing "Yes, take it back" twice undoes once', async () => {
    const bot = await twoPayments();
    const question = await bot.say('/undo');
    expect(texts(question)).toContain('Take back the payment of 200.00 to car');
    const yes = buttonData(question, 'Yes, take it back');
    expect(texts(await bot.press(yes))).toContain('Taken back: 200.00 for car.');
    expect(await bot.press(yes)).toEqual([{ chatId: 1, text: STALE }]);
    expect(paymentAmounts(bot)).toEqual(['100.00']);
  });

  it('after Keep, the same message’s "Yes, take it back" does nothing', async () => {
    const bot = await twoPayments();
    const question = await bot.say('/undo');
    expect(texts(await bot.press(buttonData(question, 'Keep it')))).toBe('Nothing changed.');
    expect(await bot.press(buttonData(question, 'Yes, take it back'))).toEqual([{ chatId: 1, text: STALE }]);
    expect(paymentAmounts(bot)).toEqual(['100.00', '200.00']);
  });

  it('a second /undo makes the first question stale, even when it asks about the same payment', async () => {
    const bot = await twoPayments();
    const first = await bot.say('/undo');
    const second = await bot.say('/undo');
    expect(texts(second)).toBe(texts(first));
    const stale = await bot.press(buttonData(first, 'Yes, take it back'));
    expect(stale[0]).toEqual({ chatId: 1, text: STALE });
    expect(paymentAmounts(bot)).toEqual(['100.00', '200.00']);
    expect(texts(await bot.press(buttonData(second, 'Yes, take it back')))).toContain('Taken back: 200.00');
  });

  it('a /paid card after it makes its buttons stale; the new payment is what a new /undo asks about', async () => {
    const bot = await twoPayments();
    const question = await bot.say('/undo');
    await bot.say('/paid 300');
    expect((await bot.press(buttonData(question, 'Yes, take it back')))[0]).toEqual({ chatId: 1, text: STALE });
    expect(paymentAmounts(bot)).toEqual(['100.00', '200.00']);
    await bot.pressLabel('Confirm');
    expect(texts(await bot.say('/undo'))).toContain('Take back the payment of 300.00 to car');
  });

  it('a /deleteloan question after it makes its buttons stale', async () => {
    const bot = await twoPayments();
    const question = await bot.say('/undo');
    await bot.say('/deleteloan');
    expect((await bot.press(buttonData(question, 'Yes, take it back')))[0]).toEqual({ chatId: 1, text: STALE });
    expect(paymentAmounts(bot)).toEqual(['100.00', '200.00']);
  });

  it('another user pressing the owner’s "Yes, take it back" gets the stale answer and undoes nothing', async () => {
    const bot = await twoPayments();
    await bot.say(`/addloan ${PHONE}`, { user: 2 });
    await bot.pressLabel('Save', { user: 2 });
    await bot.say('/paid', { user: 2 });
    await bot.pressLabel('Confirm', { user: 2 });
    const question = await bot.say('/undo');
    const before = snapshot(bot.db);
    expect(await bot.press(buttonData(question, 'Yes, take it back'), { user: 2 })).toEqual([{ chatId: 2, text: STALE }]);
    expect(snapshot(bot.db)).toEqual(before);
    expect(texts(await bot.press(buttonData(question, 'Yes, take it back')))).toContain('Taken back: 200.00 for car.');
  });
});
