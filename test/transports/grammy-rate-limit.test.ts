import type { Chat } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { IncomingLimiter } from '../../src/transports/incoming-limit.ts';
import { ALICE, createHarness, newClock } from './grammy-harness.ts';

/*
 * Issue 12, point 6: an incoming per-user rate limit, answered once with a polite message in the
 * user's language. Its clock is injected: the tests move it by hand.
 */

function harness(limit = { burst: 3, perSecond: 1 }) {
  const time = { now: 1_800_000_000_000 };
  const h = createHarness({ db: openDatabase(':memory:'), clock: newClock(), grammy: { rateLimit: limit, now: () => time.now } });
  return { ...h, time };
}

const POLITE = 'You are sending messages faster than I can read them';

describe('grammY: the incoming rate limit', () => {
  it('past the burst, drops updates, telling the user once; handles them again once the bucket refills', async () => {
    const h = harness();
    for (let i = 0; i < 3; i++) await h.deliver(h.textUpdate('/next'));
    expect(h.take()).toHaveLength(3);

    await h.deliver(h.textUpdate('/next'));
    await h.deliver(h.textUpdate('/next'));
    await h.deliver(h.textUpdate('/next'));
    expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining(POLITE)]);
    expect(h.lines.filter((line) => line.msg === 'rate limited: update dropped')).toHaveLength(3);

    h.time.now += 1000;
    await h.deliver(h.textUpdate('/next'));
    expect(h.take().map((m) => m.text)).toEqual([expect.not.stringContaining(POLITE)]);
    // Over the limit again later: told again, once.
    await h.deliver(h.textUpdate('/next'));
    await h.deliver(h.textUpdate('/next'));
    expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining(POLITE)]);
  });

  it('is per user: one user past the limit does not slow another', async () => {
    const h = harness({ burst: 1, perSecond: 1 });
    await h.deliver(h.textUpdate('/next'));
    await h.deliver(h.textUpdate('/next'));
    await h.deliver(h.textUpdate('/next', { from: { id: ALICE.id + 1 } }));
    expect(h.take().map((m) => [m.chatId, m.text.includes(POLITE)])).toEqual([
      [ALICE.id, false],
      [ALICE.id, true],
      [ALICE.id + 1, false],
    ]);
  });

  it('speaks the user’s Telegram language', async () => {
    const h = harness({ burst: 1, perSecond: 1 });
    await h.deliver(h.textUpdate('/next', { from: { language_code: 'zh-hans' } }));
    await h.deliver(h.textUpdate('/next', { from: { language_code: 'zh-hans' } }));
    const [, polite] = h.take();
    expect(polite?.text).toContain('请稍等几秒');
  });

  it('a dropped button press still has its spinner stopped, and the press does nothing', async () => {
    const h = harness({ burst: 1, perSecond: 1 });
    await h.deliver(h.textUpdate('/language'));
    const menu = h.take()[0]!;
    const before = h.calls.length;
    await h.deliver(h.pressUpdate(menu.message, menu.buttons.flat()[1]!.data));
    const calls = h.calls.slice(before).map((c) => c.method);
    expect(calls).toContain('answerCallbackQuery');
    expect(h.take().map((m) => m.text)).toEqual([expect.stringContaining(POLITE)]);
  });

  it('does not count group chatter the bot ignores anyway, and never answers it', async () => {
    const h = harness({ burst: 1, perSecond: 1 });
    const group: Chat.GroupChat = { id: -100200300, type: 'group', title: 'Family' };
    for (let i = 0; i < 5; i++) await h.deliver(h.textUpdate('lunch?', { chat: group }));
    expect(h.calls).toEqual([]);
    await h.deliver(h.textUpdate('/next'));
    expect(h.take().map((m) => m.text)).toEqual([expect.not.stringContaining(POLITE)]);
  });

  it('rateLimit: false turns it off', async () => {
    const h = createHarness({ db: openDatabase(':memory:'), clock: newClock(), grammy: { rateLimit: false, now: () => 0 } });
    for (let i = 0; i < 30; i++) await h.deliver(h.textUpdate('/next'));
    expect(h.take().filter((m) => m.text.includes(POLITE))).toEqual([]);
  });
});

describe('IncomingLimiter', () => {
  it('defaults to a burst of 20, then 2 a second', () => {
    let now = 0;
    const limiter = new IncomingLimiter({}, () => now);
    const verdicts = Array.from({ length: 22 }, () => limiter.take(1));
    expect(verdicts.filter((v) => v === 'ok')).toHaveLength(20);
    expect(verdicts.slice(20)).toEqual(['tell', 'quiet']);
    now += 500;
    expect(limiter.take(1)).toBe('ok');
    expect(limiter.take(1)).toBe('tell');
  });

  it('forgets users whose bucket is full again, so memory stays bounded', () => {
    let now = 0;
    const limiter = new IncomingLimiter({ burst: 2, perSecond: 1 }, () => now);
    for (let user = 1; user <= 10_000; user++) limiter.take(user);
    expect(limiter.size).toBe(10_000);
    now += 2000;
    limiter.take(99_999);
    expect(limiter.size).toBe(1);
  });
});
