import { allCommands } from '../../commands/index.ts';
import { freeTextWith } from '../../commands/free-text.ts';
import { calendarIcs } from '../../commands/shared/calendar-ics.ts';
import { localeOf } from '../i18n/locales.ts';
import type { RandomBytes } from '../services/calendar.ts';
import type { Config } from '../config.ts';
import { createApp, type App } from '../core/app.ts';
import type { Clock } from '../core/clock.ts';
import type { MessageSender } from '../core/sender.ts';
import { openDatabase, type Db } from '../db/client.ts';
import { holdDatabase } from './db-holders.ts';
import { Decimal } from '../domain/money.ts';
import { Translator } from '../i18n/translator.ts';
import { type KnowledgeBase, loadKnowledgeBase } from '../knowledge/index.ts';
import type { Logger } from '../log.ts';
import { createDeliveryPass, createReminderPass, type DeliveryPass, type ReminderPass } from '../reminders/pass.ts';
import type { RateLimiter } from '../reminders/rate-limiter.ts';
import { createServices, type Services } from '../services/index.ts';

/*
 * The composition root: the one place that knows every part. It builds config → database →
 * services → core; the run modes (src/app/run-*.ts) add a transport and the scheduler. The CLI
 * only parses arguments and calls a run mode; tests and benchmarks build their bot here too.
 */

export interface RuntimeOptions {
  config: Config;
  clock: Clock;
  logger: Logger;
  /** An already open database (tests: ':memory:'); otherwise DATABASE_PATH is opened. */
  db?: Db;
  /** Tests: a missing translation or unknown variable throws instead of being logged. */
  strictI18n?: boolean;
  /** Tests: where /calendar feed tokens come from (crypto otherwise). */
  randomBytes?: RandomBytes;
}

export interface Runtime {
  config: Config;
  clock: Clock;
  logger: Logger;
  db: Db;
  translator: Translator;
  services: Services;
  app: App;
  /** A reminder pass (plan what has come due, then deliver the outbox) through this sender. */
  reminderPass(sender: MessageSender, options?: PassOptions): ReminderPass;
  /** A delivery pass (send what is due in the outbox, plan nothing) through this sender. */
  deliveryPass(sender: MessageSender, options?: PassOptions): DeliveryPass;
  /**
   * How messages an update queued for other chats go out: this delivery pass runs after every
   * such update (in the background; a failure is logged, the outbox keeps the message).
   */
  deliverQueuedWith(pass: DeliveryPass): void;
  /** GET /ics/<token>: the feed owner's current calendar in their language; undefined for a forged or revoked token. */
  calendarFeed(token: string): string | undefined;
  close(): void;
}

export interface PassOptions {
  /** The limiter every pass of one process shares: Telegram counts the bot's messages, not a pass's. */
  limiter?: RateLimiter;
  /** The terminal chat delivers only its own user's messages; the rest wait for the Telegram bot. */
  onlyUserId?: number;
}

/** The knowledge base is read-only: read and indexed once per process, shared by every runtime in it. */
let knowledgeBase: KnowledgeBase | undefined;
function sharedKnowledgeBase(): KnowledgeBase {
  knowledgeBase ??= loadKnowledgeBase();
  return knowledgeBase;
}

export function createRuntime(options: RuntimeOptions): Runtime {
  const { config, clock, logger } = options;
  const db = options.db ?? openDatabase(config.DATABASE_PATH, { key: config.DATABASE_KEY });
  // Marks the database as in use, so `repaybot restore` refuses until this runtime is closed.
  const release = options.db ? () => {} : holdDatabase(config.DATABASE_PATH, runMode(), clock.now());
  const translator = new Translator({
    strict: options.strictI18n ?? false,
    onError: (error) => logger.warn({ err: error }, 'translation problem'),
  });
  // Calendar event UIDs name the bot (its public id, the token's part before ':'), so two bots'
  // events never collide in one calendar and one bot's stay the same across files and the feed.
  const botId = config.BOT_TOKEN?.split(':')[0];
  const uidDomain = botId ? `bot${botId}.repaybot` : 'repaybot';
  const services = createServices(db, {
    defaultTimeZone: config.DEFAULT_TIMEZONE,
    lpr: { percent: new Decimal(config.LPR_ONE_YEAR), since: config.LPR_SINCE },
    calendar: {
      uidDomain,
      // The webhook's HTTP server serves the feeds, at the webhook's host (Telegram reaches it there too).
      ...(config.WEBHOOK_URL !== undefined && { feedBase: `webcal://${new URL(config.WEBHOOK_URL).host}/ics/` }),
      ...(options.randomBytes && { randomBytes: options.randomBytes }),
    },
  });
  // The knowledge base of free-text answers (issue 10), read and indexed at start.
  const knowledge = sharedKnowledgeBase();
  let deliverQueued: DeliveryPass | undefined;
  const app = createApp({
    services,
    translator,
    clock,
    logger,
    commands: allCommands(translator, knowledge, {
      operatorLocale: config.DEFAULT_LANGUAGE,
      operatorTimeZone: config.DEFAULT_TIMEZONE,
      // A team's group when there is one; else each operator's private chat (one person running it for themselves).
      noticeChats: config.OPERATOR_CHAT_IDS.length > 0 ? config.OPERATOR_CHAT_IDS : config.OPERATOR_IDS,
      maxDeferralMonths: config.HARDSHIP_MAX_DEFERRAL_MONTHS,
      slaDays: config.HARDSHIP_SLA_DAYS,
      waiverGuidance: config.HARDSHIP_WAIVER_GUIDANCE,
    }),
    defaultLocale: config.DEFAULT_LANGUAGE,
    operatorIds: config.OPERATOR_IDS,
    freeText: freeTextWith(knowledge, translator),
    onQueued: () => {
      deliverQueued?.().catch((error: unknown) => logger.error({ err: error }, 'delivery pass failed'));
    },
  });
  const passDeps = (sender: MessageSender, passOptions: PassOptions) => ({
    db,
    clock,
    translator,
    defaultLocale: config.DEFAULT_LANGUAGE,
    // A loan without its lender's zone has its due dates in this one, in passes and screens alike.
    defaultTimeZone: config.DEFAULT_TIMEZONE,
    logger,
    sender,
    ...(passOptions.limiter && { limiter: passOptions.limiter }),
    ...(passOptions.onlyUserId !== undefined && { onlyUserId: passOptions.onlyUserId }),
  });
  return {
    config,
    clock,
    logger,
    db,
    translator,
    services,
    app,
    reminderPass: (sender, passOptions = {}) => createReminderPass(passDeps(sender, passOptions)),
    deliveryPass: (sender, passOptions = {}) => createDeliveryPass(passDeps(sender, passOptions)),
    deliverQueuedWith: (pass) => {
      deliverQueued = pass;
    },
    calendarFeed: (token) => {
      const now = clock.now();
      const data = services.calendarFeed(token, now);
      if (!data) return undefined;
      const locale = localeOf(data.language, data.telegramLanguage, config.DEFAULT_LANGUAGE);
      return calendarIcs(data, translator.for(locale), locale, now, uidDomain);
    },
    close: () => {
      db.$client.close();
      release();
    },
  };
}

/** `start`, `chat`, `tick` …: what `repaybot restore` names when it refuses. */
function runMode(): string {
  return /repaybot(\.mjs)?$/.test(process.argv[1] ?? '') ? (process.argv[2] ?? 'bot') : 'bot';
}
