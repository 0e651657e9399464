import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY, WIDTH } from './svg.ts';

/*
 * SVG → PNG with resvg: offline, deterministic, no Cairo or system fonts. The only font is Noto
 * Sans SC from an npm package (its TTF also holds the traditional glyphs zh-Hant needs).
 *
 * resvg parses the font it is given again for every <text> (~13 ms each with the whole 10 MB
 * font: ~300 ms a chart), so each chart gets the font cut down to the characters its SVG holds
 * (a few kB, hb-subset from harfbuzzjs; the whole face stays loaded in wasm between charts).
 * resvg-js 2.6 reads fonts from files only (no font buffers), so the cut is written to a private
 * temporary folder for the render and removed after it.
 */
const require = createRequire(import.meta.url);
const FONT_FILE = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const HB_SUBSET_WASM = require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');

/** WebAssembly as Node has it (the project's TypeScript libs, ES2023 and node, do not declare it). */
const { Module, Instance } = (
  globalThis as unknown as {
    WebAssembly: { Module: new (bytes: Uint8Array) => object; Instance: new (module: object, imports: object) => { exports: unknown } };
  }
).WebAssembly;

/** The part of the HarfBuzz C API (hb-subset) that harfbuzz-subset.wasm exports and this file uses. */
interface HbSubset {
  memory: { buffer: ArrayBuffer };
  _initialize(): void;
  malloc(size: number): number;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codepoint: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;
/** Keep the outline of glyph 0: a character the font lacks is drawn as a box, as with the whole font. */
const HB_SUBSET_FLAGS_NOTDEF_OUTLINE = 0x40;

let subsetter: ((codepoints: Set<number>) => Buffer) | undefined;

/** Loads the font into hb-subset once (~50 ms, on the first chart) and returns the cutter. */
function fontSubsetter(): (codepoints: Set<number>) => Buffer {
  if (subsetter) return subsetter;
  const hb = new Instance(new Module(readFileSync(HB_SUBSET_WASM)), {}).exports as unknown as HbSubset;
  hb._initialize();
  const font = readFileSync(FONT_FILE);
  const data = hb.malloc(font.byteLength);
  if (data === 0) throw new Error('hb-subset: no memory for the chart font');
  new Uint8Array(hb.memory.buffer).set(font, data);
  // Kept for the life of the process: the blob points into wasm memory that is never freed.
  const blob = hb.hb_blob_create(data, font.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  subsetter = (codepoints) => {
    const input = hb.hb_subset_input_create_or_fail();
    if (input === 0) throw new Error('hb-subset: could not create a subset input');
    let cut = 0;
    try {
      hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
      const unicodes = hb.hb_subset_input_unicode_set(input);
      for (const cp of codepoints) hb.hb_set_add(unicodes, cp);
      cut = hb.hb_subset_or_fail(face, input);
    } finally {
      hb.hb_subset_input_destroy(input);
    }
    if (cut === 0) throw new Error('hb-subset: could not cut the chart font');
    const result = hb.hb_face_reference_blob(cut);
    try {
      const at = hb.hb_blob_get_data(result, 0);
      // A copy: the wasm memory is reused (and may grow, detaching views) on the next cut.
      return Buffer.from(new Uint8Array(hb.memory.buffer, at, hb.hb_blob_get_length(result)));
    } finally {
      hb.hb_blob_destroy(result);
      hb.hb_face_destroy(cut);
    }
  };
  return subsetter;
}

/**
 * In every cut: the space and the dotted circle, which the shaper draws for spaces the font lacks
 * (U+2009 …) and for the missing letter before a Hangul tone mark; and the five pinyin tone marks,
 * the only glyphs the font's GDEF table classes (as marks): a cut without them would have no
 * GDEF, and the shaper, guessing classes from Unicode instead, would draw a mark the font lacks as
 * a box with no width, over the next character.
 */
const ALWAYS = [0x20, 0x25cc, 0x300, 0x301, 0x304, 0x307, 0x30c];

/**
 * Every character the SVG may draw: all of it, markup included (a few Latin letters more), so no
 * text is missed whatever element holds it; numeric character references (&#…;) too; and the
 * composed and decomposed forms, which the shaper falls back on (é as e + ◌́ or e + ◌́ as é,
 * ά as α + ◌́ when the font has no ά).
 */
export function codepointsOf(svg: string): Set<number> {
  const out = new Set<number>(ALWAYS);
  const add = (s: string) => {
    for (const ch of s) out.add(ch.codePointAt(0) ?? 0);
  };
  // ASCII (the markup, numbers) as it is: alone it neither composes nor decomposes.
  const ascii = new Uint8Array(0x80);
  for (let i = 0; i < svg.length; i++) {
    const c = svg.charCodeAt(i);
    if (c < 0x80) ascii[c] = 1;
  }
  for (let c = 0; c < 0x80; c++) if (ascii[c]) out.add(c);
  // The rest (surrogate pairs included): each run with the character before it (a letter its marks may compose with).
  const runs: string[] = svg.match(/[\s\S]?[\u0080-\uffff]+/g) ?? [];
  for (const m of svg.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const ref = m[1] ?? '';
    const cp = ref.startsWith('x') ? Number.parseInt(ref.slice(1), 16) : Number.parseInt(ref, 10);
    if (cp <= 0x10ffff) runs.push(String.fromCodePoint(cp));
  }
  const text = runs.join('\n');
  add(text);
  add(text.normalize('NFC'));
  const nfd = text.normalize('NFD');
  add(nfd);
  // A letter with two or more marks is composed a mark at a time (Ǻ is Å + ◌́): each step too.
  for (const [cluster] of nfd.matchAll(/\P{M}\p{M}{2,}/gu)) {
    const chars = [...cluster];
    for (let k = 2; k < chars.length; k++) add(chars.slice(0, k).join('').normalize('NFC'));
  }
  return out;
}

export function renderPng(svg: string): Buffer {
  const subset = fontSubsetter()(codepointsOf(svg));
  // A folder of its own for each render (0700, no name to guess; nothing kept that a /tmp cleaner could take away).
  const dir = mkdtempSync(join(tmpdir(), 'repaybot-chart-'));
  try {
    const file = join(dir, 'font.ttf');
    writeFileSync(file, subset);
    const resvg = new Resvg(svg, {
      fitTo: { mode: 'width', value: WIDTH },
      font: { fontFiles: [file], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    });
    return resvg.render().asPng();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
