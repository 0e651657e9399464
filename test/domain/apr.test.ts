import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { annualPercentageRate, aprOfSchedule } from '../../src/domain/apr.ts';
import { Decimal, ZERO } from '../../src/domain/money.ts';
import { toMonthlyRate } from '../../src/domain/rates.ts';
import { buildSchedule } from '../../src/domain/schedule.ts';

function feePlanApr(principal: number, feePercent: string, periods: number) {
  const rows = buildSchedule({
    principal: new Decimal(principal),
    method: 'fee',
    monthlyRate: toMonthlyRate(new Decimal(feePercent), 'monthly-fee'),
    periods,
    firstDue: '2027-01-15',
  });
  return annualPercentageRate(
    new Decimal(principal),
    rows.map((r) => ({ amount: r.payment })),
  );
}

const pct = (value: Decimal): string => value.toFixed(2);

describe('annualPercentageRate, domain.md §2', () => {
  it('12,000 at a 0.6% monthly fee × 12: monthly IRR 1.0862%, APR 13.03%, effective 13.84%', () => {
    const result = feePlanApr(12000, '0.6', 12);
    expect(result.monthlyIrr.times(100).toFixed(4)).toBe('1.0862');
    expect(pct(result.apr)).toBe('13.03');
    expect(pct(result.effective)).toBe('13.84');
  });

  it.each([
    { fee: '0.75', periods: 3, apr: '13.45' },
    { fee: '0.70', periods: 6, apr: '14.26' },
    { fee: '0.66', periods: 12, apr: '14.31' },
    { fee: '0.65', periods: 24, apr: '14.33' },
    { fee: '0.50', periods: 12, apr: '10.90' },
    { fee: '0.75', periods: 12, apr: '16.22' },
  ])('fee $fee% × $periods periods → APR $apr%', ({ fee, periods, apr }) => {
    expect(pct(feePlanApr(12000, fee, periods).apr)).toBe(apr);
  });

  it('"月息1分" flat on the original 10,000 × 12 is 21.46%, not 12%', () => {
    expect(pct(feePlanApr(10000, '1', 12).apr)).toBe('21.46');
  });

  it('a fee taken up front (receive 11,136, repay 1,000 × 12) is 14.02%', () => {
    const result = annualPercentageRate(
      new Decimal(11136),
      Array.from({ length: 12 }, () => ({ amount: new Decimal(1000) })),
    );
    expect(pct(result.apr)).toBe('14.02');
  });

  it('a fee-free annuity of 10,000 at 12% comes out at its nominal 12.00%', () => {
    const rows = buildSchedule({
      principal: new Decimal(10000),
      method: 'annuity',
      monthlyRate: new Decimal('0.01'),
      periods: 12,
      firstDue: '2027-01-15',
    });
    const result = annualPercentageRate(
      new Decimal(10000),
      rows.map((r) => ({ amount: r.payment })),
    );
    expect(pct(result.apr)).toBe('12.00');
    expect(pct(result.effective)).toBe('12.68');
  });

  it('is 0 for an interest-free loan and negative when less is repaid than received', () => {
    expect(pct(annualPercentageRate(new Decimal(1200), [{ amount: new Decimal(600) }, { amount: new Decimal(600) }]).apr)).toBe('0.00');
    expect(annualPercentageRate(new Decimal(1200), [{ amount: new Decimal(500) }, { amount: new Decimal(500) }]).apr.isNeg()).toBe(true);
  });

  it('copes with a balloon (interest first) and with 0.00 installments', () => {
    const rows = buildSchedule({
      principal: new Decimal(10000),
      method: 'interest-first',
      monthlyRate: new Decimal('0.01'),
      periods: 12,
      firstDue: '2027-01-15',
    });
    expect(
      pct(
        annualPercentageRate(
          new Decimal(10000),
          rows.map((r) => ({ amount: r.payment })),
        ).apr,
      ),
    ).toBe('12.00');
    expect(pct(annualPercentageRate(new Decimal(1000), [{ amount: new Decimal(0) }, { amount: new Decimal(1000) }]).apr)).toBe('0.00');
  });

  it('refuses input with no answer', () => {
    expect(() => annualPercentageRate(new Decimal(0), [{ amount: new Decimal(100) }])).toThrow(RangeError);
    expect(() => annualPercentageRate(new Decimal(100), [])).toThrow(RangeError);
    expect(() => annualPercentageRate(new Decimal(100), [{ amount: new Decimal(0) }])).toThrow(RangeError);
    expect(() => annualPercentageRate(new Decimal(100), [{ amount: new Decimal(-1) }])).toThrow(RangeError);
  });

  it('of a fee-free loan equals its nominal annual rate within 0.01 (property)', () => {
    fc.assert(
      fc.property(
        // From 10,000.00 up: on smaller loans the cent rounding of each period's interest alone
        // moves the APR by about 0.01 point (1,000.29 at 20.16% over 40 periods: 0.0103).
        fc.integer({ min: 1_000_000, max: 10_000_000_000 }),
        fc.integer({ min: 1, max: 3600 }),
        fc.integer({ min: 1, max: 360 }),
        fc.constantFrom('annuity' as const, 'equal-principal' as const, 'interest-first' as const),
        (cents, basisPoints, periods, method) => {
          const principal = new Decimal(cents).div(100);
          const annual = new Decimal(basisPoints).div(100);
          const rows = buildSchedule({ principal, method, monthlyRate: toMonthlyRate(annual, 'annual'), periods, firstDue: '2027-01-15' });
          const { apr } = annualPercentageRate(
            principal,
            rows.map((r) => ({ amount: r.payment })),
          );
          expect(apr.minus(annual).abs().toNumber()).toBeLessThanOrEqual(0.01);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('aprOfSchedule: up-front fees (砍头息) and single payments, domain.md §2', () => {
  const interestFree12000 = buildSchedule({
    principal: new Decimal(12000),
    method: 'annuity',
    monthlyRate: new Decimal(0),
    periods: 12,
    firstDue: '2027-01-15',
  });

  it('receive 11,136 of 12,000 (864 taken up front), repay 1,000 × 12: 14.02%', () => {
    expect(pct(aprOfSchedule(new Decimal(12000), interestFree12000, new Decimal(864)).apr)).toBe('14.02');
  });

  it('without an up-front fee matches annualPercentageRate', () => {
    const rows = buildSchedule({
      principal: new Decimal(12000),
      method: 'fee',
      monthlyRate: new Decimal('0.006'),
      periods: 12,
      firstDue: '2027-01-15',
    });
    const result = aprOfSchedule(new Decimal(12000), rows);
    expect(pct(result.apr)).toBe('13.03');
    expect(
      result.apr.eq(
        annualPercentageRate(
          new Decimal(12000),
          rows.map((r) => ({ amount: r.payment })),
        ).apr,
      ),
    ).toBe(true);
    expect(pct(aprOfSchedule(new Decimal(12000), interestFree12000).apr)).toBe('0.00');
  });

  it('"月息1分" flat (等本等息) 10,000 × 12 is 21.46%', () => {
    const rows = buildSchedule({
      principal: new Decimal(10000),
      method: 'flat',
      monthlyRate: toMonthlyRate(new Decimal(1), 'monthly'),
      periods: 12,
      firstDue: '2027-01-15',
    });
    expect(pct(aprOfSchedule(new Decimal(10000), rows).apr)).toBe('21.46');
  });

  it('a 90-day bullet at 12% counts its actual days: t = 90 × 12 / 365 months', () => {
    const bullet = (dayBasis: 360 | 365) =>
      buildSchedule({
        principal: new Decimal(10000),
        method: 'bullet',
        monthlyRate: new Decimal('0.01'),
        periods: 1,
        firstDue: '2027-04-01',
        start: '2027-01-01',
        dayBasis,
      });
    // 360 basis: 10,300 / 10,000 = 1.03 over 2.9589… months: i = 1.03^(365/1080) − 1 = 1.00399%,
    // APR 12.05% (compound monthly, so not exactly the simple 12%).
    const on360 = aprOfSchedule(new Decimal(10000), bullet(360), undefined, '2027-01-01');
    expect(pct(on360.apr)).toBe('12.05');
    // Check the definition: received × (1 + i)^t = payment.
    const t = new Decimal(90 * 12).div(365);
    expect(new Decimal(10000).times(on360.monthlyIrr.plus(1).pow(t)).toFixed(2)).toBe('10300.00');
    // 365 basis: 10,295.89 → 11.88%.
    expect(pct(aprOfSchedule(new Decimal(10000), bullet(365), undefined, '2027-01-01').apr)).toBe('11.88');
    // Without a start the single payment is taken as one month after receipt: 3% a month.
    expect(pct(aprOfSchedule(new Decimal(10000), bullet(360)).apr)).toBe('36.00');
  });

  it('a bnpl purchase with a fee taken up front: 1,000 repaid after 30 days, 970 received', () => {
    const rows = buildSchedule({
      principal: new Decimal(1000),
      method: 'bnpl',
      monthlyRate: new Decimal(0),
      periods: 1,
      firstDue: '2027-01-31',
    });
    // i = (1000 / 970)^(365 / 360) − 1 = 3.1365%; APR = 37.64%.
    expect(pct(aprOfSchedule(new Decimal(1000), rows, new Decimal(30), '2027-01-01').apr)).toBe('37.64');
    expect(pct(aprOfSchedule(new Decimal(1000), rows, ZERO, '2027-01-01').apr)).toBe('0.00');
  });

  it('refuses a fee of the whole principal or more, a negative fee and a payment not after receipt', () => {
    expect(() => aprOfSchedule(new Decimal(12000), interestFree12000, new Decimal(12000))).toThrow(RangeError);
    expect(() => aprOfSchedule(new Decimal(12000), interestFree12000, new Decimal(12001))).toThrow(RangeError);
    expect(() => aprOfSchedule(new Decimal(12000), interestFree12000, new Decimal(-1))).toThrow(RangeError);
    const rows = buildSchedule({
      principal: new Decimal(1000),
      method: 'bnpl',
      monthlyRate: new Decimal(0),
      periods: 1,
      firstDue: '2027-01-31',
    });
    expect(() => aprOfSchedule(new Decimal(1000), rows, ZERO, '2027-01-31')).toThrow(RangeError);
  });

  it('only goes up as the up-front fee grows (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 5000 }), (feeCents, extraCents) => {
        const low = aprOfSchedule(new Decimal(12000), interestFree12000, new Decimal(feeCents).div(100)).apr;
        const high = aprOfSchedule(new Decimal(12000), interestFree12000, new Decimal(feeCents + extraCents).div(100)).apr;
        expect(high.gt(low)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
