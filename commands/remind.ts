import { onPress } from '../src/core/buttons.ts';
import { snoozeButton } from '../src/core/shared-buttons.ts';
import type { Command } from '../src/core/types.ts';
import { formatDate } from '../src/i18n/format.ts';

/** The Snooze buttons under a reminder: the reminder comes back later today or tomorrow. */
export const remindCommand: Command = {
  name: 'remind',
  descriptionKey: 'command-remind',
  buttonsOnly: true,
  run: () => [],
  buttons: [
    onPress(snoozeButton, (ctx, { batchId, when }) => {
      const result = ctx.services.reminders.snooze(batchId, when, ctx.now, ctx.today);
      if (!result.ok) return undefined;
      return [{ text: ctx.t('snooze-done', { date: formatDate(ctx.t, result.date), time: result.time }) }];
    }),
  ],
};
