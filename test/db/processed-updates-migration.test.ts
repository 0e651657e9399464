import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { claimUpdate } from '../../src/services/processed-updates.ts';
import { databaseBefore, removeOldDatabases } from '../support/migrations.ts';

afterEach(removeOldDatabases);

describe('migration 0006: processed_updates', () => {
  it('a database from before it gains the table, and its rows are untouched', () => {
    const { path, old, before } = databaseBefore('0006_processed_updates');
    expect(before.at(-1)).toBe('0005_hardship_requests');
    old.exec("INSERT INTO users (id, time_zone, created_at) VALUES (7, 'Asia/Shanghai', '2026-11-01T00:00:00.000Z')");
    old.close();
    const db = openDatabase(path);
    expect(db.$client.prepare('select id from users').all()).toEqual([{ id: 7 }]);
    expect(claimUpdate(db, { updateId: 1, chatId: 7, messageId: 1 }, new Date('2026-11-21T02:00:00Z'))).toBe(true);
    const indexes = db.$client
      .prepare("select name from sqlite_master where type = 'index' and tbl_name = 'processed_updates' order by name")
      .all();
    expect(indexes).toEqual(expect.arrayContaining([{ name: 'processed_updates_at_idx' }, { name: 'processed_updates_message_idx' }]));
    db.$client.close();
  });
});
