import type { IsoDate } from '../domain/calendar.ts';
import { type Decimal, ZERO, sumMoney } from '../domain/money.ts';
import type { Queryable } from '../db/client.ts';
import {
  UNDECIDED,
  findRequestOfUser,
  insertNote,
  insertRequest,
  notesOfRequest,
  requestsOfUser,
  updateRequestIf,
  borrowerOf,
  loansById,
  type HardshipNoteRow,
  type HardshipRequestRow,
} from '../db/hardship-repo.ts';
import { findLoan, installmentsOfLoan, type LoanRow } from '../db/loans-repo.ts';
import { recordAudit } from './audit.ts';
import { queueMessage, type QueuedMessage } from './deliveries.ts';
import { ledgerOf, loanToday } from './ledger.ts';
import type { HardshipKind, HardshipReason, Proposal } from './hardship-shapes.ts';
import { writeTransaction } from '../db/write-transaction.ts';

export type { HardshipNoteRow, HardshipRequestRow };

/*
 * A borrower's hardship requests: submitted whole from the /hardship form, withdrawn while
 * undecided, answered when an operator asked for more. Each step writes the request, its audit
 * entry and the notices it sends (queued in the delivery outbox) in one transaction. Operators'
 * side: src/services/hardship-review.ts.
 */

export interface HardshipSubmission {
  kind: HardshipKind;
  loanIds: number[];
  reason: HardshipReason;
  reasonText: string;
  /** Budget item → amount ("1200.00"); skipped items absent. */
  budget: Record<string, string>;
  proposal: Proposal;
  evidence: string[];
  letterLocale: string;
}

/** A message to queue: for an operator chat (no userId) or a borrower's private chat (userId = chatId). */
export interface Notice {
  chatId: number;
  userId?: number;
  message: QueuedMessage;
  /** Idempotency key in the outbox. */
  key: string;
}

/** A request with everything an operator needs to judge it. */
export interface RequestView {
  request: HardshipRequestRow;
  notes: HardshipNoteRow[];
  loans: LoanFacts[];
  borrower: BorrowerFacts | undefined;
}

/** Renders the notices of a step from the request as written (its id is known only then) and its facts. */
export type NoticesFor = (view: RequestView) => Notice[];

/** The request's view as of now, inside the step's transaction. */
export function viewOf(q: Queryable, request: HardshipRequestRow, now: Date, defaultTimeZone: string): RequestView {
  const facts = requestFacts(q, request, loansById(q, request.loanIds), now, defaultTimeZone);
  return { request, notes: notesOfRequest(q, request.id), ...facts };
}

export function queueNotices(q: Queryable, notices: Notice[], now: Date): void {
  for (const notice of notices) {
    queueMessage(q, {
      chatId: notice.chatId,
      ...(notice.userId !== undefined && { userId: notice.userId }),
      message: notice.message,
      key: notice.key,
      now,
    });
  }
}

/** A request as the audit trail keeps it: what an operator or a borrower changed about it. */
export function requestSnapshot(request: HardshipRequestRow): Record<string, unknown> {
  const { id, kind, loanIds, reason, status, proposal, decidedBy, decidedAt, decisionNote, pauseUntil } = request;
  return { id, kind, loanIds, reason, status, proposal, decidedBy, decidedAt, decisionNote, pauseUntil };
}

export type SubmitResult =
  | { ok: true; request: HardshipRequestRow }
  | { ok: false; reason: 'no-such-loan'; loanId: number }
  | { ok: false; reason: 'already-open'; requestId: number };

/**
 * Submits a request the borrower consented to share. Refused with nothing written when a loan is
 * not theirs or one of them already has an undecided request (one at a time per loan keeps the
 * operator's picture clear; the borrower can withdraw the old one).
 */
export function submitHardship(
  q: Queryable,
  userId: number,
  submission: HardshipSubmission,
  now: Date,
  defaultTimeZone: string,
  notices: NoticesFor,
): SubmitResult {
  return writeTransaction(q, (tx): SubmitResult => {
    for (const loanId of submission.loanIds) {
      if (!findLoan(tx, userId, loanId)) return { ok: false, reason: 'no-such-loan', loanId };
    }
    const clash = requestsOfUser(tx, userId).find(
      (request) => UNDECIDED.includes(request.status) && request.loanIds.some((id) => submission.loanIds.includes(id)),
    );
    if (clash) return { ok: false, reason: 'already-open', requestId: clash.id };
    const request = insertRequest(tx, {
      userId,
      kind: submission.kind,
      loanIds: submission.loanIds,
      reason: submission.reason,
      reasonText: submission.reasonText,
      budget: submission.budget,
      proposal: submission.proposal,
      evidence: submission.evidence,
      letterLocale: submission.letterLocale,
      submittedAt: now.toISOString(),
    });
    recordAudit(tx, {
      actorId: userId,
      actorRole: 'borrower',
      action: 'submit',
      userId,
      requestId: request.id,
      after: requestSnapshot(request),
      at: now,
    });
    queueNotices(tx, notices(viewOf(tx, request, now, defaultTimeZone)), now);
    return { ok: true, request };
  });
}

export function requestsOf(q: Queryable, userId: number): HardshipRequestRow[] {
  return requestsOfUser(q, userId);
}

export function requestOf(
  q: Queryable,
  userId: number,
  requestId: number,
): { request: HardshipRequestRow; notes: HardshipNoteRow[] } | undefined {
  const request = findRequestOfUser(q, userId, requestId);
  return request && { request, notes: notesOfRequest(q, request.id) };
}

export type StepResult =
  | { ok: true; request: HardshipRequestRow }
  | { ok: false; reason: 'no-such-request' }
  | { ok: false; reason: 'not-undecided' | 'not-asked'; request: HardshipRequestRow };

/** Withdraws one of the borrower's requests while nobody has decided it. */
export function withdrawHardship(
  q: Queryable,
  userId: number,
  requestId: number,
  now: Date,
  defaultTimeZone: string,
  notices: NoticesFor,
): StepResult {
  return writeTransaction(q, (tx): StepResult => {
    const before = findRequestOfUser(tx, userId, requestId);
    if (!before) return { ok: false, reason: 'no-such-request' };
    const request = updateRequestIf(tx, requestId, UNDECIDED, { status: 'withdrawn', decidedAt: now.toISOString() });
    if (!request) return { ok: false, reason: 'not-undecided', request: before };
    recordAudit(tx, {
      actorId: userId,
      actorRole: 'borrower',
      action: 'withdraw',
      userId,
      requestId,
      before: requestSnapshot(before),
      after: requestSnapshot(request),
      at: now,
    });
    queueNotices(tx, notices(viewOf(tx, request, now, defaultTimeZone)), now);
    return { ok: true, request };
  });
}

/** The borrower's answer to an operator's "ask for more": attached to the request, which is open again. */
export function answerHardship(
  q: Queryable,
  userId: number,
  requestId: number,
  text: string,
  now: Date,
  defaultTimeZone: string,
  notices: NoticesFor,
): StepResult {
  return writeTransaction(q, (tx): StepResult => {
    const before = findRequestOfUser(tx, userId, requestId);
    if (!before) return { ok: false, reason: 'no-such-request' };
    const request = updateRequestIf(tx, requestId, ['info-requested'], { status: 'open' });
    if (!request) return { ok: false, reason: 'not-asked', request: before };
    const note = insertNote(tx, { requestId, authorId: userId, role: 'borrower', text, createdAt: now.toISOString() });
    recordAudit(tx, {
      actorId: userId,
      actorRole: 'borrower',
      action: 'answer',
      userId,
      requestId,
      before: requestSnapshot(before),
      after: { ...requestSnapshot(request), note: note.text },
      at: now,
    });
    queueNotices(tx, notices(viewOf(tx, request, now, defaultTimeZone)), now);
    return { ok: true, request };
  });
}

/** What an operator needs to judge a request, per loan: where it stands on its lender's today. */
export interface LoanFacts {
  loan: LoanRow;
  today: IsoDate;
  /** Everything owed now, penalty included. */
  owed: Decimal;
  /** What is past due (scheduled parts), without penalty. */
  arrears: Decimal;
  /** Penalty interest and late fees owed so far. */
  penalty: Decimal;
  /** Days the oldest unpaid installment is past due (0 when nothing is). */
  daysPastDue: number;
  /** Installments past due and still owing: their number, due date and penalty. */
  overdue: { n: number; due: IsoDate; open: Decimal; penalty: Decimal; daysPastDue: number }[];
  /** Whether an earlier installment was charged penalty before (a repeated overdue). */
  lateBefore: boolean;
  /** The next regular installment not yet due. */
  nextRegular: Decimal;
  /** The oldest installment with something of its own still open: where a deferral starts. */
  firstOwing?: { n: number; due: IsoDate };
}

export function loanFacts(q: Queryable, loan: LoanRow, now: Date, defaultTimeZone: string): LoanFacts {
  const today = loanToday(loan, now, defaultTimeZone);
  const rows = installmentsOfLoan(q, loan.userId, loan.id);
  const ledger = ledgerOf(q, loan, rows, today);
  const pastDue = ledger.installments.filter((entry) => entry.daysPastDue > 0);
  const overdue = pastDue
    .filter((entry) => entry.owed.gt(0))
    .map((entry) => ({
      n: entry.n,
      due: entry.due,
      open: entry.open.total,
      penalty: entry.penaltyOwed.plus(entry.lateFeeOwed),
      daysPastDue: entry.daysPastDue,
    }));
  const lateBefore = pastDue.some((entry) => !entry.owed.gt(0) && entry.penaltyCharged.plus(entry.lateFeeCharged).plus(entry.waived).gt(0));
  const upcoming = ledger.installments.find((entry) => entry.daysPastDue === 0 && entry.open.total.gt(0));
  const firstOwing = ledger.installments.find((entry) => entry.open.total.gt(0));
  return {
    loan,
    today,
    owed: ledger.totalOwed,
    arrears: sumMoney(overdue.map((entry) => entry.open)),
    penalty: ledger.penaltyOwed.plus(ledger.lateFeeOwed),
    daysPastDue: overdue.reduce((most, entry) => Math.max(most, entry.daysPastDue), 0),
    overdue,
    lateBefore,
    nextRegular: upcoming ? upcoming.open.total : ZERO,
    ...(firstOwing && { firstOwing: { n: firstOwing.n, due: firstOwing.due } }),
  };
}

/** The borrower behind a request: since when they use the bot (a customer's tenure), and their language. */
export interface BorrowerFacts {
  createdAt: string;
  language: string | null;
  telegramLanguage: string | null;
  timeZone: string;
}

/** The facts of every loan a request names (loans deleted since are left out), and how long the borrower has been here. */
export function requestFacts(
  q: Queryable,
  request: HardshipRequestRow,
  loans: LoanRow[],
  now: Date,
  defaultTimeZone: string,
): { loans: LoanFacts[]; borrower: BorrowerFacts | undefined } {
  return {
    loans: loans.filter((loan) => loan.userId === request.userId).map((loan) => loanFacts(q, loan, now, defaultTimeZone)),
    borrower: borrowerOf(q, request.userId),
  };
}
