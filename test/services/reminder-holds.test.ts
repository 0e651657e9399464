import { describe, expect, it } from 'vitest';
import { hardshipRequests, paymentPromises } from '../../src/db/schema.ts';
import { heldLoanIds, isLoanHeld } from '../../src/services/reminder-holds.ts';
import { createTestBot, type TestBot } from '../support/bot.ts';

/*
 * THE rule for held overdue reminders (src/services/reminder-holds.ts): an open promise whose day
 * has not passed (the lender's date), or a collection pause that is undecided or approved until a
 * time still ahead. Loans 1 (car) and 2 (phone), lender's zone Asia/Shanghai (the default).
 */

const ZONE = 'Asia/Shanghai';

async function twoLoans(): Promise<TestBot> {
  const bot = createTestBot({ now: new Date('2027-01-10T08:00:00+08:00') });
  for (const line of ['car 10000 12 months 12% annuity first 2027-01-15', 'phone 6000 6 months 12% annuity first 2027-01-15']) {
    await bot.say(`/addloan ${line}`);
    await bot.pressLabel('Save');
  }
  return bot;
}

function promise(bot: TestBot, loanId: number, dueOn: string, status: 'open' | 'kept' | 'broken' | 'cancelled' = 'open') {
  bot.db
    .insert(paymentPromises)
    .values({ userId: 1, loanId, amount: '100.00', dueOn, status, createdAt: '2027-01-16T02:00:00.000Z' })
    .run();
}

function pause(
  bot: TestBot,
  loanIds: number[],
  status: 'open' | 'info-requested' | 'approved' | 'rejected' | 'withdrawn',
  pauseUntil: string | null = null,
  kind: 'collection-pause' | 'deferral' = 'collection-pause',
) {
  bot.db
    .insert(hardshipRequests)
    .values({
      userId: 1,
      kind,
      loanIds,
      reason: 'job-loss',
      budget: {},
      proposal: {},
      evidence: [],
      letterLocale: 'en',
      status,
      submittedAt: '2027-01-16T02:00:00.000Z',
      pauseUntil,
    })
    .run();
}

const at = (iso: string) => new Date(iso);

describe('held loans', () => {
  it('an open promise holds its loan through the promised day (the lender’s date), not after', async () => {
    const bot = await twoLoans();
    promise(bot, 1, '2027-01-20');
    expect([...heldLoanIds(bot.db, 1, at('2027-01-16T10:00:00+08:00'), ZONE)]).toEqual([1]);
    expect(isLoanHeld(bot.db, 1, 1, at('2027-01-20T23:59:00+08:00'), ZONE)).toBe(true);
    expect(isLoanHeld(bot.db, 1, 1, at('2027-01-21T00:00:00+08:00'), ZONE)).toBe(false);
    // The lender's date: for a London lender 01-20 ends at 08:00 on 01-21 in Shanghai.
    expect(isLoanHeld(bot.db, 1, 1, at('2027-01-21T07:59:00+08:00'), 'Europe/London')).toBe(true);
    expect(isLoanHeld(bot.db, 1, 1, at('2027-01-21T08:00:00+08:00'), 'Europe/London')).toBe(false);
  });

  it('kept, broken and cancelled promises hold nothing', async () => {
    const bot = await twoLoans();
    promise(bot, 1, '2027-01-20', 'kept');
    promise(bot, 2, '2027-01-20', 'broken');
    promise(bot, 2, '2027-01-21', 'cancelled');
    expect(heldLoanIds(bot.db, 1, at('2027-01-16T10:00:00+08:00'), ZONE).size).toBe(0);
  });

  it('a collection pause holds its loans while open or waiting for the borrower, and once approved until pauseUntil', async () => {
    const now = at('2027-01-16T10:00:00+08:00');
    for (const [status, until, held] of [
      ['open', null, [1, 2]],
      ['info-requested', null, [1, 2]],
      ['approved', '2027-02-16T00:00:00.000Z', [1, 2]],
      ['approved', '2027-01-16T01:59:00.000Z', []],
      ['approved', null, []],
      ['rejected', null, []],
      ['withdrawn', null, []],
    ] as const) {
      const bot = await twoLoans();
      pause(bot, [1, 2], status, until);
      expect([...heldLoanIds(bot.db, 1, now, ZONE)].sort(), `${status} ${until}`).toEqual([...held]);
    }
  });

  it('other kinds of hardship request hold nothing (reminders continue while they are open)', async () => {
    const bot = await twoLoans();
    pause(bot, [1], 'open', null, 'deferral');
    expect(heldLoanIds(bot.db, 1, at('2027-01-16T10:00:00+08:00'), ZONE).size).toBe(0);
  });

  it('another user’s promises and pauses hold nothing of this user', async () => {
    const bot = await twoLoans();
    promise(bot, 1, '2027-01-20');
    expect(heldLoanIds(bot.db, 2, at('2027-01-16T10:00:00+08:00'), ZONE).size).toBe(0);
  });
});
