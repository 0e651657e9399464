import { createTelegrafBot, publishCommandsTelegraf } from '../transports/telegraf.ts';
import { telegrafSender } from '../transports/telegraf-sender.ts';
import { limiterFor } from '../reminders/rate-limiter.ts';
import type { Runtime } from './runtime.ts';
import type { TelegramDriver } from './telegram-driver.ts';
import type { RawUpdate } from './update-queue.ts';

type TelegrafBot = ReturnType<typeof createTelegrafBot>;
type TelegrafUpdate = Parameters<TelegrafBot['handleUpdate']>[0];
type TelegrafMe = NonNullable<TelegrafBot['botInfo']>;
type CallApiOptions = NonNullable<Parameters<TelegrafBot['telegram']['callApi']>[2]>;
/** Telegraf types its signals with a polyfill's AbortSignal; Node's is the same at run time. */
const asTelegraf = (signal: AbortSignal | undefined): CallApiOptions => (signal ? { signal: signal as CallApiOptions['signal'] } : {});

/**
 * The Telegraf transport (BOT_FRAMEWORK=telegraf) as the Telegram run mode drives it, the twin
 * of grammy-driver.ts (this module imports no framework itself). Every call goes through
 * bot.telegram.callApi, the one Telegraf call that takes an abort signal.
 */
export function telegrafDriver(runtime: Runtime, token: string, operatorChats: readonly number[]): TelegramDriver {
  const { config } = runtime;
  const bot = createTelegrafBot({
    token,
    apiRoot: config.TELEGRAM_API_ROOT,
    app: runtime.app,
    logger: runtime.logger,
    operators: { chatIds: config.OPERATOR_CHAT_IDS, userIds: config.OPERATOR_IDS },
  });
  const call = (method: string, payload: object, signal?: AbortSignal) =>
    (bot.telegram.callApi as (m: string, p: object, o: CallApiOptions) => Promise<unknown>)(method, payload, asTelegraf(signal));
  return {
    async identify(signal) {
      const me = (await call('getMe', {}, signal)) as TelegrafMe;
      bot.botInfo = me;
      return { username: me.username };
    },
    getUpdates: async (params, signal) => (await call('getUpdates', params, signal)) as RawUpdate[],
    async handle(update) {
      try {
        await bot.handleUpdate(update as unknown as TelegrafUpdate);
      } catch (error) {
        // The transport's bot.catch logs and swallows; anything else is the queue's to log.
        runtime.logger.error({ updateId: update.update_id, description: String(error) }, 'telegram update failed');
      }
    },
    async setWebhook(url, secret, signal) {
      await call('setWebhook', { url, secret_token: secret }, signal);
    },
    async deleteWebhook(signal) {
      await call('deleteWebhook', {}, signal);
    },
    publishCommands: () => publishCommandsTelegraf(bot, runtime.app, operatorChats),
    passes() {
      // One sender and one limiter for both passes, so together they stay under the limit (as grammY's).
      const limiter = limiterFor(runtime.config);
      const sender = telegrafSender(bot.telegram, limiter, { paidBroadcast: runtime.config.REMINDER_PAID_BROADCAST });
      return { reminders: runtime.reminderPass(sender, { limiter }), deliveries: runtime.deliveryPass(sender, { limiter }) };
    },
  };
}
