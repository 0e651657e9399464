import type { ScheduledTask } from 'node-cron';
import type { Config } from '../config.ts';
import { SettableClock, systemClock, type Clock } from '../core/clock.ts';
import { createLogger, type Logger } from '../log.ts';
import { recoverAbandonedClaims } from '../reminders/dispatcher.ts';
import type { DeliveryPass, ReminderPass } from '../reminders/pass.ts';
import { createGrammyBot } from '../transports/grammy.ts';
import { type BackupSchedule, scheduleBackups } from './backup-schedule.ts';
import { scheduleReminders } from './cron.ts';
import { grammyDriver, telegramPasses } from './grammy-driver.ts';
import { checkHealth, type HealthReport } from './health.ts';
import { startHttpServer, type HttpServer } from './http-server.ts';
import { pollUpdates, realWait, type Wait } from './polling.ts';
import { createRuntime, type Runtime } from './runtime.ts';
import { claimStopSignals } from './shutdown.ts';
import type { TelegramDriver } from './telegram-driver.ts';
import { FatalTelegramError, fatalTelegramError, telegramAnswer } from './telegram-errors.ts';
import { createUpdateQueue, DEFAULT_CONCURRENCY } from './update-queue.ts';

export { telegramPasses };

type TelegramConfig = Config & { BOT_TOKEN: string };

/** The webhook's port when PORT is unset. */
export const DEFAULT_WEBHOOK_PORT = 8080;
/** How long a stop waits for in-flight updates and passes (Docker's grace period is 10 s). */
export const DRAIN_TIMEOUT_MS = 8000;
/** How long the last poll (confirming what was handled) may take when stopping. */
const CONFIRM_TIMEOUT_MS = 2000;

/** Operator commands show in the operators' chats: the configured ones and each operator's private chat. */
function operatorChats(config: Config): number[] {
  return [...new Set([...config.OPERATOR_CHAT_IDS, ...config.OPERATOR_IDS])];
}

export interface TelegramRunOptions {
  /** Aborted: the bot stops in order and runTelegram resolves. Default: the first SIGINT / SIGTERM. */
  signal?: AbortSignal;
  clock?: Clock;
  logger?: Logger;
  /** Tests: another framework adapter (default: grammY or Telegraf, as BOT_FRAMEWORK says). */
  driver?: (runtime: Runtime) => TelegramDriver;
  wait?: Wait;
  /** Updates handled at once (different users'); one user's always one at a time. */
  concurrency?: number;
  drainTimeoutMs?: number;
  /** Seconds a long poll is held open (Telegram: up to 50). */
  pollTimeoutSeconds?: number;
  /** Called once the HTTP server listens, with its address (tests ask for PORT=0). */
  onListening?: (url: string) => void;
}

/** `promise`, or undefined as soon as `signal` aborts (the promise then runs on unobserved). */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | undefined> {
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise<T | undefined>((resolve, reject) => {
    const onAbort = () => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function describeError(error: unknown): string {
  const answer = telegramAnswer(error);
  return answer ? `${answer.code} ${answer.description}` : error instanceof Error ? error.message : String(error);
}

/** getMe, retried a few times on network errors and 5xx (the API may be starting too); a fatal answer is thrown. */
async function identify(driver: TelegramDriver, signal: AbortSignal, wait: Wait, logger: Logger): Promise<string | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await driver.identify(signal)).username;
    } catch (error) {
      if (signal.aborted) return undefined;
      const fatal = fatalTelegramError('getMe', error);
      if (fatal) throw fatal;
      if (attempt >= 5)
        throw new FatalTelegramError(`Telegram did not answer getMe (${describeError(error)}): check TELEGRAM_API_ROOT and the network`);
      const retryInMs = (telegramAnswer(error)?.retryAfter ?? 0) * 1000 || 1000 * 2 ** (attempt - 1);
      logger.warn({ attempt, retryInMs, error: describeError(error) }, 'getMe failed; trying again');
      await wait(retryInMs, signal);
    }
  }
}

/** An optional start-up call: a failure is a warning and the bot runs on. */
async function optional(what: string, call: () => Promise<unknown>, signal: AbortSignal, logger: Logger): Promise<void> {
  try {
    await unlessAborted(call(), signal);
  } catch (error) {
    if (!signal.aborted) logger.warn({ error: describeError(error) }, `${what} failed; the bot runs on without it`);
  }
}

/** Keeps every promise `track` is given until it settles, so a stop can wait for them. */
function tracker() {
  const running = new Set<Promise<unknown>>();
  return {
    track<T>(promise: Promise<T>): Promise<T> {
      running.add(promise);
      promise.then(
        () => running.delete(promise),
        () => running.delete(promise),
      );
      return promise;
    },
    settled: () => Promise.allSettled([...running]),
  };
}

/**
 * The bot on Telegram. Updates arrive by long polling, or by webhook when WEBHOOK_URL is set;
 * different users' updates are handled at once, one user's in order; reminder passes run on
 * REMINDER_CRON; GET /healthz is served on PORT (webhook mode: always).
 *
 * Stopping, on `signal` (SIGINT / SIGTERM) at any moment, start-up included: intake stops (the
 * poll in flight is cancelled, the webhook answers 503), updates already taken are finished,
 * the scheduler stops and its pass in flight ends, the database is closed; then it resolves.
 * A fatal Telegram answer (401 bad token, 409 another instance polling) stops the same way and
 * is thrown, with one clear message, so the process exits non-zero.
 */
export async function runTelegram(config: TelegramConfig, options: TelegramRunOptions = {}): Promise<void> {
  const claimed = options.signal ? undefined : claimStopSignals();
  const stopSignal = (options.signal ?? claimed?.signal) as AbortSignal;
  try {
    await serve(config, options, stopSignal);
  } finally {
    claimed?.release();
  }
}

async function serve(config: TelegramConfig, options: TelegramRunOptions, stopSignal: AbortSignal): Promise<void> {
  const clock = options.clock ?? systemClock;
  const wait = options.wait ?? realWait;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL ?? 'info');
  if (stopSignal.aborted) return;
  // Telegraf is loaded only when asked for, so a grammY bot starts as fast as before.
  const frameworkDriver =
    config.BOT_FRAMEWORK === 'telegraf' && !options.driver ? (await import('./telegraf-driver.ts')).telegrafDriver : grammyDriver;
  if (stopSignal.aborted) return;
  const runtime = createRuntime({ config, clock, logger });
  const startedAt = clock.now();
  // Intake stops on the stop signal, or when Telegram answers something fatal.
  const intake = new AbortController();
  const onStop = () => {
    logger.info({ signal: String(stopSignal.reason ?? 'abort') }, 'stopping');
    intake.abort();
  };
  stopSignal.addEventListener('abort', onStop, { once: true });

  let fatal: unknown;
  let server: HttpServer | undefined;
  let task: ScheduledTask | undefined;
  let backups: BackupSchedule | undefined;
  let stopping = false;
  let identified = false;
  let offset = 0;
  const passes = tracker();
  const driver = (options.driver ?? ((rt) => frameworkDriver(rt, config.BOT_TOKEN, operatorChats(config))))(runtime);
  const queue = createUpdateQueue({
    handle: (update) => driver.handle(update),
    clock,
    logger,
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
  });
  const webhookMode = config.WEBHOOK_URL !== undefined;

  try {
    recoverAbandonedClaims(runtime.db, clock.now());
    const { reminders, deliveries } = driver.passes();
    const trackedDeliveries: DeliveryPass = () => passes.track(deliveries());
    const trackedReminders: ReminderPass = () => passes.track(reminders());
    runtime.deliverQueuedWith(trackedDeliveries);

    const port = config.PORT ?? (webhookMode ? DEFAULT_WEBHOOK_PORT : undefined);
    if (port !== undefined) {
      const schedulerState = (): HealthReport['scheduler'] => {
        if (stopping) return 'stopped';
        if (!task) return 'starting';
        return task.getStatus() === 'stopped' || task.getStatus() === 'destroyed' ? 'stopped' : 'alive';
      };
      server = await startHttpServer({
        host: config.HOST,
        port,
        logger,
        health: () =>
          checkHealth({
            pingDatabase: () => runtime.db.$client.prepare('select 1').get(),
            scheduler: schedulerState,
            lastUpdateAt: () => queue.lastUpdateAt,
            clock,
            startedAt,
          }),
        // The calendar feeds' URLs are given only in webhook mode (src/app/runtime.ts), so only then served.
        ...(webhookMode && { calendarFeed: (token: string) => runtime.calendarFeed(token) }),
        ...(webhookMode && {
          webhook: {
            path: new URL(config.WEBHOOK_URL as string).pathname,
            secret: config.WEBHOOK_SECRET as string,
            accept: (update) => {
              // Before getMe has answered the framework cannot handle an update (a webhook left set
              // may deliver at once): 503, and Telegram sends it again shortly.
              if (!identified || stopping || intake.signal.aborted) return false;
              queue.push(update);
              return true;
            },
          },
        }),
      });
      logger.info({ url: server.url, webhook: webhookMode }, 'http server listening');
      options.onListening?.(server.url);
    }

    const username = await identify(driver, intake.signal, wait, logger);
    identified = username !== undefined;
    if (username !== undefined) {
      if (webhookMode) {
        try {
          await unlessAborted(
            driver.setWebhook(config.WEBHOOK_URL as string, config.WEBHOOK_SECRET as string, intake.signal),
            intake.signal,
          );
        } catch (error) {
          if (!intake.signal.aborted)
            throw fatalTelegramError('setWebhook', error) ?? new FatalTelegramError(`setWebhook failed: ${describeError(error)}`);
        }
      } else {
        // A webhook left set would make every poll a 409.
        await optional('deleteWebhook', () => driver.deleteWebhook(intake.signal), intake.signal, logger);
      }
      await optional('setMyCommands (the command menus)', () => driver.publishCommands(), intake.signal, logger);
    }
    if (!intake.signal.aborted) {
      task = scheduleReminders(config.REMINDER_CRON, trackedReminders, logger);
      backups = scheduleBackups(runtime);
      logger.info({ bot: username, mode: webhookMode ? 'webhook' : 'polling', pid: process.pid }, 'bot running');
      if (webhookMode) {
        await new Promise<void>((resolve) => {
          if (intake.signal.aborted) resolve();
          else intake.signal.addEventListener('abort', () => resolve(), { once: true });
        });
      } else {
        offset = await pollUpdates({
          getUpdates: (params, signal) => driver.getUpdates(params, signal),
          queue,
          logger,
          signal: intake.signal,
          wait,
          ...(options.pollTimeoutSeconds !== undefined && { timeoutSeconds: options.pollTimeoutSeconds }),
        });
      }
    }
  } catch (error) {
    fatal = error;
  } finally {
    stopping = true;
    intake.abort();
    stopSignal.removeEventListener('abort', onStop);
    server?.stopListening();
    await task?.stop();
    // A backup in flight finishes before the database is closed.
    await backups?.stop();
    const drainTimeout = options.drainTimeoutMs ?? DRAIN_TIMEOUT_MS;
    const finished = await Promise.race([
      Promise.all([queue.drained(), passes.settled()]).then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), drainTimeout).unref()),
    ]);
    if (!finished)
      logger.warn({ unfinishedUpdates: queue.size, drainTimeoutMs: drainTimeout }, 'stopping before every update was finished');
    // Confirm what was handled, so the next start does not get it again (as grammY's bot.stop does).
    if (!webhookMode && offset > 0 && !(fatal instanceof FatalTelegramError)) {
      await driver
        .getUpdates({ offset, limit: 1, timeout: 0 }, AbortSignal.timeout(CONFIRM_TIMEOUT_MS))
        .catch((error: unknown) => logger.warn({ error: describeError(error) }, 'could not confirm the last updates'));
    }
    await server?.close();
    runtime.close();
    logger.info({ fatal: fatal !== undefined }, 'stopped');
  }
  if (fatal !== undefined) throw fatal;
}

/** `repaybot tick`: one reminder pass now (or at `now`), sent by Telegram; returns the summary line. */
export async function runTick(config: TelegramConfig, now: Date | undefined): Promise<string> {
  const clock: Clock = new SettableClock(now);
  const runtime = createRuntime({ config, clock, logger: createLogger(config.LOG_LEVEL ?? 'warn') });
  recoverAbandonedClaims(runtime.db, clock.now());
  try {
    const bot = createGrammyBot({ token: config.BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, app: runtime.app, logger: runtime.logger });
    const result = await telegramPasses(runtime, bot.api).reminders();
    return `queued ${result.queued}, sent ${result.sent}, dropped ${result.dropped}, retrying ${result.retried}, failed ${result.dead}`;
  } finally {
    runtime.close();
  }
}
