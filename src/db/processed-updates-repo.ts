import { lt, sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import { processedUpdates } from './schema.ts';

export interface UpdateKey {
  /** Telegram's update_id. */
  updateId: number;
  /** A message's chat and message_id (unset for a button press: each press is its own update). */
  chatId?: number;
  messageId?: number;
}

/*
 * These run on every Telegram update, so they are prepared once per database (drizzle builds no
 * SQL per call): the check costs one short transaction of two prepared statements.
 */
function statementsOf(db: Db) {
  return {
    insert: db
      .insert(processedUpdates)
      .values({
        updateId: sql.placeholder('updateId'),
        chatId: sql.placeholder('chatId'),
        messageId: sql.placeholder('messageId'),
        processedAt: sql.placeholder('processedAt'),
      })
      .onConflictDoNothing()
      .prepare(),
    prune: db
      .delete(processedUpdates)
      .where(lt(processedUpdates.processedAt, sql.placeholder('before')))
      .prepare(),
  };
}

const prepared = new WeakMap<Db, ReturnType<typeof statementsOf>>();

function statements(db: Db): ReturnType<typeof statementsOf> {
  let found = prepared.get(db);
  if (!found) prepared.set(db, (found = statementsOf(db)));
  return found;
}

/**
 * Records an update as taken in; false when it was already (the same update_id, or the same
 * message of the same chat under another update_id). One INSERT, no read first: the primary key
 * and the unique (chat_id, message_id) index decide, so two deliveries of one update handled at
 * the same moment cannot both get true.
 */
export function insertProcessedUpdate(db: Db, key: UpdateKey, processedAt: string): boolean {
  const message = key.chatId !== undefined && key.messageId !== undefined;
  return (
    statements(db).insert.run({
      updateId: key.updateId,
      chatId: message ? key.chatId : null,
      messageId: message ? key.messageId : null,
      processedAt,
    }).changes > 0
  );
}

/** Forgets updates taken in before `before` (a range on processed_updates_at_idx); how many went. */
export function deleteProcessedBefore(db: Db, before: string): number {
  return statements(db).prune.run({ before }).changes;
}

type TakeIn = (key: UpdateKey, processedAt: string, forgetBefore: string) => boolean;

// better-sqlite3's Transaction type: calling it plain is DEFERRED, .immediate takes the write lock first.
const transactions = new WeakMap<Db, ReturnType<typeof makeTransaction>>();

function makeTransaction(db: Db) {
  return db.$client.transaction<TakeIn>((k, at, before) => {
    deleteProcessedBefore(db, before);
    return insertProcessedUpdate(db, k, at);
  });
}

/**
 * In one transaction (better-sqlite3's own, the cheapest): forgets the updates taken in before
 * `forgetBefore`, then records this one; false when it was taken in already.
 */
export function takeInUpdate(db: Db, key: UpdateKey, processedAt: string, forgetBefore: string): boolean {
  let run = transactions.get(db);
  if (!run) {
    run = makeTransaction(db);
    transactions.set(db, run);
  }
  return run.immediate(key, processedAt, forgetBefore);
}
