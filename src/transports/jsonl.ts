import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import type { App } from '../core/app.ts';
import type { SettableClock } from '../core/clock.ts';
import type { OutgoingMessage } from '../core/types.ts';
import { fileSaver } from './files.ts';
import { documentAt } from './incoming-document.ts';

/*
 * The bot's machine interface (../shared/design.md): one JSON object per input line, one per
 * outgoing message, and {"done":true} after each input so a script knows when to send the next.
 * Lines are handled strictly in order, one at a time, like a single Telegram chat would be.
 * A message's file is written to a folder and its line names the file's absolute path.
 * `lang` is like Telegram's language_code: a line without it keeps the language last given for
 * that user in this session, so a script need not repeat it on every line.
 * {"user":1,"document":"/path/export.json"} sends that file as a document (what /import reads).
 */

const userId = z.number().int().positive().default(1);
const inputLine = z.union([
  z.object({ user: userId, text: z.string(), lang: z.string().max(35).optional() }).strict(),
  z.object({ user: userId, callback: z.string(), lang: z.string().max(35).optional() }).strict(),
  // A document the user sends (/import): the path of a file on this machine.
  z.object({ user: userId, document: z.string().min(1), lang: z.string().max(35).optional() }).strict(),
  z.object({ tick: z.iso.datetime({ offset: true }) }).strict(),
]);

export interface JsonlOptions {
  app: App;
  clock: SettableClock;
  input: Readable;
  output: Writable;
  /** One reminder pass at the clock's new time; its messages are written out like replies. */
  onTick?: (now: Date) => Promise<OutgoingMessage[]>;
  /**
   * After a chat input: the messages it queued for other chats (an operator notice), delivered
   * now so they come out with their own `chat` before {"done":true}.
   */
  afterInput?: () => Promise<OutgoingMessage[]>;
  /** The folder for files that come with messages; default a new private folder under the system's temp folder. */
  filesDir?: string;
}

/**
 * One output line. A message with a file names it by its saved path (`savedPath`), as "document"
 * or "photo", with the text as "caption" and "buttons" only when it has some.
 */
export function renderMessage(message: OutgoingMessage, savedPath?: string): string {
  if (message.file && savedPath !== undefined) {
    return JSON.stringify({
      chat: message.chatId,
      [message.file.kind]: savedPath,
      caption: message.text,
      ...(message.buttons?.length && { buttons: message.buttons }),
    });
  }
  return JSON.stringify({ chat: message.chatId, text: message.text, buttons: message.buttons ?? [] });
}

export async function runJsonl({ app, clock, input, output, onTick, afterInput, filesDir }: JsonlOptions): Promise<void> {
  const write = (value: string) => output.write(`${value}\n`);
  // The folder is made on the first file, so a script without files leaves nothing behind.
  const files = fileSaver(filesDir ?? (() => mkdtemp(join(tmpdir(), 'repaybot-files-'))), () => clock.now());
  const lines = createInterface({ input, crlfDelay: Infinity });
  // The reader closed its end (`… | head -1`): nothing more can be said, so no more is read. A
  // line already taken in was handled whole; the rest stay unread, not half-done.
  let readerGone = false;
  output.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    readerGone = true;
    lines.close();
  });
  let lineNumber = 0;
  /** The `lang` last given per user: a line without one is that user's, not the default language. */
  const knownLang = new Map<number, string>();
  for await (const raw of lines) {
    if (readerGone) break;
    lineNumber += 1;
    let messages: OutgoingMessage[] = [];
    try {
      // A blank line is answered too: a script waiting for {"done":true} must never wait forever.
      if (raw.trim() === '') {
        write(JSON.stringify({ done: true }));
        continue;
      }
      const parsed = inputLine.safeParse(JSON.parse(raw));
      if (!parsed.success) {
        write(JSON.stringify({ error: `line ${lineNumber}: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}` }));
      } else if ('tick' in parsed.data) {
        const now = new Date(parsed.data.tick);
        clock.set(now);
        messages = onTick ? await onTick(now) : [];
      } else {
        const { user } = parsed.data;
        if (parsed.data.lang !== undefined) knownLang.set(user, parsed.data.lang);
        const lang = knownLang.get(user);
        messages = await app.handle({
          userId: user,
          chatId: user,
          ...(lang !== undefined && { languageCode: lang }),
          ...('text' in parsed.data
            ? { text: parsed.data.text }
            : 'document' in parsed.data
              ? { document: await documentAt(parsed.data.document) }
              : { callbackData: parsed.data.callback }),
        });
        if (afterInput) messages = [...messages, ...(await afterInput())];
      }
    } catch (error) {
      write(JSON.stringify({ error: `line ${lineNumber}: ${error instanceof SyntaxError ? 'not valid JSON' : String(error)}` }));
    }
    for (const message of messages) {
      if (!message.file) {
        write(renderMessage(message));
        continue;
      }
      try {
        write(renderMessage(message, await files.save(message.file)));
      } catch (error) {
        write(JSON.stringify({ error: `line ${lineNumber}: could not save ${message.file.filename}: ${String(error)}` }));
      }
    }
    write(JSON.stringify({ done: true }));
  }
}
