import type { Bot } from 'grammy';
import type { Message, Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { createGrammyBot } from '../../src/transports/grammy.ts';
import { OPERATOR_CHAT, fakeApp } from './fake-app.ts';
import { BOT_INFO } from './bot-info.ts';

/*
 * Operators at work in their team's group chat (OPERATOR_CHAT_IDS): an operator's operator
 * command and the buttons under an operator notice are handled in the group; anything else in a
 * group (a borrower command, a non-operator) is pointed to a private chat, so nobody's loans are
 * shown to a group.
 */

const OPERATOR = { id: 7, is_bot: false, first_name: 'Olga', language_code: 'en' } as const;
const MEMBER = { id: 8, is_bot: false, first_name: 'Max', language_code: 'en' } as const;
const GROUP = { id: OPERATOR_CHAT, type: 'supergroup', title: 'Servicing team' } as const;
const OTHER_GROUP = { id: -100999, type: 'supergroup', title: 'Family' } as const;

function harness() {
  const app = fakeApp();
  const bot = createGrammyBot({
    token: '123456:TEST-token-not-real-000000',
    apiRoot: 'http://127.0.0.1:9',
    app,
    logger: silentLogger(),
    botInfo: BOT_INFO,
    operators: { chatIds: [OPERATOR_CHAT], userIds: [OPERATOR.id] },
  });
  const sent: { method: string; chatId: unknown; text: unknown }[] = [];
  bot.api.config.use(async (_prev, method, payload) => {
    const body = (payload ?? {}) as Record<string, unknown>;
    sent.push({ method, chatId: body.chat_id, text: body.text });
    const result = method.startsWith('send') ? ({ message_id: sent.length, date: 1795000000, chat: GROUP } as unknown as Message) : true;
    return { ok: true, result } as never;
  });
  return { bot, app, sent };
}

let updateId = 9000;
function command(bot: Bot, from: typeof OPERATOR | typeof MEMBER, chat: typeof GROUP | typeof OTHER_GROUP, text: string) {
  updateId += 1;
  const update: Update = {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 1795000000,
      chat,
      from,
      text,
      entities: [{ type: 'bot_command', offset: 0, length: text.split(/\s/)[0]?.length ?? 0 }],
    } as Update['message'],
  } as Update;
  return bot.handleUpdate(update);
}

function press(bot: Bot, from: typeof OPERATOR | typeof MEMBER, data: string) {
  updateId += 1;
  const message = { message_id: 1, date: 1795000000, chat: GROUP, text: 'A request to review' } as Message;
  return bot.handleUpdate({ update_id: updateId, callback_query: { id: String(updateId), from, chat_instance: 'x', message, data } });
}

describe('grammY transport: operators in their group chat', () => {
  it("handles an operator's operator command in the operators' group, answering there", async () => {
    const { bot, app, sent } = harness();
    await command(bot, OPERATOR, GROUP, '/review');
    // With Telegram's update_id and message_id: the core takes each in once (src/core/app.ts).
    expect(app.updates).toEqual([
      { userId: OPERATOR.id, chatId: OPERATOR_CHAT, languageCode: 'en', text: '/review', updateId: updateId, messageId: updateId },
    ]);
    expect(sent).toEqual([{ method: 'sendMessage', chatId: OPERATOR_CHAT, text: 'echo /review' }]);
  });

  it("handles an operator's press of an operator button in the group", async () => {
    const { bot, app } = harness();
    await press(bot, OPERATOR, 'review:17:approve');
    expect(app.updates.map((u) => u.callbackData)).toEqual(['review:17:approve']);
  });

  it('points everyone else to a private chat: a borrower command by an operator, any command by a member, another group', async () => {
    const { bot, app, sent } = harness();
    await command(bot, OPERATOR, GROUP, '/loans');
    await command(bot, MEMBER, GROUP, '/review');
    await command(bot, OPERATOR, OTHER_GROUP, '/review');
    await press(bot, MEMBER, 'review:17:approve');
    expect(app.updates).toEqual([]);
    const replies = sent.filter((call) => call.method === 'sendMessage');
    expect(replies).toHaveLength(4);
    for (const reply of replies) expect(String(reply.text)).toContain('private chat');
  });
});
