import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/domain/money.ts';
import { toAnnualPercent, toMonthlyRate } from '../../src/domain/rates.ts';

const d = (s: string): Decimal => new Decimal(s);

describe('toMonthlyRate', () => {
  it('divides an annual percent by 12 and by 100', () => {
    expect(toMonthlyRate(d('12'), 'annual').toString()).toBe('0.01');
    expect(toMonthlyRate(d('7.5'), 'annual').toString()).toBe('0.00625');
  });

  it('takes monthly and monthly-fee percents as they are', () => {
    expect(toMonthlyRate(d('1'), 'monthly').toString()).toBe('0.01');
    expect(toMonthlyRate(d('0.6'), 'monthly-fee').toString()).toBe('0.006');
  });

  it('converts daily rates on a 360-day year unless told 365', () => {
    expect(toMonthlyRate(d('0.05'), 'daily').toString()).toBe('0.015');
    expect(toMonthlyRate(d('0.05'), 'daily', 365).toDecimalPlaces(10).toString()).toBe('0.0152083333');
  });
});

describe('toAnnualPercent', () => {
  it('gives the nominal annual figure for each unit', () => {
    expect(toAnnualPercent(d('12'), 'annual').toString()).toBe('12');
    expect(toAnnualPercent(d('1'), 'monthly').toString()).toBe('12');
    expect(toAnnualPercent(d('0.6'), 'monthly-fee').toString()).toBe('7.2');
    expect(toAnnualPercent(d('0.05'), 'daily').toString()).toBe('18');
    expect(toAnnualPercent(d('0.05'), 'daily', 365).toString()).toBe('18.25');
  });
});
