import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { databaseBefore, removeOldDatabases } from '../support/migrations.ts';
import { queueReminder, rowsOfBatch } from '../../src/db/outbox-repo.ts';
import { queueMessage } from '../../src/services/deliveries.ts';
import { createReminderBot, outbox, outboxMessages } from '../support/reminders.ts';

/*
 * Migration 0002 rebuilds reminder_outbox as the delivery outbox (SQLite cannot relax NOT NULL
 * in place). A database from before it keeps every outbox row as it was: pending ones are still
 * sent, sent ones still answer their Snooze buttons, the reminder key still holds, and no id is
 * handed out twice.
 */

afterEach(removeOldDatabases);

/** A database file with only the migrations before the delivery outbox applied. */
function databaseBeforeDeliveryOutbox(): { path: string; old: Database.Database } {
  const { path, old, before } = databaseBefore('0002_delivery_outbox');
  expect(before).toEqual(['0000_init', '0001_reminder_timetable']);
  return { path, old };
}

describe('a database from before the delivery outbox', () => {
  it('keeps its outbox rows through the rebuild: pending ones are sent, sent ones keep their batch', async () => {
    const { path, old } = databaseBeforeDeliveryOutbox();
    old.exec(`
      INSERT INTO users (id, time_zone, created_at) VALUES (7, 'Asia/Shanghai', '2027-01-01T00:00:00.000Z');
      INSERT INTO loans (id, user_id, name, principal, method, rate_percent, rate_unit, periods, first_due, policy_preset, created_at)
        VALUES (1, 7, 'car', '1000.00', 'bullet', '0', 'annual', 1, '2027-01-15', 'bank-cn', '2027-01-01T00:00:00.000Z');
      INSERT INTO installments (id, loan_id, n, due_date, principal, interest, fee, payment)
        VALUES (1, 1, 1, '2027-01-15', '1000.00', '0.00', '0.00', '1000.00');
      INSERT INTO reminder_outbox (id, user_id, installment_id, kind, due_date, fire_at, status, not_before, attempts, claimed_at, sent_at, batch_id, last_error)
        VALUES (3, 7, 1, 'before-3', '2027-01-15', '2027-01-12T01:00:00.000Z', 'sent', '2027-01-12T01:00:00.000Z', 0,
                '2027-01-12T01:00:00.000Z', '2027-01-12T01:00:01.000Z', 3, NULL),
               (8, 7, 1, 'before-1', '2027-01-15', '2027-01-14T01:00:00.000Z', 'pending', '2027-01-14T01:02:00.000Z', 1,
                '2027-01-14T01:00:00.000Z', NULL, NULL, '500 Internal Server Error');
      -- A later row, deleted since: the id counter is past it.
      INSERT INTO reminder_outbox (id, user_id, installment_id, kind, due_date, fire_at, not_before)
        VALUES (20, 7, 1, 'due', '2027-01-15', '2027-01-15T01:00:00.000Z', '2027-01-15T01:00:00.000Z');
      DELETE FROM reminder_outbox WHERE id = 20;`);
    const rowsBefore = old.prepare('SELECT * FROM reminder_outbox ORDER BY id').all();
    old.close();

    const db = openDatabase(path);
    // Every old column as it was; the new ones empty.
    expect(db.$client.prepare('SELECT * FROM reminder_outbox ORDER BY id').all()).toEqual(
      rowsBefore.map((row) => ({ ...(row as object), chat_id: null, payload: null, dedupe_key: null })),
    );
    // The reminder key still holds; a Snooze button on the old message still finds its rows.
    expect(queueReminder(db, { userId: 7, installmentId: 1, kind: 'before-3', dueDate: '2027-01-15', fireAt: 'x', notBefore: 'x' })).toBe(
      false,
    );
    expect(rowsOfBatch(db, 7, 3).map((row) => row.id)).toEqual([3]);

    const bot = createReminderBot({ db, now: '2027-01-14T01:02:00.000Z' });
    const sent = await bot.deliver();
    expect(sent.map((d) => [d.message.chatId, d.result.kind])).toEqual([[7, 'sent']]);
    expect(sent[0]?.message.text).toContain('car');
    expect(outbox(db).map((row) => [row.id, row.status])).toEqual([
      [3, 'sent'],
      [8, 'sent'],
    ]);
    // New rows, of either kind, take ids after every id ever used.
    expect(queueMessage(db, { chatId: -100500, message: { text: 'notice' }, now: bot.clock.now() })).toBe(true);
    const [added] = outboxMessages(db);
    expect(added?.id).toBeGreaterThan(20);
    db.$client.close();
  });

  it('leaves behind only rows whose installment is gone (the planner writes them unchecked) instead of failing', () => {
    const { path, old } = databaseBeforeDeliveryOutbox();
    old.exec(`
      INSERT INTO users (id, time_zone, created_at) VALUES (7, 'Asia/Shanghai', '2027-01-01T00:00:00.000Z');
      PRAGMA foreign_keys = OFF;
      INSERT INTO reminder_outbox (id, user_id, installment_id, kind, due_date, fire_at, not_before)
        VALUES (1, 7, 99, 'due', '2027-01-15', '2027-01-15T01:00:00.000Z', '2027-01-15T01:00:00.000Z');`);
    old.close();
    const db = openDatabase(path);
    expect(db.$client.prepare('SELECT count(*) AS n FROM reminder_outbox').get()).toEqual({ n: 0 });
    expect(db.$client.pragma('foreign_key_check')).toEqual([]);
    db.$client.close();
  });
});
