import type { Command, CommandContext, Reply } from '../src/core/types.ts';
import { addDays } from '../src/domain/calendar.ts';
import { localDateTime, zonedInstant } from '../src/domain/local-time.ts';
import { outOfQuietHours } from '../src/domain/reminder-times.ts';
import { queueReminder, rowsOfBatch } from '../src/db/outbox-repo.ts';
import { findUser } from '../src/db/users-repo.ts';
import { formatDate } from '../src/i18n/format.ts';
import { reminderSettingsOf } from '../src/reminders/settings.ts';

/** "Later today" is this much later, moved out of quiet hours like any reminder. */
const LATER_TODAY_MS = 3 * 60 * 60 * 1000;

/**
 * The Snooze buttons under a reminder. A snoozed reminder is queued again in the outbox under
 * its own key (the message and the choice), so pressing the same button twice queues it once.
 */
function snooze(ctx: CommandContext, batchId: number, when: string): Reply[] {
  const user = findUser(ctx.services.db, ctx.user.id);
  const rows = rowsOfBatch(ctx.services.db, ctx.user.id, batchId);
  if (!user || rows.length === 0 || (when !== 'today' && when !== 'tomorrow')) return [{ text: ctx.t('error-stale-button') }];
  const settings = reminderSettingsOf(user);
  const target =
    when === 'today'
      ? new Date(ctx.now.getTime() + LATER_TODAY_MS)
      : zonedInstant(addDays(ctx.today, 1), settings.reminderTime, settings.timeZone);
  const fireAt = outOfQuietHours(target, settings);
  // One snooze per message and choice: a double tap (or a tap on a stale copy) queues it once.
  const kind = `snooze-${batchId}-${when}`;
  for (const row of rows) {
    queueReminder(ctx.services.db, {
      userId: ctx.user.id,
      installmentId: row.installmentId,
      kind,
      dueDate: row.dueDate,
      fireAt: fireAt.toISOString(),
      notBefore: fireAt.toISOString(),
    });
  }
  const local = localDateTime(fireAt, settings.timeZone);
  return [{ text: ctx.t('snooze-done', { date: formatDate(ctx.t, local.date), time: local.time }) }];
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
