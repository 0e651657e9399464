import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { allLoansChart, loanChartSvg } from '../../commands/chart.ts';
import { planChartSvg } from '../../commands/plan.ts';
import { drawable, FONT_FAMILY } from '../../src/charts/svg.ts';
import { Decimal } from '../../src/domain/money.ts';
import type { Locale } from '../../src/i18n/locales.ts';
import { Translator } from '../../src/i18n/translator.ts';
import { loanChartData } from '../../src/services/chart-loan.ts';
import { createTestBot, type TestBot } from '../support/bot.ts';

/*
 * "Nothing overlapping" (issue 14, done when), checked on the pixels resvg draws: every <text> of
 * a chart is rendered alone on the same canvas, its inked box measured, and no two boxes may touch
 * (2 px of air) nor any box reach the picture's edge. The charts are the ones /chart and /plan
 * send, in the three languages, with what crowds a picture: today at either end of a loan (its
 * label under the axis names), a 99,000,000 loan (the widest amounts), 24-character names with
 * emoji in the title and nine such loans in the legend.
 */

const require = createRequire(import.meta.url);
const FONT_FILE = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const translator = new Translator({ strict: true });
const LOCALES: Locale[] = ['en', 'zh-Hans', 'zh-Hant'];
const AIR = 2;

interface Box {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Rows per text on the measuring canvas, and where its baseline sits in them. */
const BAND = 90;
const BASELINE = 62;

/**
 * The inked box of every <text>, from one render: each text keeps its x but gets a band of its
 * own on a tall canvas (so nothing overlaps there), its box is read off the band's pixels and
 * moved back to its own baseline.
 */
function inkBoxes(svg: string): Box[] {
  const width = Number(/ width="(\d+)"/.exec(svg)?.[1]);
  const tags = [...svg.matchAll(/<text[^>]*>[^<]*<\/text>/g)].map(([tag]) => tag);
  const banded = tags.map((tag, i) => tag.replace(/ y="[^"]*"/, ` y="${i * BAND + BASELINE}"`));
  const height = tags.length * BAND;
  // Raw pixels straight from resvg, with the font renderPng uses (no PNG to inflate again).
  const img = new Resvg(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}">${banded.join('')}</svg>`,
    { font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY } },
  ).render();
  const data = img.pixels;
  // Read once: each access of a resvg image's size is a call into the native module.
  const w = img.width;
  const boxes: Box[] = [];
  tags.forEach((tag, i) => {
    let [x0, y0, x1, y1] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, -1, -1];
    for (let y = i * BAND; y < (i + 1) * BAND; y++)
      for (let x = 0; x < w; x++) {
        if ((data[(y * w + x) * 4 + 3] ?? 0) <= 40) continue;
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
    if (x1 < 0) return;
    // Back to the text's own baseline.
    const shift = Number(/ y="([^"]*)"/.exec(tag)?.[1]) - (i * BAND + BASELINE);
    boxes.push({ text: tag.replace(/<[^>]*>/g, ''), x0, y0: y0 + shift, x1, y1: y1 + shift });
  });
  return boxes;
}

/** Texts that touch each other or the edge, as readable lines (empty: a clean picture). */
function crowding(svg: string): string[] {
  const width = Number(/ width="(\d+)"/.exec(svg)?.[1]);
  const height = Number(/ height="(\d+)"/.exec(svg)?.[1]);
  const boxes = inkBoxes(svg);
  const out: string[] = [];
  for (const b of boxes)
    if (b.x0 < AIR || b.y0 < AIR || b.x1 > width - 1 - AIR || b.y1 > height - 1 - AIR) out.push(`«${b.text}» reaches the edge`);
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1))
      if (a.x0 - AIR <= b.x1 && b.x0 - AIR <= a.x1 && a.y0 - AIR <= b.y1 && b.y0 - AIR <= a.y1) out.push(`«${a.text}» touches «${b.text}»`);
  return out;
}

async function botWith(lines: string[], addedAt: string, now: string): Promise<TestBot> {
  const bot = createTestBot({ now: new Date(addedAt) });
  for (const line of lines) {
    await bot.say(`/addloan ${line}`);
    await bot.pressLabel('Save');
  }
  bot.clock.set(new Date(now));
  return bot;
}

function charts(bot: TestBot, locale: Locale): { name: string; svg: string }[] {
  const services = bot.runtime.services.forUser(1, bot.clock.now());
  const ctx = { t: translator.for(locale), locale, today: bot.clock.now().toISOString().slice(0, 10) };
  const overview = services.loans.overview(services.loans.list()[0]?.loan.id ?? 0);
  if (!overview) throw new Error('no loan');
  const all = allLoansChart(ctx, services.calendar.data());
  if (!all) throw new Error('nothing due');
  return [
    { name: `${locale} /chart <loan>`, svg: loanChartSvg(ctx, loanChartData(overview)) },
    { name: `${locale} /chart`, svg: all.svg },
    { name: `${locale} /plan 500`, svg: planChartSvg(ctx, services.plan.of(new Decimal(500))) },
  ];
}

describe('chart text never overlaps nor leaves the picture', () => {
  it('today at the left end of a 99,000,000 loan: its label clears the axis names, the amounts fit', async () => {
    const bot = await botWith(['tower 99000000 120 months 6% annuity first 2027-01-15'], '2027-01-05T02:00:00Z', '2027-01-10T02:00:00Z');
    for (const locale of LOCALES) for (const { name, svg } of charts(bot, locale)) expect(crowding(svg), name).toEqual([]);
  });

  it('today at the right end of a short loan', async () => {
    const bot = await botWith(['phone 3000 6 months 0% annuity first 2027-01-15'], '2027-01-05T02:00:00Z', '2027-06-20T02:00:00Z');
    for (const locale of LOCALES) expect(crowding(charts(bot, locale)[0]?.svg ?? ''), locale).toEqual([]);
  });

  it('nine loans with long names and emoji: the title fits, the legend wraps, no empty boxes for the emoji', async () => {
    const name = (i: number) => `${'招商银行信用卡账单分期🚗'.repeat(3).slice(0, 40)}${'ABCDEFGHI'[i]}`;
    const bot = await botWith(
      Array.from({ length: 9 }, (_, i) => `${name(i)} ${(i + 1) * 15000} ${12 + i * 6} months ${i + 2}% annuity first 2027-0${1 + i}-15`),
      '2027-01-05T02:00:00Z',
      '2027-03-20T02:00:00Z',
    );
    for (const locale of LOCALES)
      for (const { name: chart, svg } of charts(bot, locale)) {
        expect(crowding(svg), chart).toEqual([]);
        expect(svg, chart).not.toMatch(/\p{Extended_Pictographic}/u);
      }
  });
});

describe('drawable', () => {
  /** The code points the bundled font has a glyph for (its cmap, format 12). */
  function fontCodePoints(): Set<number> {
    const font = readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'));
    let cmap = 0;
    for (let i = 0; i < font.readUInt16BE(4); i++)
      if (font.toString('ascii', 12 + i * 16, 16 + i * 16) === 'cmap') cmap = font.readUInt32BE(20 + i * 16);
    const points = new Set<number>();
    for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
      const table = cmap + font.readUInt32BE(cmap + 8 + i * 8);
      if (font.readUInt16BE(table) !== 12) continue;
      for (let g = 0; g < font.readUInt32BE(table + 12); g++)
        for (let c = font.readUInt32BE(table + 16 + g * 12); c <= font.readUInt32BE(table + 20 + g * 12); c++) points.add(c);
    }
    return points;
  }

  it('leaves only characters the bundled font draws: emoji, flags, keycaps, skin tones and ZWJ sequences go', () => {
    const glyphs = fontCodePoints();
    expect(glyphs.has('贷'.codePointAt(0) ?? 0)).toBe(true);
    for (const name of ['🚗 car', '房贷🏠', '👨‍👩‍👧 family', '🇨🇳 bank', '1️⃣ first', '👍🏽 ok', '❤️ 花呗', '招行 ✈️ 出差']) {
      const drawn = drawable(name);
      expect(
        [...drawn].filter((ch) => !glyphs.has(ch.codePointAt(0) ?? 0)),
        name,
      ).toEqual([]);
      expect(drawn.trim()).not.toBe('');
    }
    expect(drawable('房贷🏠')).toBe('房贷');
    expect(drawable('招行 ✈️ 出差')).toBe('招行 出差');
    // Nothing else left: the name as it is (boxes beat an empty label).
    expect(drawable('🚗🚗')).toBe('🚗🚗');
    expect(drawable('car')).toBe('car');
  });
});
