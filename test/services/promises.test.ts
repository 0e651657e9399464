import { describe, expect, it } from 'vitest';
import { insertPayment } from '../../src/db/loans-repo.ts';
import { paymentPromises } from '../../src/db/schema.ts';
import { Decimal } from '../../src/domain/money.ts';
import { promisesForOperators as fromIndex } from '../../src/services/index.ts';
import { keepPromiseIfPaid, makePromise, promisesForOperators, resolvePromises } from '../../src/services/promises.ts';
import { createTestBot, type TestBot } from '../support/bot.ts';

/* The promise use cases below the chat: what operators see, and when a promise counts as kept. */

const ZONE = 'Asia/Shanghai';
const NOW = new Date('2027-01-16T10:00:00+08:00');
const message = () => ({ text: 'day' });

async function borrowers(): Promise<TestBot> {
  const bot = createTestBot({ now: new Date('2027-01-10T08:00:00+08:00') });
  await bot.say('/addloan car 10000 12 months 12% annuity first 2027-01-15');
  await bot.pressLabel('Save');
  await bot.say('/addloan phone 6000 6 months 12% annuity first 2027-01-15', { user: 2 });
  await bot.pressLabel('Save', { user: 2 });
  bot.clock.set(NOW);
  return bot;
}

describe('promisesForOperators', () => {
  it('lists every borrower’s open promises and those broken in the last 7 days, the earliest day first', async () => {
    const bot = await borrowers();
    const rows: (typeof paymentPromises.$inferInsert)[] = [
      { userId: 1, loanId: 1, amount: '500.00', dueOn: '2027-01-25', status: 'open', createdAt: '2027-01-16T01:00:00.000Z' },
      { userId: 2, loanId: 2, amount: '300.00', dueOn: '2027-01-20', status: 'open', createdAt: '2027-01-16T01:30:00.000Z' },
      // Broken 6 days ago: shown; 8 days ago: not; kept and cancelled: not.
      {
        userId: 1,
        loanId: 1,
        amount: '100.00',
        dueOn: '2027-01-09',
        status: 'broken',
        createdAt: '2027-01-05T00:00:00.000Z',
        resolvedAt: '2027-01-10T02:00:00.000Z',
      },
      {
        userId: 1,
        loanId: 1,
        amount: '100.00',
        dueOn: '2027-01-07',
        status: 'broken',
        createdAt: '2027-01-01T00:00:00.000Z',
        resolvedAt: '2027-01-08T00:00:00.000Z',
      },
      {
        userId: 2,
        loanId: 2,
        amount: '100.00',
        dueOn: '2027-01-12',
        status: 'kept',
        createdAt: '2027-01-11T00:00:00.000Z',
        resolvedAt: '2027-01-12T00:00:00.000Z',
      },
      {
        userId: 2,
        loanId: 2,
        amount: '100.00',
        dueOn: '2027-01-13',
        status: 'cancelled',
        createdAt: '2027-01-11T00:00:00.000Z',
        resolvedAt: '2027-01-12T00:00:00.000Z',
      },
    ];
    bot.db.insert(paymentPromises).values(rows).run();
    const listed = promisesForOperators(bot.db, NOW);
    expect(listed.map((p) => [p.id, p.userId, p.loanName, p.amount.toFixed(2), p.dueOn, p.status])).toEqual([
      [3, 1, 'car', '100.00', '2027-01-09', 'broken'],
      [2, 2, 'phone', '300.00', '2027-01-20', 'open'],
      [1, 1, 'car', '500.00', '2027-01-25', 'open'],
    ]);
    expect(listed[0]?.amount).toBeInstanceOf(Decimal);
    expect(listed[0]).toEqual({
      id: 3,
      userId: 1,
      loanId: 1,
      loanName: 'car',
      amount: new Decimal('100.00'),
      dueOn: '2027-01-09',
      status: 'broken',
      createdAt: '2027-01-05T00:00:00.000Z',
    });
    // The same function from the services' index, for /queue.
    expect(fromIndex).toBe(promisesForOperators);
  });
});

describe('keeping a promise', () => {
  it('counts only payments recorded after the promise was made, and keeps it once they reach its amount', async () => {
    const bot = await borrowers();
    // A payment recorded before the promise does not count towards it.
    insertPayment(bot.db, { loanId: 1, amount: '400.00', paidOn: '2027-01-16', source: 'user', createdAt: '2027-01-16T01:59:00.000Z' });
    const made = makePromise(bot.db, 1, { loanId: 1, amount: new Decimal('300.00'), dueOn: '2027-01-20' }, NOW, ZONE, message);
    expect(made.ok).toBe(true);
    expect(keepPromiseIfPaid(bot.db, 1, 1, NOW)).toBe(false);
    insertPayment(bot.db, { loanId: 1, amount: '200.00', paidOn: '2027-01-16', source: 'user', createdAt: '2027-01-16T03:00:00.000Z' });
    expect(keepPromiseIfPaid(bot.db, 1, 1, NOW)).toBe(false);
    insertPayment(bot.db, { loanId: 1, amount: '100.00', paidOn: '2027-01-16', source: 'user', createdAt: '2027-01-16T03:01:00.000Z' });
    expect(keepPromiseIfPaid(bot.db, 1, 1, NOW)).toBe(true);
    expect(keepPromiseIfPaid(bot.db, 1, 1, NOW)).toBe(false);
    expect(bot.db.select().from(paymentPromises).get()).toMatchObject({ status: 'kept' });
  });

  it('a pass keeps a promise paid another way (a payoff) and breaks one whose day has passed, each once', async () => {
    const bot = await borrowers();
    makePromise(bot.db, 1, { loanId: 1, amount: new Decimal('300.00'), dueOn: '2027-01-20' }, NOW, ZONE, message);
    makePromise(bot.db, 2, { loanId: 2, amount: new Decimal('300.00'), dueOn: '2027-01-18' }, NOW, ZONE, message);
    insertPayment(bot.db, { loanId: 1, amount: '300.00', paidOn: '2027-01-17', source: 'payoff', createdAt: '2027-01-17T03:00:00.000Z' });
    expect(resolvePromises(bot.db, new Date('2027-01-18T23:00:00+08:00'), ZONE)).toEqual({ kept: 1, broken: 0 });
    expect(resolvePromises(bot.db, new Date('2027-01-19T00:00:00+08:00'), ZONE)).toEqual({ kept: 0, broken: 1 });
    expect(resolvePromises(bot.db, new Date('2027-01-19T01:00:00+08:00'), ZONE)).toEqual({ kept: 0, broken: 0 });
  });

  it('refuses with nothing written: a day in the past or beyond 30 days, an amount of 0 or more than owed, a loan not the user’s', async () => {
    const bot = await borrowers();
    const make = (userId: number, loanId: number, amount: string, dueOn: string) =>
      makePromise(bot.db, userId, { loanId, amount: new Decimal(amount), dueOn }, NOW, ZONE, message);
    expect(make(1, 1, '100', '2027-01-15')).toEqual({ ok: false, reason: 'date-in-past', today: '2027-01-16' });
    expect(make(1, 1, '100', '2027-02-16')).toEqual({ ok: false, reason: 'date-too-far', lastDay: '2027-02-15' });
    expect(make(1, 1, '100', '2028-01-16')).toMatchObject({ ok: false, reason: 'date-too-far' });
    expect(make(1, 1, '0', '2027-01-20')).toEqual({ ok: false, reason: 'amount-not-positive' });
    expect(make(1, 1, '99999', '2027-01-20')).toMatchObject({ ok: false, reason: 'more-than-owed' });
    expect(make(1, 2, '100', '2027-01-20')).toEqual({ ok: false, reason: 'no-such-loan' });
    expect(bot.db.select().from(paymentPromises).all()).toEqual([]);
  });
});
