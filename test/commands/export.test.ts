import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../src/core/types.ts';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../src/services/export.ts';
import { createTestBot, texts } from '../support/bot.ts';
import { OPERATOR, addLoan, decide, fileRequest, lateBorrower, speaker } from '../support/hardship.ts';

/*
 * /export as a borrower uses it: one JSON document and three CSV files, sent as documents, with
 * only the borrower's own rows. The car loan of test/support/hardship.ts is 21 days late on
 * 2027-02-05.
 */

// ignoreBOM: keep the byte-order mark, which TextDecoder would otherwise drop.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const files = (messages: OutgoingMessage[]) => messages.filter((m) => m.file).map((m) => m.file as NonNullable<OutgoingMessage['file']>);
const byName = (messages: OutgoingMessage[], name: string) => {
  const file = files(messages).find((f) => f.filename === name);
  if (!file) throw new Error(`no file ${name}`);
  return decoder.decode(file.content);
};
// biome-ignore lint/suspicious/noExplicitAny: the document is read as JSON, as a user's tool would.
const jsonOf = (messages: OutgoingMessage[]): any => JSON.parse(byName(messages, 'repaybot-export-2027-02-05.json'));

describe('/export', () => {
  it('with nothing stored: a clear message, no file', async () => {
    const bot = createTestBot();
    const replies = await bot.say('/export');
    expect(files(replies)).toEqual([]);
    expect(texts(replies)).toBe(
      'There is nothing to export yet: I have no loans, payments, hardship requests or promises of yours. All I keep about you is your settings (language, time zone, reminders): /settings shows them.',
    );
    expect(texts(await bot.say('/export', { lang: 'zh-CN' }))).toContain('目前没有可导出的内容');
  });

  it('sends the JSON document and loans.csv, installments.csv, payments.csv as documents, with their captions', async () => {
    const bot = await lateBorrower();
    const replies = await bot.say('/export');
    expect(files(replies).map((f) => [f.kind, f.filename, f.mime])).toEqual([
      ['document', 'repaybot-export-2027-02-05.json', 'application/json'],
      ['document', 'loans.csv', 'text/csv; charset=utf-8'],
      ['document', 'installments.csv', 'text/csv; charset=utf-8'],
      ['document', 'payments.csv', 'text/csv; charset=utf-8'],
    ]);
    expect(replies[0]?.text).toBe(
      [
        '📦 Everything stored about you, in one file (JSON, format version 1):',
        'Loans: 1 · installments: 12 · payments: 0',
        'Hardship requests: 0 · promises to pay: 0 · history entries: 0',
        'Keep it somewhere safe: it holds your financial details.',
      ].join('\n'),
    );
    expect(replies[1]?.text).toContain('loans.csv');
    const doc = jsonOf(replies);
    expect(doc).toMatchObject({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: '2027-02-05T02:00:00.000Z' });
    expect(doc.user).toMatchObject({ id: 1, timeZone: 'Asia/Shanghai', reminderTime: '09:00', daysBefore: [3, 1, 0] });
    expect(doc.loans).toHaveLength(1);
    expect(doc.loans[0]).toMatchObject({
      id: 1,
      name: 'car',
      principal: '10000.00',
      method: 'annuity',
      periods: 12,
      firstDue: '2027-01-15',
    });
    expect(doc.loans[0].installments[0]).toMatchObject({ n: 1, dueDate: '2027-01-15', payment: '888.49', paid: '0.00' });
    expect(Object.keys(doc)).toEqual(['format', 'version', 'exportedAt', 'user', 'loans', 'requests', 'promises', 'audit']);
  });

  it('holds payments with their allocations, penalty entries, requests with their notes, promises and their audit, operators by role only', async () => {
    const bot = await lateBorrower();
    const me = speaker(bot);
    await me.say('/paid 1 100');
    await me.tap('Confirm');
    await me.say('/penalty');
    await me.say('12.50');
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    await decide(bot, OPERATOR, 'ask', 1, 'Which employer?');
    await bot.press('requests:answer:1');
    await bot.say('ACME, until December.');
    await me.say('/promise 1 2027-02-10');
    await me.tap('Confirm');
    const doc = jsonOf(await bot.say('/export'));
    const loan = doc.loans[0];
    expect(loan.payments).toHaveLength(1);
    expect(loan.payments[0]).toMatchObject({ amount: '100.00', paidOn: '2027-02-05', source: 'user' });
    expect(loan.payments[0].allocations.length).toBeGreaterThan(0);
    expect(loan.payments[0].allocations[0]).toMatchObject({ installmentN: 1 });
    expect(loan.penaltyEntries).toEqual([expect.objectContaining({ n: 1, kind: 'charged', amount: '12.50', source: 'user' })]);
    expect(doc.requests).toHaveLength(1);
    expect(doc.requests[0]).toMatchObject({ id: 1, kind: 'deferral', status: 'open', loanIds: [1] });
    expect(doc.requests[0].notes).toEqual([
      { role: 'operator', text: 'Which employer?', createdAt: '2027-02-05T02:00:00.000Z' },
      { role: 'borrower', text: 'ACME, until December.', createdAt: '2027-02-05T02:00:00.000Z' },
    ]);
    expect(doc.promises).toEqual([expect.objectContaining({ loanId: 1, dueOn: '2027-02-10', status: 'open' })]);
    expect(doc.audit.map((entry: { action: string; actorRole: string }) => `${entry.action} ${entry.actorRole}`)).toEqual([
      'submit borrower',
      'ask operator',
      'answer borrower',
      'promise borrower',
    ]);
    // The operator is named by role only: their Telegram id is nowhere in the document.
    const text = JSON.stringify(doc);
    expect(text).not.toContain(String(OPERATOR));
    expect(doc.requests[0]).not.toHaveProperty('decidedBy');
    expect(doc.audit[0]).not.toHaveProperty('actorId');
    expect(typeof doc.audit[0].after).toBe('object');
  });

  it("never holds another user's rows: their loan names appear in none of the files", async () => {
    const bot = await lateBorrower();
    await addLoan(bot, 'zebra-secret 5000 6 months 10% annuity first 2027-03-01');
    const other = speaker(bot, { user: 2 });
    bot.clock.set(new Date('2027-01-10T08:00:00+08:00'));
    await other.say('/addloan othersecretloan 8000 6 months 10% annuity first 2027-01-20');
    await other.tap('Save');
    bot.clock.set(new Date('2027-02-05T10:00:00+08:00'));
    await other.say('/paid 1 500');
    await other.tap('Confirm');
    await fileRequest(bot, 'Deferral', { tap: '2 months' }, 2);
    expect(bot.db.$client.prepare('select count(*) as n from hardship_requests where user_id = 2').get()).toEqual({ n: 1 });
    const replies = await bot.say('/export');
    for (const file of files(replies)) {
      const content = decoder.decode(file.content);
      expect(content, file.filename).not.toContain('othersecretloan');
      expect(content, file.filename).toContain(file.filename === 'payments.csv' ? 'payment_id' : 'car');
    }
    const doc = jsonOf(replies);
    expect(doc.loans.map((loan: { name: string }) => loan.name)).toEqual(['car', 'zebra-secret']);
    expect(doc.requests).toEqual([]);
    expect(doc.audit).toEqual([]);
    // And the other way round.
    const theirs = await other.say('/export');
    for (const file of files(theirs)) expect(decoder.decode(file.content)).not.toMatch(/zebra-secret|"car"|,car,/);
  });

  it('CSV files: UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting, Chinese kept, formulas defused', async () => {
    const bot = createTestBot({ now: new Date('2027-01-10T08:00:00+08:00') });
    await addLoan(bot, '招行分期 12000 12期 月费率0.6% 首期2027-02-10', 'zh-CN');
    await addLoan(bot, '"Mum and Dad" 2000 2 months 0% annuity first 2027-02-01');
    await addLoan(bot, '=HYPERLINK 1000 2 months 10% annuity first 2027-02-01');
    const replies = await bot.say('/export');
    const loans = byName(replies, 'loans.csv');
    expect(loans.startsWith('\uFEFFloan_id,name,principal,method,')).toBe(true);
    expect(loans.endsWith('\r\n')).toBe(true);
    const lines = loans.slice(1).split('\r\n');
    expect(lines).toHaveLength(5); // header, three loans, the empty string after the last CRLF
    expect(lines[1]).toMatch(/^1,招行分期,12000\.00,fee,/);
    expect(lines[2]).toMatch(/^2,"""Mum and Dad""",2000\.00,annuity,/);
    expect(lines[3]).toMatch(/^3,'=HYPERLINK,1000\.00,/);
    const installments = byName(replies, 'installments.csv');
    expect(installments.slice(1).split('\r\n')[0]).toBe('loan_id,loan_name,n,due_date,principal,interest,fee,payment,paid,penalty_open');
    expect(installments).toContain('1,招行分期,1,2027-02-10,1000.00,0.00,72.00,1072.00,0.00,0.00\r\n');
    expect(byName(replies, 'payments.csv')).toBe(
      '\uFEFFpayment_id,loan_id,loan_name,paid_on,amount,penalty_paid,late_fee_paid,source,created_at\r\n',
    );
  });

  it('is answered in the user’s language, zh-Hant generated', async () => {
    const bot = await lateBorrower();
    const hant = await bot.say('/export', { lang: 'zh-TW' });
    expect(hant[0]?.text).toContain('我儲存的你的全部資料');
    expect(hant[0]?.text).toContain('借款：1 · 分期：12 · 還款：0');
  });
});
