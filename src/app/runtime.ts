import { allCommands } from '../../commands/index.ts';
import { freeTextFallback } from '../../commands/free-text.ts';
import type { Config } from '../config.ts';
import { createApp, type App } from '../core/app.ts';
import type { Clock } from '../core/clock.ts';
import type { MessageSender } from '../core/sender.ts';
import { openDatabase, type Db } from '../db/client.ts';
import { Decimal } from '../domain/money.ts';
import { Translator } from '../i18n/translator.ts';
import type { Logger } from '../log.ts';
import { createReminderPass, type ReminderPass } from '../reminders/pass.ts';
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
  reminderPass(sender: MessageSender, options?: { limiter?: RateLimiter; onlyUserId?: number }): ReminderPass;
  close(): void;
}

export function createRuntime(options: RuntimeOptions): Runtime {
  const { config, clock, logger } = options;
  const db = options.db ?? openDatabase(config.DATABASE_PATH);
  const translator = new Translator({
    strict: options.strictI18n ?? false,
    onError: (error) => logger.warn({ err: error }, 'translation problem'),
  });
  const services = createServices(db, {
    defaultTimeZone: config.DEFAULT_TIMEZONE,
    lpr: { percent: new Decimal(config.LPR_ONE_YEAR), since: config.LPR_SINCE },
  });
  const app = createApp({
    services,
    translator,
    clock,
    logger,
    commands: allCommands(translator),
    defaultLocale: config.DEFAULT_LANGUAGE,
    operatorIds: config.OPERATOR_IDS,
    freeText: freeTextFallback,
  });
  return {
    config,
    clock,
    logger,
    db,
    translator,
    services,
    app,
    reminderPass: (sender, passOptions = {}) =>
      createReminderPass({
        db,
        clock,
        translator,
        defaultLocale: config.DEFAULT_LANGUAGE,
        logger,
        sender,
        ...(passOptions.limiter && { limiter: passOptions.limiter }),
        ...(passOptions.onlyUserId !== undefined && { onlyUserId: passOptions.onlyUserId }),
      }),
    close: () => db.$client.close(),
  };
}
