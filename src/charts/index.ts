/*
 * Charts as pure SVG strings, rendered to PNG by renderPng (resvg, bundled Noto Sans SC font).
 * Usage: build ChartText {title, xAxis, yAxis, formatY} in the user's language (formatY turns a
 * plain number back into a localized label, e.g. via src/i18n/format.ts), pass category labels
 * (e.g. months) and plain series — stackedBarsChart(text, months, [{label, values}], {highlightTop: 3})
 * for amounts per month stacked by loan (the up-to-3 heaviest outlined, never one of a tie:
 * heaviestIndexes), multiLineChart(text, months, [{label, points}]) for balances per strategy,
 * loanChart(text, bars) for one loan (bars split into principal / interest / fees, the balance
 * line on its own axis, today, paid and overdue marked) — then renderPng(svg) gives
 * the bytes for a { kind: 'photo' } reply file. Numbers here only place marks; keep money as
 * Decimal elsewhere. Series get Okabe-Ito colours in order.
 */
export {
  type ChartText,
  heaviestIndexes,
  type LineSeries,
  multiLineChart,
  type StackedSeries,
  stackedBarsChart,
} from './generic.ts';
export { LOAN_COLORS, type LoanChartBars, type LoanChartText, loanChart } from './loan.ts';
export { renderPng } from './render.ts';
export { PALETTE } from './svg.ts';
