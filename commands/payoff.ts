import type { Command, CommandContext, Reply } from '../src/core/types.ts';
import { payoffOf } from '../src/services/payoff.ts';
import { date, money } from './shared/loan-text.ts';
import { pickLoan } from './shared/pick-loan.ts';

function quote(ctx: CommandContext, loanId: number): Reply[] {
  const found = payoffOf(ctx.services.db, ctx.user.id, loanId, ctx.today);
  if (!found) return [{ text: ctx.t('error-stale-button') }];
  const { loan, quote: q, penalty, total } = found;
  if (total.lte(0)) return [{ text: ctx.t('paid-nothing-owed', { name: loan.name }) }];
  const lines = [ctx.t('payoff-header', { name: loan.name, date: date(ctx, ctx.today), amount: money(ctx, total) })];
  if (q.overdue.gt(0)) lines.push(ctx.t('payoff-overdue', { amount: money(ctx, q.overdue) }));
  if (q.dueToday.gt(0)) lines.push(ctx.t('payoff-due-today', { amount: money(ctx, q.dueToday) }));
  if (q.principal.gt(0)) lines.push(ctx.t('payoff-principal', { amount: money(ctx, q.principal) }));
  if (q.accruedInterest.gt(0)) lines.push(ctx.t('payoff-interest', { amount: money(ctx, q.accruedInterest) }));
  if (q.fees.gt(0)) lines.push(ctx.t('payoff-fees', { amount: money(ctx, q.fees) }));
  if (penalty.gt(0)) lines.push(ctx.t('payoff-penalty', { amount: money(ctx, penalty) }));
  lines.push('', ctx.t('payoff-saved', { scheduled: money(ctx, q.remainingScheduled), saved: money(ctx, q.saved) }), ctx.t('payoff-check'));
  return [{ text: lines.join('\n') }];
}

export const payoffCommand: Command = {
  name: 'payoff',
  descriptionKey: 'command-payoff',
  run(ctx, args) {
    const picked = pickLoan(ctx, args, 'payoff');
    return 'replies' in picked ? picked.replies : quote(ctx, picked.loan.loan.id);
  },
  onCallback: (ctx, [loanId = '']) => quote(ctx, Number(loanId)),
};
