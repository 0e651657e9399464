import { createGrammyBot, publishCommands } from '../transports/grammy.ts';
import { telegramSender, type TelegramApi } from '../transports/grammy-sender.ts';
import type { DeliveryPass, ReminderPass } from '../reminders/pass.ts';
import { limiterFor } from '../reminders/rate-limiter.ts';
import type { Runtime } from './runtime.ts';
import type { TelegramDriver } from './telegram-driver.ts';
import type { RawUpdate } from './update-queue.ts';

type GrammyBot = ReturnType<typeof createGrammyBot>;
type GrammyUpdate = Parameters<GrammyBot['handleUpdate']>[0];
type GrammyBotError = Parameters<GrammyBot['errorHandler']>[0];
/** grammY types its signals with the abort-controller polyfill's AbortSignal; Node's is the same at run time. */
type GrammySignal = Parameters<GrammyBot['api']['getMe']>[0];
const asGrammy = (signal: AbortSignal | undefined) => signal as GrammySignal;

/** The grammY transport as the Telegram run mode drives it (this module imports no framework itself). */
export function grammyDriver(runtime: Runtime, token: string, operatorChats: readonly number[]): TelegramDriver {
  const { config } = runtime;
  const bot = createGrammyBot({
    token,
    apiRoot: config.TELEGRAM_API_ROOT,
    app: runtime.app,
    logger: runtime.logger,
    operators: { chatIds: config.OPERATOR_CHAT_IDS, userIds: config.OPERATOR_IDS },
  });
  return {
    async identify(signal) {
      const me = await bot.api.getMe(asGrammy(signal));
      bot.botInfo = me;
      return { username: me.username };
    },
    getUpdates: async (params, signal) => (await bot.api.getUpdates(params, asGrammy(signal))) as unknown as RawUpdate[],
    async handle(update) {
      try {
        await bot.handleUpdate(update as unknown as GrammyUpdate);
      } catch (error) {
        // A BotError, as in grammY's own polling loop: the transport's bot.catch logs it.
        await bot.errorHandler(error as GrammyBotError);
      }
    },
    async setWebhook(url, secret, signal) {
      await bot.api.setWebhook(url, { secret_token: secret }, asGrammy(signal));
    },
    async deleteWebhook(signal) {
      await bot.api.deleteWebhook({}, asGrammy(signal));
    },
    publishCommands: () => publishCommands(bot, runtime.app, operatorChats),
    passes: () => telegramPasses(runtime, bot.api),
  };
}

/**
 * Reminders and queued messages sent by Telegram at its limits, as the bot and `repaybot tick`
 * both do: one sender and one limiter for both passes, so together they stay under the limit
 * (30 a second, or REMINDER_MAX_PER_SECOND up to 1000 as paid broadcasts).
 */
export function telegramPasses(runtime: Runtime, api: TelegramApi): { reminders: ReminderPass; deliveries: DeliveryPass } {
  const limiter = limiterFor(runtime.config);
  const sender = telegramSender(api, limiter, { paidBroadcast: runtime.config.REMINDER_PAID_BROADCAST });
  return { reminders: runtime.reminderPass(sender, { limiter }), deliveries: runtime.deliveryPass(sender, { limiter }) };
}
