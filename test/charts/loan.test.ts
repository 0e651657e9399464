import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { LOAN_COLORS, type LoanChartBars, loanChart, renderPng } from '../../src/charts/index.ts';
import { labelStep } from '../../src/charts/svg.ts';
import { inked } from '../support/png.ts';

/*
 * The one-loan chart as an SVG string: its pieces found by class (a tiny regex walk over the tags),
 * and the PNG resvg makes of it decoded with fast-png.
 */

const legend = { principal: '本金', interest: '利息', fees: '費用', balance: '剩餘本金', paid: '已還', overdue: '逾期', today: '今天' };
const zh = {
  title: '車貸：餘額與每期還款',
  xAxis: '到期日',
  balanceAxis: '剩餘本金',
  barsAxis: '每期還款',
  formatY: (v: number) => `¥${v}`,
  legend,
};

const bars: LoanChartBars = {
  categories: ['1月', '2月', '3月', '4月'],
  principal: [90, 95, 100, 105],
  interest: [10, 8, 5, 2],
  fees: [0, 0, 0, 0],
  balance: [300, 205, 105, 0],
  start: 390,
  paid: [true, false, false, false],
  overdue: [false, true, false, false],
  todayAt: 1.7,
};

const tags = (svg: string, cls: string) => [...svg.matchAll(new RegExp(`<(\\w+) class="${cls}"([^>]*)>`, 'g'))];
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
const attr = (tag: string, name: string) => tag.match(new RegExp(` ${name}="([^"]*)"`))?.[1];

describe('loanChart', () => {
  const svg = loanChart(zh, bars);

  it('has both value axes, the x axis and the localized labels', () => {
    expect(tags(svg, 'axis x-axis')).toHaveLength(1);
    expect(tags(svg, 'axis y-axis')).toHaveLength(1);
    expect(tags(svg, 'axis y2-axis')).toHaveLength(1);
    expect(texts(svg)).toEqual(expect.arrayContaining(['車貸：餘額與每期還款', '到期日', '剩餘本金', '每期還款', '1月', '4月', '¥0']));
  });

  it('splits each bar into principal and interest; an all-zero part (fees) is neither drawn nor in the legend', () => {
    expect(tags(svg, 'bar principal( paid)?')).toHaveLength(4);
    expect(tags(svg, 'bar interest( paid)?')).toHaveLength(4);
    expect(svg).not.toContain('bar fees');
    expect(texts(svg)).not.toContain('費用');
    const withFees = loanChart(zh, { ...bars, fees: [3, 3, 3, 3] });
    expect(tags(withFees, 'bar fees( paid)?')).toHaveLength(4);
    expect(texts(withFees)).toContain('費用');
  });

  it('marks paid bars paler, overdue bars with a dashed vermillion outline, and today as a dashed line, each in the legend', () => {
    expect(tags(svg, 'bar principal paid')).toHaveLength(1);
    const overdue = tags(svg, 'overdue');
    expect(overdue).toHaveLength(1);
    expect(attr(overdue[0]?.[0] ?? '', 'stroke')).toBe(LOAN_COLORS.overdue);
    expect(attr(overdue[0]?.[0] ?? '', 'stroke-dasharray')).toBeDefined();
    expect(tags(svg, 'today')).toHaveLength(1);
    expect(texts(svg)).toEqual(expect.arrayContaining(['已還', '逾期', '今天', '本金', '利息']));
    // Today between the 2nd and 3rd bar centre: 1.7 bands from the plot's left edge.
    const x = Number(attr(tags(svg, 'today')[0]?.[0] ?? '', 'x1'));
    const barX = tags(svg, 'bar principal( paid)?').map((t) => Number(attr(t[0], 'x')));
    expect(x).toBeGreaterThan(barX[1] ?? Number.NaN);
    expect(x).toBeLessThan(barX[2] ?? Number.NaN);
  });

  it('without overdue, paid or today: no marks and no legend entries for them', () => {
    const plain = loanChart(zh, { ...bars, paid: [false, false, false, false], overdue: [false, false, false, false], todayAt: undefined });
    expect(tags(plain, 'overdue')).toHaveLength(0);
    expect(tags(plain, 'today')).toHaveLength(0);
    expect(texts(plain)).not.toEqual(expect.arrayContaining(['已還']));
    expect(texts(plain)).not.toEqual(expect.arrayContaining(['逾期']));
  });

  it('draws the balance as one line from the start through every bar', () => {
    const line = tags(svg, 'line balance');
    expect(line).toHaveLength(1);
    expect(attr(line[0]?.[0] ?? '', 'points')?.split(' ')).toHaveLength(5);
  });

  it('600 thin bars still draw, each at least a pixel wide, with at most ~12 x labels', () => {
    const n = 600;
    const long = loanChart(zh, {
      categories: Array.from({ length: n }, (_, i) => `${2027 + Math.floor(i / 12)}-${(i % 12) + 1}`),
      principal: Array.from({ length: n }, () => 100),
      interest: Array.from({ length: n }, (_, i) => 600 - i),
      fees: Array.from({ length: n }, () => 0),
      balance: Array.from({ length: n }, (_, i) => 100 * (n - 1 - i)),
      start: 100 * n,
      paid: Array.from({ length: n }, (_, i) => i < 3),
      overdue: Array.from({ length: n }, (_, i) => i === 3),
      todayAt: 3.5,
    });
    const widths = tags(long, 'bar principal( paid)?').map((t) => Number(attr(t[0], 'width')));
    expect(widths).toHaveLength(n);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(1);
    expect(tags(long, 'tick x-tick').length).toBeLessThanOrEqual(13);
    expect(decode(renderPng(long)).width).toBeGreaterThanOrEqual(1080);
  });

  it('renders ≥ 1080 px wide, not blank, with traditional and simplified Chinese titles inked', () => {
    for (const title of ['車貸：餘額與每期還款', '车贷：余额与每期还款']) {
      const png = renderPng(loanChart({ ...zh, title }, bars));
      const img = decode(png);
      expect(img.width).toBeGreaterThanOrEqual(1080);
      expect(inked(png, 10, 70)).toBeGreaterThan(500);
      // The plot itself is not blank: the bars and the line cover a good share of it.
      expect(inked(png, 150, 620)).toBeGreaterThan(20_000);
    }
    expect(inked(renderPng(loanChart({ ...zh, title: '' }, bars)), 10, 70)).toBe(0);
  });
});

describe('x labels', () => {
  it('are thinned so neighbours never touch, whatever the script', () => {
    expect(labelStep(['1月', '2月', '3月'], 300)).toBe(1);
    expect(
      labelStep(
        Array.from({ length: 12 }, () => 'Sep 27'),
        40,
      ),
    ).toBeGreaterThan(1);
    expect(
      labelStep(
        Array.from({ length: 50 }, (_, i) => String(2027 + i)),
        17,
      ),
    ).toBeGreaterThanOrEqual(5);
  });
});
