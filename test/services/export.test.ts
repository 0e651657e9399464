import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { csvCell, csvText, exportUser } from '../../src/services/export.ts';
import { OPERATOR, decide, fileRequest, lateBorrower } from '../support/hardship.ts';

/* The export use case below the chat: the document's shape, CSV cells, and what is left out. */

describe('exportUser', () => {
  it('is undefined for a user the database does not know', () => {
    expect(exportUser(openDatabase(':memory:'), 42, new Date('2027-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('a decided request: the operator who decided is named nowhere, in the request or in its audit snapshots', async () => {
    const bot = await lateBorrower();
    await fileRequest(bot, 'Deferral', { tap: '2 months' });
    await decide(bot, OPERATOR, 'reject', 1, 'Not possible.');
    const data = exportUser(bot.db, 1, bot.clock.now());
    if (!data) throw new Error('no export');
    const [request] = data.document.requests;
    expect(request).toMatchObject({ status: 'rejected', decisionNote: 'Not possible.' });
    expect(request).not.toHaveProperty('decidedBy');
    const decision = data.document.audit.find((entry) => entry.action === 'decide');
    expect(decision).toMatchObject({ actorRole: 'operator', requestId: 1 });
    expect(decision?.after).toMatchObject({ status: 'rejected' });
    expect(decision?.after).not.toHaveProperty('decidedBy');
    expect(JSON.stringify(data.document)).not.toContain(String(OPERATOR));
    expect(data.counts).toEqual({ loans: 1, installments: 12, payments: 0, requests: 1, promises: 0, audit: 2 });
    expect(data.empty).toBe(false);
  });

  it('files() gives the formats asked for, JSON first', async () => {
    const bot = await lateBorrower();
    const data = exportUser(bot.db, 1, bot.clock.now());
    expect(data?.files(['json']).map((f) => f.filename)).toEqual(['repaybot-export-2027-02-05.json']);
    expect(data?.files(['csv']).map((f) => f.filename)).toEqual(['loans.csv', 'installments.csv', 'payments.csv']);
    const json = new TextDecoder().decode(data?.files(['json'])[0]?.content);
    expect(json.endsWith('}\n')).toBe(true);
    expect(JSON.parse(json).loans[0].installments[0].principal).toBe('788.49');
  });
});

describe('CSV (RFC 4180, UTF-8 with BOM, CRLF)', () => {
  it('quotes a field with a comma, a quote, CR or LF and doubles its quotes; leaves others bare', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(false)).toBe('false');
    expect(csvCell({ graceDays: 5 })).toBe('"{""graceDays"":5}"');
  });

  it('text a spreadsheet would run as a formula gets an apostrophe; amounts are never touched', () => {
    expect(csvCell('=SUM(A1)', { text: true })).toBe("'=SUM(A1)");
    expect(csvCell('+1', { text: true })).toBe("'+1");
    expect(csvCell('@cmd', { text: true })).toBe("'@cmd");
    expect(csvCell('-x,y', { text: true })).toBe(`"'-x,y"`);
    expect(csvCell('花呗', { text: true })).toBe('花呗');
    expect(csvCell('-5.00')).toBe('-5.00');
  });

  it('a file: BOM, header, records, CRLF after each line, the last too', () => {
    expect(csvText(['a', 'b'], [['1', '2']])).toBe('\uFEFFa,b\r\n1,2\r\n');
    expect(csvText(['a'], [])).toBe('\uFEFFa\r\n');
  });
});
