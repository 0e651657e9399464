import type { App } from '../core/app.ts';
import type { Command } from '../core/types.ts';
import { localeFromLanguageCode, type Locale } from '../i18n/locales.ts';

/*
 * Telegram's command menus, the same for both frameworks. setMyCommands takes a two-letter
 * language code only, so "zh" can carry one script: simplified, the larger audience. A borrower
 * whose Telegram speaks traditional Chinese (zh-hant, zh-tw, zh-hk …) gets a menu of their own
 * scoped to their private chat (which Telegram prefers over the language-wide one), once per run;
 * if their Telegram language changes away from it, that chat's menu is taken back.
 */

export interface MenuEntry {
  command: string;
  description: string;
}

/** One setMyCommands (or, with `remove`, deleteMyCommands) call. */
export interface MenuCall {
  commands: MenuEntry[];
  scope?: { type: 'chat'; chat_id: number };
  language_code?: 'zh';
  /** deleteMyCommands for the scope instead: the chat falls back to the language menus. */
  remove?: true;
}

function entries(app: App, commands: readonly Command[], locale: Locale): MenuEntry[] {
  return commands.map((command) => ({ command: command.name, description: app.translator.translate(locale, command.descriptionKey) }));
}

function audiences(app: App): { everyone: Command[]; operators: Command[] } {
  const listed = app.commands.filter((command) => !command.buttonsOnly);
  return { everyone: listed.filter((command) => (command.audience ?? 'everyone') === 'everyone'), operators: listed };
}

/**
 * The menus set at start-up: everyone's commands in English and (for "zh") simplified Chinese for
 * every chat, and everyone's plus the operators' commands in each operator chat. Operator commands
 * appear nowhere else.
 */
export function startupMenus(app: App, operatorChatIds: Iterable<number>): MenuCall[] {
  const { everyone, operators } = audiences(app);
  const calls: MenuCall[] = [
    { commands: entries(app, everyone, 'en') },
    { commands: entries(app, everyone, 'zh-Hans'), language_code: 'zh' },
  ];
  for (const chatId of new Set(operatorChatIds)) {
    const scope = { type: 'chat' as const, chat_id: chatId };
    calls.push(
      { commands: entries(app, operators, 'en'), scope },
      { commands: entries(app, operators, 'zh-Hans'), scope, language_code: 'zh' },
    );
  }
  return calls;
}

/**
 * Decides, per private chat, whether its traditional-Chinese menu must be set or removed. Remembers
 * what it asked for in this process, so a chat costs one call per run, not one per update.
 */
export class TraditionalMenus {
  private readonly given = new Set<number>();
  private readonly operatorChats: ReadonlySet<number>;

  constructor(
    private readonly app: App,
    operatorChatIds: Iterable<number>,
  ) {
    this.operatorChats = new Set(operatorChatIds);
  }

  /**
   * The call to make for a private chat whose user's Telegram language is `languageCode`, if any.
   * The menu is scoped to the chat and to "zh", the code Telegram matches a zh-hant user by: it
   * takes precedence over the language-wide simplified menu (and over an operator chat's), and
   * shows only while the user's Telegram speaks Chinese.
   */
  forPrivateChat(chatId: number, languageCode: string | undefined): MenuCall | undefined {
    const traditional = localeFromLanguageCode(languageCode) === 'zh-Hant';
    if (traditional === this.given.has(chatId)) return undefined;
    const scope = { type: 'chat' as const, chat_id: chatId };
    const operator = this.operatorChats.has(chatId);
    const { everyone, operators } = audiences(this.app);
    if (traditional) {
      this.given.add(chatId);
      // An operator's private chat keeps the operator commands in its menu.
      return { commands: entries(this.app, operator ? operators : everyone, 'zh-Hant'), scope, language_code: 'zh' };
    }
    this.given.delete(chatId);
    // Back to what start-up set: an operator chat's simplified menu, or none of the chat's own.
    if (operator) return { commands: entries(this.app, operators, 'zh-Hans'), scope, language_code: 'zh' };
    return { commands: [], scope, language_code: 'zh', remove: true };
  }

  /** Undoes what forPrivateChat noted when its call failed, so the chat's next update tries again. */
  failed(chatId: number): void {
    if (this.given.has(chatId)) this.given.delete(chatId);
    else this.given.add(chatId);
  }
}

/** The two Bot API calls a menu needs, as each framework makes them. */
export interface MenuApi {
  set(commands: MenuEntry[], options: MenuOptions): Promise<unknown>;
  remove(options: MenuOptions): Promise<unknown>;
}

type MenuOptions = { scope?: MenuCall['scope']; language_code?: 'zh' };

const optionsOf = (call: MenuCall): MenuOptions => ({
  ...(call.scope && { scope: call.scope }),
  ...(call.language_code && { language_code: call.language_code }),
});

/** Makes one menu call (setMyCommands, or deleteMyCommands for `remove`). */
export function applyMenu(api: MenuApi, call: MenuCall): Promise<unknown> {
  return call.remove ? api.remove(optionsOf(call)) : api.set(call.commands, optionsOf(call));
}

/**
 * Gives a private chat's user their traditional-Chinese menu when they need it, beside the update:
 * best effort, never in the way of the reply; a failure is reported and tried again next time.
 */
export function offerTraditionalMenu(
  menus: TraditionalMenus,
  api: MenuApi,
  chat: { id: number; type: string } | undefined,
  languageCode: string | undefined,
  onFailure: (chatId: number, description: string) => void,
): void {
  if (chat?.type !== 'private') return;
  const call = menus.forPrivateChat(chat.id, languageCode);
  if (!call) return;
  applyMenu(api, call).catch((error: unknown) => {
    menus.failed(chat.id);
    onFailure(chat.id, (error as { description?: string }).description ?? String(error));
  });
}
