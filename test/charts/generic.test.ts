import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { multiLineChart, renderPng, stackedBarsChart } from '../../src/charts/index.ts';

const zhText = { title: '還款 帳單 逾期', xAxis: '月份', yAxis: '金额', formatY: (v: number) => `¥${v}` };
const months = ['1月', '2月', '3月'];
const series = [
  { label: '房貸', values: [100, 200, 300] },
  { label: 'B', values: [50, 0, 20] },
];

const count = (svg: string, re: RegExp) => (svg.match(re) ?? []).length;
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

/** Non-white pixels in rows [y0, y1) of an RGBA image. */
function inked(png: Buffer, y0: number, y1: number): number {
  const img = decode(png);
  const ch = img.channels;
  let n = 0;
  for (let y = y0; y < y1; y++)
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * ch;
      if ((img.data[i] ?? 255) < 200 || (img.data[i + 1] ?? 255) < 200 || (img.data[i + 2] ?? 255) < 200) n++;
    }
  return n;
}

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
    const withTitle = inked(png, 10, 78);
    const noTitle = inked(renderPng(stackedBarsChart({ ...zhText, title: '' }, months, series)), 10, 78);
    expect(noTitle).toBe(0);
    expect(withTitle).toBeGreaterThan(500);
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
