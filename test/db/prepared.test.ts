import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { ensureUser, findUser } from '../../src/db/users-repo.ts';

/*
 * src/db/prepared.ts: the hot queries are prepared once per connection. A statement made inside
 * a transaction must serve the database outside it (and the other way round), and two databases
 * must never share one: a user of one must not be found in the other.
 */
describe('statements prepared once per connection', () => {
  it('a statement made inside a transaction serves the database, and sees the transaction’s writes', () => {
    const db = openDatabase(':memory:');
    db.transaction((tx) => {
      ensureUser(tx, 7, { timeZone: 'Asia/Shanghai', createdAt: '2026-12-01T00:00:00Z' });
      expect(findUser(tx, 7)?.timeZone).toBe('Asia/Shanghai');
    });
    expect(findUser(db, 7)?.id).toBe(7);
    expect(findUser(db, 8)).toBeUndefined();
  });

  it('a rolled-back write is not found by the same statement afterwards', () => {
    const db = openDatabase(':memory:');
    expect(findUser(db, 9)).toBeUndefined();
    expect(() =>
      db.transaction((tx) => {
        ensureUser(tx, 9, { timeZone: 'Europe/London', createdAt: '2026-12-01T00:00:00Z' });
        throw new Error('rollback');
      }),
    ).toThrow('rollback');
    expect(findUser(db, 9)).toBeUndefined();
  });

  it('two databases never share a statement', () => {
    const one = openDatabase(':memory:');
    const two = openDatabase(':memory:');
    ensureUser(one, 5, { timeZone: 'Asia/Taipei', createdAt: '2026-12-01T00:00:00Z' });
    expect(findUser(one, 5)?.timeZone).toBe('Asia/Taipei');
    expect(findUser(two, 5)).toBeUndefined();
  });
});
