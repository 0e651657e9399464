import type { Bot } from 'grammy';
import type { Chat, Message, Update, User } from 'grammy/types';
import pino from 'pino';
import type { App } from '../../src/core/app.ts';
import { SettableClock } from '../../src/core/clock.ts';
import type { Db } from '../../src/db/client.ts';
import type { Logger } from '../../src/log.ts';
import { createGrammyBot, type GrammyOptions } from '../../src/transports/grammy.ts';
import { testCore } from '../support/bot.ts';
import { BOT_INFO } from './bot-info.ts';

/*
 * The grammY transport over the real core, driven through bot.handleUpdate without a network:
 * an API transformer answers every Bot API call (as `answer` decides) and records it. Updates are
 * built by hand, so a test can deliver the same one twice, as Telegram does after a crash.
 */

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

/** What the fake Bot API answers a call: undefined for a plain success. */
export type Answer = (call: ApiCall, index: number) => unknown | Promise<unknown>;

export const ALICE: User = { id: 4242, is_bot: false, first_name: 'Alice', language_code: 'en' };

export function privateChat(user: User): Chat.PrivateChat {
  return { id: user.id, type: 'private', first_name: user.first_name };
}

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A pino logger that keeps its lines, to check what was logged. */
export function recordingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  return { logger, lines };
}

export interface Harness {
  bot: Bot;
  app: App;
  calls: ApiCall[];
  lines: LogLine[];
  /** Texts sent since the last take(). */
  take(): { chatId: number; text: string; buttons: { text: string; data: string }[][]; message: Message }[];
  /** A new message update (fresh update_id and message_id unless given). */
  textUpdate(text: string, options?: { updateId?: number; messageId?: number; from?: Partial<User>; chat?: Chat }): Update;
  pressUpdate(message: Message, data: string, options?: { from?: Partial<User> }): Update;
  /** Delivers an update as the polling loop does: an error goes to the bot's error handler. */
  deliver(update: Update): Promise<void>;
}

let ids = 70_000;
/** A fresh id for update_id / message_id. */
export const nextId = () => ++ids;

export function createHarness(options: { db: Db; clock: SettableClock; answer?: Answer; grammy?: Partial<GrammyOptions> }): Harness {
  const { logger, lines } = recordingLogger();
  const app = testCore({
    db: options.db,
    clock: options.clock,
    logger,
    config: { DEFAULT_TIMEZONE: 'Asia/Shanghai', DEFAULT_LANGUAGE: 'en' },
  });
  const bot = createGrammyBot({
    token: '123456:TEST-token-not-real-000000',
    apiRoot: 'http://127.0.0.1:9',
    app,
    logger,
    botInfo: BOT_INFO,
    ...options.grammy,
  });
  const calls: ApiCall[] = [];
  const results = new Map<ApiCall, Message>();
  let messageId = 100;
  bot.api.config.use(async (_prev, method, payload) => {
    const call: ApiCall = { method, payload: (payload ?? {}) as Record<string, unknown> };
    calls.push(call);
    const answered = await options.answer?.(call, calls.length - 1);
    if (answered instanceof Error) throw answered;
    if (answered !== undefined) return answered as never;
    if (method !== 'sendMessage') return { ok: true, result: true } as never;
    messageId += 1;
    const result = {
      message_id: messageId,
      date: 1795000000,
      chat: { id: Number(call.payload.chat_id), type: 'private', first_name: 'Alice' },
      from: BOT_INFO,
      text: String(call.payload.text),
      ...(call.payload.reply_markup !== undefined && {
        reply_markup: JSON.parse(JSON.stringify(call.payload.reply_markup)) as Message['reply_markup'],
      }),
    } as Message;
    results.set(call, result);
    return { ok: true, result } as never;
  });
  let taken = 0;
  return {
    bot,
    app,
    calls,
    lines,
    take() {
      const fresh = calls.slice(taken);
      taken = calls.length;
      return fresh
        .filter((call) => call.method === 'sendMessage' && results.has(call))
        .map((call) => {
          const markup = call.payload.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
          const buttons = (markup?.inline_keyboard ?? []).map((row) => row.map((b) => ({ text: b.text, data: b.callback_data ?? '' })));
          return { chatId: Number(call.payload.chat_id), text: String(call.payload.text), buttons, message: results.get(call) as Message };
        });
    },
    textUpdate(text, { updateId = nextId(), messageId = updateId, from = {}, chat } = {}) {
      const user: User = { ...ALICE, ...from };
      const command = text.startsWith('/')
        ? [{ type: 'bot_command' as const, offset: 0, length: text.split(/\s/)[0]?.length ?? 0 }]
        : undefined;
      return {
        update_id: updateId,
        message: {
          message_id: messageId,
          date: 1795000000,
          chat: chat ?? privateChat(user),
          from: user,
          text,
          ...(command && { entities: command }),
        } as Update['message'] & object,
      };
    },
    pressUpdate(message, data, { from = {} } = {}) {
      const updateId = nextId();
      return {
        update_id: updateId,
        callback_query: { id: `cbq-${updateId}`, from: { ...ALICE, ...from }, message, chat_instance: '-77001', data },
      };
    },
    async deliver(update) {
      try {
        await bot.handleUpdate(update);
      } catch (error) {
        await bot.errorHandler(error as Parameters<Bot['errorHandler']>[0]);
      }
    },
  };
}

export function countRows(db: Db, table: string): number {
  return (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

export const START = new Date('2026-11-21T02:00:00Z');
export const newClock = () => new SettableClock(START);
