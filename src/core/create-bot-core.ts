import { allCommands } from '../../commands/index.ts';
import { DEFAULT_LPR, type Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { Decimal } from '../domain/money.ts';
import { Translator } from '../i18n/translator.ts';
import type { Logger } from '../log.ts';
import { createApp, type App } from './app.ts';
import type { Clock } from './clock.ts';

export interface CoreOptions {
  config: Pick<Config, 'DEFAULT_TIMEZONE' | 'DEFAULT_LANGUAGE'> & Partial<Pick<Config, 'LPR_ONE_YEAR' | 'LPR_SINCE'>>;
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Tests: a missing translation or unknown variable throws instead of being logged. */
  strictI18n?: boolean;
}

/** Wires the neutral core: translations, commands, database and clock. */
export function createBotCore(options: CoreOptions): App {
  const translator = new Translator({
    strict: options.strictI18n ?? false,
    onError: (error) => options.logger.warn({ err: error }, 'translation problem'),
  });
  return createApp({
    db: options.db,
    translator,
    clock: options.clock,
    logger: options.logger,
    commands: allCommands(translator),
    defaultTimeZone: options.config.DEFAULT_TIMEZONE,
    defaultLocale: options.config.DEFAULT_LANGUAGE,
    lpr: {
      percent: new Decimal(options.config.LPR_ONE_YEAR ?? DEFAULT_LPR.percent),
      since: options.config.LPR_SINCE ?? DEFAULT_LPR.since,
    },
  });
}
