import { Bot, GrammyError, InlineKeyboard, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { App } from '../core/app.ts';
import type { IncomingUpdate, OutgoingMessage } from '../core/types.ts';
import { localeFromLanguageCode, type Locale } from '../i18n/locales.ts';
import type { Logger } from '../log.ts';

export interface GrammyOptions {
  token: string;
  apiRoot: string;
  app: App;
  logger: Logger;
  /** Tests pass the bot's identity so no getMe call is made. */
  botInfo?: UserFromGetMe;
}

/** Telegram refuses messages longer than this many characters. */
export const TELEGRAM_MAX_TEXT = 4096;

export function keyboardOf(message: OutgoingMessage): InlineKeyboard | undefined {
  if (!message.buttons?.length) return undefined;
  return InlineKeyboard.from(message.buttons.map((row) => row.map((b) => InlineKeyboard.text(b.label, b.data))));
}

/** Splits a long text at line breaks (or, for a single huge line, anywhere) into pieces Telegram accepts. */
export function splitForTelegram(text: string, max = TELEGRAM_MAX_TEXT): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = rest.lastIndexOf('\n', max);
    const at = cut > 0 ? cut : max;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(cut > 0 ? at + 1 : at);
  }
  pieces.push(rest);
  return pieces;
}

export async function sendMessages(bot: Bot, messages: OutgoingMessage[]): Promise<void> {
  for (const message of messages) {
    const pieces = splitForTelegram(message.text);
    const markup = keyboardOf(message);
    for (const [index, piece] of pieces.entries()) {
      // Buttons go with the last piece, under the text they act on.
      const last = index === pieces.length - 1;
      await bot.api.sendMessage(message.chatId, piece, last && markup ? { reply_markup: markup } : {});
    }
  }
}

/** The grammY transport: Telegram updates in, the core's replies out. */
export function createGrammyBot({ token, apiRoot, app, logger, botInfo }: GrammyOptions): Bot {
  const bot = new Bot(token, { client: { apiRoot }, ...(botInfo && { botInfo }) });

  // Loan details are private: in groups the bot answers commands and buttons only by pointing
  // people to a private chat (and stays quiet on ordinary group chatter).
  bot.chatType(['group', 'supergroup']).on(['message:entities:bot_command', 'callback_query:data'], async (ctx) => {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    const locale = localeFromLanguageCode(ctx.from?.language_code) ?? 'en';
    await ctx.reply(app.translator.translate(locale, 'private-chat-only'));
  });

  const privateChat = bot.chatType('private');

  const forward = async (ctx: Context, update: Omit<IncomingUpdate, 'userId' | 'chatId' | 'languageCode'>) => {
    if (!ctx.from || !ctx.chat) return;
    const messages = await app.handle({
      userId: ctx.from.id,
      chatId: ctx.chat.id,
      ...(ctx.from.language_code !== undefined && { languageCode: ctx.from.language_code }),
      ...update,
    });
    await sendMessages(bot, messages);
  };

  privateChat.on('message:text', (ctx) => forward(ctx, { text: ctx.message.text }));
  privateChat.on('callback_query:data', async (ctx) => {
    // Answer first: Telegram shows a spinner on the button until the query is answered.
    await ctx.answerCallbackQuery();
    await forward(ctx, { callbackData: ctx.callbackQuery.data });
  });

  bot.catch((error) => {
    const description = error.error instanceof GrammyError ? error.error.description : String(error.error);
    logger.error({ updateId: error.ctx.update.update_id, description }, 'telegram update failed');
  });
  return bot;
}

/** Registers the command menu in every language Telegram can tell apart (it has no zh-Hant code). */
export async function publishCommands(bot: Bot, app: App): Promise<void> {
  const menu = (locale: Locale) =>
    app.commands
      .filter((command) => !command.buttonsOnly)
      .map((command) => ({ command: command.name, description: app.translator.translate(locale, command.descriptionKey) }));
  await bot.api.setMyCommands(menu('en'));
  await bot.api.setMyCommands(menu('zh-Hans'), { language_code: 'zh' });
}
