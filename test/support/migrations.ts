import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';

/*
 * Databases as an earlier release left them, for migration tests: a file with only the
 * migrations before `tag` applied, through the same drizzle migrator the bot uses.
 */

const dirs: string[] = [];

/** Removes the folders databaseBefore made; call it from afterEach. */
export function removeOldDatabases(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** `old` is the open handle to fill with that release's rows; `before` the tags it applied. */
export function databaseBefore(tag: string): { path: string; old: Database.Database; before: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'repaybot-migrate-'));
  dirs.push(dir);
  const drizzleDir = fileURLToPath(new URL('../../drizzle/', import.meta.url));
  const earlier = join(dir, 'drizzle');
  mkdirSync(join(earlier, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(drizzleDir, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((entry) => entry.tag === tag);
  if (at < 0) throw new Error(`no migration ${tag}`);
  const before = journal.entries.slice(0, at);
  for (const entry of before) copyFileSync(join(drizzleDir, `${entry.tag}.sql`), join(earlier, `${entry.tag}.sql`));
  writeFileSync(join(earlier, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: before }));
  const path = join(dir, 'old.db');
  const old = new Database(path);
  migrate(drizzle(old), { migrationsFolder: earlier });
  return { path, old, before: before.map((entry) => entry.tag) };
}
