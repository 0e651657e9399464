import { asc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { installments } from '../../src/db/schema.ts';
import { createTestBot, texts } from '../support/bot.ts';

/* Issue 9, point 6: the contract's due day survives a short month, and the guided form reads dates as the line does. */

describe('due days and dates as people type them', () => {
  it('每月31号 in one line keeps the 31st after a short month', async () => {
    const bot = createTestBot();
    await bot.say('/addloan car 10000 3 months 12% annuity 每月31号');
    await bot.pressLabel('Save');
    const dues = bot.db
      .select()
      .from(installments)
      .orderBy(asc(installments.n))
      .all()
      .map((row) => row.dueDate);
    expect(dues).toEqual(['2026-11-30', '2026-12-31', '2027-01-31']);
  });

  it('the guided form takes 2月15日 and 15/02/2027 at the first-due question', async () => {
    for (const typed of ['2月15日', '15/02/2027', 'Feb 15']) {
      const bot = createTestBot();
      await bot.say('/addloan');
      await bot.say('car loan');
      await bot.say('10000');
      await bot.pressLabel('equal installments (annuity)');
      await bot.say('12%');
      await bot.say('12');
      expect(texts(await bot.say(typed)), typed).toContain('First due: 2027-02-15 (Mon)');
    }
  });
});
