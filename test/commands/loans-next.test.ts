import { describe, expect, it } from 'vitest';
import { createTestBot, texts } from '../support/bot.ts';

async function addLoan(bot: ReturnType<typeof createTestBot>, line: string, lang = 'en') {
  await bot.say(`/addloan ${line}`, { lang });
  const saveLabel = lang.startsWith('zh') ? '保存' : 'Save';
  await bot.pressLabel(saveLabel);
}

describe('/loans', () => {
  it('lists each loan with remaining principal, next due and true annual rate', async () => {
    const bot = createTestBot();
    await addLoan(bot, 'car loan 10000 12 months 12% annuity first 2027-01-15');
    await addLoan(bot, 'phone 12000 12 months 0.6% monthly fee first 2026-12-10');
    const list = texts(await bot.say('/loans'));
    expect(list).toContain('Your 2 loans');
    expect(list).toMatch(/1\. car loan\n10,000\.00 · equal installments \(annuity\) · 12% a year · 12 installments/);
    expect(list).toContain('Principal left: 10,000.00 · true annual rate 12.00%');
    expect(list).toContain('Next: 888.49 on 2027-01-15 (Fri), in 55 days (installment 1 of 12)');
    expect(list).toContain('2. phone');
    expect(list).toContain('true annual rate 13.03%');
    expect(list).toContain('Next: 1,072.00 on 2026-12-10 (Thu), in 19 days');
  });

  it('shows the principal already repaid on a loan in progress', async () => {
    const bot = createTestBot();
    await addLoan(bot, 'old 10000 12 months 12% annuity first 2026-10-15');
    // Installments 1 and 2 (788.49 + 796.37) were due before 2026-11-21.
    expect(texts(await bot.say('/loans'))).toContain('Principal left: 8,415.14');
  });
});

describe('/next', () => {
  it('totals several loans due the same day and lists the later ones', async () => {
    const bot = createTestBot();
    await addLoan(bot, 'car 10000 12 months 12% annuity first 2027-01-15');
    await addLoan(bot, 'sofa 6000 6 months 0.5% monthly fee first 2027-01-15');
    await addLoan(bot, 'phone 12000 12 months 0.6% monthly fee first 2027-02-01');
    const next = texts(await bot.say('/next'));
    expect(next).toContain('Next due: 2027-01-15 (Fri), in 55 days');
    expect(next).toContain('• car: 888.49');
    expect(next).toContain('• sofa: 1,030.00');
    expect(next).toContain('Total for that day: 1,918.49');
    expect(next).toMatch(/After that:\n• phone: 1,072.00 on 2027-02-01/);
  });

  it('moves with the clock: due today, then overdue', async () => {
    const bot = createTestBot();
    await addLoan(bot, 'car 10000 12 months 12% annuity first 2027-01-15');
    bot.clock.set(new Date('2027-01-15T01:00:00Z'));
    expect(texts(await bot.say('/next'))).toContain('due today');
    bot.clock.set(new Date('2027-01-18T01:00:00Z'));
    expect(texts(await bot.say('/next'))).toContain('3 days overdue');
  });

  it('uses the borrower’s own date, not the server’s (Shanghai is ahead of UTC)', async () => {
    const bot = createTestBot({ now: new Date('2027-01-14T17:00:00Z') }); // 01:00 on the 15th in Shanghai
    await addLoan(bot, 'car 10000 12 months 12% annuity first 2027-01-15');
    expect(texts(await bot.say('/next'))).toContain('due today');
  });

  it('speaks Chinese with the same numbers', async () => {
    const bot = createTestBot();
    await addLoan(bot, '车贷 10000 12期 年利率12% 等额本息 首期2027-01-15', 'zh-CN');
    const next = texts(await bot.say('/next', { lang: 'zh-CN' }));
    expect(next).toContain('下一个还款日：2027-01-15（周五），还有 55 天');
    expect(next).toContain('• 车贷：888.49（第 1/12 期）');
  });
});
