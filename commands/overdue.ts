import type { Command, CommandContext, Reply } from '../src/core/types.ts';
import { addDays } from '../src/domain/calendar.ts';
import { sumMoney } from '../src/domain/money.ts';
import type { OverdueStage } from '../src/domain/overdue.ts';
import { overdueOfLedger } from '../src/services/overdue.ts';
import { openTimelines, penaltyIfPaidOn, stageFrom, type InstallmentTimeline } from './shared/overdue-timeline.ts';
import { date, daysLeftText, money } from './shared/loan-text.ts';

/*
 * /overdue: what happens when a payment is missed, as a timeline on one screen. Without loans it
 * gives the typical steps; with loans, each loan's own dates (overdueStanding's stages for its
 * overdue or next-due installment) and what paying on each date would cost.
 */

/** At most this many loans on the screen: one Telegram message. */
const MAX_LOANS = 6;

const TYPICAL_STEPS = ['due', 'grace', 'penalty', 'reported', 'collection', 'legal'] as const;

function typical(ctx: CommandContext): Reply[] {
  const lines = [
    ctx.t('overdue-typical-header'),
    ...TYPICAL_STEPS.map((step) => ctx.t(`overdue-typical-${step}`)),
    '',
    ctx.t('overdue-typical-next'),
  ];
  return [{ text: lines.join('\n') }];
}

function stageLabel(ctx: CommandContext, stage: OverdueStage): string {
  return stage === 'overdue' ? ctx.t('overdue-stage-penalty') : ctx.t(`stage-${stage}`);
}

/** One loan's dated timeline: the due day, grace, then each later stage with the penalty by then. */
export function timelineLines(ctx: CommandContext, timeline: InstallmentTimeline): string[] {
  const { entry, standing, today } = timeline;
  const lines = [ctx.t('overdue-line-due', { date: date(ctx, entry.due) })];
  const graceFrom = stageFrom(timeline, 'grace');
  const overdueFrom = stageFrom(timeline, 'overdue');
  if (graceFrom && overdueFrom && graceFrom < overdueFrom) {
    lines.push(ctx.t('overdue-line-grace', { from: date(ctx, graceFrom), to: date(ctx, addDays(overdueFrom, -1)) }));
  }
  // Stages that start on the same day share a line (bank-cn reports the day grace ends).
  const byDay = new Map<string, OverdueStage[]>();
  for (const { stage, from } of standing.stages) {
    if (stage === 'grace') continue;
    byDay.set(from, [...(byDay.get(from) ?? []), stage]);
  }
  for (const [from, stages] of byDay) {
    const labels = stages.map((stage) => stageLabel(ctx, stage)).join(ctx.t('overdue-stage-separator'));
    lines.push(
      from > today
        ? ctx.t('overdue-line-stage-penalty', {
            date: date(ctx, from),
            stages: labels,
            penalty: money(ctx, penaltyIfPaidOn(timeline, from)),
          })
        : ctx.t('overdue-line-stage', { date: date(ctx, from), stages: labels }),
    );
  }
  return lines;
}

function loanBlock(ctx: CommandContext, timeline: InstallmentTimeline, alsoOverdue: { count: number; amount: string } | undefined): string {
  const { overview, entry, standing } = timeline;
  const lines = [
    ctx.t('overdue-installment', {
      name: overview.loan.name,
      n: entry.n,
      periods: overview.loan.periods,
      date: date(ctx, entry.due),
      amount: money(ctx, entry.open.total),
    }),
    ...timelineLines(ctx, timeline),
  ];
  if (standing.daysPastDue > 0) {
    lines.push(
      ctx.t('overdue-today-late', {
        days: standing.daysPastDue,
        penalty: money(ctx, entry.penaltyOwed.plus(entry.lateFeeOwed)),
        owed: money(ctx, entry.owed),
        stage: ctx.t(`stage-${standing.stage}`),
      }),
    );
  } else {
    lines.push(ctx.t('overdue-today-ahead', { when: daysLeftText(ctx, entry.due) }));
  }
  if (alsoOverdue) lines.push(ctx.t('overdue-also', alsoOverdue));
  return lines.join('\n');
}

export const overdueCommand: Command = {
  name: 'overdue',
  descriptionKey: 'command-overdue',
  run(ctx) {
    const timelines = openTimelines(ctx.services.loans.list());
    if (timelines.length === 0) return typical(ctx);
    const blocks = timelines.slice(0, MAX_LOANS).map((timeline) => {
      // The loan's other overdue installments, from the ledger already read (what services.overdue.list() would read again).
      const { loan, ledger } = timeline.overview;
      const others = overdueOfLedger(loan, ledger).filter((item) => item.n !== timeline.entry.n);
      const also = others.length > 0 ? { count: others.length, amount: money(ctx, sumMoney(others.map((item) => item.open))) } : undefined;
      return loanBlock(ctx, timeline, also);
    });
    const lines = [ctx.t('overdue-header'), '', blocks.join('\n\n')];
    if (timelines.length > MAX_LOANS) lines.push('', ctx.t('overdue-more-loans', { count: timelines.length - MAX_LOANS }));
    lines.push('', ctx.t('overdue-footer'), ctx.t('status-check-contract'));
    return [{ text: lines.join('\n') }];
  },
};
