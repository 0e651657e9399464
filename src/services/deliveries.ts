import { z } from 'zod';
import type { Queryable } from '../db/client.ts';
import { insertMessageRow } from '../db/outbox-repo.ts';

/*
 * Every message the bot starts itself (an operator notice, a decision sent to a borrower later,
 * a reply addressed to another chat) is queued here, in the delivery outbox, and sent by the same
 * dispatcher as reminders: Telegram's limits, 429 / 403 handling, back-off and dead letters, at
 * most one duplicate per crash (src/reminders/dispatcher.ts). Queue it in the same transaction
 * as the change it reports, so "decision recorded" and "borrower notified" commit together or
 * not at all; the runtime nudges a delivery pass after each update, so it goes out within a
 * second or so.
 */

/**
 * A message as the outbox keeps it: plain data, the same shape as the core's OutgoingMessage
 * without its chat (services import nothing from the core).
 */
export interface QueuedMessage {
  /** The message text; with a file, its caption. */
  text: string;
  buttons?: { label: string; data: string }[][];
  file?: { kind: 'document' | 'photo'; filename: string; mime: string; content: Uint8Array };
}

/** The payload column: JSON, the file's bytes in base64. Checked when read back. */
const storedMessage = z.object({
  text: z.string(),
  buttons: z.array(z.array(z.object({ label: z.string(), data: z.string() }))).optional(),
  file: z.object({ kind: z.enum(['document', 'photo']), filename: z.string(), mime: z.string(), base64: z.base64() }).optional(),
});

export function encodeMessage(message: QueuedMessage): string {
  const { text, buttons, file } = message;
  return JSON.stringify({
    text,
    ...(buttons && { buttons: buttons.map((row) => row.map(({ label, data }) => ({ label, data }))) }),
    ...(file && {
      file: { kind: file.kind, filename: file.filename, mime: file.mime, base64: Buffer.from(file.content).toString('base64') },
    }),
  });
}

/** A message row's payload read back. Throws on one that is not a stored message (the dispatcher counts that as a failed try). */
export function decodeMessage(payload: string | null): QueuedMessage {
  if (payload === null) throw new Error('outbox row has no payload');
  const { text, buttons, file } = storedMessage.parse(JSON.parse(payload));
  return {
    text,
    ...(buttons && { buttons }),
    ...(file && {
      file: { kind: file.kind, filename: file.filename, mime: file.mime, content: new Uint8Array(Buffer.from(file.base64, 'base64')) },
    }),
  };
}

export interface QueueMessageInput {
  /** Where it goes: a user's private chat (its id is the user's) or a group (negative id). */
  chatId: number;
  /**
   * The user whose private chat `chatId` is, so a 403 there marks that user as having blocked the
   * bot. Leave it unset for a group or operator chat; when set it must equal `chatId`. (The
   * dispatcher also recognises a private chat of a known user without it.)
   */
  userId?: number;
  /** The rendered message: text (a file's caption), buttons, an optional file. */
  message: QueuedMessage;
  /**
   * Idempotency key, e.g. `hardship:17:decided`: a message with a key already in the outbox (in
   * any state, sent or not) is not queued again. Keys are for ever: pick a new one to send again.
   */
  key?: string;
  /** Not before this instant (default: now). */
  notBefore?: Date;
  now: Date;
}

/** Queues one message; false when its key was queued before (nothing written). */
export function queueMessage(q: Queryable, input: QueueMessageInput): boolean {
  const { chatId, userId, message, key, notBefore, now } = input;
  if (!Number.isSafeInteger(chatId) || chatId === 0) throw new Error(`not a chat id: ${chatId}`);
  if (userId !== undefined && userId !== chatId) {
    // A private chat's id is its user's id. A message ABOUT a borrower sent to an operator chat
    // has no userId: a 403 from that chat must not mark the borrower as having blocked the bot.
    throw new Error(`userId ${userId} is not the owner of chat ${chatId}`);
  }
  if (key !== undefined && key === '') throw new Error('an empty dedupe key');
  return insertMessageRow(q, {
    chatId,
    ...(userId !== undefined && { userId }),
    payload: encodeMessage(message),
    ...(key !== undefined && { dedupeKey: key }),
    fireAt: (notBefore ?? now).toISOString(),
  });
}
