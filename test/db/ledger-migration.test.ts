import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { loans, paymentAllocations } from '../../src/db/schema.ts';
import { createTestBot, texts } from '../support/bot.ts';
import { databaseBefore, removeOldDatabases } from '../support/migrations.ts';

/*
 * Migration 0004 adds the penalty ledger. A database from before it keeps its loans and payments;
 * a loan paid off with /payoff is settled from that day, so editing it cannot reopen it.
 */

afterEach(removeOldDatabases);

describe('a database from before the penalty ledger', () => {
  it('marks a paid-off loan settled on its payoff day and keeps every payment', async () => {
    const { path, old, before } = databaseBefore('0004_penalty_ledger');
    expect(before.at(-1)).toBe('0003_forms_in_two_slots');
    old.exec(`
      INSERT INTO users (id, time_zone, telegram_language, created_at) VALUES (1, 'Asia/Shanghai', 'en', '2026-11-01T00:00:00.000Z');
      INSERT INTO loans (id, user_id, name, principal, method, rate_percent, rate_unit, periods, first_due, policy_preset, created_at)
        VALUES (1, 1, 'car', '1000.00', 'bullet', '0', 'annual', 1, '2027-01-15', 'bank-cn', '2026-11-01T00:00:00.000Z'),
               (2, 1, 'phone', '500.00', 'bullet', '0', 'annual', 1, '2027-01-15', 'bank-cn', '2026-11-01T00:00:00.000Z');
      INSERT INTO installments (id, loan_id, n, due_date, principal, interest, fee, payment, paid)
        VALUES (1, 1, 1, '2027-01-15', '1000.00', '0.00', '0.00', '1000.00', '1000.00'),
               (2, 2, 1, '2027-01-15', '500.00', '0.00', '0.00', '500.00', '0.00');
      INSERT INTO payments (id, loan_id, amount, paid_on, source, created_at)
        VALUES (1, 1, '1000.00', '2026-11-20', 'payoff', '2026-11-20T02:00:00.000Z');
      INSERT INTO payment_allocations (payment_id, installment_id, amount) VALUES (1, 1, '1000.00');`);
    old.close();

    const db = openDatabase(path);
    expect(db.select({ id: loans.id, settledOn: loans.settledOn }).from(loans).all()).toEqual([
      { id: 1, settledOn: '2026-11-20' },
      { id: 2, settledOn: null },
    ]);
    expect(db.select().from(paymentAllocations).all()).toEqual([expect.objectContaining({ amount: '1000.00', penalty: '0.00' })]);
    const bot = createTestBot({ db });
    expect(texts(await bot.say('/loans'))).toContain('Paid off');
  });
});
