import type { Command } from '../src/core/types.ts';
import { date, daysLeftText, money } from './shared/loan-text.ts';

/** Everything overdue, with the borrower's own numbers and what happens next, and when. */
export const statusCommand: Command = {
  name: 'status',
  descriptionKey: 'command-status',
  run(ctx) {
    const overdue = ctx.services.overdue.list();
    if (overdue.length === 0) {
      const next = ctx.services.loans.nextDue();
      const text = next
        ? ctx.t('status-clear-next', { date: date(ctx, next.date), when: daysLeftText(ctx, next.date), amount: money(ctx, next.total) })
        : ctx.t('status-clear');
      return [{ text }];
    }
    const blocks = overdue.map(({ loan, installments, totalOverdue, totalPenalty, totalLateFee }) => {
      const penalty = money(ctx, totalPenalty.plus(totalLateFee));
      const lines = [ctx.t('status-loan', { name: loan.name, amount: money(ctx, totalOverdue), penalty })];
      for (const item of installments) {
        lines.push(
          ctx.t('status-installment', {
            n: item.n,
            date: date(ctx, item.due),
            amount: money(ctx, item.open),
            days: item.daysPastDue,
            penalty: money(ctx, item.penalty.plus(item.lateFee)),
            stage: ctx.t(`stage-${item.stage}`),
          }),
        );
      }
      const worst = installments[0];
      if (worst?.inGrace) lines.push(ctx.t('status-in-grace'));
      if (worst?.nextStage) {
        lines.push(ctx.t('status-next-stage', { stage: ctx.t(`stage-${worst.nextStage.stage}`), date: date(ctx, worst.nextStage.from) }));
      }
      return lines.join('\n');
    });
    return [{ text: [ctx.t('status-header'), '', ...blocks, '', ctx.t('status-help'), ctx.t('status-check-contract')].join('\n') }];
  },
};
