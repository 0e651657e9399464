import type { Command, CommandContext, Reply } from '../src/core/types.ts';
import { Decimal } from '../src/domain/money.ts';
import { date, money } from './shared/loan-text.ts';

/** Undo asks first, naming the payment: the button carries its id, so only that payment can go. */
function ask(ctx: CommandContext): Reply[] {
  const last = ctx.services.payments.last();
  if (!last) return [{ text: ctx.t('undo-nothing') }];
  if (last.source === 'payoff') return [{ text: ctx.t('undo-payoff', { name: last.loanName }) }];
  return [
    {
      text: ctx.t('undo-confirm', { amount: money(ctx, new Decimal(last.amount)), name: last.loanName, date: date(ctx, last.paidOn) }),
      buttons: [
        [
          { label: ctx.t('button-undo-payment'), data: `undo:payment:${last.id}` },
          { label: ctx.t('button-keep'), data: 'undo:keep' },
        ],
      ],
    },
  ];
}

export const undoCommand: Command = {
  name: 'undo',
  descriptionKey: 'command-undo',
  run: ask,
  onCallback(ctx, [action = '', id = '']) {
    if (action === 'ask') return ask(ctx);
    if (action === 'keep') return [{ text: ctx.t('undo-kept') }];
    const undone = action === 'payment' ? ctx.services.payments.undo(Number(id), ctx.now) : undefined;
    if (!undone) return [{ text: ctx.t('error-stale-button') }];
    return [{ text: ctx.t('undo-done', { amount: money(ctx, new Decimal(undone.amount)), name: undone.loanName }) }];
  },
};
