import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/parse/amount.ts';
import { parseDate } from '../../src/parse/date.ts';
import { parseLoanLine } from '../../src/parse/loan-line.ts';
import { parseMethod } from '../../src/parse/method.ts';
import { parsePeriods } from '../../src/parse/periods.ts';
import { parseRate } from '../../src/parse/rate.ts';
import { foldToSimplified, normalizeForMatching, normalizeText } from '../../src/parse/result.ts';

describe('one normalisation', () => {
  it('normalizeText: full width, minus signs and spaces', () => {
    expect(normalizeText('  １２，０００％　\u2212 ５ ')).toBe('12,000% - 5');
  });

  it('foldToSimplified folds the keywords, one character for one', () => {
    const traditional = '還款額 15號 12個月 違約金 滯納金 寬限期 計息天數 手續費 無 沒有 每週 個點 上報 1億 1萬 與';
    const folded = foldToSimplified(traditional);
    expect(folded).toBe('还款额 15号 12个月 违约金 滞纳金 宽限期 计息天数 手续费 无 没有 每周 个点 上报 1亿 1万 与');
    expect(folded.length).toBe(traditional.length);
    expect(foldToSimplified('car loan 招行')).toBe('car loan 招行');
  });

  it('folds 總 and 這 too (總費率, 這個月), one character for one', () => {
    expect(foldToSimplified('總費率 這個月15號')).toBe('总费率 这个月15号');
    expect(normalizeForMatching('總手續費')).toBe('总手续费');
  });

  it('normalizeForMatching does both', () => {
    expect(normalizeForMatching('１２個月')).toBe('12个月');
  });
});

describe('traditional script reads as simplified does', () => {
  it.each([
    ['1.2萬', '12000'],
    ['1億', '100000000'],
    ['12000塊錢', '12000'],
    ['12000 人民幣', '12000'],
  ])('amount %s', (text, want) => {
    const r = parseAmount(text);
    expect(r.ok && r.value.toString()).toBe(want);
  });

  it('date, periods, rate, method', () => {
    expect(parseDate('2027年1月15號')).toEqual({ ok: true, value: '2027-01-15' });
    expect(parsePeriods('12個月')).toEqual({ ok: true, value: 12 });
    expect(parsePeriods('期數 24')).toEqual({ ok: true, value: 24 });
    const fee = parseRate('手續費率0.6%');
    expect(fee.ok && `${fee.value.percent} ${fee.value.unit}`).toBe('0.6 monthly-fee');
    const daily = parseRate('日息萬5');
    expect(daily.ok && `${daily.value.percent} ${daily.value.unit}`).toBe('0.05 daily');
    const points = parseRate('年化5個點');
    expect(points.ok && `${points.value.percent} ${points.value.unit}`).toBe('5 annual');
    expect(parseMethod('等額本息還款')).toBe('annuity');
    expect(parseMethod('先息後本')).toBe('interest-first');
  });

  it('a loan line: matched folded, the name kept as written', () => {
    const { draft, unread, errors } = parseLoanLine('國泰車貸 1.2萬 12個月 年利率4.9% 首期還款日2027年1月15號');
    expect(draft.name).toBe('國泰車貸');
    expect(draft.principal?.toString()).toBe('12000');
    expect(draft.periods).toBe(12);
    expect(draft.rate && `${draft.rate.percent} ${draft.rate.unit}`).toBe('4.9 annual');
    expect(draft.firstDue).toBe('2027-01-15');
    expect(unread).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a loan line keeps unread pieces as written', () => {
    expect(parseLoanLine('還款 12號 1.2萬').unread).toEqual(['12號']);
  });
});
