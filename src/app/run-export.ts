import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase, type OpenDatabaseOptions } from '../db/client.ts';
import { exportUser, type ExportFormat } from '../services/export.ts';

/** What `repaybot export` did: the files written (absolute paths), or why nothing was. */
export type ExportOutcome = { paths: string[]; empty: boolean } | { error: string };

/**
 * `repaybot export`: opens the database at `path` (migrating it, as every run mode does), builds
 * user `userId`'s export at `now` and writes its files (those of `formats`) into `outDir`,
 * created if missing; files of the same name there are replaced. Closes the database.
 */
export function writeUserExport(
  path: string,
  request: { userId: number; formats: readonly ExportFormat[]; outDir: string },
  now: Date = new Date(),
  options: OpenDatabaseOptions = {},
): ExportOutcome {
  const db = openDatabase(path, options);
  let files: ReturnType<NonNullable<ReturnType<typeof exportUser>>['files']>;
  let empty: boolean;
  try {
    const data = exportUser(db, request.userId, now);
    if (!data) return { error: `no user ${request.userId} in ${path}` };
    files = data.files(request.formats);
    empty = data.empty;
  } finally {
    db.$client.close();
  }
  const dir = resolve(request.outDir);
  const paths: string[] = [];
  try {
    mkdirSync(dir, { recursive: true });
    for (const file of files) {
      const target = join(dir, file.filename);
      writeFileSync(target, file.content);
      paths.push(target);
    }
  } catch (error) {
    return { error: `could not write into ${dir}: ${(error as Error).message}` };
  }
  return { paths, empty };
}
