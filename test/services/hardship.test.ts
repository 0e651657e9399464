import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema.ts';
import { auditTrail } from '../../src/services/audit.ts';
import { OPERATOR, auditRowsOf, decide, fileRequest, lateBorrower, speaker } from '../support/hardship.ts';

/*
 * The audit trail of hardship requests (src/services/audit.ts, table audit_log): every step of a
 * request is a row, written in the step's own transaction, naming who acted in which role, with
 * the state before and after as JSON. The table is append-only: its triggers refuse any UPDATE or
 * DELETE, from the services or from raw SQL.
 */

const json = (text: string | null) => (text === null ? null : (JSON.parse(text) as Record<string, unknown>));

describe('every step of a request is audited', () => {
  it('submit, ask, answer, decide, apply: who, in which role, before and after', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    bot.clock.set(new Date('2027-02-06T10:00:00+08:00'));
    await decide(bot, OPERATOR, 'ask', 1, 'Which employer?');
    bot.clock.set(new Date('2027-02-07T10:00:00+08:00'));
    await bot.press('requests:answer:1');
    await bot.say('ACME Ltd.');
    bot.clock.set(new Date('2027-02-08T10:00:00+08:00'));
    await decide(bot, OPERATOR, 'approve', 1, 'Two months, then as before.');

    const rows = auditRowsOf(bot.db);
    expect(rows.map((row) => [row.action, row.actorId, row.actorRole, row.userId, row.requestId, row.at])).toEqual([
      ['submit', 1, 'borrower', 1, 1, '2027-02-05T02:00:00.000Z'],
      ['ask', OPERATOR, 'operator', 1, 1, '2027-02-06T02:00:00.000Z'],
      ['answer', 1, 'borrower', 1, 1, '2027-02-07T02:00:00.000Z'],
      ['decide', OPERATOR, 'operator', 1, 1, '2027-02-08T02:00:00.000Z'],
      ['apply', OPERATOR, 'operator', 1, 1, '2027-02-08T02:00:00.000Z'],
    ]);
    const [submit, ask, answer, decided, apply] = rows;

    expect(json(submit?.before ?? null)).toBeNull();
    expect(json(submit?.after ?? null)).toMatchObject({
      id: 1,
      kind: 'deferral',
      status: 'open',
      proposal: { kind: 'deferral', months: 2 },
    });

    expect(json(ask?.before ?? null)).toMatchObject({ status: 'open' });
    expect(json(ask?.after ?? null)).toMatchObject({ status: 'info-requested', note: 'Which employer?' });

    expect(json(answer?.before ?? null)).toMatchObject({ status: 'info-requested' });
    expect(json(answer?.after ?? null)).toMatchObject({ status: 'open', note: 'ACME Ltd.' });

    expect(json(decided?.before ?? null)).toMatchObject({ status: 'open', decidedBy: null });
    expect(json(decided?.after ?? null)).toMatchObject({
      status: 'approved',
      decidedBy: OPERATOR,
      decidedAt: '2027-02-08T02:00:00.000Z',
      decisionNote: 'Two months, then as before.',
    });

    // The loan's schedule before and after: installment 1 (888.49 + 9.33 penalty … on the
    // decision day) moved from 2027-01-15 to 2027-03-15.
    expect(apply?.loanId).toBe(1);
    const scheduleBefore = JSON.parse(apply?.before ?? '[]') as { n: number; due: string; amount: string }[];
    const scheduleAfter = (JSON.parse(apply?.after ?? '{}') as { schedule: { n: number; due: string; amount: string }[] }).schedule;
    expect(scheduleBefore).toHaveLength(12);
    expect(scheduleAfter).toHaveLength(12);
    expect(scheduleBefore[0]).toMatchObject({ n: 1, due: '2027-01-15' });
    expect(scheduleAfter[0]).toMatchObject({ n: 1, due: '2027-03-15', amount: scheduleBefore[0]?.amount });
    expect(scheduleAfter[11]).toMatchObject({ n: 12, due: '2028-02-15', amount: '888.47' });

    // One request's trail, as `repaybot audit --request 1` prints it.
    expect(auditTrail(bot.db, { requestId: 1 }).map((row) => row.action)).toEqual(['submit', 'ask', 'answer', 'decide', 'apply']);
  });

  it('withdraw: the borrower, before open and after withdrawn', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Penalty waiver', { tap: '100%' });
    const me = speaker(bot);
    await me.say('/requests');
    await me.tap('Withdraw #1');
    const withdraw = auditRowsOf(bot.db).at(-1);
    expect(withdraw).toMatchObject({ action: 'withdraw', actorId: 1, actorRole: 'borrower', userId: 1, requestId: 1 });
    expect(json(withdraw?.before ?? null)).toMatchObject({ status: 'open' });
    expect(json(withdraw?.after ?? null)).toMatchObject({ status: 'withdrawn' });
  });

  it('a rejection is a decide entry and no apply', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '1 month' });
    await decide(bot, OPERATOR, 'reject', 1, 'No.');
    expect(auditRowsOf(bot.db).map((row) => row.action)).toEqual(['submit', 'decide']);
    expect(json(auditRowsOf(bot.db)[1]?.after ?? null)).toMatchObject({ status: 'rejected', decisionNote: 'No.' });
  });

  it('an approved waiver’s apply entry names what was waived', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Penalty waiver', { tap: '50%' });
    await decide(bot, OPERATOR, 'approve', 1);
    const apply = auditRowsOf(bot.db).at(-1);
    expect(apply).toMatchObject({ action: 'apply', actorId: OPERATOR, actorRole: 'operator', loanId: 1 });
    expect(json(apply?.after ?? null)).toMatchObject({ waived: '4.67' });
  });

  it('refused steps write nothing: a second decision, a withdrawal after the decision', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    await decide(bot, OPERATOR, 'approve', 1);
    const count = auditRowsOf(bot.db).length;
    await decide(bot, OPERATOR, 'reject', 1);
    await bot.press('requests:withdraw:1');
    expect(auditRowsOf(bot.db)).toHaveLength(count);
  });
});

describe('the audit table is append-only', () => {
  it('a raw UPDATE or DELETE throws and changes nothing', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    const rows = auditRowsOf(bot.db);
    expect(rows).toHaveLength(1);
    const sqlite = bot.db.$client;
    expect(() => sqlite.prepare("UPDATE audit_log SET action = 'withdraw' WHERE id = 1").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('UPDATE audit_log SET after = NULL').run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    // Through drizzle, as a service would.
    expect(() => bot.db.update(auditLog).set({ actorId: 2 }).where(eq(auditLog.id, 1)).run()).toThrow(/append-only/);
    expect(() => bot.db.delete(auditLog).run()).toThrow(/append-only/);
    expect(auditRowsOf(bot.db)).toEqual(rows);
  });

  it('appending still works', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    await decide(bot, OPERATOR, 'reject', 1);
    expect(auditRowsOf(bot.db)).toHaveLength(2);
  });
});
