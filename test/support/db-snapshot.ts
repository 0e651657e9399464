import type { Db } from '../../src/db/client.ts';

/**
 * Every row of every table (drizzle's own bookkeeping left out), table by table, in a stable order:
 * compare two snapshots to show that something changed nothing at all.
 */
export function snapshot(db: Db): Record<string, string[]> {
  const sqlite = db.$client;
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name",
    )
    .all() as { name: string }[];
  // Sorted by content: some tables are WITHOUT ROWID.
  const rows = (name: string) =>
    sqlite
      .prepare(`SELECT * FROM "${name}"`)
      .all()
      .map((row) => JSON.stringify(row))
      .sort();
  return Object.fromEntries(tables.map(({ name }) => [name, rows(name)]));
}
