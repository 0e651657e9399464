import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { runAudit } from '../../src/cli/audit.ts';
import { auditTrail } from '../../src/services/audit.ts';
import { texts } from '../support/bot.ts';
import { OPERATOR, TEAM_CHAT, addLoan, auditRowsOf, decide, fileRequest, lateBorrower, speaker } from '../support/hardship.ts';

/*
 * /forget as a borrower uses it: the confirmation word of their language, anything else
 * cancels, a receipt with counts, and afterwards nothing of theirs in any table but the
 * pseudonymous audit entries. Another user's rows are untouched.
 */

/** Rows of user `id` in every table that can hold them (through loans and requests for the child tables). */
function rowsOf(db: Db, id: number): Record<string, number> {
  const count = (query: string) => db.$client.prepare(query).pluck().get({ id }) as number;
  return {
    users: count('SELECT count(*) FROM users WHERE id = @id'),
    loans: count('SELECT count(*) FROM loans WHERE user_id = @id'),
    installments: count('SELECT count(*) FROM installments i JOIN loans l ON l.id = i.loan_id WHERE l.user_id = @id'),
    payments: count('SELECT count(*) FROM payments p JOIN loans l ON l.id = p.loan_id WHERE l.user_id = @id'),
    forms: count('SELECT count(*) FROM form_states WHERE user_id = @id'),
    timetable: count('SELECT count(*) FROM reminder_timetable WHERE user_id = @id'),
    outbox: count('SELECT count(*) FROM reminder_outbox WHERE user_id = @id OR chat_id = @id'),
    requests: count('SELECT count(*) FROM hardship_requests WHERE user_id = @id'),
    promises: count('SELECT count(*) FROM payment_promises WHERE user_id = @id'),
    audit: count('SELECT count(*) FROM audit_log WHERE user_id = @id OR actor_id = @id'),
    updates: count('SELECT count(*) FROM processed_updates WHERE chat_id = @id'),
  };
}

const nothing = {
  users: 0,
  loans: 0,
  installments: 0,
  payments: 0,
  forms: 0,
  timetable: 0,
  outbox: 0,
  requests: 0,
  promises: 0,
  audit: 0,
  updates: 0,
};

describe('/forget', () => {
  it('asks for the word; anything else cancels and erases nothing', async () => {
    const bot = await lateBorrower();
    const before = rowsOf(bot.db, 1);
    expect(texts(await bot.say('/forget'))).toContain('To go ahead, type FORGET. Anything else cancels.');
    expect(texts(await bot.say('forget it, no'))).toBe('Nothing was erased.');
    expect(rowsOf(bot.db, 1)).toEqual(before);
    // The question is gone: the word alone now is just text.
    await bot.say('FORGET');
    expect(rowsOf(bot.db, 1).loans).toBe(1);
  });

  it('erases every row of the user, keeps only pseudonymous audit entries, and gives a receipt with counts', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    await decide(bot, OPERATOR, 'ask', 1, 'Which employer?');
    await addLoan(bot, 'phone 3000 6 months 0% annuity first 2027-03-01', 'en');
    await addLoan(bot, 'bike 5000 10 months 10% annuity first 2027-03-01', 'en');
    await bot.say('/paid car 888.49');
    await bot.pressLabel('Confirm');
    // Another borrower, whose rows must all stay.
    const other = speaker(bot, { user: 2 });
    await other.say('/addloan van 20000 24 months 8% annuity first 2027-03-10');
    await other.tap('Save');
    const otherBefore = rowsOf(bot.db, 2);
    const auditBefore = auditRowsOf(bot.db);
    expect(auditBefore.some((row) => row.userId === 1 && (row.before !== null || row.after !== null))).toBe(true);
    expect(rowsOf(bot.db, 1).loans).toBe(3);

    const noticeKeys = () =>
      bot.db.$client.prepare("SELECT dedupe_key FROM reminder_outbox WHERE dedupe_key LIKE 'hardship:1:%'").pluck().all();
    expect(noticeKeys().length).toBeGreaterThan(0);
    await bot.say('/forget');
    const receipt = texts(await bot.say('  forget '));
    expect(receipt).toContain('🗑 Done: everything about you is erased.');
    expect(receipt).toContain('Loans: 3 · installments: 28 · payments: 1 · penalty entries: 0');
    expect(receipt).toContain('Hardship requests: 1');
    expect(receipt).toContain('History entries kept without your id, text, amounts or names (pseudonymous): ');

    expect(rowsOf(bot.db, 1)).toEqual(nothing);
    expect(rowsOf(bot.db, 2)).toEqual(otherBefore);
    // The audit entries are all still there; the user's ones have a negative pseudonym and no snapshots.
    const after = auditRowsOf(bot.db);
    expect(after.map((row) => [row.id, row.at, row.action])).toEqual(auditBefore.map((row) => [row.id, row.at, row.action]));
    const mine = after.filter((row) => row.userId < 0);
    expect(mine.length).toBe(auditBefore.filter((row) => row.userId === 1).length);
    expect(new Set(mine.map((row) => row.userId)).size).toBe(1);
    for (const row of mine) {
      expect(row.before).toBeNull();
      expect(row.after).toBeNull();
      expect(row.actorId === null || row.actorId === OPERATOR || row.actorId === row.userId).toBe(true);
    }
    // Nothing the user typed is left anywhere in the database: not in the audit, not in a notice queued for the operators.
    expect(noticeKeys()).toEqual([]);
    expect(JSON.stringify(bot.db.all(sql`SELECT * FROM reminder_outbox`))).not.toContain('employer');
    const dump = JSON.stringify(bot.db.all(sql`SELECT * FROM audit_log`));
    expect(dump).not.toContain('employer');
    expect(dump).not.toContain('car');
    // The operators' views still work: the queue is empty of the erased request, no error.
    const queue = texts(await bot.inTeam(OPERATOR, { text: '/queue' }));
    expect(queue).not.toContain('went wrong');
    expect(queue).not.toContain('car');
    // `repaybot audit` (the operators' trail) still prints every entry, table and CSV, the pseudonym in place of the id.
    const trail = (filter: { requestId?: number }) => auditTrail(bot.db, filter).map((row) => ({ ...row }));
    const table = runAudit([], trail);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(String(mine[0]?.userId));
    const csv = runAudit(['--csv'], trail);
    expect(csv.stdout.trim().split('\r\n')).toHaveLength(after.length + 1);
    expect(runAudit(['--request', '1'], trail).code).toBe(0);
    // Writing again starts from nothing.
    expect(texts(await bot.say('/loans'))).not.toContain('car');
    expect(TEAM_CHAT).toBeLessThan(0);
  });

  it('uses the word of the user’s language: 删除 in Simplified, 刪除 in Traditional Chinese', async () => {
    const bot = await lateBorrower();
    expect(texts(await bot.say('/forget', { lang: 'zh-CN' }))).toContain('确定要删除，请输入“删除”');
    expect(texts(await bot.say('FORGET', { lang: 'zh-CN' }))).toBe('没有删除任何内容。');
    expect(rowsOf(bot.db, 1).loans).toBe(1);
    await bot.say('/forget', { lang: 'zh-CN' });
    expect(texts(await bot.say('删除', { lang: 'zh-CN' }))).toContain('🗑 完成');
    expect(rowsOf(bot.db, 1)).toEqual(nothing);

    const hant = await lateBorrower();
    await hant.say('/language zh-Hant');
    expect(texts(await hant.say('/forget'))).toContain('刪除');
    expect(texts(await hant.say('刪除'))).toContain('🗑');
    expect(rowsOf(hant.db, 1)).toEqual(nothing);
  });

  it('in a group chat: refused with a pointer to the private chat, nothing erased', async () => {
    const bot = await lateBorrower();
    const inGroup = await bot.runtime.app.handle({ userId: 1, chatId: -555, languageCode: 'en', text: '/forget' });
    expect(texts(inGroup)).toBe(
      '/forget and /import work only in a private chat with me, where nobody else can see your data. Please message me directly.',
    );
    await bot.runtime.app.handle({ userId: 1, chatId: -555, languageCode: 'en', text: 'FORGET' });
    expect(rowsOf(bot.db, 1).loans).toBe(1);
  });

  it('erases the updates taken in from the user’s chat, and no one else’s', async () => {
    const bot = await lateBorrower();
    const handle = (userId: number, updateId: number, text: string) =>
      bot.runtime.app.handle({ userId, chatId: userId, languageCode: 'en', updateId, messageId: updateId, text });
    await handle(2, 500, '/loans');
    await handle(1, 501, '/loans');
    await handle(1, 502, '/forget');
    const receipt = texts(await handle(1, 503, 'FORGET'));
    expect(receipt).toContain('other records: 3');
    expect(rowsOf(bot.db, 1).updates).toBe(0);
    expect(rowsOf(bot.db, 2).updates).toBe(1);
  });

  it('erases rows of tables added later with a user_id (the calendar feed of migration 0008), and counts them', async () => {
    const bot = await lateBorrower();
    await bot.say('/loans', { user: 2 });
    const insert = bot.db.$client.prepare('INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES (?, ?, ?)');
    insert.run(1, 'hash-of-user-1', '2027-02-05T02:00:00.000Z');
    insert.run(2, 'hash-of-user-2', '2027-02-05T02:00:00.000Z');
    await bot.say('/forget');
    expect(texts(await bot.say('FORGET'))).toContain('other records: 1');
    expect(bot.db.$client.prepare('SELECT user_id FROM calendar_feeds').pluck().all()).toEqual([2]);
  });
});
