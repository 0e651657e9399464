import { openDatabase, type OpenDatabaseOptions } from '../db/client.ts';
import { auditTrail } from '../services/audit.ts';

/** One entry of the audit trail as `repaybot audit` prints it (before / after: the JSON stored, or null). */
export interface AuditLine {
  id: number;
  at: string;
  actorId: number | null;
  actorRole: string;
  action: string;
  userId: number;
  requestId: number | null;
  promiseId: number | null;
  loanId: number | null;
  before: string | null;
  after: string | null;
}

/** `repaybot audit`: opens the database at `path` (migrating it, as every run mode does), reads the trail oldest first, closes it. */
export function readAuditTrail(path: string, filter: { requestId?: number } = {}, options: OpenDatabaseOptions = {}): AuditLine[] {
  const db = openDatabase(path, options);
  try {
    return auditTrail(db, filter).map((row) => ({
      id: row.id,
      at: row.at,
      actorId: row.actorId,
      actorRole: row.actorRole,
      action: row.action,
      userId: row.userId,
      requestId: row.requestId,
      promiseId: row.promiseId,
      loanId: row.loanId,
      before: row.before,
      after: row.after,
    }));
  } finally {
    db.$client.close();
  }
}
