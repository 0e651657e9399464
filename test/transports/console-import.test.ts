import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { SettableClock } from '../../src/core/clock.ts';
import { openDatabase } from '../../src/db/client.ts';
import { silentLogger } from '../../src/log.ts';
import { runConsole } from '../../src/transports/console.ts';
import { testCore } from '../support/bot.ts';
import { lateBorrower } from '../support/hardship.ts';

/* The terminal chat's `/import PATH` (issue 13): the file at PATH is sent as a document. */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function chat(lines: string[]): Promise<string[]> {
  const app = testCore({
    db: openDatabase(':memory:'),
    clock: new SettableClock(new Date('2027-02-05T02:00:00Z')),
    logger: silentLogger(),
  });
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await runConsole({ app, userId: 1, locale: 'en', input, output });
  return Buffer.concat(chunks).toString('utf8').split('> ');
}

describe('terminal chat: /import PATH', () => {
  it('sends the file as a document: preview, Import by its number, the loan is there; a missing file is named', async () => {
    const source = await lateBorrower();
    const exported = (await source.say('/export')).find((m) => m.file?.filename.endsWith('.json'))?.file?.content;
    const dir = mkdtempSync(join(tmpdir(), 'repaybot-console-import-'));
    dirs.push(dir);
    const path = join(dir, 'my export.json');
    writeFileSync(path, exported ?? '');
    const answers = await chat([`/import ${path}`, '1', '/loans', `/import ${join(dir, 'gone.json')}`]);
    expect(answers[1]).toContain('📥 The export of 2027-02-05 (Fri) holds:');
    expect(answers[1]).toContain('[1] Import   [2] Cancel');
    expect(answers[2]).toContain('✅ Imported: car.');
    expect(answers[3]).toContain('car');
    expect(answers[4]).toContain(`I could not open ${join(dir, 'gone.json')}: ENOENT`);
  });
});
