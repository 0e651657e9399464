import type { Queryable } from '../db/client.ts';
import { appendAuditRow, auditRows, type AuditRow } from '../db/audit-repo.ts';

export type { AuditRow };

/*
 * Every step of a hardship request and of a promise to pay, recorded as it happens, in the same
 * transaction as the step itself: who, when, what, and the state before and after. Append-only:
 * this module can only add and read (see src/db/audit-repo.ts and the table's triggers).
 */

export type AuditAction =
  | 'submit'
  | 'withdraw'
  | 'ask'
  | 'answer'
  | 'decide'
  | 'apply'
  | 'promise'
  | 'promise-kept'
  | 'promise-broken'
  | 'promise-cancelled';

export type AuditRole = 'borrower' | 'operator' | 'system';

export interface AuditEntry {
  /** The Telegram user who acted; null for the bot itself (a promise found broken by a pass). */
  actorId: number | null;
  actorRole: AuditRole;
  action: AuditAction;
  /** The borrower it is about. */
  userId: number;
  requestId?: number;
  promiseId?: number;
  loanId?: number;
  /** What it was before (omit when there was nothing) and what it is after: plain JSON data. */
  before?: unknown;
  after?: unknown;
  at: Date;
}

export function recordAudit(q: Queryable, entry: AuditEntry): void {
  appendAuditRow(q, {
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorRole: entry.actorRole,
    action: entry.action,
    userId: entry.userId,
    requestId: entry.requestId ?? null,
    promiseId: entry.promiseId ?? null,
    loanId: entry.loanId ?? null,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
  });
}

/** The trail, oldest first (one request's when `requestId` is given): what `repaybot audit` prints. */
export function auditTrail(q: Queryable, filter: { requestId?: number } = {}): AuditRow[] {
  return auditRows(q, filter);
}
