import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema.ts';
import { Decimal } from '../../src/domain/money.ts';
import { readProposal } from '../../src/services/hardship-shapes.ts';
import { texts } from '../support/bot.ts';
import { createReminderBot } from '../support/reminders.ts';
import {
  OPERATOR,
  addLoan,
  decide,
  fileRequest,
  hardshipBot,
  installmentsOf,
  lateBorrower,
  queued,
  requestsIn,
  speaker,
  timetableOf,
  type HardshipBot,
} from '../support/hardship.ts';

/*
 * What an approved request does to the loan (src/services/hardship-apply.ts), seen through the
 * chat and the tables: a deferral moves the installments from the first one owing, keeping the
 * due day, with the penalty charged so far still owed and the reminders re-planned; a new plan
 * replaces the untouched tail; a waiver clears or cuts the penalty; afterwards the loan's terms
 * can no longer be edited (the arrangement would be undone), only its name.
 */

const factsOf = (bot: HardshipBot) => {
  const facts = bot.runtime.services.forUser(1, bot.clock.now()).hardship.facts(1);
  if (!facts) throw new Error('no loan 1');
  return facts;
};

/** The live reminder timetable of user 1 (rows of their current reminder version). */
function liveTimetable(bot: HardshipBot) {
  const version = bot.db.select().from(users).where(eq(users.id, 1)).get()?.reminderVersion;
  return timetableOf(bot.db).filter((row) => row.userId === 1 && row.version === version);
}

/** Due on the 31st: 2026-12-31, 2027-01-31, 2027-02-28 (clamped), 2027-03-31 … added on 2026-12-20. */
const DAY31 = 'car 10000 12 months 12% annuity first 2026-12-31';

describe('an approved deferral', () => {
  it('moves every installment from the first owing one by 2 months on the due day (Feb clamps, back to the 31st in March), the penalty stays owed, the reminders follow', async () => {
    const bot = hardshipBot({ now: '2026-12-20T08:00:00+08:00' });
    await addLoan(bot, DAY31);
    bot.clock.set(new Date('2027-01-10T10:00:00+08:00'));
    // Installment 1 is 10 days late: 4.44 of penalty so far (888.49 due 2026-12-31).
    expect(factsOf(bot).penalty.toFixed(2)).toBe('4.44');
    expect(texts(await bot.say('/status'))).toContain('installment 1 due 2026-12-31 (Thu): 888.49, 10 days late, penalty 4.44');
    const before = installmentsOf(bot.db, 1);
    expect(before.map((row) => row.dueDate).slice(0, 4)).toEqual(['2026-12-31', '2027-01-31', '2027-02-28', '2027-03-31']);

    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    expect(texts(await decide(bot, OPERATOR, 'approve', 1))).toContain('Request #1 approved and applied');

    const after = installmentsOf(bot.db, 1);
    expect(after.map((row) => row.dueDate)).toEqual([
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
      '2027-05-31',
      '2027-06-30',
      '2027-07-31',
      '2027-08-31',
      '2027-09-30',
      '2027-10-31',
      '2027-11-30',
      '2027-12-31',
      '2028-01-31',
    ]);
    // Only the dates moved: the amounts are the contract's.
    expect(after.map(({ n, principal, interest, fee, payment, paid }) => ({ n, principal, interest, fee, payment, paid }))).toEqual(
      before.map(({ n, principal, interest, fee, payment, paid }) => ({ n, principal, interest, fee, payment, paid })),
    );
    // The penalty already charged is still owed, to the cent; nothing is overdue any more.
    expect(factsOf(bot).penalty.toFixed(2)).toBe('4.44');
    expect(factsOf(bot).daysPastDue).toBe(0);
    const schedule = texts(await bot.say('/schedule'));
    expect(schedule).toContain('▶ 1. 2027-02-28  888.49');
    expect(schedule).toContain('penalty and late fees owed on it: 4.44');
    expect(texts(await bot.say('/status'))).toBe('Nothing is overdue. Next due: 892.93 on 2027-02-28 (Sun), in 49 days.');
    // Ten days later no penalty has accrued: the installment is not due yet.
    bot.clock.set(new Date('2027-01-20T10:00:00+08:00'));
    expect(factsOf(bot).penalty.toFixed(2)).toBe('4.44');

    // The borrower is told, with the new schedule (installment 1 carries its penalty).
    const told = queued(bot.db).filter((message) => message.chatId === 1);
    expect(told).toHaveLength(1);
    expect(told[0]?.text).toContain('✅ Your request #1 (a deferral of 2 months) was approved.');
    expect(told[0]?.text).toContain('Your new schedule for car:\n1. 2027-02-28 (Sun) — 892.93\n2. 2027-03-31 (Wed) — 888.49');
    expect(told[0]?.text).toContain('…and 6 more (/schedule)');
  });

  it('the penalty charged stays, and new penalty accrues only once the new due date has passed: 9.33 + 4.44 = 13.77', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '1 month' });
    await decide(bot, OPERATOR, 'approve', 1);
    expect(installmentsOf(bot.db, 1)[0]?.dueDate).toBe('2027-02-15');
    bot.clock.set(new Date('2027-02-15T10:00:00+08:00'));
    expect(factsOf(bot).penalty.toFixed(2)).toBe('9.33');
    // Ten days after the new due date, past the 3 days of grace: 888.49 × 18% / 360 × 10 = 4.44 more.
    bot.clock.set(new Date('2027-02-25T10:00:00+08:00'));
    expect(factsOf(bot).penalty.toFixed(2)).toBe('13.77');
    expect(texts(await bot.say('/status'))).toContain('installment 1 due 2027-02-15 (Mon): 888.49, 10 days late, penalty 13.77');
  });

  it('re-plans the reminders: every live timetable row names its installment’s new due date', async () => {
    const bot = hardshipBot({ now: '2026-12-20T08:00:00+08:00' });
    await addLoan(bot, DAY31);
    bot.clock.set(new Date('2027-01-10T10:00:00+08:00'));
    const oldDates = new Set(liveTimetable(bot).map((row) => row.dueDate));
    expect(oldDates.has('2026-12-31')).toBe(true);
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    await decide(bot, OPERATOR, 'approve', 1);

    const dueOf = new Map(installmentsOf(bot.db, 1).map((row) => [row.id, row.dueDate]));
    const live = liveTimetable(bot);
    expect(live.length).toBeGreaterThan(0);
    for (const row of live) expect(row.dueDate, `${row.kind} of installment ${row.installmentId}`).toBe(dueOf.get(row.installmentId));
    expect(live.some((row) => row.dueDate === '2026-12-31' || row.dueDate === '2027-01-31')).toBe(false);
    // No overdue reminder is left for the installment that is no longer overdue.
    expect(live.filter((row) => row.kind.startsWith('overdue'))).toEqual([]);
  });

  it('the reminders that come are the new dates’: nothing until 3 days before 2027-03-15, the overdue ones stop', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    await decide(bot, OPERATOR, 'approve', 1);
    const reminders = createReminderBot({ db: bot.db, now: '2027-02-05T10:00:00+08:00' });
    // Passes every 6 hours up to the day after the new due date.
    const sends = await reminders.ticks('2027-02-05T11:00:00+08:00', '2027-03-16T11:00:00+08:00', 6 * 3_600_000);
    const toBorrower = sends.filter((send) => send.message.chatId === 1 && send.message.text.startsWith('⏰'));
    expect(toBorrower.map((send) => send.at.toISOString())).toEqual([
      '2027-03-12T03:00:00.000Z',
      '2027-03-14T03:00:00.000Z',
      '2027-03-15T03:00:00.000Z',
      '2027-03-16T03:00:00.000Z',
    ]);
    expect(toBorrower[0]?.message.text).toContain('due 2027-03-15 (Mon), in 3 days (installment 1 of 12)');
    expect(toBorrower[2]?.message.text).toContain('due TODAY, 2027-03-15 (Mon)');
    // No reminder speaks of the old date any more.
    expect(toBorrower.some((send) => send.message.text.includes('2027-01-15'))).toBe(false);
  });

  it('from the first installment still owing: a paid one keeps its date', async () => {
    const bot = hardshipBot({ now: '2026-12-20T08:00:00+08:00' });
    await addLoan(bot, DAY31);
    bot.clock.set(new Date('2026-12-30T10:00:00+08:00'));
    await bot.say('/paid');
    await bot.pressLabel('Confirm');
    bot.clock.set(new Date('2027-02-05T10:00:00+08:00'));
    await fileRequest(bot, 'Deferral', { tap: '1 month' });
    await decide(bot, OPERATOR, 'approve', 1);
    expect(
      installmentsOf(bot.db, 1)
        .slice(0, 4)
        .map((row) => [row.n, row.dueDate, row.paid]),
    ).toEqual([
      [1, '2026-12-31', '888.49'],
      [2, '2027-02-28', '0.00'],
      [3, '2027-03-31', '0.00'],
      [4, '2027-04-30', '0.00'],
    ]);
  });
});

describe('issue 11, done when: a zh-Hant borrower who lost their job, a 2-month deferral with a budget', () => {
  it('the operator reads it in English and approves; the borrower is told once, in zh-Hant; the next due date moves 2 months; reminders follow; each step audited', async () => {
    const bot = hardshipBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, '车贷 10000 12期 年利率12% 等额本息 首期2027-01-15', 'zh-CN');
    bot.clock.set(new Date('2027-02-05T10:00:00+08:00'));
    const me = speaker(bot, { lang: 'zh-TW' });
    await me.say('/hardship');
    await me.tap('延期');
    await me.tap('失業');
    await me.say('工廠倒閉，十二月起失業。');
    await me.say('補貼1500');
    await me.say('房租800');
    await me.say('買菜400');
    await me.tap('2 個月');
    await me.tap('解除勞動合約證明');
    await me.tap('繼續');
    await me.tap(me.labels().find((label) => label.startsWith('✅')) ?? '');

    const notice = queued(bot.db)[0]?.text ?? '';
    expect(notice).toContain('Hardship request #1: a deferral of 2 months (waiting for a decision)');
    expect(notice).toContain('Monthly budget: income 1,500.00, fixed costs 800.00, flexible costs 400.00');
    expect(notice).toContain('Left after costs: 300.00 a month');
    expect(texts(await decide(bot, OPERATOR, 'approve', 1))).toContain('Request #1 approved and applied; the borrower was told.');

    const told = queued(bot.db).filter((message) => message.chatId === 1);
    expect(told).toHaveLength(1);
    expect(told[0]?.text).toContain('✅ 你的申請 #1（延期 2 個月）已通過。');
    expect(told[0]?.text).toContain('1. 2027-03-15（週一） — 897.82');
    expect(texts(await bot.say('/next', { lang: 'zh-TW' }))).toContain('2027-03-15');
    const dueOf = new Map(installmentsOf(bot.db, 1).map((row) => [row.id, row.dueDate]));
    expect(dueOf.get(1)).toBe('2027-03-15');
    const live = liveTimetable(bot);
    expect(live.length).toBeGreaterThan(0);
    for (const row of live) expect(row.dueDate).toBe(dueOf.get(row.installmentId));
    expect(requestsIn(bot.db)[0]?.status).toBe('approved');
  });
});

describe('an approved new plan', () => {
  it('replaces the untouched tail with equal installments whose principal sums exactly to the re-spread amount', async () => {
    const bot = hardshipBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, 'car 10000 12 months 12% annuity first 2027-01-15');
    // Installment 1 paid on time; installment 2 (due 2027-02-15) is then 18 days late.
    bot.clock.set(new Date('2027-01-14T10:00:00+08:00'));
    await bot.say('/paid');
    await bot.pressLabel('Confirm');
    bot.clock.set(new Date('2027-03-05T10:00:00+08:00'));
    const before = installmentsOf(bot.db, 1);

    await fileRequest(bot, 'New repayment plan', { type: '400' });
    const proposal = readProposal(requestsIn(bot.db)[0]?.proposal);
    if (proposal.kind !== 'new-plan') throw new Error('not a plan');
    const [plan] = proposal.plans;
    // Re-spread: the open principal of installments 2–12 (9,211.51), installment 2's interest
    // (92.12) and its penalty so far.
    const penalty = factsOf(bot).penalty;
    expect(plan?.amount).toBe(new Decimal('9211.51').plus('92.12').plus(penalty).toFixed(2));
    await decide(bot, OPERATOR, 'approve', 1);

    const after = installmentsOf(bot.db, 1);
    // Installment 1, paid, is kept as it was.
    expect(after[0]).toEqual(before[0]);
    const tail = after.slice(1);
    expect(tail).toHaveLength(plan?.months ?? 0);
    expect(tail.map((row) => row.n)).toEqual(Array.from({ length: tail.length }, (_, i) => i + 2));
    // Principal sums to the re-spread amount exactly.
    expect(tail.reduce((sum, row) => sum.plus(row.principal), new Decimal(0)).toFixed(2)).toBe(plan?.amount);
    // Equal installments: every one the plan's payment, the last settling the cents.
    expect(new Set(tail.slice(0, -1).map((row) => row.payment))).toEqual(new Set([plan?.payment]));
    expect(
      new Decimal(tail.at(-1)?.payment ?? '0')
        .minus(plan?.payment ?? '0')
        .abs()
        .lte('0.50'),
    ).toBe(true);
    expect(new Decimal(plan?.payment ?? '0').lte(400)).toBe(true);
    // Monthly from the plan's first due date, on the loan's due day.
    expect(tail[0]?.dueDate).toBe('2027-04-15');
    expect(tail[1]?.dueDate).toBe('2027-05-15');
    expect(tail.every((row) => row.paid === '0.00')).toBe(true);
    // Nothing is overdue now, and the penalty is in the plan, not owed twice.
    expect(factsOf(bot).daysPastDue).toBe(0);
    expect(factsOf(bot).penalty.toFixed(2)).toBe('0.00');
    const totalOwed = tail.reduce((sum, row) => sum.plus(row.payment), new Decimal(0));
    expect(factsOf(bot).owed.toFixed(2)).toBe(totalOwed.toFixed(2));
  });
});

describe('an approved penalty waiver', () => {
  it('of 100% sets the penalty owed to 0.00', async () => {
    const bot = await lateBorrower();
    expect(factsOf(bot).penalty.toFixed(2)).toBe('9.33');
    await fileRequest(bot, 'Penalty waiver', { tap: '100%' });
    await decide(bot, OPERATOR, 'approve', 1);
    expect(factsOf(bot).penalty.toFixed(2)).toBe('0.00');
    expect(factsOf(bot).overdue.map((item) => [item.n, item.penalty.toFixed(2)])).toEqual([[1, '0.00']]);
    expect(installmentsOf(bot.db, 1)[0]?.penaltyOpen).toBe('0.00');
    expect(texts(await bot.say('/status'))).toContain('installment 1 due 2027-01-15 (Fri): 888.49, 21 days late, penalty 0.00');
    expect(queued(bot.db).filter((message) => message.chatId === 1)[0]?.text).toContain('car: 9.33 of penalty waived.');
  });

  it('of 100% on two overdue installments clears both', async () => {
    const bot = hardshipBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, 'car 10000 12 months 12% annuity first 2027-01-15');
    bot.clock.set(new Date('2027-03-01T10:00:00+08:00'));
    const overdue = factsOf(bot).overdue;
    expect(overdue.map((item) => item.n)).toEqual([1, 2]);
    expect(overdue.every((item) => item.penalty.gt(0))).toBe(true);
    const total = factsOf(bot).penalty.toFixed(2);
    await fileRequest(bot, 'Penalty waiver', { tap: '100%' });
    expect(texts(await decide(bot, OPERATOR, 'approve', 1))).toContain(`car: ${total} of penalty waived.`);
    expect(factsOf(bot).overdue.map((item) => [item.n, item.penalty.toFixed(2)])).toEqual([
      [1, '0.00'],
      [2, '0.00'],
    ]);
  });

  it('of 50% halves the penalty to the cent: 9.33 → 4.66 owed, 4.67 waived', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Penalty waiver', { tap: '50%' });
    const done = texts(await decide(bot, OPERATOR, 'approve', 1));
    expect(done).toContain('car: 4.67 of penalty waived.');
    expect(factsOf(bot).penalty.toFixed(2)).toBe('4.66');
    expect(texts(await bot.say('/status'))).toContain('penalty 4.66');
    // The principal and interest owed are untouched.
    expect(factsOf(bot).arrears.toFixed(2)).toBe('888.49');
  });
});

describe('after a deferral or a plan, /editloan', () => {
  async function rescheduled(kind: 'Deferral' | 'New repayment plan') {
    const bot = await lateBorrower();
    await fileRequest(bot, kind, kind === 'Deferral' ? { tap: '2 months' } : { type: '400' });
    await decide(bot, OPERATOR, 'approve', 1);
    return bot;
  }

  for (const kind of ['Deferral', 'New repayment plan'] as const) {
    it(`refuses a change of terms after an approved ${kind.toLowerCase()}, and the arrangement stays`, async () => {
      const bot = await rescheduled(kind);
      const rows = installmentsOf(bot.db, 1);
      const me = speaker(bot);
      await me.say('/editloan');
      await me.tap('Edit');
      await me.tap('Amount');
      await me.say('8000');
      const refused = texts(await me.tap('Save'));
      expect(refused).toContain(
        "Not saved: this loan's schedule was changed by an approved request on 2027-02-05 (Fri) (a deferral or a new plan), so only its name can change.",
      );
      expect(installmentsOf(bot.db, 1)).toEqual(rows);
    });

    it(`still renames the loan after an approved ${kind.toLowerCase()}`, async () => {
      const bot = await rescheduled(kind);
      const rows = installmentsOf(bot.db, 1);
      const me = speaker(bot);
      await me.say('/editloan');
      await me.tap('Edit');
      await me.tap('Name');
      await me.say('family car');
      expect(texts(await me.tap('Save'))).toBe(
        'Saved "family car". Its schedule follows an approved request, so only its name and lender changed.',
      );
      expect(installmentsOf(bot.db, 1)).toEqual(rows);
      expect(texts(await bot.say('/loans'))).toContain('family car');
    });
  }

  it('a rejected request leaves the terms editable', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    await decide(bot, OPERATOR, 'reject', 1);
    const me = speaker(bot);
    await me.say('/editloan');
    await me.tap('Edit');
    await me.tap('Amount');
    await me.say('8000');
    expect(texts(await me.tap('Save'))).toContain('Updated "car". Its schedule was rebuilt');
  });
});

describe('an approved pause of collection contact', () => {
  it('holds the overdue reminders for 30 days and says until when; the schedule is unchanged', async () => {
    const bot = await lateBorrower();
    const schedule = () =>
      installmentsOf(bot.db, 1).map(({ n, dueDate, principal, interest, fee, payment, paid }) => ({
        n,
        dueDate,
        principal,
        interest,
        fee,
        payment,
        paid,
      }));
    const rows = schedule();
    await fileRequest(bot, 'Pause collection contact');
    expect(texts(await decide(bot, OPERATOR, 'approve', 1))).toContain('Overdue reminders pause until 2027-03-07.');
    expect(requestsIn(bot.db)[0]?.pauseUntil).toBe('2027-03-07T02:00:00.000Z');
    expect(schedule()).toEqual(rows);
    expect(queued(bot.db).filter((message) => message.chatId === 1)[0]?.text).toContain('Overdue reminders pause until 2027-03-07.');
  });
});
