import type { Command, CommandContext, Reply } from '../src/core/types.ts';
import { pickLoan } from './shared/pick-loan.ts';

function ask(ctx: CommandContext, loanId: number): Reply[] {
  const found = ctx.services.loans.overview(loanId);
  if (!found) return [{ text: ctx.t('error-stale-button') }];
  return [
    {
      text: ctx.t('deleteloan-confirm', { name: found.loan.name, periods: found.loan.periods }),
      buttons: [
        [
          { label: ctx.t('button-delete'), data: `deleteloan:yes:${loanId}` },
          { label: ctx.t('button-keep'), data: 'deleteloan:keep' },
        ],
      ],
    },
  ];
}

export const deleteLoanCommand: Command = {
  name: 'deleteloan',
  descriptionKey: 'command-deleteloan',
  run(ctx, args) {
    const picked = pickLoan(ctx, args, 'deleteloan:pick');
    return 'replies' in picked ? picked.replies : ask(ctx, picked.loan.loan.id);
  },
  onCallback(ctx, [action = '', loanId = '']) {
    if (action === 'pick') return ask(ctx, Number(loanId));
    if (action === 'keep') return [{ text: ctx.t('deleteloan-kept') }];
    const name = ctx.services.loans.overview(Number(loanId))?.loan.name;
    if (action !== 'yes' || !name || !ctx.services.loans.remove(Number(loanId), ctx.now)) {
      return [{ text: ctx.t('error-stale-button') }];
    }
    return [{ text: ctx.t('deleteloan-done', { name }) }];
  },
};
