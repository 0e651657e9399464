import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { IncomingDocument } from '../core/types.ts';

/*
 * A document sent from this machine (JSON lines' {"document": path}, the terminal's
 * `/import path`): its name and size from the file system now, its bytes read only when the
 * command asks for them, as Telegram's getFile would be called only then.
 */

/** The file at `path` as a document; throws (ENOENT, EISDIR …) when it is not a readable file. */
export async function documentAt(path: string): Promise<IncomingDocument> {
  const full = resolve(path);
  const info = await stat(full);
  if (!info.isFile()) throw new Error(`${path} is not a file`);
  return {
    fileName: basename(full),
    size: info.size,
    fetch: async () => new Uint8Array(await readFile(full)),
  };
}
