import { describe, expect, it } from 'vitest';
import { parseChineseNumeral } from '../../src/parse/chinese-number.ts';

describe('parseChineseNumeral', () => {
  it.each([
    ['一', 1],
    ['两', 2],
    ['十', 10],
    ['十二', 12],
    ['一十二', 12],
    ['二十四', 24],
    ['三十六', 36],
    ['一百零八', 108],
    ['三百六十', 360],
    ['六百', 600],
  ])('reads %s as %i', (text, expected) => {
    expect(parseChineseNumeral(text)).toBe(expected);
  });

  it.each(['', '百', '十十', '二二', '一千', '十百', 'abc'])('refuses %s', (text) => {
    expect(parseChineseNumeral(text)).toBeUndefined();
  });
});
