import type { CommandContext, Reply } from '../../src/core/types.ts';

/** The loan an open /addloan form is editing (its draft has the loan's id), if it is an edit. */
function editedLoanName(ctx: CommandContext, data: Record<string, unknown>): string | undefined {
  const loanId = data.loanId;
  if (typeof loanId !== 'number') return undefined;
  return ctx.services.loans.overview(loanId)?.loan.name;
}

/**
 * One long form at a time: starting another (a hardship request in the middle of /addloan) would
 * throw away what the borrower already typed, so it is refused with a pointer to finish or
 * /cancel, naming the form that is open: adding a loan, editing "car" (/editloan uses the /addloan
 * form with the loan's id in it), or another form by its name. `sameForm` may replace itself (a
 * new /addloan restarts /addloan), but not an edit: a new loan started over a half-done edit
 * would drop the changes typed for that loan. Quick forms (/paid, a setting) never wait: they
 * open in front of the long form.
 */
export function formInTheWay(ctx: CommandContext, starting: string, sameForm: boolean): Reply[] | undefined {
  const open = openLongForm(ctx);
  if (!open || (sameForm && open.form === starting && open.editing === undefined)) return undefined;
  return [{ text: ctx.t('form-in-the-way', { form: open.name }) }];
}

/** The open long form, the loan it edits if it is an edit, and its name as the borrower knows it. */
function openLongForm(ctx: CommandContext): { form: string; editing: string | undefined; name: string } | undefined {
  const open = ctx.services.forms.find('long');
  if (!open) return undefined;
  const editing = open.form === 'addloan' ? editedLoanName(ctx, open.data) : undefined;
  const name = editing !== undefined ? ctx.t('form-name-editing', { name: editing }) : ctx.t(`form-name-${open.form}`);
  return { form: open.form, editing, name };
}

/** The open long form as the borrower knows it: "editing car" for an edit, else "adding a loan" etc. */
export function openLongFormName(ctx: CommandContext): string | undefined {
  return openLongForm(ctx)?.name;
}
