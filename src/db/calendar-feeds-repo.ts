import { eq } from 'drizzle-orm';
import type { Queryable } from './client.ts';
import { calendarFeeds } from './schema.ts';

/*
 * The private calendar feeds (/calendar feed). A feed is found by the hash of its token only,
 * and every write names the owner, so no update can reach another user's feed.
 */

/** The user's feed, replacing the one they had (the old URL stops working). */
export function putCalendarFeed(q: Queryable, userId: number, tokenHash: string, createdAt: string): void {
  q.insert(calendarFeeds)
    .values({ userId, tokenHash, createdAt })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt } })
    .run();
}

/** True when there was a feed to delete. */
export function deleteCalendarFeed(q: Queryable, userId: number): boolean {
  return q.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).run().changes > 0;
}

export function calendarFeedOwner(q: Queryable, tokenHash: string): number | undefined {
  return q.select({ userId: calendarFeeds.userId }).from(calendarFeeds).where(eq(calendarFeeds.tokenHash, tokenHash)).get()?.userId;
}

export function hasCalendarFeed(q: Queryable, userId: number): boolean {
  return q.select({ userId: calendarFeeds.userId }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId)).get() !== undefined;
}
