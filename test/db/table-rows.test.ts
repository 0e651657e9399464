import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { insertPenaltyEntry, paymentsByLoanId, penaltyEntriesOfLoan } from '../../src/db/ledger-repo.ts';
import { installmentsOfUser, loansOfUser } from '../../src/db/loans-repo.ts';
import { installments, loans, payments, penaltyEntries } from '../../src/db/schema.ts';
import { lateBorrower, speaker } from '../support/hardship.ts';

/*
 * src/db/table-rows.ts maps the hot reads' raw values itself instead of through drizzle's generic
 * walk. Whatever a screen reads must not change by it: booleans stay booleans, JSON columns
 * objects, nulls null, every column present. Compared here with drizzle's own mapping of the
 * same rows, on a loan with a payment, a paused reminder and a lender's figure.
 */
describe('rows mapped once per table, as drizzle maps them', () => {
  it('a loan, its installments, payments and penalty entries read the same both ways', async () => {
    const bot = await lateBorrower();
    const me = speaker(bot);
    await me.say('/paid 100');
    await me.tap('Confirm');
    bot.db
      .update(loans)
      .set({ remindersPaused: true, prepaymentRule: { fee: '1%' } })
      .where(eq(loans.id, 1))
      .run();
    insertPenaltyEntry(bot.db, {
      loanId: 1,
      n: 1,
      kind: 'waived',
      amount: null,
      on: '2027-02-01',
      source: 'operator',
      createdAt: '2027-02-01T00:00:00.000Z',
    });

    const loansByDrizzle = bot.db.select().from(loans).where(eq(loans.userId, 1)).orderBy(asc(loans.id)).all();
    expect(loansOfUser(bot.db, 1)).toStrictEqual(loansByDrizzle);
    expect(loansByDrizzle[0]).toMatchObject({ remindersPaused: true, prepaymentRule: { fee: '1%' } });

    const rowsByDrizzle = bot.db
      .select()
      .from(installments)
      .where(eq(installments.loanId, 1))
      .orderBy(asc(installments.dueDate), asc(installments.n))
      .all();
    expect(installmentsOfUser(bot.db, 1)).toStrictEqual(rowsByDrizzle);
    expect(rowsByDrizzle).toHaveLength(12);

    const paid = bot.db.select().from(payments).where(eq(payments.loanId, 1)).all();
    expect(paid).toHaveLength(1);
    expect(paymentsByLoanId(bot.db, 1)).toStrictEqual(paid);

    const entries = bot.db.select().from(penaltyEntries).where(eq(penaltyEntries.loanId, 1)).all();
    expect(entries[0]?.amount).toBeNull();
    expect(penaltyEntriesOfLoan(bot.db, 1)).toStrictEqual(entries);
  });

  it('another user’s rows are not among them', async () => {
    const bot = await lateBorrower();
    expect(loansOfUser(bot.db, 2)).toEqual([]);
    expect(installmentsOfUser(bot.db, 2)).toEqual([]);
  });
});
