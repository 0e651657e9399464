import { describe, expect, it } from 'vitest';
import type { RateUnit } from '../../src/domain/rates.ts';
import { Decimal } from '../../src/domain/money.ts';
import { parseRate, readRate, totalFeeRate } from '../../src/parse/rate.ts';

function rate(text: string, defaultUnit?: RateUnit): string {
  const result = parseRate(text, defaultUnit);
  if (!result.ok) throw new Error(`${text} → ${result.error}`);
  return `${result.value.percent.toString()} ${result.value.unit}`;
}

describe('parseRate', () => {
  it.each([
    ['12', '12 annual'],
    ['12%', '12 annual'],
    ['12 %', '12 annual'],
    ['１２％', '12 annual'],
    ['4.9%', '4.9 annual'],
    ['12% apr', '12 annual'],
    ['12% APR', '12 annual'],
    ['apr 12%', '12 annual'],
    ['12% per year', '12 annual'],
    ['12% a year', '12 annual'],
    ['12% p.a.', '12 annual'],
    ['12% per annum', '12 annual'],
    ['12%/year', '12 annual'],
    ['interest rate 12% p.a.', '12 annual'],
    ['年利率12%', '12 annual'],
    ['年利率 12%', '12 annual'],
    ['年利率：12%', '12 annual'],
    ['年化12%', '12 annual'],
    ['年化利率12%', '12 annual'],
    ['年息12%', '12 annual'],
    ['年息1分', '10 annual'],
    ['1% monthly', '1 monthly'],
    ['1%/month', '1 monthly'],
    ['1% per month', '1 monthly'],
    ['月利率1%', '1 monthly'],
    ['月息1%', '1 monthly'],
    ['月息1分', '1 monthly'],
    ['月息一分', '1 monthly'],
    ['月息1分5', '1.5 monthly'],
    ['月息一分半', '1.5 monthly'],
    ['月息5厘', '0.5 monthly'],
    ['0.05% daily', '0.05 daily'],
    ['0.05%/day', '0.05 daily'],
    ['日利率0.05%', '0.05 daily'],
    ['日息0.05%', '0.05 daily'],
    ['日息万5', '0.05 daily'],
    ['日息万五', '0.05 daily'],
    ['日息万分之五', '0.05 daily'],
    ['月费率0.6%', '0.6 monthly-fee'],
    ['月費率0.6%', '0.6 monthly-fee'],
    ['0.6% monthly fee', '0.6 monthly-fee'],
    ['0.6% fee per month', '0.6 monthly-fee'],
    ['手续费率0.6%', '0.6 monthly-fee'],
    ['手續費率0.6%', '0.6 monthly-fee'],
    ['手續費0.6%', '0.6 monthly-fee'],
    ['分期手续费0.6%', '0.6 monthly-fee'],
    ['年化费率13.03%', '13.03 annual'],
    ['0', '0 annual'],
    ['0%', '0 annual'],
    ['12 percent', '12 annual'],
  ])('reads %s as %s', (text, expected) => {
    expect(rate(text)).toBe(expected);
  });

  it('gives a rate without a unit the default unit the form asked for', () => {
    expect(rate('1', 'monthly')).toBe('1 monthly');
    expect(rate('0.6%', 'monthly-fee')).toBe('0.6 monthly-fee');
    expect(rate('12% apr', 'monthly')).toBe('12 annual');
  });

  it.each([
    ['abc', 'rate-not-number'],
    ['', 'rate-not-number'],
    ['12% 13%', 'rate-not-number'],
    ['1.2.3%', 'rate-not-number'],
    ['1分', 'rate-not-number'],
    ['12% monthly apr', 'rate-not-number'],
    ['0.6% annual fee', 'rate-not-number'],
    ['-1%', 'rate-negative'],
    ['年利率-5%', 'rate-negative'],
    ['−3', 'rate-negative'],
    ['1000%', 'rate-too-high'],
    ['83.34% monthly', 'rate-too-high'],
    ['2.78% daily', 'rate-too-high'],
    ['1'.repeat(201), 'text-too-long'],
  ])('refuses %s with %s', (text, code) => {
    expect(parseRate(text)).toEqual({ ok: false, error: code });
  });

  it('stays under the limit just below 1000% a year', () => {
    expect(rate('999.99%')).toBe('999.99 annual');
    expect(rate('83.33% monthly')).toBe('83.33 monthly');
    expect(rate('2.77% daily')).toBe('2.77 daily');
  });
});

describe('readRate', () => {
  it('tells whether the unit was actually written', () => {
    const bare = readRate('6%');
    expect(bare.ok && bare.value.unit).toBeUndefined();
    const stated = readRate('6% apr');
    expect(stated.ok && stated.value.unit).toBe('annual');
  });
});

describe('total fees (总费率, issue 9 point 4)', () => {
  it.each([
    ['总费率8.8%'],
    ['總費率8.8%'],
    ['总手续费率8.8%'],
    ['总手续费 8.8%'],
    ['total fee 8.8%'],
    ['8.8% total fee'],
    ['total fee rate 8.8%'],
    ['8.8% in total'],
  ])('reads %s as a fee over the whole plan', (text) => {
    const reading = readRate(text);
    expect(reading.ok && reading.value).toEqual({ percent: new Decimal('8.8'), unit: 'monthly-fee', total: true });
  });

  it('spreads a total fee over the periods: 8.8% over 12 is 8.8/12 a month, exactly 22.00 on 3,000', () => {
    const rate = parseRate('总费率8.8%', 'annual', 12);
    if (!rate.ok) throw new Error(rate.error);
    expect(rate.value.unit).toBe('monthly-fee');
    expect(rate.value.percent.eq(new Decimal('8.8').div(12))).toBe(true);
    expect(new Decimal(3000).times(rate.value.percent).div(100).toDecimalPlaces(2).toFixed(2)).toBe('22.00');
    expect(totalFeeRate(new Decimal(6), 12)).toEqual({ ok: true, value: { percent: new Decimal('0.5'), unit: 'monthly-fee' } });
  });

  it('refuses a total fee without periods, and a total of an interest rate', () => {
    expect(parseRate('总费率8.8%')).toEqual({ ok: false, error: 'rate-not-number' });
    expect(parseRate('总年化8%', 'annual', 12)).toEqual({ ok: false, error: 'rate-not-number' });
    expect(parseRate('total 8% a month', 'annual', 12)).toEqual({ ok: false, error: 'rate-not-number' });
    expect(parseRate('总费率90%', 'annual', 1)).toEqual({ ok: false, error: 'rate-too-high' });
  });
});

describe('no interest in words', () => {
  it.each([
    ['免息'],
    ['無息'],
    ['零利息'],
    ['interest-free'],
    ['Interest free'],
    ['no interest'],
    ['zero interest'],
    ['0 interest'],
    ['0%利息'],
  ])('reads %s as 0', (text) => {
    expect(rate(text)).toBe('0 annual');
    expect(rate(text, 'monthly-fee')).toBe('0 monthly-fee');
  });

  it('does not read 免息期 (a card’s interest-free days) as a rate', () => {
    expect(parseRate('免息期')).toEqual({ ok: false, error: 'rate-not-number' });
  });
});
