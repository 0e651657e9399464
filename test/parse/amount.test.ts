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
    ['12 000', 'amount-not-number'],
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
    ['12.345', 'amount-too-many-decimals'],
    ['1.2345678万', 'amount-too-many-decimals'],
    ['1'.repeat(201), 'text-too-long'],
  ])('refuses %s with %s', (text, code) => {
    expect(error(text)).toBe(code);
  });
});
