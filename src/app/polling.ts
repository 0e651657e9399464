import type { Logger } from '../log.ts';
import { fatalTelegramError, telegramAnswer } from './telegram-errors.ts';
import type { RawUpdate, UpdateQueue } from './update-queue.ts';

export type GetUpdates = (params: { offset: number; limit: number; timeout: number }, signal?: AbortSignal) => Promise<RawUpdate[]>;

/** Waits `ms`, or less when `signal` aborts. */
export type Wait = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realWait: Wait = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

export interface PollingOptions {
  getUpdates: GetUpdates;
  queue: UpdateQueue;
  logger: Logger;
  /** Aborted: the poll in flight is cancelled and polling returns. */
  signal: AbortSignal;
  wait?: Wait;
  /** Seconds Telegram holds a poll open when there is nothing new. */
  timeoutSeconds?: number;
  /** No new poll while this many updates are queued or being handled. */
  highWater?: number;
}

/**
 * Long polling into the update queue: fetch, queue, fetch again. A poll's offset confirms the
 * updates before it, so each update is confirmed once it is queued (as @grammyjs/runner does);
 * with `highWater` updates waiting, no new poll is made until there is room again.
 * Network errors, 5xx and 429 are retried with backoff (429: after retry_after); a fatal answer
 * (401, 409 …) is thrown. Returns the offset that confirms everything queued.
 */
export async function pollUpdates(options: PollingOptions): Promise<number> {
  const { getUpdates, queue, logger, signal } = options;
  const wait = options.wait ?? realWait;
  const highWater = options.highWater ?? 500;
  let offset = 0;
  let failures = 0;
  while (!signal.aborted) {
    await queue.room(highWater, signal);
    if (signal.aborted) break;
    let updates: RawUpdate[];
    try {
      updates = await getUpdates({ offset, limit: 100, timeout: options.timeoutSeconds ?? 30 }, signal);
    } catch (error) {
      if (signal.aborted) break;
      const fatal = fatalTelegramError('getUpdates', error);
      if (fatal) throw fatal;
      failures += 1;
      const answer = telegramAnswer(error);
      const delayMs = answer?.retryAfter !== undefined ? answer.retryAfter * 1000 : Math.min(30_000, 500 * 2 ** Math.min(failures - 1, 6));
      logger.warn(
        {
          failures,
          retryInMs: delayMs,
          error: answer ? `${answer.code} ${answer.description}` : String((error as Error).message ?? error),
        },
        'getUpdates failed; polling again',
      );
      await wait(delayMs, signal);
      continue;
    }
    failures = 0;
    for (const update of updates) {
      // A redelivered update Telegram should not have sent again (it is before our offset).
      if (update.update_id < offset) continue;
      queue.push(update);
      offset = update.update_id + 1;
    }
  }
  return offset;
}
