import { randomInt } from 'node:crypto';
import type { Queryable } from '../db/client.ts';
import { eraseUserRows, pseudonymTaken, type ErasedCounts } from '../db/forget-repo.ts';
import { writeTransaction } from '../db/write-transaction.ts';

export type { ErasedCounts };

/*
 * /forget (issue 13): everything about the user erased in one transaction — their settings,
 * loans with schedules, payments and penalty entries, hardship requests and their notes,
 * promises, reminder timetable and outbox rows, open forms, the updates taken in from their chat.
 * The audit trail cannot lose entries (operators' history of what was asked and decided must
 * stay whole), so the user's entries keep only their kind, time and row ids, under a pseudonym: a
 * random negative number no Telegram user can have; the before/after snapshots (text, amounts,
 * names) are blanked. Migration 0007 lets exactly that change through and refuses any other.
 */

/** A pseudonym: negative (Telegram ids are positive), random, and not used by another forgotten user. */
function drawPseudonym(q: Queryable): number {
  for (;;) {
    const pseudonym = -randomInt(1, 2 ** 47);
    if (!pseudonymTaken(q, pseudonym)) return pseudonym;
  }
}

export function forgetUser(q: Queryable, userId: number): ErasedCounts {
  return writeTransaction(q, (tx) => eraseUserRows(tx, userId, drawPseudonym(tx)));
}
