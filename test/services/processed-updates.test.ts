import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { claimUpdate, PROCESSED_UPDATES_KEPT_MS } from '../../src/services/processed-updates.ts';

const T0 = new Date('2026-11-21T02:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('claimUpdate', () => {
  it('true the first time; false for the same update_id, or the same message of the same chat', () => {
    const db = openDatabase(':memory:');
    expect(claimUpdate(db, { updateId: 1, chatId: 7, messageId: 100 }, T0)).toBe(true);
    expect(claimUpdate(db, { updateId: 1, chatId: 7, messageId: 100 }, T0)).toBe(false);
    expect(claimUpdate(db, { updateId: 2, chatId: 7, messageId: 100 }, T0)).toBe(false);
    expect(claimUpdate(db, { updateId: 3, chatId: 8, messageId: 100 }, T0)).toBe(true);
    // Button presses have no message key: many of them never collide.
    expect(claimUpdate(db, { updateId: 4 }, T0)).toBe(true);
    expect(claimUpdate(db, { updateId: 5 }, T0)).toBe(true);
    expect(claimUpdate(db, { updateId: 5 }, T0)).toBe(false);
  });

  it('each new record forgets those older than a day, and only those', () => {
    const db = openDatabase(':memory:');
    claimUpdate(db, { updateId: 1, chatId: 7, messageId: 1 }, T0);
    claimUpdate(db, { updateId: 2 }, at(60_000));
    claimUpdate(db, { updateId: 3 }, at(PROCESSED_UPDATES_KEPT_MS + 30_000));
    const ids = () =>
      (db.$client.prepare('select update_id from processed_updates order by 1').all() as { update_id: number }[]).map((r) => r.update_id);
    expect(ids()).toEqual([2, 3]);
    // A refused claim writes nothing.
    expect(claimUpdate(db, { updateId: 3 }, at(PROCESSED_UPDATES_KEPT_MS + 40_000))).toBe(false);
    expect(ids()).toEqual([2, 3]);
    // The forgotten message may come again: Telegram keeps nothing that long.
    expect(claimUpdate(db, { updateId: 9, chatId: 7, messageId: 1 }, at(PROCESSED_UPDATES_KEPT_MS + 60_000))).toBe(true);
  });

  it('an id remembered from more than a day ago never refuses a new update (Telegram restarts its ids at random after a quiet week)', () => {
    const db = openDatabase(':memory:');
    claimUpdate(db, { updateId: 500, chatId: 7, messageId: 9 }, T0);
    const aWeekLater = at(7 * PROCESSED_UPDATES_KEPT_MS);
    expect(claimUpdate(db, { updateId: 500, chatId: 7, messageId: 9 }, aWeekLater)).toBe(true);
  });

  it('prunes through the index on processed_at, never a scan', () => {
    const db = openDatabase(':memory:');
    const plan = db.$client
      .prepare("explain query plan delete from processed_updates where processed_at < '2026-11-20T00:00:00.000Z'")
      .all() as { detail: string }[];
    expect(plan.map((row) => row.detail).join('\n')).toContain('SEARCH processed_updates USING INDEX processed_updates_at_idx');
  });
});
