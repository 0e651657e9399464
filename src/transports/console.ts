import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { App } from '../core/app.ts';
import type { Button, OutgoingMessage } from '../core/types.ts';
import type { Locale } from '../i18n/locales.ts';

/*
 * A chat in the terminal for one local user, for trying the bot without Telegram.
 * Buttons are printed numbered; typing the number or the label presses the button.
 */

export interface ConsoleOptions {
  app: App;
  userId: number;
  locale: Locale;
  input: Readable;
  output: Writable;
}

export function renderForConsole(message: OutgoingMessage): string {
  let counter = 0;
  const rows = (message.buttons ?? []).map((row) =>
    row
      .map((button) => {
        counter += 1;
        return `[${counter}] ${button.label}`;
      })
      .join('   '),
  );
  return [message.text, ...rows].join('\n');
}

/** The button the user meant by typing its number or its label, if any. */
export function pickButton(buttons: Button[], typed: string): Button | undefined {
  const text = typed.trim();
  if (/^\d+$/.test(text)) return buttons[Number(text) - 1];
  return buttons.find((button) => button.label.toLowerCase() === text.toLowerCase());
}

export async function runConsole({ app, userId, locale, input, output }: ConsoleOptions): Promise<void> {
  const rl = createInterface({ input, output, terminal: (output as { isTTY?: boolean }).isTTY === true });
  const print = (text: string) => output.write(`${text}\n\n`);
  print(app.translator.translate(locale, 'console-banner'));
  let buttons: Button[] = [];
  rl.setPrompt('> ');
  rl.prompt();
  for await (const line of rl) {
    if (line.trim() !== '') {
      const pressed = pickButton(buttons, line);
      const messages = await app.handle({
        userId,
        chatId: userId,
        languageCode: locale,
        ...(pressed ? { callbackData: pressed.data } : { text: line }),
      });
      for (const message of messages) print(renderForConsole(message));
      const withButtons = messages.filter((message) => message.buttons?.length);
      // Only the latest message's buttons stay pressable by number, as in a chat the newest are nearest.
      if (messages.length > 0) buttons = withButtons.at(-1)?.buttons?.flat() ?? [];
    }
    rl.prompt();
  }
}
