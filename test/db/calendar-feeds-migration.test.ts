import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { databaseBefore, removeOldDatabases } from '../support/migrations.ts';

afterEach(removeOldDatabases);

describe('migration 0008: calendar_feeds', () => {
  it('a database from before it gains the table, its rows untouched, and a feed goes with its user', () => {
    const { path, old, before } = databaseBefore('0008_calendar_feeds');
    expect(before.at(-1)).toBe('0007_audit_pseudonyms');
    old.exec("INSERT INTO users (id, time_zone, created_at) VALUES (7, 'Asia/Shanghai', '2026-11-01T00:00:00.000Z')");
    old.close();
    const db = openDatabase(path);
    expect(db.$client.prepare('select id from users').all()).toEqual([{ id: 7 }]);
    db.$client.prepare("insert into calendar_feeds (user_id, token_hash, created_at) values (7, 'ab', '2026-12-01T00:00:00Z')").run();
    // One hash names one feed: a second user cannot hold the same token.
    db.$client.exec("INSERT INTO users (id, time_zone, created_at) VALUES (8, 'Asia/Shanghai', '2026-11-01T00:00:00.000Z')");
    expect(() =>
      db.$client.prepare("insert into calendar_feeds (user_id, token_hash, created_at) values (8, 'ab', '2026-12-01T00:00:00Z')").run(),
    ).toThrow(/UNIQUE/);
    db.$client.prepare('delete from users where id = 7').run();
    expect(db.$client.prepare('select * from calendar_feeds').all()).toEqual([]);
    db.$client.close();
  });
});
