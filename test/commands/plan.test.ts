import { describe, expect, it } from 'vitest';
import { createTestBot, texts, type TestBot } from '../support/bot.ts';

async function addLoan(bot: TestBot, line: string, user = 1, lang = 'en') {
  await bot.say(`/addloan ${line}`, { user, lang });
  await bot.pressLabel(lang === 'en' ? 'Save' : lang === 'zh-CN' ? '保存' : '保存');
}

describe('/plan', () => {
  it('with no loans says there is nothing to plan, in all three languages', async () => {
    const bot = createTestBot();
    expect(texts(await bot.say('/plan'))).toContain('no open loans');
    expect(texts(await bot.say('/plan', { user: 2, lang: 'zh-CN' }))).toContain('还没有未结清的贷款');
    expect(texts(await bot.say('/plan', { user: 3, lang: 'zh-TW' }))).toContain('還沒有未結清的貸款');
  });

  it('refuses -5, 0, junk and 1e12 with a clear message', async () => {
    const bot = createTestBot();
    await addLoan(bot, 'Car 12000 12 months 12% annuity first due 2027-01-15');
    // 1e12 is not how anyone writes money: it is refused as not an amount, with the example.
    for (const bad of ['-5', '0', 'lots', '1e12']) expect(texts(await bot.say(`/plan ${bad}`))).toContain('positive amount');
    expect(texts(await bot.say('/plan 5000000'))).toContain('more than this plan accepts');
  });

  it('shows the three strategies with dates, totals and the order; 500 extra saves interest', async () => {
    const bot = createTestBot();
    await addLoan(bot, 'Car 12000 12 months 12% annuity first due 2027-01-15');
    await addLoan(bot, 'Phone 3000 6 months 0% annuity first due 2027-01-15');
    const plain = texts(await bot.say('/plan'));
    expect(plain).toContain('Schedules only');
    expect(plain).toContain('Avalanche');
    expect(plain).toContain('Extra goes to: Car → Phone');
    expect(plain).toContain('Extra goes to: Phone → Car');
    const extra = texts(await bot.say('/plan 500'));
    expect(extra).toMatch(/You save [^\n]*\d/);
    expect(extra).toContain('500');
    // Another user's /plan never sees these loans.
    expect(texts(await bot.say('/plan', { user: 9 }))).toContain('no open loans');
  });

  it('the debt-free month is that of the last installment: this month’s already paid, or a first due date months away', async () => {
    // Phone: 12 × 100 from 2027-01-05, January's paid on 2027-01-03; on 2027-01-10 the last is 2027-12-05.
    const bot = createTestBot({ now: new Date('2027-01-03T02:00:00Z') });
    await addLoan(bot, 'phone 1200 12 months 0% annuity first 2027-01-05');
    await bot.say('/paid phone 100');
    await bot.pressLabel('Confirm');
    bot.clock.set(new Date('2027-01-10T02:00:00Z'));
    expect(texts(await bot.say('/plan'))).toContain('Debt-free: 2027-12-01 (Wed) (12 months)');
    // TV: 6 × 100 from 2027-06-15 (five months out): its last installment is 2027-11-15.
    const later = createTestBot({ now: new Date('2027-01-10T02:00:00Z') });
    await addLoan(later, 'tv 600 6 months 0% annuity first 2027-06-15');
    const plan = texts(await later.say('/plan 100'));
    expect(plan).toContain('Schedules only\nDebt-free: 2027-11-01 (Mon) (11 months)');
    // 100 extra from January: 100 a month January–May, then 200 in June → cleared in June.
    expect(plan).toContain('Avalanche (highest true annual rate first)\nDebt-free: 2027-06-01 (Tue) (6 months)');
  });
});
