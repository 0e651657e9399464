import type { Button, Command, CommandContext, Reply } from '../src/core/types.ts';
import { Decimal, ZERO } from '../src/domain/money.ts';
import { onPress, replacingPressed } from '../src/core/buttons.ts';
import { scheduleButton } from '../src/core/shared-buttons.ts';
import { pickLoan } from './shared/pick-loan.ts';
import { date, money } from './shared/loan-text.ts';

/** Rows per page: a year of monthly installments, well under Telegram's 4096 characters. */
export const SCHEDULE_PAGE_SIZE = 12;

/** The page of the schedule; undefined when the loan is not the user's (any more). */
function show(ctx: CommandContext, loanId: number, requestedPage?: number): Reply[] | undefined {
  const found = ctx.services.loans.overview(loanId);
  if (!found) return undefined;
  const { loan, rows, next, ledger } = found;
  // What each installment owes comes from the loan's ledger, penalty included: the figure /status and /paid show.
  const owedOf = new Map(ledger.installments.map((entry) => [entry.n, entry]));
  const pages = Math.max(1, Math.ceil(rows.length / SCHEDULE_PAGE_SIZE));
  // Open on the page with the installment that matters now.
  const currentIndex = next ? rows.findIndex((row) => row.n === next.n) : rows.length - 1;
  const page = Math.min(Math.max(requestedPage ?? Math.floor(Math.max(currentIndex, 0) / SCHEDULE_PAGE_SIZE), 0), pages - 1);
  const slice = rows.slice(page * SCHEDULE_PAGE_SIZE, (page + 1) * SCHEDULE_PAGE_SIZE);
  let balance = new Decimal(loan.principal);
  for (const row of rows.slice(0, page * SCHEDULE_PAGE_SIZE)) balance = balance.minus(row.principal);
  const lines = slice.map((row) => {
    balance = balance.minus(row.principal);
    const entry = owedOf.get(row.n);
    const open = entry?.open.total ?? ZERO;
    const penalty = entry ? entry.penaltyOwed.plus(entry.lateFeeOwed) : ZERO;
    const owed = open.plus(penalty);
    const overdue = owed.gt(0) && (entry?.daysPastDue ?? 0) > 0;
    const mark = owed.lte(0) ? '✓' : overdue ? '⚠️' : row.n === next?.n ? '▶' : '·';
    const parts = [ctx.t('part-principal', { amount: money(ctx, new Decimal(row.principal)) })];
    if (!new Decimal(row.interest).isZero()) parts.push(ctx.t('part-interest', { amount: money(ctx, new Decimal(row.interest)) }));
    if (!new Decimal(row.fee).isZero()) parts.push(ctx.t('part-fee', { amount: money(ctx, new Decimal(row.fee)) }));
    let line = ctx.t('schedule-row', {
      mark,
      n: row.n,
      date: row.dueDate,
      payment: money(ctx, new Decimal(row.payment)),
      parts: parts.join(ctx.t('list-separator')),
      balance: money(ctx, balance),
    });
    if (open.gt(0) && !new Decimal(row.paid).isZero()) line += `\n   ${ctx.t('schedule-partly-paid', { open: money(ctx, open) })}`;
    if (penalty.gt(0)) line += `\n   ${ctx.t('schedule-penalty-owed', { amount: money(ctx, penalty) })}`;
    return line;
  });
  const header = ctx.t('schedule-header', { name: loan.name, page: page + 1, pages });
  const nav: Button[] = [];
  if (page > 0) nav.push(scheduleButton.make(ctx.t('button-previous'), { loanId: loan.id, page: page - 1 }));
  if (page < pages - 1) nav.push(scheduleButton.make(ctx.t('button-next'), { loanId: loan.id, page: page + 1 }));
  // A table: Telegram shows it in a fixed-width font (Reply.monospace), so its columns line up.
  const reply: Reply = { text: [header, '', ...lines, '', ctx.t('schedule-legend')].join('\n'), monospace: true };
  if (nav.length > 0) reply.buttons = [nav];
  if (next) reply.text += `\n${ctx.t('schedule-next', { date: date(ctx, next.due), amount: money(ctx, next.amount) })}`;
  return [reply];
}

export const scheduleCommand: Command = {
  name: 'schedule',
  descriptionKey: 'command-schedule',
  run(ctx, args) {
    const picked = pickLoan(ctx, args, (loanId, label) => scheduleButton.make(label, { loanId, page: undefined }));
    return 'replies' in picked ? picked.replies : (show(ctx, picked.loan.loan.id) ?? []);
  },
  // The next page replaces the one on screen; the first page (picked from a list) does too.
  buttons: [onPress(scheduleButton, (ctx, { loanId, page }) => replacingPressed(show(ctx, loanId, page)))],
};
