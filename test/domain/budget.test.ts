import { describe, expect, it } from 'vitest';
import {
  BUDGET_GROUPS,
  BUDGET_ITEMS,
  type Budget,
  FIXED_ITEMS,
  FLEXIBLE_ITEMS,
  groupOf,
  INCOME_ITEMS,
  summarizeBudget,
  suggestedPayments,
} from '../../src/domain/budget.ts';
import { Decimal } from '../../src/domain/money.ts';

const d = (value: string | number): Decimal => new Decimal(value);
const strings = (map: Map<number, Decimal>): Record<number, string> =>
  Object.fromEntries([...map].map(([id, value]) => [id, value.toFixed(2)]));

describe('budget groups', () => {
  it('every item belongs to exactly one group, each group ends with its total', () => {
    expect(BUDGET_GROUPS).toEqual(['income', 'fixed', 'flexible']);
    for (const group of BUDGET_GROUPS) {
      expect(BUDGET_ITEMS[group].at(-1)).toBe(`${group}-total`);
      for (const item of BUDGET_ITEMS[group]) expect(groupOf(item)).toBe(group);
    }
    expect(INCOME_ITEMS.length + FIXED_ITEMS.length + FLEXIBLE_ITEMS.length).toBe(24);
    expect(groupOf('rent-mortgage')).toBe('fixed');
    expect(groupOf('food-housekeeping')).toBe('flexible');
  });
});

describe('summarizeBudget', () => {
  it('a household that lost its job: 2,400 benefits against 3,000 + 1,650 of costs is 2,250 short', () => {
    const budget: Budget = {
      benefits: d(2400),
      'rent-mortgage': d(2500),
      electricity: d(200),
      water: d(80),
      transport: d(220),
      'food-housekeeping': d(1200),
      'communications-leisure': d(150),
      personal: d(300),
    };
    const summary = summarizeBudget(budget);
    expect(summary.income.toFixed(2)).toBe('2400.00');
    expect(summary.fixed.toFixed(2)).toBe('3000.00');
    expect(summary.flexible.toFixed(2)).toBe('1650.00');
    expect(summary.disposable.toFixed(2)).toBe('-2250.00');
    expect(summary.answered).toEqual(['income', 'fixed', 'flexible']);
  });

  it('8,000 earnings, fixed costs given as one figure 3,500, flexible skipped: 4,500 left, flexible not answered', () => {
    const summary = summarizeBudget({ earnings: d(8000), 'fixed-total': d(3500) });
    expect(summary.disposable.toFixed(2)).toBe('4500.00');
    expect(summary.flexible.toFixed(2)).toBe('0.00');
    expect(summary.answered).toEqual(['income', 'fixed']);
  });

  it('a group whose total was given counts the total once, not the items inside it again', () => {
    const summary = summarizeBudget({ earnings: d(6000), 'fixed-total': d(3000), 'rent-mortgage': d(2000) });
    expect(summary.fixed.toFixed(2)).toBe('3000.00');
    expect(summary.disposable.toFixed(2)).toBe('3000.00');
  });

  it('an income of 0 is an answer (no income), a skipped group is not', () => {
    expect(summarizeBudget({ 'income-total': d(0) }).answered).toEqual(['income']);
    expect(summarizeBudget({}).answered).toEqual([]);
    expect(summarizeBudget({}).disposable.toFixed(2)).toBe('0.00');
  });

  it('cents add exactly (no float drift): 0.10 + 0.20 of costs from 1.00 leaves 0.70', () => {
    expect(summarizeBudget({ earnings: d('1.00'), water: d('0.10'), gas: d('0.20') }).disposable.toString()).toBe('0.7');
  });
});

describe('suggestedPayments', () => {
  it('1,000 a month shared by amount owed: 6,000 and 3,000 and 1,000 owed get 600, 300 and 100', () => {
    const offers = suggestedPayments(d(1000), [
      { id: 1, owed: d(6000), scheduled: d(900) },
      { id: 2, owed: d(3000), scheduled: d(500) },
      { id: 3, owed: d(1000), scheduled: d(200) },
    ]);
    expect(strings(offers)).toEqual({ 1: '600.00', 2: '300.00', 3: '100.00' });
  });

  it('rounds each share down to the cent, so together they never exceed what is affordable', () => {
    // 100 / 3 = 33.333… each; rounding up would offer 100.02.
    const offers = suggestedPayments(d(100), [
      { id: 1, owed: d(1000), scheduled: d(500) },
      { id: 2, owed: d(1000), scheduled: d(500) },
      { id: 3, owed: d(1000), scheduled: d(500) },
    ]);
    expect(strings(offers)).toEqual({ 1: '33.33', 2: '33.33', 3: '33.33' });
    expect([...offers.values()].reduce((a, b) => a.plus(b)).lte(100)).toBe(true);
  });

  it('never offers more than the scheduled payment, and does not pass what is left over to the others', () => {
    // Pro rata 2,000 would be 1,000 each; the card only asks 300, the loan gets its 1,000, 700 stays with the borrower.
    const offers = suggestedPayments(d(2000), [
      { id: 7, owed: d(5000), scheduled: d(300) },
      { id: 8, owed: d(5000), scheduled: d(1200) },
    ]);
    expect(strings(offers)).toEqual({ 7: '300.00', 8: '1000.00' });
  });

  it('nothing to offer when nothing is left each month', () => {
    const debts = [
      { id: 1, owed: d(5000), scheduled: d(300) },
      { id: 2, owed: d(2000), scheduled: d(100) },
    ];
    expect(strings(suggestedPayments(d(0), debts))).toEqual({ 1: '0.00', 2: '0.00' });
    expect(strings(suggestedPayments(d(-2250), debts))).toEqual({ 1: '0.00', 2: '0.00' });
  });

  it('a debt already repaid (nothing owed) gets 0 and takes no share', () => {
    const offers = suggestedPayments(d(500), [
      { id: 1, owed: d(0), scheduled: d(300) },
      { id: 2, owed: d(4000), scheduled: d(800) },
    ]);
    expect(strings(offers)).toEqual({ 1: '0.00', 2: '500.00' });
  });
});
