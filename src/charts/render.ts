import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { WIDTH } from './svg.ts';

/*
 * SVG → PNG with resvg: offline, deterministic, no Cairo or system fonts. The only font is Noto
 * Sans SC from an npm package (its TTF also holds the traditional glyphs zh-Hant needs).
 */
const require = createRequire(import.meta.url);
const FONT_FILE = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

export function renderPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: WIDTH },
    font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: 'Noto Sans SC' },
  });
  return resvg.render().asPng();
}
