import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../log.ts';
import type { ReminderPass } from '../reminders/pass.ts';

/** Runs reminder passes on REMINDER_CRON until stopped; a failed pass is logged and the next one runs. */
export function scheduleReminders(expression: string, pass: ReminderPass, logger: Logger): ScheduledTask {
  return cron.schedule(expression, async () => {
    try {
      await pass();
    } catch (error) {
      logger.error({ err: error }, 'reminder pass failed');
    }
  });
}
