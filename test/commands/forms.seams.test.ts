import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../src/core/types.ts';
import { openDatabase } from '../../src/db/client.ts';
import { formStates, loans, payments } from '../../src/db/schema.ts';
import { createTestBot, texts, type TestBot } from '../support/bot.ts';

/*
 * The form toolkit as a borrower meets it: a long form (a loan being entered) stays open while
 * quick ones (/paid, a setting) come and go in front of it, and comes back with its question;
 * forms survive a restart; a stored form that no longer reads as its form is dropped, not
 * trusted; /back goes one question back keeping the answers.
 */

const CAR = 'car 10000 12 months 12% annuity first 2027-01-15';
const RESUME = 'Back to adding a loan:';
const ASK_METHOD = 'How is it repaid?';
const ASK_PRINCIPAL = 'How much did you borrow?';
const ASK_NAME = 'What is this loan called?';
const NOT_UNDERSTOOD = "I didn't understand that.";
const NO_EARLIER = 'There is no earlier question to go back to.';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function buttonData(messages: OutgoingMessage[], label: string): string {
  const button = messages.flatMap((m) => m.buttons?.flat() ?? []).find((b) => b.label === label);
  if (!button) throw new Error(`no button "${label}" in: ${texts(messages)}`);
  return button.data;
}

/**
 * The replies say `before` (in this order), then "Back to adding a loan:" and, right after it,
 * the loan form's method question with its buttons last, so the next press or answer finds it.
 */
function resumesAtMethod(messages: OutgoingMessage[], before: string[]): void {
  const text = texts(messages);
  let from = 0;
  for (const part of before) {
    const at = text.indexOf(part, from);
    expect(at, part).toBeGreaterThanOrEqual(from);
    from = at + part.length;
  }
  const resume = text.indexOf(RESUME, from);
  expect(resume, text).toBeGreaterThanOrEqual(from);
  expect(text.slice(resume + RESUME.length).trimStart()).toMatch(/^\(3\/6\) How is it repaid\?/);
  expect(
    messages
      .at(-1)
      ?.buttons?.flat()
      .map((b) => b.label),
  ).toContain('equal installments (annuity)');
}

const openForms = (bot: TestBot) =>
  bot.db
    .select()
    .from(formStates)
    .all()
    .map((row) => `${row.slot}:${row.form}:${row.step}`)
    .sort();

/** A saved loan (so /paid has something to pay), then a second loan half entered: name and amount, at the method question. */
async function halfEnteredLoan(bot: TestBot): Promise<void> {
  await bot.say(`/addloan ${CAR}`);
  await bot.pressLabel('Save');
  await bot.say('/addloan');
  await bot.say('phone');
  expect(texts(await bot.say('6000'))).toContain(ASK_METHOD);
}

/** Finishes the half-entered phone loan from its method question and saves it. */
async function finishPhone(bot: TestBot, first: string): Promise<OutgoingMessage[]> {
  await bot.say(first);
  await bot.say('12%');
  await bot.say('6');
  const card = await bot.say('2027-01-15');
  expect(texts(card)).toContain('Please check your loan');
  return card;
}

describe('a long form with quick forms in front of it', () => {
  it('/paid opens its card in front, records, and the loan form resumes with its question', async () => {
    const bot = createTestBot();
    await halfEnteredLoan(bot);
    const card = await bot.say('/paid car');
    expect(texts(card)).toContain('Record a payment to car?');
    expect(texts(card)).not.toContain('You are in the middle of');
    expect(openForms(bot)).toEqual(['long:addloan:method', 'quick:paid:confirm']);

    // Typed text goes to the card in front, not to the loan form.
    expect(texts(await bot.say('500'))).toContain('Amount: 500.00');
    const done = await bot.press(buttonData(card, 'Confirm'));
    resumesAtMethod(done, ['Recorded 500.00 for car.']);
    // The method question comes back with its buttons, which work.
    expect(texts(await bot.press(buttonData(done, 'equal installments (annuity)')))).toContain('What is the interest rate?');
    expect(bot.db.select().from(payments).all()).toEqual([expect.objectContaining({ amount: '500.00' })]);
  });

  it('a setting typed in front of it is saved, then the loan form resumes; /next and /status leave it as it was', async () => {
    const bot = createTestBot();
    await halfEnteredLoan(bot);
    const summary = await bot.say('/settings');
    expect(texts(summary)).toContain('Your reminders');
    expect(texts(await bot.press(buttonData(summary, 'Time of day')))).toContain('At what time of day should reminders come?');
    const saved = await bot.say('08:30');
    resumesAtMethod(saved, ['Saved. Your reminders follow the new settings.', 'Time of day: 08:30']);

    const next = texts(await bot.say('/next'));
    expect(next).toContain('Next due: 2027-01-15');
    expect(next).not.toContain(RESUME);
    expect(texts(await bot.say('/status'))).toContain('Nothing is overdue');
    expect(openForms(bot)).toEqual(['long:addloan:method']);

    // The loan form got every answer it was given, and nothing that went to the quick forms.
    const card = texts(await finishPhone(bot, 'annuity'));
    expect(card).toContain('Name: phone');
    expect(card).toContain('Amount borrowed: 6,000.00');
    await bot.pressLabel('Save');
    expect(
      bot.db
        .select()
        .from(loans)
        .all()
        .map((l) => [l.name, l.principal]),
    ).toEqual([
      ['car', '10000.00'],
      ['phone', '6000.00'],
    ]);
  });

  it('/cancel drops the quick form first, then the long one', async () => {
    const bot = createTestBot();
    await halfEnteredLoan(bot);
    await bot.say('/paid');
    const first = await bot.say('/cancel');
    resumesAtMethod(first, ['Cancelled. Nothing was saved.']);
    expect(openForms(bot)).toEqual(['long:addloan:method']);
    expect(bot.db.select().from(payments).all()).toEqual([]);

    expect(texts(await bot.say('/cancel'))).toBe('Cancelled. Nothing was saved.');
    expect(openForms(bot)).toEqual([]);
    expect(texts(await bot.say('annuity'))).toContain(NOT_UNDERSTOOD);
    expect(texts(await bot.say('/cancel'))).toBe('There is nothing to cancel.');
  });

  it('a second long form is refused while one is open, but a new /addloan restarts the same one', async () => {
    const bot = createTestBot();
    await halfEnteredLoan(bot);
    expect(texts(await bot.say('/editloan car'))).toContain('You are in the middle of adding a loan.');
    expect(openForms(bot)).toEqual(['long:addloan:method']);
    expect(texts(await bot.say('/addloan'))).toContain(ASK_NAME);
  });
});

describe('after a restart', () => {
  it('a half-entered loan and the /paid card in front of it both finish on a new bot over the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'repaybot-forms-'));
    dirs.push(dir);
    const path = join(dir, 'bot.sqlite');
    const first = createTestBot({ db: openDatabase(path) });
    await halfEnteredLoan(first);
    const card = await first.say('/paid car 700');
    expect(texts(card)).toContain('Amount: 700.00');
    first.db.$client.close();

    const second = createTestBot({ db: openDatabase(path) });
    // Text still goes to the card in front; its old Confirm button still works.
    expect(texts(await second.say('2026-11-20'))).toContain('Date: 2026-11-20 (Fri)');
    const done = await second.press(buttonData(card, 'Confirm'));
    resumesAtMethod(done, ['Recorded 700.00 for car.']);
    expect(second.db.select().from(payments).all()).toEqual([expect.objectContaining({ amount: '700.00', paidOn: '2026-11-20' })]);

    const loanCard = texts(await finishPhone(second, 'annuity'));
    expect(loanCard).toContain('Name: phone');
    expect(loanCard).toContain('Amount borrowed: 6,000.00');
    expect(texts(await second.pressLabel('Save'))).toContain('Saved "phone".');
    expect(second.db.select().from(loans).all()).toHaveLength(2);
    second.db.$client.close();
  });
});

describe('a stored form that no longer reads as its form', () => {
  function spoil(bot: TestBot, form: string, data: string) {
    const changed = bot.db.$client.prepare('UPDATE form_states SET data = ? WHERE form = ?').run(data, form).changes;
    expect(changed).toBe(1);
  }

  it('a /paid card with a loan id that is not a number: dropped, nothing recorded, the user gets an answer', async () => {
    const bot = createTestBot();
    await bot.say(`/addloan ${CAR}`);
    await bot.pressLabel('Save');
    const card = await bot.say('/paid');
    spoil(bot, 'paid', JSON.stringify({ loanId: 'x', amount: '888.49', date: '2026-11-21' }));

    const answer = await bot.say('500');
    expect(texts(answer)).toContain(NOT_UNDERSTOOD);
    expect(texts(answer)).not.toContain('went wrong');
    expect(openForms(bot)).toEqual([]);
    expect(await bot.press(buttonData(card, 'Confirm'))).toEqual([
      { chatId: 1, text: 'That button belongs to an older message and no longer works.' },
    ]);
    expect(bot.db.select().from(payments).all()).toEqual([]);
    // A new /paid works as ever.
    expect(texts(await bot.say('/paid'))).toContain('Record a payment to car?');
  });

  it('a /paid card whose amount is a float: its Confirm does not record it', async () => {
    const bot = createTestBot();
    await bot.say(`/addloan ${CAR}`);
    await bot.pressLabel('Save');
    const card = await bot.say('/paid');
    const loanId = bot.db.select().from(loans).get()?.id;
    spoil(bot, 'paid', JSON.stringify({ loanId, amount: 1e21, date: '2026-11-21' }));
    expect((await bot.press(buttonData(card, 'Confirm')))[0]?.text).toBe('That button belongs to an older message and no longer works.');
    expect(bot.db.select().from(payments).all()).toEqual([]);
    expect(openForms(bot)).toEqual([]);
  });

  it('a loan form with an amount that is an object: dropped, and the next text gets an answer', async () => {
    const bot = createTestBot();
    await bot.say('/addloan');
    await bot.say('car');
    spoil(bot, 'addloan', JSON.stringify({ name: 'car', principal: { evil: true } }));
    const answer = texts(await bot.say('10000'));
    expect(answer).toContain(NOT_UNDERSTOOD);
    expect(answer).not.toContain('went wrong');
    expect(openForms(bot)).toEqual([]);
    expect(bot.db.select().from(loans).all()).toEqual([]);
    expect(texts(await bot.say('/addloan'))).toContain(ASK_NAME);
  });

  /*
   * Known bug (reported, left failing): form_states.data and .history are JSON columns that
   * drizzle parses on read, before the form's schema is asked; data that is not JSON throws
   * inside findForm, and history is not validated at all. The borrower then gets "something went
   * wrong" for every message that looks at the form: for a quick form that is every message.
   */
  it('a loan form whose data is not JSON at all is dropped, and the borrower is not locked out', async () => {
    const bot = createTestBot();
    await bot.say('/addloan');
    await bot.say('car');
    spoil(bot, 'addloan', '{not json');
    const answer = texts(await bot.say('10000'));
    expect(answer).not.toContain('went wrong');
    expect(texts(await bot.say('/cancel'))).not.toContain('went wrong');
    expect(texts(await bot.say('/addloan'))).toContain(ASK_NAME);
  });

  it('a /paid card whose data is not JSON at all is dropped, and the borrower is not locked out', async () => {
    const bot = createTestBot();
    await bot.say(`/addloan ${CAR}`);
    await bot.pressLabel('Save');
    await bot.say('/paid');
    spoil(bot, 'paid', 'garbage');
    expect(texts(await bot.say('500'))).not.toContain('went wrong');
    expect(texts(await bot.say('/help'))).toContain('What I can do:');
    expect(texts(await bot.say('/paid'))).toContain('Record a payment to car?');
    expect(bot.db.select().from(payments).all()).toEqual([]);
  });

  it('a loan form whose step history is not a list does not break the next answer or /back', async () => {
    const bot = createTestBot();
    await bot.say('/addloan');
    await bot.say('car');
    const changed = bot.db.$client.prepare("UPDATE form_states SET history = '{}' WHERE form = 'addloan'").run().changes;
    expect(changed).toBe(1);
    const answer = texts(await bot.say('10000'));
    expect(answer).not.toContain('went wrong');
    expect(texts(await bot.say('/back'))).not.toContain('went wrong');
  });
});

describe('/back', () => {
  it('goes one question back in /addloan, keeping the answers; the card shows the new amount', async () => {
    const bot = createTestBot();
    await bot.say('/addloan');
    await bot.say('car');
    expect(texts(await bot.say('10000'))).toContain(ASK_METHOD);
    expect(texts(await bot.say('/back'))).toContain(ASK_PRINCIPAL);
    expect(texts(await bot.say('20000'))).toContain(ASK_METHOD);
    await bot.say('annuity');
    await bot.say('12%');
    await bot.say('12');
    const card = texts(await bot.say('2027-01-15'));
    expect(card).toContain('Name: car');
    expect(card).toContain('Amount borrowed: 20,000.00');
    expect(card).not.toContain('10,000.00');
    await bot.pressLabel('Save');
    expect(bot.db.select().from(loans).get()?.principal).toBe('20000.00');
  });

  it('goes back step by step to the first question, then says there is none before it', async () => {
    const bot = createTestBot();
    await bot.say('/addloan');
    await bot.say('car');
    await bot.say('10000');
    expect(texts(await bot.say('/back'))).toContain(ASK_PRINCIPAL);
    expect(texts(await bot.say('/back'))).toContain(ASK_NAME);
    expect(texts(await bot.say('/back'))).toBe(NO_EARLIER);
    // Still at the first question: the answer goes to it, and the amount given before is kept,
    // so the next question is the first one still missing.
    expect(texts(await bot.say('motorbike'))).toContain(ASK_METHOD);
    for (const answer of ['annuity', '12%', '12']) await bot.say(answer);
    const card = texts(await bot.say('2027-01-15'));
    expect(card).toContain('Name: motorbike');
    expect(card).toContain('Amount borrowed: 10,000.00');
  });

  it('from the card goes back to the last question, and the card comes again after it', async () => {
    const bot = createTestBot();
    await bot.say('/addloan');
    for (const answer of ['car', '10000', 'annuity', '12%', '12']) await bot.say(answer);
    expect(texts(await bot.say('2027-01-15'))).toContain('Please check your loan');
    expect(texts(await bot.say('/back'))).toContain('When is the first payment due?');
    expect(texts(await bot.say('2027-02-15'))).toContain('2027-02-15');
  });

  it('at the first question says there is none before it', async () => {
    const bot = createTestBot();
    expect(texts(await bot.say('/addloan'))).toContain(ASK_NAME);
    expect(texts(await bot.say('/back'))).toBe(NO_EARLIER);
  });

  it('with no form open says the same', async () => {
    const bot = createTestBot();
    expect(texts(await bot.say('/back'))).toBe(NO_EARLIER);
    expect(texts(await bot.say('/back', { lang: 'zh-CN' }))).toBe('没有可以返回的上一个问题。');
  });

  it('with a /paid card in front, the card has no earlier question, and the loan form behind is not moved', async () => {
    const bot = createTestBot();
    await halfEnteredLoan(bot);
    await bot.say('/paid');
    expect(texts(await bot.say('/back'))).toBe(NO_EARLIER);
    expect(openForms(bot)).toEqual(['long:addloan:method', 'quick:paid:confirm']);
  });
});
