/*
 * The generic SVG layer of /chart and /plan: plain strings built in code, no I/O, so a test can
 * read the structure (classes per series, <text> contents) and the PNG renderer gets exact input.
 */

/** Okabe-Ito: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'];

export const WIDTH = 1200;
export const HEIGHT = 800;
/** Big enough to read on a phone at half size. */
export const FONT = 30;
export const FONT_FAMILY = 'Noto Sans SC';

const PLOT = { left: 170, right: 40, top: 140, bottom: 170 };

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Emoji and their joiners, selectors, skin tones, flags and keycaps: the bundled font has no
 * glyph for them, so resvg would draw each as an empty box. (The few pictographs Noto Sans SC does
 * have — © ® ™ ☀ ♥ … — go too: a name is still told apart by its other characters.)
 */
const NO_GLYPH = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u{E0020}-\u{E007F}]|\u200D|\uFE0E|\uFE0F|\u20E3/gu;

/** What a label draws as: without the characters that would come out as empty boxes; unchanged if nothing else is left. */
export function drawable(label: string): string {
  const kept = label.replace(NO_GLYPH, '');
  if (kept === label) return label;
  const tidy = kept.replace(/\s{2,}/g, ' ').trim();
  return tidy === '' ? label : tidy;
}

export function text(
  x: number,
  y: number,
  content: string,
  opts: { size?: number; anchor?: string; cls?: string; fill?: string } = {},
): string {
  const size = opts.size ?? FONT;
  const cls = opts.cls ? ` class="${opts.cls}"` : '';
  return `<text${cls} x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${size}" text-anchor="${opts.anchor ?? 'start'}" fill="${opts.fill ?? '#222'}">${escapeXml(drawable(content))}</text>`;
}

export function rect(x: number, y: number, w: number, h: number, fill: string, cls: string): string {
  return `<rect class="${cls}" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(0, w).toFixed(1)}" height="${Math.max(0, h).toFixed(1)}" fill="${fill}"/>`;
}

/** "Nice" ticks from 0 to at least max: 1, 2 or 5 times a power of ten. */
export function ticks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = 0; v < max + step * 0.999; v += step) out.push(v);
  return out;
}

/** How a legend entry's swatch is drawn: a filled square (the default), an outline, a line. */
export interface LegendItem {
  label: string;
  color: string;
  kind?: 'fill' | 'outline' | 'line';
  /** A stroke-dasharray for 'outline' and 'line' swatches (shape as well as colour tells them apart). */
  dash?: string;
  /** Fill opacity of a 'fill' swatch (paid installments are drawn paler). */
  opacity?: number;
}

export interface Frame {
  title: string;
  xAxis: string;
  yAxis: string;
  /** Category labels under the x axis (months, periods). */
  categories: string[];
  /** Upper end of the y axis (a number only for placing: the labels come from formatY). */
  max: number;
  formatY: (v: number) => string;
  legend: LegendItem[];
  /** A second value axis on the right (e.g. installments beside a balance), with its own scale. */
  right?: { label: string; max: number; formatY: (v: number) => string };
}

export interface Layout {
  x: (index: number) => number;
  band: number;
  y: (value: number) => number;
  /** The right axis' scale (the left one's when there is no right axis). */
  y2: (value: number) => number;
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** The picture's height: taller than HEIGHT when the legend takes more than one row. */
  height: number;
}

const TITLE_SIZE = 40;
const TITLE_MIN = 26;
/**
 * The value axes' names, above the plot: high enough that the "today" label (22 px, just above
 * the plot) clears them when today is at either edge of a loan's chart.
 */
const AXIS_LABEL_Y = PLOT.top - 40;

const LEGEND_ROW = 44;
const LEGEND_SIZE = 26;

/** Roughly how wide a label is at `size` px: CJK (and emoji) glyphs are square, Latin about half. */
export function labelWidth(label: string, size: number): number {
  let w = 0;
  for (const ch of drawable(label)) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? size : NARROW.has(ch) ? size * 0.3 : size * 0.58;
  return w;
}

/** Latin punctuation about half a digit wide: what money labels (1,000,000.00) are full of. */
const NARROW = new Set([',', '.', ':', ';', "'", ' ', '!', '|']);

const TICK_SIZE = 24;
/** Air kept between a tick label and the picture's edge. */
const TICK_MARGIN = 8;

/** The tick labels' size on a value axis: 24 px, smaller only when the widest would not fit `room`. */
function tickSize(labels: string[], room: number): number {
  const widest = Math.max(1, ...labels.map((l) => labelWidth(l, TICK_SIZE)));
  return widest <= room ? TICK_SIZE : Math.max(14, Math.floor((TICK_SIZE * room) / widest));
}

function swatch(item: LegendItem, x: number, y: number): string {
  const kind = item.kind ?? 'fill';
  const dash = item.dash ? ` stroke-dasharray="${item.dash}"` : '';
  if (kind === 'line')
    return `<line class="legend-swatch" x1="${x}" y1="${y + 14}" x2="${x + 28}" y2="${y + 14}" stroke="${item.color}" stroke-width="6"${dash}/>`;
  if (kind === 'outline')
    return `<rect class="legend-swatch" x="${x + 2}" y="${y + 2}" width="24" height="24" fill="none" stroke="${item.color}" stroke-width="4"${dash}/>`;
  const opacity = item.opacity === undefined ? '' : ` fill-opacity="${item.opacity}"`;
  return rect(x, y, 28, 28, item.color, 'legend-swatch').replace('/>', `${opacity}/>`);
}

/** Legend entries in rows that fit between the plot's left edge and the picture's right edge. */
function legendRows(items: LegendItem[], left: number): { item: LegendItem; x: number; row: number }[] {
  const out: { item: LegendItem; x: number; row: number }[] = [];
  let x = left;
  let row = 0;
  for (const item of items) {
    const w = 36 + Math.min(360, labelWidth(item.label, LEGEND_SIZE)) + 30;
    if (x > left && x + w > WIDTH - 20) {
      row++;
      x = left;
    }
    out.push({ item, x, row });
    x += w;
  }
  return out;
}

/** Every how many categories a label fits: at most ~12, and neighbours never touch (12 px of air). */
export function labelStep(categories: string[], band: number, size = 24): number {
  const widths = categories.map((c) => labelWidth(c, size));
  for (let every = Math.max(1, Math.ceil(categories.length / 12)); ; every++) {
    let fits = true;
    for (let i = every; i < widths.length && fits; i += every)
      fits = every * band >= ((widths[i - every] ?? 0) + (widths[i] ?? 0)) / 2 + 12;
    if (fits || every >= categories.length) return every;
  }
}

/** Title, axes, ticks, category labels and legend; returns the parts and the coordinate mapping. */
export function frame(f: Frame): { parts: string[]; layout: Layout } {
  const n = Math.max(1, f.categories.length);
  const right = f.right ? PLOT.left : PLOT.right;
  const placed = legendRows(f.legend, PLOT.left);
  const rows = placed.reduce((m, p) => Math.max(m, p.row + 1), 1);
  const height = HEIGHT + LEGEND_ROW * (rows - 1);
  const plotW = WIDTH - PLOT.left - right;
  const plotH = HEIGHT - PLOT.top - PLOT.bottom;
  const ts = ticks(f.max);
  const top = ts[ts.length - 1] ?? 1;
  const ts2 = f.right ? ticks(f.right.max) : ts;
  const top2 = ts2[ts2.length - 1] ?? 1;
  const band = plotW / n;
  const layout: Layout = {
    x: (i) => PLOT.left + band * i,
    band,
    y: (v) => PLOT.top + plotH - (plotH * v) / top,
    y2: (v) => PLOT.top + plotH - (plotH * v) / top2,
    top: PLOT.top,
    bottom: PLOT.top + plotH,
    left: PLOT.left,
    right: WIDTH - right,
    height,
  };
  const parts: string[] = [`<rect class="background" x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`];
  // A long title (a loan's name in it) is set smaller rather than cut off at the picture's edges.
  const titleSize = Math.max(
    TITLE_MIN,
    Math.min(TITLE_SIZE, Math.floor((TITLE_SIZE * (WIDTH - 60)) / Math.max(1, labelWidth(f.title, TITLE_SIZE)))),
  );
  parts.push(text(WIDTH / 2, 60, f.title, { size: titleSize, anchor: 'middle', cls: 'title' }));
  parts.push(
    `<line class="axis x-axis" x1="${PLOT.left}" y1="${layout.bottom}" x2="${layout.right}" y2="${layout.bottom}" stroke="#222" stroke-width="3"/>`,
  );
  parts.push(
    `<line class="axis y-axis" x1="${PLOT.left}" y1="${PLOT.top}" x2="${PLOT.left}" y2="${layout.bottom}" stroke="#222" stroke-width="3"/>`,
  );
  // Long amounts (a mortgage of tens of millions) are set smaller rather than cut off at the edge.
  const leftTicks = tickSize(ts.map(f.formatY), PLOT.left - 10 - TICK_MARGIN);
  for (const t of ts) {
    const y = layout.y(t);
    parts.push(
      `<line class="grid" x1="${PLOT.left}" y1="${y.toFixed(1)}" x2="${layout.right}" y2="${y.toFixed(1)}" stroke="#ddd" stroke-width="1"/>`,
    );
    parts.push(text(PLOT.left - 10, y + 10, f.formatY(t), { size: leftTicks, anchor: 'end', cls: 'tick y-tick' }));
  }
  if (f.right) {
    parts.push(
      `<line class="axis y2-axis" x1="${layout.right}" y1="${PLOT.top}" x2="${layout.right}" y2="${layout.bottom}" stroke="#222" stroke-width="3"/>`,
    );
    const rightFormat = f.right.formatY;
    const rightTicks = tickSize(ts2.map(rightFormat), WIDTH - layout.right - 10 - TICK_MARGIN);
    for (const t of ts2) parts.push(text(layout.right + 10, layout.y2(t) + 10, rightFormat(t), { size: rightTicks, cls: 'tick y2-tick' }));
    parts.push(text(WIDTH - 30, AXIS_LABEL_Y, f.right.label, { anchor: 'end', cls: 'axis-label y2-label' }));
  }
  const every = labelStep(f.categories, band);
  f.categories.forEach((c, i) => {
    if (i % every !== 0) return;
    parts.push(text(layout.x(i) + band / 2, layout.bottom + 34, c, { size: 24, anchor: 'middle', cls: 'tick x-tick' }));
  });
  parts.push(text(PLOT.left + plotW / 2, layout.bottom + 78, f.xAxis, { anchor: 'middle', cls: 'axis-label x-label' }));
  parts.push(text(30, AXIS_LABEL_Y, f.yAxis, { cls: 'axis-label y-label' }));
  for (const { item, x, row } of placed) {
    const y = HEIGHT - 50 + row * LEGEND_ROW;
    parts.push(
      `<g class="legend-item">${swatch(item, x, y)}${text(x + 36, y + 25, item.label, { size: LEGEND_SIZE, cls: 'legend-label' })}</g>`,
    );
  }
  return { parts, layout };
}

export function svgDocument(parts: string[], height = HEIGHT): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT_FAMILY}">${parts.join('')}</svg>`;
}
