import type { Clock } from '../core/clock.ts';
import type { Logger } from '../log.ts';

/** A Bot API update as Telegram sends it: its id and one field naming its kind (message, callback_query …). */
export interface RawUpdate {
  update_id: number;
  [kind: string]: unknown;
}

/**
 * Whose update this is: the user who sent it (from.id), else its chat. One user's updates are
 * handled strictly in order (their form answers, their double-pressed buttons); different users'
 * at the same time. An update without either (a poll's result) has a key of its own.
 */
export function updateKey(update: RawUpdate): string {
  for (const [kind, value] of Object.entries(update)) {
    if (kind === 'update_id' || typeof value !== 'object' || value === null) continue;
    const payload = value as {
      from?: { id?: unknown };
      chat?: { id?: unknown };
      message?: { chat?: { id?: unknown } };
      user?: { id?: unknown };
    };
    const id = payload.from?.id ?? payload.user?.id ?? payload.chat?.id ?? payload.message?.chat?.id;
    if (typeof id === 'number') return `u${id}`;
  }
  return `update${update.update_id}`;
}

export interface UpdateQueueOptions {
  /** Handles one update; a thrown error is logged and the next update runs. */
  handle(update: RawUpdate): Promise<void>;
  clock: Clock;
  logger: Logger;
  /** How many updates are handled at once at most (different users'). */
  concurrency?: number;
  keyOf?: (update: RawUpdate) => string;
}

export interface UpdateQueue {
  /** Queues an update: handled after the same user's earlier ones, beside other users'. */
  push(update: RawUpdate): void;
  /** Updates queued or being handled. */
  readonly size: number;
  /** Updates being handled right now. */
  readonly running: number;
  /** When the last update arrived (null: none yet). */
  readonly lastUpdateAt: Date | null;
  /** Resolves once `size` is below `limit` (polling waits here before fetching more), or on abort. */
  room(limit: number, signal?: AbortSignal): Promise<void>;
  /** Resolves when every queued update has been handled. */
  drained(): Promise<void>;
}

export const DEFAULT_CONCURRENCY = 100;

export function createUpdateQueue(options: UpdateQueueOptions): UpdateQueue {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const keyOf = options.keyOf ?? updateKey;
  /** Each key's updates not yet started, in arrival order. */
  const waiting = new Map<string, RawUpdate[]>();
  /** Keys with waiting updates and none running, in the order they became ready (fair to every user). */
  const ready: string[] = [];
  const active = new Set<string>();
  let size = 0;
  let running = 0;
  let lastUpdateAt: Date | null = null;
  let listeners: (() => void)[] = [];

  const notify = () => {
    const current = listeners;
    listeners = [];
    for (const listener of current) listener();
  };

  const pump = () => {
    while (running < concurrency && ready.length > 0) {
      const key = ready.shift() as string;
      const update = waiting.get(key)?.shift();
      if (!update) continue;
      active.add(key);
      running += 1;
      void run(key, update);
    }
  };

  const run = async (key: string, update: RawUpdate) => {
    try {
      await options.handle(update);
    } catch (error) {
      options.logger.error({ err: error, updateId: update.update_id }, 'update failed');
    }
    running -= 1;
    size -= 1;
    active.delete(key);
    if ((waiting.get(key)?.length ?? 0) > 0) ready.push(key);
    else waiting.delete(key);
    pump();
    notify();
  };

  const waitFor = (done: () => boolean, signal?: AbortSignal) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (done() || signal?.aborted) {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        } else listeners.push(check);
      };
      const onAbort = () => notify();
      signal?.addEventListener('abort', onAbort, { once: true });
      check();
    });

  return {
    push(update) {
      lastUpdateAt = options.clock.now();
      const key = keyOf(update);
      const list = waiting.get(key) ?? [];
      list.push(update);
      waiting.set(key, list);
      size += 1;
      if (list.length === 1 && !active.has(key)) ready.push(key);
      pump();
    },
    get size() {
      return size;
    },
    get running() {
      return running;
    },
    get lastUpdateAt() {
      return lastUpdateAt;
    },
    room: (limit, signal) => waitFor(() => size < limit, signal),
    drained: () => waitFor(() => size === 0),
  };
}
