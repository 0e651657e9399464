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
