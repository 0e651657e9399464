import type { Bot } from 'grammy';
import type { Chat, Message, Update, User } from 'grammy/types';
import { beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/core/app.ts';
import { SettableClock } from '../../src/core/clock.ts';
import { testCore } from '../support/bot.ts';
import { openDatabase, type Db } from '../../src/db/client.ts';
import { silentLogger } from '../../src/log.ts';
import { createGrammyBot, publishCommands } from '../../src/transports/grammy.ts';
import { BOT_INFO } from './bot-info.ts';

/*
 * The grammY transport end to end, without a network: real-shaped Telegram updates go in
 * through bot.handleUpdate, and an API transformer records every Bot API call instead of
 * sending it.
 */

interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  result?: Message;
}

interface SentMessage {
  chatId: number;
  text: string;
  /** callback_data of every inline button, row by row. */
  buttons: { text: string; data: string }[][];
  /** The Message object the fake API answered with, for pressing its buttons. */
  message: Message;
}

interface Harness {
  bot: Bot;
  app: App;
  db: Db;
  calls: ApiCall[];
  /** sendMessage calls made since the last `take()`. */
  take(): SentMessage[];
  sendText(text: string, options?: { from?: Partial<User>; chat?: Chat }): Promise<SentMessage[]>;
  press(message: Message, data: string, options?: { from?: Partial<User> }): Promise<SentMessage[]>;
}

const ALICE: User = { id: 4242, is_bot: false, first_name: 'Alice', language_code: 'en' };

function privateChat(user: User): Chat.PrivateChat {
  return { id: user.id, type: 'private', first_name: user.first_name };
}

function createHarness(): Harness {
  const db = openDatabase(':memory:');
  const clock = new SettableClock(new Date('2026-11-21T02:00:00Z'));
  const logger = silentLogger();
  const app = testCore({
    config: { DEFAULT_TIMEZONE: 'Asia/Shanghai', DEFAULT_LANGUAGE: 'en' },
    db,
    clock,
    logger,
    strictI18n: true,
  });
  const bot = createGrammyBot({
    token: '123456:TEST-token-not-real-000000',
    apiRoot: 'http://127.0.0.1:9',
    app,
    logger,
    botInfo: BOT_INFO,
  });

  const calls: ApiCall[] = [];
  let messageId = 100;
  let taken = 0;
  bot.api.config.use(async (_prev, method, payload) => {
    const body = (payload ?? {}) as Record<string, unknown>;
    const call: ApiCall = { method, payload: body };
    calls.push(call);
    if (method === 'sendMessage') {
      messageId += 1;
      const chatId = Number(body.chat_id);
      // What Telegram would answer: the sent message, keyboard included, as it arrives later in a callback_query.
      call.result = {
        message_id: messageId,
        date: 1795000000,
        chat: chatId > 0 ? { id: chatId, type: 'private', first_name: 'Alice' } : { id: chatId, type: 'group', title: 'Family' },
        from: BOT_INFO,
        text: String(body.text),
        ...(body.reply_markup !== undefined && {
          reply_markup: JSON.parse(JSON.stringify(body.reply_markup)) as Message['reply_markup'],
        }),
      } as Message;
      return { ok: true, result: call.result } as never;
    }
    return { ok: true, result: true } as never;
  });

  let updateId = 5000;
  const take = (): SentMessage[] => {
    const fresh = calls.slice(taken);
    taken = calls.length;
    return fresh
      .filter((call) => call.method === 'sendMessage')
      .map((call) => {
        const markup = call.payload.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
        const buttons = (markup?.inline_keyboard ?? []).map((row) => row.map((b) => ({ text: b.text, data: b.callback_data ?? '' })));
        return { chatId: Number(call.payload.chat_id), text: String(call.payload.text), buttons, message: call.result as Message };
      });
  };

  const harness: Harness = {
    bot,
    app,
    db,
    calls,
    take,
    async sendText(text, { from = {}, chat } = {}) {
      const user: User = { ...ALICE, ...from };
      const entities = text.startsWith('/')
        ? [{ type: 'bot_command' as const, offset: 0, length: text.split(/\s/)[0]?.length ?? 0 }]
        : undefined;
      updateId += 1;
      const update: Update = {
        update_id: updateId,
        message: {
          message_id: updateId,
          date: 1795000000,
          chat: chat ?? privateChat(user),
          from: user,
          text,
          ...(entities && { entities }),
        } as Update['message'] & object,
      };
      await bot.handleUpdate(update);
      return take();
    },
    async press(message, data, { from = {} } = {}) {
      const user: User = { ...ALICE, ...from };
      updateId += 1;
      const update: Update = {
        update_id: updateId,
        callback_query: {
          id: `cbq-${updateId}`,
          from: user,
          message,
          chat_instance: '-77001',
          data,
        },
      };
      await bot.handleUpdate(update);
      return take();
    },
  };
  return harness;
}

function count(db: Db, table: string): number {
  const row = db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number };
  return row.n;
}

describe('grammY transport', () => {
  let h: Harness;

  beforeEach(() => {
    h = createHarness();
  });

  it('answers /start in English to an English Telegram user, in their private chat', async () => {
    const sent = await h.sendText('/start');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.chatId).toBe(ALICE.id);
    expect(sent[0]?.text).toContain('your repayment assistant');
    expect(sent[0]?.text).toContain('/addloan');
  });

  it('answers /start in simplified Chinese for language_code zh-hans', async () => {
    const sent = await h.sendText('/start', { from: { language_code: 'zh-hans' } });
    expect(sent[0]?.text).toContain('还款助手');
    expect(sent[0]?.text).not.toContain('還款');
    expect(sent[0]?.text).not.toContain('repayment assistant');
  });

  it('answers /start in traditional Chinese for language_code zh-TW', async () => {
    const sent = await h.sendText('/start', { from: { language_code: 'zh-TW' } });
    expect(sent[0]?.text).toContain('還款助手');
    expect(sent[0]?.text).not.toContain('还款');
  });

  it('understands /start@yourbotname, the form Telegram sends from the command menu', async () => {
    const sent = await h.sendText('/start@yourbotname');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toContain('your repayment assistant');
  });

  it('adds a loan in one line, saves it with the Save button, and /next shows the first installment', async () => {
    const card = await h.sendText('/addloan car loan 10000 12 months 12% apr annuity first 2027-01-15');
    const withButtons = card.filter((m) => m.buttons.length > 0);
    expect(withButtons).toHaveLength(1);
    const confirm = withButtons[0]!;
    expect(confirm.chatId).toBe(ALICE.id);
    expect(confirm.text).toContain('car loan');
    expect(confirm.text).toContain('888.49');
    // Telegram rejects callback data longer than 64 bytes.
    for (const button of confirm.buttons.flat()) {
      expect(Buffer.byteLength(button.data, 'utf8')).toBeGreaterThan(0);
      expect(Buffer.byteLength(button.data, 'utf8')).toBeLessThanOrEqual(64);
    }
    const save = confirm.buttons.flat().find((b) => b.text === 'Save');
    expect(save, 'the confirmation card has a Save button').toBeDefined();
    expect(count(h.db, 'loans'), 'nothing is saved before Save is pressed').toBe(0);

    const callsBefore = h.calls.length;
    const saved = await h.press(confirm.message, save!.data);
    const answer = h.calls.slice(callsBefore).find((c) => c.method === 'answerCallbackQuery');
    expect(answer, 'the button press is answered so Telegram stops the spinner').toBeDefined();
    expect(String(answer?.payload.callback_query_id)).toMatch(/^cbq-/);
    expect(saved).toHaveLength(1);
    expect(saved[0]?.chatId).toBe(ALICE.id);
    expect(saved[0]?.text).toContain('Saved "car loan"');
    expect(count(h.db, 'loans')).toBe(1);

    const next = await h.sendText('/next');
    expect(next).toHaveLength(1);
    expect(next[0]?.text).toContain('888.49');
    expect(next[0]?.text).toContain('2027-01-15');
  });

  it('pressing Save a second time on the same card does not save the loan twice', async () => {
    const card = await h.sendText('/addloan car loan 10000 12 months 12% apr annuity first 2027-01-15');
    const confirm = card.find((m) => m.buttons.length > 0)!;
    const save = confirm.buttons.flat().find((b) => b.text === 'Save')!;
    await h.press(confirm.message, save.data);
    const again = await h.press(confirm.message, save.data);
    expect(count(h.db, 'loans')).toBe(1);
    expect(again[0]?.text).toContain('older message');
  });

  it('in a group chat only points to a private chat, and stores nothing', async () => {
    const group: Chat.GroupChat = { id: -100200300, type: 'group', title: 'Family' };
    const sent = await h.sendText('/addloan car loan 10000 12 months 12% apr annuity first 2027-01-15', { chat: group });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.chatId).toBe(group.id);
    expect(sent[0]?.text).toContain('private chat');
    expect(sent[0]?.text).not.toContain('car loan');
    expect(count(h.db, 'users')).toBe(0);
    expect(count(h.db, 'loans')).toBe(0);
    expect(count(h.db, 'form_states')).toBe(0);
  });

  it('in a group chat answers in the sender’s language', async () => {
    const group: Chat.SupergroupChat = { id: -100900800, type: 'supergroup', title: '家人' };
    const sent = await h.sendText('/next', { chat: group, from: { language_code: 'zh-CN' } });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.chatId).toBe(group.id);
    expect(sent[0]?.text).toMatch(/私聊/);
    expect(count(h.db, 'users')).toBe(0);
  });

  it('a button pressed in a group is answered and only points to a private chat', async () => {
    const group: Chat.GroupChat = { id: -100200300, type: 'group', title: 'Family' };
    const message = { message_id: 1, date: 1795000000, chat: group, from: BOT_INFO, text: 'card' } as Message;
    const callsBefore = h.calls.length;
    const sent = await h.press(message, 'language:zh-Hans');
    expect(h.calls.slice(callsBefore).some((c) => c.method === 'answerCallbackQuery')).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.chatId).toBe(group.id);
    expect(sent[0]?.text).toContain('private chat');
    expect(count(h.db, 'users')).toBe(0);
  });

  it('publishCommands registers the whole command menu in English and in Chinese', async () => {
    await publishCommands(h.bot, h.app);
    const menus = h.calls.filter((c) => c.method === 'setMyCommands');
    expect(menus).toHaveLength(2);
    const [english, chinese] = menus as [ApiCall, ApiCall];
    expect(english.payload.language_code).toBeUndefined();
    expect(chinese.payload.language_code).toBe('zh');

    const expected = ['start', 'addloan', 'loans', 'next', 'language', 'cancel', 'help'];
    for (const menu of [english, chinese]) {
      const commands = menu.payload.commands as { command: string; description: string }[];
      // Everyone's menu: operator commands (/queue, /note) are only in the operators' chat-scoped menus.
      const everyones = h.app.commands.filter((c) => !c.buttonsOnly && c.audience !== 'operator');
      expect(commands.map((c) => c.command)).toEqual(everyones.map((c) => c.name));
      expect(commands.map((c) => c.command)).toEqual(expect.arrayContaining(expected));
      for (const { command, description } of commands) {
        // Bot API limits: command 1-32 of [a-z0-9_], description 1-256 characters.
        expect(command).toMatch(/^[a-z0-9_]{1,32}$/);
        expect(description.length).toBeGreaterThan(0);
        expect(description.length).toBeLessThanOrEqual(256);
      }
    }
    const describe = (menu: ApiCall, name: string) =>
      (menu.payload.commands as { command: string; description: string }[]).find((c) => c.command === name)?.description;
    expect(describe(english, 'addloan')).toMatch(/loan/i);
    expect(describe(chinese, 'addloan')).toMatch(/借款/);
  });
});
