import { asc, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { installmentsWithLoansByIds } from '../../src/db/loans-repo.ts';
import { claimChatRows, insertMessageRow, markRows, unclaimRows } from '../../src/db/outbox-repo.ts';
import { reminderOutbox } from '../../src/db/schema.ts';

/*
 * The dispatcher's outbox statements are prepared once per connection (src/db/prepared.ts), the
 * ids bound as one JSON array: a mark touches exactly the rows named, whatever their number, and
 * statements for different sets of columns never stand in for one another.
 */
function outbox(chats: number[]) {
  const db = openDatabase(':memory:');
  for (const [i, chatId] of chats.entries())
    insertMessageRow(db, { chatId, payload: JSON.stringify({ text: `m${i}` }), fireAt: '2027-01-01T00:00:00.000Z' });
  const rows = () => db.select().from(reminderOutbox).orderBy(asc(reminderOutbox.id)).all();
  return { db, rows };
}

describe('outbox statements', () => {
  it('markRows sets the columns given on the rows named, one, several or none', () => {
    const { db, rows } = outbox([-1, -2, -3, -4]);
    const [a, b, c, d] = rows().map((row) => row.id) as [number, number, number, number];
    markRows(db, [b], { status: 'sent', sentAt: '2027-01-01T00:00:01.000Z', batchId: b });
    markRows(db, [a, d], { status: 'dropped', lastError: 'paid or paused' });
    markRows(db, [], { status: 'dead' });
    expect(rows().map((row) => [row.status, row.sentAt, row.batchId, row.lastError])).toEqual([
      ['dropped', null, null, 'paid or paused'],
      ['sent', '2027-01-01T00:00:01.000Z', b, null],
      ['pending', null, null, null],
      ['dropped', null, null, 'paid or paused'],
    ]);
    // The same columns in another order, and an undefined value, which drizzle's set() leaves out.
    markRows(db, [c], { lastError: 'x', status: 'dead', sentAt: undefined });
    expect(rows()[2]).toMatchObject({ status: 'dead', lastError: 'x', sentAt: null });
  });

  it('markRows writes a null, and an SQL value (a try counted)', () => {
    const { db, rows } = outbox([-1, -2]);
    const [a, b] = rows().map((row) => row.id) as [number, number];
    const claimed = claimChatRows(db, -1, '2027-01-01T00:00:05.000Z');
    expect(claimed.map((row) => [row.id, row.status, row.claimedAt])).toEqual([[a, 'claimed', '2027-01-01T00:00:05.000Z']]);
    unclaimRows(db, [a]);
    markRows(db, [a, b], { attempts: sql`${reminderOutbox.attempts} + 1` as unknown as number, lastError: 'failed' });
    markRows(db, [b], { attempts: sql`${reminderOutbox.attempts} + 1` as unknown as number, lastError: 'again' });
    expect(rows().map((row) => [row.status, row.claimedAt, row.attempts, row.lastError])).toEqual([
      ['pending', null, 1, 'failed'],
      ['pending', null, 2, 'again'],
    ]);
  });

  it('claimChatRows takes a chat’s due rows once, in queue order, not another chat’s nor later ones', () => {
    const { db } = outbox([-5, -6, -5]);
    db.update(reminderOutbox).set({ notBefore: '2027-01-01T00:01:00.000Z' }).where(sql`${reminderOutbox.id} = 3`).run();
    const first = claimChatRows(db, -5, '2027-01-01T00:00:30.000Z');
    expect(first.map((row) => row.id)).toEqual([1]);
    expect(claimChatRows(db, -5, '2027-01-01T00:00:30.000Z')).toEqual([]);
    // Inside a transaction the same statement serves, and sees the transaction's own rows.
    db.transaction((tx) => {
      insertMessageRow(tx, { chatId: -6, payload: '{"text":"m3"}', fireAt: '2027-01-01T00:00:00.000Z' });
      expect(claimChatRows(db, -6, '2027-01-01T00:00:30.000Z').map((row) => row.id)).toEqual([2, 4]);
    });
    expect(claimChatRows(db, -5, '2027-01-01T00:02:00.000Z').map((row) => row.id)).toEqual([3]);
  });

  it('installmentsWithLoansByIds finds exactly the ids asked for, with their loans, by id', () => {
    const db = openDatabase(':memory:');
    db.$client.exec(`
      INSERT INTO users (id, time_zone, created_at) VALUES (7, 'Asia/Shanghai', '2027-01-01T00:00:00.000Z');
      INSERT INTO loans (id, user_id, name, principal, method, rate_percent, rate_unit, periods, first_due, policy_preset, created_at)
        VALUES (1, 7, 'car', '100', 'annuity', '12', 'annual', 3, '2027-02-01', 'bank-cn', '2027-01-01T00:00:00.000Z'),
               (2, 7, 'phone', '100', 'annuity', '12', 'annual', 1, '2027-02-01', 'bank-cn', '2027-01-01T00:00:00.000Z');
      INSERT INTO installments (id, loan_id, n, due_date, principal, interest, fee, payment)
        VALUES (10, 1, 1, '2027-02-01', '1', '0', '0', '1'), (11, 1, 2, '2027-03-01', '1', '0', '0', '1'),
               (12, 1, 3, '2027-04-01', '1', '0', '0', '1'), (13, 2, 1, '2027-02-01', '1', '0', '0', '1');
    `);
    expect(installmentsWithLoansByIds(db, [])).toEqual([]);
    const found = installmentsWithLoansByIds(db, [13, 10, 12, 99]);
    expect(found.map(({ installment, loan }) => [installment.id, installment.n, loan.id, loan.name])).toEqual([
      [10, 1, 1, 'car'],
      [12, 3, 1, 'car'],
      [13, 1, 2, 'phone'],
    ]);
    expect(installmentsWithLoansByIds(db, [11]).map(({ installment }) => installment.dueDate)).toEqual(['2027-03-01']);
  });
});
