import { buttonType, id, onPress } from '../src/core/buttons.ts';
import type { Command, CommandContext, Reply } from '../src/core/types.ts';
import { draftFromRow } from '../src/services/loan-shapes.ts';
import { startLoanForm } from './addloan.ts';
import { formInTheWay } from './shared/form-in-the-way.ts';
import { pickLoan } from './shared/pick-loan.ts';

/** Opens the /addloan card with the loan's current terms; Save rebuilds its schedule and keeps its payments. */
function edit(ctx: CommandContext, loanId: number): Reply[] | undefined {
  // Editing uses the /addloan form, so even a half-entered new loan is in the way.
  const busy = formInTheWay(ctx, 'addloan', false);
  if (busy) return busy;
  const found = ctx.services.loans.overview(loanId);
  if (!found) return undefined;
  return startLoanForm(ctx, draftFromRow(found.loan), []);
}

const editButton = buttonType<{ loanId: number }>('editloan', { loanId: id });

export const editLoanCommand: Command = {
  name: 'editloan',
  descriptionKey: 'command-editloan',
  run(ctx, args) {
    const picked = pickLoan(ctx, args, (loanId, label) => editButton.make(label, { loanId }));
    return 'replies' in picked ? picked.replies : (edit(ctx, picked.loan.loan.id) ?? []);
  },
  buttons: [onPress(editButton, (ctx, { loanId }) => edit(ctx, loanId))],
};
