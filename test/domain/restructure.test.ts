import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/domain/money.ts';
import { deferDueDates, exceedsDisposable, proposePlan } from '../../src/domain/restructure.ts';

const d = (value: string | number): Decimal => new Decimal(value);

describe('deferDueDates', () => {
  const rows = [
    { n: 1, dueDate: '2026-11-15', paid: true },
    { n: 2, dueDate: '2026-12-15', paid: false },
    { n: 3, dueDate: '2027-01-15', paid: false },
  ];

  it('a 2-month deferral from installment 2: 15 Dec → 15 Feb, 15 Jan → 15 Mar, installment 1 as it was', () => {
    expect(deferDueDates(rows, 2, 2)).toEqual([
      { n: 1, dueDate: '2026-11-15', paid: true },
      { n: 2, dueDate: '2027-02-15', paid: false },
      { n: 3, dueDate: '2027-03-15', paid: false },
    ]);
  });

  it('keeps the contract day 31: 31 Jan + 1 → 28 Feb (29 in a leap year), + 2 → 31 Mar', () => {
    expect(deferDueDates([{ n: 1, dueDate: '2027-01-31' }], 1, 1, 31)).toEqual([{ n: 1, dueDate: '2027-02-28' }]);
    expect(deferDueDates([{ n: 1, dueDate: '2028-01-31' }], 1, 1, 31)).toEqual([{ n: 1, dueDate: '2028-02-29' }]);
    expect(deferDueDates([{ n: 1, dueDate: '2027-01-31' }], 1, 2, 31)).toEqual([{ n: 1, dueDate: '2027-03-31' }]);
  });

  it('an installment clamped to 28 Feb goes back to the 31st, not the 28th, once moved', () => {
    const clamped = [
      { n: 1, dueDate: '2027-01-31' },
      { n: 2, dueDate: '2027-02-28' },
      { n: 3, dueDate: '2027-03-31' },
    ];
    expect(deferDueDates(clamped, 2, 1, 31).map((row) => row.dueDate)).toEqual(['2027-01-31', '2027-03-31', '2027-04-30']);
    // Without the due day it is read from the rows: the 31st of January.
    expect(deferDueDates(clamped, 2, 1).map((row) => row.dueDate)).toEqual(['2027-01-31', '2027-03-31', '2027-04-30']);
  });

  it('crosses the year: 15 Nov + 3 → 15 Feb', () => {
    expect(deferDueDates([{ n: 1, dueDate: '2026-11-15' }], 1, 3)).toEqual([{ n: 1, dueDate: '2027-02-15' }]);
  });

  it('leaves the rows it was given untouched', () => {
    const before = structuredClone(rows);
    deferDueDates(rows, 1, 1);
    expect(rows).toEqual(before);
  });

  it('refuses a deferral of no months or a fraction (a caller bug)', () => {
    expect(() => deferDueDates(rows, 1, 0)).toThrow(RangeError);
    expect(() => deferDueDates(rows, 1, 1.5)).toThrow(RangeError);
    expect(() => deferDueDates(rows, 1, 1, 32)).toThrow(RangeError);
  });
});

describe('proposePlan', () => {
  const base = { amount: d(12000), monthlyRate: d('0.01'), firstDue: '2027-01-15', maxMonths: 36 };

  it('12,000 over 12 months at 1% a month: 1,066.19 a month (last 1,066.14), 794.23 interest', () => {
    const plan = proposePlan({ ...base, months: 12 });
    expect(plan.months).toBe(12);
    expect(plan.payment.toFixed(2)).toBe('1066.19');
    expect(plan.rows.at(-1)?.payment.toFixed(2)).toBe('1066.14');
    expect(plan.total.toFixed(2)).toBe('12794.23');
    expect(plan.interest.toFixed(2)).toBe('794.23');
    expect(plan.rows.at(-1)?.due).toBe('2027-12-15');
    expect(plan.problems).toEqual([]);
  });

  it('an offer of 600 a month: the shortest term that fits is 23 months at 586.63 (22 would be above 600)', () => {
    const plan = proposePlan({ ...base, targetPayment: d(600) });
    expect(plan.months).toBe(23);
    expect(plan.payment.toFixed(2)).toBe('586.63');
    expect(plan.interest.toFixed(2)).toBe('1492.49');
    expect(proposePlan({ ...base, months: 22 }).payment.gt(600)).toBe(true);
    expect(plan.problems).toEqual([]);
  });

  it('an offer exactly equal to a term’s payment takes that term', () => {
    expect(proposePlan({ ...base, targetPayment: d('586.63') }).months).toBe(23);
    expect(proposePlan({ ...base, targetPayment: d('586.62') }).months).toBe(24);
  });

  it('an offer of 300 needs more than 36 months: the 36-month plan at 398.57, flagged too long and above the offer', () => {
    const plan = proposePlan({ ...base, targetPayment: d(300) });
    expect(plan.months).toBe(36);
    expect(plan.payment.toFixed(2)).toBe('398.57');
    expect(plan.problems).toEqual(['too-long', 'exceeds-target']);
  });

  it('an offer of 120 does not even cover the 120 of monthly interest on 12,000 at 1%: never repays', () => {
    expect(proposePlan({ ...base, targetPayment: d(120) }).problems).toEqual(['never-repays', 'too-long', 'exceeds-target']);
    expect(proposePlan({ ...base, targetPayment: d('120.01') }).problems).toEqual(['too-long', 'exceeds-target']);
  });

  it('a term and an offer together: the term is kept and the offer checked', () => {
    expect(proposePlan({ ...base, months: 12, targetPayment: d(600) }).problems).toEqual(['exceeds-target']);
    expect(proposePlan({ ...base, months: 48 }).problems).toEqual(['too-long']);
    expect(proposePlan({ ...base, months: 24, targetPayment: d(100) }).problems).toEqual(['never-repays', 'exceeds-target']);
  });

  it('interest-free: 1,000 at 0% for an offer of 333.33 is 3 months, 333.33 + 333.33 + 333.34, no interest', () => {
    const plan = proposePlan({ amount: d(1000), monthlyRate: d(0), firstDue: '2027-01-31', targetPayment: d('333.33'), maxMonths: 12 });
    expect(plan.months).toBe(3);
    expect(plan.rows.map((row) => row.payment.toFixed(2))).toEqual(['333.33', '333.33', '333.34']);
    expect(plan.total.toFixed(2)).toBe('1000.00');
    expect(plan.interest.toFixed(2)).toBe('0.00');
  });

  it('an interest-free offer of 0 never repays', () => {
    const plan = proposePlan({ amount: d(1000), monthlyRate: d(0), firstDue: '2027-01-31', targetPayment: d(0), maxMonths: 12 });
    expect(plan.problems).toContain('never-repays');
  });

  it('keeps the contract day 31 from a first due date clamped to 28 Feb', () => {
    const plan = proposePlan({ amount: d(900), monthlyRate: d(0), firstDue: '2027-02-28', dueDay: 31, months: 3, maxMonths: 12 });
    expect(plan.rows.map((row) => row.due)).toEqual(['2027-02-28', '2027-03-31', '2027-04-30']);
  });

  it('refuses programming errors: nothing to re-spread, no term, neither term nor offer', () => {
    expect(() => proposePlan({ ...base, amount: d(0), months: 12 })).toThrow(RangeError);
    expect(() => proposePlan({ ...base, months: 0 })).toThrow(RangeError);
    expect(() => proposePlan(base)).toThrow(RangeError);
  });
});

describe('exceedsDisposable', () => {
  it('a 586.63 plan against 500 left each month is not affordable; against 586.63 it is', () => {
    expect(exceedsDisposable(d('586.63'), d(500))).toBe(true);
    expect(exceedsDisposable(d('586.63'), d('586.63'))).toBe(false);
    expect(exceedsDisposable(d('1.00'), d(-2250))).toBe(true);
  });
});
