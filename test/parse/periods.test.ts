import { describe, expect, it } from 'vitest';
import { parsePeriods } from '../../src/parse/periods.ts';

describe('parsePeriods', () => {
  it.each([
    ['12', 12],
    ['12期', 12],
    ['12 期', 12],
    ['12 months', 12],
    ['12 Months', 12],
    ['1 month', 1],
    ['12个月', 12],
    ['12個月', 12],
    ['12 installments', 12],
    ['12 instalments', 12],
    ['分12期', 12],
    ['１２期', 12],
    ['十二期', 12],
    ['三百六十期', 360],
    ['1年', 12],
    ['1 year', 12],
    ['2 years', 24],
    ['两年', 24],
    ['3年期', 36],
    ['1.5年', 18],
    ['一年半', 18],
    ['半年', 6],
    ['600', 600],
    ['50年', 600],
  ])('reads %s as %i periods', (text, expected) => {
    expect(parsePeriods(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['0', 'periods-out-of-range'],
    ['601', 'periods-out-of-range'],
    ['51 years', 'periods-out-of-range'],
    ['1.5', 'periods-out-of-range'],
    ['1.3年', 'periods-out-of-range'],
    ['-3', 'periods-out-of-range'],
    ['abc', 'periods-not-number'],
    ['', 'periods-not-number'],
    ['12 weeks', 'periods-not-number'],
    ['12 13', 'periods-not-number'],
    ['十十期', 'periods-not-number'],
    ['1'.repeat(201), 'text-too-long'],
  ])('refuses %s with %s', (text, code) => {
    expect(parsePeriods(text)).toEqual({ ok: false, error: code });
  });
});
