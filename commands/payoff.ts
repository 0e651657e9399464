import { buttonType, id, literal, moneyText, onPress } from '../src/core/buttons.ts';
import type { Command, CommandContext, Reply } from '../src/core/types.ts';
import { Decimal } from '../src/domain/money.ts';
import { date, money } from './shared/loan-text.ts';
import { pickLoan } from './shared/pick-loan.ts';

const quoteButton = buttonType<{ loanId: number }>('payoff', { loanId: id });
/** Carries the figure shown, so pressing it tomorrow cannot record a stale amount. */
const settleButton = buttonType<{ action: 'settle'; loanId: number; amount: string }>('payoff', {
  action: literal('settle'),
  loanId: id,
  amount: moneyText,
});

function quote(ctx: CommandContext, loanId: number): Reply[] | undefined {
  const found = ctx.services.payoff.quote(loanId);
  if (!found) return undefined;
  const { loan, quote: q, penalty, total, keepingSchedule, saved, today } = found;
  if (total.lte(0)) return [{ text: ctx.t('paid-nothing-owed', { name: loan.name }) }];
  const lines = [ctx.t('payoff-header', { name: loan.name, date: date(ctx, today), amount: money(ctx, total) })];
  if (q.overdue.gt(0)) lines.push(ctx.t('payoff-overdue', { amount: money(ctx, q.overdue) }));
  if (q.dueToday.gt(0)) lines.push(ctx.t('payoff-due-today', { amount: money(ctx, q.dueToday) }));
  if (q.principal.gt(0)) lines.push(ctx.t('payoff-principal', { amount: money(ctx, q.principal) }));
  if (q.accruedInterest.gt(0)) lines.push(ctx.t('payoff-interest', { amount: money(ctx, q.accruedInterest) }));
  if (q.fees.gt(0)) lines.push(ctx.t('payoff-fees', { amount: money(ctx, q.fees) }));
  if (penalty.gt(0)) lines.push(ctx.t('payoff-penalty', { amount: money(ctx, penalty) }));
  lines.push(
    '',
    ctx.t(penalty.gt(0) ? 'payoff-saved-with-penalty' : 'payoff-saved', {
      scheduled: money(ctx, keepingSchedule),
      saved: money(ctx, saved),
    }),
    ctx.t('payoff-check'),
  );
  const settleNow = settleButton.make(ctx.t('button-payoff-paid'), { action: 'settle', loanId: loan.id, amount: total.toFixed(2) });
  return [{ text: lines.join('\n'), buttons: [[settleNow]] }];
}

function settle(ctx: CommandContext, loanId: number, amount: string): Reply[] | undefined {
  const result = ctx.services.payoff.settle(loanId, new Decimal(amount));
  if (result.ok) return [{ text: ctx.t('payoff-settled', { amount: money(ctx, result.amount), name: result.name }) }];
  if (result.reason === 'quote-changed') return [{ text: ctx.t('payoff-quote-changed') }, ...(quote(ctx, loanId) ?? [])];
  return undefined;
}

export const payoffCommand: Command = {
  name: 'payoff',
  descriptionKey: 'command-payoff',
  run(ctx, args) {
    const picked = pickLoan(ctx, args, (loanId, label) => quoteButton.make(label, { loanId }));
    return 'replies' in picked ? picked.replies : (quote(ctx, picked.loan.loan.id) ?? []);
  },
  buttons: [
    onPress(quoteButton, (ctx, { loanId }) => quote(ctx, loanId)),
    onPress(settleButton, (ctx, { loanId, amount }) => settle(ctx, loanId, amount)),
  ],
};
