import { HttpError, InputFile } from 'grammy';
import type { Chat, Message, Update, User } from 'grammy/types';
import { TelegramError } from 'telegraf';
import type { App } from '../../src/core/app.ts';
import type { SettableClock } from '../../src/core/clock.ts';
import type { MessageSender } from '../../src/core/sender.ts';
import type { Db } from '../../src/db/client.ts';
import { createGrammyBot, publishCommands } from '../../src/transports/grammy.ts';
import { telegramSender, type OutboxSendOptions } from '../../src/transports/grammy-sender.ts';
import type { IncomingLimitOptions } from '../../src/transports/incoming-limit.ts';
import { createTelegrafBot, publishCommandsTelegraf } from '../../src/transports/telegraf.ts';
import { telegrafSender } from '../../src/transports/telegraf-sender.ts';
import { testCore } from '../support/bot.ts';
import { BOT_INFO } from './bot-info.ts';
import { ALICE, type LogLine, nextId, privateChat, recordingLogger } from './grammy-harness.ts';

/*
 * One harness for both Telegram transports, so the contract suite (transport-contract.test.ts)
 * runs the same cases against grammY and Telegraf. Each bot is driven without a network through
 * its own handleUpdate; every Bot API call is answered in process (grammY: an API transformer;
 * Telegraf: the transport's callApi hook) and recorded in the same shape. What the fake Bot API
 * answers is said framework-free (a refusal, a network failure), and each framework gets it as its
 * own client would raise it.
 */

export type Framework = 'grammY' | 'Telegraf';
export const FRAMEWORKS: Framework[] = ['grammY', 'Telegraf'];

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

/** Telegram refusing a call (ok: false). */
export interface Refusal {
  refused: number;
  description: string;
  retryAfter?: number;
}

/** The connection failing: `code` says whether before the request left (ECONNREFUSED) or after (ECONNRESET). */
export interface NetworkFailure {
  network: string;
}

/** What the fake Bot API answers a call: undefined for a plain success. */
export type Answer = (call: ApiCall, index: number) => Refusal | NetworkFailure | undefined | Promise<Refusal | NetworkFailure | undefined>;

export const refused = (code: number, description: string, retryAfter?: number): Refusal => ({
  refused: code,
  description,
  ...(retryAfter !== undefined && { retryAfter }),
});

export interface ContractOptions {
  db?: Db;
  clock?: SettableClock;
  /** Another core (the transports' fake-app.ts); default: the real one on `db` and `clock`. */
  app?: App;
  answer?: Answer;
  operators?: { chatIds: readonly number[]; userIds: readonly number[] };
  rateLimit?: IncomingLimitOptions | false;
  now?: () => number;
}

export interface Sent {
  chatId: number;
  text: string;
  buttons: { text: string; data: string }[][];
  message: Message;
}

export interface ContractHarness {
  framework: Framework;
  app: App;
  calls: ApiCall[];
  lines: LogLine[];
  /** Waits the retrying asked for, in ms (none is really waited). */
  slept: number[];
  /** Texts sent (sendMessage) since the last take(). */
  take(): Sent[];
  /** Every message edited (editMessageText), as it reads after the edit (`message`: the edited message). */
  edits(): Sent[];
  textUpdate(text: string, options?: { updateId?: number; messageId?: number; from?: Partial<User>; chat?: Chat }): Update;
  pressUpdate(message: Message, data: string, options?: { from?: Partial<User>; chat?: Chat }): Update;
  /** Delivers an update as the run mode's driver does. */
  deliver(update: Update): Promise<void>;
  publishCommands(operatorChats?: number[]): Promise<void>;
  /** The outbox sender on the bot's own API (not retrying); `options` as the driver passes them (paid broadcast). */
  sender(options?: OutboxSendOptions): MessageSender;
  /** The file a sendDocument / sendPhoto payload uploads: its name and bytes. */
  fileOf(value: unknown): { filename: string | undefined; bytes: Uint8Array };
}

const TOKEN = '123456:TEST-token-not-real-000000';

function realCore(options: ContractOptions, logger: ReturnType<typeof recordingLogger>['logger']): App {
  if (!options.db || !options.clock) throw new Error('the real core needs db and clock');
  return testCore({ db: options.db, clock: options.clock, logger, config: { DEFAULT_TIMEZONE: 'Asia/Shanghai', DEFAULT_LANGUAGE: 'en' } });
}

/** What Telegram answers a successful call: a Message for send* and editMessageText (the message edited), true otherwise. */
function resultOf(call: ApiCall, messageId: number): Message | true {
  const edit = call.method === 'editMessageText';
  if (!call.method.startsWith('send') && !edit) return true;
  const chatId = Number(call.payload.chat_id);
  return {
    message_id: edit ? Number(call.payload.message_id) : messageId,
    ...(edit && { edit_date: 1795000100 }),
    date: 1795000000,
    chat: chatId > 0 ? { id: chatId, type: 'private', first_name: 'Alice' } : { id: chatId, type: 'group', title: 'Family' },
    from: BOT_INFO,
    ...((call.method === 'sendMessage' || edit) && { text: String(call.payload.text) }),
    ...(call.payload.reply_markup !== undefined && {
      reply_markup: JSON.parse(JSON.stringify(call.payload.reply_markup)) as Message['reply_markup'],
    }),
  } as Message;
}

export function contractHarness(framework: Framework, options: ContractOptions = {}): ContractHarness {
  const { logger, lines } = recordingLogger();
  const app = options.app ?? realCore(options, logger);
  const calls: ApiCall[] = [];
  const results = new Map<ApiCall, Message>();
  const slept: number[] = [];
  const retry = { sleep: async (ms: number) => void slept.push(ms) };
  let messageId = 100;

  /** Records the call and says what the fake Bot API does: succeed with a result, refuse, or fail. */
  const answerOf = async (method: string, payload: unknown) => {
    const call: ApiCall = { method, payload: (payload ?? {}) as Record<string, unknown> };
    calls.push(call);
    const answered = await options.answer?.(call, calls.length - 1);
    if (answered !== undefined) return { call, failure: answered };
    messageId += 1;
    const result = resultOf(call, messageId);
    if ((method === 'sendMessage' || method === 'editMessageText') && result !== true) results.set(call, result);
    return { call, result };
  };

  const common = {
    app,
    logger,
    botInfo: BOT_INFO,
    retry,
    ...(options.operators && { operators: options.operators }),
    ...(options.rateLimit !== undefined && { rateLimit: options.rateLimit }),
    ...(options.now && { now: options.now }),
  };

  let deliver: (update: Update) => Promise<void>;
  let publish: (chats?: number[]) => Promise<void>;
  let sender: (options?: OutboxSendOptions) => MessageSender;
  if (framework === 'grammY') {
    const bot = createGrammyBot({ token: TOKEN, apiRoot: 'http://127.0.0.1:9', ...common });
    bot.api.config.use(async (_prev, method, payload) => {
      const { failure, result } = await answerOf(method, payload);
      if (failure && 'network' in failure) throw new HttpError(`Network request for '${method}' failed!`, networkError(failure.network));
      if (failure) {
        const parameters = failure.retryAfter !== undefined ? { retry_after: failure.retryAfter } : undefined;
        return { ok: false, error_code: failure.refused, description: failure.description, ...(parameters && { parameters }) } as never;
      }
      return { ok: true, result } as never;
    });
    deliver = async (update) => {
      try {
        await bot.handleUpdate(update);
      } catch (error) {
        await bot.errorHandler(error as Parameters<typeof bot.errorHandler>[0]);
      }
    };
    publish = (chats) => publishCommands(bot, app, chats);
    sender = (options) => telegramSender(bot.api, undefined, options);
  } else {
    const bot = createTelegrafBot({
      token: TOKEN,
      apiRoot: 'http://127.0.0.1:9',
      ...common,
      callApi: async (method, payload) => {
        const { failure, result } = await answerOf(method, payload);
        if (failure && 'network' in failure) throw networkError(failure.network);
        if (failure) {
          const parameters = failure.retryAfter !== undefined ? { retry_after: failure.retryAfter } : undefined;
          throw new TelegramError(
            { error_code: failure.refused, description: failure.description, ...(parameters && { parameters }) },
            { method, payload },
          );
        }
        return result;
      },
    });
    // As the driver does: bot.catch logs every failure, so handleUpdate does not throw.
    deliver = (update) => bot.handleUpdate(update as Parameters<typeof bot.handleUpdate>[0]);
    publish = (chats) => publishCommandsTelegraf(bot, app, chats);
    sender = (options) => telegrafSender(bot.telegram, undefined, options);
  }

  const sentOf = (call: ApiCall): Sent => {
    const markup = call.payload.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
    const buttons = (markup?.inline_keyboard ?? []).map((row) => row.map((b) => ({ text: b.text, data: b.callback_data ?? '' })));
    return { chatId: Number(call.payload.chat_id), text: String(call.payload.text), buttons, message: results.get(call) as Message };
  };
  let taken = 0;
  return {
    framework,
    app,
    calls,
    lines,
    slept,
    take() {
      const fresh = calls.slice(taken);
      taken = calls.length;
      return fresh.filter((call) => call.method === 'sendMessage' && results.has(call)).map(sentOf);
    },
    edits() {
      return calls.filter((call) => call.method === 'editMessageText' && results.has(call)).map(sentOf);
    },
    textUpdate(text, { updateId = nextId(), messageId: id = updateId, from = {}, chat } = {}) {
      const user: User = { ...ALICE, ...from };
      const command = text.startsWith('/')
        ? [{ type: 'bot_command' as const, offset: 0, length: text.split(/\s/)[0]?.length ?? 0 }]
        : undefined;
      return {
        update_id: updateId,
        message: {
          message_id: id,
          date: 1795000000,
          chat: chat ?? privateChat(user),
          from: user,
          text,
          ...(command && { entities: command }),
        } as Update['message'] & object,
      };
    },
    pressUpdate(message, data, { from = {}, chat } = {}) {
      const updateId = nextId();
      const pressed = chat ? ({ ...message, chat } as Message) : message;
      return {
        update_id: updateId,
        callback_query: { id: `cbq-${updateId}`, from: { ...ALICE, ...from }, message: pressed, chat_instance: '-77001', data },
      };
    },
    deliver: (update) => deliver(update),
    publishCommands: (chats) => publish(chats),
    sender: (options) => sender(options),
    fileOf(value) {
      if (value instanceof InputFile) {
        const data = (value as unknown as { fileData: Uint8Array }).fileData;
        return { filename: value.filename, bytes: new Uint8Array(data) };
      }
      const input = value as { source: Buffer; filename?: string };
      return { filename: input.filename, bytes: new Uint8Array(input.source) };
    },
  };
}

/** A connection failure as the framework's HTTP client raises it (node-fetch's FetchError for Telegraf). */
function networkError(code: string): Error {
  return Object.assign(new Error(`request to http://127.0.0.1:9 failed, reason: ${code}`), {
    name: 'FetchError',
    code,
    errno: code,
    type: 'system',
  });
}

export function countRows(db: Db, table: string): number {
  return (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

export function activeOf(db: Db, userId: number): number | undefined {
  return (db.$client.prepare('select active from users where id = ?').get(userId) as { active: number } | undefined)?.active;
}
