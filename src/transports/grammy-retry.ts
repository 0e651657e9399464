import type { Transformer } from 'grammy';

/*
 * Replies that meet a 429 or a 5xx are tried again (issue 12, point 6), as @grammyjs/auto-retry
 * does, but bounded in attempts and in each wait, with the wait injected so tests never sleep.
 * Installed only on the API of the update being answered (ctx.api), never on the bot's own API:
 * the outbox sender (grammy-sender.ts) uses that one and must see every 429 and refusal itself,
 * so the dispatcher can pause everyone, back off and dead-letter (src/reminders/dispatcher.ts).
 *
 * A network failure (grammY's HttpError) is NOT retried: the request may have reached Telegram,
 * and the project's rule is to never resend a message blindly. A 429 or 5xx is Telegram's own
 * answer that it did not take the call (a 5xx may, rarely, follow a message that went out: that
 * is the one duplicate this allows).
 */

export interface ReplyRetryOptions {
  /** Tries after the first call: at most 1 + this many calls. Default 3. */
  maxRetries?: number;
  /** The longest wait before one retry, in seconds: a 429 asking for longer is not waited for (the call fails). Default 30. */
  maxDelaySeconds?: number;
  /** Waits so many milliseconds (tests pass one that returns at once and records). */
  sleep?: (ms: number) => Promise<void>;
  /** Methods never retried: answerCallbackQuery is best effort, and a late answer is refused anyway. */
  skip?: readonly string[];
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seconds to wait before retry number `retry` (1, 2, …), or undefined when this answer is final. */
export function retryDelay(answer: { error_code: number; parameters?: { retry_after?: number } }, retry: number, maxDelaySeconds: number) {
  if (answer.error_code === 429) {
    const after = answer.parameters?.retry_after ?? 1;
    return after <= maxDelaySeconds ? after : undefined;
  }
  // 1, 2, 4 … seconds, never above the cap.
  if (answer.error_code >= 500) return Math.min(maxDelaySeconds, 2 ** (retry - 1));
  return undefined;
}

/** An API transformer retrying 429 (after retry_after) and 5xx (1, 2, 4 s) answers, bounded. */
export function replyRetry({
  maxRetries = 3,
  maxDelaySeconds = 30,
  sleep = realSleep,
  skip = ['answerCallbackQuery'],
}: ReplyRetryOptions = {}): Transformer {
  const never = new Set(skip);
  return async (prev, method, payload, signal) => {
    let answer = await prev(method, payload, signal);
    if (never.has(method)) return answer;
    for (let retry = 1; !answer.ok && retry <= maxRetries && !signal?.aborted; retry++) {
      const seconds = retryDelay(answer, retry, maxDelaySeconds);
      if (seconds === undefined) break;
      await sleep(seconds * 1000);
      answer = await prev(method, payload, signal);
    }
    return answer;
  };
}
