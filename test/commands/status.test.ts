import { asc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { installments, loans } from '../../src/db/schema.ts';
import { Decimal, roundCents } from '../../src/domain/money.ts';
import { createTestBot, texts, type TestBot } from '../support/bot.ts';

/** 10:00 in Shanghai on that day. */
const at = (day: string) => new Date(`${day}T02:00:00Z`);

const CAR = 'car 10000 12 months 12% annuity first 2027-01-15';
const PHONE = 'phone 12000 12 months 0.6% monthly fee first 2026-12-10';

async function addLoan(bot: TestBot, line: string) {
  await bot.say(`/addloan ${line}`);
  await bot.pressLabel('Save');
}

function rows(bot: TestBot) {
  return bot.db.select().from(installments).orderBy(asc(installments.loanId), asc(installments.n)).all();
}

describe('/status when nothing is overdue', () => {
  it('says so and names the next due', async () => {
    const bot = createTestBot();
    expect(texts(await bot.say('/status'))).toContain('Nothing is overdue, and nothing is due.');
    await addLoan(bot, CAR);
    expect(texts(await bot.say('/status'))).toContain('Nothing is overdue. Next due: 888.49 on 2027-01-15 (Fri), in 55 days.');
  });

  it('on the due date itself nothing is overdue yet', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    bot.clock.set(at('2027-01-15'));
    expect(texts(await bot.say('/status'))).toContain('Nothing is overdue. Next due: 888.49 on 2027-01-15 (Fri), due today.');
  });

  it('a loan in progress, registered with its past installments, is not overdue', async () => {
    const bot = createTestBot();
    await addLoan(bot, 'old 10000 12 months 12% annuity first 2026-09-15');
    expect(texts(await bot.say('/status'))).toContain('Nothing is overdue. Next due: 888.49 on 2026-12-15 (Tue), in 24 days.');
  });
});

describe('/status for a bank loan (bank-cn: contract rate × 1.5, 3 days’ grace)', () => {
  it('30 days late: the open amount, the days, the penalty 13.33 and the next stage with its date', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    expect(bot.db.select().from(loans).get()?.policyPreset).toBe('bank-cn');
    bot.clock.set(at('2027-02-14'));

    // 12% × 1.5 = 18% a year on a 360-day basis, for 30 days, on the principal and on the interest.
    const [first] = rows(bot);
    const charge = (base: string) => roundCents(new Decimal(base).times('0.12').times('1.5').times(30).div(360));
    expect(charge(first?.principal ?? '').toFixed(2)).toBe('11.83');
    expect(charge(first?.interest ?? '').toFixed(2)).toBe('1.50');

    const text = texts(await bot.say('/status'));
    expect(text).toContain('What is overdue:');
    expect(text).toContain('car: 888.49 overdue, penalty so far 13.33');
    expect(text).toContain('• installment 1 due 2027-01-15 (Fri): 888.49, 30 days late, penalty 13.33 — likely in collection');
    // Installment 2 (due 2027-02-15) is not due yet and not listed.
    expect(text).not.toContain('installment 2');
    expect(text).toContain('Next: risk of legal action from 2027-04-15 (Thu).');
    expect(text).toContain('These are typical rules: your contract decides.');
    expect(text).toContain('征信修复');
    expect(text).not.toContain('grace period');
  });

  it('within the grace period: no penalty yet, says grace, and when reporting is likely to start', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    bot.clock.set(at('2027-01-17'));
    const text = texts(await bot.say('/status'));
    expect(text).toContain('car: 888.49 overdue, penalty so far 0.00');
    expect(text).toContain('• installment 1 due 2027-01-15 (Fri): 888.49, 2 days late, penalty 0.00 — in the grace period');
    expect(text).toContain('You are still within the grace period: paying now usually counts as on time.');
    expect(text).toContain('Next: likely reported to the credit bureau (征信) from 2027-01-19 (Tue).');
  });

  it('once grace has ended the penalty covers every day past due, grace days included', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    bot.clock.set(at('2027-01-19'));
    // 4 days: 788.49 × 18% × 4 / 360 = 1.577… → 1.58; 100.00 × 18% × 4 / 360 = 0.20.
    const text = texts(await bot.say('/status'));
    expect(text).toContain('888.49, 4 days late, penalty 1.78 — likely reported to the credit bureau (征信)');
    expect(text).not.toContain('within the grace period');
    expect(text).toContain('Next: likely in collection from 2027-02-14 (Sun).');
  });

  it('a partial payment keeps the penalty already charged: it is paid first, and the loan is clear only when that is paid too', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    bot.clock.set(at('2027-02-14'));
    await bot.say('/paid 100 2027-01-15');
    await bot.pressLabel('Confirm');
    // 100.00 covers the interest; 788.49 of principal stays open: 11.83 penalty.
    expect(texts(await bot.say('/status'))).toContain('car: 788.49 overdue, penalty so far 11.83');
    // 788.49 pays the 11.83 of penalty first (Civil Code order), so 11.83 of principal stays overdue.
    await bot.say('/paid 788.49');
    await bot.pressLabel('Confirm');
    expect(texts(await bot.say('/status'))).toContain('car: 11.83 overdue, penalty so far 0.00');
    await bot.say('/paid 11.83');
    await bot.pressLabel('Confirm');
    expect(texts(await bot.say('/status'))).toContain('Nothing is overdue. Next due: 888.49 on 2027-02-15 (Mon), in 1 day.');
  });

  it('lists every overdue installment of every loan that has one, and only those', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await addLoan(bot, 'later 5000 6 months 12% annuity first 2027-06-01');
    bot.clock.set(at('2027-03-01'));
    const text = texts(await bot.say('/status'));
    expect(text).toContain('car: 1,776.98 overdue');
    expect(text).toContain('• installment 1 due 2027-01-15 (Fri): 888.49, 45 days late');
    expect(text).toContain('• installment 2 due 2027-02-15 (Mon): 888.49, 14 days late');
    expect(text).not.toContain('later');
  });

  it('speaks Chinese', async () => {
    const bot = createTestBot();
    await bot.say('/language zh-Hans');
    await bot.say('/addloan 车贷 10000 12期 年利率12% 等额本息 首期2027-01-15');
    await bot.pressLabel('保存');
    bot.clock.set(at('2027-02-14'));
    const text = texts(await bot.say('/status'));
    expect(text).toContain('逾期情况：');
    expect(text).toContain('“车贷”：逾期 888.49，目前罚息 13.33');
    expect(text).toContain('已逾期 30 天，罚息 13.33 —— 可能进入催收');
    expect(text).toContain('以上为常见规则，以合同为准。');
  });
});

describe('/status for consumer-finance plans (a daily rate on the whole overdue amount)', () => {
  it('a fee plan: 0.05% a day on the open installment, fee included, from the first day', async () => {
    const bot = createTestBot();
    await addLoan(bot, PHONE);
    expect(bot.db.select().from(loans).get()?.policyPreset).toBe('consumer-cn');
    bot.clock.set(at('2026-12-11'));
    // No grace: 1,072.00 × 0.05% × 1 = 0.536 → 0.54.
    expect(texts(await bot.say('/status'))).toContain('1,072.00 overdue, penalty so far 0.54');

    bot.clock.set(at('2026-12-20'));
    // 1,072.00 (principal 1,000.00 + fee 72.00) × 0.05% × 10 days = 5.36
    const text = texts(await bot.say('/status'));
    expect(text).toContain('phone: 1,072.00 overdue, penalty so far 5.36');
    expect(text).toContain('1,072.00, 10 days late, penalty 5.36');
    expect(text).not.toContain('grace period');
  });

  it('an annuity loan under consumer-finance rules: 888.49 × 0.05% × 15 days = 6.66', async () => {
    const bot = createTestBot();
    await bot.say(`/addloan ${CAR}`);
    await bot.pressLabel('Edit');
    expect(texts(await bot.pressLabel('Overdue rules'))).toContain('Which overdue rules are closest to your contract?');
    const card = texts(await bot.pressLabel('consumer finance / online loan (CN)'));
    expect(card).toContain('If late: consumer finance / online loan (CN) rules (typical; check your contract)');
    await bot.pressLabel('Save');
    bot.clock.set(at('2027-01-30'));
    expect(texts(await bot.say('/status'))).toContain('car: 888.49 overdue, penalty so far 6.66');
  });

  // BUG (locales/en.ftl, status-installment): "{ $days } days late" has no plural form, so one day
  // late reads "1 days late". days-overdue in the same file already uses [one]/[other].
  it('one day late reads "1 day late"', async () => {
    const bot = createTestBot();
    await addLoan(bot, PHONE);
    bot.clock.set(at('2026-12-11'));
    expect(texts(await bot.say('/status'))).toContain('• installment 1 due 2026-12-10 (Thu): 1,072.00, 1 day late, penalty 0.54');
  });
});
