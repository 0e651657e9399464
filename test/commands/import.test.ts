import { describe, expect, it } from 'vitest';
import type { IncomingDocument, OutgoingMessage } from '../../src/core/types.ts';
import type { Db } from '../../src/db/client.ts';
import { createTestBot, texts, type TestBot } from '../support/bot.ts';
import { ADDED, CAR, LATE, addLoan, hardshipBot, lateBorrower, speaker } from '../support/hardship.ts';

/*
 * /import as a borrower uses it: their JSON export sent back as a document, a preview, Import.
 * The round trip of issue 13's "Done when": /export, /forget, /import (on the same instance and on
 * a fresh one) gives back the same loans and payments, to the cent, as /schedule and /status show.
 */

const EXPORT_NAME = 'repaybot-export-2027-02-05.json';

function exportBytes(messages: OutgoingMessage[]): Uint8Array {
  const file = messages.find((m) => m.file?.filename.endsWith('.json'))?.file;
  if (!file) throw new Error('no JSON export');
  return file.content;
}

/** A document as a transport hands it over; `fetched` counts the downloads. */
function documentOf(bytes: Uint8Array, size: number | undefined = bytes.byteLength) {
  const state = { fetched: 0 };
  const document: IncomingDocument = {
    fileName: EXPORT_NAME,
    ...(size !== undefined && { size }),
    mime: 'application/json',
    fetch: async () => {
      state.fetched += 1;
      return bytes;
    },
  };
  return { document, state };
}

const send = (bot: TestBot, document: IncomingDocument, options: { user?: number; chatId?: number; lang?: string } = {}) =>
  bot.runtime.app.handle({
    userId: options.user ?? 1,
    chatId: options.chatId ?? options.user ?? 1,
    languageCode: options.lang ?? 'en',
    document,
  });

/** Presses the button with this label on these replies. */
function pressIn(bot: TestBot, messages: OutgoingMessage[], label: string, user = 1) {
  const data = messages.flatMap((m) => m.buttons?.flat() ?? []).find((b) => b.label === label)?.data;
  if (!data) throw new Error(`no button "${label}"`);
  return bot.press(data, { user });
}

type Row = Record<string, unknown>;
interface ExportJson {
  loans: (Row & { installments: Row[]; payments: Row[]; penaltyEntries: Row[] })[];
}
const readExport = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as ExportJson;

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** What the borrower sees of their loans: /loans, /schedule of each and /status (texts only: button data holds ids). */
async function whatTheBorrowerSees(bot: TestBot, names: string[]): Promise<string[]> {
  const views = [texts(await bot.say('/status')), texts(await bot.say('/loans'))];
  for (const name of names) views.push(texts(await bot.say(`/schedule ${name}`)));
  return views;
}

/** The car loan 21 days late, a payment of 500 on it, the lender's penalty figure, and a second loan. */
async function borrowerWithHistory(): Promise<TestBot> {
  const bot = hardshipBot({ now: ADDED });
  await addLoan(bot, CAR);
  await addLoan(bot, 'phone 3000 6 months 0.6% monthly fee first 2027-02-01');
  bot.clock.set(new Date(LATE));
  await bot.say('/paid car 500');
  await bot.pressLabel('Confirm');
  await bot.say('/penalty car');
  await bot.say('12.30');
  return bot;
}

const loansOf = (db: Db, user: number) =>
  db.$client.prepare('SELECT id, name, principal FROM loans WHERE user_id = ? ORDER BY id').all(user) as { id: number; name: string }[];

describe('/import', () => {
  it('round trip: /export, /forget, /import brings the same loans and payments back, to the cent (same instance and a fresh one)', async () => {
    const bot = await borrowerWithHistory();
    const before = await whatTheBorrowerSees(bot, ['car', 'phone']);
    expect(before[0]).toContain('car');
    const bytes = exportBytes(await bot.say('/export'));

    await bot.say('/forget');
    await bot.say('FORGET');
    expect(loansOf(bot.db, 1)).toEqual([]);

    const preview = await send(bot, documentOf(bytes).document);
    expect(texts(preview)).toContain('📥 The export of 2027-02-05 (Fri) holds:');
    expect(texts(preview)).toContain('Loans: 2 · installments: 18 · payments: 1 · penalty entries: 1');
    expect(texts(preview)).toContain('Borrowed in all: 13,000.00 · paid in all: 500.00');
    expect(texts(preview)).toContain('Your settings (language, time zone, reminders) are taken from the export.');
    expect(texts(preview)).toContain('Not imported: hardship requests (0), promises to pay (0) and history entries (0)');
    expect(texts(await pressIn(bot, preview, 'Import'))).toBe('✅ Imported: car, phone. Payments restored: 1. /loans shows them.');
    expect(await whatTheBorrowerSees(bot, ['car', 'phone'])).toEqual(before);

    // A fresh instance, its own database, the same clock.
    const fresh = createTestBot({ now: new Date(LATE) });
    await pressIn(fresh, await send(fresh, documentOf(bytes).document), 'Import');
    expect(await whatTheBorrowerSees(fresh, ['car', 'phone'])).toEqual(before);
    // Re-exported, the money is the same to the cent.
    const again = readExport(exportBytes(await fresh.say('/export')));
    const original = readExport(bytes);
    const money = (doc: ExportJson) =>
      doc.loans.map((loan) => ({
        name: loan.name,
        principal: loan.principal,
        // penaltyOpen is left out: a cache "as of the last change to the loan's ledger" (schema.ts), which the
        // import books as of today; what is owed today is compared through /status and /schedule above.
        installments: loan.installments.map(({ id: _id, penaltyOpen: _cache, ...row }) => row),
        payments: loan.payments.map((p) => [p.amount, p.paidOn]),
        penalties: loan.penaltyEntries.map((e) => [e.kind, e.amount, e.on]),
      }));
    expect(money(again)).toEqual(money(original));
  });

  it('an export from another bot whose ids clash: new ids, nothing of another user touched; a name already taken gets " (2)"', async () => {
    const source = await lateBorrower();
    const bytes = exportBytes(await source.say('/export'));
    // The target instance: user 2's loan has id 1, as the export's car loan does; user 1 already has a "car".
    const target = hardshipBot({ now: ADDED });
    const other = speaker(target, { user: 2 });
    await other.say('/addloan van 20000 24 months 8% annuity first 2027-03-10');
    await other.tap('Save');
    expect(loansOf(target.db, 2).map((loan) => loan.id)).toEqual([1]);
    await addLoan(target, 'car 5000 5 months 5% annuity first 2027-03-01');
    target.clock.set(new Date(LATE));
    const otherBefore = target.db.$client.prepare('SELECT * FROM installments WHERE loan_id = 1').all();
    const user2Loans = loansOf(target.db, 2);

    const previewed = await send(target, documentOf(bytes).document);
    const preview = texts(previewed);
    expect(preview).toContain('“car” comes in as “car (2)”: you already have a loan by that name.');
    expect(preview).toContain('Your settings here stay as they are.');
    await pressIn(target, previewed, 'Import');
    expect(loansOf(target.db, 2)).toEqual(user2Loans);
    expect(target.db.$client.prepare('SELECT * FROM installments WHERE loan_id = 1').all()).toEqual(otherBefore);
    const mine = loansOf(target.db, 1);
    expect(mine.map((loan) => loan.name)).toEqual(['car', 'car (2)']);
    expect(mine.every((loan) => loan.id !== 1)).toBe(true);
    expect(texts(await target.say('/schedule car (2)'))).toContain('888.49');
  });

  it('refuses a 50 MB document by its size, before downloading it', async () => {
    const bot = await lateBorrower();
    const { document, state } = documentOf(new Uint8Array(0), 50 * 1024 * 1024);
    expect(texts(await send(bot, document))).toBe(
      'That file is too large for an export (the limit is 2 MB). Send the JSON file that /export gave you.',
    );
    expect(state.fetched).toBe(0);
    // Without a size from the transport, the bytes are measured.
    const big = documentOf(new Uint8Array(3 * 1024 * 1024), undefined);
    expect(texts(await send(bot, big.document))).toContain('too large');
  });

  it('a truncated or corrupted file, another JSON file, a newer version, a bad field: a clear answer and nothing changed', async () => {
    const source = await lateBorrower();
    const bytes = exportBytes(await source.say('/export'));
    const original = JSON.parse(new TextDecoder().decode(bytes));
    const bot = createTestBot({ now: new Date(LATE) });
    const answer = async (content: Uint8Array, lang = 'en') => texts(await send(bot, documentOf(content).document, { lang }));

    expect(await answer(bytes.slice(0, Math.floor(bytes.length / 2)))).toBe(
      'I could not read that file: it is not complete JSON (it may have been cut short or changed). Send the JSON file that /export gave you, unchanged.',
    );
    const corrupted = bytes.slice();
    corrupted.fill(0xff, 100, 140);
    expect(await answer(corrupted)).toContain('not complete JSON');
    expect(await answer(encode({ hello: 'world' }))).toBe('That file is not a repaybot export. Send the JSON file that /export gave you.');
    expect(await answer(encode({ ...original, version: 2 }))).toBe(
      'That export is of a newer format (version 2); this bot reads up to version 1. Ask whoever runs this bot to update it, then send the file again.',
    );
    expect(await answer(encode({ ...original, version: 2 }), 'zh-CN')).toContain('格式较新（版本 2）');
    const badMoney = structuredClone(original);
    badMoney.loans[0].payments = [{ id: 1, amount: '1e4', paidOn: '2027-01-15', source: 'user', createdAt: 'x' }];
    expect(await answer(encode(badMoney))).toBe(
      'That export has a field I cannot accept (loans.0.payments.0.amount), so nothing was imported. Send the JSON file that /export gave you, unchanged.',
    );
    const negative = structuredClone(original);
    negative.loans[0].payments = [{ id: 1, amount: '-500.00', paidOn: '2027-01-15', source: 'user', createdAt: 'x' }];
    expect(await answer(encode(negative))).toContain('(loans.0.payments.0.amount)');
    const badMethod = structuredClone(original);
    badMethod.loans[0].method = 'magic';
    expect(await answer(encode(badMethod))).toContain('a field I cannot accept');
    expect(loansOf(bot.db, 1)).toEqual([]);
    expect(bot.db.$client.prepare('SELECT count(*) FROM form_states').pluck().get()).toBe(0);
  });

  it('Cancel imports nothing; Import works once; in a group chat it is refused; /import alone says how', async () => {
    const source = await lateBorrower();
    const bytes = exportBytes(await source.say('/export'));
    const bot = createTestBot({ now: new Date(LATE) });
    expect(texts(await bot.say('/import'))).toContain('Send me the JSON file that /export gave you');
    expect(texts(await send(bot, documentOf(bytes).document, { chatId: -555 }))).toContain('only in a private chat');
    expect(texts(await pressIn(bot, await send(bot, documentOf(bytes).document), 'Cancel'))).toBe('Nothing was imported.');
    expect(loansOf(bot.db, 1)).toEqual([]);
    const preview = await send(bot, documentOf(bytes).document);
    const importData = preview[0]?.buttons?.flat().find((b) => b.label === 'Import')?.data ?? '';
    await bot.press(importData);
    expect(texts(await bot.press(importData))).toContain('no longer');
    expect(loansOf(bot.db, 1)).toHaveLength(1);
    // Another user pressing the first user's button touches nothing.
    const again = await send(bot, documentOf(bytes).document);
    const data = again[0]?.buttons?.flat().find((b) => b.label === 'Import')?.data ?? '';
    await bot.press(data, { user: 2 });
    expect(loansOf(bot.db, 2)).toEqual([]);
    expect(loansOf(bot.db, 1)).toHaveLength(1);
  });

  it('a document nobody asked for outside /import gets a short answer when no command takes documents', async () => {
    const bot = createTestBot({ now: new Date(LATE) });
    const answer = texts(await send(bot, documentOf(encode({ hello: 1 })).document));
    expect(answer).toBe('That file is not a repaybot export. Send the JSON file that /export gave you.');
  });
});
