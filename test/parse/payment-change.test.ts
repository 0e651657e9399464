import { describe, expect, it } from 'vitest';
import { isBareNumber, parsePaymentChange, readPaidLine, readPaymentWords } from '../../src/parse/payment-change.ts';

const today = '2026-11-21';

function line(text: string, loanNames: string[]) {
  const read = readPaidLine(text, { today, loanNames });
  return {
    loan: read.loan,
    changes: read.changes.map((change) => ('date' in change ? change.date : change.amount.toFixed(2))),
    errors: read.errors,
  };
}

describe('parsePaymentChange', () => {
  it('reads dates as a payment has them: relative words, and a date without a year before today', () => {
    for (const [text, date] of [
      ['yesterday', '2026-11-20'],
      ['昨天', '2026-11-20'],
      ['前天', '2026-11-19'],
      ['today', '2026-11-21'],
      ['今天', '2026-11-21'],
      ['11月25日', '2025-11-25'],
      ['2026-11-20', '2026-11-20'],
    ] as const) {
      expect(parsePaymentChange(text, today)).toEqual({ ok: true, value: { date } });
    }
  });

  it('refuses a day after today, and a year-first date that is wrong as a date', () => {
    expect(parsePaymentChange('tomorrow', today)).toEqual({ ok: false, error: 'payment-date-in-future' });
    expect(parsePaymentChange('2026-13-01', today)).toMatchObject({ ok: false });
    expect(parsePaymentChange('2026-13-01', today)).not.toMatchObject({ error: 'amount-not-number' });
  });
});

describe('readPaymentWords', () => {
  it('takes the longest run of words that is a date', () => {
    const read = readPaymentWords(['500', 'day', 'before', 'yesterday'], today);
    expect(read.errors).toEqual([]);
    expect(read.changes.map((c) => ('date' in c ? c.date : c.amount.toString()))).toEqual(['500', '2026-11-19']);
  });
});

describe('isBareNumber', () => {
  it('is digits only, full-width too', () => {
    for (const word of ['1', '９', '500']) expect(isBareNumber(word)).toBe(true);
    for (const word of ['1.00', '¥1', '1元', '1k', '1,000', '一']) expect(isBareNumber(word)).toBe(false);
  });
});

describe('readPaidLine: /paid [loan] [amount] [date]', () => {
  it('one loan: a bare 1 alone is asked; after it, or any other number, an amount', () => {
    expect(line('1', ['car'])).toEqual({ loan: { kind: 'ambiguous', index: 0, number: 1 }, changes: [], errors: [] });
    expect(line('1 2026-11-20', ['car'])).toMatchObject({ loan: { kind: 'ambiguous' }, changes: ['2026-11-20'] });
    expect(line('1 500', ['car'])).toEqual({ loan: { kind: 'loan', index: 0, words: 1 }, changes: ['500.00'], errors: [] });
    expect(line('2', ['car'])).toEqual({ loan: undefined, changes: ['2.00'], errors: [] });
    expect(line('1.00', ['car'])).toEqual({ loan: undefined, changes: ['1.00'], errors: [] });
    expect(line('car 1', ['car'])).toEqual({ loan: { kind: 'loan', index: 0, words: 1 }, changes: ['1.00'], errors: [] });
    expect(line('#5', ['car'])).toMatchObject({ loan: { kind: 'missing', number: 5 }, changes: [] });
  });

  it('several loans: a bare number below 100 first is a loan number, present or not', () => {
    const names = ['car', 'phone'];
    expect(line('2', names)).toEqual({ loan: { kind: 'loan', index: 1, words: 1 }, changes: [], errors: [] });
    expect(line('9', names)).toEqual({ loan: { kind: 'missing', number: 9, words: 1 }, changes: [], errors: [] });
    expect(line('99 500', names)).toMatchObject({ loan: { kind: 'missing', number: 99 }, changes: ['500.00'] });
    expect(line('100', names)).toEqual({ loan: undefined, changes: ['100.00'], errors: [] });
    expect(line('9.00', names)).toEqual({ loan: undefined, changes: ['9.00'], errors: [] });
    expect(line('2 9', names)).toEqual({ loan: { kind: 'loan', index: 1, words: 1 }, changes: ['9.00'], errors: [] });
    expect(line('500 yesterday', names)).toEqual({ loan: undefined, changes: ['500.00', '2026-11-20'], errors: [] });
  });

  it('a name of several words, in any case', () => {
    expect(line('Old Loan 500 昨天', ['old loan', 'phone'])).toEqual({
      loan: { kind: 'loan', index: 0, words: 2 },
      changes: ['500.00', '2026-11-20'],
      errors: [],
    });
  });

  it('an unreadable word is an error and the rest still counts', () => {
    expect(line('2 abc 500', ['car', 'phone'])).toEqual({
      loan: { kind: 'loan', index: 1, words: 1 },
      changes: ['500.00'],
      errors: ['amount-not-number'],
    });
  });
});
