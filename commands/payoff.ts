import type { Command, CommandContext, Reply } from '../src/core/types.ts';
import { Decimal } from '../src/domain/money.ts';
import { wholeNumber } from './shared/callback-data.ts';
import { date, money } from './shared/loan-text.ts';
import { pickLoan } from './shared/pick-loan.ts';

function quote(ctx: CommandContext, loanId: number): Reply[] {
  const found = ctx.services.payoff.quote(loanId, ctx.today);
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
  // The button carries the figure shown, so pressing it tomorrow cannot record a stale amount.
  const settle = { label: ctx.t('button-payoff-paid'), data: `payoff:settle:${loan.id}:${total.toFixed(2)}` };
  return [{ text: lines.join('\n'), buttons: [[settle]] }];
}

function settle(ctx: CommandContext, loanId: number, amount: string): Reply[] {
  if (!/^\d+\.\d{2}$/.test(amount)) return [{ text: ctx.t('error-stale-button') }];
  const result = ctx.services.payoff.settle(loanId, ctx.today, ctx.now, new Decimal(amount));
  if (result.ok) return [{ text: ctx.t('payoff-settled', { amount: money(ctx, result.amount), name: result.name }) }];
  if (result.reason === 'quote-changed') return [{ text: ctx.t('payoff-quote-changed') }, ...quote(ctx, loanId)];
  return [{ text: ctx.t('error-stale-button') }];
}

export const payoffCommand: Command = {
  name: 'payoff',
  descriptionKey: 'command-payoff',
  run(ctx, args) {
    const picked = pickLoan(ctx, args, 'payoff');
    return 'replies' in picked ? picked.replies : quote(ctx, picked.loan.loan.id);
  },
  onCallback(ctx, [first = '', loanId, amount = '']) {
    if (first === 'settle') {
      const id = wholeNumber(loanId);
      return id === undefined ? [{ text: ctx.t('error-stale-button') }] : settle(ctx, id, amount);
    }
    const id = wholeNumber(first);
    return id === undefined ? [{ text: ctx.t('error-stale-button') }] : quote(ctx, id);
  },
};
