import type { OutgoingMessage } from './types.ts';

/**
 * What happened to one message. The dispatcher's next step depends on it:
 * - sent: mark it sent;
 * - retry-after: Telegram's 429, nothing was delivered; wait that long and try again;
 * - blocked: 403, the user blocked the bot or deleted their account; stop until they write again;
 * - failed: refused for certain (e.g. 400): back off and retry, dead-letter after a few tries;
 * - unknown: the connection broke after the request left, so it may have been delivered:
 *   never re-sent automatically (a borrower must not get the same reminder twice).
 */
export type SendResult =
  | { kind: 'sent' }
  | { kind: 'retry-after'; seconds: number }
  | { kind: 'blocked'; reason: string }
  | { kind: 'failed'; reason: string }
  | { kind: 'unknown'; reason: string };

export interface MessageSender {
  send(message: OutgoingMessage): Promise<SendResult>;
}
