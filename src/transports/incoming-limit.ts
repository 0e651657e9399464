/*
 * The incoming per-user rate limit (issue 12, point 6): a token bucket per user, on an injected
 * clock. A user may send a burst, then so many a second; an update above that is dropped, and
 * the first one dropped in a row is answered once with a polite message (the rest in that run are
 * dropped silently, so the limit never becomes a flood of its own).
 */

export interface IncomingLimitOptions {
  /** Updates a user may send at once. Default 20. */
  burst?: number;
  /** Updates a second, sustained, once the burst is spent. Default 2. */
  perSecond?: number;
}

/** ok: handle it; tell: drop it and answer once; quiet: drop it, already told. */
export type Verdict = 'ok' | 'tell' | 'quiet';

interface Bucket {
  tokens: number;
  at: number;
  told: boolean;
}

/** Once this many users are remembered, buckets that are full again are forgotten. */
const SWEEP_AT = 10_000;

export class IncomingLimiter {
  private readonly buckets = new Map<number, Bucket>();
  private readonly burst: number;
  private readonly perMs: number;
  /** The size at which the next sweep runs: twice what a sweep left, so sweeping stays O(1) per update on average. */
  private sweepAt = SWEEP_AT;

  constructor(
    options: IncomingLimitOptions,
    private readonly now: () => number,
  ) {
    this.burst = options.burst ?? 20;
    this.perMs = (options.perSecond ?? 2) / 1000;
  }

  /** Counts one update of this user and says what to do with it. */
  take(userId: number): Verdict {
    const now = this.now();
    if (this.buckets.size >= this.sweepAt) this.sweep(now);
    const bucket = this.buckets.get(userId) ?? { tokens: this.burst, at: now, told: false };
    bucket.tokens = this.refilled(bucket, now);
    bucket.at = now;
    this.buckets.set(userId, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.told = false;
      return 'ok';
    }
    if (bucket.told) return 'quiet';
    bucket.told = true;
    return 'tell';
  }

  private refilled(bucket: Bucket, now: number): number {
    return Math.min(this.burst, bucket.tokens + Math.max(0, now - bucket.at) * this.perMs);
  }

  /** Users remembered now. */
  get size(): number {
    return this.buckets.size;
  }

  /** Forgets the users whose bucket has filled up again: they lose nothing. */
  private sweep(now: number): void {
    for (const [userId, bucket] of this.buckets) if (this.refilled(bucket, now) >= this.burst) this.buckets.delete(userId);
    this.sweepAt = Math.max(SWEEP_AT, this.buckets.size * 2);
  }
}
