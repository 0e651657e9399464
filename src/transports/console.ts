import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { App } from '../core/app.ts';
import type { Button, IncomingDocument, OutgoingMessage } from '../core/types.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Translator } from '../i18n/translator.ts';
import { fileSaver } from './files.ts';
import { documentAt } from './incoming-document.ts';

/*
 * A chat in the terminal for one local user, for trying the bot without Telegram.
 * Buttons are printed numbered; typing the number or the label presses the button. While buttons
 * are on screen a bare number that is none of theirs is not sent (it would reach the bot as an
 * answer, "9" as an amount of 9.00): the chat says which numbers press a button and how to type
 * the number as an amount (9.00).
 * A reply's file (a CSV, a calendar, a chart) is saved to a folder and its path printed.
 */

/** Where the terminal chat saves files unless told otherwise (data/ is not committed). */
export const DEFAULT_FILES_DIR = './data/files';

export interface ConsoleOptions {
  app: App;
  userId: number;
  locale: Locale;
  input: Readable;
  output: Writable;
  /** The folder for files that come with replies; default ./data/files. */
  filesDir?: string;
  /** The time in saved files' names; tests pass a fixed one. */
  now?: () => Date;
}

/** The message as printed: its text (a file's caption), `fileLine` if given, then the numbered buttons. */
export function renderForConsole(message: OutgoingMessage, fileLine?: string): string {
  let counter = 0;
  const rows = (message.buttons ?? []).map((row) =>
    row
      .map((button) => {
        counter += 1;
        return `[${counter}] ${button.label}`;
      })
      .join('   '),
  );
  const head = fileLine === undefined ? [message.text] : message.text === '' ? [fileLine] : [message.text, fileLine];
  return [...head, ...rows].join('\n');
}

/**
 * Turns messages into terminal text, saving each one's file first so its path can be printed.
 * The terminal chat uses it for replies; reminders printed in the terminal can use it too.
 */
export function consoleRenderer(options: {
  translator: Translator;
  locale: Locale;
  filesDir?: string;
  now?: () => Date;
}): (message: OutgoingMessage) => Promise<string> {
  const saver = fileSaver(options.filesDir ?? DEFAULT_FILES_DIR, options.now);
  const t = options.translator.for(options.locale);
  return async (message) => {
    if (!message.file) return renderForConsole(message);
    try {
      const path = await saver.save(message.file);
      return renderForConsole(message, t('console-file-saved', { path }));
    } catch (error) {
      return renderForConsole(
        message,
        t('console-file-not-saved', { filename: message.file.filename, reason: error instanceof Error ? error.message : String(error) }),
      );
    }
  };
}

/** A bare number as typed, full-width digits too ("３"); undefined for anything else. */
function bareNumber(typed: string): string | undefined {
  const text = typed.normalize('NFKC').trim();
  return /^\d+$/.test(text) ? text : undefined;
}

/**
 * What the chat says instead of sending a bare number that presses none of the buttons on screen;
 * undefined when the line is something else (or no buttons are shown), and it goes to the bot.
 */
export function notAButton(
  buttons: Button[],
  typed: string,
  t: (key: string, args: Record<string, string | number>) => string,
): string | undefined {
  const number = bareNumber(typed);
  if (number === undefined || buttons.length === 0 || pickButton(buttons, typed)) return undefined;
  return t('console-pick-button', { typed: number, count: buttons.length, amount: `${number}.00` });
}

/** The button the user meant by typing its number or its label, if any. */
export function pickButton(buttons: Button[], typed: string): Button | undefined {
  const text = typed.trim();
  const number = bareNumber(text);
  if (number !== undefined) return buttons[Number(number) - 1];
  return buttons.find((button) => button.label.toLowerCase() === text.toLowerCase());
}

export async function runConsole({ app, userId, locale, input, output, filesDir, now }: ConsoleOptions): Promise<void> {
  const rl = createInterface({ input, output, terminal: (output as { isTTY?: boolean }).isTTY === true });
  const print = (text: string) => output.write(`${text}\n\n`);
  const render = consoleRenderer({ translator: app.translator, locale, ...(filesDir !== undefined && { filesDir }), ...(now && { now }) });
  const t = app.translator.for(locale);
  print(t('console-banner'));
  let buttons: Button[] = [];
  rl.setPrompt('> ');
  rl.prompt();
  for await (const line of rl) {
    const refused = notAButton(buttons, line, t);
    if (refused !== undefined) {
      // Nothing reaches the bot, so the buttons stay pressable.
      print(refused);
    } else if (line.trim() !== '') {
      const pressed = pickButton(buttons, line);
      // `/import PATH` sends that file as a document, as the paperclip would in Telegram.
      const importPath = pressed ? undefined : /^\/import(?:@\w+)?\s+(\S.*)$/i.exec(line.trim())?.[1];
      let document: IncomingDocument | undefined;
      if (importPath !== undefined) {
        try {
          document = await documentAt(importPath);
        } catch (error) {
          print(t('import-file-unreadable', { path: importPath, reason: error instanceof Error ? error.message : String(error) }));
          rl.prompt();
          continue;
        }
      }
      const messages = await app.handle({
        userId,
        chatId: userId,
        languageCode: locale,
        ...(pressed ? { callbackData: pressed.data } : document ? { document } : { text: line }),
      });
      for (const message of messages) print(await render(message));
      const withButtons = messages.filter((message) => message.buttons?.length);
      // Only the latest message's buttons stay pressable by number, as in a chat the newest are nearest.
      if (messages.length > 0) buttons = withButtons.at(-1)?.buttons?.flat() ?? [];
    }
    rl.prompt();
  }
}
