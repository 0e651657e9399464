import { describe, expect, it } from 'vitest';
import { installments } from '../../src/db/schema.ts';
import { createTestBot, texts } from '../support/bot.ts';

/*
 * Issue 9, points 4 and 5: a one-line /addloan read the way lenders quote and people type.
 * 3,000 × 12 at a total fee of 8.8% (花呗, 白条) is 22.00 a month, 264.00 in all, APR 15.86%;
 * read as 8.8% a month it was 3,168.00 in fees and an APR of 159.69%.
 */

describe('/addloan: a total fee over the plan (总费率)', () => {
  it('花呗 3000 12期 总费率8.8%: total fees 264.00 and the true APR, not 8.8% a month', async () => {
    const bot = createTestBot();
    const card = texts(await bot.say('/addloan 花呗 3000 12期 总费率8.8% 首期2027-01-10', { lang: 'zh-CN' }));
    expect(card).toContain('名称：花呗\n');
    // One number, nothing to choose: the card does not explain it.
    expect(card).toContain('借款金额：3,000.00\n');
    expect(card).toContain('费率：总费率 8.8%，分 12 期（月费率 0.7333%）');
    expect(card).toContain('每期还款：272.00');
    expect(card).toContain('手续费合计：264.00');
    expect(card).toContain('还款总额：3,264.00');
    expect(card).toContain('真实年化利率（APR）：15.86%');
    expect(card).not.toContain('159.69%');
    expect(card).not.toContain('四舍五入');

    await bot.pressLabel('保存');
    const rows = bot.db.select().from(installments).all();
    expect(rows).toHaveLength(12);
    expect(rows.every((row) => row.fee === '22.00')).toBe(true);
  });

  it('reads the same plan in English and in traditional characters', async () => {
    const english = texts(await createTestBot().say('/addloan phone 3000 12 months total fee 8.8% first 2027-01-10'));
    expect(english).toContain('Rate: a total fee of 8.8% over 12 installments (0.7333% monthly fee)');
    expect(english).toContain('Total fees: 264.00');
    expect(english).toContain('True annual rate (APR): 15.86%');

    const traditional = texts(await createTestBot().say('/addloan 白條 3000 12期 總費率8.8% 首期2027-01-10', { lang: 'zh-TW' }));
    expect(traditional).toContain('名稱：白條\n');
    expect(traditional).toContain('手續費合計：264.00');
  });

  it('says so when cent rounding makes the fees differ from the quoted total', async () => {
    const card = texts(await createTestBot().say('/addloan phone 10000 12 months total fee 8.8% first 2027-01-10'));
    expect(card).toContain('Total fees: 879.96');
    expect(card).toContain('so the fees add up to 879.96, not the quoted 880.00');
  });

  it('asks for the monthly fee rate when a total comes before the number of installments is known', async () => {
    const bot = createTestBot();
    await bot.say('/addloan phone 3000 installment plan');
    const refused = texts(await bot.say('总费率8.8%'));
    expect(refused).toContain('That is the fee for the whole plan');
    expect(refused).toContain('What is the monthly fee rate');
  });

  it('takes a total fee typed at the rate question once the line gave the installments', async () => {
    const bot = createTestBot();
    await bot.say('/addloan 花呗 3000 12期 分期手续费', { lang: 'zh-CN' });
    await bot.say('总费率8.8%', { lang: 'zh-CN' });
    const card = texts(await bot.say('2027-01-10', { lang: 'zh-CN' }));
    expect(card).toContain('手续费合计：264.00');
  });
});

describe('/addloan: interest-free (免息)', () => {
  it('免息 is a rate of 0 and stays out of the name', async () => {
    const card = texts(await createTestBot().say('/addloan 京东 3000 12期 免息 等额本金 首期2027-01-10', { lang: 'zh-CN' }));
    expect(card).toContain('名称：京东\n');
    expect(card).toContain('利率：年利率 0%');
    expect(card).toContain('每期还款：250.00');
    expect(card).toContain('还款总额：3,000.00');
    expect(card).not.toContain('没看懂');
  });
});

describe('/addloan: names keep their numbers', () => {
  it('小米商城 Xiaomi 15 手机 4999: the name keeps 15, the amount is 4,999.00 and the card says where it came from', async () => {
    const bot = createTestBot();
    const first = texts(await bot.say('/addloan 小米商城 Xiaomi 15 手机 4999 12期 免息 首期2027-01-10'));
    // 免息 names no method: the one question left.
    expect(first).toContain('Amount borrowed: 4,999.00 (read from “4999”)');
    expect(first).toContain('How is it repaid');
    expect(first).not.toContain('I could not tell');
    const card = texts(await bot.pressLabel('equal installments (annuity)'));
    expect(card).toContain('Name: 小米商城 Xiaomi 15 手机\n');
    expect(card).toContain('Amount borrowed: 4,999.00');
    expect(card).toContain('Total to repay: 4,999.00');
  });

  it('goes straight to the card when the line is complete, with the amount read from “4999”', async () => {
    const card = texts(await createTestBot().say('/addloan 小米商城 Xiaomi 15 手机 4999 12期 0% annuity first 2027-01-10'));
    expect(card).toContain('Name: 小米商城 Xiaomi 15 手机\n');
    expect(card).toContain('Amount borrowed: 4,999.00 (read from “4999”)');
  });

  it('2027款车 10000: a model year is part of the name, and the amount is not asked again', async () => {
    const card = texts(await createTestBot().say('/addloan 2027款车 10000 36期 年利率5% 等额本息 首期2027-01-10', { lang: 'zh-CN' }));
    expect(card).toContain('名称：2027款车\n');
    expect(card).toContain('借款金额：10,000.00（取自“10000”）');
    expect(card).not.toContain('借了多少钱');
  });

  it('asks for the amount when two numbers could each be it', async () => {
    const reply = texts(await createTestBot().say('/addloan RTX 4090 12999 12 months 0% annuity first 2027-01-10'));
    expect(reply).toContain('I could not tell what this meant, so I will ask: 4090, 12999');
    expect(reply).toContain('How much did you borrow');
  });
});

describe('/addloan: what the line did not use', () => {
  it('a card shown at once lists the unused pieces as not understood, instead of promising to ask', async () => {
    const card = texts(await createTestBot().say('/addloan card plan 6000 6 months 0.6% monthly fee 13.03% apr first 2027-01-10'));
    expect(card).toContain('Please check your loan');
    expect(card).toContain('Not understood (not used): 13.03% apr');
    expect(card).not.toContain('so I will ask');
  });

  it('in Chinese too', async () => {
    const card = texts(await createTestBot().say('/addloan 信用卡分期 6000 6期 月费率0.6% 年化13.03% 首期2027-01-10', { lang: 'zh-CN' }));
    expect(card).toContain('没看懂（未使用）：年化13.03%');
  });
});
