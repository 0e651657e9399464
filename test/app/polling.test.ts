import { describe, expect, it } from 'vitest';
import { pollUpdates, type GetUpdates } from '../../src/app/polling.ts';
import { FatalTelegramError } from '../../src/app/telegram-errors.ts';
import { createUpdateQueue, type RawUpdate } from '../../src/app/update-queue.ts';
import { SettableClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/log.ts';

/** Telegram's error as grammY raises it (GrammyError carries these fields). */
const telegramError = (code: number, description: string, retryAfter?: number) =>
  Object.assign(new Error(description), { error_code: code, description, ...(retryAfter && { parameters: { retry_after: retryAfter } }) });

/** getUpdates answering from a script, one step a call; the stop signal aborts after the script. */
function scripted(steps: (RawUpdate[] | Error)[], controller: AbortController) {
  const offsets: number[] = [];
  const getUpdates: GetUpdates = async ({ offset }) => {
    offsets.push(offset);
    const step = steps.shift();
    if (step === undefined) {
      controller.abort();
      throw new Error('aborted');
    }
    if (step instanceof Error) throw step;
    return step;
  };
  return { getUpdates, offsets };
}

const update = (id: number, user = 1): RawUpdate => ({
  update_id: id,
  message: { from: { id: user }, chat: { id: user }, text: `m${id}` },
});

function setUp() {
  const handled: number[] = [];
  const queue = createUpdateQueue({
    handle: async (u) => void handled.push(u.update_id),
    clock: new SettableClock(),
    logger: silentLogger(),
  });
  const waits: number[] = [];
  const wait = async (ms: number) => void waits.push(ms);
  return { handled, queue, waits, wait };
}

describe('pollUpdates (long polling into the update queue)', () => {
  it('queues every update and confirms it with the next poll’s offset; returns the offset that confirms the last', async () => {
    const controller = new AbortController();
    const { handled, queue, wait } = setUp();
    const { getUpdates, offsets } = scripted([[update(10), update(11)], [], [update(12, 2)]], controller);
    const offset = await pollUpdates({ getUpdates, queue, logger: silentLogger(), signal: controller.signal, wait });
    await queue.drained();
    expect(handled).toEqual([10, 11, 12]);
    expect(offsets).toEqual([0, 12, 12, 13]);
    expect(offset).toBe(13);
  });

  it('retries network errors and 5xx with growing backoff, and a 429 after its retry_after (time injected)', async () => {
    const controller = new AbortController();
    const { handled, queue, waits, wait } = setUp();
    const { getUpdates } = scripted(
      [new Error('ECONNRESET'), telegramError(502, 'Bad Gateway'), telegramError(429, 'Too Many Requests: retry after 7', 7), [update(1)]],
      controller,
    );
    await pollUpdates({ getUpdates, queue, logger: silentLogger(), signal: controller.signal, wait });
    await queue.drained();
    expect(waits).toEqual([500, 1000, 7000]);
    expect(handled).toEqual([1]);
  });

  it.each([
    [401, 'Unauthorized', /BOT_TOKEN is wrong/],
    [
      409,
      'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      /another process is running this bot/,
    ],
  ])('a %i stops polling with a FatalTelegramError saying what to do', async (code, description, advice) => {
    const controller = new AbortController();
    const { queue, wait } = setUp();
    const { getUpdates } = scripted([[update(1)], telegramError(code, description)], controller);
    const polling = pollUpdates({ getUpdates, queue, logger: silentLogger(), signal: controller.signal, wait });
    await expect(polling).rejects.toBeInstanceOf(FatalTelegramError);
    await expect(polling).rejects.toThrow(advice);
    await expect(polling).rejects.toThrow(String(code));
  });

  it('does not poll while the queue is full, and stops at once when aborted', async () => {
    const controller = new AbortController();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const queue = createUpdateQueue({ handle: () => gate, clock: new SettableClock(), logger: silentLogger() });
    const offsets: number[] = [];
    const getUpdates: GetUpdates = async ({ offset }) => {
      offsets.push(offset);
      return [update(1, 1), update(2, 2)];
    };
    const polling = pollUpdates({ getUpdates, queue, logger: silentLogger(), signal: controller.signal, highWater: 2 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(offsets).toEqual([0]);
    controller.abort();
    expect(await polling).toBe(3);
    release();
    await queue.drained();
  });
});
