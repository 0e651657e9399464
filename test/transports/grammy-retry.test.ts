import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../src/transports/grammy-retry.ts';

describe('retryDelay', () => {
  it('429: retry_after (1 s when Telegram gives none), none above the cap', () => {
    expect(retryDelay({ error_code: 429, parameters: { retry_after: 7 } }, 1, 30)).toBe(7);
    expect(retryDelay({ error_code: 429 }, 1, 30)).toBe(1);
    expect(retryDelay({ error_code: 429, parameters: { retry_after: 31 } }, 1, 30)).toBeUndefined();
  });

  it('5xx: 1, 2, 4 … seconds, capped; anything else is final', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((retry) => retryDelay({ error_code: 503 }, retry, 30))).toEqual([1, 2, 4, 8, 16, 30, 30]);
    expect(retryDelay({ error_code: 400 }, 1, 30)).toBeUndefined();
    expect(retryDelay({ error_code: 403 }, 1, 30)).toBeUndefined();
  });
});
