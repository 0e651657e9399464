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

export function text(
  x: number,
  y: number,
  content: string,
  opts: { size?: number; anchor?: string; cls?: string; fill?: string } = {},
): string {
  const size = opts.size ?? FONT;
  const cls = opts.cls ? ` class="${opts.cls}"` : '';
  return `<text${cls} x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${size}" text-anchor="${opts.anchor ?? 'start'}" fill="${opts.fill ?? '#222'}">${escapeXml(content)}</text>`;
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

export interface Frame {
  title: string;
  xAxis: string;
  yAxis: string;
  /** Category labels under the x axis (months, periods). */
  categories: string[];
  /** Upper end of the y axis (a number only for placing: the labels come from formatY). */
  max: number;
  formatY: (v: number) => string;
  legend: { label: string; color: string }[];
}

export interface Layout {
  x: (index: number) => number;
  band: number;
  y: (value: number) => number;
  top: number;
  bottom: number;
}

/** Title, axes, ticks, category labels and legend; returns the parts and the coordinate mapping. */
export function frame(f: Frame): { parts: string[]; layout: Layout } {
  const n = Math.max(1, f.categories.length);
  const plotW = WIDTH - PLOT.left - PLOT.right;
  const plotH = HEIGHT - PLOT.top - PLOT.bottom;
  const ts = ticks(f.max);
  const top = ts[ts.length - 1] ?? 1;
  const band = plotW / n;
  const layout: Layout = {
    x: (i) => PLOT.left + band * i,
    band,
    y: (v) => PLOT.top + plotH - (plotH * v) / top,
    top: PLOT.top,
    bottom: PLOT.top + plotH,
  };
  const parts: string[] = [`<rect class="background" x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`];
  parts.push(text(WIDTH / 2, 60, f.title, { size: 40, anchor: 'middle', cls: 'title' }));
  parts.push(
    `<line class="axis x-axis" x1="${PLOT.left}" y1="${layout.bottom}" x2="${WIDTH - PLOT.right}" y2="${layout.bottom}" stroke="#222" stroke-width="3"/>`,
  );
  parts.push(
    `<line class="axis y-axis" x1="${PLOT.left}" y1="${PLOT.top}" x2="${PLOT.left}" y2="${layout.bottom}" stroke="#222" stroke-width="3"/>`,
  );
  for (const t of ts) {
    const y = layout.y(t);
    parts.push(
      `<line class="grid" x1="${PLOT.left}" y1="${y.toFixed(1)}" x2="${WIDTH - PLOT.right}" y2="${y.toFixed(1)}" stroke="#ddd" stroke-width="1"/>`,
    );
    parts.push(text(PLOT.left - 10, y + 10, f.formatY(t), { size: 24, anchor: 'end', cls: 'tick y-tick' }));
  }
  // At most ~12 labels so they never overlap at 30 px.
  const every = Math.ceil(n / 12);
  f.categories.forEach((c, i) => {
    if (i % every !== 0) return;
    parts.push(text(layout.x(i) + band / 2, layout.bottom + 34, c, { size: 24, anchor: 'middle', cls: 'tick x-tick' }));
  });
  parts.push(text(PLOT.left + plotW / 2, layout.bottom + 78, f.xAxis, { anchor: 'middle', cls: 'axis-label x-label' }));
  parts.push(text(30, PLOT.top - 30, f.yAxis, { cls: 'axis-label y-label' }));
  let lx = PLOT.left;
  for (const item of f.legend) {
    parts.push(
      `<g class="legend-item">${rect(lx, HEIGHT - 50, 28, 28, item.color, 'legend-swatch')}${text(lx + 36, HEIGHT - 25, item.label, { size: 26, cls: 'legend-label' })}</g>`,
    );
    lx += 36 + Math.min(280, 20 + item.label.length * 26);
  }
  return { parts, layout };
}

export function svgDocument(parts: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="${FONT_FAMILY}">${parts.join('')}</svg>`;
}
