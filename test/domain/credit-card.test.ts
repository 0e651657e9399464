import { describe, expect, it } from 'vitest';
import { minimumPaymentCost, type CardBill } from '../../src/domain/credit-card.ts';
import { Decimal } from '../../src/domain/money.ts';

const money = (value: Decimal): string => value.toFixed(2);

describe('minimumPaymentCost (全额计息)', () => {
  const bill: CardBill = {
    statementBalance: new Decimal('10000.00'),
    statementDate: '2026-12-05',
    dueDate: '2027-01-01',
    nextStatementDate: '2027-01-05',
    minimumPayment: new Decimal('1000.00'),
  };

  it('paying the 1,000.00 minimum of 10,000.00 costs 153.00 interest by the next statement', () => {
    // Whole balance, statement → due (27 days): 10,000 × 0.0005 × 27 = 135.00
    // Unpaid part, due → next statement (4 days): 9,000 × 0.0005 × 4 = 18.00
    const cost = minimumPaymentCost(bill);
    expect(money(cost.minimumPayment)).toBe('1000.00');
    expect(money(cost.revolvingInterest)).toBe('153.00');
    expect(money(cost.carriedBalance)).toBe('9000.00');
    expect(money(cost.newBalanceNextStatement)).toBe('9153.00');
  });

  it('defaults: minimum 10% of the balance, 0.05%/day, next statement a month later', () => {
    // 1,234.56 → minimum 123.456 → 123.46; 2026-12-05 → 2027-01-01 is 27 days, → 2027-01-05 4 days:
    // 1,234.56 × 0.0005 × 27 + 1,111.10 × 0.0005 × 4 = 16.66656 + 2.2222 = 18.88876 → 18.89.
    const cost = minimumPaymentCost({ statementBalance: new Decimal('1234.56'), statementDate: '2026-12-05', dueDate: '2027-01-01' });
    expect(money(cost.minimumPayment)).toBe('123.46');
    expect(money(cost.carriedBalance)).toBe('1111.10');
    expect(money(cost.revolvingInterest)).toBe('18.89');
    // 1,111.10 + 18.89
    expect(money(cost.newBalanceNextStatement)).toBe('1129.99');
  });

  it('clamps the default next statement date at a month end (31 Jan → 28 Feb)', () => {
    // 31 Jan → due 20 Feb (20 days) → next statement 28 Feb (8 days): 1,000 × 0.0005 × 20 + 900 × 0.0005 × 8 = 10.00 + 3.60.
    const cost = minimumPaymentCost({ statementBalance: new Decimal(1000), statementDate: '2027-01-31', dueDate: '2027-02-20' });
    expect(money(cost.revolvingInterest)).toBe('13.60');
  });

  it('uses the daily rate given', () => {
    expect(money(minimumPaymentCost({ ...bill, dailyRatePercent: new Decimal('0.035') }).revolvingInterest)).toBe('107.10');
  });

  it('charges nothing when the whole balance is paid (the interest-free period is kept)', () => {
    const cost = minimumPaymentCost({ ...bill, minimumPayment: new Decimal('10000.00') });
    expect(money(cost.revolvingInterest)).toBe('0.00');
    expect(money(cost.newBalanceNextStatement)).toBe('0.00');
    expect(
      money(minimumPaymentCost({ ...bill, statementBalance: new Decimal(0), minimumPayment: undefined }).newBalanceNextStatement),
    ).toBe('0.00');
  });

  it('charges the full-amount interest even on a tiny unpaid remainder', () => {
    // 0.01 unpaid still costs 135.00 for the grace days: that is what 全额计息 means.
    expect(money(minimumPaymentCost({ ...bill, minimumPayment: new Decimal('9999.99') }).revolvingInterest)).toBe('135.00');
  });

  it('refuses impossible bills', () => {
    expect(() => minimumPaymentCost({ ...bill, statementBalance: new Decimal(-1) })).toThrow(RangeError);
    expect(() => minimumPaymentCost({ ...bill, statementBalance: new Decimal('1.005') })).toThrow(RangeError);
    expect(() => minimumPaymentCost({ ...bill, minimumPayment: new Decimal('10000.01') })).toThrow(RangeError);
    expect(() => minimumPaymentCost({ ...bill, minimumPayment: new Decimal(-1) })).toThrow(RangeError);
    expect(() => minimumPaymentCost({ ...bill, dailyRatePercent: new Decimal(-0.01) })).toThrow(RangeError);
    expect(() => minimumPaymentCost({ ...bill, dueDate: '2026-12-05' })).toThrow(RangeError);
    expect(() => minimumPaymentCost({ ...bill, nextStatementDate: '2026-12-31' })).toThrow(RangeError);
  });
});
