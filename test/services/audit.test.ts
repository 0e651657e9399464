import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/client.ts';
import { auditLog } from '../../src/db/schema.ts';
import * as auditRepo from '../../src/db/audit-repo.ts';
import * as audit from '../../src/services/audit.ts';
import { auditTrail, recordAudit } from '../../src/services/audit.ts';

/*
 * The audit trail (issue 11, point 8) is append-only: the services can add an entry and read the
 * trail, nothing else, and the database itself refuses UPDATE and DELETE on audit_log (migration
 * 0005's triggers), whoever sends them.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const AT = new Date('2027-01-16T02:00:00.000Z');

function withEntries(): Db {
  const db = openDatabase(':memory:');
  recordAudit(db, { actorId: 1, actorRole: 'borrower', action: 'submit', userId: 1, requestId: 7, after: { status: 'open' }, at: AT });
  recordAudit(db, {
    actorId: 1,
    actorRole: 'borrower',
    action: 'promise',
    userId: 1,
    promiseId: 3,
    loanId: 2,
    after: { amount: '500.00' },
    at: AT,
  });
  recordAudit(db, {
    actorId: 99,
    actorRole: 'operator',
    action: 'decide',
    userId: 1,
    requestId: 7,
    before: { status: 'open' },
    after: { status: 'approved' },
    at: new Date(AT.getTime() + 60_000),
  });
  return db;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('the audit trail cannot be changed through the services', () => {
  it('the audit modules export append and read, and nothing that changes or removes an entry', () => {
    expect(Object.keys(audit)).toEqual(expect.arrayContaining(['recordAudit', 'auditTrail']));
    expect(Object.keys(auditRepo)).toEqual(expect.arrayContaining(['appendAuditRow', 'auditRows']));
    const changing = /update|delete|remove|edit|set|change|clear|truncate|replace|rewrite|purge|drop/i;
    expect([...Object.keys(audit), ...Object.keys(auditRepo)].filter((name) => changing.test(name))).toEqual([]);
  });

  it('no module of the bot updates or deletes audit_log rows (but /forget’s pseudonymising, which migration 0007 allows alone)', () => {
    // src/db/forget-repo.ts makes a forgotten user's entries pseudonymous: the one UPDATE the
    // triggers let through (test/db/audit-pseudonym-migration.test.ts); it deletes none.
    const offending = [...sourceFiles('src'), ...sourceFiles('commands')].filter((file) => {
      if (file.replaceAll('\\', '/') === 'src/db/forget-repo.ts') {
        return /\.delete\(\s*auditLog\b/.test(readFileSync(join(root, file), 'utf8'));
      }
      const text = readFileSync(join(root, file), 'utf8');
      return /\.(update|delete)\(\s*auditLog\b/.test(text) || /(UPDATE|DELETE\s+FROM)\s+[`"]?audit_log/i.test(text);
    });
    expect(offending).toEqual([]);
  });

  it('the database refuses a raw UPDATE or DELETE, and the entries stay as they were', () => {
    const db = withEntries();
    const before = auditTrail(db);
    expect(() => db.$client.prepare(`UPDATE audit_log SET action = 'withdraw' WHERE id = 1`).run()).toThrow(/audit_log is append-only/);
    expect(() => db.$client.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow(/audit_log is append-only/);
    expect(() => db.$client.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    // Through drizzle as well, and inside a transaction (which rolls back whatever it did before).
    expect(() => db.update(auditLog).set({ after: '{}' }).where(eq(auditLog.id, 3)).run()).toThrow(/append-only/);
    expect(() =>
      db.transaction((tx) => {
        recordAudit(tx, { actorId: 1, actorRole: 'borrower', action: 'withdraw', userId: 1, requestId: 7, at: AT });
        tx.delete(auditLog).where(eq(auditLog.id, 2)).run();
      }),
    ).toThrow(/append-only/);
    expect(auditTrail(db)).toEqual(before);
  });

  it('reads the trail oldest first, or one request’s entries', () => {
    const db = withEntries();
    expect(auditTrail(db).map((row) => [row.id, row.action, row.actorRole])).toEqual([
      [1, 'submit', 'borrower'],
      [2, 'promise', 'borrower'],
      [3, 'decide', 'operator'],
    ]);
    expect(auditTrail(db, { requestId: 7 }).map((row) => row.id)).toEqual([1, 3]);
    expect(auditTrail(db)[2]).toMatchObject({
      at: '2027-01-16T02:01:00.000Z',
      actorId: 99,
      userId: 1,
      before: '{"status":"open"}',
      after: '{"status":"approved"}',
      promiseId: null,
      loanId: null,
    });
  });
});
