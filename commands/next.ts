import type { Command } from '../src/core/types.ts';
import { date, daysLeftText, money } from './shared/loan-text.ts';

export const nextCommand: Command = {
  name: 'next',
  descriptionKey: 'command-next',
  run: (ctx) => {
    const next = ctx.services.loans.nextDue();
    if (!next) return [{ text: ctx.t('next-nothing') }];
    const lines = [
      ctx.t('next-header', { date: date(ctx, next.date), when: daysLeftText(ctx, next.date) }),
      ...next.items.map((item) =>
        ctx.t('next-item', { name: item.loanName, amount: money(ctx, item.amount), n: item.n, periods: item.periods }),
      ),
      ctx.t('next-total', { total: money(ctx, next.total), count: next.items.length }),
    ];
    if (next.later.length > 0) {
      lines.push('', ctx.t('next-later-header'));
      for (const item of next.later) {
        lines.push(
          ctx.t('next-later-item', {
            name: item.loanName,
            amount: money(ctx, item.amount),
            date: date(ctx, item.due),
            when: daysLeftText(ctx, item.due),
          }),
        );
      }
    }
    return [{ text: lines.join('\n') }];
  },
};
