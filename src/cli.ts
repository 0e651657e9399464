import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Bot } from 'grammy';
import cron, { type ScheduledTask } from 'node-cron';
import { CALC_HELP, runCalc } from './cli/calc.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import type { App } from './core/app.ts';
import { SettableClock, systemClock, type Clock } from './core/clock.ts';
import { createBotCore } from './core/create-bot-core.ts';
import type { OutgoingMessage } from './core/types.ts';
import { openDatabase, type Db } from './db/client.ts';
import { todayIn } from './domain/calendar.ts';
import { localeFromLanguageCode, type Locale } from './i18n/locales.ts';
import { createLogger, type Logger } from './log.ts';
import { recoverAbandonedClaims } from './reminders/dispatcher.ts';
import { collectingSender, createReminderPass, type ReminderPass } from './reminders/pass.ts';
import { realTimeLimiter } from './reminders/rate-limiter.ts';
import { telegramSender } from './transports/grammy-sender.ts';
import { renderForConsole, runConsole } from './transports/console.ts';
import { createGrammyBot, publishCommands } from './transports/grammy.ts';
import { runJsonl } from './transports/jsonl.ts';

const USAGE = `repaybot — a repayment assistant chat bot

Usage: repaybot <command> [options]

Commands:
  start     run the bot: Telegram when BOT_TOKEN is set, else a chat in this terminal
  chat      chat in the terminal (--jsonl: the JSON-lines machine interface)
  calc      the loan engine from the shell: schedule, APR, overdue (--json for scripts)
  tick      run one reminder pass now (catch-up by hand)
  migrate   create or update the database schema, then exit

Run "repaybot <command> --help" for a command's options.`;

const HELP: Record<string, string> = {
  start: `Usage: repaybot start

Runs the bot with the configuration from the environment (and .env). With BOT_TOKEN set it
long-polls Telegram (TELEGRAM_API_ROOT may point at a local Bot API server); without it, it
opens the terminal chat, as "repaybot chat" does.`,
  chat: `Usage: repaybot chat [--jsonl] [--user ID] [--lang L] [--now ISO]

  --jsonl      read JSON lines on stdin, write JSON lines on stdout (see README)
  --user ID    the local user's id in the terminal chat (default 1)
  --lang L     language code as Telegram would send it: en, zh-CN, zh-TW, zh-Hant… (default: from $LANG)
  --now ISO    fix the clock at this instant, e.g. 2027-01-10T09:00:00+08:00`,
  calc: CALC_HELP,
  tick: `Usage: repaybot tick [--now ISO]

Runs one reminder pass: queues every reminder that has come due (catching up after downtime) and
sends it by Telegram (BOT_TOKEN required). A summary goes to stderr. --now runs the pass as if it
were that instant. Without Telegram, send {"tick": ISO} lines to "repaybot chat --jsonl".`,
  migrate: `Usage: repaybot migrate

Creates the database at DATABASE_PATH if needed and applies every migration in drizzle/.`,
};

type Env = Record<string, string | undefined>;

/** .env is optional; real environment variables win over it. */
function loadEnv(): Env {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return process.env;
}

function terminalLocale(flag: string | undefined, env: Env): string | undefined {
  if (flag) return flag;
  // LANG=zh_CN.UTF-8 → zh-CN
  return env.LANG?.split('.')[0]?.replace('_', '-');
}

/** Runs reminder passes on REMINDER_CRON until stopped. */
function scheduleReminders(config: Config, pass: ReminderPass, logger: Logger): ScheduledTask {
  return cron.schedule(config.REMINDER_CRON, async () => {
    try {
      await pass();
    } catch (error) {
      logger.error({ err: error }, 'reminder pass failed');
    }
  });
}

async function startChat(config: Config, options: { jsonl: boolean; user: number; lang?: string; now?: Date }): Promise<void> {
  const logger = createLogger(config.LOG_LEVEL ?? 'warn');
  const clock = new SettableClock(options.now);
  const db = openDatabase(config.DATABASE_PATH);
  recoverAbandonedClaims(db, clock.now());
  const app = createBotCore({ config, db, clock, logger });
  const reminderDeps = { db, clock, translator: app.translator, defaultLocale: config.DEFAULT_LANGUAGE, logger };
  try {
    if (options.jsonl) {
      // A {"tick"} line runs one pass; its messages come out on the same stream, each with its chat.
      let collected: OutgoingMessage[] = [];
      const pass = createReminderPass({ ...reminderDeps, sender: collectingSender((m) => collected.push(m)) });
      const onTick = async () => {
        collected = [];
        await pass();
        return collected;
      };
      await runJsonl({ app, clock, input: process.stdin, output: process.stdout, onTick });
    } else {
      const locale: Locale = localeFromLanguageCode(options.lang) ?? config.DEFAULT_LANGUAGE;
      // The local user's reminders appear in the terminal as they fall due; other users' stay
      // queued for the Telegram bot.
      const pass = createReminderPass({
        ...reminderDeps,
        onlyUserId: options.user,
        sender: collectingSender((m) => process.stdout.write(`\n${renderForConsole(m)}\n\n> `)),
      });
      const task = scheduleReminders(config, pass, logger);
      try {
        await runConsole({ app, userId: options.user, locale, input: process.stdin, output: process.stdout });
      } finally {
        await task.stop();
      }
    }
  } finally {
    db.$client.close();
  }
}

async function startTelegram(config: Config & { BOT_TOKEN: string }): Promise<void> {
  const logger = createLogger(config.LOG_LEVEL ?? 'info');
  const db = openDatabase(config.DATABASE_PATH);
  recoverAbandonedClaims(db, systemClock.now());
  const app = createBotCore({ config, db, clock: systemClock, logger });
  const bot = createGrammyBot({ token: config.BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, app, logger });
  const pass = telegramReminderPass(config, { db, clock: systemClock, app, bot, logger });
  let task: ScheduledTask | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await task?.stop();
    await bot.stop();
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await publishCommands(bot, app);
  await bot.start({
    onStart: (me) => {
      logger.info({ bot: me.username }, 'polling Telegram');
      task = scheduleReminders(config, pass, logger);
    },
  });
  db.$client.close();
}

/** Reminders sent by Telegram at its limits, as the bot and `repaybot tick` both do. */
function telegramReminderPass(config: Config, deps: { db: Db; clock: Clock; app: App; bot: Bot; logger: Logger }): ReminderPass {
  const limiter = realTimeLimiter(config.REMINDER_MAX_PER_SECOND);
  return createReminderPass({
    db: deps.db,
    clock: deps.clock,
    translator: deps.app.translator,
    defaultLocale: config.DEFAULT_LANGUAGE,
    logger: deps.logger,
    sender: telegramSender(deps.bot.api, limiter),
    limiter,
  });
}

/** `repaybot tick`: one reminder pass now (or at --now), sent by Telegram. */
async function tick(config: Config, now: Date | undefined): Promise<number> {
  if (!config.BOT_TOKEN) {
    // Without a token nothing could be delivered, and marking reminders sent would lose them.
    console.error(
      'BOT_TOKEN is not set: reminders could not be delivered. To see them without Telegram, send {"tick": ISO} lines to `repaybot chat --jsonl`.',
    );
    return 2;
  }
  const logger = createLogger(config.LOG_LEVEL ?? 'warn');
  const clock = new SettableClock(now);
  const db = openDatabase(config.DATABASE_PATH);
  recoverAbandonedClaims(db, clock.now());
  try {
    const app = createBotCore({ config, db, clock, logger });
    const bot = createGrammyBot({ token: config.BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, app, logger });
    const pass = telegramReminderPass(config, { db, clock, app, bot, logger });
    const result = await pass();
    console.error(
      `queued ${result.queued}, sent ${result.sent}, dropped ${result.dropped}, retrying ${result.retried}, failed ${result.dead}`,
    );
    return 0;
  } finally {
    db.$client.close();
  }
}

/** calc reads no database; only DEFAULT_TIMEZONE (for "today") comes from the configuration. */
function calcCommand(argv: string[]): number {
  let config: Config;
  try {
    config = loadConfig(loadEnv());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 2;
  }
  const { code, stdout, stderr } = runCalc(argv, todayIn(config.DEFAULT_TIMEZONE, new Date()));
  if (stdout) console.log(stdout);
  if (stderr) console.error(stderr);
  return code;
}

/** `--now`: an instant to fix the clock at, or 'invalid' after saying what is expected. */
function readNow(value: string | boolean | undefined): Date | undefined | 'invalid' {
  if (value === undefined) return undefined;
  const now = new Date(String(value));
  if (!Number.isNaN(now.getTime())) return now;
  console.error('--now must be an ISO date-time, e.g. 2027-01-12T09:00:00+08:00');
  return 'invalid';
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command) {
    console.error(USAGE);
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (!(command in HELP)) {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  if (command === 'calc') return calcCommand(rest);
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        ...(command === 'tick' && { now: { type: 'string' } }),
        ...(command === 'chat' && {
          jsonl: { type: 'boolean' },
          user: { type: 'string' },
          lang: { type: 'string' },
          now: { type: 'string' },
        }),
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP[command]}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP[command]);
    return 0;
  }

  let config: Config;
  try {
    config = loadConfig(loadEnv());
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }

  switch (command) {
    case 'migrate':
      openDatabase(config.DATABASE_PATH).$client.close();
      console.log(`Database ready: ${config.DATABASE_PATH}`);
      return 0;
    case 'start':
      if (config.BOT_TOKEN) {
        try {
          await startTelegram({ ...config, BOT_TOKEN: config.BOT_TOKEN });
        } catch (error) {
          // A wrong token or an unreachable API root: one clear line, not a stack trace.
          console.error(`Could not run the Telegram bot: ${(error as Error).message}`);
          return 1;
        }
      } else await startChat(config, { jsonl: false, user: 1, lang: terminalLocale(undefined, process.env) });
      return 0;
    case 'tick': {
      const now = readNow(values.now);
      return now === 'invalid' ? 2 : tick(config, now);
    }
    case 'chat': {
      const user = values.user === undefined ? 1 : Number(values.user);
      if (!Number.isSafeInteger(user) || user <= 0) {
        console.error('--user must be a positive whole number');
        return 2;
      }
      const now = readNow(values.now);
      if (now === 'invalid') return 2;
      const lang = terminalLocale(values.lang as string | undefined, process.env);
      await startChat(config, { jsonl: values.jsonl === true, user, ...(lang && { lang }), ...(now && { now }) });
      return 0;
    }
  }
  return 2;
}
