import { Input, Telegraf, TelegramError, type Context, type Telegram } from 'telegraf';
import type { UserFromGetMe } from 'telegraf/types';
import { parseCommand, type App } from '../core/app.ts';
import type { IncomingUpdate, OutgoingMessage } from '../core/types.ts';
import { localeFromLanguageCode } from '../i18n/locales.ts';
import type { Logger } from '../log.ts';
// The framework-free pieces of the grammY transport, shared so the two cannot drift apart:
// where a long text is cut, the caption limit, and which answers a reply retries after how long.
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
import { retryDelay, type ReplyRetryOptions } from './grammy-retry.ts';
import { IncomingLimiter, type IncomingLimitOptions } from './incoming-limit.ts';
import { applyMenu, type MenuApi, offerTraditionalMenu, startupMenus, TraditionalMenus } from './command-menus.ts';
import { commandAddressee, messageKind, updateKind, type MessageEntityLike } from './addressing.ts';
import { telegramDocument, telegramFileAccess, type TelegramDocumentFields } from './telegram-document.ts';

/*
 * The Telegraf transport (BOT_FRAMEWORK=telegraf): the grammY transport's behaviour, rule for rule
 * (src/transports/grammy.ts), on Telegraf 4. The same Bot API calls with the same payloads, the
 * same once-only keys handed to the core, the same group rule, 403 handling, best-effort button
 * answers, incoming limit, and replies retried on 429 / 5xx while the outbox sender is not.
 *
 * Telegraf makes a new Telegram client for every update (ctx.telegram); the bot's own client
 * (bot.telegram) is the outbox sender's. Replies retry on ctx.telegram only, as grammY's on ctx.api.
 */

/** Answers one Bot API call: Telegraf's callApi (tests pass one that answers in process). */
export type CallApi = (method: string, payload: Record<string, unknown>, options?: { signal?: AbortSignal }) => Promise<unknown>;

export interface TelegrafOptions {
  token: string;
  apiRoot: string;
  app: App;
  logger: Logger;
  /** Tests pass the bot's identity so no getMe call is made. */
  botInfo?: UserFromGetMe;
  /** Group chats where operators work (OPERATOR_CHAT_IDS), and who the operators are (OPERATOR_IDS). */
  operators?: { chatIds: readonly number[]; userIds: readonly number[] };
  /** Replies retried on 429 and 5xx, as grammY's (grammy-retry.ts); tests pass a `sleep` that returns at once. */
  retry?: ReplyRetryOptions;
  /** Updates a user may send (incoming-limit.ts; default 20 at once, then 2 a second); false: no limit. */
  rateLimit?: IncomingLimitOptions | false;
  /** The rate limit's clock, in milliseconds (default Date.now). */
  now?: () => number;
  /**
   * Tests: every Bot API call (the bot's and each update's) goes here instead of over HTTP. It
   * gets the call before any retrying, as grammY's API transformers do.
   */
  callApi?: CallApi;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The inline keyboard of a message, as the Bot API takes it, or undefined without buttons. */
export function inlineKeyboardOf(message: OutgoingMessage) {
  if (!message.buttons?.length) return undefined;
  return { inline_keyboard: message.buttons.map((row) => row.map((b) => ({ text: b.label, callback_data: b.data }))) };
}

/** The bytes of a file as the Buffer Telegraf uploads (no copy). */
const bufferOf = (content: Uint8Array) => Buffer.from(content.buffer, content.byteOffset, content.byteLength);

/**
 * The Bot API calls that show one message, in order (as grammY's callsFor): its text in pieces
 * Telegram accepts, or its file with the text as caption; a text too long for a caption goes
 * first as message(s) and the file follows without one. Buttons go on the last call.
 */
function callsFor(telegram: Telegram, message: OutgoingMessage, options?: SendOptions): ((last: boolean) => Promise<unknown>)[] {
  const markup = inlineKeyboardOf(message);
  // Telegraf 4's types predate allow_paid_broadcast; its send methods pass extra fields on as they are.
  const broadcast = broadcastFields(options) as object;
  const extra = (last: boolean) => (last && markup ? { ...broadcast, reply_markup: markup } : broadcast);
  const { chatId, file } = message;
  const texts = textPiecesOf(message);
  const calls: ((last: boolean) => Promise<unknown>)[] = texts.map(
    (piece) => (last) => telegram.sendMessage(chatId, piece, { ...HTML_MODE, ...extra(last) }),
  );
  if (file) {
    const caption = captionOf(message);
    calls.push((last) => {
      const input = Input.fromBuffer(bufferOf(file.content), file.filename);
      return file.kind === 'photo'
        ? telegram.sendPhoto(chatId, input, { ...caption, ...extra(last) })
        : telegram.sendDocument(chatId, input, { ...caption, ...extra(last) });
    });
  }
  return calls;
}

/**
 * Sends one message over the Bot API: the one way both direct replies and the outbox sender
 * show a message. Telegram's errors are thrown as Telegraf raises them (TelegramError).
 */
export async function sendOutgoingTelegraf(telegram: Telegram, message: OutgoingMessage, options?: SendOptions): Promise<void> {
  await runCalls(callsFor(telegram, message, options), message.chatId, options?.beforeExtraCall);
}

/**
 * Replaces the pressed message with a reply (Reply.edit), as grammY's editPressed: true when
 * Telegram took it or found nothing to change, false on another 400 (then the reply is sent).
 */
export async function editPressedTelegraf(
  telegram: Telegram,
  pressed: PressedMessage,
  message: OutgoingMessage,
  text: string,
  logger: Logger,
): Promise<boolean> {
  const markup = inlineKeyboardOf(message);
  try {
    await telegram.editMessageText(pressed.chatId, pressed.messageId, undefined, text, {
      ...HTML_MODE,
      ...(markup && { reply_markup: markup }),
    });
    return true;
  } catch (error) {
    if (!(error instanceof TelegramError && error.code === 400)) throw error;
    if (isNotModified(error.description)) return true;
    logger.info(
      { chatId: pressed.chatId, messageId: pressed.messageId, description: error.description },
      'edit refused: sent as a new message',
    );
    return false;
  }
}

/**
 * A callApi that retries 429 (after retry_after) and 5xx (1, 2, 4 s) answers, bounded, with the
 * rules of grammy-retry.ts: a network failure is never retried (the call may have reached
 * Telegram), answerCallbackQuery never (best effort), and an aborted call not again.
 */
export function retryingCallApi(
  call: CallApi,
  { maxRetries = 3, maxDelaySeconds = 30, sleep = realSleep, skip = ['answerCallbackQuery'] }: ReplyRetryOptions = {},
): CallApi {
  const never = new Set(skip);
  return async (method, payload, options) => {
    for (let retry = 1; ; retry++) {
      try {
        return await call(method, payload, options);
      } catch (error) {
        if (!(error instanceof TelegramError) || never.has(method) || retry > maxRetries || options?.signal?.aborted) throw error;
        const seconds = retryDelay(error.response, retry, maxDelaySeconds);
        if (seconds === undefined) throw error;
        await sleep(seconds * 1000);
      }
    }
  };
}

type CallApiOf = Telegram['callApi'];

/** Points a Telegraf client's calls at `call` (the test fake, or a retrying wrapper of its own). */
function useCallApi(telegram: Telegram, call: CallApi): void {
  telegram.callApi = call as unknown as CallApiOf;
}

/** The client's own callApi, bound, as a CallApi. */
function callApiOf(telegram: Telegram): CallApi {
  const original = telegram.callApi.bind(telegram) as unknown as CallApi;
  return (method, payload, options) => original(method, payload, options ?? {});
}

/** The Telegraf transport: Telegram updates in, the core's replies out. */
export function createTelegrafBot({
  token,
  apiRoot,
  app,
  logger,
  botInfo,
  operators,
  retry,
  rateLimit,
  now = Date.now,
  callApi,
}: TelegrafOptions): Telegraf {
  // No handler timeout (grammY has none: a slow update is not abandoned half way), no webhook replies.
  const bot = new Telegraf(token, { telegram: { apiRoot, webhookReply: false }, handlerTimeout: Infinity });
  if (botInfo) bot.botInfo = botInfo;
  if (callApi) useCallApi(bot.telegram, callApi);
  // Each update's own client (ctx.telegram) retries its replies; bot.telegram, the outbox sender's, does not.
  bot.use((ctx, next) => {
    useCallApi(ctx.telegram, retryingCallApi(callApi ?? callApiOf(ctx.telegram), retry));
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
    const data = callbackDataOf(ctx);
    if (data !== undefined) return operatorCommands.has(data.split(':')[0] ?? '');
    const name = parseCommand(textOf(ctx) ?? '')?.name;
    return name !== undefined && operatorCommands.has(name);
  };

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
   * The replies, over this update's retrying client; the answer to a press that replaces the
   * pressed message edits it (deliverReplies). A 403 in a private chat (the user blocked the bot)
   * marks the user inactive, as reminders do, and the rest are not tried.
   */
  const deliver = async (ctx: Context, messages: OutgoingMessage[]) => {
    try {
      await deliverReplies(
        messages,
        pressedMessageOf(ctx.callbackQuery),
        (message, text, pressed) => editPressedTelegraf(ctx.telegram, pressed, message, text, logger),
        (message) => sendOutgoingTelegraf(ctx.telegram, message),
      );
    } catch (error) {
      if (!(error instanceof TelegramError && error.code === 403 && ctx.chat?.type === 'private' && ctx.from)) throw error;
      logger.warn({ userId: ctx.from.id, updateId: ctx.update.update_id, description: error.description }, 'reply refused with 403');
      app.blocked?.(ctx.from.id);
    }
  };

  bot.use(async (ctx, next) => {
    const chat = ctx.chat;
    const data = callbackDataOf(ctx);
    if (chat && (chat.type === 'group' || chat.type === 'supergroup')) {
      // Loan details are private: in groups the bot answers commands and buttons only by pointing
      // people to a private chat (and stays quiet on ordinary group chatter).
      if (data === undefined) {
        // Only a command the message starts with, and not one addressed to another bot (/start@OtherBot).
        const addressee = commandAddressee(textOf(ctx), entitiesOf(ctx), ctx.botInfo?.username);
        if (addressee === 'other') {
          logger.info({ userId: ctx.from?.id, chatId: chat.id, updateId: ctx.update.update_id }, 'command for another bot: ignored');
          return;
        }
        if (addressee === undefined) return next();
      }
      const answered = data !== undefined ? answerPress(ctx, logger) : undefined;
      if (forOperatorsHere(ctx)) {
        await forward(ctx, data !== undefined ? { callbackData: data } : { text: textOf(ctx) ?? '' });
        await answered;
        return;
      }
      // Answered here, not by the core: taken in once all the same, so a redelivery gets no second note.
      if (ctx.from && app.firstTime?.({ userId: ctx.from.id, chatId: chat.id, ...updateKey(ctx) }) === false) {
        await answered;
        return;
      }
      const locale = localeFromLanguageCode(ctx.from?.language_code) ?? 'en';
      await ctx.telegram.sendMessage(chat.id, app.translator.translate(locale, 'private-chat-only'));
      await answered;
      return;
    }
    if (chat?.type === 'private') {
      const text = textOf(ctx);
      if (text !== undefined) return forward(ctx, { text });
      // A file the user sent (/import): downloaded only if the command wants its bytes.
      const document = documentOf(ctx);
      if (document) {
        return forward(ctx, {
          document: telegramDocument(
            document,
            telegramFileAccess(apiRoot, token, (id) => ctx.telegram.getFile(id)),
          ),
        });
      }
      if (data !== undefined) {
        // Answered at once, beside the action: Telegram shows a spinner on the button until then.
        const answered = answerPress(ctx, logger);
        await forward(ctx, { callbackData: data });
        await answered;
        return;
      }
      // Anything else in a private chat (a sticker, a photo, a voice note …): one short answer.
      if (ctx.message && ctx.from) {
        logger.info({ userId: ctx.from.id, updateId: ctx.update.update_id, kind: messageKind(ctx.message) }, 'not a text message: told so');
        // Answered here, not by the core: taken in once all the same, so a redelivery gets no second answer.
        if (app.firstTime?.({ userId: ctx.from.id, chatId: chat.id, ...updateKey(ctx) }) === false) return;
        const locale = localeFromLanguageCode(ctx.from.language_code) ?? 'en';
        await ctx.telegram.sendMessage(chat.id, app.translator.translate(locale, 'text-only'));
        return;
      }
    }
    return next();
  });
  // An edited message is not answered again (its first version was), nor a channel post, a change
  // of the bot's membership or any other kind: logged only. Group chatter is not worth a line.
  bot.use((ctx) => {
    const chatter = ctx.message && ctx.chat?.type !== 'private';
    const line = { userId: ctx.from?.id, chatId: ctx.chat?.id, updateId: ctx.update.update_id, kind: updateKind(ctx.update) };
    if (chatter) logger.debug(line, 'group message: ignored');
    else logger.info(line, 'update not handled: ignored');
  });

  bot.catch((error, ctx) => {
    const description = error instanceof TelegramError ? error.description : String(error);
    logger.error({ updateId: ctx.update.update_id, description }, 'telegram update failed');
  });
  return bot;
}

/** A message's document (update.message only), when it has one with a file id. */
function documentOf(ctx: Context): TelegramDocumentFields | undefined {
  const message = ctx.message as { document?: TelegramDocumentFields } | undefined;
  return typeof message?.document?.file_id === 'string' ? message.document : undefined;
}

/** A message's text (update.message only: edited messages, channel posts are not this). */
function textOf(ctx: Context): string | undefined {
  const message = ctx.message as { text?: unknown } | undefined;
  return typeof message?.text === 'string' ? message.text : undefined;
}

/** A pressed button's data (a callback query without data, a game's, is not one). */
function callbackDataOf(ctx: Context): string | undefined {
  const query = ctx.callbackQuery as { data?: unknown } | undefined;
  return typeof query?.data === 'string' ? query.data : undefined;
}

/** A message's entities (update.message only). */
function entitiesOf(ctx: Context): MessageEntityLike[] | undefined {
  return (ctx.message as { entities?: MessageEntityLike[] } | undefined)?.entities;
}

/** What the core takes each update in once by (src/core/app.ts): the update_id, and a message's message_id. */
function updateKey(ctx: Context): Pick<IncomingUpdate, 'updateId' | 'messageId'> {
  return { updateId: ctx.update.update_id, ...(ctx.message && { messageId: ctx.message.message_id }) };
}

/**
 * Stops the spinner on a pressed button. Best effort: a refused or failed answer is logged and
 * the press is handled all the same; it runs beside the action, so a slow answer holds nothing up.
 */
function answerPress(ctx: Context, logger: Logger): Promise<void> {
  return ctx.answerCbQuery().then(
    () => undefined,
    (error: unknown) => {
      const description = error instanceof TelegramError ? error.description : String(error);
      logger.warn({ userId: ctx.from?.id, updateId: ctx.update.update_id, description }, 'answerCallbackQuery failed');
    },
  );
}

/** Whether the bot would act on this update: anything in a private chat; in a group, a command or a button. */
function addressedToBot(ctx: Context): boolean {
  if (ctx.chat?.type === 'private') return true;
  if (ctx.callbackQuery) return true;
  const message = ctx.message as { entities?: { type: string; offset: number }[] } | undefined;
  return message?.entities?.some((entity) => entity.type === 'bot_command' && entity.offset === 0) ?? false;
}

/**
 * The incoming per-user limit (as grammY's): an update above it is dropped (logged), a pressed
 * button's spinner still stopped, and the first one dropped in a row answered once, politely.
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
      await ctx.telegram.sendMessage(ctx.chat.id, app.translator.translate(locale, 'rate-limited'));
    }
    await answered;
  };
}

/** The start-up command menus, as grammY's publishCommands (command-menus.ts). */
export async function publishCommandsTelegraf(bot: Telegraf, app: App, operatorChatIds: Iterable<number> = []): Promise<void> {
  const menuApi = menuApiOf(bot);
  for (const call of startupMenus(app, operatorChatIds)) await applyMenu(menuApi, call);
}

/** setMyCommands and deleteMyCommands through this framework. */
function menuApiOf(bot: Telegraf): MenuApi {
  return {
    set: (commands, options) => bot.telegram.setMyCommands(commands, options),
    remove: (options) => bot.telegram.deleteMyCommands(options),
  };
}

/** A traditional-Chinese user's own chat menu (command-menus.ts), beside the update. */
function traditionalMenus(bot: Telegraf, menus: TraditionalMenus, logger: Logger) {
  const menuApi = menuApiOf(bot);
  return (ctx: Context, next: () => Promise<void>): Promise<void> => {
    offerTraditionalMenu(menus, menuApi, ctx.chat, ctx.from?.language_code, (chatId, description) =>
      logger.warn({ chatId, description }, 'chat command menu failed'),
    );
    return next();
  };
}
