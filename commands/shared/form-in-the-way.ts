import type { CommandContext, Reply } from '../../src/core/types.ts';

/**
 * One long form at a time: starting another (a hardship request in the middle of /addloan) would
 * throw away what the borrower already typed, so it is refused with a pointer to finish or
 * /cancel. `sameForm` may replace itself (a new /addloan restarts /addloan). Quick forms (/paid,
 * a setting) never wait: they open in front of the long form.
 */
export function formInTheWay(ctx: CommandContext, starting: string, sameForm: boolean): Reply[] | undefined {
  const open = ctx.services.forms.find('long');
  if (!open || (sameForm && open.form === starting)) return undefined;
  return [{ text: ctx.t('form-in-the-way', { form: ctx.t(`form-name-${open.form}`) }) }];
}
