import { splitText } from '../core/text-split.ts';
import type { OutgoingMessage } from '../core/types.ts';

/*
 * How one message becomes Bot API calls, framework-free: both transports (grammY, Telegraf) and
 * their outbox senders share it, so the rules cannot drift and Telegraf mode loads no grammY.
 */

/** Telegram refuses messages longer than this many characters. */
export const TELEGRAM_MAX_TEXT = 4096;

/** Telegram refuses captions (of a document or a photo) longer than this many characters. */
export const TELEGRAM_MAX_CAPTION = 1024;

/** Splits a long text at line breaks (a single huge line between graphemes) into pieces Telegram accepts. */
export const splitForTelegram = (text: string, max = TELEGRAM_MAX_TEXT): string[] => splitText(text, max);

/** How the outbox sender sends, beyond the message itself. */
export interface SendOptions {
  /** Called before each call after a message's first one (see BeforeExtraCall). */
  beforeExtraCall?: BeforeExtraCall;
  /**
   * Every call with allow_paid_broadcast (REMINDER_PAID_BROADCAST): Telegram lets such messages past
   * its 30 a second, up to 1000, and charges Stars for them. Only the outbox sender sets it.
   */
  paidBroadcast?: boolean;
}

/** The fields every send call of a message carries for these options. */
export function broadcastFields(options: SendOptions | undefined): { allow_paid_broadcast?: true } {
  return options?.paidBroadcast ? { allow_paid_broadcast: true } : {};
}

/**
 * Called before each Bot API call after a message's first one; the release it returns is called
 * once that call is answered. The outbox sender takes a rate-limiter slot here, so a message sent
 * in several pieces still keeps one chat at one call a second.
 */
export type BeforeExtraCall = (chatId: number) => Promise<(() => void) | undefined>;

/**
 * The text messages that show one message: its text in pieces Telegram accepts; with a file, none
 * (the text is its caption) unless the text is too long for a caption, then it goes first.
 */
export function textPiecesOf(message: OutgoingMessage): string[] {
  const { text, file } = message;
  if (!file || text.length > TELEGRAM_MAX_CAPTION) return splitForTelegram(text);
  return [];
}

/** Runs a message's calls in order, the last one told it is last (buttons go there), each extra one through `beforeExtraCall`. */
export async function runCalls(
  calls: ((last: boolean) => Promise<unknown>)[],
  chatId: number,
  beforeExtraCall?: BeforeExtraCall,
): Promise<void> {
  for (const [index, call] of calls.entries()) {
    const release = index > 0 ? await beforeExtraCall?.(chatId) : undefined;
    try {
      await call(index === calls.length - 1);
    } finally {
      release?.();
    }
  }
}
