import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/i18n/locales.ts';
import { runConsole } from '../../src/transports/console.ts';
import { ICS, PNG, fakeApp } from './fake-app.ts';

/*
 * The terminal chat with replies that carry files: the file is saved in the files folder and
 * the path printed under the caption, so the user can open it.
 */

let folders: string[] = [];
afterEach(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  folders = [];
});

function freshFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'repaybot-console-test-'));
  folders.push(folder);
  return folder;
}

async function chat(lines: string[], options: { filesDir: string; locale?: Locale }): Promise<string[]> {
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await runConsole({
    app: fakeApp(),
    userId: 1,
    locale: options.locale ?? 'en',
    input,
    output,
    filesDir: options.filesDir,
    now: () => new Date('2027-01-12T01:00:00Z'),
  });
  // The answer to the n-th typed line is after the n-th prompt.
  return Buffer.concat(chunks).toString('utf8').split('> ').slice(1);
}

const savedPaths = (printed: string) => [...printed.matchAll(/📎 Saved: (.+)/g)].map((m) => m[1] ?? '');

describe('the terminal chat shows files', () => {
  it('saves a document and a photo, printing each caption and the saved absolute path', async () => {
    const folder = freshFolder();
    const [answer = ''] = await chat(['/export'], { filesDir: folder });
    const paths = savedPaths(answer);
    expect(paths).toHaveLength(2);
    const [calendar = '', chart = ''] = paths;
    for (const path of paths) {
      expect(isAbsolute(path)).toBe(true);
      expect(path.startsWith(folder)).toBe(true);
    }
    expect(calendar.endsWith('schedule.ics')).toBe(true);
    expect(chart.endsWith('chart.png')).toBe(true);
    expect(readFileSync(calendar)).toEqual(Buffer.from(ICS.content));
    expect(readFileSync(chart)).toEqual(Buffer.from(PNG.content));

    // Caption, then the path, then the buttons, numbered as for any message.
    const lines = answer.split('\n');
    const at = lines.indexOf('Your repayment calendar');
    expect(lines.slice(at, at + 4)).toEqual(['Your repayment calendar', `📎 Saved: ${calendar}`, '[1] Export again', '[2] Done']);
    expect(lines).toContain('Balance over time');
  });

  it('never overwrites an earlier file of the same name, in one run or the next', async () => {
    const folder = freshFolder();
    const [first = ''] = await chat(['/twice'], { filesDir: folder });
    const [second = ''] = await chat(['/export'], { filesDir: folder });
    const paths = [...savedPaths(first), ...savedPaths(second)];
    expect(paths).toHaveLength(4);
    expect(new Set(paths).size).toBe(4);
    expect(readdirSync(folder)).toHaveLength(4);
    for (const path of paths.filter((p) => p.endsWith('.ics'))) expect(readFileSync(path)).toEqual(Buffer.from(ICS.content));
  });

  it('creates the folder when it does not exist yet, and keeps the files private to the user', async () => {
    const folder = join(freshFolder(), 'data', 'files');
    const [answer = ''] = await chat(['/export'], { filesDir: folder });
    const [path = ''] = savedPaths(answer);
    expect(readFileSync(path)).toEqual(Buffer.from(ICS.content));
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o077).toBe(0);
  });

  it('a file without caption prints only the path', async () => {
    const folder = freshFolder();
    const [answer = ''] = await chat(['/bare'], { filesDir: folder });
    const [path = ''] = savedPaths(answer);
    expect(answer.trim()).toBe(`📎 Saved: ${path}`);
  });

  it('says where the file is in the terminal’s language', async () => {
    const folder = freshFolder();
    const [answer = ''] = await chat(['/export'], { filesDir: folder, locale: 'zh-Hans' });
    expect(answer).toMatch(/📎 已保存：.+schedule\.ics/);
  });

  it('a name that tries to leave the folder stays in it', async () => {
    const folder = freshFolder();
    const app = fakeApp();
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    app.handle = async (update) => [
      { chatId: update.chatId, text: 'x', file: { ...ICS, filename: '../../etc/passwd' } },
      { chatId: update.chatId, text: 'y', file: { ...ICS, filename: '..' } },
    ];
    input.end('/export\n');
    await runConsole({ app, userId: 1, locale: 'en', input, output, filesDir: folder });
    const paths = savedPaths(printed);
    expect(paths).toHaveLength(2);
    for (const path of paths) expect(readdirSync(folder)).toContain(path.slice(folder.length + 1));
    expect(paths[0]?.endsWith('passwd')).toBe(true);
  });
});
