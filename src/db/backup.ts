import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { copyEncrypted, isEncrypted } from './encryption.ts';
import { CORE_TABLES, type KnownMigration, knownMigrations, openReadOnly, schemaState, tableNames } from './read-only.ts';

/*
 * Backups and restore (issue 13). A backup is SQLite's online backup API run on an open
 * connection: a consistent copy even while the bot writes, taken in one step (a step-wise copy
 * restarts each time another process commits, and under steady writes might never finish).
 * Every file is written under a temporary name in the target folder and renamed into place, so a
 * failure leaves nothing half-written behind.
 */

/** A backup or restore that could not be done, with why, in one line. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Scheduled and default backups: `repaybot-20270110-080000Z.sqlite` (UTC), so names sort by time. */
const BACKUP_NAME = /^repaybot-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})Z(?:-(\d+))?\.sqlite$/;

/** BACKUP_DIR when unset: `backups` beside the database. */
export function defaultBackupDir(databasePath: string): string {
  return join(dirname(resolve(databasePath)), 'backups');
}

/** 2027-01-10T08:00:00.123Z → 20270110-080000Z */
export function stamp(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '')
    .replace('T', '-');
}

export function backupFileName(now: Date, n = 0): string {
  return `repaybot-${stamp(now)}${n > 0 ? `-${n}` : ''}.sqlite`;
}

export interface BackupFile {
  path: string;
  name: string;
  /** The instant in its name. */
  takenAt: Date;
}

/** The backups in `dir` named as repaybot names them, oldest first; none when the folder is missing. */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const files: BackupFile[] = [];
  for (const name of names) {
    const m = BACKUP_NAME.exec(name);
    if (!m) continue;
    const takenAt = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
    if (!Number.isNaN(takenAt.getTime())) files.push({ path: join(dir, name), name, takenAt });
  }
  return files.sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime() || Number(suffix(a.name)) - Number(suffix(b.name)));
}

const suffix = (name: string) => BACKUP_NAME.exec(name)?.[7] ?? '0';

/** Deletes the oldest backups in `dir` beyond the newest `keep`; returns the paths deleted. Other files are never touched. */
export function rotateBackups(dir: string, keep: number): string[] {
  const files = listBackups(dir);
  const old = files.slice(0, Math.max(0, files.length - keep));
  for (const file of old) rmSync(file.path, { force: true });
  return old.map((file) => file.path);
}

const canWrite = (path: string): boolean => {
  try {
    accessSync(path, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Why `folder` cannot take a new file, or undefined when it can. */
function folderProblem(folder: string): string | undefined {
  let entry: ReturnType<typeof statSync>;
  try {
    entry = statSync(folder);
  } catch {
    return `${folder} does not exist`;
  }
  if (!entry.isDirectory()) return `${folder} is not a folder`;
  if (!canWrite(folder)) return `${folder} is not writable (no permission)`;
  return undefined;
}

let temporaries = 0;

/** A name beside `target` for writing it first: hidden, unique to this process. */
function temporaryBeside(target: string): string {
  temporaries += 1;
  return join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${temporaries}`);
}

function removeWithJournals(path: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

/** Flushes a file (or folder) to disk: a rename is durable only once both are. */
function flush(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // A folder cannot be opened for fsync on every system; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Copies the database open on `source` to `target` with SQLite's backup API, all pages in one
 * step, through a temporary file renamed into place. `target` must not exist; its folder must.
 * An encrypted database (DATABASE_KEY) is copied with VACUUM INTO instead, encrypted with the same
 * key (src/db/encryption.ts says why). Returns the size written.
 */
export async function backupTo(source: Database.Database, target: string): Promise<{ path: string; bytes: number }> {
  const path = resolve(target);
  const problem = folderProblem(dirname(path));
  if (problem) throw new BackupError(`cannot write the backup ${path}: ${problem}`);
  if (existsSync(path)) throw new BackupError(`cannot write the backup ${path}: a file of that name exists (choose another name)`);
  const temporary = temporaryBeside(path);
  try {
    // The first step only starts the copy; the second takes every page at once (see above).
    await copy(source, temporary);
    flush(temporary);
    renameSync(temporary, path);
    flush(dirname(path));
  } catch (error) {
    removeWithJournals(temporary);
    throw new BackupError(`cannot write the backup ${path}: ${messageOf(error)}`);
  }
  return { path, bytes: statSync(path).size };
}

/** A consistent copy of the open database into the new file `target`: encrypted as the source is. */
async function copy(source: Database.Database, target: string): Promise<void> {
  if (isEncrypted(source)) copyEncrypted(source, target);
  else await source.backup(target, { progress: () => 0x7fffffff });
}

/** The default target in `dir` for a backup at `now`: the stamped name, numbered if taken. */
export function nextBackupPath(dir: string, now: Date): string {
  for (let n = 0; ; n++) {
    const path = join(dir, backupFileName(now, n));
    if (!existsSync(path)) return path;
  }
}

function messageOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_CANTOPEN') return 'permission denied, or the folder cannot be written';
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return 'the disk is full';
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error';
}

// --- restore -------------------------------------------------------------------------------------

/** What a file offered for restore holds, once it passed every check. */
export interface CheckedBackup {
  path: string;
  migrations: number;
  /** Rows of the core tables, for the operator to recognise the backup. */
  counts: Record<(typeof CORE_TABLES)[number], number>;
}

/**
 * Checks that `path` is a healthy repaybot database this build can open: it opens read-only,
 * `PRAGMA integrity_check` says ok, it has repaybot's tables and drizzle's migration journal,
 * and no migration newer than this build's. Throws BackupError with the reason otherwise.
 */
export function checkBackup(path: string, known: KnownMigration[] = knownMigrations(), key?: string): CheckedBackup {
  let entry: ReturnType<typeof statSync>;
  try {
    entry = statSync(path);
  } catch {
    throw new BackupError(`${path} does not exist`);
  }
  if (!entry.isFile()) throw new BackupError(`${path} is not a file`);
  if (entry.size === 0) throw new BackupError(`${path} is empty, not a repaybot database`);
  let db: ReturnType<typeof openReadOnly> | undefined;
  try {
    db = openReadOnly(path, key);
    const integrity = db.sqlite.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new BackupError(`${path} is corrupt (integrity_check: ${String(integrity).split('\n')[0]})`);
    const tables = tableNames(db.sqlite);
    const missing = CORE_TABLES.filter((table) => !tables.includes(table));
    const state = schemaState(db.sqlite, known);
    if (state.applied === undefined || missing.length > 0) {
      const shown = tables.length === 0 ? 'no tables' : `tables: ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''}`;
      throw new BackupError(`${path} is a SQLite database, but not repaybot's (${shown})`);
    }
    if (state.newer > 0)
      throw new BackupError(
        `${path} was made by a newer repaybot (${state.newer} migration${state.newer === 1 ? '' : 's'} this version does not know): restore it with that version`,
      );
    const count = (table: string) => Number(db?.sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get());
    const counts = Object.fromEntries(CORE_TABLES.map((table) => [table, count(table)])) as CheckedBackup['counts'];
    return { path, migrations: state.applied, counts };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB') throw new BackupError(`${path} is not a SQLite database (a corrupt file, or another kind of file)`);
    if (error instanceof Error && error.name === 'DatabaseKeyError') throw new BackupError(error.message);
    if (code === 'SQLITE_CORRUPT') throw new BackupError(`${path} is corrupt`);
    throw new BackupError(`${path} cannot be read: ${messageOf(error)}`);
  } finally {
    db?.close();
  }
}

/**
 * Makes a checked copy of `backup` beside `databasePath`, ready to take its place (the backup
 * API again, so a backup still in WAL mode with its -wal beside it comes over whole). Returns its
 * path; the caller opens it once (the configured driver and key, migrations) and then calls
 * `swapIn`. Nothing of the database is touched yet.
 */
export async function stageRestore(backup: string, databasePath: string, key?: string): Promise<string> {
  const target = resolve(databasePath);
  // A first restore on a new machine: the database's folder may not exist yet.
  try {
    mkdirSync(dirname(target), { recursive: true });
  } catch {
    // Named by the check below.
  }
  const problem = folderProblem(dirname(target));
  if (problem) throw new BackupError(`cannot restore into ${target}: ${problem}`);
  const staged = temporaryBeside(target);
  const source = openReadOnly(backup, key);
  try {
    await copy(source.sqlite, staged);
    flush(staged);
  } catch (error) {
    removeWithJournals(staged);
    throw new BackupError(`cannot copy ${backup} beside ${target}: ${messageOf(error)}`);
  } finally {
    source.close();
  }
  return staged;
}

/** Removes a staged copy that will not be used. */
export function discardStaged(staged: string): void {
  removeWithJournals(staged);
}

/**
 * Puts the staged copy in the database's place. The database there now (if any) is kept as
 * `<db>.before-restore-<stamp>`, with its -wal (commits not yet checkpointed are in it), so it
 * can be put back the same way. Its -shm is removed, and the -wal is moved away before the new
 * file arrives: a WAL left beside a different database would be replayed into it.
 * Returns the kept file's path, or undefined when there was no database.
 */
export function swapIn(staged: string, databasePath: string, now: Date): string | undefined {
  const target = resolve(databasePath);
  let kept: string | undefined;
  if (existsSync(target)) {
    kept = `${target}.before-restore-${stamp(now)}`;
    for (let n = 1; existsSync(kept); n++) kept = `${target}.before-restore-${stamp(now)}-${n}`;
    renameSync(target, kept);
    if (existsSync(`${target}-wal`)) renameSync(`${target}-wal`, `${kept}-wal`);
  } else if (existsSync(`${target}-wal`)) {
    rmSync(`${target}-wal`, { force: true });
  }
  rmSync(`${target}-shm`, { force: true });
  rmSync(`${target}-journal`, { force: true });
  renameSync(staged, target);
  // Normally gone when the staged copy was closed; if not, its commits go with it.
  if (existsSync(`${staged}-wal`)) renameSync(`${staged}-wal`, `${target}-wal`);
  rmSync(`${staged}-shm`, { force: true });
  flush(dirname(target));
  return kept;
}
