import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { calendarFeeds } from '../../src/db/schema.ts';
import { ensureUser } from '../../src/db/users-repo.ts';
import { calendarFeedUser, createCalendarFeed, revokeCalendarFeed, tokenHash } from '../../src/services/calendar.ts';

/* Feed tokens: from the injected randomness, stored only as their hash, found only by the whole token. */

const NOW = new Date('2027-01-10T00:00:00Z');
const fixed = (byte: number) => (size: number) => new Uint8Array(size).fill(byte);

function db() {
  const database = openDatabase(':memory:');
  for (const id of [1, 2]) ensureUser(database, id, { timeZone: 'Asia/Shanghai', createdAt: NOW.toISOString() });
  return database;
}

describe('calendar feed tokens', () => {
  it('are 32 random bytes in base64url, and only their SHA-256 is stored', () => {
    const database = db();
    const token = createCalendarFeed(database, 1, NOW, fixed(7));
    expect(token).toBe(Buffer.alloc(32, 7).toString('base64url'));
    const rows = database.select().from(calendarFeeds).all();
    expect(rows).toEqual([{ userId: 1, tokenHash: tokenHash(token), createdAt: NOW.toISOString() }]);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(tokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('name their owner only; a new one replaces the old; revoke ends it; other users untouched', () => {
    const database = db();
    const one = createCalendarFeed(database, 1, NOW, fixed(1));
    const two = createCalendarFeed(database, 2, NOW, fixed(2));
    expect([calendarFeedUser(database, one), calendarFeedUser(database, two)]).toEqual([1, 2]);
    const again = createCalendarFeed(database, 1, NOW, fixed(3));
    expect([calendarFeedUser(database, one), calendarFeedUser(database, again)]).toEqual([undefined, 1]);
    // The hash itself is no token: the stored value does not open the feed.
    expect(calendarFeedUser(database, tokenHash(again))).toBeUndefined();
    expect(revokeCalendarFeed(database, 1)).toBe(true);
    expect(revokeCalendarFeed(database, 1)).toBe(false);
    expect([calendarFeedUser(database, again), calendarFeedUser(database, two)]).toEqual([undefined, 2]);
  });
});
