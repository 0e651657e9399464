import { resolve } from 'node:path';
import type { Config } from '../config.ts';
import { BackupError, type CheckedBackup, checkBackup, discardStaged, stageRestore, swapIn } from '../db/backup.ts';
import { openDatabase } from '../db/client.ts';
import { liveHolders } from './db-holders.ts';

/** What a restore did: the database replaced (and where the old one was kept), or why nothing changed. */
export type RestoreOutcome = { restored: CheckedBackup; kept: string | undefined } | { error: string };

/**
 * `repaybot restore PATH`: checks the backup (read-only: integrity, repaybot's tables, a schema
 * this build knows), refuses while a bot holds DATABASE_PATH, copies the backup beside the
 * database and opens the copy once (the configured driver and key; migrations brought up to this
 * build), and only then swaps it in, keeping the old database as `<db>.before-restore-<stamp>`.
 * Any refusal or failure leaves the database as it was.
 */
export async function runRestore(config: Config, backupPath: string, now: Date): Promise<RestoreOutcome> {
  const databasePath = config.DATABASE_PATH;
  if (resolve(backupPath) === resolve(databasePath)) return { error: `${backupPath} is the database itself (DATABASE_PATH)` };
  let checked: CheckedBackup;
  try {
    checked = checkBackup(backupPath, undefined, config.DATABASE_KEY);
  } catch (error) {
    if (error instanceof BackupError) return { error: `not restored: ${error.message}` };
    throw error;
  }
  const holding = () => {
    const holders = liveHolders(databasePath);
    if (holders.length === 0) return undefined;
    const who = holders.map((h) => `pid ${h.pid} (repaybot ${h.command}, since ${h.since})`).join(', ');
    return `not restored: a bot has ${databasePath} open: ${who}. Stop it first, then restore.`;
  };
  const busy = holding();
  if (busy) return { error: busy };
  let staged: string;
  try {
    staged = await stageRestore(backupPath, databasePath, config.DATABASE_KEY);
  } catch (error) {
    if (error instanceof BackupError) return { error: `not restored: ${error.message}` };
    throw error;
  }
  try {
    openDatabase(staged, { key: config.DATABASE_KEY }).$client.close();
  } catch (error) {
    discardStaged(staged);
    const why = error instanceof Error ? error.message.replace(/^DATABASE_PATH: \S+ /, '') : String(error);
    return { error: `not restored: ${backupPath} could not be opened as the database: ${why}` };
  }
  // A bot may have started while the copy was made.
  const late = holding();
  if (late) {
    discardStaged(staged);
    return { error: late };
  }
  const kept = swapIn(staged, databasePath, now);
  return { restored: checked, kept };
}
