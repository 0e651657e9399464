import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { decode } from 'fast-png';
import { afterEach, describe, expect, it } from 'vitest';
import { renderPng, stackedBarsChart } from '../../src/charts/index.ts';
import { codepointsOf } from '../../src/charts/render.ts';
import { FONT_FAMILY, WIDTH } from '../../src/charts/svg.ts';
import { inked } from '../support/png.ts';

/*
 * renderPng gives resvg the font cut down to the characters of each SVG (a chart in ~40 ms, not
 * ~300 ms). What it draws must not change for it: whatever a loan's name holds, the picture is the
 * one the whole font draws.
 */

const require = createRequire(import.meta.url);
const FONT_FILE = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

/** The pixels resvg draws with the whole font, as renderPng did before the cut. */
function withWholeFont(svg: string): Uint8Array {
  return new Resvg(svg, {
    fitTo: { mode: 'width', value: WIDTH },
    font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  }).render().pixels;
}

function differing(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let n = a.length === b.length ? 0 : Number.POSITIVE_INFINITY;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

const months = ['1月', '2月', '3月'];
const chart = (title: string, names: string[]) =>
  stackedBarsChart(
    { title, xAxis: '月份', yAxis: '金額', formatY: (v: number) => `¥${v}` },
    months,
    names.map((label, s) => ({ label, values: months.map((_, i) => 100 + 10 * i + s) })),
  );

describe('renderPng with the font cut to the chart', () => {
  it('draws what the whole font draws: both scripts, rare characters, accents either way, emoji, characters the font lacks', () => {
    const svg = chart('龘靐齉 爩麤 的車貸 🚗', [
      '还款 還款 㐀﨎⼀',
      // é composed and as e + ◌́; Ǻ (not in the font) as Å + ◌́; ά (not in the font) as α + ◌́
      'Café Cafe\u0301 Ǻ ά ﬁ office',
      // Hangul, a CJK extension B character and a hook below: none in the font (boxes)
      '한국 𠮷 r\u0322 x',
      // a mark with no letter before it, and a mark the font lacks: a box with its own width
      '\u036f中 \u302e',
      '👨‍👩‍👧 family 🇨🇳 a&b <c>',
    ]);
    expect(differing(decode(renderPng(svg)).data, withWholeFont(svg))).toBe(0);
    // No pinyin tone mark anywhere (the only glyphs the font's GDEF table classes); a Hangul tone mark first (drawn on a dotted circle).
    const bare = chart('\u036f中', ['\u302e月', 'r\u0322Ϙ', 'a\u2009b']);
    expect(differing(decode(renderPng(bare)).data, withWholeFont(bare))).toBe(0);
  });

  it('a name of rare characters and emoji only is still drawn, as is one of characters the font lacks', () => {
    for (const name of ['龘靐齉 🚗🚗', '𠮷𠮷 한국']) {
      const png = renderPng(chart(name, ['A']));
      expect(decode(png).width).toBeGreaterThanOrEqual(1080);
      // The title row: the font's glyphs, or a box where it has none.
      expect(inked(png, 10, 70)).toBeGreaterThan(300);
    }
  });

  it('cuts to every character of the SVG, in composed and decomposed form, and to what &#…; stands for', () => {
    const cps = codepointsOf('<text>Cafe\u0301 Ǻ ά &#x4E2D;&#25991;</text>');
    for (const ch of ['é', 'e', '\u0301', 'Å', 'A', '\u030a', 'α', 'ά', '中', '文', '<', 't', '/'])
      expect(cps.has(ch.codePointAt(0) ?? 0), ch).toBe(true);
  });

  const tmp = process.env.TMPDIR;
  afterEach(() => {
    if (tmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmp;
  });

  it('leaves nothing in the temporary folder (resvg reads the cut from a file)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'render-test-'));
    try {
      process.env.TMPDIR = dir;
      renderPng(chart('車貸', ['A']));
      expect(() => renderPng('<svg')).toThrow();
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
