import { createRuntime, type Runtime } from '../../src/app/runtime.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { SettableClock } from '../../src/core/clock.ts';
import type { OutgoingMessage } from '../../src/core/types.ts';
import { openDatabase, type Db } from '../../src/db/client.ts';
import { silentLogger, type Logger } from '../../src/log.ts';

/** 10:00 in Shanghai on the day this suite was written; every test states its own clock. */
export const DEFAULT_NOW = new Date('2026-11-21T02:00:00Z');

export interface TestBot {
  /** The composition root's runtime the bot runs on. */
  runtime: Runtime;
  db: Db;
  clock: SettableClock;
  /** Sends a text as `user` (default 1) and returns every reply. */
  say(text: string, options?: { user?: number; lang?: string }): Promise<OutgoingMessage[]>;
  /** Presses a button by its data. */
  press(data: string, options?: { user?: number; lang?: string }): Promise<OutgoingMessage[]>;
  /** Presses the button with this label on the last message that had buttons. */
  pressLabel(label: string, options?: { user?: number }): Promise<OutgoingMessage[]>;
  /** Text of all replies of the last call, joined. */
  lastText(): string;
}

/** The configuration every test bot runs with, unless a test says otherwise. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ DEFAULT_TIMEZONE: 'Asia/Shanghai', DEFAULT_LANGUAGE: 'en', ...env });
}

/** The bot as the composition root builds it, on an in-memory database and a settable clock. */
export interface TestBotOptions {
  db?: Db;
  now?: Date;
  /** Environment variables on top of the test defaults (OPERATOR_IDS …). */
  env?: Record<string, string>;
  logger?: Logger;
}

export function testRuntime(options: TestBotOptions = {}): Runtime {
  return createRuntime({
    config: testConfig(options.env),
    db: options.db ?? openDatabase(':memory:'),
    clock: new SettableClock(options.now ?? DEFAULT_NOW),
    logger: options.logger ?? silentLogger(),
    strictI18n: true,
  });
}

export function createTestBot(options: TestBotOptions = {}): TestBot {
  const runtime = testRuntime(options);
  const { db, app } = runtime;
  const clock = runtime.clock as SettableClock;
  let last: OutgoingMessage[] = [];
  const lastButtons = new Map<number, OutgoingMessage['buttons']>();
  const remember = (user: number, messages: OutgoingMessage[]) => {
    last = messages;
    const withButtons = messages.filter((m) => m.buttons?.length).at(-1);
    if (withButtons) lastButtons.set(user, withButtons.buttons);
    return messages;
  };
  const bot: TestBot = {
    runtime,
    db,
    clock,
    async say(text, { user = 1, lang = 'en' } = {}) {
      return remember(user, await app.handle({ userId: user, chatId: user, languageCode: lang, text }));
    },
    async press(data, { user = 1, lang = 'en' } = {}) {
      return remember(user, await app.handle({ userId: user, chatId: user, languageCode: lang, callbackData: data }));
    },
    async pressLabel(label, { user = 1 } = {}) {
      const button = (lastButtons.get(user) ?? []).flat().find((b) => b.label === label);
      if (!button) throw new Error(`no button "${label}" on the last message with buttons`);
      return bot.press(button.data, { user });
    },
    lastText: () => last.map((m) => m.text).join('\n'),
  };
  return bot;
}

export function texts(messages: OutgoingMessage[]): string {
  return messages.map((m) => m.text).join('\n');
}

/** The core alone, as the composition root builds it, for transport tests that drive it themselves. */
export function testCore(options: {
  db: Db;
  clock: SettableClock;
  logger?: Logger;
  /** Environment variables on top of the test defaults. */
  config?: Record<string, string>;
  strictI18n?: boolean;
}): Runtime['app'] {
  return createRuntime({
    config: testConfig(options.config),
    db: options.db,
    clock: options.clock,
    logger: options.logger ?? silentLogger(),
    strictI18n: options.strictI18n ?? true,
  }).app;
}
