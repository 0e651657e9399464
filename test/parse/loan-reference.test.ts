import { describe, expect, it } from 'vitest';
import { parseLoanNumber, readLoanReference } from '../../src/parse/loan-reference.ts';

describe('parseLoanNumber', () => {
  it('reads a loan number as /loans shows it, with or without #', () => {
    expect(parseLoanNumber('2')).toBe(2);
    expect(parseLoanNumber('#12')).toBe(12);
  });

  it('leaves amounts, names and longer numbers alone', () => {
    for (const word of ['1000', 'car', '1.5', '#', '', '2a']) expect(parseLoanNumber(word)).toBeUndefined();
  });
});

describe('readLoanReference', () => {
  const names = ['car', 'old loan', 'phone'];

  it('reads a loan by its number or its whole name', () => {
    expect(readLoanReference(['2'], names)).toEqual({ kind: 'loan', index: 1, words: 1 });
    expect(readLoanReference(['#3', '500'], names)).toEqual({ kind: 'loan', index: 2, words: 1 });
    expect(readLoanReference(['OLD', 'loan', '500'], names)).toEqual({ kind: 'loan', index: 1, words: 2 });
  });

  it('says a number is no loan’s', () => {
    expect(readLoanReference(['9'], names)).toEqual({ kind: 'missing', number: 9, words: 1 });
    expect(readLoanReference(['#0'], names)).toEqual({ kind: 'missing', number: 0, words: 1 });
  });

  it('leaves amounts, other words and (when told) bare numbers alone', () => {
    expect(readLoanReference(['500'], names)).toBeUndefined();
    expect(readLoanReference(['old'], names)).toBeUndefined();
    expect(readLoanReference(['2'], names, { bareNumbers: false })).toBeUndefined();
    expect(readLoanReference(['#2'], names, { bareNumbers: false })).toEqual({ kind: 'loan', index: 1, words: 1 });
  });

  it('a name two loans share names neither', () => {
    expect(readLoanReference(['car'], ['car', 'Car'])).toBeUndefined();
  });
});
