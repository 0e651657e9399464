import { multiLineChart, renderPng } from '../src/charts/index.ts';
import type { Command, CommandContext, Reply, ReplyFile } from '../src/core/types.ts';
import { Decimal } from '../src/domain/money.ts';
import type { StrategyResult } from '../src/domain/debt-plan.ts';
import { formatMoney } from '../src/i18n/format.ts';
import { parseAmount } from '../src/parse/amount.ts';
import { planChartData } from '../src/services/chart-plan.ts';
import type { DebtPlan } from '../src/services/debt-plan.ts';
import { date, money } from './shared/loan-text.ts';

/**
 * The cap on the extra: 100 × the month's dues, or 1,000,000 if that is lower. Past that the
 * "plan" is paying everything off at once, and 1e12 is a typo, not a budget.
 */
const DUES_MULTIPLE = 100;
const CEILING = new Decimal(1_000_000);

/** Telegram's caption limit (UTF-16 units): a longer plan text goes first, the chart after it. */
const MAX_CAPTION = 1024;

/** The debt left month by month under each strategy, as one line each (src/services/chart-plan.ts). */
export function planChartSvg(ctx: Pick<CommandContext, 't' | 'locale'>, plan: Pick<DebtPlan, 'today' | 'strategies'>): string {
  const data = planChartData(plan);
  const month = new Intl.DateTimeFormat(ctx.locale, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  return multiLineChart(
    {
      title: ctx.t('plan-chart-title'),
      xAxis: ctx.t('plan-chart-axis-month'),
      yAxis: ctx.t('plan-chart-axis-debt'),
      formatY: (v) => formatMoney(ctx.locale, new Decimal(v)),
    },
    data.months.map((m) => month.format(new Date(`${m}T00:00:00Z`))),
    data.lines.map((line) => ({ label: ctx.t(`plan-chart-${line.strategy}`), points: line.remaining.map((v) => v.toNumber()) })),
  );
}

function planChart(ctx: CommandContext, plan: Pick<DebtPlan, 'today' | 'strategies'>): ReplyFile {
  return { kind: 'photo', filename: `plan-${plan.today}.png`, mime: 'image/png', content: renderPng(planChartSvg(ctx, plan)) };
}

function strategyLines(ctx: CommandContext, s: StrategyResult, withSaving: boolean): string[] {
  const lines = [
    ctx.t(`plan-strategy-${s.strategy}`),
    s.debtFree ? ctx.t('plan-debt-free', { date: date(ctx, s.debtFree), months: s.months }) : ctx.t('plan-beyond-horizon'),
    ctx.t('plan-totals', { interest: money(ctx, s.interest), fees: money(ctx, s.fees), total: money(ctx, s.totalPaid) }),
  ];
  if (withSaving) lines.push(ctx.t('plan-saving', { amount: money(ctx, s.saving) }));
  if (s.strategy !== 'schedule') lines.push(ctx.t('plan-order', { names: s.order.join(' → ') }));
  return lines;
}

export const planCommand: Command = {
  name: 'plan',
  descriptionKey: 'command-plan',
  run(ctx, args): Reply[] {
    const text = args.trim();
    let extra = new Decimal(0);
    if (text !== '') {
      const parsed = parseAmount(text);
      if (!parsed.ok || parsed.value.lte(0)) return [{ text: ctx.t('plan-bad-extra') }];
      extra = parsed.value;
    }
    const plan = ctx.services.plan.of(new Decimal(0));
    if (plan.loans === 0) return [{ text: ctx.t('plan-no-loans') }];
    const cap = Decimal.min(CEILING, plan.monthlyDues.times(DUES_MULTIPLE));
    if (extra.gt(cap)) return [{ text: ctx.t('plan-extra-too-large', { cap: money(ctx, cap) }) }];
    const chosen = extra.isZero() ? plan : ctx.services.plan.of(extra);
    const strategies = chosen.strategies;
    const header = extra.isZero()
      ? ctx.t('plan-header-no-extra', { loans: plan.loans })
      : ctx.t('plan-header', { loans: plan.loans, extra: money(ctx, extra) });
    const blocks = strategies.map((s) => strategyLines(ctx, s, !extra.isZero() && s.strategy !== 'schedule').join('\n'));
    const reply = [header, ...blocks, ctx.t('plan-rules')].join('\n\n');
    const file = planChart(ctx, chosen);
    return reply.length <= MAX_CAPTION ? [{ text: reply, file }] : [{ text: reply }, { text: ctx.t('plan-chart-caption'), file }];
  },
};
