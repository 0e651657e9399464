import { lt } from 'drizzle-orm';
import type { Queryable } from './client.ts';
import { processedUpdates } from './schema.ts';

export interface UpdateKey {
  /** Telegram's update_id. */
  updateId: number;
  /** A message's chat and message_id (unset for a button press: each press is its own update). */
  chatId?: number;
  messageId?: number;
}

/**
 * Records an update as taken in; false when it was already (the same update_id, or the same
 * message of the same chat under another update_id). One INSERT, no read first: the primary key
 * and the unique (chat_id, message_id) index decide, so two deliveries of one update handled at
 * the same moment cannot both get true.
 */
export function insertProcessedUpdate(q: Queryable, key: UpdateKey, processedAt: string): boolean {
  const message = key.chatId !== undefined && key.messageId !== undefined;
  return (
    q
      .insert(processedUpdates)
      .values({
        updateId: key.updateId,
        chatId: message ? (key.chatId ?? null) : null,
        messageId: message ? (key.messageId ?? null) : null,
        processedAt,
      })
      .onConflictDoNothing()
      .run().changes > 0
  );
}

/** Forgets updates taken in before `before` (a range on processed_updates_at_idx); how many went. */
export function deleteProcessedBefore(q: Queryable, before: string): number {
  return q.delete(processedUpdates).where(lt(processedUpdates.processedAt, before)).run().changes;
}
