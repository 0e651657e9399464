import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import { reminderOutbox } from './schema.ts';

export type OutboxRow = typeof reminderOutbox.$inferSelect;

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

/** Users with something to send now, the longest-waiting first. */
export function usersWithDueReminders(db: Db, nowIso: string, limit: number, onlyUserId?: number): number[] {
  return db
    .select({ userId: reminderOutbox.userId, first: sql<string>`min(${reminderOutbox.notBefore})` })
    .from(reminderOutbox)
    .where(
      and(
        eq(reminderOutbox.status, 'pending'),
        lte(reminderOutbox.notBefore, nowIso),
        onlyUserId === undefined ? undefined : eq(reminderOutbox.userId, onlyUserId),
      ),
    )
    .groupBy(reminderOutbox.userId)
    .orderBy(asc(sql`2`))
    .limit(limit)
    .all()
    .map((row) => row.userId);
}

/** Claims every row of one user that is due now, in one statement, so two dispatchers cannot both take it. */
export function claimUserRows(db: Db, userId: number, nowIso: string): OutboxRow[] {
  return db
    .update(reminderOutbox)
    .set({ status: 'claimed', claimedAt: nowIso })
    .where(and(eq(reminderOutbox.userId, userId), eq(reminderOutbox.status, 'pending'), lte(reminderOutbox.notBefore, nowIso)))
    .returning()
    .all();
}

export function markRows(db: Db, ids: number[], values: Partial<typeof reminderOutbox.$inferInsert>): void {
  if (ids.length === 0) return;
  db.update(reminderOutbox).set(values).where(inArray(reminderOutbox.id, ids)).run();
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

export function rowsOfBatch(db: Db, userId: number, batchId: number): OutboxRow[] {
  return db
    .select()
    .from(reminderOutbox)
    .where(and(eq(reminderOutbox.userId, userId), eq(reminderOutbox.batchId, batchId)))
    .all();
}

export function queueReminder(db: Db, row: typeof reminderOutbox.$inferInsert): boolean {
  return db.insert(reminderOutbox).values(row).onConflictDoNothing().run().changes > 0;
}
