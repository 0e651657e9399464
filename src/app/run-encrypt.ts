import { existsSync } from 'node:fs';
import type { Config } from '../config.ts';
import { encryptInPlace, headerOf } from '../db/encryption.ts';
import { liveHolders } from './db-holders.ts';

/** What `repaybot encrypt` did: the file encrypted, or why nothing changed. */
export type EncryptOutcome = { encrypted: string } | { error: string };

/**
 * `repaybot encrypt`: encrypts an existing plain database (DATABASE_PATH) with DATABASE_KEY, so a
 * deployment that started without a key can turn encryption on. Refused without a key, for a file
 * that is missing or already encrypted, and while a bot has the database open (it would keep
 * writing plain pages through its own connection).
 */
export function runEncrypt(config: Config): EncryptOutcome {
  const path = config.DATABASE_PATH;
  const key = config.DATABASE_KEY;
  if (key === undefined) return { error: 'DATABASE_KEY is not set: set it to the key to encrypt with' };
  if (!existsSync(path))
    return { error: `DATABASE_PATH: ${path} does not exist (a new database is encrypted from the start when DATABASE_KEY is set)` };
  const header = headerOf(path);
  if (header !== 'plain') {
    return { error: header === 'none' ? `${path} is empty, not a database` : `${path} is already encrypted, or not a SQLite database` };
  }
  const holders = liveHolders(path);
  if (holders.length > 0) {
    const who = holders.map((h) => `pid ${h.pid} (repaybot ${h.command}, since ${h.since})`).join(', ');
    return { error: `not encrypted: a bot has ${path} open: ${who}. Stop it first.` };
  }
  encryptInPlace(path, key);
  return { encrypted: path };
}
