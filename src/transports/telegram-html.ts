/*
 * How a text the core wrote becomes what Telegram is sent (issue 12, point 7): HTML parse mode,
 * with the WHOLE text escaped, so nothing a user typed (a loan called `<b>x</b>`, "Smith & Co")
 * can ever become markup or make Telegram refuse the message. The formatting that helps is added
 * here from the reply's structure (Reply.monospace), never read from its text. The one function
 * every Telegram message, caption and edit goes through, replies and reminders alike, in grammY
 * and Telegraf alike (outgoing-calls.ts).
 *
 * Telegram counts its 4096 (text) and 1024 (caption) limits after parsing the entities, so a text
 * is split on its plain characters first (splitForTelegram) and each piece formatted here: an
 * escape sequence is never cut, and neither escapes nor tags count against the limit.
 */

/** The parse mode every text and caption is sent with. */
export const TELEGRAM_PARSE_MODE = 'HTML' as const;

/** How the transport shows a reply's text, from its structure (the fields of Reply). */
export interface TextFormat {
  /** A table whose columns line up only in a fixed-width font (a schedule): the text as a <pre> block. */
  monospace?: boolean;
}

/** The text as Telegram's HTML shows it literally: the three characters its parser reads (& < >) escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (character) => (character === '&' ? '&amp;' : character === '<' ? '&lt;' : '&gt;'));
}

/** One piece of a message's text (or a caption) as sent with parse_mode HTML: escaped, then formatted. */
export function telegramHtml(text: string, format: TextFormat = {}): string {
  const escaped = escapeHtml(text);
  // An empty <pre> is refused by Telegram ("text must be non-empty"): an empty text stays empty.
  return format.monospace && text !== '' ? `<pre>${escaped}</pre>` : escaped;
}
