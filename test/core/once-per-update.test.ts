import { describe, expect, it } from 'vitest';
import { testRuntime } from '../support/bot.ts';

/*
 * The core's once-only check (issue 12, point 5), without a transport: an update with Telegram's
 * update_id is taken in once; one without (the terminal, JSON lines) is always new.
 */

const count = (runtime: ReturnType<typeof testRuntime>) =>
  (runtime.db.$client.prepare('select count(*) as n from processed_updates').get() as { n: number }).n;

describe('the core takes each update in once', () => {
  it('an update without an update_id (terminal, JSON lines) is handled every time and leaves no record', async () => {
    const runtime = testRuntime();
    const update = { userId: 1, chatId: 1, text: '/start' };
    expect(await runtime.app.handle(update)).toHaveLength(1);
    expect(await runtime.app.handle(update)).toHaveLength(1);
    expect(count(runtime)).toBe(0);
  });

  it('the same update_id twice: the second gets nothing and creates no user', async () => {
    const runtime = testRuntime();
    expect(await runtime.app.handle({ userId: 1, chatId: 1, text: '/start', updateId: 10, messageId: 3 })).toHaveLength(1);
    expect(await runtime.app.handle({ userId: 1, chatId: 1, text: '/start', updateId: 10, messageId: 3 })).toEqual([]);
    // A first contact that only ever arrives again does not become a user twice either (it is one).
    expect(await runtime.app.handle({ userId: 2, chatId: 2, text: '/start', updateId: 11 })).toHaveLength(1);
    expect(await runtime.app.handle({ userId: 2, chatId: 2, text: '/start', updateId: 11 })).toEqual([]);
    expect(count(runtime)).toBe(2);
  });

  it('a message (chat, message_id) seen under another update_id gets nothing; a button press has no message key', async () => {
    const runtime = testRuntime();
    expect(await runtime.app.handle({ userId: 1, chatId: 1, text: '/next', updateId: 20, messageId: 5 })).toHaveLength(1);
    expect(await runtime.app.handle({ userId: 1, chatId: 1, text: '/next', updateId: 21, messageId: 5 })).toEqual([]);
    expect(await runtime.app.handle({ userId: 1, chatId: 1, callbackData: 'language:en', updateId: 22 })).not.toEqual([]);
    expect(await runtime.app.handle({ userId: 1, chatId: 1, callbackData: 'language:en', updateId: 23 })).not.toEqual([]);
  });

  it('app.blocked marks the user inactive until they write again', async () => {
    const runtime = testRuntime();
    await runtime.app.handle({ userId: 1, chatId: 1, text: '/start' });
    const active = () => (runtime.db.$client.prepare('select active from users where id = 1').get() as { active: number }).active;
    runtime.app.blocked?.(1);
    expect(active()).toBe(0);
    runtime.app.blocked?.(999); // no such user: nothing
    await runtime.app.handle({ userId: 1, chatId: 1, text: '/next' });
    expect(active()).toBe(1);
  });
});
