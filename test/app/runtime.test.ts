import { describe, expect, it } from 'vitest';
import { installments, loans, payments } from '../../src/db/schema.ts';
import { Decimal } from '../../src/domain/money.ts';
import { testRuntime } from '../support/bot.ts';
import { snapshot } from '../support/db-snapshot.ts';

/*
 * The composition root (src/app/runtime.ts) hands out services bound to one user: whatever id a
 * handler passes, another borrower's loans, payments and forms are out of its reach.
 */

describe('services bound per user', () => {
  it('forUser(2) sees none of user 1’s loans and cannot touch them', async () => {
    const runtime = testRuntime();
    const handle = (user: number, text?: string, callbackData?: string) =>
      runtime.app.handle({ userId: user, chatId: user, languageCode: 'en', ...(text !== undefined ? { text } : { callbackData }) });
    const card = await handle(1, '/addloan car 10000 12 months 12% annuity first 2027-01-15');
    const save = card.flatMap((m) => m.buttons?.flat() ?? []).find((b) => b.label === 'Save');
    await handle(1, undefined, save?.data);
    await handle(2, '/start');
    const loanId = runtime.db.select().from(loans).get()?.id as number;
    const now = runtime.clock.now();
    const today = '2026-11-21';

    const own = runtime.services.forUser(1, now);
    const other = runtime.services.forUser(2, now);
    expect(own.loans.list().map(({ loan }) => loan.id)).toEqual([loanId]);
    expect(other.loans.list()).toEqual([]);
    expect(other.loans.overview(loanId)).toBeUndefined();
    expect(other.loans.nextDue()).toBeUndefined();
    expect(other.payoff.quote(loanId)).toBeUndefined();

    const before = snapshot(runtime.db);
    expect(other.loans.remove(loanId, now)).toBe(false);
    expect(other.loans.setReminders(loanId, true, now)).toBe(false);
    expect(other.payments.record(loanId, new Decimal('888.49'), today, now)).toEqual({ ok: false, reason: 'no-such-loan' });
    expect(other.payoff.settle(loanId, new Decimal('10661.86')).ok).toBe(false);
    expect(snapshot(runtime.db)).toEqual(before);
    expect(runtime.db.select().from(loans).all()).toHaveLength(1);
    expect(runtime.db.select().from(installments).all()).toHaveLength(12);

    // The owner's own services still act on it.
    expect(own.payments.record(loanId, new Decimal('888.49'), today, now).ok).toBe(true);
    expect(other.payments.last()).toBeUndefined();
    const paymentId = runtime.db.select().from(payments).get()?.id as number;
    expect(other.payments.undo(paymentId, now)).toBeUndefined();
    expect(runtime.db.select().from(payments).all()).toHaveLength(1);
    expect(own.loans.remove(loanId, now)).toBe(true);
    expect(runtime.db.select().from(loans).all()).toEqual([]);
  });

  it('forms are per user: user 2 cannot find, update or close user 1’s form', async () => {
    const runtime = testRuntime();
    await runtime.app.handle({ userId: 1, chatId: 1, languageCode: 'en', text: '/addloan' });
    await runtime.app.handle({ userId: 2, chatId: 2, languageCode: 'en', text: '/start' });
    const own = runtime.services.forUser(1, runtime.clock.now()).forms;
    const other = runtime.services.forUser(2, runtime.clock.now()).forms;
    const form = own.find('long');
    expect(form?.form).toBe('addloan');
    expect(other.find('long')).toBeUndefined();
    const before = snapshot(runtime.db);
    other.update(form?.id as number, 'confirm', { evil: true }, [], runtime.clock.now());
    expect(other.close(form?.id as number)).toBe(false);
    expect(other.finish(form?.id as number, () => ({ ok: true }))).toBeUndefined();
    expect(snapshot(runtime.db)).toEqual(before);
    expect(own.find('long')).toEqual(form);
  });
});
