import { PALETTE, frame, rect, svgDocument } from './svg.ts';

/*
 * Two generic charts over plain numbers (callers convert Decimal money with toNumber() only for
 * placing; every label they show comes from their own formatY, e.g. src/i18n/format.ts).
 */

export interface StackedSeries {
  label: string;
  /** One value per category; missing or 0 draws nothing. */
  values: number[];
}

export interface ChartText {
  title: string;
  xAxis: string;
  yAxis: string;
  formatY: (v: number) => string;
}

/**
 * The categories to outline as the heaviest: at most `top` of them, each heavier than every one
 * left plain. A tie at the cut leaves the tied ones all plain — outlining two of four equal months
 * would say the other two are lighter — so equal totals everywhere (one loan's equal installments)
 * outline nothing. Compared in cents, as money is. Ascending indexes.
 */
export function heaviestIndexes(totals: readonly number[], top: number): number[] {
  const cents = totals.map((t) => (t > 0 ? Math.round(t * 100) : 0));
  const ranked = cents
    .map((c, i) => ({ c, i }))
    .filter((e) => e.c > 0)
    .sort((a, b) => b.c - a.c);
  let n = Math.min(top, ranked.length, cents.length - 1);
  // Move the cut up until it falls between two different totals (past the last one: above the zeros).
  while (n > 0 && (ranked[n]?.c ?? 0) === ranked[n - 1]?.c) n--;
  return ranked
    .slice(0, n)
    .map((e) => e.i)
    .sort((a, b) => a - b);
}

/** Bars per category stacked by series; the heaviest categories get a dark outline. */
export function stackedBarsChart(
  text: ChartText,
  categories: string[],
  series: StackedSeries[],
  opts: {
    /** Outline the heaviest categories, at most this many (see heaviestIndexes). */
    highlightTop?: number;
    /** Or exactly these categories (a caller that says in words which ones are outlined). */
    highlight?: number[];
    markers?: { index: number; cls: string; color: string }[];
  } = {},
): string {
  const totals = categories.map((_, i) => series.reduce((s, se) => s + (se.values[i] ?? 0), 0));
  const max = Math.max(0, ...totals);
  const legend = series.map((s, i) => ({ label: s.label, color: PALETTE[i % PALETTE.length] as string }));
  const { parts, layout } = frame({ ...text, categories, max, legend });
  const w = layout.band * 0.7;
  for (const m of opts.markers ?? []) {
    parts.push(rect(layout.x(m.index), layout.top, layout.band, layout.bottom - layout.top, m.color, `marker ${m.cls}`));
  }
  series.forEach((s, si) => {
    categories.forEach((_, i) => {
      const v = s.values[i] ?? 0;
      if (!(v > 0)) return;
      const below = series.slice(0, si).reduce((a, se) => a + (se.values[i] ?? 0), 0);
      const y1 = layout.y(below + v);
      parts.push(rect(layout.x(i) + (layout.band - w) / 2, y1, w, layout.y(below) - y1, legend[si]?.color ?? '#000', `bar series-${si}`));
    });
  });
  const heavy = opts.highlight ?? heaviestIndexes(totals, opts.highlightTop ?? 0);
  for (const i of heavy) {
    const t = totals[i] ?? 0;
    if (!(t > 0)) continue;
    const y = layout.y(t);
    parts.push(
      `<rect class="heavy" x="${(layout.x(i) + (layout.band - w) / 2).toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${(layout.bottom - y).toFixed(1)}" fill="none" stroke="#000" stroke-width="5"/>`,
    );
  }
  return svgDocument(parts, layout.height);
}

export interface LineSeries {
  label: string;
  /** One point per category index; null leaves a gap. */
  points: (number | null)[];
}

/** Dash patterns of the lines in order: lines that overlap (same payoff path) stay distinguishable. */
const LINE_DASHES = [undefined, '18 10', '4 8'];
/** Widths narrowing by series, so a line drawn over an identical one leaves the first one's edges visible. */
const LINE_WIDTHS = [11, 7, 4];

/** One polyline per series over shared categories; each series has its own colour, dash and width. */
export function multiLineChart(text: ChartText, categories: string[], series: LineSeries[]): string {
  const max = Math.max(0, ...series.flatMap((s) => s.points.map((p) => p ?? 0)));
  const legend = series.map((s, i) => ({
    label: s.label,
    color: PALETTE[i % PALETTE.length] as string,
    kind: 'line' as const,
    ...(LINE_DASHES[i % LINE_DASHES.length] && { dash: LINE_DASHES[i % LINE_DASHES.length] }),
  }));
  const { parts, layout } = frame({ ...text, categories, max, legend });
  series.forEach((s, si) => {
    const pts = s.points
      .map((p, i) => (p === null ? null : `${(layout.x(i) + layout.band / 2).toFixed(1)},${layout.y(p).toFixed(1)}`))
      .filter((p): p is string => p !== null);
    const dash = legend[si]?.dash ? ` stroke-dasharray="${legend[si]?.dash}"` : '';
    const width = LINE_WIDTHS[si % LINE_WIDTHS.length];
    parts.push(
      `<polyline class="line series-${si}" points="${pts.join(' ')}" fill="none" stroke="${legend[si]?.color}" stroke-width="${width}" stroke-linejoin="round"${dash}/>`,
    );
  });
  return svgDocument(parts, layout.height);
}
