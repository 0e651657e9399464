import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loans, payments, paymentAllocations, users } from '../../src/db/schema.ts';
import { createTestBot, texts } from '../support/bot.ts';

/*
 * Issue 9, point 7 and the payoff half of point 2: a due date is the lender's date, and a payoff
 * made while overdue books its penalty in the ledger.
 */

describe("a due date is the lender's date", () => {
  it('a London borrower of a Chinese loan is overdue when Beijing’s day ends, not London’s', async () => {
    const bot = createTestBot();
    await bot.say('/addloan car 10000 12 months 12% annuity first 2027-01-15');
    await bot.pressLabel('Save');
    bot.db.update(users).set({ timeZone: 'Europe/London' }).where(eq(users.id, 1)).run();
    // 17:00 in London on the 15th is 01:00 on the 16th in Beijing: one day late there.
    bot.clock.set(new Date('2027-01-15T17:00:00Z'));
    const status = texts(await bot.say('/status'));
    expect(status).toContain('car: 888.49 overdue');
    expect(status).toContain('1 day late');
  });

  it('a loan whose lender is in London is due until London’s day ends, for a borrower in Beijing', async () => {
    const bot = createTestBot();
    await bot.say('/addloan car 10000 12 months 12% annuity first 2027-01-15');
    await bot.pressLabel('Save');
    bot.db.update(loans).set({ lenderTimeZone: 'Europe/London' }).run();
    // 02:00 on the 16th in Beijing is still 18:00 on the 15th in London.
    bot.clock.set(new Date('2027-01-15T18:00:00Z'));
    expect(texts(await bot.say('/status'))).toContain('Nothing is overdue. Next due: 888.49 on 2027-01-15 (Fri)');
  });
});

describe('a payoff made while overdue', () => {
  it('books the penalty it paid in the ledger, on the overdue installment', async () => {
    const bot = createTestBot();
    await bot.say('/addloan car 10000 12 months 12% annuity first 2027-01-15');
    await bot.pressLabel('Save');
    bot.clock.set(new Date('2027-02-14T02:00:00Z'));
    expect(texts(await bot.say('/payoff'))).toContain('13.33');
    await bot.pressLabel('I paid this today');
    const payoff = bot.db.select().from(payments).where(eq(payments.source, 'payoff')).get();
    const booked = bot.db
      .select()
      .from(paymentAllocations)
      .where(eq(paymentAllocations.paymentId, payoff?.id ?? -1))
      .all();
    expect(booked.map((a) => a.penalty)).toContain('13.33');
    expect(texts(await bot.say('/loans'))).toContain('Paid off');
  });
});
