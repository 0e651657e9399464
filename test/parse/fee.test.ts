import { describe, expect, it } from 'vitest';
import { parseFee } from '../../src/parse/fee.ts';

const read = (text: string, principal?: string) => {
  const r = parseFee(text, principal);
  return r.ok ? r.value.toFixed(2) : r.error;
};

describe('parseFee', () => {
  it.each(['0', '0.00', 'none', 'No fee', 'nothing', '无', '無', '没有', '沒有', '免费', '免費', '０'])('%j is no fee', (text) => {
    expect(read(text)).toBe('0.00');
  });

  it('reads amounts as parseAmount does', () => {
    expect(read('300')).toBe('300.00');
    expect(read('¥1,200.50')).toBe('1200.50');
    expect(read('0.1萬')).toBe('1000.00');
    expect(read('abc')).toBe('amount-not-number');
    expect(read('-5')).toBe('amount-not-positive');
  });

  it('a fee must be less than the principal', () => {
    expect(read('10000', '10000')).toBe('fee-too-large');
    expect(read('9999.99', '10000')).toBe('9999.99');
    expect(read('0', '10000')).toBe('0.00');
  });
});
