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

function keyboard(message: OutgoingMessage): InlineKeyboard | undefined {
  if (!message.buttons?.length) return undefined;
  return InlineKeyboard.from(message.buttons.map((row) => row.map((b) => InlineKeyboard.text(b.label, b.data))));
}

export async function sendMessages(bot: Bot, messages: OutgoingMessage[]): Promise<void> {
  for (const message of messages) {
    const markup = keyboard(message);
    await bot.api.sendMessage(message.chatId, message.text, markup ? { reply_markup: markup } : {});
  }
}

/** The grammY transport: Telegram updates in, the core's replies out. */
export function createGrammyBot({ token, apiRoot, app, logger, botInfo }: GrammyOptions): Bot {
  const bot = new Bot(token, { client: { apiRoot }, ...(botInfo && { botInfo }) });

  // Loan details are private: in groups the bot only points people to a private chat.
  bot.chatType(['group', 'supergroup', 'channel']).on(['message:text', 'callback_query:data'], async (ctx) => {
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
    app.commands.map((command) => ({ command: command.name, description: app.translator.translate(locale, command.descriptionKey) }));
  await bot.api.setMyCommands(menu('en'));
  await bot.api.setMyCommands(menu('zh-Hans'), { language_code: 'zh' });
}
