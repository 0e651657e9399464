import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ReplyFile } from '../core/types.ts';

/*
 * Where the terminal chat and the JSON-lines transport put a reply's file: one folder, a new file
 * per reply, never overwriting an earlier one (two exports of the same schedule both stay).
 */

/** A file name safe on every file system: no folders, no control or reserved characters, not hidden. */
export function safeFilename(name: string): string {
  const base = name.split(/[/\\]/).at(-1) ?? '';
  const cleaned = base
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._]+/, '')
    .slice(-100);
  return cleaned === '' ? 'file' : cleaned;
}

function stampOf(now: Date): string {
  // 2027-01-12T01:00:00.000Z → 20270112-010000: sorts by time, readable, no ':' (Windows).
  return now
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/-/g, '')
    .replace('T', '-')
    .replace(/:/g, '');
}

export interface FileSaver {
  /** Writes the file into the folder and returns its absolute path. */
  save(file: ReplyFile): Promise<string>;
}

/**
 * Saves files as `<time>-<n>-<name>` in `folder` (created on first use, private to this user:
 * the files hold loan details). The counter, and exclusive creation, keep two files from ever
 * sharing a name, even across runs within the same second.
 */
export function fileSaver(folder: string | (() => Promise<string>), now: () => Date = () => new Date()): FileSaver {
  let counter = 0;
  let ready: Promise<string> | undefined;
  const folderReady = () =>
    (ready ??= (async () => {
      const path = resolve(typeof folder === 'string' ? folder : await folder());
      await mkdir(path, { recursive: true, mode: 0o700 });
      return path;
    })().catch((error: unknown) => {
      ready = undefined; // try again with the next file (the disk may have been full)
      throw error;
    }));
  return {
    async save(file) {
      const dir = await folderReady();
      const name = safeFilename(file.filename);
      for (;;) {
        counter += 1;
        const path = join(dir, `${stampOf(now())}-${counter}-${name}`);
        try {
          await writeFile(path, file.content, { flag: 'wx', mode: 0o600 });
          return path;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
      }
    },
  };
}
