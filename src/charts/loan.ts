import { type LegendItem, PALETTE, frame, rect, svgDocument, text } from './svg.ts';

/*
 * One loan's picture: each installment (or each year of a long loan) as a bar split into
 * principal / interest / fees on the right axis, the balance left after it as a line on the left
 * axis (the two differ tenfold and more, so they get their own scales), today as a dashed vertical
 * line, paid bars paler and overdue bars outlined with a dashed vermillion frame. Plain numbers
 * only place marks; every label comes from the caller (localized, money via formatMoney).
 */

export interface LoanChartText {
  title: string;
  xAxis: string;
  /** The left axis: the balance line. */
  balanceAxis: string;
  /** The right axis: the bars. */
  barsAxis: string;
  formatY: (v: number) => string;
  legend: { principal: string; interest: string; fees: string; balance: string; paid: string; overdue: string; today: string };
}

export interface LoanChartBars {
  categories: string[];
  principal: number[];
  interest: number[];
  fees: number[];
  /** Balance left after each category; `start` is the balance before the first. */
  balance: number[];
  start: number;
  paid: boolean[];
  overdue: boolean[];
  /** Where today falls, in bands from the left edge (category i spans [i, i + 1)); undefined: not drawn. */
  todayAt?: number;
}

export const LOAN_COLORS = {
  principal: PALETTE[0] as string,
  interest: PALETTE[1] as string,
  fees: PALETTE[4] as string,
  overdue: PALETTE[3] as string,
  today: PALETTE[2] as string,
  balance: PALETTE[7] as string,
};

const OVERDUE_DASH = '10 6';
const TODAY_DASH = '14 8';
const PAID_OPACITY = 0.35;

export function loanChart(t: LoanChartText, d: LoanChartBars): string {
  const n = d.categories.length;
  const parts3 = (['principal', 'interest', 'fees'] as const).filter((k) => d[k].some((v) => v > 0));
  const totals = d.categories.map((_, i) => parts3.reduce((s, k) => s + (d[k][i] ?? 0), 0));
  const legend: LegendItem[] = [
    ...parts3.map((k) => ({ label: t.legend[k], color: LOAN_COLORS[k] })),
    { label: t.legend.balance, color: LOAN_COLORS.balance, kind: 'line' },
  ];
  if (d.paid.some(Boolean)) legend.push({ label: t.legend.paid, color: LOAN_COLORS.principal, opacity: PAID_OPACITY });
  if (d.overdue.some(Boolean)) legend.push({ label: t.legend.overdue, color: LOAN_COLORS.overdue, kind: 'outline', dash: OVERDUE_DASH });
  if (d.todayAt !== undefined) legend.push({ label: t.legend.today, color: LOAN_COLORS.today, kind: 'line', dash: TODAY_DASH });
  const { parts, layout } = frame({
    title: t.title,
    xAxis: t.xAxis,
    yAxis: t.balanceAxis,
    categories: d.categories,
    max: Math.max(d.start, ...d.balance),
    formatY: t.formatY,
    legend,
    right: { label: t.barsAxis, max: Math.max(0, ...totals), formatY: t.formatY },
  });
  // Thin bars for long loans still leave a gap: at least one pixel between neighbours.
  const w = Math.max(1, Math.min(layout.band * 0.7, layout.band - 1));
  for (let i = 0; i < n; i++) {
    let below = 0;
    const x = layout.x(i) + (layout.band - w) / 2;
    const opacity = d.paid[i] ? ` fill-opacity="${PAID_OPACITY}"` : '';
    for (const k of parts3) {
      const v = d[k][i] ?? 0;
      if (!(v > 0)) continue;
      const y1 = layout.y2(below + v);
      parts.push(
        rect(x, y1, w, layout.y2(below) - y1, LOAN_COLORS[k], `bar ${k}${d.paid[i] ? ' paid' : ''}`).replace('/>', `${opacity}/>`),
      );
      below += v;
    }
    if (d.overdue[i]) {
      const y = layout.y2(below);
      parts.push(
        `<rect class="overdue" x="${(x - 3).toFixed(1)}" y="${(y - 3).toFixed(1)}" width="${(w + 6).toFixed(1)}" height="${(layout.bottom - y + 3).toFixed(1)}" fill="none" stroke="${LOAN_COLORS.overdue}" stroke-width="5" stroke-dasharray="${OVERDUE_DASH}"/>`,
      );
    }
  }
  const points = [`${layout.left.toFixed(1)},${layout.y(d.start).toFixed(1)}`];
  d.balance.forEach((b, i) => {
    points.push(`${(layout.x(i) + layout.band / 2).toFixed(1)},${layout.y(b).toFixed(1)}`);
  });
  parts.push(
    `<polyline class="line balance" points="${points.join(' ')}" fill="none" stroke="${LOAN_COLORS.balance}" stroke-width="5" stroke-linejoin="round"/>`,
  );
  // Dots only while there is room for them.
  if (layout.band >= 14) {
    d.balance.forEach((b, i) => {
      parts.push(
        `<circle class="balance-point" cx="${(layout.x(i) + layout.band / 2).toFixed(1)}" cy="${layout.y(b).toFixed(1)}" r="5" fill="${LOAN_COLORS.balance}"/>`,
      );
    });
  }
  if (d.todayAt !== undefined) {
    const x = layout.left + layout.band * Math.min(Math.max(d.todayAt, 0), n);
    parts.push(
      `<line class="today" x1="${x.toFixed(1)}" y1="${layout.top - 4}" x2="${x.toFixed(1)}" y2="${layout.bottom}" stroke="${LOAN_COLORS.today}" stroke-width="4" stroke-dasharray="${TODAY_DASH}"/>`,
    );
    const lx = Math.min(Math.max(x, layout.left + 60), layout.right - 60);
    parts.push(text(lx, layout.top - 10, t.legend.today, { size: 22, anchor: 'middle', cls: 'today-label', fill: '#006B4F' }));
  }
  return svgDocument(parts, layout.height);
}
