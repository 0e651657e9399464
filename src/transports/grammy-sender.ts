import { GrammyError, HttpError, type Api } from 'grammy';
import type { MessageSender, SendResult } from '../core/sender.ts';
import type { OutgoingMessage } from '../core/types.ts';
import { sendOutgoing } from './grammy.ts';

const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** The per-chat slots the outbox's rate limiter hands out (the reminders' RateLimiter is one). */
/** grammY's Bot API client, for the composition root, which imports no chat framework itself. */
export type TelegramApi = Api;

/** How the outbox's messages go out (config REMINDER_PAID_BROADCAST). */
export interface OutboxSendOptions {
  /** With allow_paid_broadcast: past Telegram's 30 a second, up to 1000, charged in Stars. */
  paidBroadcast?: boolean;
}

export interface SendSlots {
  /** Waits for this chat's next slot; the returned function is called once the call is answered. */
  acquire(chatId: number): Promise<() => void>;
}

/**
 * The outbox's messages over the Bot API, with Telegram's answers turned into what the dispatcher
 * must do. The dispatcher takes the limiter's slot for a message; a message that needs more than
 * one call (a text too long for one Telegram message, a file after a text too long for its
 * caption) takes a further slot for each extra call, so one chat still gets one a second.
 *
 * Give it the bot's own API (bot.api), which retries nothing: the replies' retrying of 429 and
 * 5xx (grammy-retry.ts) is installed only on each update's ctx.api. Here every answer must reach
 * the dispatcher as it came: a 429 pauses all sending for retry_after, a refusal backs off and is
 * dead-lettered, and a network failure is 'unknown', never resent blindly.
 *
 * With `paidBroadcast` every call carries allow_paid_broadcast (replies never do: they go over
 * ctx.api, not through here).
 */
export function telegramSender(api: Api, limiter?: SendSlots, options: OutboxSendOptions = {}): MessageSender {
  // The same for every message: made once, not per send.
  const sendOptions = {
    ...(limiter && { beforeExtraCall: (chatId: number) => limiter.acquire(chatId) }),
    ...(options.paidBroadcast && { paidBroadcast: true }),
  };
  return {
    async send(message: OutgoingMessage): Promise<SendResult> {
      try {
        await sendOutgoing(api, message, sendOptions);
        return { kind: 'sent' };
      } catch (error) {
        if (error instanceof GrammyError) {
          if (error.error_code === 429) return { kind: 'retry-after', seconds: error.parameters.retry_after ?? 1 };
          if (error.error_code === 403) return { kind: 'blocked', reason: error.description };
          return { kind: 'failed', reason: `${error.error_code} ${error.description}` };
        }
        if (error instanceof HttpError) {
          // Refused before anything was sent: safe to retry. Anything else may have reached Telegram.
          const code = (error.error as { code?: string } | undefined)?.code;
          if (code && NOT_SENT.has(code)) return { kind: 'failed', reason: `${code} ${error.message}` };
          return { kind: 'unknown', reason: error.message };
        }
        throw error;
      }
    },
  };
}
