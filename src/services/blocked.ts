import type { Queryable } from '../db/client.ts';
import { findUser, setUserActive } from '../db/users-repo.ts';

/**
 * Telegram answered 403 to a message for this user's private chat (they blocked the bot or
 * deleted their account): marked inactive, as the reminder dispatcher does on a 403, so no
 * reminder is tried until they write again (entering the core reactivates them). False for an id
 * that is no user of ours.
 */
export function markUserBlocked(q: Queryable, userId: number): boolean {
  if (!findUser(q, userId)) return false;
  setUserActive(q, userId, false);
  return true;
}
