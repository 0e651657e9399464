import { describe, expect, it } from 'vitest';
import { parseMethod } from '../../src/parse/method.ts';

describe('parseMethod', () => {
  it.each([
    ['annuity', 'annuity'],
    ['Annuity', 'annuity'],
    ['equal installment', 'annuity'],
    ['equal installments', 'annuity'],
    ['Equal Instalments', 'annuity'],
    ['等额本息', 'annuity'],
    ['等額本息', 'annuity'],
    ['equal principal', 'equal-principal'],
    ['equal-principal', 'equal-principal'],
    ['等额本金', 'equal-principal'],
    ['等額本金', 'equal-principal'],
    ['interest first', 'interest-first'],
    ['interest-first', 'interest-first'],
    ['interest only', 'interest-first'],
    ['interest-only', 'interest-first'],
    ['balloon', 'interest-first'],
    ['先息后本', 'interest-first'],
    ['先息後本', 'interest-first'],
    ['fee', 'fee'],
    ['installment plan', 'fee'],
    ['分期手续费', 'fee'],
    ['分期手續費', 'fee'],
    ['手续费', 'fee'],
    ['手續費', 'fee'],
    ['等本等息', 'flat'],
    ['flat rate', 'flat'],
    ['bullet', 'bullet'],
    ['到期还本付息', 'bullet'],
    ['一次性還本付息', 'bullet'],
    ['先享后付', 'bnpl'],
    ['buy now pay later', 'bnpl'],
    ['BNPL', 'bnpl'],
    ['  ＡＮＮＵＩＴＹ  ', 'annuity'],
  ])('reads %s as %s', (text, expected) => {
    expect(parseMethod(text)).toBe(expected);
  });

  it.each(['', 'mortgage', '分期', 'annuity please', '等额', 'x'.repeat(201)])('does not guess from %s', (text) => {
    expect(parseMethod(text)).toBeNull();
  });
});
