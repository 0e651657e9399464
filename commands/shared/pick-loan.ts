import type { Button, CommandContext, Reply } from '../../src/core/types.ts';
import { parseLoanNumber } from '../../src/parse/loan-reference.ts';
import type { LoanOverview } from '../../src/services/loans.ts';

/**
 * Which loan a command is about: the only one, the one named by its number in /loans or by
 * (part of) its name, or else a question with one button per loan. Buttons carry the loan id;
 * the handler that receives them looks the loan up again under the user's id.
 */
export function pickLoan(
  ctx: CommandContext,
  args: string,
  /** The button that picks this loan for the command. */
  button: (loanId: number, label: string) => Button,
): { loan: LoanOverview; rest: string } | { replies: Reply[] } {
  const loans = ctx.services.loans.list();
  if (loans.length === 0) return { replies: [{ text: ctx.t('loans-empty') }] };
  const [first = '', ...others] = args.split(/\s+/).filter(Boolean);
  const index = parseLoanNumber(first);
  if (loans.length > 1 && index !== undefined && index >= 1 && index <= loans.length) {
    return { loan: loans[index - 1] as LoanOverview, rest: others.join(' ') };
  }
  if (first) {
    const byName = loans.filter((entry) => entry.loan.name.toLowerCase() === first.toLowerCase());
    if (byName.length === 1) return { loan: byName[0] as LoanOverview, rest: others.join(' ') };
  }
  if (loans.length === 1) return { loan: loans[0] as LoanOverview, rest: args };
  return {
    replies: [{ text: ctx.t('pick-loan'), buttons: loans.map((entry, i) => [button(entry.loan.id, `${i + 1}. ${entry.loan.name}`)]) }],
  };
}
