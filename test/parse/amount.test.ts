import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/parse/amount.ts';

function amount(text: string): string {
  const result = parseAmount(text);
  if (!result.ok) throw new Error(`${text} → ${result.error}`);
  return result.value.toFixed(2);
}

function error(text: string): string | undefined {
  const result = parseAmount(text);
  return result.ok ? undefined : result.error;
}

describe('parseAmount', () => {
  it.each([
    ['12000', '12000.00'],
    ['12,000', '12000.00'],
    ['12,000.50', '12000.50'],
    ['1,234,567.89', '1234567.89'],
    ['¥12,000', '12000.00'],
    ['￥12000', '12000.00'],
    ['12000元', '12000.00'],
    ['12000 元', '12000.00'],
    ['12000块', '12000.00'],
    ['12000 yuan', '12000.00'],
    ['CNY 12000', '12000.00'],
    ['rmb12000', '12000.00'],
    ['$12,000', '12000.00'],
    ['１２０００', '12000.00'],
    ['１２，０００．５０', '12000.50'],
    ['1.2万', '12000.00'],
    ['1.2萬', '12000.00'],
    ['1.2w', '12000.00'],
    ['1.2W', '12000.00'],
    ['1.2万元', '12000.00'],
    ['¥1.2万', '12000.00'],
    ['12k', '12000.00'],
    ['3千', '3000.00'],
    ['1亿', '100000000.00'],
    ['1.234567万', '12345.67'],
    ['  12000  ', '12000.00'],
    ['0.01', '0.01'],
    ['100000000', '100000000.00'],
  ])('reads %s as %s', (text, expected) => {
    expect(amount(text)).toBe(expected);
  });

  it.each([
    ['abc', 'amount-not-number'],
    ['', 'amount-not-number'],
    ['12,00', 'amount-not-number'],
    ['1,2345', 'amount-not-number'],
    // Spaces group thousands only in groups of three (12 000 is read: input-faults.test.ts).
    ['12 0000', 'amount-not-number'],
    ['1.2.3', 'amount-not-number'],
    ['💰', 'amount-not-number'],
    ['12000💰', 'amount-not-number'],
    ['12000 apples', 'amount-not-number'],
    ['0', 'amount-not-positive'],
    ['0.00', 'amount-not-positive'],
    ['-5', 'amount-not-positive'],
    ['−5', 'amount-not-positive'],
    ['-¥12000', 'amount-not-positive'],
    ['¥-12000', 'amount-not-positive'],
    ['100000000.01', 'amount-too-large'],
    ['2亿', 'amount-too-large'],
    ['1.2345678万', 'amount-too-many-decimals'],
    ['1'.repeat(201), 'text-too-long'],
  ])('refuses %s with %s', (text, code) => {
    expect(error(text)).toBe(code);
  });

  it.each([
    ['一万二', '12000.00'],
    ['一萬二', '12000.00'],
    ['两万', '20000.00'],
    ['兩萬', '20000.00'],
    ['1万2', '12000.00'],
    ['1w2', '12000.00'],
    ['1万2500', '12500.00'],
    ['1万2千5', '12500.00'],
    ['三千五', '3500.00'],
    ['两百五', '250.00'],
    ['一千二百五十', '1250.00'],
    ['一万零五百', '10500.00'],
    ['十二万', '120000.00'],
    ['三千五百万', '35000000.00'],
    ['1亿', '100000000.00'],
    ['一亿', '100000000.00'],
    ['3.5万', '35000.00'],
    ['¥一万二', '12000.00'],
    ['一万二千元', '12000.00'],
    ['两千块钱', '2000.00'],
    ['壹万贰仟元整', '12000.00'],
  ])('reads Chinese numerals: %s as %s', (text, expected) => {
    expect(amount(text)).toBe(expected);
  });

  it.each([
    ['1万25', 'amount-not-number'],
    ['一万二百', 'amount-not-number'],
    ['万', 'amount-not-number'],
    ['一万万', 'amount-not-number'],
    ['二二', 'amount-not-number'],
    ['零', 'amount-not-number'],
    ['-两万', 'amount-not-positive'],
    ['两亿', 'amount-too-large'],
  ])('refuses Chinese numerals it cannot read for sure: %s with %s', (text, code) => {
    expect(error(text)).toBe(code);
  });

  it.each([
    ['12.000', 'amount-dot-three-digits'],
    ['12.345', 'amount-dot-three-digits'],
    ['1.000', 'amount-dot-three-digits'],
    ['999.999', 'amount-dot-three-digits'],
    ['¥12.000', 'amount-dot-three-digits'],
    ['12.000元', 'amount-dot-three-digits'],
    ['1.234.567', 'amount-dot-three-digits'],
    ['0.125', 'amount-too-many-decimals'],
    ['0.120', 'amount-too-many-decimals'],
    ['1234.567', 'amount-too-many-decimals'],
    ['12,000.000', 'amount-too-many-decimals'],
    ['12,000.001', 'amount-too-many-decimals'],
    ['12.3456', 'amount-too-many-decimals'],
  ])('the dot rule: %s is refused with %s, whatever the digits', (text, code) => {
    expect(error(text)).toBe(code);
  });

  it.each([
    ['12,000', '12000.00'],
    ['12.00', '12.00'],
    ['12.5', '12.50'],
    ['1.234万', '12340.00'],
    ['1.234k', '1234.00'],
  ])('the dot rule leaves alone %s (%s)', (text, expected) => {
    expect(amount(text)).toBe(expected);
  });
});

describe('the dot rule holds whatever the digits', () => {
  it('one to three digits, a dot, exactly three digits: always refused the same way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 999 }), (whole, part) => {
        expect(error(`${whole}.${String(part).padStart(3, '0')}`)).toBe('amount-dot-three-digits');
      }),
    );
  });

  it('two decimals or fewer are cents, read exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const text = `${whole}.${String(cents).padStart(2, '0')}`;
        expect(amount(text)).toBe(text);
      }),
    );
  });
});
