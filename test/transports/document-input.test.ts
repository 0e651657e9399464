import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Update } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { SettableClock } from '../../src/core/clock.ts';
import { openDatabase } from '../../src/db/client.ts';
import { telegramDocument, telegramFileAccess } from '../../src/transports/telegram-document.ts';
import { lateBorrower } from '../support/hardship.ts';
import { byInput, runJsonlScript } from '../support/jsonl.ts';
import { FRAMEWORKS, contractHarness } from './contract-harness.ts';

/*
 * A document the user sends reaches the core as a neutral input (issue 13, /import): on Telegram
 * (grammY and Telegraf) with its name and size, its bytes fetched through getFile only when the
 * command asks; in JSON lines as {"user":1,"document":"/path"}.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function withDocument(update: Update, document: { file_id: string; file_name: string; file_size: number }): Update {
  const { text: _text, entities: _entities, ...message } = update.message as NonNullable<Update['message']>;
  return { ...update, message: { ...message, document } as NonNullable<Update['message']> };
}

describe.each(FRAMEWORKS)('%s: a document in a private chat', (framework) => {
  const harness = () =>
    contractHarness(framework, { db: openDatabase(':memory:'), clock: new SettableClock(new Date('2027-02-05T02:00:00Z')) });

  it('a 50 MB document is refused by its size: getFile is never called', async () => {
    const h = harness();
    await h.deliver(withDocument(h.textUpdate('x'), { file_id: 'BIG', file_name: 'export.json', file_size: 50 * 1024 * 1024 }));
    expect(h.take().map((s) => s.text)).toEqual([
      'That file is too large for an export (the limit is 2 MB). Send the JSON file that /export gave you.',
    ]);
    expect(h.calls.map((c) => c.method)).not.toContain('getFile');
  });

  it('a document of a sane size is fetched with getFile (its file id); a failed download gets a clear answer', async () => {
    const h = harness();
    await h.deliver(withDocument(h.textUpdate('x'), { file_id: 'SMALL', file_name: 'export.json', file_size: 1200 }));
    expect(h.calls.find((c) => c.method === 'getFile')?.payload).toMatchObject({ file_id: 'SMALL' });
    // The fake Bot API's getFile gives no file_path, so there is nothing to download.
    expect(h.take().map((s) => s.text)).toEqual(['I could not download that file. Please send it again.']);
  });
});

describe('telegramDocument', () => {
  it('downloads the bytes from the file URL getFile names, only when asked', async () => {
    const bytes = new TextEncoder().encode('{"format":"repaybot-export"}');
    const requested: string[] = [];
    const server = createServer((request, response) => {
      requested.push(request.url ?? '');
      if (request.url === '/file/bot1:TOKEN/documents/file_7.json') response.end(Buffer.from(bytes));
      else response.writeHead(404).end();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const gets: string[] = [];
      const document = telegramDocument(
        { file_id: 'F7', file_name: 'export.json', file_size: bytes.length, mime_type: 'application/json' },
        telegramFileAccess(root, '1:TOKEN', async (id) => {
          gets.push(id);
          return { file_path: 'documents/file_7.json' };
        }),
      );
      expect(document).toMatchObject({ fileName: 'export.json', size: bytes.length, mime: 'application/json' });
      expect(gets).toEqual([]);
      expect(await document.fetch()).toEqual(bytes);
      expect(gets).toEqual(['F7']);
      const missing = telegramDocument(
        { file_id: 'F8' },
        telegramFileAccess(root, '1:TOKEN', async () => ({ file_path: 'nope' })),
      );
      await expect(missing.fetch()).rejects.toThrow('HTTP 404');
    } finally {
      server.close();
    }
  });
});

describe('JSON lines: {"user":1,"document":"/path"}', () => {
  it('sends the file as a document: an export round trip through /import, and a clear error for a missing path', async () => {
    const source = await lateBorrower();
    const exported = (await source.say('/export')).find((m) => m.file?.filename.endsWith('.json'))?.file?.content;
    const dir = mkdtempSync(join(tmpdir(), 'repaybot-doc-'));
    dirs.push(dir);
    const good = join(dir, 'repaybot-export.json');
    writeFileSync(good, exported ?? '');
    const path = join(dir, 'export.json');
    writeFileSync(
      path,
      JSON.stringify({
        format: 'repaybot-export',
        version: 2,
        exportedAt: '2027-01-10T02:00:00.000Z',
        user: {},
        loans: [],
      }),
    );
    const restored = byInput(await runJsonlScript([{ user: 1, document: good }], '2027-02-05T10:00:00+08:00'));
    const preview = restored[0]?.[0];
    expect(preview?.text).toContain('Loans: 1 · installments: 12 · payments: 0 · penalty entries: 0');
    const importData = preview?.buttons?.flat().find((b) => b.label === 'Import')?.data;
    expect(importData).toMatch(/^import:/);
    const out = byInput(
      await runJsonlScript([
        { user: 1, document: path },
        { user: 1, document: join(dir, 'missing.json') },
      ]),
    );
    expect(out[0]?.[0]?.text).toContain('That export is of a newer format (version 2)');
    expect(out[1]?.[0]?.error).toMatch(/^line 2: .*ENOENT/);
  });
});
