import type { Queryable } from '../db/client.ts';
import { UNDECIDED, findRequest, insertNote, undecidedRequests, updateRequestIf, type HardshipRequestRow } from '../db/hardship-repo.ts';
import { recordAudit } from './audit.ts';
import { applyApproved, type AppliedOutcome } from './hardship-apply.ts';
import { queueNotices, requestSnapshot, viewOf, type Notice, type RequestView } from './hardship.ts';
import { writeTransaction } from '../db/write-transaction.ts';

export type { RequestView };

/*
 * The operators' side of hardship requests: the queue, the facts of one request, and the
 * decision. Reached only through `forOperator` (src/services/index.ts), which the core hands out
 * only to a user in OPERATOR_IDS: the check is on the acting user, whatever chat they act in.
 */

export type Decision = 'approve' | 'reject' | 'ask';

export function viewRequest(q: Queryable, requestId: number, now: Date, defaultTimeZone: string): RequestView | undefined {
  const request = findRequest(q, requestId);
  return request && viewOf(q, request, now, defaultTimeZone);
}

/** Undecided requests, oldest first, with their facts. */
export function queueOfRequests(q: Queryable, now: Date, defaultTimeZone: string): RequestView[] {
  return undecidedRequests(q).flatMap((request) => {
    const view = viewRequest(q, request.id, now, defaultTimeZone);
    return view ? [view] : [];
  });
}

export type DecideResult =
  | { ok: true; request: HardshipRequestRow; outcome?: AppliedOutcome }
  | { ok: false; reason: 'no-such-request' }
  /** Someone decided first (or the borrower withdrew it): who, when and what, for the late presser. */
  | { ok: false; reason: 'already-decided'; request: HardshipRequestRow };

/** Renders the messages a decision sends (to the borrower, to the operator chats), from the request and what was applied. */
export type DecisionNotices = (view: RequestView, outcome: AppliedOutcome | undefined) => Notice[];

/**
 * One operator's decision, once: approving applies the request to the loans (hardship-apply.ts),
 * rejecting closes it, asking for more sends the borrower the question and waits for the answer.
 * The status moves only from an undecided one, in the same transaction as everything else, so a
 * second press or a second operator changes nothing and learns who decided.
 */
export function decideRequest(
  q: Queryable,
  operatorId: number,
  requestId: number,
  decision: Decision,
  note: string,
  now: Date,
  defaultTimeZone: string,
  notices: DecisionNotices,
): DecideResult {
  return writeTransaction(q, (tx): DecideResult => {
    const before = findRequest(tx, requestId);
    if (!before) return { ok: false, reason: 'no-such-request' };
    if (decision === 'ask') {
      const request = updateRequestIf(tx, requestId, UNDECIDED, { status: 'info-requested' });
      if (!request) return { ok: false, reason: 'already-decided', request: before };
      insertNote(tx, { requestId, authorId: operatorId, role: 'operator', text: note, createdAt: now.toISOString() });
      recordAudit(tx, {
        actorId: operatorId,
        actorRole: 'operator',
        action: 'ask',
        userId: request.userId,
        requestId,
        before: requestSnapshot(before),
        after: { ...requestSnapshot(request), note },
        at: now,
      });
      queueNotices(tx, notices(viewOf(tx, request, now, defaultTimeZone), undefined), now);
      return { ok: true, request };
    }
    const request = updateRequestIf(tx, requestId, UNDECIDED, {
      status: decision === 'approve' ? 'approved' : 'rejected',
      decidedBy: operatorId,
      decidedAt: now.toISOString(),
      decisionNote: note,
    });
    if (!request) return { ok: false, reason: 'already-decided', request: before };
    recordAudit(tx, {
      actorId: operatorId,
      actorRole: 'operator',
      action: 'decide',
      userId: request.userId,
      requestId,
      before: requestSnapshot(before),
      after: requestSnapshot(request),
      at: now,
    });
    const outcome = decision === 'approve' ? applyApproved(tx, request, operatorId, now, defaultTimeZone) : undefined;
    const final = findRequest(tx, requestId) ?? request;
    queueNotices(tx, notices(viewOf(tx, final, now, defaultTimeZone), outcome), now);
    return { ok: true, request: final, ...(outcome && { outcome }) };
  });
}
