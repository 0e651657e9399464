import { todayIn } from '../domain/calendar.ts';
import { localeFromLanguageCode, localeOf, type Locale } from '../i18n/locales.ts';
import type { Translator } from '../i18n/translator.ts';
import type { Logger } from '../log.ts';
import type { Services } from '../services/index.ts';
import { matchButton } from './buttons.ts';
import type { Clock } from './clock.ts';
import type { Command, CommandContext, IncomingUpdate, OutgoingMessage, Reply } from './types.ts';

/**
 * Telegram allows 4096 characters per message; nothing a borrower needs to type comes close,
 * so anything longer is refused before it reaches a parser or the database.
 */
export const MAX_INPUT_LENGTH = 1000;

/** What free text outside any form gets: one handler (today "not understood"; consultation plugs in here). */
export type FreeTextHandler = (ctx: CommandContext, text: string) => Reply[] | Promise<Reply[]>;

export interface AppDeps {
  services: Services;
  translator: Translator;
  clock: Clock;
  logger: Logger;
  commands: Command[];
  defaultLocale: Locale;
  /** Telegram user ids allowed to run operator commands. */
  operatorIds?: readonly number[];
  /** Free text outside any form (commands/free-text.ts). */
  freeText: FreeTextHandler;
  /** Called after an update queued messages for other chats, so they are delivered soon. */
  onQueued?: () => void;
}

/** The neutral core: one update in, the replies out. Every transport drives this. */
export interface App {
  /**
   * The replies to the update's chat. Replies addressed to another chat (`Reply.to`) go into the
   * delivery outbox instead, with Telegram's limits and retries, and `onQueued` is called.
   */
  handle(update: IncomingUpdate): Promise<OutgoingMessage[]>;
  /**
   * Telegram refused a reply to this user's private chat with 403 (blocked, deleted): the user
   * is marked inactive, as the reminder dispatcher does, until they write again.
   */
  blocked?(userId: number): void;
  /**
   * Takes in an update the transport answers itself, without `handle` (the group chat's "talk to
   * me in private" note): true the first time, false when it was taken in already. `handle` does
   * this itself for the updates it gets.
   */
  firstTime?(update: IncomingUpdate): boolean;
  commands: Command[];
  translator: Translator;
}

/** "/paid@yourbot 500" → { name: 'paid', args: '500' }; undefined when the text is not a command. */
export function parseCommand(text: string): { name: string; args: string } | undefined {
  const match = /^\/([A-Za-z0-9_]+)(?:@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!match) return undefined;
  return { name: (match[1] ?? '').toLowerCase(), args: (match[2] ?? '').trim() };
}

export function createApp(deps: AppDeps): App {
  const byName = new Map(deps.commands.map((command) => [command.name, command]));
  const operators = new Set(deps.operatorIds ?? []);

  function contextFor(update: IncomingUpdate): CommandContext {
    const now = deps.clock.now();
    const user = deps.services.enterUser(update.userId, update.languageCode, now);
    // An update without a language (a JSON line without lang) speaks the one Telegram last sent.
    const locale = localeOf(user.language, update.languageCode ?? user.telegramLanguage ?? undefined, deps.defaultLocale);
    const isOperator = operators.has(user.id);
    return {
      user: { id: user.id, locale, timeZone: user.timeZone },
      chatId: update.chatId,
      locale,
      t: deps.translator.for(locale),
      now,
      today: todayIn(user.timeZone, now),
      isOperator,
      services: deps.services.forUser(user.id, now),
      ...(isOperator && { operator: deps.services.forOperator(user.id, now) }),
    };
  }

  /** A command this user may run: operator commands exist only for operators. */
  function commandFor(ctx: CommandContext, name: string): Command | undefined {
    const command = byName.get(name);
    if (command?.audience === 'operator' && !ctx.isOperator) {
      deps.logger.warn({ userId: ctx.user.id, command: name }, 'operator command from a non-operator');
      return undefined;
    }
    return command;
  }

  /** The command whose form is open in this slot, with the form's id. */
  function formCommand(ctx: CommandContext, slot: 'long' | 'quick'): { command: Command; formId: number } | undefined {
    const row = ctx.services.forms.find(slot);
    const command = row && byName.get(row.form);
    return row && command ? { command, formId: row.id } : undefined;
  }

  /** The form typed text goes to: the quick form in front if it takes text, else the long form behind it. */
  function textForm(ctx: CommandContext): Command | undefined {
    const quick = formCommand(ctx, 'quick')?.command;
    if (quick?.form?.takesText && quick.onFormInput) return quick;
    return formCommand(ctx, 'long')?.command;
  }

  /** After an error outside a form's own answers, remind the user where the form in front stands. */
  async function withOpenQuestion(ctx: CommandContext, replies: Reply[]): Promise<Reply[]> {
    const form = formCommand(ctx, 'quick')?.command ?? formCommand(ctx, 'long')?.command;
    return form?.currentQuestion ? [...replies, ...(await form.currentQuestion(ctx))] : replies;
  }

  /** A stale, forged or malformed button: one answer for all, then where the open form stands. */
  function staleButton(ctx: CommandContext): Promise<Reply[]> {
    return withOpenQuestion(ctx, [{ text: ctx.t('error-stale-button') }]);
  }

  async function press(ctx: CommandContext, data: string): Promise<Reply[]> {
    const command = commandFor(ctx, data.split(':')[0] ?? '');
    const matched = command?.buttons && matchButton(command.buttons, data);
    if (!matched) return staleButton(ctx);
    return (await matched(ctx)) ?? staleButton(ctx);
  }

  async function route(ctx: CommandContext, update: IncomingUpdate): Promise<Reply[]> {
    if (update.callbackData !== undefined) return press(ctx, update.callbackData);
    if (update.document) {
      const taker = deps.commands.find((command) => command.onDocument);
      if (!taker?.onDocument) return withOpenQuestion(ctx, [{ text: ctx.t('error-document-not-expected') }]);
      return taker.onDocument(ctx, update.document);
    }

    const text = update.text ?? '';
    if (text.length > MAX_INPUT_LENGTH) {
      return withOpenQuestion(ctx, [{ text: ctx.t('error-message-too-long', { max: MAX_INPUT_LENGTH }) }]);
    }
    const parsed = parseCommand(text);
    if (parsed) {
      const command = commandFor(ctx, parsed.name);
      if (!command || command.buttonsOnly) {
        return withOpenQuestion(ctx, [{ text: ctx.t('error-unknown-command', { command: `/${parsed.name}` }) }]);
      }
      return command.run(ctx, parsed.args);
    }
    const form = textForm(ctx);
    if (form?.onFormInput) return form.onFormInput(ctx, text);
    return deps.freeText(ctx, text);
  }

  /**
   * A quick form (a payment to confirm, a setting) that ended in front of a long one (a loan
   * being entered): the long form comes back with its question, so the next answer finds it.
   */
  async function withResumedForm(ctx: CommandContext, quickBefore: number | undefined, replies: Reply[]): Promise<Reply[]> {
    if (quickBefore === undefined || formCommand(ctx, 'quick')) return replies;
    const long = formCommand(ctx, 'long');
    if (!long?.command.currentQuestion) return replies;
    const [first, ...rest] = await long.command.currentQuestion(ctx);
    if (!first) return replies;
    const name = long.command.openFormName?.(ctx) ?? ctx.t(`form-name-${long.command.name}`);
    const resume = ctx.t('form-resume', { form: name });
    return [...replies, { ...first, text: `${resume}\n${first.text}` }, ...rest];
  }

  /**
   * Once only: an update is recorded before it is handled (src/services/processed-updates.ts says
   * why before, not with its effects); one seen already, by update_id or as the same message of
   * the same chat, is logged and gets nothing. Without an update_id (terminal, JSON lines) every update is new.
   */
  function firstTime(update: IncomingUpdate): boolean {
    if (update.updateId === undefined) return true;
    const message = update.messageId !== undefined ? { chatId: update.chatId, messageId: update.messageId } : {};
    if (deps.services.updates.claim({ updateId: update.updateId, ...message }, deps.clock.now())) return true;
    deps.logger.info({ userId: update.userId, updateId: update.updateId }, 'update already handled: ignored');
    return false;
  }

  async function handle(update: IncomingUpdate): Promise<OutgoingMessage[]> {
    let ctx: CommandContext | undefined;
    try {
      if (!firstTime(update)) return [];
      ctx = contextFor(update);
      const kind = update.callbackData !== undefined ? 'callback' : update.document ? 'document' : 'text';
      deps.logger.info({ userId: update.userId, kind }, 'update');
      const quickBefore = formCommand(ctx, 'quick')?.formId;
      const replies = await withResumedForm(ctx, quickBefore, await route(ctx, update));
      const direct: OutgoingMessage[] = [];
      let queued = 0;
      for (const { to, ...reply } of replies) {
        if (to === undefined || to === update.chatId) direct.push({ ...reply, chatId: update.chatId });
        else if (deps.services.deliveries.queue(to, reply, ctx.now)) queued += 1;
      }
      if (queued > 0) deps.onQueued?.();
      return direct;
    } catch (error) {
      // Our fault, not the user's: log with context, apologise without details.
      deps.logger.error({ err: error, userId: update.userId }, 'handler failed');
      const locale = ctx?.locale ?? localeFromLanguageCode(update.languageCode) ?? deps.defaultLocale;
      return [{ chatId: update.chatId, text: deps.translator.translate(locale, 'error-internal') }];
    }
  }

  function blocked(userId: number): void {
    if (deps.services.userBlocked(userId)) deps.logger.info({ userId }, 'reply refused with 403: user marked inactive');
  }

  return { handle, blocked, firstTime, commands: deps.commands, translator: deps.translator };
}
