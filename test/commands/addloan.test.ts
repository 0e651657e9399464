import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { installments, loans, payments } from '../../src/db/schema.ts';
import { createTestBot, texts } from '../support/bot.ts';

async function guidedLoan(bot: ReturnType<typeof createTestBot>) {
  await bot.say('/addloan');
  await bot.say('car loan');
  await bot.say('10000');
  await bot.pressLabel('equal installments (annuity)');
  await bot.say('12%');
  await bot.say('12');
  return bot.say('2027-01-15');
}

describe('/addloan guided form', () => {
  it('asks one question at a time and ends with a confirmation card', async () => {
    const bot = createTestBot();
    expect(texts(await bot.say('/addloan'))).toMatch(/\(1\/6\) What is this loan called/);
    expect(texts(await bot.say('car loan'))).toMatch(/\(2\/6\) How much did you borrow/);
    const method = await bot.say('10000');
    expect(
      method
        .at(-1)
        ?.buttons?.flat()
        .map((b) => b.label),
    ).toContain('equal installments (annuity)');
    expect(texts(await bot.pressLabel('equal installments (annuity)'))).toMatch(/\(4\/6\) What is the interest rate/);
    expect(texts(await bot.say('12%'))).toMatch(/\(5\/6\) How many monthly installments/);
    expect(texts(await bot.say('12'))).toMatch(/\(6\/6\) When is the first payment due/);
    const card = await bot.say('2027-01-15');
    const text = texts(card);
    expect(text).toContain('Monthly payment');
    expect(text).toContain('888.49');
    expect(text).toContain('Monthly payment: 888.49 (the last one 888.47)');
    expect(text).toContain('Total interest: 661.86');
    expect(text).toContain('Last payment due: 2027-12-15');
    expect(text).toContain('True annual rate (APR): 12.00%');
    expect(
      card
        .at(-1)
        ?.buttons?.flat()
        .map((b) => b.label),
    ).toEqual(['Save', 'Edit', 'Cancel']);
    expect(bot.db.select().from(loans).all()).toHaveLength(0);
  });

  it('saves the loan with its whole schedule on Save, and /next shows the first installment', async () => {
    const bot = createTestBot();
    await guidedLoan(bot);
    expect(texts(await bot.pressLabel('Save'))).toContain('Saved "car loan"');
    const rows = bot.db.select().from(installments).all();
    expect(rows).toHaveLength(12);
    expect(rows[0]).toMatchObject({ dueDate: '2027-01-15', payment: '888.49', principal: '788.49', interest: '100.00' });
    expect(rows[11]).toMatchObject({ dueDate: '2027-12-15', payment: '888.47' });
    const next = texts(await bot.say('/next'));
    expect(next).toContain('2027-01-15');
    expect(next).toContain('888.49');
    expect(next).toContain('in 55 days');
  });

  it('re-asks with a reason after a bad answer, and keeps what was already answered', async () => {
    const bot = createTestBot();
    await bot.say('/addloan');
    await bot.say('car loan');
    for (const [bad, reason] of [
      ['abc', 'enter the amount as a number'],
      ['0', 'more than zero'],
      ['-5', 'more than zero'],
      ['😀', 'enter the amount as a number'],
    ] as const) {
      const reply = texts(await bot.say(bad));
      expect(reply).toContain(reason);
      expect(reply).toContain('How much did you borrow');
    }
    expect(texts(await bot.say('¥12,000'))).toContain('How is it repaid');
    expect(texts(await bot.pressLabel('equal principal'))).toContain('What is the interest rate');
  });

  it('rejects impossible dates and out-of-range periods, then accepts good ones', async () => {
    const bot = createTestBot();
    await bot.say('/addloan phone 6000 annuity 12%');
    expect(texts(await bot.say('0'))).toContain('between 1 and 600');
    expect(texts(await bot.say('601'))).toContain('between 1 and 600');
    expect(texts(await bot.say('12'))).toContain('When is the first payment due');
    const impossible = texts(await bot.say('2026-02-30'));
    expect(impossible).toContain('does not exist');
    expect(impossible).toContain('When is the first payment due');
    expect(texts(await bot.say('2027-02-28'))).toContain('Please check your loan');
  });

  it('edits one field from the confirmation card and comes back to the card', async () => {
    const bot = createTestBot();
    await guidedLoan(bot);
    await bot.pressLabel('Edit');
    expect(texts(await bot.pressLabel('Amount'))).toContain('How much did you borrow');
    const card = texts(await bot.say('20000'));
    expect(card).toContain('Amount borrowed: 20,000.00');
    expect(card).toContain('1,776.98');
  });

  it('/cancel leaves the form at any step and nothing is written', async () => {
    const bot = createTestBot();
    await bot.say('/addloan');
    await bot.say('car loan');
    expect(texts(await bot.say('/cancel'))).toContain('Cancelled');
    expect(texts(await bot.say('10000'))).toContain("didn't understand");
    expect(bot.db.select().from(loans).all()).toHaveLength(0);
  });

  it('Cancel on the card discards the draft', async () => {
    const bot = createTestBot();
    await guidedLoan(bot);
    expect(texts(await bot.pressLabel('Cancel'))).toContain('Cancelled');
    expect(bot.db.select().from(loans).all()).toHaveLength(0);
  });

  it('a second press of Save (an old button) does not save the loan twice', async () => {
    const bot = createTestBot();
    const card = await guidedLoan(bot);
    const save = card
      .at(-1)
      ?.buttons?.flat()
      .find((b) => b.label === 'Save');
    await bot.press(save?.data ?? '');
    expect(texts(await bot.press(save?.data ?? ''))).toContain('no longer works');
    expect(bot.db.select().from(loans).all()).toHaveLength(1);
  });

  it('an unknown command or a too-long message mid-form gets an answer and the question again', async () => {
    const bot = createTestBot();
    await bot.say('/addloan');
    const unknown = texts(await bot.say('/frobnicate'));
    expect(unknown).toContain("I don't know the command /frobnicate");
    expect(unknown).toContain('What is this loan called');
    const long = texts(await bot.say('x'.repeat(10_000)));
    expect(long).toContain('too long');
    expect(long).toContain('What is this loan called');
  });

  it('survives a restart in the middle of the form', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'repaybot-')), 'bot.sqlite');
    const first = createTestBot({ db: openDatabase(path) });
    await first.say('/addloan');
    await first.say('car loan');
    await first.say('10000');
    first.db.$client.close();

    const second = createTestBot({ db: openDatabase(path) });
    expect(texts(await second.say('/frobnicate'))).toContain('How is it repaid');
    await second.say('annuity');
    await second.say('12%');
    await second.say('12');
    await second.say('2027-01-15');
    await second.pressLabel('Save');
    expect(texts(await second.say('/next'))).toContain('888.49');
  });
});

describe('/addloan in one line', () => {
  it('reads an English line and goes straight to the card', async () => {
    const bot = createTestBot();
    const card = texts(await bot.say('/addloan car loan 10000 12 months 12% apr annuity first 2027-01-15'));
    expect(card).toContain('Name: car loan');
    expect(card).toContain('888.49');
    expect(card).toContain('Please check your loan');
  });

  it('reads a Chinese fee-plan line and shows the true annual rate 13.03%', async () => {
    const bot = createTestBot();
    const card = texts(await bot.say('/addloan 招行分期 12000 12期 月费率0.6% 首期2026-12-10', { lang: 'zh-CN' }));
    expect(card).toContain('名称：招行分期');
    expect(card).toContain('每期还款：1,072.00');
    expect(card).toContain('手续费合计：864.00');
    expect(card).toContain('13.03%');
  });

  it('asks only for what it could not read', async () => {
    const bot = createTestBot();
    const reply = texts(await bot.say('/addloan car loan 10000 12% annuity first 2027-01-15'));
    expect(reply).toContain('How many monthly installments');
    expect(texts(await bot.say('12'))).toContain('888.49');
  });

  it('reports an impossible date found in the line and asks for it', async () => {
    const bot = createTestBot();
    const reply = texts(await bot.say('/addloan car loan 10000 12 months 12% annuity first 2026-02-30'));
    expect(reply).toContain('does not exist');
    expect(reply).toContain('When is the first payment due');
  });
});

describe('loans that are already running', () => {
  it('counts installments due before today as paid, and says so', async () => {
    const bot = createTestBot();
    const card = texts(await bot.say('/addloan old loan 10000 12 months 12% annuity first 2026-09-15'));
    expect(card).toContain('3 installments were due before today');
    await bot.pressLabel('Save');
    expect(bot.db.select().from(payments).all()).toHaveLength(3);
    const next = texts(await bot.say('/next'));
    expect(next).toContain('2026-12-15');
    expect(next).toContain('installment 4 of 12');
  });
});

describe('/addloan in one line: what it could not read', () => {
  it('says which pieces it skipped before asking for them', async () => {
    const bot = createTestBot();
    const reply = texts(await bot.say('/addloan car 10000 6% 月利率1% annuity first 2027-01-15'));
    expect(reply).toContain('I could not tell what this meant, so I will ask: 6%');
    expect(reply).toContain('How many monthly installments');
  });
});

describe('/addloan: a day of the month instead of a date', () => {
  it('"15号" means the next 15th after today', async () => {
    const bot = createTestBot();
    await bot.say('/addloan 车贷 10000 12期 年利率12% 等额本息', { lang: 'zh-CN' });
    const card = texts(await bot.say('15号', { lang: 'zh-CN' }));
    expect(card).toContain('首期还款日：2026-12-15');
  });

  it('"the 31st" clamps to short months and comes back to the 31st', async () => {
    const bot = createTestBot({ now: new Date('2027-01-31T02:00:00Z') });
    await bot.say('/addloan car 10000 3 months 12% annuity');
    expect(texts(await bot.say('the 31st'))).toContain('First due: 2027-02-28');
    await bot.pressLabel('Save');
    const rows = bot.db.select().from(installments).all();
    expect(rows.map((r) => r.dueDate)).toEqual(['2027-02-28', '2027-03-31', '2027-04-30']);
  });
});

describe('/addloan: an interest-free balloon loan already running', () => {
  it('saves, counting its 0.00 months as nothing owed', async () => {
    const bot = createTestBot();
    await bot.say('/addloan friend 1000 3期 先息后本 0% 首期2026-10-01', { lang: 'zh-CN' });
    expect(texts(await bot.pressLabel('保存'))).toContain('Saved "friend"');
    expect(texts(await bot.say('/next', { lang: 'zh-CN' }))).toContain('1,000.00');
  });
});

describe('a quick command in the middle of a long form', () => {
  // Issue 8: a long form no longer blocks /paid; the payment is confirmed in front of it, and
  // the loan form comes back where it was.
  it('/paid in the middle of /addloan does not throw away what was typed', async () => {
    const bot = createTestBot();
    await bot.say('/addloan car 10000 12 months 12% annuity first 2027-01-15');
    await bot.pressLabel('Save');
    await bot.say('/addloan');
    await bot.say('phone');
    expect(texts(await bot.say('/paid'))).toContain('Record a payment to car?\nAmount: 888.49');
    const recorded = texts(await bot.pressLabel('Confirm'));
    expect(recorded).toContain('Recorded 888.49 for car');
    expect(recorded).toContain('Back to adding a loan:');
    expect(recorded).toContain('How much did you borrow');
    expect(texts(await bot.say('6000'))).toContain('How is it repaid');
  });

  it('/next and /status answer without closing the form; /cancel drops the payment first, then the loan', async () => {
    const bot = createTestBot();
    await bot.say('/addloan car 10000 12 months 12% annuity first 2027-01-15');
    await bot.pressLabel('Save');
    await bot.say('/addloan phone');
    expect(texts(await bot.say('/next'))).toContain('888.49');
    await bot.say('/paid');
    expect(texts(await bot.say('/cancel'))).toContain('Back to adding a loan:');
    expect(texts(await bot.say('6000'))).toContain('How is it repaid');
    expect(texts(await bot.say('/cancel'))).not.toContain('Back to');
    expect(texts(await bot.say('/cancel'))).toContain('There is nothing to cancel.');
  });
});
