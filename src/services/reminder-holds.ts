import type { Queryable } from '../db/client.ts';
import { loansOfUser } from '../db/loans-repo.ts';
import { collectionPausesOfUser, openPromisesOfUser } from '../db/promises-repo.ts';
import { loanToday } from './ledger.ts';

/*
 * THE rule for when a loan's overdue reminders wait (issue 11, points 6 and 7). A loan is held
 * while
 * - the borrower has an open promise to pay on it whose day has not passed (the lender's today
 *   is on or before the promised day: on the day itself the promise's own message comes instead), or
 * - a collection pause they asked for (hardship kind 'collection-pause') covers it: while the
 *   request is open or waiting for the borrower's answer, and once approved until its pauseUntil.
 * Only overdue reminders wait: reminders before a due date (of this loan's other installments
 * too) keep coming. The reminder rendering asks this (src/reminders/render.ts); nothing is
 * re-planned, so when a hold ends the next overdue reminder in the timetable comes as usual.
 */

/** The ids of the user's loans whose overdue reminders are held at `now`. */
export function heldLoanIds(q: Queryable, userId: number, now: Date, defaultTimeZone: string): Set<number> {
  const held = new Set<number>();
  const promises = openPromisesOfUser(q, userId);
  if (promises.length > 0) {
    const loans = new Map(loansOfUser(q, userId).map((loan) => [loan.id, loan]));
    for (const promise of promises) {
      const loan = loans.get(promise.loanId);
      if (loan && loanToday(loan, now, defaultTimeZone) <= promise.dueOn) held.add(loan.id);
    }
  }
  for (const pause of collectionPausesOfUser(q, userId)) {
    const holds =
      pause.status === 'open' ||
      pause.status === 'info-requested' ||
      (pause.status === 'approved' && pause.pauseUntil !== null && new Date(pause.pauseUntil).getTime() > now.getTime());
    if (holds) for (const loanId of pause.loanIds) held.add(loanId);
  }
  return held;
}

/** Whether one loan's overdue reminders are held at `now` (heldLoanIds for one loan). */
export function isLoanHeld(q: Queryable, userId: number, loanId: number, now: Date, defaultTimeZone: string): boolean {
  return heldLoanIds(q, userId, now, defaultTimeZone).has(loanId);
}
