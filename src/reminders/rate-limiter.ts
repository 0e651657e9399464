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
}

export class RateLimiter {
  private readonly interval: number;
  private nextGlobal = 0;
  private readonly nextByChat = new Map<number, number>();
  private pausedUntil = 0;

  constructor(private readonly options: RateLimiterOptions) {
    // A hundredth of a millisecond over 1000/30: adding 33.33… thirty times in floating point can
    // fall a hair short of a full second and let a 31st message into it.
    this.interval = 1000 / options.perSecond + 0.01;
  }

  /** Waits until a message to `chatId` may go out, and books its slot. */
  async acquire(chatId: number): Promise<void> {
    const now = this.options.now();
    const at = Math.max(now, this.nextGlobal, this.nextByChat.get(chatId) ?? 0, this.pausedUntil);
    // Evenly spaced slots keep any one-second window at or under the limit.
    this.nextGlobal = at + this.interval;
    this.nextByChat.set(chatId, at + this.options.perChatIntervalMs);
    if (this.nextByChat.size > 10_000) this.forgetPast(now);
    if (at > now) await this.options.sleep(at - now);
  }

  /** A 429 pauses everything: Telegram's retry_after applies to the bot, not one chat. */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.options.now() + ms);
  }

  private forgetPast(now: number): void {
    for (const [chat, at] of this.nextByChat) if (at <= now) this.nextByChat.delete(chat);
  }
}
