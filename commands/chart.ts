import { Decimal } from 'decimal.js';
import { renderPng, stackedBarsChart } from '../src/charts/index.ts';
import { truncateGraphemes } from '../src/core/text-split.ts';
import type { Command, Reply } from '../src/core/types.ts';
import { formatMoney } from '../src/i18n/format.ts';

/*
 * /chart (issue 14): a picture of the next 12 months — the total due per month, stacked by loan,
 * the three heaviest months outlined. Overdue amounts count in the current month (they are due
 * now). Built on the calendar service's data, which reads only this user's open installments.
 */

const MONTHS = 12;
/** Legend names stay short enough for a 1200 px row; cut on graphemes so emoji stay whole. */
const NAME_MAX = 14;
/** More loans than colours would repeat colours: the smallest are merged into "other". */
const MAX_SERIES = 7;

function monthKeys(today: string): string[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 1;
  return Array.from({ length: MONTHS }, (_, i) => {
    const d = new Date(Date.UTC(y, m + i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

export const chartCommand: Command = {
  name: 'chart',
  descriptionKey: 'command-chart',
  run: (ctx) => {
    const data = ctx.services.calendar.data();
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
    if (byLoan.size === 0) return [{ text: ctx.t('chart-nothing') }];
    const rows = [...byLoan.values()].sort((a, b) =>
      b.sums.reduce((s, v) => s.plus(v), new Decimal(0)).cmp(a.sums.reduce((s, v) => s.plus(v), new Decimal(0))),
    );
    const kept = rows.slice(0, MAX_SERIES);
    const rest = rows.slice(MAX_SERIES);
    const series = kept.map((r) => ({ label: truncateGraphemes(r.name, NAME_MAX), values: r.sums.map((v) => v.toNumber()) }));
    if (rest.length > 0) {
      series.push({
        label: ctx.t('chart-other-loans', { count: rest.length }),
        values: keys.map((_, i) => rest.reduce((s, r) => s.plus(r.sums[i] ?? 0), new Decimal(0)).toNumber()),
      });
    }
    const monthName = new Intl.DateTimeFormat(ctx.locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
    const categories = keys.map((k) => monthName.format(new Date(`${k}-01T00:00:00Z`)));
    const svg = stackedBarsChart(
      {
        title: ctx.t('chart-all-title'),
        xAxis: ctx.t('chart-axis-month'),
        yAxis: ctx.t('chart-axis-due'),
        formatY: (v) => formatMoney(ctx.locale, new Decimal(v)),
      },
      categories,
      series,
      { highlightTop: 3 },
    );
    const total = rows.reduce((s, r) => r.sums.reduce((a, v) => a.plus(v), s), new Decimal(0));
    const reply: Reply = {
      text: ctx.t('chart-all-caption', { loans: byLoan.size, total: formatMoney(ctx.locale, total) }),
      file: { kind: 'photo', filename: `repayments-${ctx.today}.png`, mime: 'image/png', content: renderPng(svg) },
    };
    return [reply];
  },
};
