import { describe, expect, it } from 'vitest';
import { payments } from '../../src/db/schema.ts';
import { createTestBot, texts, type TestBot } from '../support/bot.ts';

/*
 * `/paid [loan] [amount] [date]`: one grammar (src/parse/payment-change.ts, readPaidLine), and no
 * amount on the card that the borrower did not clearly type. The clock is the suite default,
 * 2026-11-21 (Sat) 10:00 in Shanghai.
 */

const PHONE = 'phone 12000 12 months 0.6% monthly fee first 2026-12-10';
const CAR = 'car 10000 12 months 12% annuity first 2027-01-15';

async function addLoan(bot: TestBot, line: string) {
  await bot.say(`/addloan ${line}`);
  await bot.pressLabel('Save');
}

function labels(messages: { buttons?: { label: string }[][] }[]) {
  return messages.flatMap((m) => m.buttons?.flat().map((b) => b.label) ?? []);
}

describe('/paid with one loan: a bare 1 could be the loan or the amount', () => {
  it('asks, with a button for each reading, and puts no amount on a card before the answer', async () => {
    const bot = createTestBot();
    await addLoan(bot, PHONE);
    const asked = await bot.say('/paid 1');
    expect(texts(asked)).toContain('Is 1 the loan or the amount?');
    expect(texts(asked)).not.toContain('Amount:');
    expect(labels(asked)).toEqual(['Loan 1: phone', 'Amount 1.00']);

    const asLoan = texts(await bot.pressLabel('Loan 1: phone'));
    expect(asLoan).toContain('Record a payment to phone?');
    expect(asLoan).toContain('Amount: 1,072.00');

    await bot.say('/paid 1');
    const asAmount = texts(await bot.pressLabel('Amount 1.00'));
    expect(asAmount).toContain('Amount: 1.00');
    await bot.pressLabel('Confirm');
    expect(bot.db.select().from(payments).all()).toEqual([expect.objectContaining({ amount: '1.00' })]);
  });

  it('keeps a date typed with the 1 on either answer', async () => {
    const bot = createTestBot();
    await addLoan(bot, PHONE);
    await bot.say('/paid 1 2026-11-20');
    const card = texts(await bot.pressLabel('Loan 1: phone'));
    expect(card).toContain('Amount: 1,072.00');
    expect(card).toContain('Date: 2026-11-20 (Fri)');
  });

  it('reads a clear amount at once: after the loan, with a mark or a decimal point, or larger than any loan number', async () => {
    const bot = createTestBot();
    await addLoan(bot, PHONE);
    expect(texts(await bot.say('/paid 1 500'))).toContain('Amount: 500.00');
    expect(texts(await bot.say('/paid phone 1'))).toContain('Amount: 1.00');
    expect(texts(await bot.say('/paid 1.00'))).toContain('Amount: 1.00');
    expect(texts(await bot.say('/paid ¥1'))).toContain('Amount: 1.00');
    expect(texts(await bot.say('/paid 2'))).toContain('Amount: 2.00');
    expect(texts(await bot.say('/paid 500'))).toContain('Amount: 500.00');
  });

  it('"#5" is a loan number, and there is no loan 5', async () => {
    const bot = createTestBot();
    await addLoan(bot, PHONE);
    const reply = await bot.say('/paid #5');
    expect(texts(reply)).toContain('There is no loan 5: you have one loan.');
    expect(texts(reply)).not.toContain('Amount:');
    expect(labels(reply)).toEqual(['1. phone']);
  });
});

describe('/paid with two loans: a bare number first is a loan number', () => {
  it('"/paid 9" without a loan 9 says so and asks which loan, with no 9.00 anywhere', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await addLoan(bot, PHONE);
    const reply = await bot.say('/paid 9');
    const text = texts(reply);
    expect(text).toContain('There is no loan 9: you have 2 loans.');
    expect(text).toContain('If 9 was the amount, pick the loan below and type 9.00 on its card.');
    expect(text).toContain('Which loan?');
    expect(labels(reply)).toEqual(['1. car', '2. phone']);
    const card = texts(await bot.pressLabel('2. phone'));
    expect(card).toContain('Amount: 1,072.00');
    expect(card).not.toContain('9.00');
  });

  it('a number of 100 or more, or one with a mark, is an amount carried to the loan picked', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await addLoan(bot, PHONE);
    expect(texts(await bot.say('/paid 500'))).toContain('Which loan?');
    expect(texts(await bot.pressLabel('2. phone'))).toContain('Amount: 500.00');
    expect(texts(await bot.say('/paid 9.00'))).toContain('Which loan?');
    expect(texts(await bot.pressLabel('1. car'))).toContain('Amount: 9.00');
    expect(texts(await bot.say('/paid 9元'))).toContain('Which loan?');
    expect(texts(await bot.pressLabel('1. car'))).toContain('Amount: 9.00');
  });

  it('a loan number alone opens that loan’s card with its next installment', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await addLoan(bot, PHONE);
    const card = texts(await bot.say('/paid 2'));
    expect(card).toContain('Record a payment to phone?');
    expect(card).toContain('Amount: 1,072.00');
    expect(texts(await bot.say('/paid #1 300'))).toContain('Record a payment to car?');
  });

  it('takes a name of several words', async () => {
    const bot = createTestBot();
    await addLoan(bot, 'old loan 10000 12 months 12% annuity first 2026-12-15');
    await addLoan(bot, PHONE);
    const card = texts(await bot.say('/paid Old Loan 500'));
    expect(card).toContain('Record a payment to old loan?');
    expect(card).toContain('Amount: 500.00');
  });

  it('says "there is no loan" in Chinese too', async () => {
    const bot = createTestBot();
    await bot.say('/language zh-Hans');
    await bot.say('/addloan 车贷 10000 12期 年利率12% 等额本息 首期2027-01-15');
    await bot.pressLabel('保存');
    await bot.say('/addloan 手机 12000 12期 月费率0.6% 首期2026-12-10');
    await bot.pressLabel('保存');
    const text = texts(await bot.say('/paid 9'));
    expect(text).toContain('没有第 9 笔借款：你一共有 2 笔借款。');
    expect(text).toContain('是哪一笔借款？');
    expect(text).not.toContain('金额：');
  });
});

describe('/paid dates', () => {
  it('reads yesterday, 昨天, 前天 and "day before yesterday", in the line and on the card', async () => {
    const bot = createTestBot();
    await addLoan(bot, PHONE);
    expect(texts(await bot.say('/paid 500 yesterday'))).toContain('Date: 2026-11-20 (Fri)');
    expect(texts(await bot.say('/paid 昨天 500'))).toContain('Date: 2026-11-20 (Fri)');
    expect(texts(await bot.say('/paid 前天'))).toContain('Date: 2026-11-19 (Thu)');
    const card = texts(await bot.say('/paid day before yesterday 600'));
    expect(card).toContain('Date: 2026-11-19 (Thu)');
    expect(card).toContain('Amount: 600.00');
    await bot.say('/paid');
    const typed = texts(await bot.say('yesterday'));
    expect(typed).toContain('Date: 2026-11-20 (Fri)');
    expect(typed).toContain('Amount: 1,072.00');
    expect(texts(await bot.say('400 前天'))).toContain('Date: 2026-11-19 (Thu)');
    await bot.pressLabel('Confirm');
    expect(bot.db.select().from(payments).all()).toEqual([expect.objectContaining({ amount: '400.00', paidOn: '2026-11-19' })]);
  });

  it('a date without a year is the last one before today', async () => {
    const bot = createTestBot();
    await addLoan(bot, PHONE);
    expect(texts(await bot.say('/paid 500 11月15日'))).toContain('Date: 2026-11-15 (Sun)');
  });

  it('refuses a date before the loan began, says why, shows the question again and records nothing', async () => {
    const bot = createTestBot();
    // A loan first due 2026-12-10, added today, began in 2026 (the services say the day).
    await addLoan(bot, PHONE);
    const inLine = texts(await bot.say('/paid 500 2025-01-01'));
    expect(inLine).toMatch(
      /2025-01-01 \(Wed\) is before this loan began \(2026-\d\d-\d\d \(\w+\)\), so a payment to it cannot be dated then\./,
    );
    expect(inLine).toContain('Amount: 500.00');
    expect(inLine).toContain('Date: 2026-11-21 (Sat)');
    const onCard = texts(await bot.say('2025-01-01'));
    expect(onCard).toContain('is before this loan began');
    expect(onCard).toContain('Date: 2026-11-21 (Sat)');
    expect(bot.db.select().from(payments).all()).toHaveLength(0);
  });

  it('refuses tomorrow like any date after today', async () => {
    const bot = createTestBot();
    await addLoan(bot, PHONE);
    const reply = texts(await bot.say('/paid 500 tomorrow'));
    expect(reply).toContain('A payment date cannot be in the future.');
    expect(reply).toContain('Date: 2026-11-21 (Sat)');
  });
});

describe('/paid after a partial payment', () => {
  it('says what the loan still owes; a whole installment does not', async () => {
    const bot = createTestBot();
    await addLoan(bot, PHONE);
    await bot.say('/paid 500');
    const partial = texts(await bot.pressLabel('Confirm'));
    expect(partial).toContain('Recorded 500.00 for phone.');
    // 12 × 1,072.00 = 12,864.00, less 500.00.
    expect(partial).toContain('Still owed on this loan: 12,364.00.');
    await bot.say('/paid');
    expect(texts(await bot.pressLabel('Confirm'))).not.toContain('Still owed');
  });
});

describe('/help', () => {
  it('writes the /paid grammar down', async () => {
    const bot = createTestBot();
    expect(texts(await bot.say('/help'))).toContain('/paid [loan] [amount] [date]');
    await bot.say('/language zh-Hans');
    expect(texts(await bot.say('/help'))).toContain('/paid [借款] [金额] [日期]');
  });
});
