import type { ScheduledTask } from 'node-cron';
import type { Config } from '../config.ts';
import { SettableClock, systemClock, type Clock } from '../core/clock.ts';
import { createLogger } from '../log.ts';
import { recoverAbandonedClaims } from '../reminders/dispatcher.ts';
import type { DeliveryPass, ReminderPass } from '../reminders/pass.ts';
import { realTimeLimiter } from '../reminders/rate-limiter.ts';
import { createGrammyBot, publishCommands } from '../transports/grammy.ts';
import { telegramSender, type TelegramApi } from '../transports/grammy-sender.ts';
import { scheduleReminders } from './cron.ts';
import { createRuntime, type Runtime } from './runtime.ts';

type TelegramConfig = Config & { BOT_TOKEN: string };

/** Operator commands show in the operators' chats: the configured ones and each operator's private chat. */
function operatorChats(config: Config): number[] {
  return [...new Set([...config.OPERATOR_CHAT_IDS, ...config.OPERATOR_IDS])];
}

/**
 * Reminders and queued messages sent by Telegram at its limits, as the bot and `repaybot tick`
 * both do: one sender and one limiter for both passes, so together they stay under 30 a second.
 */
export function telegramPasses(runtime: Runtime, api: TelegramApi): { reminders: ReminderPass; deliveries: DeliveryPass } {
  const limiter = realTimeLimiter(runtime.config.REMINDER_MAX_PER_SECOND);
  const sender = telegramSender(api, limiter);
  return { reminders: runtime.reminderPass(sender, { limiter }), deliveries: runtime.deliveryPass(sender, { limiter }) };
}

/** The bot on Telegram: long polling, reminder passes on REMINDER_CRON, stopped by SIGINT / SIGTERM. */
export async function runTelegram(config: TelegramConfig): Promise<void> {
  const runtime = createRuntime({ config, clock: systemClock, logger: createLogger(config.LOG_LEVEL ?? 'info') });
  const { logger } = runtime;
  recoverAbandonedClaims(runtime.db, runtime.clock.now());
  const bot = createGrammyBot({
    token: config.BOT_TOKEN,
    apiRoot: config.TELEGRAM_API_ROOT,
    app: runtime.app,
    logger,
    operators: { chatIds: config.OPERATOR_CHAT_IDS, userIds: config.OPERATOR_IDS },
  });
  const passes = telegramPasses(runtime, bot.api);
  runtime.deliverQueuedWith(passes.deliveries);
  let task: ScheduledTask | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await task?.stop();
    await bot.stop();
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  try {
    await publishCommands(bot, runtime.app, operatorChats(config));
    await bot.start({
      onStart: (me) => {
        logger.info({ bot: me.username }, 'polling Telegram');
        task = scheduleReminders(config.REMINDER_CRON, passes.reminders, logger);
      },
    });
  } finally {
    runtime.close();
  }
}

/** `repaybot tick`: one reminder pass now (or at `now`), sent by Telegram; returns the summary line. */
export async function runTick(config: TelegramConfig, now: Date | undefined): Promise<string> {
  const clock: Clock = new SettableClock(now);
  const runtime = createRuntime({ config, clock, logger: createLogger(config.LOG_LEVEL ?? 'warn') });
  recoverAbandonedClaims(runtime.db, clock.now());
  try {
    const bot = createGrammyBot({ token: config.BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, app: runtime.app, logger: runtime.logger });
    const result = await telegramPasses(runtime, bot.api).reminders();
    return `queued ${result.queued}, sent ${result.sent}, dropped ${result.dropped}, retrying ${result.retried}, failed ${result.dead}`;
  } finally {
    runtime.close();
  }
}
