import { describe, expect, it } from 'vitest';
import type { Chat, Message } from 'grammy/types';
import { SettableClock } from '../../src/core/clock.ts';
import { openDatabase, type Db } from '../../src/db/client.ts';
import { BOT_INFO } from './bot-info.ts';
import {
  type Answer,
  type ApiCall,
  type ContractHarness,
  type ContractOptions,
  FRAMEWORKS,
  activeOf,
  contractHarness,
  countRows,
  refused,
} from './contract-harness.ts';
import { BUTTONS, ICS, LONG_CAPTION, OPERATOR_CHAT, PNG, fakeApp } from './fake-app.ts';
import { ALICE } from './grammy-harness.ts';

/*
 * The contract of a Telegram transport (issue 12, point 1): the behaviours the grammY tests
 * (grammy*.test.ts) check, run against grammY and Telegraf alike through one harness
 * (contract-harness.ts). Both are driven through their own handleUpdate with an in-process Bot
 * API; waits are recorded, never slept.
 */

const START = new Date('2026-11-21T02:00:00Z');
const GROUP: Chat.GroupChat = { id: -100200300, type: 'group', title: 'Family' };
const ADD_LOAN = '/addloan car loan 10000 12 months 12% apr annuity first 2027-01-15';
const POLITE = 'You are sending messages faster than I can read them';

function real(framework: (typeof FRAMEWORKS)[number], options: Omit<ContractOptions, 'db' | 'clock'> = {}) {
  const db = openDatabase(':memory:');
  const clock = new SettableClock(START);
  return { db, clock, h: contractHarness(framework, { db, clock, rateLimit: false, ...options }) };
}

/** The first `times` sendMessage calls get `answer`, the rest succeed. */
function failingSends(times: number, answer: ReturnType<Answer>): Answer {
  let left = times;
  return (call) => (call.method === 'sendMessage' && left-- > 0 ? answer : undefined);
}

async function cardAndSave(h: ContractHarness): Promise<{ message: Message; data: string }> {
  await h.deliver(h.textUpdate(ADD_LOAN));
  const card = h.take().find((m) => m.buttons.length > 0);
  expect(card, 'the confirmation card has buttons').toBeDefined();
  const save = card?.buttons.flat().find((b) => b.text === 'Save');
  expect(save, 'the confirmation card has a Save button').toBeDefined();
  return { message: card?.message as Message, data: save?.data as string };
}

const methods = (calls: ApiCall[]) => calls.map((c) => c.method);

describe.each(FRAMEWORKS)('%s transport: the contract', (framework) => {
  describe('commands', () => {
    it('answers /start in the user’s Telegram language, in their private chat; /start@botname too', async () => {
      const { h } = real(framework);
      await h.deliver(h.textUpdate('/start'));
      await h.deliver(h.textUpdate('/start', { from: { language_code: 'zh-hans' } }));
      await h.deliver(h.textUpdate('/start', { from: { language_code: 'zh-TW' } }));
      await h.deliver(h.textUpdate(`/start@${BOT_INFO.username}`));
      const sent = h.take();
      expect(sent.map((m) => m.chatId)).toEqual([ALICE.id, ALICE.id, ALICE.id, ALICE.id]);
      expect(sent[0]?.text).toContain('your repayment assistant');
      expect(sent[1]?.text).toContain('还款助手');
      expect(sent[2]?.text).toContain('還款助手');
      expect(sent[3]?.text).toContain('your repayment assistant');
    });

    it('gives a traditional-Chinese user a menu of their own chat, once, and takes it back when their Telegram changes language', async () => {
      const h = contractHarness(framework, { app: fakeApp() });
      const menuCalls = () =>
        h.calls
          .filter((c) => c.method === 'setMyCommands' || c.method === 'deleteMyCommands')
          .map((c) => ({ method: c.method, scope: c.payload.scope, language: c.payload.language_code }));
      await h.deliver(h.textUpdate('/start', { from: { language_code: 'zh-TW' } }));
      await h.deliver(h.textUpdate('/help', { from: { language_code: 'zh-TW' } }));
      const scope = { type: 'chat', chat_id: ALICE.id };
      expect(menuCalls()).toEqual([{ method: 'setMyCommands', scope, language: 'zh' }]);
      const menu = h.calls.find((c) => c.method === 'setMyCommands')?.payload.commands as { command: string }[];
      expect(menu.map((entry) => entry.command)).toEqual(['start', 'export', 'help']);
      await h.deliver(h.textUpdate('/start', { from: { language_code: 'en' } }));
      expect(menuCalls()).toEqual([
        { method: 'setMyCommands', scope, language: 'zh' },
        { method: 'deleteMyCommands', scope, language: 'zh' },
      ]);
      h.take();
    });

    it('publishes the command menus: everyone’s in English and zh, operator commands only chat-scoped', async () => {
      const h = contractHarness(framework, { app: fakeApp() });
      await h.publishCommands([OPERATOR_CHAT, 777, 777]);
      const menus = h.calls.map((c) => ({
        method: c.method,
        scope: c.payload.scope,
        language: c.payload.language_code,
        commands: (c.payload.commands as { command: string }[]).map((x) => x.command),
      }));
      expect(menus).toEqual([
        { method: 'setMyCommands', scope: undefined, language: undefined, commands: ['start', 'export', 'help'] },
        { method: 'setMyCommands', scope: undefined, language: 'zh', commands: ['start', 'export', 'help'] },
        {
          method: 'setMyCommands',
          scope: { type: 'chat', chat_id: OPERATOR_CHAT },
          language: undefined,
          commands: ['start', 'export', 'review', 'help'],
        },
        {
          method: 'setMyCommands',
          scope: { type: 'chat', chat_id: OPERATOR_CHAT },
          language: 'zh',
          commands: ['start', 'export', 'review', 'help'],
        },
        {
          method: 'setMyCommands',
          scope: { type: 'chat', chat_id: 777 },
          language: undefined,
          commands: ['start', 'export', 'review', 'help'],
        },
        { method: 'setMyCommands', scope: { type: 'chat', chat_id: 777 }, language: 'zh', commands: ['start', 'export', 'review', 'help'] },
      ]);
      expect((h.calls[1]?.payload.commands as { description: string }[] | undefined)?.[1]?.description).toBe('一笔借款的完整还款计划');
    });
  });

  describe('buttons', () => {
    it('adds a loan, saves it with its Save button (the press answered), and /next shows it', async () => {
      const { db, h } = real(framework);
      const { message, data } = await cardAndSave(h);
      expect(Buffer.byteLength(data, 'utf8')).toBeLessThanOrEqual(64);
      expect(countRows(db, 'loans'), 'nothing is saved before Save is pressed').toBe(0);
      const before = h.calls.length;
      await h.deliver(h.pressUpdate(message, data));
      const answer = h.calls.slice(before).find((c) => c.method === 'answerCallbackQuery');
      expect(String(answer?.payload.callback_query_id)).toMatch(/^cbq-/);
      expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining('Saved "car loan"')]);
      expect(countRows(db, 'loans')).toBe(1);
      await h.deliver(h.textUpdate('/next'));
      expect(h.take().map((m) => m.text)).toEqual([expect.stringMatching(/888\.49[\s\S]*2027-01-15|2027-01-15[\s\S]*888\.49/)]);
    });

    it('a second press of a used card does not save twice: it is an older message', async () => {
      const { db, h } = real(framework);
      const { message, data } = await cardAndSave(h);
      await h.deliver(h.pressUpdate(message, data));
      h.take();
      await h.deliver(h.pressUpdate(message, data));
      expect(countRows(db, 'loans')).toBe(1);
      expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining('older message')]);
    });
  });

  describe('paging and settings buttons edit their message (Reply.edit)', () => {
    const LONG_LOAN = '/addloan car loan 10000 24 months 12% apr annuity first 2027-01-15';
    const NOT_FOUND = 'Bad Request: message to edit not found';
    const NOT_MODIFIED = 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same';

    /** A saved 24-month loan and its schedule's first page (two pages of 12), with its Next button. */
    async function schedulePage(h: ContractHarness): Promise<{ message: Message; next: string }> {
      await h.deliver(h.textUpdate(LONG_LOAN));
      const card = h.take().find((m) => m.buttons.length > 0);
      const save = card?.buttons.flat().find((b) => b.text === 'Save');
      await h.deliver(h.pressUpdate(card?.message as Message, save?.data as string));
      await h.deliver(h.textUpdate('/schedule 1'));
      const page = h.take().find((m) => m.text.includes('page 1 of 2'));
      const next = page?.buttons.flat().find((b) => b.text === 'Next »');
      expect(next, 'the first page has a Next button').toBeDefined();
      return { message: page?.message as Message, next: next?.data as string };
    }

    it('a schedule’s Next button edits the pressed message into the next page, with its buttons; nothing is sent', async () => {
      const { h } = real(framework);
      const { message, next } = await schedulePage(h);
      const before = h.calls.length;
      await h.deliver(h.pressUpdate(message, next));
      expect(methods(h.calls.slice(before)).sort()).toEqual(['answerCallbackQuery', 'editMessageText']);
      const [edit] = h.edits();
      expect(edit?.chatId).toBe(ALICE.id);
      expect(edit?.message.message_id).toBe(message.message_id);
      expect(h.calls.find((c) => c.method === 'editMessageText')?.payload.message_id).toBe(message.message_id);
      expect(edit?.text).toContain('page 2 of 2');
      expect(edit?.buttons.flat().map((b) => b.text)).toEqual(['« Previous']);
      // Previous, pressed on the edited message, edits it back to the first page.
      await h.deliver(h.pressUpdate(edit?.message as Message, edit?.buttons.flat()[0]?.data as string));
      const back = h.edits()[1];
      expect(back?.text).toContain('page 1 of 2');
      expect(back?.buttons.flat().map((b) => b.text)).toEqual(['Next »']);
      expect(h.take()).toEqual([]);
    });

    it('a settings toggle edits the settings card: the new state and its buttons', async () => {
      const { h } = real(framework);
      await h.deliver(h.textUpdate('/settings'));
      const card = h.take().find((m) => m.buttons.length > 0) as { message: Message; buttons: { text: string; data: string }[][] };
      expect(card.message.text).toContain('Reminders are on');
      const pause = card.buttons.flat().find((b) => b.text === 'Pause all');
      const before = h.calls.length;
      await h.deliver(h.pressUpdate(card.message, pause?.data as string));
      expect(methods(h.calls.slice(before))).not.toContain('sendMessage');
      const [edit] = h.edits();
      expect(edit?.message.message_id).toBe(card.message.message_id);
      expect(edit?.text).toContain('All reminders are paused');
      expect(edit?.buttons.flat().map((b) => b.text)).toContain('Resume');
      expect(edit?.buttons.flat().map((b) => b.text)).not.toContain('Pause all');
    });

    it('an edit Telegram refuses (message to edit not found) is sent as a new message instead, logged', async () => {
      const { h } = real(framework, { answer: (call) => (call.method === 'editMessageText' ? refused(400, NOT_FOUND) : undefined) });
      const { message, next } = await schedulePage(h);
      await h.deliver(h.pressUpdate(message, next));
      const sent = h.take();
      expect(sent.map((m) => m.text)).toEqual([expect.stringContaining('page 2 of 2')]);
      expect(sent[0]?.buttons.flat().map((b) => b.text)).toEqual(['« Previous']);
      expect(methods(h.calls).filter((m) => m === 'editMessageText')).toHaveLength(1);
      expect(h.lines).toContainEqual(expect.objectContaining({ msg: 'edit refused: sent as a new message', description: NOT_FOUND }));
      expect(h.lines.some((line) => line.msg === 'telegram update failed')).toBe(false);
    });

    it('“message is not modified” counts as shown: nothing more is sent, nothing fails', async () => {
      const { h } = real(framework, { answer: (call) => (call.method === 'editMessageText' ? refused(400, NOT_MODIFIED) : undefined) });
      const { message, next } = await schedulePage(h);
      const before = h.calls.length;
      await h.deliver(h.pressUpdate(message, next));
      expect(methods(h.calls.slice(before)).sort()).toEqual(['answerCallbackQuery', 'editMessageText']);
      expect(h.lines.some((line) => line.msg === 'telegram update failed' || line.msg.startsWith('edit refused'))).toBe(false);
    });

    it('a press whose message Telegram no longer shows the bot (date 0) is answered with a new message', async () => {
      const { h } = real(framework);
      const { message, next } = await schedulePage(h);
      await h.deliver(h.pressUpdate({ ...message, date: 0 } as Message, next));
      expect(h.edits()).toEqual([]);
      expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining('page 2 of 2')]);
    });

    it('answers not marked edit are sent as before (a card’s Save), and a reply with a file never edits', async () => {
      const { h } = real(framework);
      const { message, data } = await cardAndSave(h);
      await h.deliver(h.pressUpdate(message, data));
      expect(h.edits()).toEqual([]);
      const app = fakeApp();
      app.handle = async (update) => [{ chatId: update.chatId, text: 'The schedule', file: ICS, edit: true }];
      const files = contractHarness(framework, { app, rateLimit: false });
      await files.deliver(files.pressUpdate(message, 'export:again'));
      expect(methods(files.calls).sort()).toEqual(['answerCallbackQuery', 'sendDocument']);
    });
  });

  describe('HTML parse mode, every text escaped', () => {
    const NAME = '<b>x</b> & co';
    const ESCAPED = '&lt;b&gt;x&lt;/b&gt; &amp; co';
    const plainOf = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const sends = (h: ContractHarness) => h.calls.filter((c) => c.method === 'sendMessage');

    /** Adds a loan named NAME with /addloan's questions (the name typed as its own message), and saves it. */
    async function addNamed(h: ContractHarness, months: number) {
      for (const text of ['/addloan', NAME, '10000']) await h.deliver(h.textUpdate(text));
      const method = h.take().find((m) => m.buttons.length > 0);
      await h.deliver(h.pressUpdate(method?.message as Message, 'addloan:1:method:annuity'));
      for (const text of ['12', String(months), '2027-01-15']) await h.deliver(h.textUpdate(text));
      const card = h.take().find((m) => m.buttons.flat().some((b) => b.text === 'Save'));
      expect(card?.text).toContain(ESCAPED);
      const save = card?.buttons.flat().find((b) => b.text === 'Save');
      await h.deliver(h.pressUpdate(card?.message as Message, save?.data as string));
      expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining(`Saved "${ESCAPED}"`)]);
    }

    it('a loan named `<b>x</b> & co` shows literally: escaped in /loans, sent with parse_mode HTML', async () => {
      const { h } = real(framework);
      await addNamed(h, 12);
      const before = h.calls.length;
      await h.deliver(h.textUpdate('/loans'));
      const [loans] = h.take();
      expect(loans?.text).toContain(ESCAPED);
      expect(loans?.text).not.toContain('<b>');
      expect(h.calls.slice(before).some((c) => String(c.payload.text).includes(NAME))).toBe(false);
      // Every text of the session (questions, card, saved, list) went as HTML, so every one escaped.
      expect(new Set(sends(h).map((c) => c.payload.parse_mode))).toEqual(new Set(['HTML']));
    });

    it('a schedule (Reply.monospace) is sent inside <pre>…</pre>, its loan’s name escaped; its next page edits with the same', async () => {
      const { h } = real(framework);
      await addNamed(h, 24);
      await h.deliver(h.textUpdate('/schedule 1'));
      const page = h.take().find((m) => m.text.includes('page 1 of 2'));
      expect(page?.text).toMatch(/^<pre>[\s\S]*<\/pre>$/);
      expect(page?.text).toContain(`${ESCAPED} — repayment schedule`);
      expect(sends(h).slice(-1)[0]?.payload.parse_mode).toBe('HTML');
      const next = page?.buttons.flat().find((b) => b.text === 'Next »');
      await h.deliver(h.pressUpdate(page?.message as Message, next?.data as string));
      const edit = h.calls.find((c) => c.method === 'editMessageText');
      expect(edit?.payload.parse_mode).toBe('HTML');
      expect(String(edit?.payload.text)).toMatch(
        /^<pre>&lt;b&gt;x&lt;\/b&gt; &amp; co — repayment schedule \(page 2 of 2\)[\s\S]*<\/pre>$/,
      );
    });

    it('a text of 5000 characters with `<` is split on its plain characters (each part ≤ 4096), then each part escaped', async () => {
      const app = fakeApp();
      const lines = `${'a<b & c>d\n'.repeat(500)}`.slice(0, 5000);
      const oneLine = '<'.repeat(5000);
      const texts = [lines, oneLine];
      app.handle = async (update) => [{ chatId: update.chatId, text: texts.shift() as string }];
      const h = contractHarness(framework, { app, rateLimit: false });
      await h.deliver(h.textUpdate('/a'));
      await h.deliver(h.textUpdate('/b'));
      const [first, second] = [sends(h).slice(0, 2), sends(h).slice(2)];
      for (const [calls, text, joiner] of [
        [first, lines, '\n'],
        [second, oneLine, ''],
      ] as const) {
        expect(calls.length).toBe(2);
        const parts = calls.map((c) => plainOf(String(c.payload.text)));
        for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096);
        expect(parts.join(joiner)).toBe(text);
        for (const call of calls) {
          expect(call.payload.parse_mode).toBe('HTML');
          // Nothing unescaped, and no escape sequence cut: every & starts a whole one.
          expect(String(call.payload.text)).not.toMatch(/[<>]|&(?!lt;|gt;|amp;)/);
        }
      }
      expect(plainOf(String(second[0]?.payload.text))).toBe('<'.repeat(4096));
    });

    it('a caption is escaped and sent with parse_mode HTML; a monospace caption in <pre>', async () => {
      const app = fakeApp();
      app.handle = async (update) => [
        { chatId: update.chatId, text: `Schedule of ${NAME}`, file: ICS },
        { chatId: update.chatId, text: 'a <table>', file: PNG, monospace: true },
      ];
      const h = contractHarness(framework, { app, rateLimit: false });
      await h.deliver(h.textUpdate('/export'));
      expect(h.calls.map((c) => [c.method, c.payload.caption, c.payload.parse_mode])).toEqual([
        ['sendDocument', `Schedule of ${ESCAPED}`, 'HTML'],
        ['sendPhoto', '<pre>a &lt;table&gt;</pre>', 'HTML'],
      ]);
    });

    it('the outbox sender (reminders) escapes the same way', async () => {
      const h = contractHarness(framework, { app: fakeApp() });
      expect(await h.sender().send({ chatId: ALICE.id, text: `Reminder: ${NAME} is due`, buttons: BUTTONS })).toEqual({ kind: 'sent' });
      await h.sender().send({ chatId: ALICE.id, text: `${NAME}`, file: ICS });
      expect(h.calls.map((c) => [c.method, c.payload.text ?? c.payload.caption, c.payload.parse_mode])).toEqual([
        ['sendMessage', `Reminder: ${ESCAPED} is due`, 'HTML'],
        ['sendDocument', ESCAPED, 'HTML'],
      ]);
    });
  });

  describe('callback answering is best effort', () => {
    it('a refused answerCallbackQuery neither undoes nor blocks the action, and is not retried', async () => {
      const { db, h } = real(framework, {
        answer: (call) =>
          call.method === 'answerCallbackQuery' ? refused(400, 'Bad Request: query is too old and response timeout expired') : undefined,
      });
      const { message, data } = await cardAndSave(h);
      await h.deliver(h.pressUpdate(message, data));
      expect(countRows(db, 'loans')).toBe(1);
      expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining('Saved "car loan"')]);
      expect(h.lines).toContainEqual(
        expect.objectContaining({ msg: 'answerCallbackQuery failed', description: expect.stringContaining('too old') }),
      );
      expect(h.lines.some((line) => line.msg === 'telegram update failed')).toBe(false);
      expect(h.calls.filter((c) => c.method === 'answerCallbackQuery')).toHaveLength(1);
    });

    it('a network failure of answerCallbackQuery changes nothing', async () => {
      const { db, h } = real(framework, {
        answer: (call) => (call.method === 'answerCallbackQuery' ? { network: 'ECONNRESET' } : undefined),
      });
      const { message, data } = await cardAndSave(h);
      await h.deliver(h.pressUpdate(message, data));
      expect(countRows(db, 'loans')).toBe(1);
      expect(h.take()).toHaveLength(1);
    });

    it('an answer that hangs does not hold up the action: the reply is sent before it returns', async () => {
      let release: () => void = () => {};
      const hanging = new Promise<undefined>((resolve) => (release = () => resolve(undefined)));
      const { db, h } = real(framework, { answer: (call) => (call.method === 'answerCallbackQuery' ? hanging : undefined) });
      const { message, data } = await cardAndSave(h);
      const delivered = h.deliver(h.pressUpdate(message, data));
      await until(() => h.calls.filter((c) => c.method === 'sendMessage').length === 2);
      expect(countRows(db, 'loans')).toBe(1);
      release();
      await delivered;
      expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining('Saved "car loan"')]);
    });
  });

  describe('groups point to a private chat', () => {
    it('a command in a group is answered there by pointing to a private chat, in the sender’s language; nothing is stored', async () => {
      const { db, h } = real(framework);
      await h.deliver(h.textUpdate(ADD_LOAN, { chat: GROUP }));
      await h.deliver(
        h.textUpdate('/next', { chat: { id: -100900800, type: 'supergroup', title: '家人' }, from: { language_code: 'zh-CN' } }),
      );
      const sent = h.take();
      expect(sent.map((m) => m.chatId)).toEqual([GROUP.id, -100900800]);
      expect(sent[0]?.text).toContain('private chat');
      expect(sent[0]?.text).not.toContain('car loan');
      expect(sent[1]?.text).toMatch(/私聊/);
      for (const table of ['users', 'loans', 'form_states']) expect(countRows(db, table)).toBe(0);
    });

    it('a button pressed in a group is answered and only points to a private chat, even when the answer is refused', async () => {
      const { db, h } = real(framework, {
        answer: (call) => (call.method === 'answerCallbackQuery' ? refused(400, 'Bad Request: query is too old') : undefined),
      });
      const message = { message_id: 1, date: 1795000000, chat: GROUP, from: BOT_INFO, text: 'card' } as Message;
      await h.deliver(h.pressUpdate(message, 'language:zh-Hans'));
      expect(methods(h.calls)).toContain('answerCallbackQuery');
      expect(h.take().map((m) => [m.chatId, m.text.includes('private chat')])).toEqual([[GROUP.id, true]]);
      expect(countRows(db, 'users')).toBe(0);
    });

    it('ordinary group chatter is ignored: no call at all', async () => {
      const { h } = real(framework);
      await h.deliver(h.textUpdate('lunch?', { chat: GROUP }));
      expect(h.calls).toEqual([]);
    });

    it('a command addressed to another bot (/next@OtherBot) is ignored, logged; ours (/next@ourbot) is answered', async () => {
      const { h } = real(framework);
      await h.deliver(h.textUpdate('/next@OtherBot', { chat: GROUP }));
      expect(h.calls).toEqual([]);
      expect(h.lines).toContainEqual(expect.objectContaining({ msg: 'command for another bot: ignored', chatId: GROUP.id }));
      await h.deliver(h.textUpdate(`/next@${BOT_INFO.username.toUpperCase()}`, { chat: GROUP }));
      expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining('private chat')]);
    });

    it('a command in the middle of group chatter ("see /help") is chatter: ignored', async () => {
      const { h } = real(framework);
      const update = h.textUpdate('see /help', { chat: GROUP });
      (update.message as { entities?: unknown }).entities = [{ type: 'bot_command', offset: 4, length: 5 }];
      await h.deliver(update);
      expect(h.calls).toEqual([]);
    });

    it('a group command delivered again gets no second note', async () => {
      const { h } = real(framework);
      const update = h.textUpdate('/next', { chat: GROUP });
      await h.deliver(update);
      await h.deliver(update);
      expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining('private chat')]);
    });
  });

  describe('updates that are not text', () => {
    /** A private message of `kind` (a sticker, a photo …) instead of text, as Telegram sends it. */
    const nonText = (h: ContractHarness, content: Record<string, unknown>, options: { from?: Partial<typeof ALICE> } = {}) => {
      const update = h.textUpdate('x', options);
      const { text: _text, ...message } = update.message as Message.TextMessage;
      return { ...update, message: { ...message, ...content } } as typeof update;
    };
    const STICKER = {
      sticker: { file_id: 'st-1', file_unique_id: 'st', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false },
    };
    const PHOTO = { photo: [{ file_id: 'ph-1', file_unique_id: 'ph', width: 90, height: 90 }] };

    it('a sticker or a photo (not a document) in a private chat gets a short answer in the user’s language, logged', async () => {
      const { db, h } = real(framework);
      await h.deliver(nonText(h, STICKER));
      await h.deliver(nonText(h, PHOTO, { from: { language_code: 'zh-hant' } }));
      expect(h.take().map((m) => [m.chatId, m.text])).toEqual([
        [ALICE.id, expect.stringContaining('I read text messages only')],
        [ALICE.id, expect.stringContaining('文字訊息')],
      ]);
      expect(h.lines.filter((line) => line.msg === 'not a text message: told so').map((line) => line.kind)).toEqual(['sticker', 'photo']);
      expect(countRows(db, 'loans')).toBe(0);
    });

    it('a sticker delivered again gets no second answer', async () => {
      const { h } = real(framework);
      const update = nonText(h, STICKER);
      await h.deliver(update);
      await h.deliver(update);
      expect(h.take()).toHaveLength(1);
    });

    it('a sticker or a photo in a group is chatter: no call at all', async () => {
      const { h } = real(framework);
      const update = h.textUpdate('x', { chat: GROUP });
      const { text: _text, ...message } = update.message as Message.TextMessage;
      await h.deliver({ ...update, message: { ...message, ...STICKER } } as typeof update);
      expect(h.calls).toEqual([]);
    });

    it('an edited message, a channel post and a membership change are not answered, each logged with its kind', async () => {
      const { db, h } = real(framework);
      const edited = h.textUpdate('/start');
      await h.deliver({ update_id: edited.update_id, edited_message: { ...edited.message, edit_date: 1795000100 } } as typeof edited);
      const post = h.textUpdate('news', { chat: { id: -100777, type: 'channel', title: 'News' } as Chat });
      const { from: _from, ...postMessage } = post.message as Message.TextMessage;
      await h.deliver({ update_id: post.update_id, channel_post: postMessage } as typeof post);
      const member = h.textUpdate('x');
      await h.deliver({
        update_id: member.update_id,
        my_chat_member: {
          chat: { id: ALICE.id, type: 'private', first_name: 'Alice' },
          from: ALICE,
          date: 1795000000,
          old_chat_member: { status: 'member', user: BOT_INFO },
          new_chat_member: { status: 'kicked', user: BOT_INFO, until_date: 0 },
        },
      } as typeof member);
      expect(h.calls).toEqual([]);
      expect(h.lines.filter((line) => line.msg === 'update not handled: ignored').map((line) => line.kind)).toEqual([
        'edited_message',
        'channel_post',
        'my_chat_member',
      ]);
      expect(countRows(db, 'users')).toBe(0);
    });
  });

  describe('operators in their group', () => {
    const OPERATOR = { id: 7, is_bot: false, first_name: 'Olga', language_code: 'en' };
    const MEMBER = { id: 8, is_bot: false, first_name: 'Max', language_code: 'en' };
    const TEAM: Chat.SupergroupChat = { id: OPERATOR_CHAT, type: 'supergroup', title: 'Servicing team' };
    const OTHER: Chat.SupergroupChat = { id: -100999, type: 'supergroup', title: 'Family' };
    const operators = { chatIds: [OPERATOR_CHAT], userIds: [OPERATOR.id] };

    it("an operator's operator command is handled in the operators' group, with the update's once-only keys", async () => {
      const app = fakeApp();
      const h = contractHarness(framework, { app, operators, rateLimit: false });
      const update = h.textUpdate('/review', { from: OPERATOR, chat: TEAM });
      await h.deliver(update);
      expect(app.updates).toEqual([
        {
          userId: OPERATOR.id,
          chatId: OPERATOR_CHAT,
          languageCode: 'en',
          text: '/review',
          updateId: update.update_id,
          messageId: update.message?.message_id,
        },
      ]);
      expect(h.take().map((m) => [m.chatId, m.text])).toEqual([[OPERATOR_CHAT, 'echo /review']]);
    });

    it("an operator's press of an operator button in the group is handled there", async () => {
      const app = fakeApp();
      const h = contractHarness(framework, { app, operators, rateLimit: false });
      const message = { message_id: 1, date: 1795000000, chat: TEAM, text: 'A request to review' } as Message;
      const press = h.pressUpdate(message, 'review:17:approve', { from: OPERATOR });
      await h.deliver(press);
      expect(app.updates).toEqual([
        { userId: OPERATOR.id, chatId: OPERATOR_CHAT, languageCode: 'en', callbackData: 'review:17:approve', updateId: press.update_id },
      ]);
      expect(methods(h.calls)).toContain('answerCallbackQuery');
    });

    it('everyone else is pointed to a private chat: a borrower command, a member, another group, a member’s press', async () => {
      const app = fakeApp();
      const h = contractHarness(framework, { app, operators, rateLimit: false });
      await h.deliver(h.textUpdate('/loans', { from: OPERATOR, chat: TEAM }));
      await h.deliver(h.textUpdate('/review', { from: MEMBER, chat: TEAM }));
      await h.deliver(h.textUpdate('/review', { from: OPERATOR, chat: OTHER }));
      const message = { message_id: 1, date: 1795000000, chat: TEAM, text: 'A request to review' } as Message;
      await h.deliver(h.pressUpdate(message, 'review:17:approve', { from: MEMBER }));
      expect(app.updates).toEqual([]);
      const replies = h.take();
      expect(replies).toHaveLength(4);
      for (const reply of replies) expect(reply.text).toContain('private chat');
    });
  });

  describe('files as documents and photos', () => {
    const keyboard = (call: ApiCall | undefined) =>
      (call?.payload.reply_markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard;
    const inline = BUTTONS.map((row) => row.map((b) => ({ text: b.label, callback_data: b.data })));

    it('sends a document and a photo with captions, exact bytes and names, the buttons under the document', async () => {
      const h = contractHarness(framework, { app: fakeApp(), rateLimit: false });
      await h.deliver(h.textUpdate('/export'));
      expect(methods(h.calls)).toEqual(['sendDocument', 'sendPhoto']);
      const [document, photo] = h.calls as [ApiCall, ApiCall];
      expect(document.payload.chat_id).toBe(ALICE.id);
      expect(document.payload.caption).toBe('Your repayment calendar');
      expect(h.fileOf(document.payload.document)).toEqual({ filename: 'schedule.ics', bytes: ICS.content });
      expect(keyboard(document)).toEqual(inline);
      expect(photo.payload.caption).toBe('Balance over time');
      expect(h.fileOf(photo.payload.photo)).toEqual({ filename: 'chart.png', bytes: PNG.content });
      expect(photo.payload.reply_markup).toBeUndefined();
    });

    it('a caption too long goes first as text, then the file without caption and with the buttons; a bare file has no caption', async () => {
      const h = contractHarness(framework, { app: fakeApp(), rateLimit: false });
      await h.deliver(h.textUpdate('/long'));
      await h.deliver(h.textUpdate('/bare'));
      expect(methods(h.calls)).toEqual(['sendMessage', 'sendDocument', 'sendPhoto']);
      const [text, document, bare] = h.calls as [ApiCall, ApiCall, ApiCall];
      expect(text.payload.text).toBe(LONG_CAPTION);
      expect(text.payload.reply_markup).toBeUndefined();
      expect(document.payload.caption).toBeUndefined();
      expect(keyboard(document)).toEqual(inline);
      expect(bare.payload.caption).toBeUndefined();
    });

    it('a text longer than one Telegram message is split at line breaks, the buttons on the last piece', async () => {
      const app = fakeApp();
      const text = `${'a'.repeat(4000)}\n${'b'.repeat(4000)}\n${'c'.repeat(100)}`;
      app.handle = async (update) => [{ chatId: update.chatId, text, buttons: [[{ label: 'OK', data: 'ok' }]] }];
      const h = contractHarness(framework, { app, rateLimit: false });
      await h.deliver(h.textUpdate('/export'));
      expect(h.calls.map((c) => String(c.payload.text).length)).toEqual([4000, 4000, 100]);
      expect(h.calls.map((c) => c.payload.reply_markup !== undefined)).toEqual([false, false, true]);
    });

    it('a reply to another chat is sent to that chat', async () => {
      const h = contractHarness(framework, { app: fakeApp(), rateLimit: false });
      await h.deliver(h.textUpdate('/notify'));
      expect(h.calls.map((c) => [c.method, c.payload.chat_id])).toEqual([
        ['sendMessage', ALICE.id],
        ['sendDocument', OPERATOR_CHAT],
      ]);
    });
  });

  describe('once-only updates', () => {
    async function upToInstallments(h: ContractHarness) {
      for (const text of ['/addloan', 'car', '10000']) await h.deliver(h.textUpdate(text));
      const method = h.take().find((m) => m.buttons.length > 0);
      await h.deliver(h.pressUpdate(method?.message as Message, 'addloan:1:method:annuity'));
      expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining('What is the interest rate?')]);
      const rate = h.textUpdate('12');
      await h.deliver(rate);
      expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining('How many monthly installments?')]);
      return rate;
    }
    const openForm = (db: Db) => db.$client.prepare("select step, data from form_states where form = 'addloan'").get();

    it('the same update_id delivered again is not answered again and changes nothing', async () => {
      const { db, h } = real(framework);
      const rate = await upToInstallments(h);
      const form = openForm(db);
      const callsBefore = h.calls.length;
      await h.deliver(rate);
      expect(h.calls.length).toBe(callsBefore);
      expect(openForm(db)).toEqual(form);
      expect(h.lines.some((line) => line.msg === 'update already handled: ignored' && line.updateId === rate.update_id)).toBe(true);
      await h.deliver(h.textUpdate('24'));
      expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining('When is the first payment due?')]);
    });

    it('a resent message (new update_id, same chat and message_id) never answers the next form question', async () => {
      const { db, h } = real(framework);
      const rate = await upToInstallments(h);
      const form = openForm(db);
      await h.deliver(h.textUpdate('12', { messageId: rate.message?.message_id as number }));
      expect(h.take()).toEqual([]);
      expect(openForm(db)).toEqual(form);
      await h.deliver(h.textUpdate('36'));
      expect(JSON.parse((openForm(db) as { data: string }).data)).toMatchObject({ periods: 36 });
    });

    it('the same text as two messages is two messages; the same message_id in another chat is another message', async () => {
      const { h } = real(framework);
      await h.deliver(h.textUpdate('/next'));
      await h.deliver(h.textUpdate('/next'));
      await h.deliver(h.textUpdate('/start', { messageId: 5 }));
      await h.deliver(h.textUpdate('/start', { messageId: 5, from: { id: ALICE.id + 1 } }));
      expect(h.take().map((m) => m.chatId)).toEqual([ALICE.id, ALICE.id, ALICE.id, ALICE.id + 1]);
    });

    it('a press delivered twice acts once (its spinner is stopped both times); two deliveries at once are handled once', async () => {
      const { db, h } = real(framework);
      const { message, data } = await cardAndSave(h);
      const press = h.pressUpdate(message, data);
      await h.deliver(press);
      await h.deliver(press);
      expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining('Saved "car loan"')]);
      expect(h.calls.filter((c) => c.method === 'answerCallbackQuery')).toHaveLength(2);
      expect(countRows(db, 'loans')).toBe(1);
      const update = h.textUpdate('/start');
      await Promise.all([h.deliver(update), h.deliver(update)]);
      expect(h.take()).toHaveLength(1);
    });
  });

  describe('a 403 on a reply', () => {
    it('marks the user inactive and tries no more replies; writing again reactivates', async () => {
      const { db, h } = real(framework, { answer: failingSends(1, refused(403, 'Forbidden: bot was blocked by the user')) });
      await h.deliver(h.textUpdate('/start'));
      expect(activeOf(db, ALICE.id)).toBe(0);
      expect(h.lines).toContainEqual(expect.objectContaining({ msg: 'reply refused with 403', userId: ALICE.id }));
      expect(h.lines.some((line) => line.msg === 'telegram update failed')).toBe(false);
      await h.deliver(h.textUpdate('/next'));
      expect(activeOf(db, ALICE.id)).toBe(1);
    });

    it('in a group marks nobody (the bot was removed from the group)', async () => {
      const { db, h } = real(framework, {
        answer: (call) => (call.payload.chat_id === GROUP.id ? refused(403, 'Forbidden: bot was kicked from the group chat') : undefined),
      });
      await h.deliver(h.textUpdate('/start'));
      await h.deliver(h.textUpdate('/next', { chat: GROUP }));
      expect(h.calls.filter((c) => c.payload.chat_id === GROUP.id)).toHaveLength(1);
      expect(activeOf(db, ALICE.id)).toBe(1);
      expect(h.lines.some((line) => line.msg === 'reply refused with 403')).toBe(false);
    });
  });

  describe('retries on 429 / 5xx, for replies only', () => {
    const sends = (h: ContractHarness) => h.calls.filter((c) => c.method === 'sendMessage');

    it('a 429 is waited out for retry_after, then the reply goes', async () => {
      const { h } = real(framework, { answer: failingSends(1, refused(429, 'Too Many Requests: retry after 3', 3)) });
      await h.deliver(h.textUpdate('/start'));
      expect(sends(h)).toHaveLength(2);
      expect(h.slept).toEqual([3000]);
      expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining('your repayment assistant')]);
    });

    it('a 5xx is retried after 1, then 2 seconds; after 3 retries it gives up, logged', async () => {
      const twice = real(framework, { answer: failingSends(2, refused(502, 'Bad Gateway')) }).h;
      await twice.deliver(twice.textUpdate('/start'));
      expect(sends(twice)).toHaveLength(3);
      expect(twice.slept).toEqual([1000, 2000]);
      const always = real(framework, { answer: failingSends(99, refused(500, 'Internal Server Error')) }).h;
      await always.deliver(always.textUpdate('/start'));
      expect(sends(always)).toHaveLength(4);
      expect(always.slept).toEqual([1000, 2000, 4000]);
      expect(always.lines).toContainEqual(expect.objectContaining({ msg: 'telegram update failed', description: 'Internal Server Error' }));
    });

    it('a 429 asking for more than 30 s, a 400, and a network failure are not retried', async () => {
      for (const answer of [
        refused(429, 'Too Many Requests: retry after 600', 600),
        refused(400, 'Bad Request: message is too long'),
        { network: 'ECONNRESET' },
      ]) {
        const { h } = real(framework, { answer: failingSends(1, answer) });
        await h.deliver(h.textUpdate('/start'));
        expect(sends(h)).toHaveLength(1);
        expect(h.slept).toEqual([]);
      }
    });

    it("the outbox sender, on the bot's own API, is not retried and maps Telegram's answers for the dispatcher", async () => {
      const send = async (answer: ReturnType<Answer>) => {
        const h = contractHarness(framework, { app: fakeApp(), answer: () => answer });
        const result = await h.sender().send({ chatId: ALICE.id, text: 'A reminder' });
        expect(h.calls).toHaveLength(1);
        expect(h.slept).toEqual([]);
        return result;
      };
      expect(await send(refused(429, 'Too Many Requests: retry after 5', 5))).toEqual({ kind: 'retry-after', seconds: 5 });
      expect(await send(refused(403, 'Forbidden: bot was blocked by the user'))).toMatchObject({ kind: 'blocked' });
      expect(await send(refused(400, 'Bad Request: chat not found'))).toEqual({
        kind: 'failed',
        reason: '400 Bad Request: chat not found',
      });
      expect(await send(refused(502, 'Bad Gateway'))).toEqual({ kind: 'failed', reason: '502 Bad Gateway' });
      expect(await send({ network: 'ECONNREFUSED' })).toMatchObject({ kind: 'failed' });
      expect(await send({ network: 'ECONNRESET' })).toMatchObject({ kind: 'unknown' });
      expect(await send(undefined)).toEqual({ kind: 'sent' });
    });
  });

  describe('paid broadcast (REMINDER_PAID_BROADCAST)', () => {
    const paidOf = (calls: ApiCall[]) => calls.map((c) => [c.method, c.payload.allow_paid_broadcast]);

    it('the outbox sender with paidBroadcast sends every call with allow_paid_broadcast: text pieces, documents, photos', async () => {
      const h = contractHarness(framework, { app: fakeApp() });
      const sender = h.sender({ paidBroadcast: true });
      expect(await sender.send({ chatId: ALICE.id, text: 'A reminder', buttons: BUTTONS })).toEqual({ kind: 'sent' });
      await sender.send({ chatId: ALICE.id, text: `${'a'.repeat(4000)}\n${'b'.repeat(200)}` });
      await sender.send({ chatId: ALICE.id, text: 'The schedule', file: ICS });
      await sender.send({ chatId: ALICE.id, text: LONG_CAPTION, file: PNG });
      expect(paidOf(h.calls)).toEqual([
        ['sendMessage', true],
        ['sendMessage', true],
        ['sendMessage', true],
        ['sendDocument', true],
        ['sendMessage', true],
        ['sendPhoto', true],
      ]);
      expect(h.calls[0]?.payload.reply_markup).toBeDefined();
    });

    it('without it (the default) no call carries the flag, and replies never do', async () => {
      const h = contractHarness(framework, { app: fakeApp() });
      await h.sender().send({ chatId: ALICE.id, text: 'A reminder' });
      await h.sender({ paidBroadcast: false }).send({ chatId: ALICE.id, text: 'A reminder', file: ICS });
      await h.deliver(h.textUpdate('/start'));
      expect(h.calls.length).toBeGreaterThan(2);
      expect(h.calls.filter((c) => 'allow_paid_broadcast' in c.payload)).toEqual([]);
    });
  });

  describe('the incoming rate limit', () => {
    it('past the burst drops updates, telling the user once; a dropped press still has its spinner stopped', async () => {
      const time = { now: 1_800_000_000_000 };
      const { h } = real(framework, { rateLimit: { burst: 2, perSecond: 1 }, now: () => time.now });
      await h.deliver(h.textUpdate('/language'));
      const menu = h.take()[0] as { message: Message; buttons: { data: string }[][] };
      await h.deliver(h.textUpdate('/next'));
      h.take();
      const before = h.calls.length;
      await h.deliver(h.pressUpdate(menu.message, menu.buttons.flat()[1]?.data as string));
      await h.deliver(h.textUpdate('/next'));
      expect(methods(h.calls.slice(before))).toContain('answerCallbackQuery');
      expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining(POLITE)]);
      expect(h.lines.filter((line) => line.msg === 'rate limited: update dropped')).toHaveLength(2);
      time.now += 1000;
      await h.deliver(h.textUpdate('/next'));
      expect(h.take().map((m) => m.text)).toEqual([expect.not.stringContaining(POLITE)]);
    });
  });
});

describe('grammY and Telegraf make the same Bot API calls', () => {
  it('for one session (commands, a form, buttons, a group, files), call by call', async () => {
    const session = async (framework: (typeof FRAMEWORKS)[number]) => {
      const { h } = real(framework);
      await h.deliver(h.textUpdate('/start', { updateId: 1 }));
      await h.deliver(h.textUpdate(ADD_LOAN, { updateId: 2 }));
      const card = h.take().find((m) => m.buttons.length > 0);
      const save = card?.buttons.flat().find((b) => b.text === 'Save');
      const press = h.pressUpdate(card?.message as Message, save?.data as string);
      await h.deliver({ ...press, update_id: 3, callback_query: { ...press.callback_query!, id: 'cbq-3' } } as typeof press);
      for (const [id, text] of [
        [4, '/next'],
        [5, '/loans'],
        [6, '/schedule 1'],
        [7, '/help'],
      ] as const)
        await h.deliver(h.textUpdate(text, { updateId: id }));
      await h.deliver(h.textUpdate('/next', { updateId: 8, chat: GROUP }));
      // A settings toggle: the card edited.
      await h.deliver(h.textUpdate('/settings', { updateId: 10 }));
      const settings = h.take().find((m) => m.text.includes('Your reminders'));
      const pause = settings?.buttons.flat().find((b) => b.text === 'Pause all');
      const toggle = h.pressUpdate(settings?.message as Message, pause?.data as string);
      await h.deliver({ ...toggle, update_id: 11, callback_query: { ...toggle.callback_query!, id: 'cbq-11' } } as typeof toggle);
      expect(h.edits()).toHaveLength(1);
      const files = contractHarness(framework, { app: fakeApp(), rateLimit: false });
      await files.deliver(files.textUpdate('/export', { updateId: 9 }));
      const plain = (calls: ApiCall[]) =>
        calls.map(({ method, payload }) => {
          const { document, photo, ...rest } = payload;
          return {
            method,
            ...JSON.parse(JSON.stringify(rest)),
            ...(document !== undefined && { document: files.fileOf(document) }),
            ...(photo !== undefined && { photo: files.fileOf(photo) }),
          };
        });
      return [...plain(h.calls), ...plain(files.calls)];
    };
    const grammy = await session('grammY');
    const telegraf = await session('Telegraf');
    expect(grammy.length).toBeGreaterThan(8);
    expect(telegraf).toEqual(grammy);
  });
});

/** Lets the handler's calls run until `done` holds (no wall-clock sleep of a fixed length). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
  expect(done()).toBe(true);
}
