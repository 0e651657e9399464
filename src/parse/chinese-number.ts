const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Characters a small Chinese numeral is written with, for building patterns. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两兩三四五六七八九十百';

/**
 * Small whole numbers written in Chinese (十二, 二十四, 三百六十, 两): enough for period counts,
 * which people say as often as they type digits ("分十二期", "两年"). Anything malformed or
 * ≥ 1000 is undefined rather than a guess.
 */
export function parseChineseNumeral(text: string): number | undefined {
  if (text === '' || text.length > 6) return undefined;
  let total = 0;
  let digit: number | undefined;
  let lastUnit = 1000;
  for (const c of text) {
    const d = DIGITS[c];
    if (d !== undefined) {
      // 一百零八: 零 only marks the skipped tens.
      if (d === 0 && total > 0 && digit === undefined) continue;
      if (digit !== undefined) return undefined;
      digit = d;
      continue;
    }
    const unit = c === '百' ? 100 : c === '十' ? 10 : undefined;
    if (unit === undefined || unit >= lastUnit) return undefined;
    // "十二" means 12: a 十 with no digit before it counts one ten.
    total += (digit ?? (unit === 10 && total === 0 ? 1 : Number.NaN)) * unit;
    if (Number.isNaN(total)) return undefined;
    digit = undefined;
    lastUnit = unit;
  }
  total += digit ?? 0;
  return total;
}

/** '15', '05', '十五', '三十一': ASCII digits or a small Chinese numeral (parseChineseNumeral); undefined otherwise. */
export function parseDigitsOrNumeral(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : parseChineseNumeral(text);
}

/** 大写 numerals, as contracts and bank slips write amounts (壹万贰仟元整), read as the everyday ones. */
const FINANCIAL: Readonly<Record<string, string>> = {
  壹: '一',
  贰: '二',
  貳: '二',
  叁: '三',
  參: '三',
  肆: '四',
  伍: '五',
  陆: '六',
  陸: '六',
  柒: '七',
  捌: '八',
  玖: '九',
  拾: '十',
  佰: '百',
  仟: '千',
};

/** Every character parseChineseInteger reads besides ASCII digits, for building patterns. */
export const CHINESE_INTEGER_CHARS = `零〇一二两兩三四五六七八九十百千万萬亿億${Object.keys(FINANCIAL).join('')}`;

const UNIT_EXPONENT: Readonly<Record<string, number>> = { 十: 1, 百: 2, 千: 3, 万: 4, 亿: 8 };

function digitOf(text: string): number | undefined {
  if (/^\d$/.test(text)) return Number(text);
  const d = DIGITS[text];
  return d === undefined || d === 0 ? undefined : d;
}

/**
 * What follows the unit 10^e: nothing (0); 零 and something that skips a place (一万零五 = 10005);
 * one digit, which counts in the next place down, as people say it (一万二 = 12000, 三千五 = 3500,
 * 1万2 = 12000, 两百五 = 250); exactly e ASCII digits (1万2500 = 12500); or a number whose top
 * place is the next one down (一万二千五 = 12500). "1万25" or "一万二百" are refused: they could be
 * 10025 or 12500, 10200 or 12000.
 */
function tail(text: string, e: number): number | undefined {
  if (text === '') return 0;
  if (text[0] === '零' || text[0] === '〇') {
    const rest = below(text.slice(1), e - 1);
    return rest !== undefined && rest > 0 ? rest : undefined;
  }
  const digit = digitOf(text);
  if (digit !== undefined) return digit * 10 ** (e - 1);
  if (/^\d+$/.test(text)) return text.length === e ? Number(text) : undefined;
  const value = below(text, e);
  return value !== undefined && value >= 10 ** (e - 1) ? value : undefined;
}

/** A whole number below 10^limit. */
function below(text: string, limit: number): number | undefined {
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return Number(text) < 10 ** limit ? Number(text) : undefined;
  for (const unit of ['亿', '万', '千', '百', '十']) {
    const e = UNIT_EXPONENT[unit] as number;
    const at = text.indexOf(unit);
    if (e >= limit || at === -1) continue;
    const headText = text.slice(0, at);
    // Before 万 and 亿 a whole section (三千五百万); before 千, 百, 十 one digit (十 alone is ten).
    const head = e >= 4 ? below(headText, 4) : headText === '' && e === 1 ? 1 : digitOf(headText);
    const rest = tail(text.slice(at + 1), e);
    if (head === undefined || head === 0 || rest === undefined) return undefined;
    return head * 10 ** e + rest;
  }
  return digitOf(text);
}

/**
 * Whole numbers as people write them in Chinese, alone or mixed with digits: 两万 (20000), 一万二
 * (12000), 1万2 (12000), 1万2500, 三千五 (3500), 一千二百五十 (1250), 一万零五百 (10500), 十二万,
 * 三千五百万, 壹万贰仟 (大写). Traditional 萬 / 億 / 兩 read as 万 / 亿 / 两. Undefined for anything
 * malformed or ambiguous (see `tail`), and from 10^12 up; never a guess.
 */
export function parseChineseInteger(text: string): number | undefined {
  if (text === '' || text.length > 24) return undefined;
  const s = text.replace(/./gu, (c) => FINANCIAL[c] ?? (c === '萬' ? '万' : c === '億' ? '亿' : c === '兩' ? '两' : c));
  return below(s, 12);
}
