import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidDate } from '../../src/domain/calendar.ts';
import { Decimal } from '../../src/domain/money.ts';
import { parseLoanLine, type LoanLineResult } from '../../src/parse/loan-line.ts';

/** The draft with Decimals as strings, so expectations read like the line. */
function read(text: string): { draft: Record<string, unknown>; unread: string[]; errors: string[] } {
  const { draft, unread, errors }: LoanLineResult = parseLoanLine(text);
  const plain: Record<string, unknown> = { ...draft };
  if (draft.principal) plain.principal = draft.principal.toFixed(2);
  if (draft.rate) plain.rate = `${draft.rate.percent.toString()} ${draft.rate.unit}`;
  return { draft: plain, unread, errors };
}

describe('parseLoanLine: the lines from the brief', () => {
  it('招行分期 12000 12期 月费率0.6% 首期2026-12-10 (a fee rate implies a fee plan)', () => {
    expect(read('招行分期 12000 12期 月费率0.6% 首期2026-12-10')).toEqual({
      draft: { name: '招行分期', principal: '12000.00', periods: 12, rate: '0.6 monthly-fee', method: 'fee', firstDue: '2026-12-10' },
      unread: [],
      errors: [],
    });
  });

  it('car loan 10000 12 months 12% apr annuity first 2027-01-15', () => {
    expect(read('car loan 10000 12 months 12% apr annuity first 2027-01-15')).toEqual({
      draft: { name: 'car loan', principal: '10000.00', periods: 12, rate: '12 annual', method: 'annuity', firstDue: '2027-01-15' },
      unread: [],
      errors: [],
    });
  });

  it('a lone & inside a name stays ("Tom & Jerry"), at its ends it goes', () => {
    expect(read('Tom & Jerry 10000 12 months 12% annuity first 2027-01-15').draft.name).toBe('Tom & Jerry');
    expect(read('<b>x</b> & co 10000 12 months 12% annuity first 2027-01-15').draft.name).toBe('<b>x</b> & co');
    expect(read('& car & 10000 12 months 12% annuity first 2027-01-15').draft.name).toBe('car');
  });

  it('房贷 670000 360期 年利率4.9% 等额本息 首次还款2027-01-01', () => {
    expect(read('房贷 670000 360期 年利率4.9% 等额本息 首次还款2027-01-01')).toEqual({
      draft: { name: '房贷', principal: '670000.00', periods: 360, rate: '4.9 annual', method: 'annuity', firstDue: '2027-01-01' },
      unread: [],
      errors: [],
    });
  });

  it('iPhone 分期 8000 24期 等額本金 年利率 6% 2027/2/1', () => {
    expect(read('iPhone 分期 8000 24期 等額本金 年利率 6% 2027/2/1')).toEqual({
      draft: {
        name: 'iPhone 分期',
        principal: '8000.00',
        periods: 24,
        rate: '6 annual',
        method: 'equal-principal',
        firstDue: '2027-02-01',
      },
      unread: [],
      errors: [],
    });
  });
});

describe('parseLoanLine: first-due keywords', () => {
  it.each([
    ['x 5000 first 2027-03-01'],
    ['x 5000 first due 2027-03-01'],
    ['x 5000 first payment 2027-03-01'],
    ['x 5000 starting 2027-03-01'],
    ['x 5000 首期2027-03-01'],
    ['x 5000 首期 2027年3月1日'],
    ['x 5000 首次还款2027-03-01'],
    ['x 5000 首次還款 2027.3.1'],
    ['x 5000 首还2027-03-01'],
    ['x 5000 首還：2027-03-01'],
    ['x 5000 首期20270301'],
    ['x 5000 从2027-03-01开始'],
    ['x 5000 2027-03-01起'],
  ])('%s → 2027-03-01, name x', (line) => {
    expect(read(line)).toMatchObject({ draft: { name: 'x', principal: '5000.00', firstDue: '2027-03-01' }, unread: [], errors: [] });
  });

  it('takes a lone date without a keyword', () => {
    expect(read('x 5000 2027-03-01').draft.firstDue).toBe('2027-03-01');
  });

  it('leaves an 8-digit number without a keyword unread: 20261210 could be 20,261,210', () => {
    expect(read('京东 12000 20261210')).toMatchObject({ draft: { name: '京东', principal: '12000.00' }, unread: ['20261210'] });
    expect(read('京东 12000 20261210').draft.firstDue).toBeUndefined();
  });

  it('leaves two unlabelled dates unread, but uses the labelled one of several', () => {
    expect(read('x 2027-03-01 2027-04-01')).toMatchObject({ unread: ['2027-03-01', '2027-04-01'] });
    expect(read('x 2027-03-01 2027-04-01').draft.firstDue).toBeUndefined();
    expect(read('x 签约2027-01-01 首期2027-02-01')).toMatchObject({ draft: { firstDue: '2027-02-01' }, unread: ['2027-01-01'] });
  });

  it('never guesses a year or a day/month order', () => {
    expect(read('x 5000 首期12月10日')).toMatchObject({ draft: { name: 'x', principal: '5000.00' }, unread: ['首期12月10日'] });
    expect(read('x 5000 10/12/2026')).toMatchObject({ draft: { name: 'x', principal: '5000.00' }, unread: ['10/12/2026'] });
  });

  it('reports an impossible or out-of-range date as an error', () => {
    expect(read('x 12000 首期2026-02-30')).toEqual({
      draft: { name: 'x', principal: '12000.00' },
      unread: [],
      errors: ['date-impossible'],
    });
    expect(read('x 12000 first 1999-01-01').errors).toEqual(['date-out-of-range']);
  });
});

describe('parseLoanLine: amounts', () => {
  it.each([
    ['loan 1.2万 12期', '12000.00'],
    ['loan 1.2萬 12期', '12000.00'],
    ['loan 1.2w 12期', '12000.00'],
    ['loan 12k 12 months', '12000.00'],
    ['loan 12,000 12 months', '12000.00'],
    ['loan ¥12,000.50 12期', '12000.50'],
    ['loan ￥12000 12期', '12000.00'],
    ['loan 12000元 12期', '12000.00'],
    ['loan 12000 yuan 12期', '12000.00'],
    ['loan CNY 12000 12期', '12000.00'],
    ['loan $12,000 12期', '12000.00'],
    ['loan １２０００ １２期', '12000.00'],
    ['loan 本金12000 12期', '12000.00'],
  ])('%s → %s', (line, principal) => {
    expect(read(line)).toMatchObject({ draft: { name: 'loan', principal, periods: 12 }, unread: [], errors: [] });
  });

  it('leaves two plain numbers unread: either could be the amount', () => {
    const result = read('car loan 12000 12 12% apr');
    expect(result.draft.principal).toBeUndefined();
    expect(result.draft.periods).toBeUndefined();
    expect(result.unread).toEqual(['12000', '12']);
    expect(result.draft).toMatchObject({ name: 'car loan', rate: '12 annual' });
  });

  it('prefers the number marked as money over a plain one, leaving the plain one unread', () => {
    expect(read('loan ¥12000 36 年利率5%')).toMatchObject({ draft: { principal: '12000.00' }, unread: ['36'] });
  });

  it('leaves ambiguous digit groups unread instead of guessing', () => {
    expect(read('loan 1,2345 12期')).toMatchObject({ draft: { name: 'loan', periods: 12 }, unread: ['1,2345'] });
    expect(read('loan 12,00 12期').draft.principal).toBeUndefined();
  });

  it('treats a full-width comma between fields as a separator', () => {
    expect(read('招行分期，12000，12期，月费率0.6%')).toMatchObject({
      draft: { name: '招行分期', principal: '12000.00', periods: 12, rate: '0.6 monthly-fee', method: 'fee' },
      unread: [],
    });
    expect(read('京东，12，000，12期').draft.principal).toBe('12000.00');
  });

  it('reports invalid amounts as errors', () => {
    expect(read('loan 0 12期').errors).toEqual(['amount-not-positive']);
    expect(read('loan 2亿 12期').errors).toEqual(['amount-too-large']);
    // A dot before exactly three digits could group thousands (amount.ts): refused, never guessed.
    expect(read('loan ¥12.345 12期').errors).toEqual(['amount-dot-three-digits']);
    expect(read('loan ¥12.3456 12期').errors).toEqual(['amount-too-many-decimals']);
  });

  it('keeps digits that belong to a word in the name', () => {
    expect(read('iPhone15 8000 12期').draft).toMatchObject({ name: 'iPhone15', principal: '8000.00' });
  });
});

describe('parseLoanLine: rates, periods, methods', () => {
  it.each([
    ['x 5000 年化12%', '12 annual'],
    ['x 5000 年息12%', '12 annual'],
    ['x 5000 apr 12%', '12 annual'],
    ['x 5000 12% per year', '12 annual'],
    ['x 5000 1% monthly', '1 monthly'],
    ['x 5000 1%/month', '1 monthly'],
    ['x 5000 月利率1%', '1 monthly'],
    ['x 5000 月息1分', '1 monthly'],
    ['x 5000 0.05% daily', '0.05 daily'],
    ['x 5000 日利率0.05%', '0.05 daily'],
    ['x 5000 日息万5', '0.05 daily'],
    ['x 5000 年利率12%', '12 annual'],
  ])('%s → rate %s', (line, rate) => {
    expect(read(line)).toMatchObject({ draft: { name: 'x', principal: '5000.00', rate }, unread: [], errors: [] });
  });

  it.each([['x 5000 0.6% monthly fee'], ['x 5000 手续费率0.6%'], ['x 5000 手續費0.6%'], ['x 5000 月費率0.6%'], ['x 5000 分期手续费0.6%']])(
    '%s → a 0.6%% fee plan',
    (line) => {
      expect(read(line)).toMatchObject({
        draft: { name: 'x', principal: '5000.00', rate: '0.6 monthly-fee', method: 'fee' },
        unread: [],
        errors: [],
      });
    },
  );

  it('reads a lone percentage without a unit as the usual quote: yearly, or the monthly fee of a fee plan', () => {
    expect(read('car 10000 6% 12 months').draft.rate).toBe('6 annual');
    expect(read('car 10000 利率6% 12 months').draft.rate).toBe('6 annual');
    expect(read('phone 6000 fee 0.6% 12期').draft).toMatchObject({ rate: '0.6 monthly-fee', method: 'fee' });
  });

  it('leaves a unitless percentage unread beside a rate that states its unit', () => {
    const result = read('car 10000 6% 月利率1% 12 months');
    expect(result.draft.rate).toBe('1 monthly');
    expect(result.unread).toEqual(['6%']);
  });

  it('uses the fee rate when a fee plan also quotes its APR, and shows the APR as unread', () => {
    expect(read('信用卡分期 6000 6期 月费率0.6% 年化13.03%')).toMatchObject({
      draft: { name: '信用卡分期', rate: '0.6 monthly-fee', method: 'fee', periods: 6 },
      unread: ['年化13.03%'],
    });
  });

  it('leaves two different interest rates unread', () => {
    const result = read('x 5000 年利率5% 月息1%');
    expect(result.draft.rate).toBeUndefined();
    expect(result.unread).toEqual(['年利率5%', '月息1%']);
  });

  it('reports an out-of-range rate or negative rate', () => {
    expect(read('x 5000 年利率2000%').errors).toEqual(['rate-too-high']);
    expect(read('x 5000 年利率-5%').errors).toEqual(['rate-negative']);
  });

  it.each([
    ['x 5000 12期', 12],
    ['x 5000 12个月', 12],
    ['x 5000 12個月', 12],
    ['x 5000 12 installments', 12],
    ['x 5000 1年', 12],
    ['x 5000 2 years', 24],
    ['x 5000 分十二期', 12],
    ['x 5000 一年半', 18],
    ['x 5000 for 12 months', 12],
  ])('%s → %i periods', (line, periods) => {
    expect(read(line)).toMatchObject({ draft: { name: 'x', principal: '5000.00', periods }, unread: [], errors: [] });
  });

  it('reports an impossible number of periods and does not use a conflicting one', () => {
    expect(read('x 5000 700期')).toMatchObject({ errors: ['periods-out-of-range'] });
    const conflicting = read('x 5000 12期 700期');
    expect(conflicting.draft.periods).toBeUndefined();
    expect(conflicting.unread).toEqual(['12期']);
    expect(read('x 5000 12期 1年').draft.periods).toBe(12);
  });

  it.each([
    ['x 5000 annuity', 'annuity'],
    ['x 5000 equal installments', 'annuity'],
    ['x 5000 等额本息', 'annuity'],
    ['x 5000 等額本息', 'annuity'],
    ['x 5000 equal principal', 'equal-principal'],
    ['x 5000 等额本金', 'equal-principal'],
    ['x 5000 interest first', 'interest-first'],
    ['x 5000 interest-only', 'interest-first'],
    ['x 5000 balloon', 'interest-first'],
    ['x 5000 先息后本', 'interest-first'],
    ['x 5000 先息後本', 'interest-first'],
    ['x 5000 installment plan', 'fee'],
    ['x 5000 分期手续费', 'fee'],
  ])('%s → method %s', (line, method) => {
    expect(read(line)).toMatchObject({ draft: { name: 'x', principal: '5000.00', method }, unread: [], errors: [] });
  });

  it('keeps "interest first" when a first-due date follows it', () => {
    expect(read('HSBC loan 10000 interest first 2027-01-15 1% monthly').draft).toMatchObject({
      name: 'HSBC loan',
      method: 'interest-first',
      firstDue: '2027-01-15',
      rate: '1 monthly',
    });
  });

  it('leaves the method undefined when the line names none and has no fee rate', () => {
    const result = read('car loan 10000 12 months 12% apr');
    expect(result.draft.method).toBeUndefined();
    expect(result.draft).toMatchObject({ name: 'car loan', principal: '10000.00', periods: 12, rate: '12 annual' });
  });

  it('leaves contradicting methods unread', () => {
    expect(read('x 5000 annuity equal principal')).toMatchObject({ draft: { name: 'x' }, unread: ['annuity', 'equal principal'] });
    expect(read('x 5000 等额本息 月费率0.6%')).toMatchObject({ draft: { rate: '0.6 monthly-fee' }, unread: ['等额本息'] });
    expect(read('x 5000 等额本息 月费率0.6%').draft.method).toBeUndefined();
  });
});

describe('parseLoanLine: name and limits', () => {
  it('drops connecting words around values from the name', () => {
    expect(read('car loan ¥12,000 at 12% apr over 12 months starting 2027-01-15')).toEqual({
      draft: { name: 'car loan', principal: '12000.00', rate: '12 annual', periods: 12, firstDue: '2027-01-15' },
      unread: [],
      errors: [],
    });
  });

  it('keeps short words that are part of a name', () => {
    expect(read('Plan A 5000 12期').draft.name).toBe('Plan A');
  });

  it('leaves the name undefined when only values were given', () => {
    expect(read('12000 12期 月费率0.6%').draft.name).toBeUndefined();
  });

  it('reports a name over 60 characters', () => {
    const result = read(`${'贷'.repeat(61)} 12000`);
    expect(result.errors).toEqual(['name-too-long']);
    expect(result.draft.name).toBeUndefined();
  });

  it('returns nothing but text-too-long for a line over 200 characters', () => {
    expect(parseLoanLine(`loan 12000 ${'x'.repeat(200)}`)).toEqual({ draft: {}, unread: [], errors: ['text-too-long'] });
  });

  it('returns an empty draft for an empty line', () => {
    expect(parseLoanLine('   ')).toEqual({ draft: {}, unread: [], errors: [] });
  });
});

describe('parseLoanLine: any input (fast-check)', () => {
  it('never throws and only ever fills valid fields', () => {
    const pieces = [
      '12',
      '12000',
      '0',
      '1.5',
      ',',
      '，',
      '%',
      '期',
      '年',
      '月',
      '日',
      '万',
      'k',
      '¥',
      '-',
      ' ',
      'first ',
      '首期',
      '年利率',
      '月费率',
      ' apr',
      ' monthly',
      ' fee',
      '2026-12-10',
      '2026-02-30',
      '20261210',
      '分',
      '厘',
      '等额本息',
      ' interest first',
      ' car',
      '😀',
      '\u0000',
      '12/10',
    ];
    const line = fc.oneof(
      fc.array(fc.constantFrom(...pieces), { maxLength: 50 }).map((p) => p.join('')),
      fc.string({ maxLength: 220, unit: 'binary' }),
    );
    fc.assert(
      fc.property(line, (text) => {
        const { draft, unread, errors } = parseLoanLine(text);
        if (draft.principal)
          expect(draft.principal.gt(0) && draft.principal.lte(100_000_000) && draft.principal.decimalPlaces() <= 2).toBe(true);
        if (draft.periods !== undefined) expect(Number.isInteger(draft.periods) && draft.periods >= 1 && draft.periods <= 600).toBe(true);
        if (draft.rate) expect(draft.rate.percent.gte(0)).toBe(true);
        if (draft.firstDue)
          expect(isValidDate(Number(draft.firstDue.slice(0, 4)), Number(draft.firstDue.slice(5, 7)), Number(draft.firstDue.slice(8)))).toBe(
            true,
          );
        if (draft.name !== undefined) expect(draft.name.trim().length).toBeGreaterThan(0);
        expect(unread.every((u) => u.trim() !== '')).toBe(true);
        expect(new Set(errors).size).toBe(errors.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseLoanLine: the methods beyond installments', () => {
  it('reads bullet, flat and buy-now-pay-later lines', () => {
    expect(read('周转 10000 到期还本付息 年利率12% 首期2027-03-01').draft).toMatchObject({ method: 'bullet', name: '周转' });
    expect(read('小贷 10000 12期 等本等息 月息1% 首期2027-01-10').draft).toMatchObject({ method: 'flat', rate: '1 monthly' });
    expect(read('headphones 1299 buy now pay later first 2026-12-20').draft).toMatchObject({ method: 'bnpl', name: 'headphones' });
  });
});

describe('parseLoanLine: quotes people actually see (issue 9, point 4)', () => {
  const monthlyFee = (total: string, periods: number) => `${new Decimal(total).div(periods).toString()} monthly-fee`;

  it.each([
    ['花呗 3000 12期 总费率8.8% 首期2027-01-10', '花呗'],
    ['白條 3000 12期 總費率8.8% 首期2027-01-10', '白條'],
    ['花呗 3000 12期 总手续费率 8.8% 首期2027-01-10', '花呗'],
    ['phone 3000 12 months total fee 8.8% first 2027-01-10', 'phone'],
    ['phone 3000 12 months 8.8% total fee first 2027-01-10', 'phone'],
    ['phone 3000 12 months total fee rate of 8.8% first 2027-01-10', 'phone'],
  ])('%s: a total fee over the plan (8.8 / 12 a month, not 8.8 a month)', (line, name) => {
    expect(read(line)).toEqual({
      draft: { name, principal: '3000.00', periods: 12, rate: monthlyFee('8.8', 12), method: 'fee', firstDue: '2027-01-10' },
      unread: [],
      errors: [],
    });
  });

  it('reads a total fee given in money (总手续费264元) as the same plan', () => {
    expect(read('花呗 3000 12期 总手续费264元').draft).toMatchObject({ name: '花呗', rate: monthlyFee('8.8', 12), method: 'fee' });
    expect(read('phone 3000 12 months total fee ¥264').draft).toMatchObject({ name: 'phone', rate: monthlyFee('8.8', 12) });
  });

  it('leaves a total fee unread when the line has no number of periods to spread it over', () => {
    const result = read('花呗 3000 总费率8.8%');
    expect(result.draft.rate).toBeUndefined();
    expect(result).toMatchObject({ draft: { name: '花呗', principal: '3000.00' }, unread: ['总费率8.8%'] });
    expect(read('花呗 12期 总手续费264元')).toMatchObject({ unread: ['总手续费264元'] });
  });

  it('refuses a total fee whose monthly share is beyond any loan', () => {
    expect(read('x 3000 1期 总费率90%').errors).toEqual(['rate-too-high']);
  });

  it.each([
    ['京东 3000 12期 免息', '京东'],
    ['京东 3000 12期 無息', '京东'],
    ['x 3000 12 months interest-free', 'x'],
    ['x 3000 12 months interest free', 'x'],
    ['x 3000 12 months no interest', 'x'],
    ['x 3000 12 months 0 interest', 'x'],
    ['x 3000 12 months 0% interest', 'x'],
    ['x 3000 12期 0利息', 'x'],
    ['x 3000 12期 零利息', 'x'],
  ])('%s: no interest is a rate of 0, and the word stays out of the name', (line, name) => {
    expect(read(line)).toEqual({ draft: { name, principal: '3000.00', periods: 12, rate: '0 annual' }, unread: [], errors: [] });
  });

  it('keeps the method sensible for an interest-free plan: the one named, or none (the form asks)', () => {
    expect(read('x 3000 12期 免息').draft.method).toBeUndefined();
    expect(read('x 3000 12期 免息 等额本金').draft).toMatchObject({ method: 'equal-principal', rate: '0 annual' });
    expect(read('x 3000 12期 免息 installment plan').draft).toMatchObject({ method: 'fee', rate: '0 monthly-fee' });
    expect(read('x 3000 免息 0%').draft.rate).toBe('0 annual');
  });

  it('reads 免息 beside a fee rate as a fee plan (no interest, a fee), and beside an interest rate as a contradiction', () => {
    expect(read('x 3000 12期 免息 手续费0.6%')).toMatchObject({ draft: { rate: '0.6 monthly-fee', method: 'fee' }, unread: [] });
    const contradiction = read('x 3000 12期 免息 年利率12%');
    expect(contradiction.draft.rate).toBeUndefined();
    expect(contradiction.unread).toEqual(['免息', '年利率12%']);
    expect(read('x 3000 12期 免息 12%')).toMatchObject({ unread: ['免息', '12%'] });
  });

  it('does not read a credit card 免息期 (interest-free days) as a rate', () => {
    expect(read('x 3000 12期 免息期').draft.rate).toBeUndefined();
  });

  it('keeps reading 日息万五 (tests above cover 日息万5)', () => {
    expect(read('x 5000 日息万五')).toMatchObject({ draft: { name: 'x', principal: '5000.00', rate: '0.05 daily' }, unread: [] });
  });

  it('"12% interest" is a rate; the word does not join the name', () => {
    expect(read('car 10000 12 months 12% interest').draft).toMatchObject({ name: 'car', rate: '12 annual' });
  });
});

describe('parseLoanLine: names keep their numbers (issue 9, point 5)', () => {
  it('小米商城 Xiaomi 15 手机 4999 12期: 15 sits between name words, 4999 is the amount', () => {
    const result = parseLoanLine('小米商城 Xiaomi 15 手机 4999 12期 免息 首期2027-01-10');
    expect(result.draft.name).toBe('小米商城 Xiaomi 15 手机');
    expect(result.draft.principal?.toFixed(2)).toBe('4999.00');
    expect(result.amountFrom).toBe('4999');
    expect(result.unread).toEqual([]);
  });

  it('2027款车 10000: a number glued to 款 is a model year, not an amount', () => {
    expect(read('2027款车 10000 36期 年化5%')).toEqual({
      draft: { name: '2027款车', principal: '10000.00', periods: 36, rate: '5 annual' },
      unread: [],
      errors: [],
    });
    expect(read('显示器 27寸 1999 6期').draft).toMatchObject({ name: '显示器 27寸', principal: '1999.00' });
    expect(read('Pixel 9pro 6999 12期').draft).toMatchObject({ name: 'Pixel 9pro', principal: '6999.00' });
  });

  it('a small number right after a name word is a model number when another number is the amount', () => {
    expect(read('iPhone 15 8000 12期').draft).toMatchObject({ name: 'iPhone 15', principal: '8000.00' });
    expect(read('Model 3 ¥200,000 60期').draft).toMatchObject({ name: 'Model 3', principal: '200000.00' });
  });

  it('a number glued to the name is the amount when it is the only one (花呗3000)', () => {
    const result = parseLoanLine('花呗3000 12期 总费率8.8%');
    expect(result.draft.name).toBe('花呗');
    expect(result.draft.principal?.toFixed(2)).toBe('3000.00');
    expect(result.amountFrom).toBe('3000');
  });

  it('keeps a name number and asks for the amount when the line has no other number', () => {
    const result = read('Xiaomi 15 手机 12期');
    expect(result.draft).toEqual({ name: 'Xiaomi 15 手机', periods: 12 });
    expect(result.unread).toEqual([]);
    expect(read('小米15 12期').draft).toEqual({ name: '小米15', periods: 12 });
  });

  it('never takes a small bare number beside a name as the amount: it stays in the name and the form asks', () => {
    expect(read('iPhone 15 12期')).toEqual({ draft: { name: 'iPhone 15', periods: 12 }, unread: [], errors: [] });
    expect(read('x 50 12期')).toEqual({ draft: { name: 'x 50', periods: 12 }, unread: [], errors: [] });
    expect(read('5000 for iPhone 15')).toEqual({ draft: { name: 'iPhone 15', principal: '5000.00' }, unread: [], errors: [] });
    // After the name and its values, with the amount found, it is a stray value.
    expect(read('phone 10000 12 months 12% thanks 12')).toMatchObject({
      draft: { name: 'phone thanks', principal: '10000.00' },
      unread: ['12'],
    });
  });

  it('asks when it is genuinely ambiguous', () => {
    // 4090 and 12999 could each be the amount; so could 4999 and 5999.
    expect(read('RTX 4090 12999 12期')).toMatchObject({ draft: { name: 'RTX' }, unread: ['4090', '12999'] });
    expect(read('小米4999 手机5999 12期').unread).toEqual(['4999', '5999']);
  });

  it('says which number it took, as typed, when the line had a choice to make', () => {
    expect(parseLoanLine('Model 3 1.2万 12期').amountFrom).toBe('1.2万');
    expect(parseLoanLine('loan 36 本金¥12,000 12期').amountFrom).toBe('¥12,000');
    expect(parseLoanLine('loan 12000 12期').amountFrom).toBeUndefined();
    expect(parseLoanLine('loan 12期').amountFrom).toBeUndefined();
  });
});

describe('parseLoanLine: dates and amounts as people type them (issue 9, point 6)', () => {
  const today = '2026-11-21';
  /** read() with today, plus the dueDay and the note about the date. */
  function readOn(text: string, on = today) {
    const result = parseLoanLine(text, { today: on });
    const plain: Record<string, unknown> = { ...result.draft };
    if (result.draft.principal) plain.principal = result.draft.principal.toFixed(2);
    if (result.draft.rate) plain.rate = `${result.draft.rate.percent.toString()} ${result.draft.rate.unit}`;
    return { draft: plain, unread: result.unread, errors: result.errors, dateNote: result.dateNote };
  }

  it('手机 一万二 12期 年利率12% 等额本息 2月15日: 12,000 in Chinese numerals, the first due in the coming February', () => {
    expect(readOn('手机 一万二 12期 年利率12% 等额本息 2月15日')).toEqual({
      draft: { name: '手机', principal: '12000.00', periods: 12, rate: '12 annual', method: 'annuity', firstDue: '2027-02-15' },
      unread: [],
      errors: [],
      dateNote: { typed: '2月15日', date: '2027-02-15', assumed: 'filled-in' },
    });
  });

  it('car 10000 12 months 12% annuity 15/02/2027: day first, and says so', () => {
    expect(readOn('car 10000 12 months 12% annuity 15/02/2027')).toEqual({
      draft: { name: 'car', principal: '10000.00', periods: 12, rate: '12 annual', method: 'annuity', firstDue: '2027-02-15' },
      unread: [],
      errors: [],
      dateNote: { typed: '15/02/2027', date: '2027-02-15', assumed: 'day-month-year' },
    });
    expect(readOn('x 5000 10.12.2026').draft.firstDue).toBe('2026-12-10');
  });

  it('车贷 两万 24期 年化10% 每月15号: a due day, the first one after today', () => {
    expect(readOn('车贷 两万 24期 年化10% 每月15号')).toEqual({
      draft: { name: '车贷', principal: '20000.00', periods: 24, rate: '10 annual', firstDue: '2026-12-15', dueDay: 15 },
      unread: [],
      errors: [],
      dateNote: { typed: '每月15号', date: '2026-12-15', assumed: 'filled-in' },
    });
  });

  it.each([
    ['x 5000 15号', '2026-12-15', 15],
    ['x 5000 每月十五号', '2026-12-15', 15],
    ['x 5000 每個月15號還款', '2026-12-15', 15],
    ['x 5000 还款日25号', '2026-11-25', 25],
    ['x 5000 每月21号', '2026-12-21', 21],
    ['x 5000 月底', '2026-11-30', 31],
    ['x 5000 15th of each month', '2026-12-15', 15],
    ['x 5000 every month on the 15th', '2026-12-15', 15],
    ['x 5000 first due 15th', '2026-12-15', 15],
  ])('%s: a due day (firstDueFrom, as the guided form reads it) → %s', (line, firstDue, dueDay) => {
    expect(readOn(line)).toMatchObject({ draft: { name: 'x', principal: '5000.00', firstDue, dueDay }, unread: [], errors: [] });
  });

  it.each([
    ['x 5000 2月15日', '2027-02-15'],
    ['x 5000 首期2月15号', '2027-02-15'],
    ['x 5000 十二月十日', '2026-12-10'],
    ['x 5000 首期12月10日', '2026-12-10'],
    ['x 5000 11月21日', '2026-11-21'],
    ['x 5000 11月20日', '2027-11-20'],
    ['x 5000 明年2月1日', '2027-02-01'],
    ['x 5000 下个月15号', '2026-12-15'],
    ['x 5000 下月5日', '2026-12-05'],
    ['x 5000 這個月25號', '2026-11-25'],
    ['x 5000 明天', '2026-11-22'],
    ['x 5000 后天', '2026-11-23'],
    ['x 5000 tomorrow', '2026-11-22'],
    ['x 5000 Feb 15', '2027-02-15'],
    ['x 5000 first due February 15th', '2027-02-15'],
    ['x 5000 15 Feb', '2027-02-15'],
    ['x 5000 the 15th of next month', '2026-12-15'],
    ['x 5000 next month on the 15th', '2026-12-15'],
  ])('%s: a date filled in from today → %s, and noted', (line, firstDue) => {
    const result = readOn(line);
    expect(result).toMatchObject({ draft: { name: 'x', principal: '5000.00', firstDue }, unread: [], errors: [] });
    expect(result.draft.dueDay).toBeUndefined();
    expect(result.dateNote).toMatchObject({ date: firstDue, assumed: 'filled-in' });
  });

  it('says nothing about a date written out in full', () => {
    for (const line of ['x 5000 15 Feb 2027', 'x 5000 February 15, 2027', 'x 5000 2027-02-15', 'x 5000 2027年2月15日']) {
      expect(readOn(line)).toEqual({ draft: { name: 'x', principal: '5000.00', firstDue: '2027-02-15' }, unread: [], errors: [] });
    }
  });

  it('reads the rest of the line as before around a date', () => {
    expect(readOn('phone 3000 12 months 0.6% monthly fee Feb 15').draft).toMatchObject({
      name: 'phone',
      periods: 12,
      rate: '0.6 monthly-fee',
      firstDue: '2027-02-15',
    });
    // 日息 after a date is the rate, not the date's 日.
    expect(readOn('x 12000 12期 2月15日息万5').draft).toMatchObject({ rate: '0.05 daily', firstDue: '2027-02-15' });
    // "12 apr" is as likely 12% APR: not a date; "apr 24 months" is not April 24.
    expect(readOn('car 10000 12% apr 24 months').draft).toMatchObject({ rate: '12 annual', periods: 24 });
    expect(readOn('car 10000 12% apr 24 months').draft.firstDue).toBeUndefined();
    expect(readOn('car 10000 12 months 12 apr').draft.firstDue).toBeUndefined();
    // A number glued to 号 is a name's (2号卡), not a due day.
    expect(readOn('2号卡 5000 12期')).toMatchObject({ draft: { name: '2号卡', principal: '5000.00', periods: 12 }, unread: [] });
    expect(readOn('2号卡 5000 12期').draft.firstDue).toBeUndefined();
  });

  it('refuses an impossible date or a month-first one, as a full date is refused', () => {
    expect(readOn('x 5000 2月30日').errors).toEqual(['date-impossible']);
    expect(readOn('x 5000 02/15/2027').errors).toEqual(['date-order-day-first']);
    expect(readOn('x 5000 02/15/2027').draft.firstDue).toBeUndefined();
  });

  it('leaves two dates unread unless one is labelled', () => {
    expect(readOn('x 5000 2月15日 3月15日')).toMatchObject({ unread: ['2月15日', '3月15日'] });
    expect(readOn('x 5000 签约11月1日 首期12月15日')).toMatchObject({ draft: { firstDue: '2026-12-15' }, unread: ['11月1日'] });
  });

  it('still refuses what has no one order: 10/12 without a year', () => {
    expect(readOn('x 5000 10/12')).toMatchObject({ draft: { name: 'x', principal: '5000.00' }, unread: ['10/12'] });
  });

  it('without today, dates that need it stay unread, as before', () => {
    expect(read('x 5000 2月15日')).toMatchObject({ draft: { name: 'x', principal: '5000.00' }, unread: ['2月15日'] });
    expect(read('x 5000 15号').unread).toEqual(['15号']);
    expect(read('x 5000 15/02/2027').unread).toEqual(['15/02/2027']);
    expect(parseLoanLine('x 5000 每月15号').draft.firstDue).toBeUndefined();
  });

  it.each([
    ['手机 一万二 12期', '12000.00'],
    ['手机 两万 12期', '20000.00'],
    ['手机 兩萬 12期', '20000.00'],
    ['手机 1万2 12期', '12000.00'],
    ['手机 1万2500 12期', '12500.00'],
    ['手机 三千五 12期', '3500.00'],
    ['手机 一千二百五十 12期', '1250.00'],
    ['手机 壹万贰仟元整 12期', '12000.00'],
    ['手机 一万二元 12期', '12000.00'],
  ])('%s: an amount in Chinese numerals → %s', (line, principal) => {
    expect(read(line)).toEqual({ draft: { name: '手机', principal, periods: 12 }, unread: [], errors: [] });
  });

  it('never takes a period count or a rate in Chinese numerals for the amount', () => {
    expect(read('手机 一万二 十二期')).toEqual({ draft: { name: '手机', principal: '12000.00', periods: 12 }, unread: [], errors: [] });
    expect(read('手机 三千五 分十二期 月息一分')).toEqual({
      draft: { name: '手机', principal: '3500.00', periods: 12, rate: '1 monthly' },
      unread: [],
      errors: [],
    });
    expect(read('x 两万 两年 日息万五').draft).toMatchObject({ principal: '20000.00', periods: 24, rate: '0.05 daily' });
  });

  it('keeps Chinese numerals that belong to a name, and leaves an ambiguous one unread', () => {
    expect(read('百万医疗险 5000 12期').draft).toMatchObject({ name: '百万医疗险', principal: '5000.00' });
    expect(read('一千万医疗险 5000 12期').draft).toMatchObject({ name: '一千万医疗险', principal: '5000.00' });
    expect(read('万科 5000').draft).toMatchObject({ name: '万科', principal: '5000.00' });
    // 1万25 could be 10,025 or 12,500.
    expect(read('x 1万25 12期')).toMatchObject({ draft: { name: 'x', periods: 12 }, unread: ['1万25'] });
  });

  it('never throws and only ever fills valid fields, with today (fast-check)', () => {
    const pieces = [
      '12',
      '15',
      '2',
      '一万二',
      '两万',
      '十二',
      '期',
      '月',
      '日',
      '号',
      '每月',
      '下个月',
      '明天',
      ' Feb ',
      ' 15th',
      ' of each month',
      '/',
      '2027',
      ' ',
      '首期',
      '12%',
    ];
    const line = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(line, fc.integer({ min: 0, max: 800 }), (text, offset) => {
        const on = new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10);
        const { draft, dateNote } = parseLoanLine(text, { today: on });
        if (draft.firstDue) {
          const [y, m, d] = draft.firstDue.split('-').map(Number) as [number, number, number];
          expect(isValidDate(y, m, d)).toBe(true);
        }
        if (draft.dueDay !== undefined) expect(draft.firstDue !== undefined && draft.firstDue > on).toBe(true);
        if (dateNote) expect(dateNote.date).toBe(draft.firstDue);
      }),
      { numRuns: 300 },
    );
  });
});
