import type { CommandContext, Reply } from '../../src/core/types.ts';
import type { LoanOverview } from '../../src/services/loans.ts';

/**
 * Which loan a command is about: the only one, the one named by its number in /loans or by
 * (part of) its name, or else a question with one button per loan. Buttons carry the loan id;
 * the handler that receives them looks the loan up again under the user's id.
 */
export function pickLoan(
  ctx: CommandContext,
  args: string,
  callbackPrefix: string,
  /** Carried in each button after the loan id (e.g. the amount typed after /paid), when it fits. */
  carry = '',
): { loan: LoanOverview; rest: string } | { replies: Reply[] } {
  const loans = ctx.services.loans.list();
  if (loans.length === 0) return { replies: [{ text: ctx.t('loans-empty') }] };
  const [first = '', ...others] = args.split(/\s+/).filter(Boolean);
  const index = /^#?\d{1,3}$/.test(first) ? Number(first.replace('#', '')) : NaN;
  if (loans.length > 1 && index >= 1 && index <= loans.length) {
    return { loan: loans[index - 1] as LoanOverview, rest: others.join(' ') };
  }
  if (first) {
    const byName = loans.filter((entry) => entry.loan.name.toLowerCase() === first.toLowerCase());
    if (byName.length === 1) return { loan: byName[0] as LoanOverview, rest: others.join(' ') };
  }
  if (loans.length === 1) return { loan: loans[0] as LoanOverview, rest: args };
  return {
    replies: [
      {
        text: ctx.t('pick-loan'),
        buttons: loans.map((entry, i) => {
          const data = `${callbackPrefix}:${entry.loan.id}`;
          const withCarry = carry ? `${data}:${encodeURIComponent(carry)}` : data;
          // Telegram limits button data to 64 bytes; without the extra the user types it again.
          return [{ label: `${i + 1}. ${entry.loan.name}`, data: Buffer.byteLength(withCarry) <= 64 ? withCarry : data }];
        }),
      },
    ],
  };
}
