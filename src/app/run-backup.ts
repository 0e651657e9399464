import { existsSync, mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config.ts';
import { BackupError, backupTo, defaultBackupDir, nextBackupPath, rotateBackups } from '../db/backup.ts';
import { openDatabase } from '../db/client.ts';

/** What a backup did: the file written and the old backups rotated out, or why nothing was written. */
export type BackupOutcome = { path: string; bytes: number; rotated: string[] } | { error: string };

/** BACKUP_DIR, or `backups` beside the database. */
export const backupDirOf = (config: Pick<Config, 'BACKUP_DIR' | 'DATABASE_PATH'>): string =>
  resolve(config.BACKUP_DIR ?? defaultBackupDir(config.DATABASE_PATH));

/**
 * A stamped backup of the database open on `sqlite` into `dir` (created if missing), then the
 * oldest stamped backups there beyond `keep` deleted: what BACKUP_CRON runs, and
 * `repaybot backup` without a path.
 */
export async function backupIntoFolder(
  sqlite: Parameters<typeof backupTo>[0],
  dir: string,
  keep: number,
  now: Date,
): Promise<{ path: string; bytes: number; rotated: string[] }> {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new BackupError(`cannot create the backup folder ${dir}: ${(error as Error).message.split('\n')[0]}`);
  }
  const written = await backupTo(sqlite, nextBackupPath(dir, now));
  return { ...written, rotated: rotateBackups(dir, keep) };
}

/**
 * `repaybot backup [PATH]`: a consistent copy of DATABASE_PATH while the bot may be writing it.
 * Without PATH (or with a folder) it gets the stamped name of `now`; only BACKUP_DIR is rotated.
 */
export async function runBackup(config: Config, target: string | undefined, now: Date): Promise<BackupOutcome> {
  if (!existsSync(config.DATABASE_PATH)) return { error: `DATABASE_PATH: ${config.DATABASE_PATH} does not exist: nothing to back up` };
  const db = openDatabase(config.DATABASE_PATH, { key: config.DATABASE_KEY });
  try {
    if (target === undefined) return await backupIntoFolder(db.$client, backupDirOf(config), config.BACKUP_KEEP, now);
    const isFolder = existsSync(target) && statSync(target).isDirectory();
    const written = await backupTo(db.$client, isFolder ? nextBackupPath(resolve(target), now) : target);
    return { ...written, rotated: [] };
  } catch (error) {
    if (error instanceof BackupError) return { error: error.message };
    throw error;
  } finally {
    db.$client.close();
  }
}
