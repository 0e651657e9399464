import { GrammyError, HttpError, type Api } from 'grammy';
import type { OutgoingMessage } from '../core/types.ts';
import { splitForTelegram, keyboardOf } from '../transports/grammy.ts';
import type { RateLimiter } from './rate-limiter.ts';
import type { MessageSender, SendResult } from '../core/sender.ts';

const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Reminders over the Bot API, with Telegram's answers turned into what the dispatcher must do.
 * The dispatcher takes the limiter's slot for a message; a message too long for one Telegram
 * message takes a further slot for each extra piece, so one chat still gets one a second.
 */
export function telegramSender(api: Api, limiter?: RateLimiter): MessageSender {
  return {
    async send(message: OutgoingMessage): Promise<SendResult> {
      try {
        const pieces = splitForTelegram(message.text);
        const markup = keyboardOf(message);
        for (const [index, piece] of pieces.entries()) {
          const answered = index > 0 ? await limiter?.acquire(message.chatId) : undefined;
          try {
            await api.sendMessage(message.chatId, piece, index === pieces.length - 1 && markup ? { reply_markup: markup } : {});
          } finally {
            answered?.();
          }
        }
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
