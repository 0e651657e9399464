import type { Queryable } from '../db/client.ts';
import { findLoan, loansOfUser, type LoanRow } from '../db/loans-repo.ts';
import { dropPendingMessage } from '../db/outbox-repo.ts';
import {
  allOpenPromises,
  findPromiseOfUser,
  insertPromise,
  openAndRecentlyBroken,
  openPromiseOfLoan,
  paidOnLoanSince,
  promisesOfUser,
  resolvePromiseIf,
  type PromiseRow,
  type PromiseStatus,
} from '../db/promises-repo.ts';
import { findUser } from '../db/users-repo.ts';
import { addDays, type IsoDate } from '../domain/calendar.ts';
import { zonedInstant } from '../domain/local-time.ts';
import { Decimal, sumMoney, toMoneyString } from '../domain/money.ts';
import { outOfQuietHours, reminderDueDate } from '../domain/reminder-times.ts';
import { recordAudit, type AuditRole } from './audit.ts';
import { queueMessage, type QueuedMessage } from './deliveries.ts';
import { ledgerOfLoanToday, lenderZoneOf, loanToday } from './ledger.ts';
import { reminderSettingsOf } from './reminder-settings.ts';
import { writeTransaction } from '../db/write-transaction.ts';

export type { PromiseRow, PromiseStatus };

/*
 * Promises to pay ("I'll pay 500 on the 20th", /promise). While a promise is open and its day
 * has not passed, the loan's overdue reminders wait (src/services/reminder-holds.ts); on the day
 * a message reminds the borrower; afterwards it is kept (payments recorded since it was made
 * reach its amount) or broken, and the overdue reminders come again. Every step is in the audit
 * trail, in the same transaction as the step.
 */

/** A promise's day is today (the lender's) or later, and at most this many days ahead. */
export const PROMISE_MAX_DAYS = 30;

/** How long a broken promise stays in the operators' view. */
const BROKEN_SHOWN_MS = 7 * 24 * 3_600_000;

/** The outbox key of a promise's message on its day. */
export const promiseDayKey = (promiseId: number): string => `promise:${promiseId}:day`;

/** A promise as shown: its row with its loan's name and the amount as a number. */
export interface PromiseView {
  id: number;
  userId: number;
  loanId: number;
  loanName: string;
  amount: Decimal;
  dueOn: IsoDate;
  status: PromiseStatus;
  createdAt: string;
  resolvedAt: string | null;
}

function viewOf(row: PromiseRow, loanName: string): PromiseView {
  return {
    id: row.id,
    userId: row.userId,
    loanId: row.loanId,
    loanName,
    amount: new Decimal(row.amount),
    dueOn: row.dueOn,
    status: row.status,
    createdAt: row.createdAt,
    resolvedAt: row.resolvedAt,
  };
}

/** A promise as the audit trail keeps it. */
function snapshot(row: PromiseRow): Record<string, unknown> {
  const { id, loanId, amount, dueOn, status, resolvedAt } = row;
  return { id, loanId, amount, dueOn, status, resolvedAt };
}

/** A loan a promise can be made on: something is overdue or due today, by its ledger on the lender's today. */
export interface PromiseCandidate {
  loan: LoanRow;
  /** What is owed now of the installments due by today: open amounts, penalty and late fees. */
  owedNow: Decimal;
  /** Everything the loan still owes (the most a promise can be for). */
  totalOwed: Decimal;
  /** Whether an installment is past its due date (else it is due today). */
  overdue: boolean;
  /** The lender's today, the first day a promise can name, and the last. */
  today: IsoDate;
  lastDay: IsoDate;
}

function candidateOf(q: Queryable, loan: LoanRow, now: Date, defaultTimeZone: string): PromiseCandidate | undefined {
  const ledger = ledgerOfLoanToday(q, loan, now, defaultTimeZone);
  const due = ledger.installments.filter((entry) => entry.due <= ledger.asOf && entry.owed.gt(0));
  if (due.length === 0) return undefined;
  return {
    loan,
    owedNow: sumMoney(due.map((entry) => entry.owed)),
    totalOwed: ledger.totalOwed,
    overdue: due.some((entry) => entry.due < ledger.asOf),
    today: ledger.asOf,
    lastDay: addDays(ledger.asOf, PROMISE_MAX_DAYS),
  };
}

/** The user's loans a promise can be made on, in /loans order. */
export function promiseCandidates(q: Queryable, userId: number, now: Date, defaultTimeZone: string): PromiseCandidate[] {
  return loansOfUser(q, userId).flatMap((loan) => candidateOf(q, loan, now, defaultTimeZone) ?? []);
}

export function promiseCandidate(
  q: Queryable,
  userId: number,
  loanId: number,
  now: Date,
  defaultTimeZone: string,
): PromiseCandidate | undefined {
  const loan = findLoan(q, userId, loanId);
  return loan && candidateOf(q, loan, now, defaultTimeZone);
}

/** The user's open promises, and their newest promise whatever its status (what /promise shows). */
export function promisesOf(q: Queryable, userId: number): { open: PromiseView[]; last: PromiseView | undefined } {
  const names = new Map(loansOfUser(q, userId).map((loan) => [loan.id, loan.name]));
  const all = promisesOfUser(q, userId).map((row) => viewOf(row, names.get(row.loanId) ?? ''));
  return { open: all.filter((p) => p.status === 'open'), last: all[0] };
}

/**
 * When a promise's day message goes: the borrower's reminder time on the day (the borrower's day
 * the lender's date falls on, as for a due-day reminder), moved out of quiet hours.
 */
export function promiseDayInstant(q: Queryable, userId: number, loan: LoanRow, dueOn: IsoDate, defaultTimeZone: string): Date | undefined {
  const user = findUser(q, userId);
  if (!user) return undefined;
  const settings = reminderSettingsOf(user);
  const day = reminderDueDate(dueOn, settings, lenderZoneOf(loan, defaultTimeZone));
  return outOfQuietHours(zonedInstant(day, settings.reminderTime, settings.timeZone), settings);
}

export interface NewPromise {
  loanId: number;
  amount: Decimal;
  dueOn: IsoDate;
}

/** Renders the day's message of a promise once it is written (its id is known only then). */
export type PromiseDayMessage = (promise: PromiseView) => QueuedMessage;

export type MakePromiseResult =
  | {
      ok: true;
      promise: PromiseView;
      /** The open promise on the loan it replaced (now cancelled). */
      replaced?: PromiseView;
      /** When the day's message goes; absent when that time had already come (a promise for today, made late). */
      remindAt?: Date;
    }
  | { ok: false; reason: 'no-such-loan' | 'nothing-due' | 'amount-not-positive' }
  | { ok: false; reason: 'date-in-past'; today: IsoDate }
  | { ok: false; reason: 'date-too-far'; lastDay: IsoDate }
  | { ok: false; reason: 'more-than-owed'; owed: Decimal };

/** Why a promise would be refused, before anything is written (the card checks it as the borrower types). */
export function checkPromise(
  candidate: PromiseCandidate | undefined,
  input: { amount?: Decimal; dueOn?: IsoDate },
): Exclude<MakePromiseResult, { ok: true }> | undefined {
  if (!candidate) return { ok: false, reason: 'nothing-due' };
  if (input.dueOn !== undefined && input.dueOn < candidate.today) return { ok: false, reason: 'date-in-past', today: candidate.today };
  if (input.dueOn !== undefined && input.dueOn > candidate.lastDay)
    return { ok: false, reason: 'date-too-far', lastDay: candidate.lastDay };
  if (input.amount?.lte(0)) return { ok: false, reason: 'amount-not-positive' };
  if (input.amount?.gt(candidate.totalOwed)) return { ok: false, reason: 'more-than-owed', owed: candidate.totalOwed };
  return undefined;
}

function cancelOpen(
  q: Queryable,
  userId: number,
  open: PromiseRow,
  actor: { id: number | null; role: AuditRole },
  now: Date,
): PromiseRow | undefined {
  const cancelled = resolvePromiseIf(q, open.id, 'cancelled', now.toISOString());
  if (!cancelled) return undefined;
  dropPendingMessage(q, promiseDayKey(open.id));
  recordAudit(q, {
    actorId: actor.id,
    actorRole: actor.role,
    action: 'promise-cancelled',
    userId,
    promiseId: open.id,
    loanId: open.loanId,
    before: snapshot(open),
    after: snapshot(cancelled),
    at: now,
  });
  return cancelled;
}

/**
 * Records a promise, in one transaction: the promise, its audit entry, the day's message in the
 * delivery outbox (key promise:<id>:day); an open promise on the same loan is cancelled first
 * (audited too). Refused, with nothing written, when nothing is due on the loan, the day is before
 * the lender's today or more than PROMISE_MAX_DAYS ahead, or the amount is not one the loan owes.
 */
export function makePromise(
  q: Queryable,
  userId: number,
  input: NewPromise,
  now: Date,
  defaultTimeZone: string,
  dayMessage: PromiseDayMessage,
): MakePromiseResult {
  return writeTransaction(q, (tx): MakePromiseResult => {
    const loan = findLoan(tx, userId, input.loanId);
    if (!loan) return { ok: false, reason: 'no-such-loan' };
    const refused = checkPromise(candidateOf(tx, loan, now, defaultTimeZone), input);
    if (refused) return refused;
    const previous = openPromiseOfLoan(tx, userId, loan.id);
    const replaced = previous && cancelOpen(tx, userId, previous, { id: userId, role: 'borrower' }, now);
    const row = insertPromise(tx, {
      userId,
      loanId: loan.id,
      amount: toMoneyString(input.amount),
      dueOn: input.dueOn,
      status: 'open',
      createdAt: now.toISOString(),
    });
    recordAudit(tx, {
      actorId: userId,
      actorRole: 'borrower',
      action: 'promise',
      userId,
      promiseId: row.id,
      loanId: loan.id,
      ...(previous && { before: snapshot(previous) }),
      after: snapshot(row),
      at: now,
    });
    const promise = viewOf(row, loan.name);
    const at = promiseDayInstant(tx, userId, loan, input.dueOn, defaultTimeZone);
    // A promise for today made after the reminder time: the borrower has just said it, no message.
    const remindAt = at && at.getTime() > now.getTime() ? at : undefined;
    if (remindAt)
      queueMessage(tx, { chatId: userId, userId, message: dayMessage(promise), key: promiseDayKey(row.id), notBefore: remindAt, now });
    return {
      ok: true,
      promise,
      ...(replaced && { replaced: viewOf(replaced, loan.name) }),
      ...(remindAt && { remindAt }),
    };
  });
}

/** The borrower takes back an open promise; its day message is dropped. Undefined when it is not open (any more). */
export function cancelPromise(q: Queryable, userId: number, promiseId: number, now: Date): PromiseView | undefined {
  return writeTransaction(q, (tx) => {
    const open = findPromiseOfUser(tx, userId, promiseId);
    if (open?.status !== 'open') return undefined;
    const cancelled = cancelOpen(tx, userId, open, { id: userId, role: 'borrower' }, now);
    const loan = findLoan(tx, userId, open.loanId);
    return cancelled && viewOf(cancelled, loan?.name ?? '');
  });
}

/** Whether the payments towards the loan recorded after the promise was made reach its amount. */
function isKept(q: Queryable, promise: PromiseRow): boolean {
  const paid = sumMoney(paidOnLoanSince(q, promise.loanId, promise.createdAt).map((amount) => new Decimal(amount)));
  return paid.gte(promise.amount);
}

function markKept(q: Queryable, promise: PromiseRow, actor: { id: number | null; role: AuditRole }, now: Date): boolean {
  const kept = resolvePromiseIf(q, promise.id, 'kept', now.toISOString());
  if (!kept) return false;
  dropPendingMessage(q, promiseDayKey(promise.id));
  recordAudit(q, {
    actorId: actor.id,
    actorRole: actor.role,
    action: 'promise-kept',
    userId: promise.userId,
    promiseId: promise.id,
    loanId: promise.loanId,
    before: snapshot(promise),
    after: snapshot(kept),
    at: now,
  });
  return true;
}

/**
 * After a payment towards the loan was recorded (inside its transaction): its open promise is
 * kept once the payments since it was made reach its amount, and the day's message is dropped.
 */
export function keepPromiseIfPaid(q: Queryable, userId: number, loanId: number, now: Date): boolean {
  const open = openPromiseOfLoan(q, userId, loanId);
  return open !== undefined && isKept(q, open) && markKept(q, open, { id: userId, role: 'borrower' }, now);
}

/**
 * What a reminder pass does with open promises: kept when paid (a payoff, say, recorded another
 * way), else broken once the lender's today is past the promised day (the bot records it:
 * actorRole 'system'). The loan's overdue reminders then come again by themselves, as the hold
 * ends with the day. Each in its own transaction.
 */
export function resolvePromises(q: Queryable, now: Date, defaultTimeZone?: string): { kept: number; broken: number } {
  let kept = 0;
  let broken = 0;
  for (const open of allOpenPromises(q)) {
    writeTransaction(q, (tx) => {
      const loan = findLoan(tx, open.userId, open.loanId);
      if (!loan) return;
      if (isKept(tx, open)) {
        if (markKept(tx, open, { id: null, role: 'system' }, now)) kept += 1;
        return;
      }
      const zone = defaultTimeZone ?? findUser(tx, open.userId)?.timeZone ?? 'UTC';
      if (loanToday(loan, now, zone) <= open.dueOn) return;
      const row = resolvePromiseIf(tx, open.id, 'broken', now.toISOString());
      if (!row) return;
      // Its day is over: a day message still waiting (quiet hours pushed it past the day) is stale.
      dropPendingMessage(tx, promiseDayKey(open.id));
      recordAudit(tx, {
        actorId: null,
        actorRole: 'system',
        action: 'promise-broken',
        userId: open.userId,
        promiseId: open.id,
        loanId: open.loanId,
        before: snapshot(open),
        after: snapshot(row),
        at: now,
      });
      broken += 1;
    });
  }
  return { kept, broken };
}

/** A promise as an operator's /queue lists it. */
export interface OperatorPromise {
  id: number;
  userId: number;
  loanId: number;
  loanName: string;
  amount: Decimal;
  dueOn: IsoDate;
  status: PromiseStatus;
  createdAt: string;
}

/** Every borrower's open promises and those broken in the last 7 days, the earliest day first: for /queue. */
export function promisesForOperators(q: Queryable, now: Date): OperatorPromise[] {
  return openAndRecentlyBroken(q, new Date(now.getTime() - BROKEN_SHOWN_MS).toISOString()).map((row) => ({
    id: row.id,
    userId: row.userId,
    loanId: row.loanId,
    loanName: row.loanName,
    amount: new Decimal(row.amount),
    dueOn: row.dueOn,
    status: row.status,
    createdAt: row.createdAt,
  }));
}
