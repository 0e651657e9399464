import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import CipherDatabase from 'better-sqlite3-multiple-ciphers';

/*
 * Encryption at rest (issue 13 point 5). With DATABASE_KEY set, the database is opened with
 * better-sqlite3-multiple-ciphers (SQLite3 Multiple Ciphers under the same API as better-sqlite3,
 * so drizzle and every repository work unchanged), and every page on disk — the WAL's too — is
 * encrypted. Without it, plain better-sqlite3 opens it as before.
 *
 * The cipher is ChaCha20-Poly1305 (SQLite3 Multiple Ciphers' "chacha20", its default, named here
 * so a new default of the library can never make existing files unreadable): every page carries
 * an authentication tag, so a changed byte is refused rather than read; the key is derived from
 * DATABASE_KEY with PBKDF2-SHA256 and a salt of the file's own. SQLCipher 4's format was the
 * other candidate (its own tools and DB Browser could open the files), but it derives the key
 * with 256,000 rounds of PBKDF2-SHA512 — about 0.3 s here on every open, against 0.07 s — and
 * checks pages with HMAC-SHA512, which cost more per page read than Poly1305 on this machine.
 * The files open in any SQLite3 Multiple Ciphers tool (its sqlite3mc shell, SQLiteStudio) with
 * `PRAGMA cipher = 'chacha20'; PRAGMA key = '…';`.
 */

/** The handle repositories use; the cipher driver has better-sqlite3's API (it is a fork of it). */
export type Sqlite = Database.Database;

export const CIPHER = 'chacha20';

/**
 * An encrypted database keeps decrypted pages only in SQLite's own page cache (memory-mapped
 * reads would see ciphertext, so the driver turns them off): 64 MiB of it instead of SQLite's
 * 2 MiB, so the pages /next and the reminder planner read again are decrypted once.
 */
const ENCRYPTED_CACHE_KIB = 65536;

/**
 * DATABASE_KEY cannot open the database, or the database needs one, with why, in one line:
 * `DATABASE_KEY: does not open ./data/repaybot.sqlite: …`. Never contains the key. The command
 * line prints it and exits 2, as for DATABASE_PATH problems.
 */
export class DatabaseKeyError extends Error {
  constructor(message: string) {
    super(`DATABASE_KEY: ${message}`);
    this.name = 'DatabaseKeyError';
  }
}

export interface OpenOptions {
  /** DATABASE_KEY: open (or create) the file encrypted with it. */
  key?: string | undefined;
  readonly?: boolean;
  fileMustExist?: boolean;
  /** Busy timeout in ms. */
  timeout?: number;
}

/**
 * Opens the SQLite file at `path`, with the key applied before any other statement when one is
 * given, and checks that the key fits before returning: a wrong key, a key for a plain file, or
 * no key for an encrypted one throws DatabaseKeyError naming the cause. Other SQLite errors
 * (a corrupt file …) are thrown as they are.
 */
export function openSqlite(path: string, options: OpenOptions = {}): Sqlite {
  const { key, ...driverOptions } = options;
  const memory = path === ':memory:';
  if (key === undefined || memory) {
    const sqlite = new Database(path, driverOptions);
    try {
      readSchema(sqlite);
    } catch (error) {
      sqlite.close();
      if (!memory && codeOf(error) === 'SQLITE_NOTADB' && looksEncrypted(path)) {
        throw new DatabaseKeyError(
          `is not set, but ${path} looks encrypted (it has no SQLite header, and its first bytes look random): set DATABASE_KEY to the key it was encrypted with`,
        );
      }
      throw error;
    }
    return sqlite;
  }
  const sqlite = new CipherDatabase(path, driverOptions) as unknown as Sqlite & { key(key: Buffer): number };
  try {
    // Both before any statement reads a page: the first read decides how the file is read.
    sqlite.pragma(`cipher = '${CIPHER}'`);
    sqlite.key(Buffer.from(key, 'utf8'));
    readSchema(sqlite);
    sqlite.pragma(`cache_size = -${ENCRYPTED_CACHE_KIB}`);
    keyed.add(sqlite);
  } catch (error) {
    sqlite.close();
    if (codeOf(error) !== 'SQLITE_NOTADB') throw error;
    if (headerOf(path) === 'plain') {
      throw new DatabaseKeyError(
        `is set, but ${path} is not encrypted (a plain SQLite database): unset DATABASE_KEY to open it as it is, or encrypt it first (README, "Encryption at rest")`,
      );
    }
    throw new DatabaseKeyError(
      `does not open ${path}: the key is wrong, or the file was not encrypted with this key (or is not a database at all)`,
    );
  }
  return sqlite;
}

/** Connections opened with a key. */
const keyed = new WeakSet<Sqlite>();

/** Whether this connection reads and writes an encrypted file (openSqlite opened it with a key). */
export function isEncrypted(sqlite: Sqlite): boolean {
  return keyed.has(sqlite);
}

/** Any read of the schema makes SQLite read page 1: where a wrong key or a foreign file shows. */
function readSchema(sqlite: Sqlite): void {
  sqlite.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
}

const codeOf = (error: unknown): unknown => (error as { code?: unknown }).code;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** What the file's first 16 bytes say: SQLite's own header, nothing (missing or empty), or something else. */
export function headerOf(path: string): 'plain' | 'none' | 'other' {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(16);
    const read = readSync(fd, head, 0, 16, 0);
    if (read === 0) return 'none';
    return read === 16 && head.equals(SQLITE_HEADER) ? 'plain' : 'other';
  } catch {
    return 'none';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * An encrypted file starts with its key's random salt where SQLite's header would be, and is
 * whole pages long; a file of zeros, of one repeated byte or of text almost never is both.
 */
function looksEncrypted(path: string): boolean {
  if (headerOf(path) !== 'other') return false;
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return false;
  }
  if (size < 512 || size % 512 !== 0) return false;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    return new Set(head).size >= 12;
  } finally {
    closeSync(fd);
  }
}

/**
 * A consistent copy of the open database into the new file `target`, encrypted as the source is.
 * SQLite's backup API, the one used for plain databases, cannot write an encrypted copy through
 * this driver (its destination connection gets no key, and SQLite3 Multiple Ciphers refuses the
 * pair as "incompatible"); `VACUUM INTO` can: it reads one snapshot, as the backup API does, and
 * writes the copy with the source's cipher and key. It does not block writers in WAL mode.
 */
export function copyEncrypted(source: Sqlite, target: string): void {
  source.prepare('VACUUM INTO ?').run(target);
}

/**
 * Encrypts the plain database at `path` in place with `key` (`repaybot encrypt`). SQLite3 Multiple
 * Ciphers rewrites every page inside one transaction of a rollback journal, so a crash leaves the
 * file plain, never half encrypted; `rekey` cannot run in WAL mode, hence the switch to a rollback
 * journal around it (the WAL is checkpointed into the file first) and back. Then the file is
 * opened with the key and checked. The caller makes sure no bot has it open.
 */
export function encryptInPlace(path: string, key: string): void {
  if (headerOf(path) !== 'plain') throw new DatabaseKeyError(`${path} is not a plain SQLite database: nothing to encrypt`);
  const plain = new CipherDatabase(path, { fileMustExist: true }) as unknown as Sqlite;
  try {
    plain.pragma('wal_checkpoint(TRUNCATE)');
    plain.pragma('journal_mode = DELETE');
    plain.pragma(`cipher = '${CIPHER}'`);
    // rekey takes the key as text; a quote in it is doubled, as SQL strings want.
    plain.pragma(`rekey = '${key.replaceAll("'", "''")}'`);
  } finally {
    plain.close();
  }
  const encrypted = openSqlite(path, { key, fileMustExist: true });
  try {
    const integrity = encrypted.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity_check after encrypting: ${String(integrity)}`);
    encrypted.pragma('journal_mode = WAL');
  } finally {
    encrypted.close();
  }
}
