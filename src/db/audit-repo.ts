import { asc, eq } from 'drizzle-orm';
import type { Queryable } from './client.ts';
import { auditLog } from './schema.ts';

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = Omit<typeof auditLog.$inferInsert, 'id'>;

/*
 * The audit trail has exactly two operations: append and read. There is no update or delete
 * here on purpose, and the table's triggers (migration 0005) refuse them from anywhere else.
 */

export function appendAuditRow(q: Queryable, row: NewAuditRow): AuditRow {
  return q.insert(auditLog).values(row).returning().get();
}

/** Every entry, oldest first; only those about one request when `requestId` is given. */
export function auditRows(q: Queryable, filter: { requestId?: number } = {}): AuditRow[] {
  const query = q.select().from(auditLog);
  const filtered = filter.requestId === undefined ? query : query.where(eq(auditLog.requestId, filter.requestId));
  return filtered.orderBy(asc(auditLog.id)).all();
}
