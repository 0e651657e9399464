import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { heaviestIndexes, multiLineChart, renderPng, stackedBarsChart } from '../../src/charts/index.ts';
import { inked } from '../support/png.ts';

const zhText = { title: '還款 帳單 逾期', xAxis: '月份', yAxis: '金额', formatY: (v: number) => `¥${v}` };
const months = ['1月', '2月', '3月'];
const series = [
  { label: '房貸', values: [100, 200, 300] },
  { label: 'B', values: [50, 0, 20] },
];

const count = (svg: string, re: RegExp) => (svg.match(re) ?? []).length;
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('stackedBarsChart', () => {
  const svg = stackedBarsChart(zhText, months, series, { highlightTop: 1 });

  it('draws one bar per non-zero value, per series, with axes, labels and legend', () => {
    expect(count(svg, /class="bar series-0"/g)).toBe(3);
    expect(count(svg, /class="bar series-1"/g)).toBe(2);
    expect(count(svg, /class="axis x-axis"/g)).toBe(1);
    expect(count(svg, /class="axis y-axis"/g)).toBe(1);
    expect(count(svg, /class="heavy"/g)).toBe(1);
    const t = texts(svg);
    expect(t).toEqual(expect.arrayContaining(['還款 帳單 逾期', '月份', '金额', '1月', '3月', '房貸', 'B', '¥0']));
  });

  it('escapes names so a loan name cannot break the SVG', () => {
    const s = stackedBarsChart(zhText, months, [{ label: '<a&b>', values: [1, 2, 3] }]);
    expect(s).toContain('&lt;a&amp;b&gt;');
    expect(s).not.toContain('<a&b>');
  });

  it('renders a PNG at least 1080 px wide with Chinese glyphs inked in the title area', () => {
    const png = renderPng(svg);
    const img = decode(png);
    expect(img.width).toBeGreaterThanOrEqual(1080);
    // Rows 10–70: the title's line (the axes' names begin below it).
    const withTitle = inked(png, 10, 70);
    const noTitle = inked(renderPng(stackedBarsChart({ ...zhText, title: '' }, months, series)), 10, 70);
    expect(noTitle).toBe(0);
    expect(withTitle).toBeGreaterThan(500);
  });
});

describe('the heaviest months', () => {
  it('up to three, heaviest first by total, returned in month order', () => {
    expect(heaviestIndexes([1, 9, 3, 8, 7, 2], 3)).toEqual([1, 3, 4]);
    expect(heaviestIndexes([5, 0, 0], 3)).toEqual([0]);
    expect(heaviestIndexes([0, 0, 0], 3)).toEqual([]);
  });

  it('never one of a tie at the cut: the tied months all stay plain', () => {
    // 10,000 this month, then four equal months: outlining two of them would call the other two lighter.
    expect(heaviestIndexes([10_000, 3_800, 3_800, 3_800, 3_800, 3_300, 2_400], 3)).toEqual([0]);
    expect(heaviestIndexes([9, 9, 8, 1], 3)).toEqual([0, 1, 2]);
    expect(heaviestIndexes([9, 8, 8, 1], 3)).toEqual([0, 1, 2]);
    expect(heaviestIndexes([9, 8, 7, 7, 1], 3)).toEqual([0, 1]);
  });

  it('one loan of equal installments: all months equal, none outlined; equal to the cent (float sums) counts as equal', () => {
    expect(heaviestIndexes(Array(12).fill(888.49), 3)).toEqual([]);
    expect(heaviestIndexes([0.1 + 0.2, 0.3, 0.3, 0.1], 2)).toEqual([]);
  });

  it('stackedBarsChart outlines exactly those months', () => {
    const tied = stackedBarsChart(zhText, ['1月', '2月', '3月', '4月'], [{ label: 'A', values: [5, 5, 5, 5] }], { highlightTop: 3 });
    expect(count(tied, /class="heavy"/g)).toBe(0);
    const given = stackedBarsChart(zhText, months, series, { highlight: [0, 2] });
    expect(count(given, /class="heavy"/g)).toBe(2);
  });
});

describe('multiLineChart', () => {
  it('draws one polyline per series with a point per value', () => {
    const svg = multiLineChart(zhText, months, [
      { label: 'A', points: [300, 200, 100] },
      { label: 'B', points: [100, null, 0] },
    ]);
    expect(count(svg, /<polyline class="line series-\d"/g)).toBe(2);
    const b = svg.match(/class="line series-1" points="([^"]*)"/)?.[1] ?? '';
    expect(b.split(' ')).toHaveLength(2);
  });
});
