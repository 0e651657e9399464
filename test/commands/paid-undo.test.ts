import { asc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { installments, paymentAllocations, payments } from '../../src/db/schema.ts';
import { createTestBot, texts, type TestBot } from '../support/bot.ts';

/*
 * /paid and /undo as a borrower uses them. The clock is the suite default, 2026-11-21 10:00 in
 * Shanghai, unless a test moves it.
 */

const CAR = 'car 10000 12 months 12% annuity first 2027-01-15';
const PHONE = 'phone 12000 12 months 0.6% monthly fee first 2026-12-10';

async function addLoan(bot: TestBot, line: string, options: { user?: number } = {}) {
  await bot.say(`/addloan ${line}`, options);
  await bot.pressLabel('Save', options);
}

async function addLoanZh(bot: TestBot) {
  await bot.say('/addloan 车贷 10000 12期 年利率12% 等额本息 首期2027-01-15');
  await bot.pressLabel('保存');
}

function rows(bot: TestBot) {
  return bot.db.select().from(installments).orderBy(asc(installments.loanId), asc(installments.n)).all();
}

function paidColumn(bot: TestBot) {
  return rows(bot).map((row) => row.paid);
}

function buttonLabels(messages: { buttons?: { label: string }[][] }[]) {
  return messages.flatMap((m) => m.buttons?.flat().map((b) => b.label) ?? []);
}

describe('/paid with one loan', () => {
  it('defaults to the next installment and today; Confirm records it and shows the next one', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);

    const card = await bot.say('/paid');
    const text = texts(card);
    expect(text).toContain('Record a payment to car?');
    expect(text).toContain('Amount: 888.49');
    expect(text).toContain('Date: 2026-11-21 (Sat)');
    expect(buttonLabels(card)).toEqual(['Confirm', 'Cancel']);
    expect(bot.db.select().from(payments).all()).toHaveLength(0);

    const done = await bot.pressLabel('Confirm');
    expect(texts(done)).toContain('Recorded 888.49 for car.');
    expect(texts(done)).toContain('Next: 888.49 on 2027-02-15 (Mon).');
    expect(buttonLabels(done)).toEqual(['Undo']);

    const [first, second] = rows(bot);
    expect(first).toMatchObject({ n: 1, payment: '888.49', paid: '888.49' });
    expect(second).toMatchObject({ n: 2, paid: '0.00' });
    const [payment] = bot.db.select().from(payments).all();
    expect(payment).toMatchObject({ amount: '888.49', paidOn: '2026-11-21', source: 'user' });
    expect(bot.db.select().from(paymentAllocations).all()).toEqual([
      expect.objectContaining({ paymentId: payment?.id, installmentId: first?.id, amount: '888.49' }),
    ]);

    const next = texts(await bot.say('/next'));
    expect(next).toContain('• car: 888.49 (installment 2 of 12)');
  });

  it('a different amount typed on the card is a partial payment: the rest of the installment stays due', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await bot.say('/paid');
    const changed = texts(await bot.say('500'));
    expect(changed).toContain('Amount: 500.00');
    expect(changed).toContain('Date: 2026-11-21 (Sat)');

    expect(texts(await bot.pressLabel('Confirm'))).toContain('Next: 388.49 on 2027-01-15 (Fri).');
    expect(paidColumn(bot).slice(0, 2)).toEqual(['500.00', '0.00']);

    const next = texts(await bot.say('/next'));
    expect(next).toContain('Next due: 2027-01-15 (Fri), in 55 days');
    expect(next).toContain('• car: 388.49 (installment 1 of 12)');
    expect(texts(await bot.say('/schedule'))).toContain('partly paid: 388.49 still due');
  });

  it('an overpayment flows into the next installment', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await bot.say('/paid');
    await bot.say('1,000');
    const done = texts(await bot.pressLabel('Confirm'));
    expect(done).toContain('Recorded 1,000.00 for car.');
    // 1,000.00 − 888.49 = 111.51 goes to installment 2, which then has 776.98 left.
    expect(done).toContain('Next: 776.98 on 2027-02-15 (Mon).');
    expect(paidColumn(bot).slice(0, 3)).toEqual(['888.49', '111.51', '0.00']);
    const allocations = bot.db
      .select()
      .from(paymentAllocations)
      .all()
      .map((a) => a.amount);
    expect(allocations).toEqual(['888.49', '111.51']);
  });

  it('paying exactly everything that is left pays the loan off', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await bot.say('/paid 10661.86');
    const done = texts(await bot.pressLabel('Confirm'));
    expect(done).toContain('Recorded 10,661.86 for car.');
    expect(done).toContain('Paid off. 🎉');
    expect(rows(bot).every((row) => row.paid === row.payment)).toBe(true);
    expect(texts(await bot.say('/paid'))).toContain('Nothing is owed on car.');
  });

  it('refuses more than everything still owed, names the amount owed, and writes nothing', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await bot.say('/paid');
    await bot.say('20000');
    const refused = texts(await bot.pressLabel('Confirm'));
    // 888.49 × 11 + 888.47 = 10,661.86
    expect(refused).toContain('That is more than everything still owed on this loan (10,661.86).');
    expect(refused).toContain('Amount: 20,000.00');
    expect(bot.db.select().from(payments).all()).toHaveLength(0);
    expect(bot.db.select().from(paymentAllocations).all()).toHaveLength(0);
    expect(paidColumn(bot).every((paid) => paid === '0.00')).toBe(true);

    // The card is still open: a smaller amount goes through.
    await bot.say('888.49');
    expect(texts(await bot.pressLabel('Confirm'))).toContain('Recorded 888.49 for car.');
  });

  it('refuses a payment date in the future and keeps today', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await bot.say('/paid');
    const refused = texts(await bot.say('2026-11-22'));
    expect(refused).toContain('A payment date cannot be in the future.');
    expect(refused).toContain('Date: 2026-11-21 (Sat)');

    const inLine = texts(await bot.say('/paid 2027-01-15'));
    expect(inLine).toContain('A payment date cannot be in the future.');
    expect(inLine).toContain('Date: 2026-11-21 (Sat)');
  });

  it('reads the amount and the date from the command line, in either order', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    const card = texts(await bot.say('/paid 500 2026-11-20'));
    expect(card).toContain('Amount: 500.00');
    expect(card).toContain('Date: 2026-11-20 (Fri)');
    const swapped = texts(await bot.say('/paid 2026-11-20 500'));
    expect(swapped).toContain('Amount: 500.00');
    expect(swapped).toContain('Date: 2026-11-20 (Fri)');

    await bot.pressLabel('Confirm');
    expect(bot.db.select().from(payments).all()).toEqual([expect.objectContaining({ amount: '500.00', paidOn: '2026-11-20' })]);
  });

  it('typing a date on the card changes the date', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await bot.say('/paid');
    expect(texts(await bot.say('2026-11-19'))).toContain('Date: 2026-11-19 (Thu)');
    await bot.pressLabel('Confirm');
    expect(bot.db.select().from(payments).get()?.paidOn).toBe('2026-11-19');
  });

  it('Cancel records nothing, and a second press of Confirm does not record twice', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await bot.say('/paid');
    expect(texts(await bot.pressLabel('Cancel'))).toContain('Cancelled. Nothing was saved.');
    expect(bot.db.select().from(payments).all()).toHaveLength(0);

    const card = await bot.say('/paid');
    const confirm = card
      .at(-1)
      ?.buttons?.flat()
      .find((b) => b.label === 'Confirm');
    await bot.press(confirm?.data ?? '');
    expect(texts(await bot.press(confirm?.data ?? ''))).toContain('no longer works');
    expect(bot.db.select().from(payments).all()).toHaveLength(1);
  });
});

describe('/paid with two loans', () => {
  it('asks which loan with one button each, then shows that loan’s next installment', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await addLoan(bot, PHONE);
    const question = await bot.say('/paid');
    expect(texts(question)).toContain('Which loan?');
    expect(buttonLabels(question)).toEqual(['1. car', '2. phone']);

    const card = texts(await bot.pressLabel('2. phone'));
    expect(card).toContain('Record a payment to phone?');
    expect(card).toContain('Amount: 1,072.00');
    await bot.pressLabel('Confirm');
    const [car, phone] = rows(bot).filter((row) => row.n === 1);
    expect(car?.paid).toBe('0.00');
    expect(phone).toMatchObject({ payment: '1072.00', paid: '1072.00' });
  });

  it('takes the loan by its number or name in the command line', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await addLoan(bot, PHONE);
    const byNumber = texts(await bot.say('/paid 2 500'));
    expect(byNumber).toContain('Record a payment to phone?');
    expect(byNumber).toContain('Amount: 500.00');
    const byName = texts(await bot.say('/paid car 500 2026-11-20'));
    expect(byName).toContain('Record a payment to car?');
    expect(byName).toContain('Amount: 500.00');
    expect(byName).toContain('Date: 2026-11-20 (Fri)');
  });

  // BUG (commands/paid.ts, onCallback `if (first === 'loan') return begin(ctx, Number(action), '')`):
  // when /paid has to ask which loan, the amount and date typed after /paid are thrown away, and
  // the card silently falls back to the next installment and today.
  it('keeps the amount and date typed after /paid when it has to ask which loan', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await addLoan(bot, PHONE);
    expect(texts(await bot.say('/paid 500 2026-11-20'))).toContain('Which loan?');
    const card = texts(await bot.pressLabel('2. phone'));
    expect(card).toContain('Record a payment to phone?');
    expect(card).toContain('Amount: 500.00');
    expect(card).toContain('Date: 2026-11-20 (Fri)');
  });

  it('another user’s loan cannot be paid with a forged button', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await bot.say('/start', { user: 2 });
    expect(texts(await bot.press('paid:loan:1', { user: 2 }))).toContain('no longer works');
    expect(texts(await bot.say('/paid', { user: 2 }))).toContain('You have no loans yet');
  });
});

describe('/undo', () => {
  it('the Undo button asks first, then takes the payment back exactly', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await bot.say('/paid 1000');
    await bot.pressLabel('Confirm');
    expect(paidColumn(bot).slice(0, 2)).toEqual(['888.49', '111.51']);

    const ask = await bot.pressLabel('Undo');
    expect(texts(ask)).toContain('Take back the payment of 1,000.00 to car on 2026-11-21 (Sat)?');
    expect(buttonLabels(ask)).toEqual(['Yes, take it back', 'Keep it']);
    // Asking changes nothing.
    expect(bot.db.select().from(payments).all()).toHaveLength(1);

    expect(texts(await bot.pressLabel('Yes, take it back'))).toContain('Taken back: 1,000.00 for car. Those installments are open again.');
    expect(paidColumn(bot).every((paid) => paid === '0.00')).toBe(true);
    expect(bot.db.select().from(payments).all()).toHaveLength(0);
    expect(bot.db.select().from(paymentAllocations).all()).toHaveLength(0);
    expect(texts(await bot.say('/next'))).toContain('• car: 888.49 (installment 1 of 12)');
  });

  it('/undo asks about the last payment; Keep it changes nothing', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await bot.say('/paid 500 2026-11-20');
    await bot.pressLabel('Confirm');
    expect(texts(await bot.say('/undo'))).toContain('Take back the payment of 500.00 to car on 2026-11-20 (Fri)?');
    expect(texts(await bot.pressLabel('Keep it'))).toContain('Nothing changed.');
    expect(paidColumn(bot)[0]).toBe('500.00');
    expect(bot.db.select().from(payments).all()).toHaveLength(1);
  });

  it('undoes only the newest payment and leaves the one before it as it was', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await bot.say('/paid 500');
    await bot.pressLabel('Confirm');
    await bot.say('/paid 600');
    await bot.pressLabel('Confirm');
    // 500 + 600: installment 1 full (888.49), 211.51 on installment 2.
    expect(paidColumn(bot).slice(0, 2)).toEqual(['888.49', '211.51']);
    await bot.say('/undo');
    await bot.pressLabel('Yes, take it back');
    expect(paidColumn(bot).slice(0, 2)).toEqual(['500.00', '0.00']);
    expect(bot.db.select().from(payments).all()).toEqual([expect.objectContaining({ amount: '500.00' })]);
  });

  it('a second undo of the same payment is refused', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await bot.say('/paid 500');
    await bot.pressLabel('Confirm');
    await bot.say('/paid 300');
    await bot.pressLabel('Confirm');
    const ask = await bot.say('/undo');
    const yes = ask
      .at(-1)
      ?.buttons?.flat()
      .find((b) => b.label === 'Yes, take it back');
    expect(texts(await bot.press(yes?.data ?? ''))).toContain('Taken back: 300.00');
    // The same button again must not take back the 500.00 payment that is now the newest.
    expect(texts(await bot.press(yes?.data ?? ''))).toContain('no longer works');
    expect(paidColumn(bot)[0]).toBe('500.00');
    expect(bot.db.select().from(payments).all()).toHaveLength(1);
  });

  it('with nothing recorded there is nothing to undo', async () => {
    const bot = createTestBot();
    expect(texts(await bot.say('/undo'))).toContain('There is no payment to undo.');
    await addLoan(bot, CAR);
    await bot.say('/paid');
    await bot.pressLabel('Confirm');
    await bot.say('/undo');
    await bot.pressLabel('Yes, take it back');
    expect(texts(await bot.say('/undo'))).toContain('There is no payment to undo.');
  });

  it('does not undo the installments assumed paid when a loan in progress was added', async () => {
    const bot = createTestBot();
    await addLoan(bot, 'old loan 10000 12 months 12% annuity first 2026-09-15');
    expect(bot.db.select().from(payments).all()).toHaveLength(3);
    expect(texts(await bot.say('/undo'))).toContain('There is no payment to undo.');

    // A real payment afterwards is undone, and the three assumed ones stay.
    await bot.say('/paid');
    await bot.pressLabel('Confirm');
    expect(texts(await bot.say('/undo'))).toContain('Take back the payment of 888.49 to old loan on 2026-11-21 (Sat)?');
    await bot.pressLabel('Yes, take it back');
    expect(paidColumn(bot).slice(0, 4)).toEqual(['888.49', '888.49', '888.49', '0.00']);
    expect(
      bot.db
        .select()
        .from(payments)
        .all()
        .map((p) => p.source),
    ).toEqual(['registration', 'registration', 'registration']);
    expect(texts(await bot.say('/undo'))).toContain('There is no payment to undo.');
  });

  it('another user cannot undo my payment with a forged button', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await bot.say('/paid');
    await bot.pressLabel('Confirm');
    const id = bot.db.select().from(payments).get()?.id;
    expect(texts(await bot.press(`undo:payment:${id}`, { user: 2 }))).toContain('no longer works');
    expect(texts(await bot.say('/undo', { user: 2 }))).toContain('There is no payment to undo.');
    expect(paidColumn(bot)[0]).toBe('888.49');
  });
});

describe('/paid and /undo in Chinese', () => {
  it('uses the same numbers', async () => {
    const bot = createTestBot();
    await bot.say('/language zh-Hans');
    await addLoanZh(bot);
    const card = texts(await bot.say('/paid 500'));
    expect(card).toContain('记录一笔“车贷”的还款？');
    expect(card).toContain('金额：500.00');
    expect(card).toContain('日期：2026-11-21（周六）');
    const done = texts(await bot.pressLabel('确认'));
    expect(done).toContain('已记录“车贷”还款 500.00。');
    expect(done).toContain('下一期：2027-01-15（周五）还 388.49。');
    await bot.pressLabel('撤销');
    expect(texts(await bot.pressLabel('是的，撤销'))).toContain('已撤销“车贷”的 500.00 还款');
  });
});
