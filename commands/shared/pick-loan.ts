import type { Button, CommandContext, Reply } from '../../src/core/types.ts';
import { readLoanReference, wordsOf } from '../../src/parse/loan-reference.ts';
import type { LoanOverview } from '../../src/services/loans.ts';

/** The button that picks this loan for a command. */
export type LoanButton = (loanId: number, label: string) => Button;

/** "Which loan?" with one button per loan, numbered as /loans numbers them; `lead` comes first. */
export function loanQuestion(ctx: CommandContext, loans: LoanOverview[], button: LoanButton, lead: Reply[] = []): Reply[] {
  return [...lead, { text: ctx.t('pick-loan'), buttons: loans.map((entry, i) => [button(entry.loan.id, `${i + 1}. ${entry.loan.name}`)]) }];
}

/** "There is no loan 9: you have 2 loans." */
export function noSuchLoan(ctx: CommandContext, number: number, count: number): string {
  return ctx.t('pick-loan-no-such', { number, count });
}

/**
 * Which loan a command is about: the one named by its number in /loans ("2", "#2") or by its
 * whole name (readLoanReference), else the only one, else a question with one button per loan.
 * A number that is no loan's is said so ("There is no loan 9") before the question. Buttons carry
 * the loan id; the handler that receives them looks the loan up again under the user's id.
 * /paid reads its own line (readPaidLine), where a bare number may be an amount.
 */
export function pickLoan(
  ctx: CommandContext,
  args: string,
  /** The button that picks this loan for the command. */
  button: LoanButton,
): { loan: LoanOverview; rest: string } | { replies: Reply[] } {
  const loans = ctx.services.loans.list();
  if (loans.length === 0) return { replies: [{ text: ctx.t('loans-empty') }] };
  const words = wordsOf(args);
  const reference = readLoanReference(
    words,
    loans.map((entry) => entry.loan.name),
  );
  if (reference?.kind === 'loan') return { loan: loans[reference.index] as LoanOverview, rest: words.slice(reference.words).join(' ') };
  if (reference?.kind === 'missing')
    return { replies: loanQuestion(ctx, loans, button, [{ text: noSuchLoan(ctx, reference.number, loans.length) }]) };
  if (loans.length === 1) return { loan: loans[0] as LoanOverview, rest: args };
  return { replies: loanQuestion(ctx, loans, button) };
}
