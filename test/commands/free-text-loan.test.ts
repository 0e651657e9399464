import { describe, expect, it } from 'vitest';
import { loans } from '../../src/db/schema.ts';
import { loanInText, withoutLeadIn } from '../../commands/shared/loan-in-text.ts';
import { createTestBot, texts } from '../support/bot.ts';

const TODAY = '2026-11-21';

describe('a loan typed as a sentence (issue 10, point 3)', () => {
  it('reads as a loan: an amount and at least one term; the lead-in is dropped', () => {
    expect(loanInText('我借了小米随星借 20000，分12期，年化18%，每月15号还', TODAY)).toBe('小米随星借 20000，分12期，年化18%，每月15号还');
    expect(loanInText('bought a phone 4999 in 12 installments 0.6% monthly fee', TODAY)).toBe(
      'phone 4999 in 12 installments 0.6% monthly fee',
    );
    expect(loanInText('I borrowed 10000 from the bank for 12 months at 12%', TODAY)).toBe('10000 from the bank for 12 months at 12%');
    expect(loanInText('花唄3000分6期', TODAY)).toBe('花唄3000分6期');
    expect(withoutLeadIn('我借了')).toBe('我借了');
  });

  it('does not read as a loan: a question, a payment, an amount alone, no amount', () => {
    for (const text of [
      '逾期会上征信吗',
      '我欠了3000怎么办',
      '借了5000，利息多少',
      'I owe 5000 at 18% can I pay it off early',
      'I paid 500 on 2026-11-20',
      '500',
      'annuity',
      '12期 年化18%',
      '我还了2000，分12期的那笔',
    ]) {
      expect(loanInText(text, TODAY), text).toBeUndefined();
    }
  });

  it('Chinese: the card is started with what the sentence gave, and asks for the method', async () => {
    const bot = createTestBot();
    const text = texts(await bot.say('我借了小米随星借 20000，分12期，年化18%，每月15号还', { lang: 'zh-CN' }));
    expect(text).toContain('这看起来是一笔贷款');
    expect(text).toContain('2026-12-15');
    expect(text).toContain('还款方式是哪种');
    const card = texts(await bot.pressLabel('等额本息'));
    expect(card).toContain('小米随星借');
    expect(card).toContain('20,000.00');
    // pressLabel presses as an English user: the card then speaks English.
    await bot.pressLabel('Save');
    expect(bot.db.select().from(loans).get()?.name).toBe('小米随星借');
  });

  it('English: a phone in 12 installments with a monthly fee asks only for the first due date, then shows the card', async () => {
    const bot = createTestBot();
    const text = texts(await bot.say('bought a phone 4999 in 12 installments 0.6% monthly fee'));
    expect(text).toContain('That reads like a loan');
    expect(text).toContain('When is the first payment due?');
    const card = texts(await bot.say('2026-12-21'));
    expect(card).toContain('phone');
    expect(card).toContain('4,999.00');
    expect(card).toContain('0.6%');
  });

  it('a complete sentence goes straight to the card', async () => {
    const bot = createTestBot();
    const text = texts(await bot.say('I borrowed car 10000 12 months 12% annuity first 2027-01-15'));
    expect(text).toContain('That reads like a loan');
    expect(text).toContain('888.49');
    await bot.pressLabel('Save');
    expect(bot.db.select().from(loans).get()?.name).toBe('car');
  });
});
