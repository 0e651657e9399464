import { describe, expect, it } from 'vitest';
import { installments, payments } from '../../src/db/schema.ts';
import { createTestBot, texts } from '../support/bot.ts';
import { timetableOf } from '../support/reminders.ts';

const at = (date: string) => new Date(`${date}T02:00:00Z`); // 10:00 in Shanghai

async function loanPaidThree() {
  const bot = createTestBot();
  await bot.say('/addloan car 10000 12 months 12% annuity first 2027-01-15');
  await bot.pressLabel('Save');
  for (const day of ['2027-01-15', '2027-02-15', '2027-03-15', '2027-04-15']) {
    bot.clock.set(at(day));
    await bot.say('/paid');
    await bot.pressLabel('Confirm');
  }
  bot.clock.set(at('2027-04-25'));
  return bot;
}

describe('/payoff: recording that the loan was paid off', () => {
  it('closes the loan at the quoted figure: no installment left, no reminders, /undo refuses', async () => {
    const bot = await loanPaidThree();
    const quote = texts(await bot.say('/payoff'));
    // 6,798.42 principal not yet due + 6,798.42 × 12% / 360 × 10 days = 22.66
    expect(quote).toContain('To pay off car today (2027-04-25 (Sun)): 6,821.08');
    expect(texts(await bot.pressLabel('I paid this today'))).toContain('car paid off with 6,821.08');
    const rows = bot.db.select().from(installments).all();
    expect(rows.every((row) => row.paid === row.payment)).toBe(true);
    expect(timetableOf(bot.db, 1)).toEqual([]);
    // The first installment not yet due carries the 10 days' interest; later ones only principal.
    expect(rows[4]).toMatchObject({ interest: '22.66', fee: '0.00' });
    expect(rows[5]).toMatchObject({ interest: '0.00' });
    expect(bot.db.select().from(payments).all().at(-1)).toMatchObject({ amount: '6821.08', source: 'payoff' });
    expect(texts(await bot.say('/loans'))).toContain('Paid off');
    expect(texts(await bot.say('/undo'))).toContain('cannot be undone here');
  });

  it('a payoff button from yesterday shows the new figure instead of recording the old one', async () => {
    const bot = await loanPaidThree();
    await bot.say('/payoff');
    bot.clock.set(at('2027-04-26'));
    const reply = texts(await bot.pressLabel('I paid this today'));
    expect(reply).toContain('The payoff figure has changed');
    expect(reply).toContain('6,823.35'); // one more day: 6,798.42 × 12% / 360 × 11 = 24.93
    expect(
      bot.db
        .select()
        .from(payments)
        .all()
        .some((p) => p.source === 'payoff'),
    ).toBe(false);
  });
});

describe('a fee plan’s early-repayment rule', () => {
  it('defaults to waiving the remaining fees, and can charge them or a percentage instead', async () => {
    const bot = createTestBot();
    const card = texts(await bot.say('/addloan phone 12000 12期 月费率0.6% 首期2026-12-10'));
    expect(card).toContain('If paid off early: remaining fees waived');
    await bot.pressLabel('Save');
    // Waived: 12,000 principal, no fees.
    expect(texts(await bot.say('/payoff'))).toContain('To pay off phone today (2026-11-21 (Sat)): 12,000.00');

    await bot.say('/editloan');
    await bot.pressLabel('Edit');
    await bot.pressLabel('Paying off early');
    expect(texts(await bot.pressLabel('remaining fees still charged'))).toContain('If paid off early: remaining fees still charged');
    await bot.pressLabel('Save');
    expect(texts(await bot.say('/payoff'))).toContain('12,864.00');

    await bot.say('/editloan');
    await bot.pressLabel('Edit');
    await bot.pressLabel('Paying off early');
    expect(texts(await bot.say('3%'))).toContain('a fee of 3% of the remaining principal');
    await bot.pressLabel('Save');
    expect(texts(await bot.say('/payoff'))).toContain('12,360.00');
  });
});
