import { and, asc, eq, inArray, is, isNotNull, isNull, lte, SQL, sql } from 'drizzle-orm';
import type { Db, Queryable } from './client.ts';
import { prepared } from './prepared.ts';
import { reminderOutbox } from './schema.ts';

export type OutboxRow = typeof reminderOutbox.$inferSelect;

/** A row's chat: its own chat_id, or (reminder rows) its user's private chat. Matches outbox_chat_idx. */
const outboxChat = sql<number>`coalesce(${reminderOutbox.chatId}, ${reminderOutbox.userId})`;

/** A reminder row (installment, kind, due date); the others are message rows with a payload. */
export const isReminderRow = (row: OutboxRow): boolean => row.installmentId !== null;

/** The chat a row goes to. */
export const chatOfRow = (row: OutboxRow): number => (row.chatId ?? row.userId) as number;

// --- message rows --------------------------------------------------------------------------------

export interface MessageRowInsert {
  chatId: number;
  userId?: number;
  /** The rendered message as JSON (src/services/deliveries.ts writes and reads it). */
  payload: string;
  dedupeKey?: string;
  /** UTC ISO: when it was queued for (its notBefore at first). */
  fireAt: string;
}

/** Queues a message row; false when a row with the same dedupe key exists (in any status). */
export function insertMessageRow(q: Queryable, row: MessageRowInsert): boolean {
  return (
    q
      .insert(reminderOutbox)
      .values({
        chatId: row.chatId,
        userId: row.userId ?? null,
        payload: row.payload,
        dedupeKey: row.dedupeKey ?? null,
        fireAt: row.fireAt,
        notBefore: row.fireAt,
      })
      // No target: the partial unique index on dedupe_key is the only one a message row can meet.
      .onConflictDoNothing()
      .run().changes > 0
  );
}

/**
 * Drops a message row not yet sent (pending) by its dedupe key: a promise kept or cancelled
 * before its day takes back the day's message. True when a row was dropped; the key is free again.
 */
export function dropPendingMessage(q: Queryable, dedupeKey: string): boolean {
  return (
    q
      .delete(reminderOutbox)
      .where(and(eq(reminderOutbox.dedupeKey, dedupeKey), eq(reminderOutbox.status, 'pending'), isNull(reminderOutbox.installmentId)))
      .run().changes > 0
  );
}

// --- the dispatcher's statements ----------------------------------------------------------------

/**
 * A dispatcher that died between claiming and marking left rows 'claimed'. Whether their
 * message went out is unknown, so they are sent again: at most one duplicate per message that
 * was in flight, and nothing lost.
 */
export function releaseClaims(db: Db, claimedBefore: string): number {
  return db
    .update(reminderOutbox)
    .set({ status: 'pending' })
    .where(and(eq(reminderOutbox.status, 'claimed'), lte(reminderOutbox.claimedAt, claimedBefore)))
    .run().changes;
}

/** Chats with something to send now, the longest-waiting first. */
export function chatsWithDueRows(db: Db, nowIso: string, limit: number, onlyChatId?: number): number[] {
  return db
    .select({ chatId: outboxChat, first: sql<string>`min(${reminderOutbox.notBefore})` })
    .from(reminderOutbox)
    .where(
      and(
        eq(reminderOutbox.status, 'pending'),
        lte(reminderOutbox.notBefore, nowIso),
        onlyChatId === undefined ? undefined : eq(outboxChat, onlyChatId),
      ),
    )
    .groupBy(outboxChat)
    .orderBy(asc(sql`2`))
    .limit(limit)
    .all()
    .map((row) => row.chatId);
}

/**
 * Claims every row for one chat that is due now, in one statement, so two dispatchers cannot
 * both take it. Returned in queue order (id).
 */
export function claimChatRows(db: Db, chatId: number, nowIso: string): OutboxRow[] {
  // Prepared once per connection (src/db/prepared.ts): the dispatcher claims once per message.
  return prepared(db, 'claimChatRows', (p) =>
    p
      .update(reminderOutbox)
      .set({ status: 'claimed', claimedAt: sql`${sql.placeholder('nowIso')}` })
      .where(
        and(
          eq(outboxChat, sql.placeholder('chatId')),
          eq(reminderOutbox.status, 'pending'),
          lte(reminderOutbox.notBefore, sql.placeholder('nowIso')),
        ),
      )
      .returning()
      .prepare(),
  )
    .all({ chatId, nowIso })
    .sort((a, b) => a.id - b.id);
}

/** A user's reminders go to their private chat, whose id is the user's. */
export function claimUserRows(db: Db, userId: number, nowIso: string): OutboxRow[] {
  return claimChatRows(db, userId, nowIso);
}

/** Rows claimed but not sent in this round go back as they were (no try used, same notBefore). */
export function unclaimRows(db: Db, ids: number[]): void {
  markRows(db, ids, { status: 'pending', claimedAt: null });
}

type OutboxValues = Partial<typeof reminderOutbox.$inferInsert>;

/**
 * Sets `values` on the rows `ids`. The dispatcher marks once per message, so the statement is
 * prepared once per connection and set of columns (src/db/prepared.ts), the ids bound as one JSON
 * array; values that are SQL (retryRows' attempts + 1) go the unprepared way.
 */
export function markRows(db: Db, ids: number[], values: OutboxValues): void {
  if (ids.length === 0) return;
  // drizzle's set() leaves out undefined values; so does the statement's set of columns.
  const columns = (Object.keys(values) as (keyof OutboxValues)[]).filter((column) => values[column] !== undefined).sort();
  if (columns.some((column) => is(values[column], SQL))) {
    db.update(reminderOutbox).set(values).where(inArray(reminderOutbox.id, ids)).run();
    return;
  }
  const params: Record<string, unknown> = { ids: JSON.stringify(ids) };
  for (const column of columns) params[column] = values[column];
  prepared(db, `markRows:${columns.join(',')}`, (p) =>
    p
      .update(reminderOutbox)
      .set(Object.fromEntries(columns.map((column) => [column, sql`${sql.placeholder(column)}`])) as OutboxValues)
      .where(sql`${reminderOutbox.id} in (select value from json_each(${sql.placeholder('ids')}))`)
      .prepare(),
  ).run(params);
}

/** Puts rows back for later. A 429 is Telegram pacing us, not a failure: it does not use up a try. */
export function retryRows(db: Db, rows: OutboxRow[], notBefore: string, error: string, countsAsAttempt: boolean): void {
  markRows(
    db,
    rows.map((r) => r.id),
    {
      status: 'pending',
      notBefore,
      lastError: error,
      ...(countsAsAttempt && { attempts: sql`${reminderOutbox.attempts} + 1` as unknown as number }),
    },
  );
}

/** The reminder rows sent in one message (Snooze); message rows have no batch. */
export function rowsOfBatch(db: Queryable, userId: number, batchId: number): OutboxRow[] {
  return db
    .select()
    .from(reminderOutbox)
    .where(and(eq(reminderOutbox.userId, userId), eq(reminderOutbox.batchId, batchId), isNotNull(reminderOutbox.installmentId)))
    .all();
}

export function queueReminder(db: Queryable, row: typeof reminderOutbox.$inferInsert): boolean {
  return db.insert(reminderOutbox).values(row).onConflictDoNothing().run().changes > 0;
}
