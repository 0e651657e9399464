import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/parse/amount.ts';
import { parseBudgetLine } from '../../src/parse/budget-line.ts';
import { parseLoanLine } from '../../src/parse/loan-line.ts';
import { readPaidLine } from '../../src/parse/payment-change.ts';

/*
 * Issue 13: amounts the fuzzer found misread. 1e4 was 1.00 with "e4" in the name, "10 000" (a
 * space grouping thousands) was zero, and a name ending in -bnpl lost that word. Each is now read
 * right, in every reader of amounts: a whole answer, the one-line /addloan, /paid, a budget line.
 */

function amount(text: string): string {
  const result = parseAmount(text);
  return result.ok ? result.value.toFixed(2) : result.error;
}

describe('parseAmount: exponents and spaces between thousands', () => {
  it.each([
    ['1e4', '10000.00'],
    ['1E4', '10000.00'],
    ['1.5e3', '1500.00'],
    ['¥1e4', '10000.00'],
    ['2e3元', '2000.00'],
    ['10 000', '10000.00'],
    ['12 500', '12500.00'],
    ['1 234 567.89', '1234567.89'],
    ['10\u00a0000', '10000.00'],
    ['10\u202f000', '10000.00'],
    ['¥10 000', '10000.00'],
  ])('%s → %s', (text, expected) => {
    expect(amount(text)).toBe(expected);
  });

  it.each([
    ['1e-8', 'amount-too-many-decimals'],
    ['1e9', 'amount-too-large'],
    ['1e999999', 'amount-too-large'],
    ['1 2345', 'amount-not-number'],
    ['12 00', 'amount-not-number'],
    ['1e', 'amount-not-number'],
  ])('%s is refused: %s', (text, expected) => {
    expect(amount(text)).toBe(expected);
  });
});

describe('parseLoanLine: exponents, spaces between thousands, names with a method word in them', () => {
  const today = '2026-12-01';
  it('¥1e4 is 10000, and nothing of it is left in the name', () => {
    const { draft, unread, errors } = parseLoanLine('¥1e4 car 12 months 12% apr annuity first 2027-01-15', { today });
    expect(draft.principal?.toFixed(2)).toBe('10000.00');
    expect(draft.name).toBe('car');
    expect({ unread, errors }).toEqual({ unread: [], errors: [] });
  });

  it('a bare 1e4 is 10000 too', () => {
    const { draft } = parseLoanLine('car 1e4 12 months 12% apr annuity first 2027-01-15', { today });
    expect(draft.principal?.toFixed(2)).toBe('10000.00');
    expect(draft.name).toBe('car');
  });

  it('10 000 is ten thousand, not 10 in the name and a zero amount', () => {
    const { draft, errors } = parseLoanLine('car 10 000 12 months 12% apr annuity first 2027-01-15', { today });
    expect(errors).toEqual([]);
    expect(draft.principal?.toFixed(2)).toBe('10000.00');
    expect(draft.name).toBe('car');
    expect(parseLoanLine('房贷 1 000 000 360期 年利率4.9%', { today }).draft.principal?.toFixed(2)).toBe('1000000.00');
  });

  it('a model number before the amount is still the name’s (iPhone 15 800)', () => {
    const { draft } = parseLoanLine('iPhone 15 800 12期', { today });
    expect(draft.name).toBe('iPhone 15');
    expect(draft.principal?.toFixed(2)).toBe('800.00');
  });

  it('a name ending in -bnpl keeps that word, and says the method', () => {
    const { draft } = parseLoanLine('huabei-bnpl 3000 first 2027-01-15', { today });
    expect(draft.name).toBe('huabei-bnpl');
    expect(draft.method).toBe('bnpl');
    expect(parseLoanLine('shop_annuity 3000 12 months 12% first 2027-01-15', { today }).draft).toMatchObject({
      name: 'shop_annuity',
      method: 'annuity',
    });
  });

  it('a method typed on its own wins over one inside a name, which stays the name’s', () => {
    const { draft, unread } = parseLoanLine('klarna-bnpl 3000 12 months 12% annuity first 2027-01-15', { today });
    expect(draft).toMatchObject({ name: 'klarna-bnpl', method: 'annuity' });
    expect(unread).toEqual([]);
  });
});

describe('readPaidLine: exponents and spaces between thousands', () => {
  const today = '2026-11-21';
  const changes = (text: string, names: string[]) => {
    const line = readPaidLine(text, { today, loanNames: names });
    return { loan: line.loan, changes: line.changes.map((c) => ('amount' in c ? c.amount.toFixed(2) : c.date)), errors: line.errors };
  };

  it('10 000 is one amount, with one loan or two', () => {
    expect(changes('10 000', ['car'])).toEqual({ loan: undefined, changes: ['10000.00'], errors: [] });
    expect(changes('1 000', ['car'])).toEqual({ loan: undefined, changes: ['1000.00'], errors: [] });
    expect(changes('2 000', ['car', 'phone'])).toEqual({ loan: undefined, changes: ['2000.00'], errors: [] });
    expect(changes('2 10 000', ['car', 'phone'])).toEqual({
      loan: { kind: 'loan', index: 1, words: 1 },
      changes: ['10000.00'],
      errors: [],
    });
  });

  it('1e4 is 10000', () => {
    expect(changes('1e4', ['car'])).toEqual({ loan: undefined, changes: ['10000.00'], errors: [] });
  });

  it('a loan number and an amount stay two words (1 500 is loan 1 and 500.00, as /help says)', () => {
    expect(changes('1 500', ['car'])).toEqual({ loan: { kind: 'loan', index: 0, words: 1 }, changes: ['500.00'], errors: [] });
  });
});

describe('parseBudgetLine: exponents and spaces between thousands', () => {
  const figure = (text: string) => {
    const result = parseBudgetLine(text, 'fixed');
    return result.ok ? Object.fromEntries(Object.entries(result.value).map(([k, v]) => [k, v.toFixed(2)])) : result;
  };
  it('rent 10 000 and rent 1e4 are 10000 of rent', () => {
    expect(figure('rent 10 000')).toEqual({ 'rent-mortgage': '10000.00' });
    expect(figure('rent 1e4')).toEqual({ 'rent-mortgage': '10000.00' });
  });
});

describe('parseCardBill: exponents and spaces between thousands', () => {
  it('10 000 is the balance, min 1 000 the minimum, 1e4 a balance too', async () => {
    const { parseCardBill } = await import('../../src/parse/card-bill.ts');
    const bill = parseCardBill('10 000 2026-12-05 2027-01-01 min 1 000');
    expect(bill.ok && [bill.value.balance.toFixed(2), bill.value.minimum?.toFixed(2)]).toEqual(['10000.00', '1000.00']);
    const power = parseCardBill('1e4 2026-12-05 2027-01-01');
    expect(power.ok && power.value.balance.toFixed(2)).toBe('10000.00');
  });
});
