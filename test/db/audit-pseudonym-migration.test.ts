import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { databaseBefore, removeOldDatabases } from '../support/migrations.ts';

/*
 * Migration 0007 (issue 13, /forget): the audit trail stays append-only except for one change,
 * making an entry about a user pseudonymous once (user id → a negative pseudonym, the actor
 * likewise when it was the user, before/after blanked, nothing else touched). Every other UPDATE
 * and every DELETE is still refused.
 */

afterEach(removeOldDatabases);

function withEntry() {
  const db = openDatabase(':memory:');
  db.$client
    .prepare(
      `INSERT INTO audit_log (id, at, actor_id, actor_role, action, user_id, request_id, promise_id, loan_id, before, after)
       VALUES (1, '2027-02-05T02:00:00.000Z', 7, 'borrower', 'submit', 7, 3, NULL, 4, '{"reason":"lost my job"}', '{"amount":"500.00"}'),
              (2, '2027-02-05T03:00:00.000Z', 900, 'operator', 'decide', 7, 3, NULL, 4, NULL, '{"note":"ok"}')`,
    )
    .run();
  const run = (sql: string) => () => db.$client.prepare(sql).run();
  return { db, run };
}

const PSEUDONYMISE_1 = 'UPDATE audit_log SET user_id = -42, actor_id = -42, before = NULL, after = NULL WHERE id = 1';

describe('audit_log after migration 0007', () => {
  it('still refuses every DELETE and every ordinary UPDATE', () => {
    const { run } = withEntry();
    for (const sql of [
      'DELETE FROM audit_log WHERE id = 1',
      'DELETE FROM audit_log',
      "UPDATE audit_log SET action = 'withdraw' WHERE id = 1",
      "UPDATE audit_log SET after = '{}' WHERE id = 2",
      'UPDATE audit_log SET before = NULL, after = NULL WHERE id = 1',
      // A pseudonym must be negative (no Telegram id), and nothing else may change with it.
      'UPDATE audit_log SET user_id = 8, actor_id = 8, before = NULL, after = NULL WHERE id = 1',
      "UPDATE audit_log SET user_id = -42, actor_id = -42, before = NULL, after = NULL, at = '2030-01-01' WHERE id = 1",
      'UPDATE audit_log SET user_id = -42, actor_id = -42, before = NULL, after = NULL, loan_id = 5 WHERE id = 1',
      // The user's own id may not stay behind as the actor; an operator's may not be changed.
      'UPDATE audit_log SET user_id = -42, before = NULL, after = NULL WHERE id = 1',
      'UPDATE audit_log SET user_id = -42, actor_id = -42, before = NULL, after = NULL WHERE id = 2',
      // Snapshots must go.
      'UPDATE audit_log SET user_id = -42, actor_id = -42, after = NULL WHERE id = 1',
    ]) {
      expect(run(sql), sql).toThrow('audit_log is append-only');
    }
  });

  it('lets one pseudonymisation through, once', () => {
    const { db, run } = withEntry();
    expect(run(PSEUDONYMISE_1)).not.toThrow();
    expect(run('UPDATE audit_log SET user_id = -42, before = NULL, after = NULL WHERE id = 2')).not.toThrow();
    expect(
      db.$client.prepare('SELECT id, at, actor_id, actor_role, action, user_id, request_id, loan_id, before, after FROM audit_log').all(),
    ).toEqual([
      {
        id: 1,
        at: '2027-02-05T02:00:00.000Z',
        actor_id: -42,
        actor_role: 'borrower',
        action: 'submit',
        user_id: -42,
        request_id: 3,
        loan_id: 4,
        before: null,
        after: null,
      },
      {
        id: 2,
        at: '2027-02-05T03:00:00.000Z',
        actor_id: 900,
        actor_role: 'operator',
        action: 'decide',
        user_id: -42,
        request_id: 3,
        loan_id: 4,
        before: null,
        after: null,
      },
    ]);
    // Once pseudonymous, never again (not back to an id, not to another pseudonym), and still never deleted.
    expect(run('UPDATE audit_log SET user_id = -43, actor_id = -43 WHERE id = 1')).toThrow('audit_log is append-only');
    expect(run('UPDATE audit_log SET user_id = 7, actor_id = 7 WHERE id = 1')).toThrow('audit_log is append-only');
    expect(run('DELETE FROM audit_log WHERE id = 1')).toThrow('audit_log is append-only');
  });

  it('an older database keeps its audit entries through the migration', () => {
    const { path, old } = databaseBefore('0007_audit_pseudonyms');
    old
      .prepare(
        `INSERT INTO audit_log (at, actor_id, actor_role, action, user_id, before, after) VALUES ('2027-01-01T00:00:00.000Z', 5, 'borrower', 'promise', 5, NULL, '{"amount":"100.00"}')`,
      )
      .run();
    old.close();
    const db = openDatabase(path);
    expect(db.$client.prepare('SELECT action, after FROM audit_log').all()).toEqual([{ action: 'promise', after: '{"amount":"100.00"}' }]);
    expect(() => db.$client.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow('audit_log is append-only');
    db.$client.close();
  });
});
