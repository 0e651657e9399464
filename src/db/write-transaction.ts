import type { Queryable } from './client.ts';

type Tx = Parameters<Parameters<Queryable['transaction']>[0]>[0];

/**
 * The one way to open a transaction that writes: BEGIN IMMEDIATE. A deferred transaction that
 * reads first and writes later cannot wait for another process's write lock — when it tries to
 * upgrade, SQLite answers SQLITE_BUSY at once (the busy timeout does not apply, since its snapshot
 * may be stale), and the borrower sees "something went wrong". IMMEDIATE takes the write lock at
 * BEGIN, where the busy timeout does wait. Inside another transaction this becomes a savepoint
 * (the outer one already holds the lock).
 */
export function writeTransaction<T>(q: Queryable, fn: (tx: Tx) => T): T {
  return q.transaction(fn, { behavior: 'immediate' });
}
