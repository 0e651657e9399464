import type { Readable, Writable } from 'node:stream';
import type { Config } from '../config.ts';
import { SettableClock } from '../core/clock.ts';
import type { OutgoingMessage } from '../core/types.ts';
import { localeFromLanguageCode, type Locale } from '../i18n/locales.ts';
import { createLogger } from '../log.ts';
import { recoverAbandonedClaims } from '../reminders/dispatcher.ts';
import { collectingSender } from '../reminders/pass.ts';
import { consoleRenderer, runConsole } from '../transports/console.ts';
import { runJsonl } from '../transports/jsonl.ts';
import { scheduleBackups } from './backup-schedule.ts';
import { scheduleReminders } from './cron.ts';
import { createRuntime, type Runtime } from './runtime.ts';

export interface ChatOptions {
  /** The local user's id in the terminal chat. */
  user: number;
  /** Telegram-style language code of the terminal chat's user. */
  lang?: string;
  /** Fixes the clock at this instant. */
  now?: Date;
  input?: Readable;
  output?: Writable;
}

/**
 * The terminal chat for one local user. Their reminders appear in the terminal as they fall due,
 * on REMINDER_CRON; other users' stay queued for the Telegram bot.
 */
export async function runTerminalChat(config: Config, options: ChatOptions): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const runtime = createRuntime({ config, clock: new SettableClock(options.now), logger: createLogger(config.LOG_LEVEL ?? 'warn') });
  recoverAbandonedClaims(runtime.db, runtime.clock.now());
  const locale: Locale = localeFromLanguageCode(options.lang) ?? config.DEFAULT_LANGUAGE;
  // The local user's reminders and messages appear as they fall due, files saved as in replies.
  const render = consoleRenderer({ translator: runtime.translator, locale, now: () => runtime.clock.now() });
  const sender = collectingSender((message) => {
    void render(message).then((text) => output.write(`\n${text}\n\n> `));
  });
  const pass = runtime.reminderPass(sender, { onlyUserId: options.user });
  runtime.deliverQueuedWith(runtime.deliveryPass(sender, { onlyUserId: options.user }));
  const task = scheduleReminders(config.REMINDER_CRON, pass, runtime.logger);
  const backups = scheduleBackups(runtime);
  try {
    await runConsole({ app: runtime.app, userId: options.user, locale, input, output });
  } finally {
    await task.stop();
    await backups.stop();
    runtime.close();
  }
}

/** The JSON-lines interface: a {"tick"} line sets the clock and runs one pass, its messages on the same stream. */
export async function runJsonlChat(config: Config, options: Pick<ChatOptions, 'now' | 'input' | 'output'>): Promise<void> {
  const runtime = createRuntime({ config, clock: new SettableClock(options.now), logger: createLogger(config.LOG_LEVEL ?? 'warn') });
  recoverAbandonedClaims(runtime.db, runtime.clock.now());
  try {
    await serveJsonl(runtime, { input: options.input ?? process.stdin, output: options.output ?? process.stdout });
  } finally {
    runtime.close();
  }
}

/**
 * Serves the JSON-lines interface on a runtime whose clock is settable, until the input ends:
 * what `repaybot chat --jsonl` runs, and what the tests drive.
 */
export async function serveJsonl(runtime: Runtime, streams: { input: Readable; output: Writable; filesDir?: string }): Promise<void> {
  const clock = runtime.clock;
  if (!(clock instanceof SettableClock)) throw new Error('the JSON-lines interface needs a settable clock');
  let collected: OutgoingMessage[] = [];
  const sender = collectingSender((message) => collected.push(message));
  const passes = { tick: runtime.reminderPass(sender), deliver: runtime.deliveryPass(sender) };
  /** Runs a pass and hands over what it sent, so it is written before {"done":true}. */
  const collect = (pass: () => Promise<unknown>) => async () => {
    collected = [];
    await pass();
    return collected;
  };
  await runJsonl({
    app: runtime.app,
    clock,
    ...streams,
    onTick: collect(passes.tick),
    // Messages an input queued for other chats (an operator notice) come out on the same stream.
    afterInput: collect(passes.deliver),
  });
}
