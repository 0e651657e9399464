import { describe, expect, it } from 'vitest';
import { createTestBot, texts } from '../support/bot.ts';

describe('overdue rules: every field can follow the contract', () => {
  it('shows the preset in numbers, and a typed change is used by /status', async () => {
    const bot = createTestBot();
    const card = texts(await bot.say('/addloan car 10000 12 months 12% annuity first 2027-01-15'));
    expect(card).toContain('grace 3 days · penalty 1.5 × the contract rate · likely reported after 4 days');
    await bot.pressLabel('Edit');
    await bot.pressLabel('Overdue details');
    const changed = texts(await bot.say('grace 0, 0.05%/day, report 30, late fee 50'));
    expect(changed).toContain('grace 0 days · penalty 0.05% a day · likely reported after 30 days · late fee 50.00');
    await bot.pressLabel('Save');
    // 15 days late: 888.49 × 0.05% × 15 = 6.66, plus the 50.00 late fee.
    bot.clock.set(new Date('2027-01-30T02:00:00Z'));
    expect(texts(await bot.say('/status'))).toContain('penalty so far 56.66');
  });

  it('refuses rules that cannot hold together, and asks again', async () => {
    const bot = createTestBot();
    await bot.say('/addloan car 10000 12 months 12% annuity first 2027-01-15');
    await bot.pressLabel('Edit');
    await bot.pressLabel('Overdue details');
    expect(texts(await bot.say('grace 10, report 5'))).toContain('do not fit together');
    expect(texts(await bot.say('whatever'))).toContain('I could not read that');
  });

  it('a credit-card preset shows its percentage late fee', async () => {
    const bot = createTestBot();
    await bot.say('/addloan card 5000 6 months 0.6% monthly fee first 2027-01-15');
    await bot.pressLabel('Edit');
    await bot.pressLabel('Overdue rules');
    expect(texts(await bot.pressLabel('credit card (CN)'))).toContain('late fee 5% of the unpaid amount (at least 10.00)');
  });
});
