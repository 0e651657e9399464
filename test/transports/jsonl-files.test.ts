import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { SettableClock } from '../../src/core/clock.ts';
import { runJsonl } from '../../src/transports/jsonl.ts';
import { BUTTONS, ICS, OPERATOR_CHAT, PNG, fakeApp } from './fake-app.ts';

/*
 * The JSON-lines interface with files (../shared/design.md): a file is written to a folder and
 * its line is {"chat", "document" | "photo": absolute path, "caption"}, plus "buttons" when the
 * message has some.
 */

let folders: string[] = [];
afterEach(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  folders = [];
});

type Line = Record<string, unknown>;

async function script(lines: object[], filesDir?: string): Promise<Line[]> {
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const clock = new SettableClock(new Date('2027-01-12T01:00:00Z'));
  const done = runJsonl({ app: fakeApp(), clock, input, output, ...(filesDir !== undefined && { filesDir }) });
  for (const line of lines) input.write(`${JSON.stringify(line)}\n`);
  input.end();
  await done;
  return Buffer.concat(chunks)
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Line);
}

describe('JSON lines with files', () => {
  it('prints a document and a photo in the documented shape, with the bytes at those paths', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'repaybot-jsonl-test-'));
    folders.push(folder);
    const out = await script([{ user: 42, text: '/export' }], folder);
    expect(out).toHaveLength(3);
    const [document, photo, done] = out as [Line, Line, Line];
    expect(document).toEqual({ chat: 42, document: expect.any(String), caption: 'Your repayment calendar', buttons: BUTTONS });
    expect(photo).toEqual({ chat: 42, photo: expect.any(String), caption: 'Balance over time' });
    expect(done).toEqual({ done: true });

    const documentPath = String(document.document);
    const photoPath = String(photo.photo);
    for (const path of [documentPath, photoPath]) {
      expect(isAbsolute(path)).toBe(true);
      expect(dirname(path)).toBe(folder);
    }
    expect(documentPath.endsWith('schedule.ics')).toBe(true);
    expect(photoPath.endsWith('chart.png')).toBe(true);
    expect(readFileSync(documentPath)).toEqual(Buffer.from(ICS.content));
    expect(readFileSync(photoPath)).toEqual(Buffer.from(PNG.content));
  });

  it('by default writes into a new private folder under the system temp folder, one file per message', async () => {
    const out = await script([
      { user: 7, text: '/twice' },
      { user: 7, text: '/twice' },
    ]);
    const paths = out.filter((line) => 'document' in line).map((line) => String(line.document));
    expect(paths).toHaveLength(4);
    expect(new Set(paths).size).toBe(4);
    const folder = dirname(paths[0] ?? '');
    folders.push(folder);
    expect(folder.startsWith(tmpdir())).toBe(true);
    for (const path of paths) {
      expect(dirname(path)).toBe(folder);
      expect(readFileSync(path)).toEqual(Buffer.from(ICS.content));
    }
    if (process.platform !== 'win32') expect(statSync(folder).mode & 0o077).toBe(0);
  });

  it('a message to another chat comes out on the same stream with its own chat', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'repaybot-jsonl-test-'));
    folders.push(folder);
    const out = await script([{ user: 42, text: '/notify' }], folder);
    expect(out[0]).toEqual({ chat: 42, text: 'Sent to the team.', buttons: [] });
    expect(out[1]).toMatchObject({ chat: OPERATOR_CHAT, caption: 'A request to review' });
    expect(readFileSync(String(out[1]?.document))).toEqual(Buffer.from(ICS.content));
    expect(out[2]).toEqual({ done: true });
  });

  it('a text message keeps its shape: text and buttons, always with "buttons"', async () => {
    const out = await script([{ user: 3, text: 'hello' }]);
    expect(out).toEqual([{ chat: 3, text: 'echo hello', buttons: [] }, { done: true }]);
  });
});
