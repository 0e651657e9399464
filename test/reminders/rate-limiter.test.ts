import { describe, expect, it } from 'vitest';
import { RateLimiter, limiterFor } from '../../src/reminders/rate-limiter.ts';

/*
 * Telegram: about 30 messages a second overall, 1 a second to one chat. The limiter runs on a
 * fake clock here: its sleep moves the clock forward instead of waiting.
 */

/** 1000/30 ms, less a microsecond: epoch milliseconds as doubles carry sub-microsecond rounding. */
const MIN_GAP_MS = 1000 / 30 - 0.001;

function fakeClock(start = 1_700_000_000_000) {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
    sleeps,
  };
}

function limiter(clock: ReturnType<typeof fakeClock>, perSecond = 30) {
  return new RateLimiter({ perSecond, perChatIntervalMs: 1000, now: clock.now, sleep: clock.sleep });
}

/** The most sends in any window [t, t + 1000 ms). */
function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= 1000) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe('RateLimiter', () => {
  it('100 sends to 100 chats are spaced at least 1000/30 ms apart: no second holds more than 30', async () => {
    const clock = fakeClock();
    const rl = limiter(clock);
    const times: number[] = [];
    for (let chat = 1; chat <= 100; chat++) {
      await rl.acquire(chat);
      times.push(clock.now());
    }
    for (let i = 1; i < times.length; i++) expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThanOrEqual(MIN_GAP_MS);
    // Slots 0 and 30 must not both fall in one second. Adding 1000/30 thirty times to an epoch
    // time in floating point can land the 31st send a fraction of a microsecond short of
    // first + 1000 ms: 31 in one second for a limiter (or a mock Bot API) that counts strictly.
    expect(busiestSecond(times)).toBeLessThanOrEqual(30);
    // ...and not much slower than needed: at least 28.5/s (95% of the limit, the target).
    expect((times.at(-1) as number) - (times[0] as number)).toBeLessThanOrEqual((99 * 1000) / 28.5);
  });

  it('callers that ask at the same moment (no awaiting in between) still get spaced slots', async () => {
    const now = 1_700_000_000_000;
    const wakeUps: number[] = [];
    // Time stands still while they all ask; each one's slot is when its sleep would end.
    const rl = new RateLimiter({
      perSecond: 30,
      perChatIntervalMs: 1000,
      now: () => now,
      sleep: async (ms) => void wakeUps.push(now + ms),
    });
    await Promise.all(Array.from({ length: 60 }, (_, i) => rl.acquire(i + 1)));
    const slots = [now, ...wakeUps].sort((a, b) => a - b);
    expect(slots).toHaveLength(60);
    for (let i = 1; i < slots.length; i++) expect((slots[i] as number) - (slots[i - 1] as number)).toBeGreaterThanOrEqual(MIN_GAP_MS);
  });

  it('two sends to one chat are at least 1 s apart, and other chats are not held up meanwhile', async () => {
    const clock = fakeClock();
    const rl = limiter(clock);
    await rl.acquire(7);
    const first = clock.now();
    await rl.acquire(8);
    expect(clock.now() - first).toBeLessThan(1000);
    await rl.acquire(7);
    expect(clock.now() - first).toBeGreaterThanOrEqual(1000);
  });

  it('a chat that has been quiet for a while is not delayed', async () => {
    const clock = fakeClock();
    const rl = limiter(clock);
    await rl.acquire(7);
    clock.advance(5000);
    const before = clock.now();
    await rl.acquire(7);
    expect(clock.now()).toBe(before);
  });

  it('pauseFor delays every chat, even one never seen before', async () => {
    const clock = fakeClock();
    const rl = limiter(clock);
    await rl.acquire(1);
    const pausedAt = clock.now();
    rl.pauseFor(5000);
    for (const chat of [1, 2, 3]) {
      await rl.acquire(chat);
      expect(clock.now()).toBeGreaterThanOrEqual(pausedAt + 5000);
    }
    // After the pause the usual spacing resumes.
    const times: number[] = [];
    for (let chat = 10; chat < 40; chat++) {
      await rl.acquire(chat);
      times.push(clock.now());
    }
    expect(busiestSecond(times)).toBeLessThanOrEqual(30);
  });

  it('a shorter pause does not cut a longer one short', async () => {
    const clock = fakeClock();
    const rl = limiter(clock);
    const start = clock.now();
    rl.pauseFor(10_000);
    rl.pauseFor(2_000);
    await rl.acquire(1);
    expect(clock.now()).toBeGreaterThanOrEqual(start + 10_000);
  });

  it('10,000 sends to 40 chats: never more than 30 in a second, never two to a chat within 1 s', async () => {
    const clock = fakeClock();
    const rl = limiter(clock);
    const times: number[] = [];
    const lastByChat = new Map<number, number>();
    let seed = 1;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 10_000; i++) {
      const chat = 1 + Math.floor(random() * 40); // few chats: the per-chat limit bites often
      await rl.acquire(chat);
      const now = clock.now();
      const last = lastByChat.get(chat);
      if (last !== undefined) expect(now - last).toBeGreaterThanOrEqual(1000);
      lastByChat.set(chat, now);
      times.push(now);
    }
    expect(busiestSecond(times)).toBeLessThanOrEqual(30);
  });
});

describe('a limiter made right after a restart', () => {
  it('sends nothing in its quiet first second: the process that died may have used that second', async () => {
    const clock = fakeClock();
    const start = clock.now();
    const quiet = new RateLimiter({ perSecond: 30, perChatIntervalMs: 1000, now: clock.now, sleep: clock.sleep, quietAtStartMs: 1000 });
    const sentAt: number[] = [];
    for (let chat = 1; chat <= 31; chat++) {
      const answered = await quiet.acquire(chat);
      sentAt.push(clock.now());
      answered();
    }
    expect(sentAt[0]).toBe(start + 1000);
    // After the quiet second it runs at the full rate again.
    expect(busiestSecond(sentAt)).toBe(30);
  });
});

describe('limiterFor (the bot’s configuration)', () => {
  it('free of charge: one send in flight; a paid broadcast: a tenth of a second’s worth', () => {
    expect(limiterFor({ REMINDER_MAX_PER_SECOND: 30, REMINDER_PAID_BROADCAST: false }).inFlight).toBe(1);
    expect(limiterFor({ REMINDER_MAX_PER_SECOND: 1000, REMINDER_PAID_BROADCAST: true }).inFlight).toBe(100);
    expect(limiterFor({ REMINDER_MAX_PER_SECOND: 5, REMINDER_PAID_BROADCAST: true }).inFlight).toBe(1);
  });
});

describe('several sends in flight (a paid broadcast)', () => {
  /**
   * Time that moves only when every caller waits: a sleep is a timer, and the earliest one fires
   * next. Lets lanes of sends overlap as they do against Telegram, without waiting.
   */
  function simulatedTime(start = 1_700_000_000_000) {
    let now = start;
    let seq = 0;
    const timers: { at: number; seq: number; wake: () => void }[] = [];
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    return {
      now: () => now,
      sleep: (ms: number) => new Promise<void>((wake) => timers.push({ at: now + Math.max(0, ms), seq: seq++, wake })),
      async run(work: Promise<unknown>): Promise<void> {
        let finished = false;
        void work.finally(() => (finished = true));
        for (;;) {
          await settle();
          if (finished) return;
          timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
          const next = timers.shift();
          if (!next) throw new Error('nothing left to wake, and the work is not done');
          now = Math.max(now, next.at);
          next.wake();
        }
      },
    };
  }

  it('Telegram never counts more than perSecond in a second, whenever in its trip it counts a send', async () => {
    const time = simulatedTime();
    const perSecond = 100;
    const inFlight = 10;
    const rl = new RateLimiter({ perSecond, perChatIntervalMs: 1000, now: time.now, sleep: time.sleep, inFlight });
    // Each send is somewhere in Telegram's count between leaving and its answer: [left, answered].
    const trips: { left: number; answered: number }[] = [];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let chat = 0;
    const lane = async () => {
      for (let i = 0; i < 200; i++) {
        const answered = await rl.acquire(++chat);
        const left = time.now();
        // Mostly quick answers, now and then one that takes a while: the sends that left after it
        // are answered first, and it may have been counted as it arrived or only just before answering.
        await time.sleep(random() < 0.1 ? 200 + random() * 600 : 1 + random() * 20);
        trips.push({ left, answered: time.now() });
        answered();
      }
    };
    await time.run(Promise.all(Array.from({ length: inFlight }, lane)));
    expect(trips).toHaveLength(inFlight * 200);
    // The most trips that one second [t, t + 1000) can meet: at its busiest it starts at an answer.
    let most = 0;
    for (const { answered: t } of trips) {
      let meets = 0;
      for (const trip of trips) if (trip.left < t + 1000 && trip.answered >= t) meets += 1;
      most = Math.max(most, meets);
    }
    expect(most).toBeLessThanOrEqual(perSecond);
    // ...while still sending near the limit: 2,000 sends in not much over 20 s.
    const first = Math.min(...trips.map((trip) => trip.left));
    const last = Math.max(...trips.map((trip) => trip.left));
    expect(last - first).toBeLessThan(((inFlight * 200) / (perSecond * 0.85)) * 1000);
  });
});
