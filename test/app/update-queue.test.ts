import { describe, expect, it } from 'vitest';
import { createUpdateQueue, type RawUpdate, updateKey } from '../../src/app/update-queue.ts';
import { SettableClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/log.ts';
import { capturingLogger } from './support/log.ts';

/** A handler whose calls finish only when the test says so. */
function gatedHandler() {
  const started: number[] = [];
  const finished: number[] = [];
  const gates = new Map<number, () => void>();
  return {
    started,
    finished,
    handle: (update: RawUpdate) =>
      new Promise<void>((resolve) => {
        started.push(update.update_id);
        gates.set(update.update_id, () => {
          finished.push(update.update_id);
          resolve();
        });
      }),
    finish(id: number) {
      const gate = gates.get(id);
      if (!gate) throw new Error(`update ${id} has not started`);
      gates.delete(id);
      gate();
    },
  };
}

const message = (updateId: number, userId: number): RawUpdate => ({
  update_id: updateId,
  message: { message_id: updateId, chat: { id: userId }, from: { id: userId }, text: 'hi' },
});
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('updateKey: whose update it is', () => {
  it('is the sender for messages, button presses and edits; the chat when there is no sender; else the update itself', () => {
    expect(updateKey(message(1, 42))).toBe('u42');
    expect(updateKey({ update_id: 2, callback_query: { id: 'x', from: { id: 7 }, message: { chat: { id: -100 } } } })).toBe('u7');
    expect(updateKey({ update_id: 3, edited_message: { from: { id: 8 }, chat: { id: 8 } } })).toBe('u8');
    expect(updateKey({ update_id: 4, channel_post: { chat: { id: -1009 } } })).toBe('u-1009');
    expect(updateKey({ update_id: 5, poll: { id: 'p' } })).toBe('update5');
  });
});

describe('createUpdateQueue', () => {
  it('handles one user’s updates strictly one after another, in arrival order', async () => {
    const handler = gatedHandler();
    const queue = createUpdateQueue({ handle: handler.handle, clock: new SettableClock(), logger: silentLogger() });
    for (const id of [1, 2, 3]) queue.push(message(id, 42));
    await tick();
    expect(handler.started).toEqual([1]);
    handler.finish(1);
    await tick();
    expect(handler.started).toEqual([1, 2]);
    handler.finish(2);
    await tick();
    handler.finish(3);
    await queue.drained();
    expect(handler.finished).toEqual([1, 2, 3]);
  });

  it('handles different users’ updates at the same time, and a slow user holds up nobody else', async () => {
    const handler = gatedHandler();
    const queue = createUpdateQueue({ handle: handler.handle, clock: new SettableClock(), logger: silentLogger() });
    queue.push(message(1, 1));
    queue.push(message(2, 1));
    queue.push(message(3, 2));
    queue.push(message(4, 3));
    await tick();
    expect(handler.started.sort()).toEqual([1, 3, 4]);
    expect(queue.running).toBe(3);
    handler.finish(3);
    handler.finish(4);
    await tick();
    // User 1's second update still waits for their first.
    expect(handler.started).not.toContain(2);
    handler.finish(1);
    await tick();
    handler.finish(2);
    await queue.drained();
    expect(queue.size).toBe(0);
  });

  it('runs at most `concurrency` updates at once, taking users in turn', async () => {
    const handler = gatedHandler();
    const queue = createUpdateQueue({ handle: handler.handle, clock: new SettableClock(), logger: silentLogger(), concurrency: 2 });
    for (let id = 1; id <= 5; id++) queue.push(message(id, id));
    await tick();
    expect(handler.started).toEqual([1, 2]);
    handler.finish(1);
    await tick();
    expect(handler.started).toEqual([1, 2, 3]);
    expect(queue.running).toBe(2);
    for (const id of [2, 3]) handler.finish(id);
    await tick();
    for (const id of [4, 5]) handler.finish(id);
    await queue.drained();
    expect(handler.finished.sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('logs a failed update and goes on with that user’s next one', async () => {
    const { logger, lines } = capturingLogger();
    const handled: number[] = [];
    const queue = createUpdateQueue({
      handle: async (update) => {
        if (update.update_id === 1) throw new Error('boom');
        handled.push(update.update_id);
      },
      clock: new SettableClock(),
      logger,
    });
    queue.push(message(1, 9));
    queue.push(message(2, 9));
    await queue.drained();
    expect(handled).toEqual([2]);
    expect(lines.find((line) => line.msg === 'update failed')).toMatchObject({ updateId: 1 });
  });

  it('remembers when the last update arrived (the clock’s time), and room() waits until the queue is short enough', async () => {
    const clock = new SettableClock(new Date('2027-01-01T00:00:00Z'));
    const handler = gatedHandler();
    const queue = createUpdateQueue({ handle: handler.handle, clock, logger: silentLogger() });
    expect(queue.lastUpdateAt).toBeNull();
    queue.push(message(1, 1));
    clock.set(new Date('2027-01-01T00:00:05Z'));
    queue.push(message(2, 1));
    expect(queue.lastUpdateAt?.toISOString()).toBe('2027-01-01T00:00:05.000Z');
    let roomy = false;
    const room = queue.room(2).then(() => (roomy = true));
    await tick();
    expect(roomy).toBe(false);
    handler.finish(1);
    await room;
    expect(queue.size).toBe(1);
    // An aborted wait returns at once.
    const controller = new AbortController();
    const aborted = queue.room(0, controller.signal);
    controller.abort();
    await aborted;
    await tick();
    handler.finish(2);
    await queue.drained();
  });
});
