import { asc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { installments, loans } from '../../src/db/schema.ts';
import { createTestBot, texts, type TestBot } from '../support/bot.ts';

/*
 * /addloan with every repayment method, the extra fields on the card (up-front fee, lender) and
 * the warnings about the true annual rate. Figures are the worked examples of domain.md §1–2.
 */

function rows(bot: TestBot) {
  return bot.db.select().from(installments).orderBy(asc(installments.n)).all();
}

/** The guided form up to the method question, then that method's button. */
async function guided(bot: TestBot, name: string, amount: string, methodLabel: string) {
  await bot.say('/addloan');
  await bot.say(name);
  await bot.say(amount);
  return bot.pressLabel(methodLabel);
}

describe('/addloan, guided, bullet (everything at the end)', () => {
  it('asks the date the money was received; 90 days at 12% on 10,000 is 300.00 interest, one payment of 10,300.00', async () => {
    const bot = createTestBot();
    expect(texts(await guided(bot, 'bridge loan', '10000', 'everything at the end (bullet)'))).toContain(
      '(4/6) What is the interest rate?',
    );
    expect(texts(await bot.say('12%'))).toContain('(5/6) When did you receive the money? For example 2026-11-21.');
    expect(texts(await bot.say('2027-01-01'))).toContain('(6/6) When is it due?');
    const card = texts(await bot.say('2027-04-01'));
    expect(card).toContain('Repayment: everything at the end (bullet)');
    expect(card).toContain('Rate: 12% a year');
    expect(card).toContain('Money received: 2027-01-01 (Fri)');
    expect(card).toContain('Due: 2027-04-01 (Thu)');
    expect(card).not.toContain('Installments:');
    expect(card).toContain('Payment: 10,300.00');
    expect(card).toContain('Total interest: 300.00');
    expect(card).toContain('Total to repay: 10,300.00');

    expect(texts(await bot.pressLabel('Save'))).toContain('Saved "bridge loan".');
    expect(bot.db.select().from(loans).get()).toMatchObject({
      method: 'bullet',
      periods: 1,
      startDate: '2027-01-01',
      firstDue: '2027-04-01',
    });
    expect(rows(bot)).toEqual([
      expect.objectContaining({ n: 1, dueDate: '2027-04-01', principal: '10000.00', interest: '300.00', payment: '10300.00' }),
    ]);
    expect(texts(await bot.say('/next'))).toContain('• bridge loan: 10,300.00 (installment 1 of 1)');
  });

  it('refuses a due date that is not after the date the money was received', async () => {
    const bot = createTestBot();
    await guided(bot, 'bridge loan', '10000', 'everything at the end (bullet)');
    await bot.say('12%');
    await bot.say('2027-01-01');
    const reply = texts(await bot.say('2026-12-31'));
    expect(reply).toContain('The date you got the money must be before the due date.');
    expect(reply).toContain('When is it due?');
  });
});

describe('/addloan, guided, buy now pay later', () => {
  it('asks for a fee instead of a rate, and 0 is a valid answer', async () => {
    const bot = createTestBot();
    expect(texts(await guided(bot, 'headphones', '3000', 'buy now, pay later (one payment)'))).toContain(
      '(4/5) Is there a fee on top? Enter the amount, or 0 if none.',
    );
    expect(texts(await bot.say('0'))).toContain('(5/5) When is it due?');
    const card = texts(await bot.say('2026-12-21'));
    expect(card).toContain('Repayment: buy now, pay later (one payment)');
    expect(card).toContain('Fee: 0.00');
    expect(card).not.toContain('Rate:');
    expect(card).toContain('Due: 2026-12-21 (Mon)');
    expect(card).toContain('Payment: 3,000.00');
    expect(card).toContain('If late: buy now, pay later (CN) rules');
    await bot.pressLabel('Save');
    expect(rows(bot)).toEqual([expect.objectContaining({ payment: '3000.00', fee: '0.00' })]);
  });

  it('a fee is added to the one payment; a fee as large as the purchase is refused', async () => {
    const bot = createTestBot();
    await guided(bot, 'headphones', '3000', 'buy now, pay later (one payment)');
    const refused = texts(await bot.say('3000'));
    expect(refused).toContain('The fee must be less than the amount borrowed.');
    expect(refused).toContain('Is there a fee on top?');
    await bot.say('45');
    const card = texts(await bot.say('2026-12-21'));
    expect(card).toContain('Fee: 45.00');
    expect(card).toContain('Payment: 3,045.00');
    expect(card).toContain('Total fees: 45.00');
  });
});

describe('/addloan, guided, flat rate (等本等息)', () => {
  it('月息1% on 10,000 × 12 shows its true annual rate of 21.46%, not 12%', async () => {
    const bot = createTestBot();
    expect(texts(await guided(bot, 'cash loan', '10000', 'flat rate (interest on the original amount)'))).toContain(
      '(4/6) What is the monthly interest on the original amount?',
    );
    await bot.say('月息1%');
    await bot.say('12');
    const card = texts(await bot.say('2026-12-21'));
    expect(card).toContain('Repayment: flat rate (interest on the original amount)');
    expect(card).toContain('Rate: 1% a month');
    expect(card).toContain('Total interest: 1,200.00');
    expect(card).toContain('True annual rate (APR): 21.46%');
    expect(card).not.toContain('⚠️');
    await bot.pressLabel('Save');
    expect(rows(bot)[0]).toMatchObject({ principal: '833.33', interest: '100.00', payment: '933.33' });
  });
});

describe('/addloan, guided, equal principal and interest first', () => {
  it('equal principal: 933.33 first, 841.70 last, 650.00 interest', async () => {
    const bot = createTestBot();
    await guided(bot, 'renovation', '10000', 'equal principal');
    await bot.say('12%');
    await bot.say('12');
    const card = texts(await bot.say('2027-01-15'));
    expect(card).toContain('First payment 933.33, last payment 841.70');
    expect(card).toContain('Total interest: 650.00');
    expect(card).toContain('True annual rate (APR): 12.00%');
    await bot.pressLabel('Save');
    const payments = rows(bot).map((row) => row.payment);
    expect(payments.slice(0, 3)).toEqual(['933.33', '925.00', '916.66']);
    expect(payments.at(-1)).toBe('841.70');
  });

  it('interest first: 100.00 a month, then 10,100.00', async () => {
    const bot = createTestBot();
    await guided(bot, 'business loan', '10000', 'interest first, principal at the end');
    await bot.say('12%');
    await bot.say('12');
    const card = texts(await bot.say('2027-01-15'));
    expect(card).toContain('Repayment: interest first, principal at the end');
    expect(card).toContain('Monthly payment: 100.00 (the last one 10,100.00)');
    expect(card).toContain('Total interest: 1,200.00');
    await bot.pressLabel('Save');
    const payments = rows(bot).map((row) => row.payment);
    expect(payments.slice(0, 11).every((p) => p === '100.00')).toBe(true);
    expect(payments[11]).toBe('10100.00');
  });

  it('fee plan: asks for the monthly fee rate; 0.6% on 12,000 × 12 is 1,072.00 a month, APR 13.03%', async () => {
    const bot = createTestBot();
    await guided(bot, 'phone', '12000', 'installment plan with a monthly fee');
    expect(bot.lastText()).toContain('(4/6) What is the monthly fee rate (月费率)?');
    await bot.say('0.6%');
    await bot.say('12');
    const card = texts(await bot.say('2026-12-10'));
    expect(card).toContain('Rate: 0.6% monthly fee');
    expect(card).toContain('Monthly payment: 1,072.00');
    expect(card).toContain('Total fees: 864.00');
    expect(card).toContain('True annual rate (APR): 13.03%');
  });
});

describe('/addloan card: Edit → Up-front fee, Lender', () => {
  it('an up-front fee of 864 on 12,000 repaid 1,000 × 12 raises the APR from 0% to 14.02%', async () => {
    const bot = createTestBot();
    const before = texts(await bot.say('/addloan cash 12000 12 months 0% annuity first 2027-01-15'));
    expect(before).toContain('Monthly payment: 1,000.00');
    expect(before).toContain('True annual rate (APR): 0.00%');

    await bot.pressLabel('Edit');
    expect(texts(await bot.pressLabel('Up-front fee'))).toContain('Was a fee taken from the money before you received it (砍头息)?');
    const refused = texts(await bot.say('12000'));
    expect(refused).toContain('The fee must be less than the amount borrowed.');
    const card = texts(await bot.say('864'));
    expect(card).toContain('Up-front fee: 864.00 (you received 11,136.00)');
    expect(card).toContain('Monthly payment: 1,000.00');
    expect(card).toContain('True annual rate (APR): 14.02%');

    await bot.pressLabel('Save');
    expect(bot.db.select().from(loans).get()?.upfrontFee).toBe('864.00');
    expect(texts(await bot.say('/loans'))).toContain('true annual rate 14.02%');
  });

  it('Lender → private shows the 4 × LPR line (12.00%); a loan within it says so', async () => {
    const bot = createTestBot();
    const first = texts(await bot.say('/addloan friend 10000 12 months 10% annuity first 2027-01-15'));
    expect(first).not.toContain('LPR');
    await bot.pressLabel('Edit');
    const ask = await bot.pressLabel('Lender');
    expect(texts(ask)).toContain('Who lent the money?');
    expect(
      ask
        .at(-1)
        ?.buttons?.flat()
        .map((b) => b.label),
    ).toEqual(['Bank or licensed lender', 'A person or company (private loan)']);
    const card = texts(await bot.pressLabel('A person or company (private loan)'));
    expect(card).toContain('Lender: private loan (民间借贷)');
    expect(card).toContain(
      'Within 12.00%, four times the one-year LPR (3.00% since 2025-05-20), the line courts protect for private loans.',
    );
    expect(card).not.toContain('⚠️');
    await bot.pressLabel('Save');
    expect(bot.db.select().from(loans).get()?.lenderKind).toBe('private');
  });

  // BUG (same as the 24% one, commands/shared/loan-card.ts aprWarnings `apr.gt(cap)`): a private
  // loan at exactly 12% a year, which is exactly 4 × LPR, shows "APR 12.00%" and is told it is
  // above 12.00% and not protected by the courts.
  it('a private loan at exactly 4 × LPR (12% a year) is within the line', async () => {
    const bot = createTestBot();
    await bot.say('/addloan friend 10000 12 months 12% annuity first 2027-01-15');
    await bot.pressLabel('Edit');
    await bot.pressLabel('Lender');
    const card = texts(await bot.pressLabel('A person or company (private loan)'));
    expect(card).toContain('True annual rate (APR): 12.00%');
    expect(card).toContain('Within 12.00%, four times the one-year LPR');
    expect(card).not.toContain('⚠️');
  });

  it('a private loan above 4 × LPR warns', async () => {
    const bot = createTestBot();
    await bot.say('/addloan friend 10000 12 months 15% annuity first 2027-01-15');
    await bot.pressLabel('Edit');
    await bot.pressLabel('Lender');
    const card = texts(await bot.pressLabel('A person or company (private loan)'));
    expect(card).toContain('True annual rate (APR): 15.00%');
    expect(card).toContain(
      '⚠️ Above 12.00%, four times the one-year LPR (3.00% since 2025-05-20): courts in China do not protect private-loan interest beyond that.',
    );
    // Back to a licensed lender: the LPR line goes away.
    await bot.pressLabel('Edit');
    await bot.pressLabel('Lender');
    expect(texts(await bot.pressLabel('Bank or licensed lender'))).not.toContain('LPR');
  });

  it('the up-front fee counts towards the private-loan line: 0% with 864 taken up front is above it', async () => {
    const bot = createTestBot();
    await bot.say('/addloan friend 12000 12 months 0% annuity first 2027-01-15');
    await bot.pressLabel('Edit');
    await bot.pressLabel('Up-front fee');
    await bot.say('864');
    await bot.pressLabel('Edit');
    await bot.pressLabel('Lender');
    const card = texts(await bot.pressLabel('A person or company (private loan)'));
    expect(card).toContain('True annual rate (APR): 14.02%');
    expect(card).toContain('⚠️ Above 12.00%, four times the one-year LPR');
  });
});

describe('/addloan card: warnings about the true annual rate', () => {
  it('none below 24%', async () => {
    const bot = createTestBot();
    const card = texts(await bot.say('/addloan loan 10000 12 months 23% annuity first 2027-01-15'));
    expect(card).toContain('True annual rate (APR): 23.00%');
    expect(card).not.toContain('⚠️');
  });

  // BUG (commands/shared/loan-card.ts aprWarnings: `apr.gt(24)`, `apr.gt(36)`, `apr.gt(cap)`):
  // the comparison uses the unrounded IRR, which cent rounding of the payments pushes a hair
  // above the contract rate (24% → 24.00006319…, 12% → 12.00011463…). The card then shows
  // "APR 24.00%" next to "⚠️ This costs more than 24% a year". Compare the APR as shown
  // (apr.toDecimalPlaces(2)) instead. domain.md §2: a loan with no fees has APR = its nominal rate.
  it('none at exactly 24% a year: the APR shown is 24.00%', async () => {
    const bot = createTestBot();
    const card = texts(await bot.say('/addloan loan 10000 12 months 24% annuity first 2027-01-15'));
    expect(card).toContain('True annual rate (APR): 24.00%');
    expect(card).not.toContain('⚠️');
  });

  it('above 24%: costs more than regulators expect licensed lenders to charge', async () => {
    const bot = createTestBot();
    const card = texts(await bot.say('/addloan loan 10000 12 months 30% annuity first 2027-01-15'));
    expect(card).toContain('True annual rate (APR): 30.00%');
    expect(card).toContain(
      '⚠️ This costs more than 24% a year, above what regulators expect licensed lenders to charge. Check your contract.',
    );
    expect(card).not.toContain('36%');
  });

  it('above 36%: an unusually expensive loan (and only that warning)', async () => {
    const bot = createTestBot();
    const card = texts(await bot.say('/addloan loan 10000 12 months 40% annuity first 2027-01-15'));
    expect(card).toContain('True annual rate (APR): 40.00%');
    expect(card).toContain(
      "⚠️ This costs more than 36% a year: an unusually expensive loan. Check your contract, and the lender's licence, before you pay more.",
    );
    expect(card).not.toContain('more than 24%');
  });

  it('a fee plan whose monthly fee looks small can still be above 24% (1.2% × 12 → APR 25.60%)', async () => {
    const bot = createTestBot();
    const card = texts(await bot.say('/addloan loan 12000 12 months 1.2% monthly fee first 2027-01-15'));
    expect(card).toContain('Rate: 1.2% monthly fee');
    expect(card).toContain('True annual rate (APR): 25.60%');
    expect(card).toContain('⚠️ This costs more than 24% a year');
  });
});

describe('/addloan in Chinese', () => {
  it('guided bullet loan, the private-loan line and the 36% warning', async () => {
    const bot = createTestBot();
    await bot.say('/language zh-Hans');
    await bot.say('/addloan');
    await bot.say('周转');
    await bot.say('1万');
    expect(texts(await bot.pressLabel('到期还本付息'))).toContain('（4/6）利率是多少？');
    expect(texts(await bot.say('年利率12%'))).toContain('（5/6）哪天收到的这笔钱？例如 2026-11-21。');
    expect(texts(await bot.say('2027年1月1日'))).toContain('（6/6）哪天到期？');
    const card = texts(await bot.say('2027-04-01'));
    expect(card).toContain('还款方式：到期还本付息');
    expect(card).toContain('到账日期：2027-01-01（周五）');
    expect(card).toContain('到期日：2027-04-01（周四）');
    expect(card).toContain('应还金额：10,300.00');
    expect(card).toContain('利息合计：300.00');

    await bot.pressLabel('保存');
    expect(bot.db.select().from(installments).get()?.payment).toBe('10300.00');

    await bot.say('/addloan 朋友借款 10000 12期 年利率10% 等额本息 首期2027-01-15');
    await bot.pressLabel('修改');
    expect(texts(await bot.pressLabel('出借方'))).toContain('这笔钱是谁借给你的？');
    const privateCard = texts(await bot.pressLabel('个人或公司（民间借贷）'));
    expect(privateCard).toContain('出借方：民间借贷');
    expect(privateCard).toContain('在 12.00% 以内，即一年期 LPR（2025-05-20 起为 3.00%）的四倍，属于法院保护的民间借贷利率范围。');

    const expensive = texts(await bot.say('/addloan 网贷 10000 12期 年利率40% 等额本息 首期2027-01-15'));
    expect(expensive).toContain('真实年化利率（APR）：40.00%');
    expect(expensive).toContain('⚠️ 年化成本超过 36%，属于非常昂贵的借款。继续还款前请核对合同和对方的放贷资质。');
  });
});

describe('the day count', () => {
  it('a 90-day bullet on a 365-day year: 295.89 instead of 300.00', async () => {
    const bot = createTestBot();
    await bot.say('/addloan loan 10000 bullet 12% first 2027-04-01');
    const card = texts(await bot.say('2027-01-01'));
    expect(card).toContain('Payment: 10,300.00');
    await bot.pressLabel('Edit');
    await bot.pressLabel('Day count');
    const on365 = texts(await bot.pressLabel('365 days'));
    expect(on365).toContain('Payment: 10,295.89');
    expect(on365).toContain('Daily interest on a 365-day year');
  });
});
