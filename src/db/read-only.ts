import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { openSqlite } from './encryption.ts';

/*
 * Looking at a database file without changing it: `repaybot restore` checks a backup this way
 * before it replaces anything, `repaybot doctor` reads the live database this way (openDatabase
 * would apply pending migrations, the very thing the doctor reports).
 */

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/**
 * A database opened read-only; `close()` also removes the -wal and -shm SQLite made for it, if it
 * made them. `close(false)` leaves them: beside a database a bot may open at any moment (the doctor
 * looks at the live file), an -shm in use must never be deleted.
 */
export interface ReadOnlyDatabase {
  sqlite: Database.Database;
  close(tidy?: boolean): void;
}

/**
 * Opens `path` read-only (it must exist). A WAL-mode file (every repaybot database and backup)
 * needs -wal and -shm beside it even to be read; when they were not there before, they are empty
 * leftovers of this look and are removed again on close, so a backup stays one file.
 * SQLite's own errors (SQLITE_NOTADB …) are thrown as they are; with `key` (DATABASE_KEY) the file
 * is read decrypted, and a key that does not fit throws DatabaseKeyError.
 */
export function openReadOnly(path: string, key?: string): ReadOnlyDatabase {
  const made = ['-wal', '-shm'].map((suffix) => `${path}${suffix}`).filter((file) => !existsSync(file));
  const sqlite = openSqlite(path, { key, readonly: true, fileMustExist: true, timeout: 5000 });
  return {
    sqlite,
    close(tidy = true) {
      sqlite.close();
      if (!tidy) return;
      for (const file of made) {
        // Only an empty -wal is ours to remove: one with frames in it would be another writer's commits.
        if (file.endsWith('-wal') && existsSync(file) && statSync(file).size > 0) return;
      }
      for (const file of made) rmSync(file, { force: true });
    },
  };
}

/** A migration this build knows: its journal entry's time (drizzle's created_at) and tag. */
export interface KnownMigration {
  createdAt: number;
  hash: string;
}

/** This build's migrations (drizzle/meta/_journal.json), oldest first. */
export function knownMigrations(): KnownMigration[] {
  return readMigrationFiles({ migrationsFolder }).map((m) => ({ createdAt: m.folderMillis, hash: m.hash }));
}

/** Where a database's schema stands against this build's migrations. */
export interface SchemaState {
  /** Rows in __drizzle_migrations; undefined when the table is missing (not a repaybot database). */
  applied: number | undefined;
  /** Migrations of this build not applied yet (the next start applies them). */
  pending: number;
  /** Applied migrations this build does not know, made by a newer repaybot: it must not open the file. */
  newer: number;
}

/** Compares `__drizzle_migrations` with this build's journal, as drizzle's migrator does: by created_at. */
export function schemaState(sqlite: Database.Database, known: KnownMigration[] = knownMigrations()): SchemaState {
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!hasTable) return { applied: undefined, pending: 0, newer: 0 };
  const applied = (sqlite.prepare('SELECT created_at FROM __drizzle_migrations').pluck().all() as (number | string)[]).map(Number);
  const latestApplied = applied.length > 0 ? Math.max(...applied) : Number.NEGATIVE_INFINITY;
  const latestKnown = known.length > 0 ? Math.max(...known.map((m) => m.createdAt)) : Number.NEGATIVE_INFINITY;
  return {
    applied: applied.length,
    pending: known.filter((m) => m.createdAt > latestApplied).length,
    newer: applied.filter((at) => at > latestKnown).length,
  };
}

/** Tables a repaybot database has had since its first migration. */
export const CORE_TABLES = ['users', 'loans', 'installments', 'payments'] as const;

export function tableNames(sqlite: Database.Database): string[] {
  return sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
}
