import { type Column, getTableColumns, type InferSelectModel, type Table } from 'drizzle-orm';

/*
 * A table's rows, typed as drizzle types them, from a prepared select's raw value arrays.
 *
 * drizzle maps every row of a result through one generic walk: for each column of each row an
 * iterator over its path and a type check of the field. On the reads every update makes (the
 * user's loans and their installments, issue 12's /next benchmark) that walk was the largest
 * single allocation of an update and a tenth of its time. Here the columns and their decoders are
 * listed once per table, and a row is one object filled in a loop.
 *
 * The select must return exactly the table's columns in getTableColumns order, which is what
 * `select(getTableColumns(table))` does; a test pins that the rows equal drizzle's own mapping.
 */

type Decoders = { keys: string[]; columns: Column[] };

const decodersByTable = new WeakMap<Table, Decoders>();

function decodersOf(table: Table): Decoders {
  let found = decodersByTable.get(table);
  if (!found) {
    const entries = Object.entries(getTableColumns(table));
    found = { keys: entries.map(([key]) => key), columns: entries.map(([, column]) => column) };
    decodersByTable.set(table, found);
  }
  return found;
}

/** One row from its raw values; null stays null, as in drizzle. */
export function tableRow<T extends Table>(table: T, values: unknown[]): InferSelectModel<T> {
  const { keys, columns } = decodersOf(table);
  const row: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i += 1) {
    const value = values[i];
    row[keys[i] as string] = value === null || value === undefined ? null : (columns[i] as Column).mapFromDriverValue(value);
  }
  return row as InferSelectModel<T>;
}

export function tableRows<T extends Table>(table: T, raw: unknown[][]): InferSelectModel<T>[] {
  return raw.map((values) => tableRow(table, values));
}
