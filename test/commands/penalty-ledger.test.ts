import { describe, expect, it } from 'vitest';
import { loans, penaltyEntries } from '../../src/db/schema.ts';
import { createTestBot, texts, type TestBot } from '../support/bot.ts';

/*
 * Issue 9, points 1 and 2, as a borrower meets them: penalty already charged stays owed after a
 * part payment, the loan is settled only when it is paid or waived, the lender's own figure
 * replaces the estimate, and a loan paid off with /payoff stays settled whatever is edited.
 */

/** 10:00 in Shanghai on that day. */
const at = (day: string) => new Date(`${day}T02:00:00Z`);

/** 1,299 bought now, paid later on 2027-01-15 under the BNPL rules: 0.05 %/day on the whole overdue amount after 3 days' grace. */
const BNPL = 'earbuds 1299 buy now pay later first 2027-01-15';

async function addLoan(bot: TestBot, line: string, save = 'Save') {
  await bot.say(`/addloan ${line}`);
  await bot.pressLabel(save);
}

/** A BNPL line asks whether there is a fee on top: none. */
async function addBnpl(bot: TestBot, line = BNPL, save = 'Save') {
  await bot.say(`/addloan ${line}`);
  await bot.say('0');
  await bot.pressLabel(save);
}

async function pay(bot: TestBot, args: string, confirm = 'Confirm') {
  await bot.say(`/paid ${args}`);
  return texts(await bot.pressLabel(confirm));
}

describe('a BNPL purchase paid late (1,299, 0.05 %/day)', () => {
  it('keeps the 6.50 of penalty after a 1,000 payment and is not paid off until the penalty is', async () => {
    const bot = createTestBot();
    await addBnpl(bot);
    bot.clock.set(at('2027-01-25'));
    // 1,299 × 0.05 % × 10 days = 6.50.
    expect(texts(await bot.say('/status'))).toContain('earbuds: 1,299.00 overdue, penalty so far 6.50');
    // /paid proposes the installment with its penalty to date.
    expect(texts(await bot.say('/paid'))).toContain('Amount: 1,305.50');
    await bot.say('/cancel');

    // Civil Code order: the 6.50 of penalty first, then 993.50 of the price.
    const partly = await pay(bot, 'earbuds 1000');
    expect(partly).toContain('Still owed on this loan: 305.50');
    expect(texts(await bot.say('/status'))).toContain('earbuds: 305.50 overdue, penalty so far 0.00');

    // The 299 the old view asked for leaves 6.50 owed: not paid off.
    const rest = await pay(bot, 'earbuds 299');
    expect(rest).not.toContain('Paid off');
    expect(texts(await bot.say('/loans'))).not.toContain('Paid off');
    expect(texts(await bot.say('/status'))).toContain('earbuds: 6.50 overdue');
    // /schedule reads the same ledger: not ticked off, 6.50 of it still due (the penalty was paid first).
    const schedule = texts(await bot.say('/schedule'));
    expect(schedule).toContain('⚠️ 1.');
    expect(schedule).toContain('partly paid: 6.50 still due');

    expect(await pay(bot, 'earbuds 6.50')).toContain('Paid off. 🎉');
    expect(texts(await bot.say('/status'))).toContain('Nothing is overdue, and nothing is due.');
  });

  it('the same in simplified Chinese', async () => {
    const bot = createTestBot();
    await bot.say('/language zh-Hans');
    await addBnpl(bot, '耳机 1299 先享后付 首期2027-01-15', '保存');
    bot.clock.set(at('2027-01-25'));
    await pay(bot, '耳机 1000', '确认');
    await pay(bot, '耳机 299', '确认');
    const status = texts(await bot.say('/status'));
    expect(status).toContain('6.50');
    expect(texts(await bot.say('/loans'))).not.toContain('已结清');
  });
});

describe("the lender's own figure and a waiver (/penalty)", () => {
  it('replaces the estimate with the figure typed, and a waiver clears what was charged', async () => {
    const bot = createTestBot();
    await addBnpl(bot);
    bot.clock.set(at('2027-01-25'));
    expect(texts(await bot.say('/penalty'))).toContain('repaybot estimates 6.50 of penalty and late fees so far');
    expect(texts(await bot.say('12.30'))).toContain('the lender charged 12.30 on installment 1 of earbuds');
    expect(texts(await bot.say('/status'))).toContain('penalty so far 12.30');
    expect(texts(await bot.say('/paid'))).toContain('Amount: 1,311.30');
    await bot.say('/cancel');

    await bot.say('/penalty');
    expect(texts(await bot.pressLabel('The lender waived it'))).toContain('Still owed on this loan: 1,299.00');
    expect(texts(await bot.say('/status'))).toContain('penalty so far 0.00');
    expect(
      bot.db
        .select()
        .from(penaltyEntries)
        .all()
        .map((e) => e.kind),
    ).toEqual(['charged', 'waived']);
  });

  it('refuses a negative figure, one above the whole loan, and a waiver with nothing charged, recording nothing', async () => {
    const bot = createTestBot();
    await addBnpl(bot);
    bot.clock.set(at('2027-01-25'));
    await bot.say('/penalty');
    expect(texts(await bot.say('-5'))).toContain('repaybot estimates 6.50');
    expect(texts(await bot.say('5000'))).toContain('5,000.00 is more than the whole loan (1,299.00)');
    expect(bot.db.select().from(penaltyEntries).all()).toEqual([]);

    // Paid in full within grace: nothing is charged, so nothing can be waived.
    const onTime = createTestBot();
    await addBnpl(onTime);
    onTime.clock.set(at('2027-01-17'));
    await pay(onTime, '1299');
    expect(texts(await onTime.say('/penalty'))).toContain('no penalty to record');
  });
});

describe('a bank-style loan (10,000 at 12 %, × 1.5 penalty)', () => {
  it('keeps the 13.33 charged on installment 1 after a payment of the installment amount', async () => {
    const bot = createTestBot();
    await addLoan(bot, 'car 10000 12 months 12% annuity first 2027-01-15');
    bot.clock.set(at('2027-02-14'));
    // domain.md §3: 11.83 on the principal + 1.50 on the interest.
    expect(texts(await bot.say('/status'))).toContain('penalty so far 13.33');
    await pay(bot, 'car 888.49');
    expect(texts(await bot.say('/status'))).toContain('car: 13.33 overdue');
  });
});

describe('a settlement is final (point 2)', () => {
  async function paidOff(bot: TestBot) {
    await addLoan(bot, 'car 10000 12 months 12% annuity first 2027-01-15');
    for (const day of ['2027-01-15', '2027-02-15', '2027-03-15']) {
      bot.clock.set(at(day));
      await pay(bot, 'car');
    }
    bot.clock.set(at('2027-03-25'));
    await bot.say('/payoff');
    expect(texts(await bot.pressLabel('I paid this today'))).toContain('car');
  }

  it('a rename after /payoff keeps the loan settled and sends no reminder', async () => {
    const bot = createTestBot();
    await paidOff(bot);
    await bot.say('/editloan car');
    await bot.pressLabel('Edit');
    expect(texts(await bot.pressLabel('Name'))).toContain('What is this loan called?');
    expect(texts(await bot.say('family car'))).toContain('family car');
    expect(texts(await bot.pressLabel('Save'))).toContain('Saved "family car". The loan is settled, so only its name and lender changed');
    expect(bot.db.select().from(loans).get()?.name).toBe('family car');
    expect(texts(await bot.say('/loans'))).toContain('Paid off');
    expect(texts(await bot.say('/next'))).not.toContain('family car');
  });

  it('a change of terms after /payoff is refused with the reason, and nothing changes', async () => {
    const bot = createTestBot();
    await paidOff(bot);
    await bot.say('/editloan car');
    await bot.pressLabel('Edit');
    await bot.pressLabel('Rate');
    await bot.say('10%');
    expect(texts(await bot.pressLabel('Save'))).toContain('Not saved: this loan was paid off on 2027-03-25');
    expect(texts(await bot.say('/loans'))).toContain('Paid off');
  });
});
