import { describe, expect, it } from 'vitest';
import { parseCardBill } from '../../src/parse/card-bill.ts';

function read(text: string) {
  const r = parseCardBill(text);
  if (!r.ok) return r.error;
  const { balance, minimum, dailyPercent, ...rest } = r.value;
  return {
    ...rest,
    balance: balance.toString(),
    ...(minimum && { minimum: minimum.toString() }),
    ...(dailyPercent && { dailyPercent: dailyPercent.toString() }),
  };
}

describe('parseCardBill', () => {
  it('reads balance, dates (statement first), minimum and daily rate', () => {
    expect(read('10000 2026-12-05 2027-01-01 min 1000')).toEqual({
      balance: '10000',
      statementDate: '2026-12-05',
      dueDate: '2027-01-01',
      minimum: '1000',
    });
    expect(read('¥8,000 2026-12-05 2027-01-01 日利率0.04%')).toEqual({
      balance: '8000',
      statementDate: '2026-12-05',
      dueDate: '2027-01-01',
      dailyPercent: '0.04',
    });
    expect(read('10000 2026-12-05 2027-01-01 minimum:500')).toMatchObject({ minimum: '500' });
    expect(read('10000 2026-12-05 2027-01-01 最低还款额1000')).toMatchObject({ minimum: '1000' });
  });

  it('reads traditional script', () => {
    expect(read('1萬 2026年12月5號 2027年1月1號 最低還款額 1000')).toEqual({
      balance: '10000',
      statementDate: '2026-12-05',
      dueDate: '2027-01-01',
      minimum: '1000',
    });
  });

  it('refuses a due date before the statement date instead of swapping them', () => {
    expect(read('¥8,000 2027-01-01 2026-12-05')).toBe('card-bill-dates-order');
    expect(read('10000 账单日2027-01-01 还款日2026-12-05')).toBe('card-bill-dates-order');
  });

  it('takes labelled dates in any order', () => {
    const dates = { statementDate: '2026-12-05', dueDate: '2027-01-01' };
    expect(read('10000 due 2027-01-01 statement 2026-12-05')).toMatchObject(dates);
    expect(read('10000 due date 2027-01-01 statement date 2026-12-05')).toMatchObject(dates);
    expect(read('10000 还款日2027-01-01 账单日2026-12-05')).toMatchObject(dates);
    expect(read('10000 到期還款日 2027-01-01 賬單日 2026-12-05')).toMatchObject(dates);
    expect(read('10000 繳款截止日2027-01-01 結帳日2026-12-05')).toMatchObject(dates);
  });

  it('accepts a minimum of zero, and refuses a minimum it cannot read rather than using the default', () => {
    expect(read('10000 2026-12-05 2027-01-01 min 0')).toMatchObject({ minimum: '0' });
    expect(read('10000 2026-12-05 2027-01-01 最低0元')).toMatchObject({ minimum: '0' });
    expect(read('10000 2026-12-05 2027-01-01 min 0.00')).toMatchObject({ minimum: '0' });
    expect(read('10000 2026-12-05 2027-01-01 min abc')).toBe('amount-not-number');
    expect(read('10000 2026-12-05 2027-01-01 min -5')).toBe('amount-not-positive');
  });

  it('says what is missing or wrong', () => {
    expect(read('10000')).toBe('card-bill-incomplete');
    expect(read('2026-12-05 2027-01-01')).toBe('card-bill-incomplete');
    expect(read('10000 2026-12-05 2026-12-05')).toBe('card-bill-dates-order');
    expect(read('1000 2026-12-05 2027-01-01 min 5000')).toBe('card-bill-minimum-too-large');
  });
});
