/*
 * Telegram's limits for bots: about 30 messages a second overall and 1 a second to one chat.
 * Going over earns 429s and, repeated, a longer ban, so the limiter spaces sends itself instead
 * of finding the limit by failing. Time is injected: tests and benchmarks drive their own clock.
 */

export interface RateLimiterOptions {
  perSecond: number;
  perChatIntervalMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /**
   * Send nothing for this long after the limiter is made: a process started right after another
   * died (a crash, kill -9, a supervisor's restart) cannot know what that one sent in its last
   * second, and Telegram counts both against the same bot.
   */
  quietAtStartMs?: number;
  /**
   * How many sends the dispatcher may have waiting for Telegram's answer at once (default 1).
   * One keeps a crash to at most one message in flight (sent, not yet marked: sent again after the
   * restart); a paid broadcast of 1000 a second needs more, since one round trip alone takes
   * longer than a millisecond.
   */
  inFlight?: number;
}

/** Date.now() counts whole milliseconds; Telegram's clock does not. */
const CLOCK_SLACK_MS = 2;

export class RateLimiter {
  private readonly interval: number;
  private nextGlobal = 0;
  private readonly nextByChat = new Map<number, number>();
  private pausedUntil = 0;
  /** When Telegram answered the last `perSecond` sends, oldest first. */
  private readonly answered: number[] = [];
  /** Sends that have left (acquire returned) and are not answered yet. */
  private unanswered = 0;

  /** Sends the dispatcher may have in flight at once (RateLimiterOptions.inFlight). */
  readonly inFlight: number;

  constructor(private readonly options: RateLimiterOptions) {
    this.inFlight = Math.max(1, Math.floor(options.inFlight ?? 1));
    // A hundredth of a millisecond over 1000/30: adding 33.33… thirty times in floating point can
    // fall a hair short of a full second and let a 31st message into it.
    this.interval = 1000 / options.perSecond + 0.01;
    this.pausedUntil = options.now() + (options.quietAtStartMs ?? 0);
  }

  /**
   * Waits until a message to `chatId` may go out, and books its slot. Call the function it returns
   * when Telegram has answered: the window counts from then.
   */
  async acquire(chatId: number): Promise<() => void> {
    const { perSecond, perChatIntervalMs } = this.options;
    const now = this.options.now();
    // Booked slots alone do not keep Telegram's count under the limit: a send that leaves late
    // (a busy event loop, a slow trip) arrives after its slot while the slots booked after it do
    // not move. Telegram counted send i before it answered, so send i + perSecond waits until a
    // second after that answer: never more than perSecond in any second Telegram sees.
    const windowOpens =
      this.answered.length < perSecond ? 0 : (this.answered[this.answered.length - perSecond] as number) + 1000 + CLOCK_SLACK_MS;
    const at = Math.max(now, this.nextGlobal, windowOpens, this.nextByChat.get(chatId) ?? 0, this.pausedUntil);
    // Evenly spaced slots keep any one-second window at or under the limit.
    this.nextGlobal = at + this.interval;
    this.nextByChat.set(chatId, at + perChatIntervalMs);
    if (this.nextByChat.size > 10_000) this.forgetPast(now);
    if (at > now) await this.options.sleep(at - now);
    if (this.inFlight > 1) await this.untilCountedWindowAllows();
    this.unanswered += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.unanswered -= 1;
      const answeredAt = this.options.now();
      this.answered.push(answeredAt);
      if (this.answered.length > perSecond) this.answered.shift();
      this.nextByChat.set(chatId, Math.max(this.nextByChat.get(chatId) ?? 0, answeredAt + perChatIntervalMs + CLOCK_SLACK_MS));
    };
  }

  /**
   * The answered-window rule with other sends in flight (inFlight > 1), checked as this one leaves.
   * A send that has left but is not answered may already be in Telegram's count, and the window
   * booked at acquire() could not know of the sends that left while this one slept: so with d of
   * them out, this one leaves a second after the (perSecond − d)-th latest answer. Then any second
   * Telegram sees holds at most perSecond − d − 1 sends answered before this one left (any
   * answered earlier reached Telegram over a second before it), the d unanswered and this one.
   * d is at most inFlight − 1 (the dispatcher never has more out), and so is counted: a caller
   * that never reports an answer costs the rate, never a stall. With one in flight d is 0, and
   * this is the window acquire() already waited for.
   */
  private async untilCountedWindowAllows(): Promise<void> {
    const { perSecond } = this.options;
    for (;;) {
      const countsFor = Math.max(1, perSecond - Math.min(this.unanswered, this.inFlight - 1));
      if (this.answered.length < countsFor) return;
      const opens = (this.answered[this.answered.length - countsFor] as number) + 1000 + CLOCK_SLACK_MS;
      const now = this.options.now();
      if (opens <= now) return;
      await this.options.sleep(opens - now);
    }
  }

  /** A 429 pauses everything: Telegram's retry_after applies to the bot, not one chat. */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.options.now() + ms);
  }

  private forgetPast(now: number): void {
    for (const [chat, at] of this.nextByChat) if (at <= now) this.nextByChat.delete(chat);
  }
}

/** setTimeout may fire a little early by Date.now() (libuv's cached loop time): wait until really past. */
async function sleepUntilPast(ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (let left = ms; left > 0; left = until - Date.now()) await new Promise((resolve) => setTimeout(resolve, left));
}

/** The limiter the bot runs with: wall-clock time, 1 s per chat, one quiet second at start. */
export function realTimeLimiter(perSecond: number, inFlight = 1): RateLimiter {
  return new RateLimiter({
    perSecond,
    perChatIntervalMs: 1000,
    now: () => Date.now(),
    sleep: sleepUntilPast,
    quietAtStartMs: 1000,
    inFlight,
  });
}

/**
 * The bot's limiter for its configuration. Free of charge (30 a second) one send at a time: a
 * round trip of up to 33 ms keeps up, and a crash leaves at most one message in flight. A paid
 * broadcast (up to 1000 a second) keeps a tenth of a second's worth in flight, so a round trip of
 * up to 100 ms keeps up; a crash may then send that many again after the restart.
 */
export function limiterFor(config: { REMINDER_MAX_PER_SECOND: number; REMINDER_PAID_BROADCAST: boolean }): RateLimiter {
  const perSecond = config.REMINDER_MAX_PER_SECOND;
  return realTimeLimiter(perSecond, config.REMINDER_PAID_BROADCAST ? Math.ceil(perSecond / 10) : 1);
}
