import { describe, expect, it } from 'vitest';
import { parseLoanNumber } from '../../src/parse/loan-reference.ts';

describe('parseLoanNumber', () => {
  it('reads a loan number as /loans shows it, with or without #', () => {
    expect(parseLoanNumber('2')).toBe(2);
    expect(parseLoanNumber('#12')).toBe(12);
  });

  it('leaves amounts, names and longer numbers alone', () => {
    for (const word of ['1000', 'car', '1.5', '#', '', '2a']) expect(parseLoanNumber(word)).toBeUndefined();
  });
});
