import { TelegramError, type Telegram } from 'telegraf';
import type { MessageSender, SendResult } from '../core/sender.ts';
import type { OutgoingMessage } from '../core/types.ts';
import type { OutboxSendOptions, SendSlots } from './grammy-sender.ts';
import { sendOutgoingTelegraf } from './telegraf.ts';

/** Network failures where the request never left: nothing can have been sent (as grammy-sender.ts). */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Telegraf's Bot API client, for the composition root, which imports no chat framework itself. */
export type TelegrafApi = Telegram;

/**
 * The outbox's messages over the Bot API with Telegraf, with the dispatcher's rules of
 * grammy-sender.ts: each extra call of one message (a long text in pieces, a file after a text
 * too long for its caption) takes a further per-chat slot of the limiter.
 *
 * Give it the bot's own client (bot.telegram), which retries nothing: only each update's
 * ctx.telegram retries (telegraf.ts). Every answer reaches the dispatcher as it came: a 429 is
 * 'retry-after' (all sending pauses), a 403 'blocked', another refusal 'failed' (backed off, then
 * dead-lettered), and a network failure after the request may have left is 'unknown', which the
 * dispatcher never resends blindly. With `paidBroadcast` every call carries allow_paid_broadcast.
 */
export function telegrafSender(telegram: Telegram, limiter?: SendSlots, options: OutboxSendOptions = {}): MessageSender {
  return {
    async send(message: OutgoingMessage): Promise<SendResult> {
      try {
        await sendOutgoingTelegraf(telegram, message, {
          ...(limiter && { beforeExtraCall: (chatId: number) => limiter.acquire(chatId) }),
          ...(options.paidBroadcast && { paidBroadcast: true }),
        });
        return { kind: 'sent' };
      } catch (error) {
        if (error instanceof TelegramError) {
          if (error.code === 429) return { kind: 'retry-after', seconds: error.parameters?.retry_after ?? 1 };
          if (error.code === 403) return { kind: 'blocked', reason: error.description };
          return { kind: 'failed', reason: `${error.code} ${error.description}` };
        }
        // node-fetch's FetchError (system errors carry Node's code) and AbortError: the network's.
        if (error instanceof Error && (error.name === 'FetchError' || error.name === 'AbortError')) {
          const code = (error as { code?: unknown }).code;
          if (typeof code === 'string' && NOT_SENT.has(code)) return { kind: 'failed', reason: `${code} ${error.message}` };
          return { kind: 'unknown', reason: error.message };
        }
        throw error;
      }
    },
  };
}
