import { describe, expect, it } from 'vitest';
import { formStates, loans } from '../../src/db/schema.ts';
import { Decimal } from '../../src/domain/money.ts';
import { createTestBot } from '../support/bot.ts';

/*
 * Issue 13: a tiny rate was stored as "1e-8". Money and rates are written as plain decimal
 * strings everywhere: the one Decimal of repaybot never uses exponent notation, whatever the
 * method (toString, toJSON, template strings), and what is stored is written with toFixed.
 */

describe('decimal strings never use exponent notation', () => {
  it.each([
    ['0.00000001', '0.00000001'],
    ['1e-12', '0.000000000001'],
    ['1e25', '10000000000000000000000000'],
  ])('%s is written %s', (value, plain) => {
    const d = new Decimal(value);
    expect(d.toString()).toBe(plain);
    expect(`${d}`).toBe(plain);
    expect(JSON.stringify({ d })).toBe(`{"d":"${plain}"}`);
    expect(d.toFixed()).toBe(plain);
  });

  it('a loan with a tiny rate stores it plainly, in the loan and in the form on the way', async () => {
    const bot = createTestBot();
    await bot.say('/addloan car 10000 12 months 0.00000001% apr annuity first 2027-01-15');
    const draft = JSON.stringify(
      bot.db
        .select()
        .from(formStates)
        .all()
        .map((row) => row.data),
    );
    expect(draft).not.toMatch(/\de-\d/);
    expect(draft).toContain('0.00000001');
    await bot.pressLabel('Save');
    const [loan] = bot.db.select().from(loans).all();
    expect(loan?.ratePercent).toBe('0.00000001');
    for (const value of Object.values(loan ?? {})) expect(String(value)).not.toMatch(/^-?\d+(?:\.\d+)?e[-+]\d+$/i);
  });
});
