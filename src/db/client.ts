import { accessSync, constants, type lstatSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import type { RunResult } from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { DatabaseKeyError, isEncrypted, openSqlite } from './encryption.ts';
import * as schema from './schema.ts';

/**
 * What repositories and services query: the database or a transaction on it (both are drizzle's
 * synchronous SQLite database; a transaction opened inside another becomes a savepoint).
 */
export type Queryable = BaseSQLiteDatabase<'sync', RunResult, typeof schema>;

/** The open database itself, with its better-sqlite3 handle for the planner's raw SQL. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/** How to open the database beyond its path. */
export interface OpenDatabaseOptions {
  /** DATABASE_KEY: the file is (or, when new, will be) encrypted with it (src/db/encryption.ts). */
  key?: string | undefined;
}

/**
 * Opens (creating if needed) the database and brings its schema up to date.
 * WAL lets the scheduler read while a chat writes; the busy timeout rides out the short
 * write locks of another process (`repaybot tick` beside a running bot).
 * With a key, the key is applied before any other statement and checked; a key that does not
 * fit (or a missing one) throws DatabaseKeyError, a path that cannot be used DatabasePathError.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Db {
  if (path !== ':memory:') preparePath(path);
  let sqlite: Database.Database | undefined;
  try {
    // The busy timeout bounds every wait on another process's lock, the first pragma's included.
    sqlite = openSqlite(path, { key: options.key, timeout: BUSY_TIMEOUT_MS });
    sqlite.pragma('journal_mode = WAL');
    // With WAL, NORMAL survives any process crash (kill -9); only a power loss can drop the last commits.
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Reading through a memory map saves a system call per page: the reminder planner reads
    // thousands of scattered rows in one pass. (An encrypted file is read through its cache instead.)
    if (path !== ':memory:' && !isEncrypted(sqlite)) sqlite.pragma('mmap_size = 268435456');
    refuseForeign(path, sqlite);
    const db = drizzle(sqlite, { schema }) as Db;
    migrate(db, { migrationsFolder });
    return db;
  } catch (error) {
    sqlite?.close();
    if (error instanceof DatabasePathError || error instanceof DatabaseKeyError) throw error;
    throw new DatabasePathError(path, causeOf(error));
  }
}

const BUSY_TIMEOUT_MS = 5000;

export { DatabaseKeyError };

/**
 * A DATABASE_PATH that cannot be used, with why, in one line: `DATABASE_PATH: <path> is a
 * directory, not a database file`. The command line prints it and exits 2 (a bad configuration).
 */
export class DatabasePathError extends Error {
  constructor(path: string, cause: string) {
    super(`DATABASE_PATH: ${path} ${cause}`);
    this.name = 'DatabasePathError';
  }
}

/** Folders of the system's own pseudo-files: SQLite cannot keep a database there (and mkdir may spin). */
const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];

function underSystemFolder(real: string): string | undefined {
  if (real.startsWith('/dev/shm/') || real === '/dev/shm') return undefined;
  return SYSTEM_FOLDERS.find((folder) => real === folder || real.startsWith(`${folder}/`));
}

/** The path, or its nearest ancestor that exists, with every link resolved. */
function nearestReal(path: string): string {
  let at = path;
  for (;;) {
    try {
      return realpathSync(at);
    } catch {
      const up = dirname(at);
      if (up === at) return at;
      at = up;
    }
  }
}

const has = (path: string, mode: number): boolean => {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
};

/**
 * Checks the path before SQLite sees it, so each problem is named: a system folder (/proc), a
 * directory, something not a file, a file that cannot be read or written, a folder that cannot be
 * created or written (WAL keeps two files beside the database). Creates the missing folders one
 * level at a time: a recursive mkdir under /proc never returns.
 */
function preparePath(path: string): void {
  const full = resolve(path);
  const system = underSystemFolder(nearestReal(full));
  if (system) throw new DatabasePathError(path, `is under ${system}, a folder of the system's own files, not a place for a database`);
  const entry = statOf(full);
  if (entry?.isDirectory()) throw new DatabasePathError(path, 'is a directory, not a database file');
  if (entry && !entry.isFile()) throw new DatabasePathError(path, 'is not a regular file');
  const folder = dirname(full);
  makeFolder(path, folder);
  if (entry && !has(full, constants.R_OK)) throw new DatabasePathError(path, 'cannot be read (no permission)');
  if (entry && !has(full, constants.W_OK)) throw new DatabasePathError(path, 'is read-only (no permission to write it)');
  if (!has(folder, constants.W_OK | constants.X_OK)) {
    throw new DatabasePathError(
      path,
      `cannot be used: its folder ${folder} is not writable (the database keeps its journal files beside it)`,
    );
  }
}

function statOf(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DatabasePathError(path, `cannot be checked: ${causeOf(error)}`);
  }
}

function makeFolder(path: string, folder: string): void {
  const missing: string[] = [];
  for (let at = folder; ; at = dirname(at)) {
    let entry: ReturnType<typeof lstatSync> | undefined;
    try {
      entry = statSync(at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new DatabasePathError(path, `cannot be used: ${at}: ${causeOf(error)}`);
    }
    if (entry) {
      if (!entry.isDirectory()) throw new DatabasePathError(path, `cannot be used: ${at} is not a folder`);
      break;
    }
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const at of missing) {
    try {
      mkdirSync(at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied (the folder above is not writable)' : causeOf(error);
      throw new DatabasePathError(path, `cannot be used: its folder ${at} cannot be created: ${why}`);
    }
  }
}

/** A file with tables but none of repaybot's migration journal is another program's database. */
function refuseForeign(path: string, sqlite: Database.Database): void {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  if (tables.length === 0 || tables.includes('__drizzle_migrations')) return;
  const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? ', …' : '');
  throw new DatabasePathError(path, `is a SQLite database of another program (tables: ${shown}), not repaybot's`);
}

/** SQLite's and the system's errors as a borrower's operator reads them, without a stack. */
function causeOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'SQLITE_NOTADB':
      return 'is not a SQLite database (a corrupt file, or another kind of file)';
    case 'SQLITE_CORRUPT':
      return 'is corrupt (restore it from a backup)';
    case 'SQLITE_READONLY':
      return 'is read-only (no permission to write it)';
    case 'SQLITE_CANTOPEN':
      return 'cannot be opened (check the folder and its permissions)';
    case 'SQLITE_BUSY':
      return `is locked by another process (waited ${BUSY_TIMEOUT_MS / 1000} s)`;
    case 'SQLITE_IOERR':
      return `cannot be read or written: ${message}`;
    case 'EACCES':
    case 'EPERM':
      return 'cannot be used: permission denied';
    default:
      return `could not be opened or brought up to date: ${message.split('\n')[0]}`;
  }
}
