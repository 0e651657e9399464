import { Decimal } from 'decimal.js';
import { heaviestIndexes, loanChart, renderPng, stackedBarsChart } from '../src/charts/index.ts';
import { buttonType, id, onPress } from '../src/core/buttons.ts';
import { truncateGraphemes } from '../src/core/text-split.ts';
import type { Command, CommandContext, Reply } from '../src/core/types.ts';
import { formatMoney } from '../src/i18n/format.ts';
import { readLoanReference, wordsOf } from '../src/parse/loan-reference.ts';
import type { CalendarData } from '../src/services/calendar.ts';
import { type LoanChartData, loanChartData } from '../src/services/chart-loan.ts';
import { loanQuestion, noSuchLoan } from './shared/pick-loan.ts';

/*
 * /chart <loan> (issue 14): one loan's picture — its balance line and each installment split into
 * principal / interest / fees, today and overdue installments marked (src/services/chart-loan.ts
 * shapes the data, src/charts/loan.ts draws it). The loan is picked as /schedule and /payoff pick
 * theirs (by its number in /loans or its whole name, among this user's loans only); a name that is
 * no loan's is said so, with the loans as buttons.
 *
 * /chart alone: a picture of the next 12 months — the total due per month, stacked by loan,
 * up to three heaviest months outlined (none of a tie, so not every month of equal installments). Overdue amounts count in the current month (they are due
 * now). Built on the calendar service's data, which reads only this user's open installments.
 */

const MONTHS = 12;
/** Legend names stay short enough for a 1200 px row; cut on graphemes so emoji stay whole. */
const NAME_MAX = 14;
/** More loans than colours would repeat colours: the smallest are merged into "other". */
const MAX_SERIES = 7;
/** At most this many months outlined as the heaviest. */
const HEAVIEST = 3;

function monthKeys(today: string): string[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 1;
  return Array.from({ length: MONTHS }, (_, i) => {
    const d = new Date(Date.UTC(y, m + i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

const chartButton = buttonType<{ loanId: number }>('chart', { loanId: id });
/** The loan's name in the title: the title line is 40 px on a 1200 px picture. */
const TITLE_NAME_MAX = 24;
/** What the user typed, echoed in "no loan called …". */
const ECHO_MAX = 40;

/** Month labels of consecutive dates: up to 12, the year only on the first and on each January ("Jan 27", "Feb" …). */
function monthLabels(ctx: Pick<CommandContext, 'locale'>, dates: string[]): string[] {
  const full = new Intl.DateTimeFormat(ctx.locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  const short = new Intl.DateTimeFormat(ctx.locale, { month: 'short', timeZone: 'UTC' });
  return dates.map((date, i) => {
    const day = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
    // With more than 12 not every label is shown: then each one says its year.
    return (dates.length > 12 || i === 0 || date.slice(5, 7) === '01' ? full : short).format(day);
  });
}

/** The SVG of one loan's chart in the reader's language (exported for the structural tests). */
export function loanChartSvg(ctx: Pick<CommandContext, 't' | 'locale'>, data: LoanChartData): string {
  const money = (v: Decimal) => formatMoney(ctx.locale, v);
  const yearly = data.grouping === 'year';
  return loanChart(
    {
      title: ctx.t('chart-loan-title', { name: truncateGraphemes(data.name, TITLE_NAME_MAX) }),
      xAxis: ctx.t(yearly ? 'chart-loan-axis-year' : 'chart-loan-axis-due'),
      balanceAxis: ctx.t('chart-loan-axis-balance'),
      barsAxis: ctx.t(yearly ? 'chart-loan-axis-per-year' : 'chart-loan-axis-installment'),
      formatY: (v) => money(new Decimal(v)),
      legend: {
        principal: ctx.t('chart-legend-principal'),
        interest: ctx.t('chart-legend-interest'),
        fees: ctx.t('chart-legend-fees'),
        balance: ctx.t('chart-legend-balance'),
        paid: ctx.t('chart-legend-paid'),
        overdue: ctx.t('chart-legend-overdue'),
        today: ctx.t('chart-legend-today'),
      },
    },
    {
      categories: yearly
        ? data.bars.map((b) => b.label)
        : monthLabels(
            ctx,
            data.bars.map((b) => b.from),
          ),
      principal: data.bars.map((b) => b.principal.toNumber()),
      interest: data.bars.map((b) => b.interest.toNumber()),
      fees: data.bars.map((b) => b.fees.toNumber()),
      balance: data.bars.map((b) => b.balanceAfter.toNumber()),
      start: data.start.toNumber(),
      paid: data.bars.map((b) => b.paid),
      overdue: data.bars.map((b) => b.overdue),
      todayAt: data.todayAt,
    },
  );
}

/** One loan's chart, or its "paid off" line; undefined when the loan is not the user's (any more). */
function loanReply(ctx: CommandContext, loanId: number): Reply[] | undefined {
  const overview = ctx.services.loans.overview(loanId);
  if (!overview) return undefined;
  const data = loanChartData(overview);
  if (data.settled || data.bars.length === 0) return [{ text: ctx.t('chart-loan-paid-off', { name: data.name }) }];
  const money = (v: Decimal) => formatMoney(ctx.locale, v);
  const yearly = data.grouping === 'year';
  const svg = loanChartSvg(ctx, data);
  const lines = [
    ctx.t('chart-loan-caption', {
      name: data.name,
      paid: data.paidCount,
      periods: data.periods,
      principal: money(data.remainingPrincipal),
      owed: money(data.owed),
    }),
  ];
  if (data.overdueCount > 0) lines.push(ctx.t('chart-loan-caption-overdue', { count: data.overdueCount }));
  if (yearly) lines.push(ctx.t('chart-loan-caption-yearly', { periods: data.periods }));
  return [
    {
      text: lines.join('\n'),
      file: { kind: 'photo', filename: `loan-${data.loanId}-${data.today}.png`, mime: 'image/png', content: renderPng(svg) },
    },
  ];
}

/** `/chart <loan>`: the loan by its number or whole name among the user's own, as pickLoan reads it. */
function namedLoan(ctx: CommandContext, args: string): Reply[] {
  const loans = ctx.services.loans.list();
  if (loans.length === 0) return [{ text: ctx.t('loans-empty') }];
  const button = (loanId: number, label: string) => chartButton.make(label, { loanId });
  const words = wordsOf(args);
  const reference = readLoanReference(
    words,
    loans.map((entry) => entry.loan.name),
  );
  if (reference?.kind === 'loan') return loanReply(ctx, loans[reference.index]?.loan.id ?? 0) ?? [];
  const lead =
    reference?.kind === 'missing'
      ? noSuchLoan(ctx, reference.number, loans.length)
      : ctx.t('chart-loan-unknown', { name: truncateGraphemes(words.join(' '), ECHO_MAX) });
  return loanQuestion(ctx, loans, button, [{ text: lead }]);
}

/** The all-loans picture: the SVG, how many loans it shows, their 12-month total, the months outlined. */
export interface AllLoansChart {
  svg: string;
  loans: number;
  total: Decimal;
  /** Indexes (0 = this month) of the months outlined as the heaviest. */
  heavy: number[];
}

/**
 * `/chart` alone, as an SVG in the reader's language (exported for the structural tests);
 * undefined when nothing is due in the 12 months.
 */
export function allLoansChart(
  ctx: Pick<CommandContext, 't' | 'locale' | 'today'>,
  data: Pick<CalendarData, 'installments'> | undefined,
): AllLoansChart | undefined {
  const keys = monthKeys(ctx.today);
  const byLoan = new Map<number, { name: string; sums: Decimal[] }>();
  for (const item of data?.installments ?? []) {
    const month = item.due.slice(0, 7);
    const index = month < (keys[0] ?? '') ? 0 : keys.indexOf(month);
    if (index < 0) continue;
    const row = byLoan.get(item.loanId) ?? { name: item.loanName, sums: keys.map(() => new Decimal(0)) };
    row.sums[index] = (row.sums[index] ?? new Decimal(0)).plus(item.amount);
    byLoan.set(item.loanId, row);
  }
  if (byLoan.size === 0) return undefined;
  const sum = (values: Decimal[]) => values.reduce((s, v) => s.plus(v), new Decimal(0));
  const rows = [...byLoan.values()].sort((a, b) => sum(b.sums).cmp(sum(a.sums)));
  const kept = rows.slice(0, MAX_SERIES);
  const rest = rows.slice(MAX_SERIES);
  const series = kept.map((r) => ({ label: truncateGraphemes(r.name, NAME_MAX), values: r.sums.map((v) => v.toNumber()) }));
  if (rest.length > 0) {
    series.push({
      label: ctx.t('chart-other-loans', { count: rest.length }),
      values: keys.map((_, i) => rest.reduce((s, r) => s.plus(r.sums[i] ?? 0), new Decimal(0)).toNumber()),
    });
  }
  // Month totals exactly (Decimal), so the outline and the caption agree on ties to the cent.
  const totals = keys.map((_, i) => sum(rows.map((r) => r.sums[i] ?? new Decimal(0))));
  const heavy = heaviestIndexes(
    totals.map((t) => t.toNumber()),
    HEAVIEST,
  );
  const svg = stackedBarsChart(
    {
      title: ctx.t('chart-all-title'),
      xAxis: ctx.t('chart-axis-month'),
      yAxis: ctx.t('chart-axis-due'),
      formatY: (v) => formatMoney(ctx.locale, new Decimal(v)),
    },
    monthLabels(ctx, keys),
    series,
    { highlight: heavy },
  );
  return { svg, loans: byLoan.size, total: sum(totals), heavy };
}

export const chartCommand: Command = {
  name: 'chart',
  descriptionKey: 'command-chart',
  buttons: [onPress(chartButton, (ctx, { loanId }) => loanReply(ctx, loanId))],
  run: (ctx, args) => {
    if (args.trim() !== '') return namedLoan(ctx, args);
    const chart = allLoansChart(ctx, ctx.services.calendar.data());
    if (!chart) return [{ text: ctx.t('chart-nothing') }];
    const caption = [ctx.t('chart-all-caption', { loans: chart.loans, total: formatMoney(ctx.locale, chart.total) })];
    if (chart.heavy.length > 0) caption.push(ctx.t('chart-all-caption-heavy', { count: chart.heavy.length }));
    const reply: Reply = {
      text: caption.join('\n'),
      file: { kind: 'photo', filename: `repayments-${ctx.today}.png`, mime: 'image/png', content: renderPng(chart.svg) },
    };
    return [reply];
  },
};
