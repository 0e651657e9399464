import { Bot, GrammyError, InlineKeyboard, InputFile, type Api, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { parseCommand, type App } from '../core/app.ts';
import type { IncomingUpdate, OutgoingMessage } from '../core/types.ts';
import { localeFromLanguageCode } from '../i18n/locales.ts';
import type { Logger } from '../log.ts';
import { replyRetry, type ReplyRetryOptions } from './grammy-retry.ts';
import { IncomingLimiter, type IncomingLimitOptions } from './incoming-limit.ts';
import {
  HTML_MODE,
  broadcastFields,
  captionOf,
  deliverReplies,
  isNotModified,
  pressedMessageOf,
  runCalls,
  textPiecesOf,
  type PressedMessage,
  type SendOptions,
} from './outgoing-calls.ts';
import { commandAddressee, messageKind, updateKind } from './addressing.ts';
import { applyMenu, type MenuApi, offerTraditionalMenu, startupMenus, TraditionalMenus } from './command-menus.ts';
import { telegramDocument, telegramFileAccess } from './telegram-document.ts';

export { TELEGRAM_MAX_CAPTION, TELEGRAM_MAX_TEXT, splitForTelegram, type BeforeExtraCall, type SendOptions } from './outgoing-calls.ts';

export interface GrammyOptions {
  token: string;
  apiRoot: string;
  app: App;
  logger: Logger;
  /** Tests pass the bot's identity so no getMe call is made. */
  botInfo?: UserFromGetMe;
  /** Group chats where operators work (OPERATOR_CHAT_IDS), and who the operators are (OPERATOR_IDS). */
  operators?: { chatIds: readonly number[]; userIds: readonly number[] };
  /** Replies retried on 429 and 5xx (grammy-retry.ts); tests pass a `sleep` that returns at once. */
  retry?: ReplyRetryOptions;
  /** Updates a user may send (incoming-limit.ts; default 20 at once, then 2 a second); false: no limit. */
  rateLimit?: IncomingLimitOptions | false;
  /** The rate limit's clock, in milliseconds (default Date.now). */
  now?: () => number;
}

export function keyboardOf(message: OutgoingMessage): InlineKeyboard | undefined {
  if (!message.buttons?.length) return undefined;
  return InlineKeyboard.from(message.buttons.map((row) => row.map((b) => InlineKeyboard.text(b.label, b.data))));
}

/**
 * The Bot API calls that show one message, in order: its text in pieces Telegram accepts, or its
 * file with the text as caption. A text too long for a caption goes first as message(s) and the
 * file follows without one. Buttons go on the last call, under what they act on.
 */
function callsFor(api: Api, message: OutgoingMessage, options?: SendOptions): ((last: boolean) => Promise<unknown>)[] {
  const markup = keyboardOf(message);
  const broadcast = broadcastFields(options);
  const extra = (last: boolean) => (last && markup ? { ...broadcast, reply_markup: markup } : broadcast);
  const { chatId, file } = message;
  const texts = textPiecesOf(message);
  const calls: ((last: boolean) => Promise<unknown>)[] = texts.map(
    (piece) => (last) => api.sendMessage(chatId, piece, { ...HTML_MODE, ...extra(last) }),
  );
  if (file) {
    const caption = captionOf(message);
    calls.push((last) => {
      const input = new InputFile(file.content, file.filename);
      return file.kind === 'photo'
        ? api.sendPhoto(chatId, input, { ...caption, ...extra(last) })
        : api.sendDocument(chatId, input, { ...caption, ...extra(last) });
    });
  }
  return calls;
}

/**
 * Sends one message over the Bot API: the one way both direct replies and the outbox sender
 * show a message, so the two cannot drift. Telegram's errors are thrown as grammY raises them.
 */
export async function sendOutgoing(api: Api, message: OutgoingMessage, options?: SendOptions): Promise<void> {
  await runCalls(callsFor(api, message, options), message.chatId, options?.beforeExtraCall);
}

/**
 * Replaces the pressed message with a reply (Reply.edit): its text and buttons (none: the old
 * ones go). True when Telegram took it, or found nothing to change ("message is not modified");
 * false when it refused with another 400 (the message too old to edit, or deleted), so the reply
 * is sent as a new message. Anything else (a 403, a network failure) is thrown as a send's is.
 */
export async function editPressed(
  api: Api,
  pressed: PressedMessage,
  message: OutgoingMessage,
  text: string,
  logger: Logger,
): Promise<boolean> {
  const markup = keyboardOf(message);
  try {
    await api.editMessageText(pressed.chatId, pressed.messageId, text, { ...HTML_MODE, ...(markup && { reply_markup: markup }) });
    return true;
  } catch (error) {
    if (!(error instanceof GrammyError && error.error_code === 400)) throw error;
    if (isNotModified(error.description)) return true;
    logger.info(
      { chatId: pressed.chatId, messageId: pressed.messageId, description: error.description },
      'edit refused: sent as a new message',
    );
    return false;
  }
}

/** The grammY transport: Telegram updates in, the core's replies out. */
export function createGrammyBot({ token, apiRoot, app, logger, botInfo, operators, retry, rateLimit, now = Date.now }: GrammyOptions): Bot {
  const bot = new Bot(token, { client: { apiRoot }, ...(botInfo && { botInfo }) });
  // Each update's own API (ctx.api) retries its replies; bot.api, which the outbox sender gets, does not.
  const retrying = replyRetry(retry);
  bot.use((ctx, next) => {
    ctx.api.config.use(retrying);
    return next();
  });
  if (rateLimit !== false) bot.use(rateLimited(new IncomingLimiter(rateLimit ?? {}, now), app, logger));
  bot.use(traditionalMenus(bot, new TraditionalMenus(app, operators?.chatIds ?? []), logger));
  const operatorChats = new Set(operators?.chatIds ?? []);
  const operatorUsers = new Set(operators?.userIds ?? []);
  const operatorCommands = new Set(app.commands.filter((command) => command.audience === 'operator').map((command) => command.name));

  /**
   * In an operators' group, an operator's operator command (or a button under an operator
   * notice) is handled there; everything else in a group is someone's private business.
   */
  const forOperatorsHere = (ctx: Context): boolean => {
    if (!ctx.chat || !ctx.from || !operatorChats.has(ctx.chat.id) || !operatorUsers.has(ctx.from.id)) return false;
    if (ctx.callbackQuery?.data !== undefined) return operatorCommands.has(ctx.callbackQuery.data.split(':')[0] ?? '');
    const name = parseCommand(ctx.message?.text ?? '')?.name;
    return name !== undefined && operatorCommands.has(name);
  };

  // Loan details are private: in groups the bot answers commands and buttons only by pointing
  // people to a private chat (and stays quiet on ordinary group chatter).
  bot.chatType(['group', 'supergroup']).on(['message:entities:bot_command', 'callback_query:data'], async (ctx, next) => {
    if (ctx.message) {
      // Only a command the message starts with, and not one addressed to another bot (/start@OtherBot).
      const addressee = commandAddressee(ctx.message.text, ctx.message.entities, ctx.me.username);
      if (addressee === 'other') {
        logger.info({ userId: ctx.from?.id, chatId: ctx.chat.id, updateId: ctx.update.update_id }, 'command for another bot: ignored');
        return;
      }
      if (addressee === undefined) return next();
    }
    const answered = ctx.callbackQuery && answerPress(ctx, logger);
    if (forOperatorsHere(ctx)) {
      await forward(
        ctx,
        ctx.callbackQuery?.data !== undefined ? { callbackData: ctx.callbackQuery.data } : { text: ctx.message?.text ?? '' },
      );
      await answered;
      return;
    }
    // Answered here, not by the core: taken in once all the same, so a redelivery gets no second note.
    if (ctx.from && app.firstTime?.({ userId: ctx.from.id, chatId: ctx.chat.id, ...updateKey(ctx) }) === false) {
      await answered;
      return;
    }
    const locale = localeFromLanguageCode(ctx.from?.language_code) ?? 'en';
    await ctx.reply(app.translator.translate(locale, 'private-chat-only'));
    await answered;
  });

  const privateChat = bot.chatType('private');

  const forward = async (ctx: Context, update: Omit<IncomingUpdate, 'userId' | 'chatId' | 'languageCode'>) => {
    if (!ctx.from || !ctx.chat) return;
    const messages = await app.handle({
      userId: ctx.from.id,
      chatId: ctx.chat.id,
      ...(ctx.from.language_code !== undefined && { languageCode: ctx.from.language_code }),
      ...updateKey(ctx),
      ...update,
    });
    await deliver(ctx, messages);
  };

  /**
   * The replies, over this update's retrying API; the answer to a press that replaces the pressed
   * message edits it (deliverReplies). A 403 in a private chat (the user blocked the bot) marks
   * the user inactive, as reminders do, and the rest are not tried.
   */
  const deliver = async (ctx: Context, messages: OutgoingMessage[]) => {
    try {
      await deliverReplies(
        messages,
        pressedMessageOf(ctx.callbackQuery),
        (message, text, pressed) => editPressed(ctx.api, pressed, message, text, logger),
        (message) => sendOutgoing(ctx.api, message),
      );
    } catch (error) {
      if (!(error instanceof GrammyError && error.error_code === 403 && ctx.chat?.type === 'private' && ctx.from)) throw error;
      logger.warn({ userId: ctx.from.id, updateId: ctx.update.update_id, description: error.description }, 'reply refused with 403');
      app.blocked?.(ctx.from.id);
    }
  };

  privateChat.on('message:text', (ctx) => forward(ctx, { text: ctx.message.text }));
  // A file the user sent (/import): downloaded only if the command wants its bytes.
  privateChat.on('message:document', (ctx) =>
    forward(ctx, {
      document: telegramDocument(
        ctx.message.document,
        telegramFileAccess(apiRoot, token, (id) => ctx.api.getFile(id)),
      ),
    }),
  );
  privateChat.on('callback_query:data', async (ctx) => {
    // Answered at once, beside the action: Telegram shows a spinner on the button until then.
    const answered = answerPress(ctx, logger);
    await forward(ctx, { callbackData: ctx.callbackQuery.data });
    await answered;
  });
  // Anything else in a private chat (a sticker, a photo, a voice note …): one short answer.
  privateChat.on('message', async (ctx) => {
    logger.info({ userId: ctx.from.id, updateId: ctx.update.update_id, kind: messageKind(ctx.message) }, 'not a text message: told so');
    // Answered here, not by the core: taken in once all the same, so a redelivery gets no second answer.
    if (app.firstTime?.({ userId: ctx.from.id, chatId: ctx.chat.id, ...updateKey(ctx) }) === false) return;
    const locale = localeFromLanguageCode(ctx.from.language_code) ?? 'en';
    await ctx.reply(app.translator.translate(locale, 'text-only'));
  });
  // An edited message is not answered again (its first version was), nor a channel post, a change
  // of the bot's membership or any other kind: logged only. Group chatter is not worth a line.
  bot.use((ctx) => {
    const chatter = ctx.message && ctx.chat?.type !== 'private';
    const line = { userId: ctx.from?.id, chatId: ctx.chat?.id, updateId: ctx.update.update_id, kind: updateKind(ctx.update) };
    if (chatter) logger.debug(line, 'group message: ignored');
    else logger.info(line, 'update not handled: ignored');
  });

  bot.catch((error) => {
    const description = error.error instanceof GrammyError ? error.error.description : String(error.error);
    logger.error({ updateId: error.ctx.update.update_id, description }, 'telegram update failed');
  });
  return bot;
}

/** What the core takes each update in once by (src/core/app.ts): the update_id, and a message's message_id. */
function updateKey(ctx: Context): Pick<IncomingUpdate, 'updateId' | 'messageId'> {
  return { updateId: ctx.update.update_id, ...(ctx.message && { messageId: ctx.message.message_id }) };
}

/**
 * Stops the spinner on a pressed button. Best effort: a refused or failed answer (the query is
 * too old after a restart, a network error) is logged and the press is handled all the same; it
 * runs beside the action, so a slow answer does not hold it up either.
 */
function answerPress(ctx: Context, logger: Logger): Promise<void> {
  return ctx.answerCallbackQuery().then(
    () => undefined,
    (error: unknown) => {
      const description = error instanceof GrammyError ? error.description : String(error);
      logger.warn({ userId: ctx.from?.id, updateId: ctx.update.update_id, description }, 'answerCallbackQuery failed');
    },
  );
}

/** Whether the bot would act on this update: anything in a private chat; in a group, a command or a button. */
function addressedToBot(ctx: Context): boolean {
  if (ctx.chat?.type === 'private') return true;
  if (ctx.callbackQuery) return true;
  return ctx.message?.entities?.some((entity) => entity.type === 'bot_command' && entity.offset === 0) ?? false;
}

/**
 * The incoming per-user limit: an update above it is dropped (logged), a pressed button's spinner
 * still stopped, and the first one dropped in a row answered once, politely, in the user's
 * Telegram language. Group chatter the bot ignores anyway is not counted.
 */
function rateLimited(limiter: IncomingLimiter, app: App, logger: Logger) {
  return async (ctx: Context, next: () => Promise<void>): Promise<void> => {
    if (!ctx.from || !addressedToBot(ctx)) return next();
    const verdict = limiter.take(ctx.from.id);
    if (verdict === 'ok') return next();
    logger.warn({ userId: ctx.from.id, updateId: ctx.update.update_id }, 'rate limited: update dropped');
    const answered = ctx.callbackQuery && answerPress(ctx, logger);
    if (verdict === 'tell' && ctx.chat) {
      const locale = localeFromLanguageCode(ctx.from.language_code) ?? 'en';
      await ctx.reply(app.translator.translate(locale, 'rate-limited'));
    }
    await answered;
  };
}

/**
 * Registers the start-up command menus (command-menus.ts): everyone's commands for every chat in
 * English and, for "zh", simplified Chinese; everyone's plus the operators' in each operator chat.
 */
export async function publishCommands(bot: Bot, app: App, operatorChatIds: Iterable<number> = []): Promise<void> {
  const menuApi = menuApiOf(bot);
  for (const call of startupMenus(app, operatorChatIds)) await applyMenu(menuApi, call);
}

/** setMyCommands and deleteMyCommands through this framework. */
function menuApiOf(bot: Bot): MenuApi {
  return {
    set: (commands, options) => bot.api.setMyCommands(commands, options),
    remove: (options) => bot.api.deleteMyCommands(options),
  };
}

/** A traditional-Chinese user's own chat menu (command-menus.ts), beside the update. */
function traditionalMenus(bot: Bot, menus: TraditionalMenus, logger: Logger) {
  const menuApi = menuApiOf(bot);
  return (ctx: Context, next: () => Promise<void>): Promise<void> => {
    offerTraditionalMenu(menus, menuApi, ctx.chat, ctx.from?.language_code, (chatId, description) =>
      logger.warn({ chatId, description }, 'chat command menu failed'),
    );
    return next();
  };
}
