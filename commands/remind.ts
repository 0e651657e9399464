import type { Command, CommandContext, Reply } from '../src/core/types.ts';
import { formatDate } from '../src/i18n/format.ts';

/** The Snooze buttons under a reminder: the reminder comes back later today or tomorrow. */
function snooze(ctx: CommandContext, batchId: number, when: string): Reply[] {
  if (when !== 'today' && when !== 'tomorrow') return [{ text: ctx.t('error-stale-button') }];
  const result = ctx.services.reminders.snooze(batchId, when, ctx.now, ctx.today);
  if (!result.ok) return [{ text: ctx.t('error-stale-button') }];
  return [{ text: ctx.t('snooze-done', { date: formatDate(ctx.t, result.date), time: result.time }) }];
}

export const remindCommand: Command = {
  name: 'remind',
  descriptionKey: 'command-remind',
  buttonsOnly: true,
  run: () => [],
  onCallback(ctx, [action = '', batchId = '', when = '']) {
    if (action === 'snooze') return snooze(ctx, Number(batchId), when);
    return [{ text: ctx.t('error-stale-button') }];
  },
};
