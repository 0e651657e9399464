import { describe, expect, it } from 'vitest';
import { parsePrepaymentPercent } from '../../src/parse/prepayment.ts';

describe('parsePrepaymentPercent', () => {
  it.each([
    ['3', '3'],
    ['3%', '3'],
    ['1.5 %', '1.5'],
    ['３％', '3'],
    ['0.25', '0.25'],
  ])('%s → %s', (text, percent) => {
    expect(parsePrepaymentPercent(text)).toEqual({ ok: true, value: percent });
  });

  it.each(['', 'free', '100', '1.234', '-3%', '3 percent'])('refuses %j', (text) => {
    expect(parsePrepaymentPercent(text)).toEqual({ ok: false, error: 'prepayment-percent-not-understood' });
  });
});
