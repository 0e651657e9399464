import type { Db } from '../db/client.ts';
import { takeInUpdate, type UpdateKey } from '../db/processed-updates-repo.ts';

export type { UpdateKey } from '../db/processed-updates-repo.ts';

/** How long an update is remembered. Telegram keeps undelivered updates for 24 hours. */
export const PROCESSED_UPDATES_KEPT_MS = 24 * 60 * 60 * 1000;

/*
 * Exactly one effect per Telegram update (issue 12, point 5).
 *
 * Long polling confirms an update only with the next getUpdates (a webhook, by answering 200), so
 * after a crash Telegram delivers again everything since the last confirmation: updates already
 * handled and answered included. A client that resends a message sends the same message_id in the
 * same chat under a new update_id. Either must get no second answer, and a repeated text must not
 * become the answer to the form's next question.
 *
 * Ideally the record would be written in the same transaction as the update's effects. It cannot
 * be: a handler is asynchronous (it may await), while a better-sqlite3 transaction is synchronous
 * and must not stay open across an await (other users' updates run meanwhile, and their writes
 * would join it). So the record is written FIRST, in its own transaction, before the update is
 * handled: at most once. What that chooses, for the few milliseconds between this commit and the
 * effects' commit: a kill -9 there loses that one update (no effect, no answer; the borrower sees
 * nothing happened and writes again, a new message handled normally). Writing it AFTER the effects
 * would instead, for the same window, apply the update twice: a payment form's answer landing on
 * the next question, a message sent twice — harm the borrower can neither see coming nor undo.
 * Claiming first also stops two deliveries of one update that arrive together (a webhook retry
 * while the first is still being handled) from both running.
 */

/**
 * Takes an update in: true the first time, false for one already seen (redelivered or resent),
 * which the core then ignores. First it forgets the updates older than a day (a range on the
 * index on processed_at, usually empty), so the table holds one day of updates, and an id seen
 * long ago cannot refuse a new one: after a week without updates Telegram starts its ids afresh
 * at random, while the table still holds the last day before that week.
 */
export function claimUpdate(db: Db, key: UpdateKey, now: Date): boolean {
  // Its own short transaction on the database itself, never inside a caller's.
  return takeInUpdate(db, key, now.toISOString(), new Date(now.getTime() - PROCESSED_UPDATES_KEPT_MS).toISOString());
}
