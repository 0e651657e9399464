import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../src/domain/calendar.ts';
import { Decimal, ZERO, sumMoney } from '../../src/domain/money.ts';
import { payoffQuote, type PayoffQuote, type PrepaymentRule } from '../../src/domain/payoff.ts';
import { toMonthlyRate } from '../../src/domain/rates.ts';
import { REPAYMENT_METHODS, SINGLE_PAYMENT_METHODS, buildSchedule, type LoanTerms, type ScheduleRow } from '../../src/domain/schedule.ts';

const money = (value: Decimal): string => value.toFixed(2);

type PaidRow = ScheduleRow & { paid: Decimal };

/** The schedule with the first `fullyPaid` installments paid in full and nothing else paid. */
function withPaid(terms: LoanTerms, fullyPaid: number, extra: Record<number, string> = {}): PaidRow[] {
  return buildSchedule(terms).map((row) => ({ ...row, paid: row.n <= fullyPaid ? row.payment : new Decimal(extra[row.n] ?? 0) }));
}

function quoteFields(q: PayoffQuote): Record<string, string> {
  return Object.fromEntries(Object.entries(q).map(([k, v]) => [k, money(v as Decimal)]));
}

describe('payoffQuote: interest-bearing loans', () => {
  // 10,000 at 12%/yr, 12 months, annuity, first due 2027-01-15: 888.49 a month.
  // Balances after periods 1..4: 9,211.51; 8,415.14; 7,610.80 (interest 84.15, principal 804.34);
  // 6,798.42 (interest 76.11, principal 812.38).
  const terms: LoanTerms = {
    principal: new Decimal(10000),
    method: 'annuity',
    monthlyRate: toMonthlyRate(new Decimal(12), 'annual'),
    periods: 12,
    firstDue: '2027-01-15',
  };

  it('worked example: first 3 paid, today 2027-04-25 (installment 4 of 15 April is overdue)', () => {
    const q = payoffQuote({ terms, rows: withPaid(terms, 3), today: '2027-04-25' });
    // Installment 4 (due 2027-04-15) is unpaid: overdue = 76.11 + 812.38 = 888.49.
    // Principal still owed = balance after period 3 = 7,610.80 = 812.38 (overdue, in installment 4)
    //   + 6,798.42 (not yet due = balance after period 4).
    // Interest accrues only on the principal not yet due (overdue principal bears penalty
    // interest instead, overdue.ts), for the 10 days since 2027-04-15:
    //   6,798.42 × 0.12 / 360 × 10 = 22.6614 → 22.66.
    // amount = 888.49 + 6,798.42 + 22.66 = 7,709.57.
    // Kept schedule: 888.49 × 8 (periods 4..11) + 888.47 (period 12) = 7,996.39; saved 286.82.
    expect(quoteFields(q)).toEqual({
      amount: '7709.57',
      overdue: '888.49',
      dueToday: '0.00',
      principal: '6798.42',
      accruedInterest: '22.66',
      fees: '0.00',
      remainingScheduled: '7996.39',
      saved: '286.82',
    });
    expect(money(q.principal.plus('812.38'))).toBe('7610.80');
  });

  it('a loan kept current: first 3 paid, today 2027-03-25 → balance after period 3 + 10 days of interest', () => {
    // 7,610.80 × 0.12 / 360 × 10 = 25.3693… → 25.37; amount 7,636.17.
    const q = payoffQuote({ terms, rows: withPaid(terms, 3), today: '2027-03-25' });
    expect([money(q.overdue), money(q.principal), money(q.accruedInterest), money(q.amount)]).toEqual([
      '0.00',
      '7610.80',
      '25.37',
      '7636.17',
    ]);
  });

  it('first 4 paid, today 2027-04-25: 6,798.42 + 22.66 = 6,821.08', () => {
    const q = payoffQuote({ terms, rows: withPaid(terms, 4), today: '2027-04-25' });
    expect([money(q.overdue), money(q.principal), money(q.accruedInterest), money(q.amount)]).toEqual([
      '0.00',
      '6798.42',
      '22.66',
      '6821.08',
    ]);
  });

  it('an installment due today is owed in full, and no further interest has accrued', () => {
    const q = payoffQuote({ terms, rows: withPaid(terms, 3), today: '2027-04-15' });
    expect([money(q.overdue), money(q.dueToday), money(q.principal), money(q.accruedInterest), money(q.amount)]).toEqual([
      '0.00',
      '888.49',
      '6798.42',
      '0.00',
      '7686.91',
    ]);
  });

  it('counts a partly paid overdue installment at its open amount', () => {
    // 500.00 paid towards installment 4 covers its 76.11 interest first: 388.49 is still open.
    const q = payoffQuote({ terms, rows: withPaid(terms, 3, { 4: '500.00' }), today: '2027-04-25' });
    expect(money(q.overdue)).toBe('388.49');
    expect(money(q.amount)).toBe('7209.57');
  });

  it('before the first due date: from start, else from a month before firstDue', () => {
    // No start: from 2026-12-15, 21 days: 10,000 × 0.12 / 360 × 21 = 70.00.
    expect(money(payoffQuote({ terms, rows: withPaid(terms, 0), today: '2027-01-05' }).accruedInterest)).toBe('70.00');
    // start 2026-12-20: 16 days → 53.333… → 53.33.
    expect(
      money(payoffQuote({ terms: { ...terms, start: '2026-12-20' }, rows: withPaid(terms, 0), today: '2027-01-05' }).accruedInterest),
    ).toBe('53.33');
    // On a 365 basis: 10,000 × 0.12 / 365 × 21 = 69.04.
    expect(money(payoffQuote({ terms: { ...terms, dayBasis: 365 }, rows: withPaid(terms, 0), today: '2027-01-05' }).accruedInterest)).toBe(
      '69.04',
    );
  });

  it('never accrues more than the next installment’s interest (long first period)', () => {
    // start 2026-11-01 to 2027-01-14 is 74 days (246.67), but period 1 charges 100.00.
    const q = payoffQuote({ terms: { ...terms, start: '2026-11-01' }, rows: withPaid(terms, 0), today: '2027-01-14' });
    expect(money(q.accruedInterest)).toBe('100.00');
  });

  it('after the last due date only the overdue amount is left', () => {
    const q = payoffQuote({ terms, rows: withPaid(terms, 10), today: '2028-02-01' });
    expect([money(q.overdue), money(q.principal), money(q.accruedInterest), money(q.amount), money(q.saved)]).toEqual([
      '1776.96',
      '0.00',
      '0.00',
      '1776.96',
      '0.00',
    ]);
  });

  it('a bullet loan accrues from start: 10,000 at 12%, 45 of 90 days → 150.00 (147.95 on 365)', () => {
    const bullet: LoanTerms = {
      principal: new Decimal(10000),
      method: 'bullet',
      monthlyRate: new Decimal('0.01'),
      periods: 1,
      firstDue: '2027-04-01',
      start: '2027-01-01',
    };
    // 2027-01-01 → 2027-02-15 is 45 days: 10,000 × 0.12 × 45 / 360 = 150.00; / 365 → 147.945… → 147.95.
    const q = payoffQuote({ terms: bullet, rows: withPaid(bullet, 0), today: '2027-02-15' });
    expect([money(q.principal), money(q.accruedInterest), money(q.amount), money(q.remainingScheduled), money(q.saved)]).toEqual([
      '10000.00',
      '150.00',
      '10150.00',
      '10300.00',
      '150.00',
    ]);
    const on365 = { ...bullet, dayBasis: 365 as const };
    expect(money(payoffQuote({ terms: on365, rows: withPaid(on365, 0), today: '2027-02-15' }).accruedInterest)).toBe('147.95');
  });

  it('an explicit percent-of-principal rule models a prepayment penalty', () => {
    // 1% of the 6,798.42 not yet due = 67.9842 → 67.98.
    const q = payoffQuote({
      terms,
      rows: withPaid(terms, 4),
      today: '2027-04-25',
      prepaymentRule: { kind: 'percent-of-principal', percent: new Decimal(1) },
    });
    expect(money(q.fees)).toBe('67.98');
    expect(money(q.amount)).toBe('6889.06');
  });
});

describe('payoffQuote: fee, flat and bnpl plans', () => {
  // 12,000 in 12 at a 0.6% monthly fee: 1,000.00 principal + 72.00 fee a month. First 5 paid, today
  // 2027-06-01 (between the 15 May and 15 June installments): 7,000.00 principal not yet due.
  const fee: LoanTerms = {
    principal: new Decimal(12000),
    method: 'fee',
    monthlyRate: new Decimal('0.006'),
    periods: 12,
    firstDue: '2027-01-15',
  };
  const flat: LoanTerms = { ...fee, method: 'flat' };

  it.each([
    [undefined, '0.00', '7000.00'],
    [{ kind: 'waive-remaining-fees' }, '0.00', '7000.00'],
    // 7 installments × 72.00 = 504.00: the same as keeping the schedule.
    [{ kind: 'charge-remaining-fees' }, '504.00', '7504.00'],
    // 3% of 7,000.00.
    [{ kind: 'percent-of-principal', percent: new Decimal(3) }, '210.00', '7210.00'],
  ] as [PrepaymentRule | undefined, string, string][])('fee plan, rule %o: fees %s, amount %s', (rule, fees, amount) => {
    for (const terms of [fee, flat]) {
      const q = payoffQuote({ terms, rows: withPaid(terms, 5), today: '2027-06-01', ...(rule ? { prepaymentRule: rule } : {}) });
      expect([money(q.fees), money(q.amount), money(q.accruedInterest), money(q.remainingScheduled)]).toEqual([
        fees,
        amount,
        '0.00',
        '7504.00',
      ]);
    }
  });

  it('bnpl: the open amount, fee included, whatever the rule', () => {
    const bnpl: LoanTerms = {
      principal: new Decimal('2999.00'),
      method: 'bnpl',
      monthlyRate: ZERO,
      periods: 1,
      firstDue: '2027-02-10',
      oneTimeFee: new Decimal('15.00'),
    };
    for (const prepaymentRule of [undefined, { kind: 'waive-remaining-fees' } as const]) {
      const q = payoffQuote({ terms: bnpl, rows: withPaid(bnpl, 0), today: '2027-01-20', ...(prepaymentRule ? { prepaymentRule } : {}) });
      expect([money(q.principal), money(q.fees), money(q.amount), money(q.saved)]).toEqual(['2999.00', '15.00', '3014.00', '0.00']);
    }
  });

  it('refuses no rows, a negative paid amount and a malformed date', () => {
    expect(() => payoffQuote({ terms: fee, rows: [], today: '2027-06-01' })).toThrow(RangeError);
    const rows = withPaid(fee, 0, { 2: '-1' });
    expect(() => payoffQuote({ terms: fee, rows, today: '2027-06-01' })).toThrow(RangeError);
    expect(() => payoffQuote({ terms: fee, rows: withPaid(fee, 0), today: '2027-06-31' })).toThrow(RangeError);
  });
});

describe('payoffQuote properties (fast-check)', () => {
  const scenario = fc
    .record({
      method: fc.constantFrom(...REPAYMENT_METHODS),
      periods: fc.integer({ min: 1, max: 60 }),
      cents: fc.integer({ min: 10_000, max: 100_000_000 }),
      rateMillionths: fc.integer({ min: 0, max: 50_000 }),
      dayBasis: fc.constantFrom<360 | 365>(360, 365),
      startDaysBefore: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
      fullyPaid: fc.integer({ min: 0, max: 60 }),
      partialPermille: fc.integer({ min: 0, max: 999 }),
      todayOffset: fc.integer({ min: -150, max: 60 * 31 + 60 }),
    })
    .map((s) => {
      const single = SINGLE_PAYMENT_METHODS.includes(s.method);
      const firstDue = '2027-01-31';
      const startDaysBefore = s.startDaysBefore ?? (s.method === 'bullet' ? 30 : undefined);
      const terms: LoanTerms = {
        principal: new Decimal(s.cents).div(100),
        method: s.method,
        monthlyRate: new Decimal(s.rateMillionths).div(1_000_000),
        periods: single ? 1 : s.periods,
        firstDue,
        dayBasis: s.dayBasis,
        ...(startDaysBefore === undefined ? {} : { start: addDays(firstDue, -startDaysBefore) }),
      };
      const rows: PaidRow[] = buildSchedule(terms).map((row) => ({
        ...row,
        paid:
          row.n <= s.fullyPaid
            ? row.payment
            : row.n === s.fullyPaid + 1
              ? row.payment.times(s.partialPermille).div(1000).toDecimalPlaces(2, Decimal.ROUND_DOWN)
              : ZERO,
      }));
      return { terms, rows, today: addDays(firstDue, s.todayOffset) };
    });

  it('pays off today for no more than the remaining payments, and the parts add up', () => {
    fc.assert(
      fc.property(scenario, ({ terms, rows, today }) => {
        const q = payoffQuote({ terms, rows, today });
        expect(q.amount.lte(q.remainingScheduled)).toBe(true);
        expect(q.amount.eq(q.overdue.plus(q.dueToday).plus(q.principal).plus(q.accruedInterest).plus(q.fees))).toBe(true);
        expect(q.saved.eq(q.remainingScheduled.minus(q.amount))).toBe(true);
        for (const v of Object.values(q) as Decimal[]) {
          expect(v.isNeg()).toBe(false);
          expect(v.decimalPlaces()).toBeLessThanOrEqual(2);
        }
        // What is open of the schedule: its remaining total.
        expect(q.remainingScheduled.eq(sumMoney(rows.map((r) => r.payment.minus(r.paid))))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('fee and flat plans under the charge rule cost exactly the remaining payments', () => {
    fc.assert(
      fc.property(
        scenario.filter(({ terms }) => terms.method === 'fee' || terms.method === 'flat'),
        ({ terms, rows, today }) => {
          const q = payoffQuote({ terms, rows, today, prepaymentRule: { kind: 'charge-remaining-fees' } });
          expect(q.amount.eq(q.remainingScheduled)).toBe(true);
          expect(q.saved.isZero()).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
