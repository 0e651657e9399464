import type { Queryable } from './client.ts';

/*
 * drizzle builds a query's SQL, and better-sqlite3 compiles it, on every call: for /next that was
 * over half its time (issue 12's benchmark, bench/next.ts). The queries every update runs are
 * built once per connection with drizzle's prepare() and placeholders, and reused.
 *
 * The cache is keyed by the connection's drizzle session, which the database and every
 * transaction on it share (drizzle-orm/better-sqlite3 passes its session to each transaction),
 * so a statement prepared anywhere runs on the same connection, inside a transaction or not.
 */

const statements = new WeakMap<object, Map<string, unknown>>();

function sessionOf(q: Queryable): object {
  const session = (q as unknown as { session?: object }).session;
  if (!session) throw new Error('prepared(): not a drizzle database or transaction');
  return session;
}

/** The statement `build` makes on this connection, made the first time `name` is asked for. */
export function prepared<T>(q: Queryable, name: string, build: (q: Queryable) => T): T {
  const session = sessionOf(q);
  let made = statements.get(session);
  if (!made) statements.set(session, (made = new Map()));
  let statement = made.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build(q);
    made.set(name, statement);
  }
  return statement;
}
