import { describe, expect, it } from 'vitest';
import { parseChineseInteger, parseChineseNumeral } from '../../src/parse/chinese-number.ts';

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

describe('parseChineseInteger', () => {
  it.each([
    ['一万二', 12000],
    ['两万', 20000],
    ['兩萬', 20000],
    ['1万2', 12000],
    ['1万2500', 12500],
    ['1万0500', 10500],
    ['1万2千', 12000],
    ['1万2千5', 12500],
    ['1万2千500', 12500],
    ['三千五', 3500],
    ['3千500', 3500],
    ['两百五', 250],
    ['一千二百五十', 1250],
    ['一千零五十', 1050],
    ['一万零五', 10005],
    ['一万零五百', 10500],
    ['十万', 100000],
    ['十二万', 120000],
    ['一百万', 1000000],
    ['三千五百万', 35000000],
    ['一亿', 100000000],
    ['1亿2000万', 120000000],
    ['壹万贰仟', 12000],
    ['伍佰', 500],
    ['十', 10],
    ['十二', 12],
    ['一百零八', 108],
    ['12', 12],
    ['七', 7],
  ])('reads %s as %i', (text, expected) => {
    expect(parseChineseInteger(text)).toBe(expected);
  });

  // 1万25 could be 10025 or 12500; 一万二百 could be 10200 or 12000 (12000 is 一万二千).
  it.each(['', '万', '千', '一万万', '二二', '零', '一万零', '1万25', '一万二百', '二百三千', '12千', '3.5万', 'abc', '一'.repeat(30)])(
    'refuses %j',
    (text) => {
      expect(parseChineseInteger(text)).toBeUndefined();
    },
  );
});
