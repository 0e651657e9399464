import { splitText } from '../core/text-split.ts';
import type { OutgoingMessage } from '../core/types.ts';
import { TELEGRAM_PARSE_MODE, telegramHtml } from './telegram-html.ts';

/*
 * How one message becomes Bot API calls, framework-free: both transports (grammY, Telegraf) and
 * their outbox senders share it, so the rules cannot drift and Telegraf mode loads no grammY.
 */

/** Telegram refuses messages longer than this many characters. */
export const TELEGRAM_MAX_TEXT = 4096;

/** Telegram refuses captions (of a document or a photo) longer than this many characters. */
export const TELEGRAM_MAX_CAPTION = 1024;

/**
 * Splits a long text at line breaks (a single huge line between graphemes) into pieces Telegram
 * accepts. It splits the plain text, before escaping (telegram-html.ts): Telegram counts the limit
 * after parsing, and a cut can never fall inside an escape sequence.
 */
export const splitForTelegram = (text: string, max = TELEGRAM_MAX_TEXT): string[] => splitText(text, max);

/** The field every text and caption call carries: the text is HTML (telegramHtml). */
export const HTML_MODE = { parse_mode: TELEGRAM_PARSE_MODE };

/** A piece of a message's plain text (or its caption) as sent: escaped, formatted as the message says. */
const htmlOf = (message: OutgoingMessage, plain: string): string => telegramHtml(plain, { monospace: message.monospace === true });

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
 * The text messages that show one message, as sent (HTML): its text in pieces Telegram accepts;
 * with a file, none (the text is its caption) unless the text is too long for a caption, then it
 * goes first. Lengths are the plain text's: split first, each piece escaped after.
 */
export function textPiecesOf(message: OutgoingMessage): string[] {
  const { text, file } = message;
  if (!file || text.length > TELEGRAM_MAX_CAPTION) return splitForTelegram(text).map((piece) => htmlOf(message, piece));
  return [];
}

/** The caption fields of a message's file call: its text as HTML when it fits a caption (textPiecesOf), else none. */
export function captionOf(message: OutgoingMessage): { caption?: string; parse_mode?: typeof TELEGRAM_PARSE_MODE } {
  const { text, file } = message;
  if (!file || text === '' || text.length > TELEGRAM_MAX_CAPTION) return {};
  return { caption: htmlOf(message, text), ...HTML_MODE };
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

/** The message whose button was pressed: the one a reply marked `edit` replaces (Reply.edit). */
export interface PressedMessage {
  chatId: number;
  messageId: number;
}

/** The fields of a callback query that say which message was pressed (grammY's and Telegraf's alike). */
interface CallbackQueryLike {
  message?: { message_id: number; date: number; chat: { id: number } };
}

/**
 * The pressed message of a callback query, when there is one the bot may edit: not a button under
 * an inline message (no `message`), nor a message Telegram no longer shows the bot (date 0).
 */
export function pressedMessageOf(query: CallbackQueryLike | undefined): PressedMessage | undefined {
  const message = query?.message;
  if (!message || message.date === 0) return undefined;
  return { chatId: message.chat.id, messageId: message.message_id };
}

/**
 * The text a reply replaces the pressed message with, as sent (HTML, as textPiecesOf), or
 * undefined when it is sent as a new message instead: not marked `edit`, another chat than the
 * pressed message's, a file (a text message cannot become one), an empty text, or a text longer
 * than one message.
 */
export function editTextOf(message: OutgoingMessage, pressed: PressedMessage | undefined): string | undefined {
  if (!message.edit || !pressed || pressed.chatId !== message.chatId || message.file || message.text === '') return undefined;
  return splitForTelegram(message.text).length === 1 ? htmlOf(message, message.text) : undefined;
}

/** Telegram's 400 for an edit that changes nothing (the same text and buttons): the message already shows it. */
export const isNotModified = (description: string): boolean => /message is not modified/i.test(description);

/**
 * Delivers the replies to one update in order. The first one that may replace the pressed message
 * (editTextOf) is tried as an edit of it; `edit` resolves false when Telegram refused the edit
 * (a message too old or deleted), and then that reply is sent as a new message. Only one reply
 * edits: a second edit would overwrite the first.
 */
export async function deliverReplies(
  messages: readonly OutgoingMessage[],
  pressed: PressedMessage | undefined,
  edit: (message: OutgoingMessage, text: string, target: PressedMessage) => Promise<boolean>,
  send: (message: OutgoingMessage) => Promise<void>,
): Promise<void> {
  let target = pressed;
  for (const message of messages) {
    const text = editTextOf(message, target);
    if (text !== undefined && target) {
      const editing = target;
      target = undefined;
      if (await edit(message, text, editing)) continue;
    }
    await send(message);
  }
}
