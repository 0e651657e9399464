import { describe, expect, it } from 'vitest';
import { createTestBot, texts } from '../support/bot.ts';

describe('/cardbill', () => {
  it('shows what paying only the minimum costs: full-amount interest 135.00 + 18.00 = 153.00', async () => {
    const bot = createTestBot();
    const reply = texts(await bot.say('/cardbill 10000 2026-12-05 2027-01-01 min 1000'));
    expect(reply).toContain('Pay only the minimum, 1,000.00');
    expect(reply).toContain('about 153.00 by the next statement');
    expect(reply).toContain('9,153.00');
  });

  it('reads Chinese, a 10% default minimum and a different daily rate', async () => {
    const bot = createTestBot();
    const reply = texts(await bot.say('/cardbill ¥8,000 2026-12-05 2027-01-01 日利率0.04%', { lang: 'zh-CN' }));
    // minimum 800.00; 8,000 × 0.04% × 27 = 86.40, plus 7,200 × 0.04% × 4 = 11.52 → 97.92
    expect(reply).toContain('只还最低还款额 800.00');
    expect(reply).toContain('约产生利息 97.92');
  });

  it('explains what it needs when the line is incomplete or wrong', async () => {
    const bot = createTestBot();
    expect(texts(await bot.say('/cardbill 10000'))).toContain('/cardbill 10000 2026-12-05 2027-01-01 min 1000');
    expect(texts(await bot.say('/cardbill 1000 2026-12-05 2027-01-01 min 5000'))).toContain('cannot be more than the balance');
  });

  it('refuses a due date before the statement date, naming both, and does not swap them', async () => {
    const bot = createTestBot();
    const reply = texts(await bot.say('/cardbill 10000 2027-01-01 2026-12-05 min 1000'));
    expect(reply).toContain('The due date (2026-12-05 (Sat)) comes before the statement date (2027-01-01 (Fri)).');
    expect(reply).not.toContain('Pay only the minimum');
    const zh = texts(await bot.say('/cardbill 10000 2027-01-01 2026-12-05', { lang: 'zh-CN' }));
    expect(zh).toContain('到期还款日（2026-12-05（周六））早于账单日（2027-01-01（周五））');
  });

  it('accepts a zero minimum payment: the whole balance carries over', async () => {
    const bot = createTestBot();
    const reply = texts(await bot.say('/cardbill 10000 2026-12-05 2027-01-01 min 0'));
    expect(reply).toContain('Pay only the minimum, 0.00');
    // 10,000 × 0.05% × 27 + 10,000 × 0.05% × 4 = 135.00 + 20.00
    expect(reply).toContain('about 155.00 by the next statement');
    expect(reply).toContain('10,155.00');
  });
});
