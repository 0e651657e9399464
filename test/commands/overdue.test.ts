import { describe, expect, it } from 'vitest';
import { createTestBot, texts, type TestBot } from '../support/bot.ts';

/** 10:00 in Shanghai on that day. */
const at = (day: string) => new Date(`${day}T02:00:00Z`);

const CAR = 'car 10000 12 months 12% annuity first 2027-01-15';

async function addLoan(bot: TestBot, line: string) {
  await bot.say(`/addloan ${line}`);
  await bot.pressLabel('Save');
}

describe('/overdue without loans', () => {
  it('gives the typical timeline, from the due day to legal risk, as typical rules', async () => {
    const bot = createTestBot();
    const text = texts(await bot.say('/overdue'));
    expect(text).toContain('typical rules: your contract decides');
    const steps = ['Due day', 'Grace period', 'Penalty interest', 'Credit report', 'Collection', 'Legal risk'];
    const positions = steps.map((step) => text.indexOf(step));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('/addloan');
  });

  it('speaks Chinese', async () => {
    const bot = createTestBot();
    const text = texts(await bot.say('/overdue', { lang: 'zh-CN' }));
    expect(text).toContain('以合同为准');
    expect(text).toContain('宽限期');
    expect(text).toContain('征信');
  });
});

describe('/overdue with loans', () => {
  it('before the due date: the next installment with the dates of each stage and the penalty by then', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    const text = texts(await bot.say('/overdue'));
    expect(text).toContain('car, installment 1 of 12, due 2027-01-15 (Fri): 888.49');
    expect(text).toContain('• 2027-01-15 (Fri): due day');
    // bank-cn: 3 days' grace, reported the day it ends, collection from day 30, legal from day 90.
    expect(text).toContain('• 2027-01-16 (Sat) to 2027-01-18 (Mon): grace period');
    // 4 days: 788.49 × 18% × 4 / 360 = 1.58, 100.00 × 18% × 4 / 360 = 0.20.
    expect(text).toContain(
      '• from 2027-01-19 (Tue): penalty interest, counted from the day after the due date; likely reported to the credit bureau (征信) (penalty by then about 1.78)',
    );
    // 30 days: 11.83 + 1.50 (domain.md §3).
    expect(text).toContain('• from 2027-02-14 (Sun): likely in collection (penalty by then about 13.33)');
    expect(text).toContain('• from 2027-04-15 (Thu): risk of legal action');
    expect(text).toContain('Today: in 55 days.');
    expect(text).toContain('These are typical rules: your contract decides.');
  });

  it('overdue: where it stands today, the penalty so far, and past stages without a figure', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    bot.clock.set(at('2027-02-14'));
    const text = texts(await bot.say('/overdue'));
    expect(text).toContain('car, installment 1 of 12, due 2027-01-15 (Fri): 888.49');
    expect(text).toContain('• from 2027-02-14 (Sun): likely in collection\n');
    expect(text).toContain('Today: 30 days late, 901.82 owed with penalty so far 13.33, likely in collection.');
    expect(text).not.toContain('Also overdue');
    bot.clock.set(at('2027-03-01'));
    expect(texts(await bot.say('/overdue'))).toContain('Also overdue on this loan: 1 more installment, 888.49.');
  });

  it('a consumer loan without grace: no grace line, penalty from the day after the due date', async () => {
    const bot = createTestBot();
    await addLoan(bot, 'phone 12000 12 months 0.6% monthly fee first 2026-12-10');
    const text = texts(await bot.say('/overdue'));
    expect(text).toContain('phone, installment 1 of 12, due 2026-12-10 (Thu): 1,072.00');
    expect(text).not.toContain('grace period');
    // 1,072.00 × 0.05% × 1 = 0.54
    expect(text).toContain(
      '• from 2026-12-11 (Fri): penalty interest, counted from the day after the due date; likely reported to the credit bureau (征信) (penalty by then about 0.54)',
    );
  });

  it('several loans: the most urgent first', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    await addLoan(bot, 'phone 12000 12 months 0.6% monthly fee first 2026-12-10');
    const text = texts(await bot.say('/overdue'));
    expect(text.indexOf('phone, installment 1')).toBeGreaterThan(0);
    expect(text.indexOf('phone, installment 1')).toBeLessThan(text.indexOf('car, installment 1'));
  });

  it('speaks Chinese with the dates', async () => {
    const bot = createTestBot();
    await addLoan(bot, CAR);
    const text = texts(await bot.say('/overdue', { lang: 'zh-CN' }));
    expect(text).toContain('“car”第 1/12 期');
    expect(text).toContain('宽限期');
    expect(text).toContain('到那时罚息约 13.33');
  });
});
