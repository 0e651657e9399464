import type { Command } from '../src/core/types.ts';
import { Decimal } from '../src/domain/money.ts';
import { formatPercent } from '../src/i18n/format.ts';
import { date, daysLeftText, methodName, money, rateText } from './shared/loan-text.ts';

export const loansCommand: Command = {
  name: 'loans',
  descriptionKey: 'command-loans',
  run: (ctx) => {
    const loans = ctx.services.loans.list();
    if (loans.length === 0) return [{ text: ctx.t('loans-empty') }];
    const blocks = loans.map(({ loan, remainingPrincipal, next, apr }, index) =>
      [
        ctx.t('loans-item-title', { index: index + 1, name: loan.name }),
        ctx.t('loans-item-terms', {
          principal: money(ctx, new Decimal(loan.principal)),
          method: methodName(ctx, loan.method),
          rate: rateText(ctx, new Decimal(loan.ratePercent), loan.rateUnit),
          periods: loan.periods,
        }),
        ctx.t('loans-item-remaining', { remaining: money(ctx, remainingPrincipal), apr: formatPercent(ctx.locale, apr, 2) }),
        next
          ? ctx.t('loans-item-next', {
              date: date(ctx, next.due),
              amount: money(ctx, next.amount),
              n: next.n,
              periods: next.periods,
              when: daysLeftText(ctx, next.due),
            })
          : ctx.t('loans-item-paid-off'),
      ].join('\n'),
    );
    return [{ text: `${ctx.t('loans-header', { count: loans.length })}\n\n${blocks.join('\n\n')}` }];
  },
};
