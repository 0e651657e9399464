import { describe, expect, it } from 'vitest';
import { startupMenus, TraditionalMenus, type MenuCall } from '../../src/transports/command-menus.ts';
import { createTestBot } from '../support/bot.ts';

/*
 * Command menus in three scripts (issue 12 point 7). setMyCommands knows two-letter codes only, so
 * "zh" carries simplified Chinese; a borrower whose Telegram speaks traditional Chinese gets a menu
 * scoped to their private chat, once, taken back when their Telegram language changes.
 */

const app = createTestBot().runtime.app;
const OPERATOR_CHAT = 777;
const described = (call: MenuCall | undefined, name: string) => call?.commands.find((entry) => entry.command === name)?.description;
const names = (call: MenuCall | undefined) => call?.commands.map((entry) => entry.command) ?? [];

describe('the start-up menus', () => {
  const calls = startupMenus(app, [OPERATOR_CHAT, OPERATOR_CHAT]);

  it('everyone: English by default, simplified Chinese for "zh"; operators: their chat only, in both', () => {
    expect(calls.map((call) => [call.scope?.chat_id, call.language_code])).toEqual([
      [undefined, undefined],
      [undefined, 'zh'],
      [OPERATOR_CHAT, undefined],
      [OPERATOR_CHAT, 'zh'],
    ]);
    expect(described(calls[0], 'next')).toBe('What is due next, and how much');
    expect(described(calls[1], 'next')).toBe('下一期什么时候还、还多少');
    expect(names(calls[0])).not.toContain('queue');
    expect(names(calls[2])).toContain('queue');
  });
});

describe('a traditional-Chinese menu per private chat', () => {
  it('is set once for zh-hant, zh-TW and zh-HK users, in traditional script, scoped to the chat and to "zh"', () => {
    const menus = new TraditionalMenus(app, []);
    for (const [chatId, code] of [
      [1, 'zh-hant'],
      [2, 'zh-TW'],
      [3, 'zh-hk'],
    ] as const) {
      const call = menus.forPrivateChat(chatId, code);
      expect(call).toMatchObject({ scope: { type: 'chat', chat_id: chatId }, language_code: 'zh' });
      expect(call?.remove).toBeUndefined();
      expect(described(call, 'next')).toBe('下一期什麼時候還、還多少');
      expect(names(call)).not.toContain('queue');
      expect(menus.forPrivateChat(chatId, code)).toBeUndefined();
    }
  });

  it('is never set for English or simplified Chinese users', () => {
    const menus = new TraditionalMenus(app, []);
    for (const code of ['en', 'zh-hans', 'zh', 'zh-CN', undefined]) expect(menus.forPrivateChat(9, code)).toBeUndefined();
  });

  it('is taken back when the Telegram language changes; set again when it changes back', () => {
    const menus = new TraditionalMenus(app, []);
    menus.forPrivateChat(1, 'zh-hant');
    expect(menus.forPrivateChat(1, 'zh-hans')).toEqual({
      commands: [],
      scope: { type: 'chat', chat_id: 1 },
      language_code: 'zh',
      remove: true,
    });
    expect(menus.forPrivateChat(1, 'zh-hans')).toBeUndefined();
    expect(described(menus.forPrivateChat(1, 'zh-tw'), 'next')).toBe('下一期什麼時候還、還多少');
  });

  it('in an operator chat keeps the operator commands, and goes back to their simplified menu', () => {
    const menus = new TraditionalMenus(app, [OPERATOR_CHAT]);
    const call = menus.forPrivateChat(OPERATOR_CHAT, 'zh-hant');
    expect(described(call, 'queue')).toBe('等待處理的困難申請（最早的在前）');
    const back = menus.forPrivateChat(OPERATOR_CHAT, 'en');
    expect(back?.remove).toBeUndefined();
    expect(back?.language_code).toBe('zh');
    expect(described(back, 'queue')).toBe('等待处理的困难申请（最早的在前）');
  });

  it('a call that failed is tried again on the chat’s next update', () => {
    const menus = new TraditionalMenus(app, []);
    expect(menus.forPrivateChat(5, 'zh-hant')).toBeDefined();
    menus.failed(5);
    expect(menus.forPrivateChat(5, 'zh-hant')).toBeDefined();
    expect(menus.forPrivateChat(5, 'en')?.remove).toBe(true);
    menus.failed(5);
    expect(menus.forPrivateChat(5, 'en')?.remove).toBe(true);
  });
});
