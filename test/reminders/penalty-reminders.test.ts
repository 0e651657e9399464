import { describe, expect, it } from 'vitest';
import { addLoan, CAR, createReminderBot, setLoan } from '../support/reminders.ts';

/*
 * Reminders read the loan's ledger, like /status: an overdue reminder gives what is owed with
 * the penalty to date, and an installment that owes only its penalty is still reminded.
 */

describe('overdue reminders and the penalty ledger', () => {
  it('say the penalty charged to date, the figure /status shows', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    // The 7-days-late reminder on 2027-01-22: bank rules, 7 days on 788.49 and 100.00 = 2.76 + 0.35.
    const sent = await bot.ticks('2027-01-22T00:00:00Z', '2027-01-22T03:00:00Z');
    const text = sent.map((d) => d.message.text).join('\n');
    expect(text).toContain('car: 888.49 was due 2027-01-15 (Fri), 7 days ago. Penalty so far 3.11');
    const status = await bot.say('/status');
    expect(status.map((m) => m.text).join('\n')).toContain('penalty so far 3.11');
  });

  it('keep coming for an installment whose own amount is paid while its penalty is not (principal first)', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, CAR);
    setLoan(bot, 1, { allocationOrder: 'principal-first' });
    bot.clock.set(new Date('2027-02-14T02:00:00Z'));
    await bot.say('/paid 888.49');
    await bot.pressLabel('Confirm');
    // The installment's 888.49 is paid; the 13.33 of penalty charged on it is not.
    const sent = await bot.ticks('2027-02-14T03:00:00Z', '2027-02-26T03:00:00Z');
    const text = sent.map((d) => d.message.text).join('\n');
    expect(text).toContain('car: installment 1 (due 2027-01-15 (Fri)) is paid, but 13.33 of penalty and late fees on it is still owed');
    // /schedule says the same: installment 1 is not ticked off, its penalty is owed.
    const schedule = (await bot.say('/schedule car')).map((m) => m.text).join('\n');
    expect(schedule).toContain('⚠️ 1.');
    expect(schedule).toContain('penalty and late fees owed on it: 13.33');
  });
});
