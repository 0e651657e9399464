import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { reminderOutbox, users } from '../../src/db/schema.ts';
import { queueMessage } from '../../src/services/deliveries.ts';

/*
 * queueMessage writes one message row into the delivery outbox, in the caller's transaction if
 * there is one. What the dispatcher then does with it is in test/reminders/deliveries.test.ts.
 */

const NOW = new Date('2027-01-12T01:00:00.000Z');
const rows = (db: ReturnType<typeof openDatabase>) => db.select().from(reminderOutbox).orderBy(reminderOutbox.id).all();

describe('queueMessage', () => {
  it('writes a pending message row for its chat, due now unless told otherwise', () => {
    const db = openDatabase(':memory:');
    expect(queueMessage(db, { chatId: -100200, message: { text: 'hello' }, now: NOW })).toBe(true);
    expect(queueMessage(db, { chatId: -100200, message: { text: 'later' }, notBefore: new Date('2027-01-13T00:00:00Z'), now: NOW })).toBe(
      true,
    );
    expect(rows(db)).toEqual([
      expect.objectContaining({
        chatId: -100200,
        userId: null,
        installmentId: null,
        kind: null,
        status: 'pending',
        attempts: 0,
        fireAt: NOW.toISOString(),
        notBefore: NOW.toISOString(),
        dedupeKey: null,
      }),
      expect.objectContaining({ notBefore: '2027-01-13T00:00:00.000Z' }),
    ]);
    expect(JSON.parse(rows(db)[0]?.payload ?? '')).toEqual({ text: 'hello' });
  });

  it('keeps buttons and a file (base64) in the payload', () => {
    const db = openDatabase(':memory:');
    const content = new Uint8Array([0, 1, 2, 250, 255]);
    queueMessage(db, {
      chatId: -1,
      message: {
        text: 'cap',
        buttons: [[{ label: 'A', data: 'a:1' }]],
        file: { kind: 'document', filename: 'x.csv', mime: 'text/csv', content },
      },
      now: NOW,
    });
    expect(JSON.parse(rows(db)[0]?.payload ?? '')).toEqual({
      text: 'cap',
      buttons: [[{ label: 'A', data: 'a:1' }]],
      file: { kind: 'document', filename: 'x.csv', mime: 'text/csv', base64: 'AAEC+v8=' },
    });
  });

  it('returns false and writes nothing for a key already used', () => {
    const db = openDatabase(':memory:');
    expect(queueMessage(db, { chatId: -1, message: { text: 'a' }, key: 'k', now: NOW })).toBe(true);
    expect(queueMessage(db, { chatId: -2, message: { text: 'b' }, key: 'k', now: NOW })).toBe(false);
    expect(rows(db)).toHaveLength(1);
    expect(() => queueMessage(db, { chatId: -1, message: { text: 'a' }, key: '', now: NOW })).toThrow('empty');
  });

  it('commits with the caller’s transaction, and rolls back with it (a savepoint too)', () => {
    const db = openDatabase(':memory:');
    db.insert(users).values({ id: 5, timeZone: 'Asia/Shanghai', createdAt: NOW.toISOString() }).run();
    db.transaction((tx) => {
      tx.update(users).set({ language: 'en' }).where(eq(users.id, 5)).run();
      queueMessage(tx, { chatId: 5, userId: 5, message: { text: 'decided' }, key: 'decision:5', now: NOW });
      try {
        tx.transaction((inner) => {
          queueMessage(inner, { chatId: -1, message: { text: 'not this one' }, now: NOW });
          throw new Error('inner fails');
        });
      } catch {
        // the outer transaction goes on
      }
    });
    expect(rows(db).map((row) => [row.chatId, row.userId, row.dedupeKey])).toEqual([[5, 5, 'decision:5']]);
    expect(() =>
      db.transaction((tx) => {
        queueMessage(tx, { chatId: -1, message: { text: 'rolled back' }, now: NOW });
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(rows(db)).toHaveLength(1);
  });

  it('refuses a chat id of 0 and a userId that is not the chat’s owner', () => {
    const db = openDatabase(':memory:');
    expect(() => queueMessage(db, { chatId: 0, message: { text: 'x' }, now: NOW })).toThrow('not a chat id');
    expect(() => queueMessage(db, { chatId: -5, userId: 5, message: { text: 'x' }, now: NOW })).toThrow('not the owner');
    expect(rows(db)).toEqual([]);
  });
});
