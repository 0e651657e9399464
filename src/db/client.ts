import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { RunResult } from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.ts';

/**
 * What repositories and services query: the database or a transaction on it (both are drizzle's
 * synchronous SQLite database; a transaction opened inside another becomes a savepoint).
 */
export type Queryable = BaseSQLiteDatabase<'sync', RunResult, typeof schema>;

/** The open database itself, with its better-sqlite3 handle for the planner's raw SQL. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/**
 * Opens (creating if needed) the database and brings its schema up to date.
 * WAL lets the scheduler read while a chat writes; the busy timeout rides out the short
 * write locks of another process (`repaybot tick` beside a running bot).
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  // With WAL, NORMAL survives any process crash (kill -9); only a power loss can drop the last commits.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Reading through a memory map saves a system call per page: the reminder planner reads
  // thousands of scattered rows in one pass.
  if (path !== ':memory:') sqlite.pragma('mmap_size = 268435456');
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder });
  return db;
}
