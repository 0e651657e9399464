import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { formStates, installments, loans, paymentAllocations, payments } from '../../src/db/schema.ts';
import { Decimal, ZERO } from '../../src/domain/money.ts';
import { formatMoney } from '../../src/i18n/format.ts';
import { createTestBot, texts, type TestBot } from '../support/bot.ts';

/** 10:00 in Shanghai on that day. */
const at = (day: string) => new Date(`${day}T02:00:00Z`);

const CAR = 'car 10000 12 months 12% annuity first 2027-01-15';

async function addLoan(bot: TestBot, line: string, options: { user?: number } = {}) {
  await bot.say(`/addloan ${line}`, options);
  await bot.pressLabel('Save', options);
}

function rows(bot: TestBot, loanId?: number) {
  const query = bot.db.select().from(installments);
  return (loanId === undefined ? query : query.where(eq(installments.loanId, loanId)))
    .orderBy(asc(installments.loanId), asc(installments.n))
    .all();
}

function allocatedTo(bot: TestBot, paymentId: number): Decimal {
  return bot.db
    .select()
    .from(paymentAllocations)
    .where(eq(paymentAllocations.paymentId, paymentId))
    .all()
    .reduce((sum, a) => sum.plus(a.amount), ZERO);
}

function labels(messages: { buttons?: { label: string }[][] }[]) {
  return messages.flatMap((m) => m.buttons?.flat().map((b) => b.label) ?? []);
}

describe('/editloan', () => {
  it('opens the card with the loan’s current terms', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    const card = await bot.say('/editloan');
    const text = texts(card);
    expect(text).toContain('Please check the new terms:');
    expect(text).toContain('Name: car');
    expect(text).toContain('Amount borrowed: 10,000.00');
    expect(text).toContain('Monthly payment: 888.49 (the last one 888.47)');
    expect(labels(card)).toEqual(['Save', 'Edit', 'Cancel']);
  });

  it('a new amount from the card rebuilds the schedule on Save and applies the recorded payment again', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await bot.say('/paid');
    await bot.pressLabel('Confirm');
    const [payment] = bot.db.select().from(payments).all();
    if (!payment) throw new Error('no payment');

    await bot.say('/editloan');
    await bot.pressLabel('Edit');
    expect(texts(await bot.pressLabel('Amount'))).toContain('How much did you borrow');
    const card = texts(await bot.say('8000'));
    expect(card).toContain('Amount borrowed: 8,000.00');
    // 8,000 at 12% over 12 months: 710.79 a month.
    expect(card).toContain('Monthly payment: 710.79');
    // Nothing changes before Save.
    expect(bot.db.select().from(loans).get()?.principal).toBe('10000.00');

    expect(texts(await bot.pressLabel('Save'))).toContain(
      'Updated "car". Its schedule was rebuilt and your recorded payments were applied to it again.',
    );
    expect(bot.db.select().from(loans).get()?.principal).toBe('8000.00');
    const rebuilt = rows(bot);
    expect(rebuilt).toHaveLength(12);
    expect(rebuilt[0]).toMatchObject({ n: 1, dueDate: '2027-01-15', payment: '710.79', interest: '80.00', principal: '630.79' });
    // The 888.49 already paid: installment 1 in full, the rest (177.70) on installment 2.
    expect(rebuilt[0]?.paid).toBe('710.79');
    expect(rebuilt[1]?.paid).toBe(new Decimal('888.49').minus('710.79').toFixed(2));
    expect(bot.db.select().from(payments).all()).toEqual([expect.objectContaining({ id: payment.id, amount: '888.49', source: 'user' })]);
    expect(allocatedTo(bot, payment.id).toFixed(2)).toBe('888.49');
    expect(texts(await bot.say('/next'))).toContain('• car: 533.09 (installment 2 of 12)');

    // Undo still takes back exactly what that payment now covers.
    await bot.say('/undo');
    await bot.pressLabel('Yes, take it back');
    expect(rows(bot).every((row) => row.paid === '0.00')).toBe(true);
  });

  it('a new rate keeps installment 1 paid when the payment still covers it', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await bot.say('/paid');
    await bot.pressLabel('Confirm');
    await bot.say('/editloan');
    await bot.pressLabel('Edit');
    await bot.pressLabel('Rate');
    const card = texts(await bot.say('6%'));
    expect(card).toContain('Rate: 6% a year');
    expect(card).toContain('Monthly payment: 860.66');
    await bot.pressLabel('Save');
    const [first, second] = rows(bot);
    expect(first).toMatchObject({ payment: '860.66', paid: '860.66' });
    expect(second?.paid).toBe('27.83');
    expect(bot.db.select().from(loans).get()?.ratePercent).toBe('6');
  });

  it('Cancel on the edit card changes nothing', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    const before = rows(bot);
    await bot.say('/editloan');
    await bot.pressLabel('Edit');
    await bot.pressLabel('Amount');
    await bot.say('20000');
    expect(texts(await bot.pressLabel('Cancel'))).toContain('Cancelled. Nothing was saved.');
    expect(bot.db.select().from(loans).get()?.principal).toBe('10000.00');
    expect(rows(bot)).toEqual(before);
  });

  it('another user’s loan cannot be edited with a forged button', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR, { user: 1 });
    const loanId = bot.db.select().from(loans).get()?.id;
    expect(texts(await bot.press(`editloan:${loanId}`, { user: 2 }))).toContain('no longer works');
    expect(bot.db.select().from(formStates).where(eq(formStates.userId, 2)).all()).toHaveLength(0);
    expect(texts(await bot.say('/editloan', { user: 2 }))).toContain('You have no loans yet');
  });

  // BUG (src/services/loans.ts replaceLoan, ~line 122): the installments that were "counted as
  // already paid" when a loan in progress was added are stored as 'registration' payments of the
  // OLD installment amount, and an edit re-applies those old amounts to the NEW schedule. After
  // changing 10,000 to 20,000 (1,776.98 a month) the three assumed payments of 888.49 cover only
  // 1.5 installments, and /status reports installments 2 and 3 as overdue, with penalty, although
  // the card said "I will count them as already paid".
  it('editing a loan that was added in progress keeps its past installments paid', async () => {
    const bot = createTestBot();
    await addLoan(bot, 'old 10000 12 months 12% annuity first 2026-09-15');
    await bot.say('/editloan');
    await bot.pressLabel('Edit');
    await bot.pressLabel('Amount');
    const card = texts(await bot.say('20000'));
    expect(card).toContain('Monthly payment: 1,776.98');
    await bot.pressLabel('Save');
    const [first, second, third, fourth] = rows(bot);
    expect(first?.payment).toBe('1776.98');
    expect([first, second, third].map((row) => row?.paid)).toEqual(['1776.98', '1776.98', '1776.98']);
    expect(fourth?.paid).toBe('0.00');
    expect(texts(await bot.say('/status'))).toContain('Nothing is overdue.');
  });

  // BUG (commands/shared/loan-card.ts loanCardText, the `behind` lines at the end): the edit card
  // of an existing loan says "The first installment was due before today; I will count it as
  // already paid", but Save (replaceLoan) only re-applies recorded payments. The borrower is told
  // an overdue installment will be treated as paid, and after Save it is still overdue.
  it('the edit card does not promise to count an unpaid, overdue installment as paid', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    bot.clock.set(at('2027-01-25'));
    const card = texts(await bot.say('/editloan'));
    await bot.pressLabel('Save');
    // What Save really does: the installment is still open and overdue.
    expect(rows(bot)[0]?.paid).toBe('0.00');
    expect(texts(await bot.say('/status'))).toContain('car: 888.49 overdue');
    expect(card).not.toContain('I will count it as already paid');
  });

  // BUG (src/services/loans.ts replaceLoan: `applyPayment(...).installments` ignores `leftover`):
  // when new terms owe less than was already paid, the excess of a recorded payment is silently
  // dropped: its allocations no longer add up to its amount, nobody is told, and the money is
  // gone from every total. /paid refuses such an amount ("more than everything still owed"); an
  // edit should refuse it too (or at least say so).
  it('an edit that owes less than was already paid does not silently lose part of a payment', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await bot.say('/paid 5000');
    await bot.pressLabel('Confirm');
    await bot.say('/editloan');
    await bot.pressLabel('Edit');
    await bot.pressLabel('Amount');
    await bot.say('1000');
    const saved = texts(await bot.pressLabel('Save'));
    const [payment] = bot.db.select().from(payments).all();
    expect(payment?.amount).toBe('5000.00');
    // 1,000 at 12% over 12 months owes 1,066.19 in all; 3,933.81 of the 5,000.00 has nowhere to go.
    const unallocated = new Decimal(payment?.amount ?? '0').minus(allocatedTo(bot, payment?.id ?? 0));
    // Either the edit is refused (the payment stays fully allocated) or the reply says what is left over.
    if (!unallocated.isZero()) expect(saved).toContain(formatMoney('en', unallocated));
    else expect(bot.db.select().from(loans).get()?.principal).toBe('10000.00');
  });
});

describe('/deleteloan', () => {
  it('asks first; Keep it keeps the loan', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    const ask = await bot.say('/deleteloan');
    expect(texts(ask)).toContain('Delete car with its 12-installment schedule and recorded payments? This cannot be undone.');
    expect(labels(ask)).toEqual(['Delete', 'Keep it']);
    expect(texts(await bot.pressLabel('Keep it'))).toContain('Kept. Nothing was deleted.');
    expect(bot.db.select().from(loans).all()).toHaveLength(1);
    expect(rows(bot)).toHaveLength(12);
  });

  it('Delete removes the loan with its installments, payments and allocations', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await bot.say('/paid 1000');
    await bot.pressLabel('Confirm');
    const ask = await bot.say('/deleteloan');
    const remove = ask
      .at(-1)
      ?.buttons?.flat()
      .find((b) => b.label === 'Delete');
    expect(texts(await bot.press(remove?.data ?? ''))).toContain('Deleted car.');
    expect(bot.db.select().from(loans).all()).toHaveLength(0);
    expect(bot.db.select().from(installments).all()).toHaveLength(0);
    expect(bot.db.select().from(payments).all()).toHaveLength(0);
    expect(bot.db.select().from(paymentAllocations).all()).toHaveLength(0);
    expect(texts(await bot.say('/loans'))).toContain('You have no loans yet');
    expect(texts(await bot.say('/undo'))).toContain('There is no payment to undo.');
    // The old button does nothing now.
    expect(texts(await bot.press(remove?.data ?? ''))).toContain('no longer works');
  });

  it('with two loans asks which, and deletes only that one', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await addLoan(bot, 'phone 12000 12 months 0.6% monthly fee first 2026-12-10');
    const ask = await bot.say('/deleteloan');
    expect(texts(ask)).toContain('Which loan?');
    expect(labels(ask)).toEqual(['1. car', '2. phone']);
    expect(texts(await bot.pressLabel('2. phone'))).toContain('Delete phone with its 12-installment schedule');
    expect(texts(await bot.pressLabel('Delete'))).toContain('Deleted phone.');
    expect(
      bot.db
        .select()
        .from(loans)
        .all()
        .map((loan) => loan.name),
    ).toEqual(['car']);
    expect(rows(bot)).toHaveLength(12);
    expect(rows(bot).every((row) => row.loanId === bot.db.select().from(loans).get()?.id)).toBe(true);
  });

  it('another user’s loan cannot be deleted with a forged button', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR, { user: 1 });
    await bot.say('/paid', { user: 1 });
    await bot.pressLabel('Confirm', { user: 1 });
    const loanId = bot.db.select().from(loans).get()?.id;
    expect(texts(await bot.press(`deleteloan:yes:${loanId}`, { user: 2 }))).toContain('no longer works');
    expect(texts(await bot.press(`deleteloan:pick:${loanId}`, { user: 2 }))).toContain('no longer works');
    expect(bot.db.select().from(loans).all()).toHaveLength(1);
    expect(rows(bot)).toHaveLength(12);
    expect(bot.db.select().from(payments).all()).toHaveLength(1);
    expect(texts(await bot.say('/loans', { user: 1 }))).toContain('car');
  });

  it('speaks Chinese', async () => {
    const bot = createTestBot();
    await bot.say('/language zh-Hans');
    await bot.say('/addloan 车贷 10000 12期 年利率12% 等额本息 首期2027-01-15');
    await bot.pressLabel('保存');
    expect(texts(await bot.say('/deleteloan'))).toContain('删除“车贷”及其 12 期还款计划和已记录的还款吗？删除后无法恢复。');
    expect(texts(await bot.pressLabel('保留'))).toContain('已保留，没有删除任何内容。');
    await bot.say('/deleteloan');
    expect(texts(await bot.pressLabel('删除'))).toContain('已删除“车贷”。');
  });
});
