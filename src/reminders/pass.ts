import type { Clock } from '../core/clock.ts';
import type { OutgoingMessage } from '../core/types.ts';
import type { Db } from '../db/client.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Translator } from '../i18n/translator.ts';
import type { Logger } from '../log.ts';
import { dispatchReminders, type DispatchStats } from './dispatcher.ts';
import { planReminders, type PlanResult } from './planner.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { renderReminder } from './render.ts';
import type { MessageSender } from '../core/sender.ts';

export interface ReminderPassDeps {
  db: Db;
  clock: Clock;
  translator: Translator;
  defaultLocale: Locale;
  logger: Logger;
  sender: MessageSender;
  limiter?: RateLimiter;
  onlyUserId?: number;
}

export type ReminderPass = () => Promise<PlanResult & DispatchStats>;

/** One scheduler pass: queue what has come due, then send it. Both halves are safe to repeat. */
export function createReminderPass(deps: ReminderPassDeps): ReminderPass {
  let running: Promise<PlanResult & DispatchStats> | undefined;
  const pass = async () => {
    const plan = planReminders(deps.db, deps.clock.now(), (error, { installmentId, userId }) =>
      deps.logger.error(
        { err: error, installmentId, userId },
        'reminder planning failed for this user’s settings; the installment’s reminders are skipped until they are re-planned',
      ),
    );
    const dispatch = await dispatchReminders({
      db: deps.db,
      now: () => deps.clock.now(),
      sender: deps.sender,
      ...(deps.limiter && { limiter: deps.limiter }),
      ...(deps.onlyUserId !== undefined && { onlyUserId: deps.onlyUserId }),
      render: (userId, rows, now) => renderReminder(deps.db, deps.translator, deps.defaultLocale, userId, rows, now),
      logger: deps.logger,
    });
    const result = { ...plan, ...dispatch };
    if (result.queued + result.sent + result.dead > 0) deps.logger.info(result, 'reminder pass');
    return result;
  };
  // A cron tick that arrives while the last pass is still sending joins it instead of racing it.
  return () => {
    running ??= pass().finally(() => {
      running = undefined;
    });
    return running;
  };
}

/** A sender for the terminal and JSON-lines transports: the message is simply handed over. */
export function collectingSender(into: (message: OutgoingMessage) => void): MessageSender {
  return {
    send: async (message) => {
      into(message);
      return { kind: 'sent' };
    },
  };
}
