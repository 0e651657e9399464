/** Time is injected everywhere so tests and `--now` control it; nothing reads Date.now() directly. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Follows the system clock until set, then stands still at what it was set to:
 * `--now`, JSON-lines `tick` lines and tests set it.
 */
export class SettableClock implements Clock {
  private fixed: Date | undefined;

  constructor(fixed?: Date) {
    this.fixed = fixed ? new Date(fixed.getTime()) : undefined;
  }

  now(): Date {
    return this.fixed ? new Date(this.fixed.getTime()) : new Date();
  }

  set(instant: Date): void {
    this.fixed = new Date(instant.getTime());
  }
}
