import type { Db } from '../db/client.ts';
import { claimUserRows, markRows, releaseClaims, retryRows, usersWithDueReminders, type OutboxRow } from '../db/outbox-repo.ts';
import { setUserActive } from '../db/users-repo.ts';
import type { Logger } from '../log.ts';
import type { RateLimiter } from './rate-limiter.ts';
import type { RenderedReminder } from './render.ts';
import type { MessageSender, SendResult } from '../core/sender.ts';

/*
 * The dispatcher claims a user's due rows, sends one message, and marks the rows sent. A crash
 * between send and mark leaves rows claimed; the next start releases them, so a message in flight
 * may arrive twice but never not at all.
 */

export interface DispatchDeps {
  db: Db;
  now: () => Date;
  sender: MessageSender;
  limiter?: RateLimiter;
  render: (userId: number, rows: OutboxRow[], now: Date) => RenderedReminder | undefined;
  logger: Logger;
  /** The terminal chat delivers only its own user's reminders; the rest wait for the Telegram bot. */
  onlyUserId?: number;
}

export interface DispatchStats {
  sent: number;
  dropped: number;
  retried: number;
  dead: number;
}

/** Tries before a row is dead-lettered. */
export const MAX_ATTEMPTS = 5;
/** How old a claim must be before another pass treats it as abandoned (a crashed dispatcher). */
export const CLAIM_LEASE_MS = 5 * 60_000;

/** On start-up every claim is abandoned: no other dispatcher of ours is running. */
export function recoverAbandonedClaims(db: Db, now: Date, leaseMs = 0): number {
  return releaseClaims(db, new Date(now.getTime() - leaseMs).toISOString());
}

/** 1, 2, 4, 8 minutes after the 1st, 2nd, 3rd, 4th failed try. */
function backoff(now: Date, attempts: number): string {
  return new Date(now.getTime() + 60_000 * 2 ** (attempts - 1)).toISOString();
}

/** Sends everything due now, a batch of users at a time, until nothing due is left. */
export async function dispatchReminders(deps: DispatchDeps, batchSize = 500): Promise<DispatchStats> {
  const stats: DispatchStats = { sent: 0, dropped: 0, retried: 0, dead: 0 };
  recoverAbandonedClaims(deps.db, deps.now(), CLAIM_LEASE_MS);
  for (;;) {
    const userIds = usersWithDueReminders(deps.db, deps.now().toISOString(), batchSize, deps.onlyUserId);
    if (userIds.length === 0) return stats;
    // Rows put back for later (429, back-off) have a future notBefore, so this loop ends.
    for (const userId of userIds) await dispatchUser(deps, userId, stats);
  }
}

async function dispatchUser(deps: DispatchDeps, userId: number, stats: DispatchStats): Promise<void> {
  const { db } = deps;
  const rows = claimUserRows(db, userId, deps.now().toISOString());
  if (rows.length === 0) return;
  let rendered: RenderedReminder | undefined;
  try {
    rendered = deps.render(userId, rows, deps.now());
  } catch (error) {
    // Our bug, found before anything was sent: count a try and back off, so one bad row can
    // neither stop the pass for everyone nor be retried forever. (An error from the sender is
    // left to escape like a crash: the rows stay claimed and are recovered after the lease.)
    const attempts = Math.max(...rows.map((row) => row.attempts)) + 1;
    deps.logger.error({ err: error, userId, attempts }, 'reminder could not be rendered');
    if (attempts >= MAX_ATTEMPTS) {
      markRows(
        db,
        rows.map((r) => r.id),
        { status: 'dead', lastError: String(error), attempts },
      );
      stats.dead += rows.length;
    } else {
      retryRows(db, rows, backoff(deps.now(), attempts), String(error), true);
      stats.retried += rows.length;
    }
    return;
  }
  await deliver(deps, userId, rows, rendered, stats);
}

async function deliver(
  deps: DispatchDeps,
  userId: number,
  rows: OutboxRow[],
  rendered: RenderedReminder | undefined,
  stats: DispatchStats,
): Promise<void> {
  const { db, logger } = deps;
  if (!rendered || rendered.included.length === 0) {
    markRows(
      db,
      rows.map((r) => r.id),
      { status: 'dropped', lastError: 'nothing open' },
    );
    stats.dropped += rows.length;
    return;
  }
  if (rendered.dropped.length > 0) {
    markRows(db, rendered.dropped, { status: 'dropped', lastError: 'paid or paused' });
    stats.dropped += rendered.dropped.length;
  }
  const included = rows.filter((row) => rendered.included.includes(row.id));
  const answered = await deps.limiter?.acquire(rendered.message.chatId);
  let result: SendResult;
  try {
    result = await deps.sender.send(rendered.message);
  } finally {
    answered?.();
  }
  const now = deps.now();
  switch (result.kind) {
    case 'sent':
      markRows(db, rendered.included, { status: 'sent', sentAt: now.toISOString(), batchId: Math.min(...rendered.included) });
      stats.sent += included.length;
      break;
    case 'retry-after':
      deps.limiter?.pauseFor(result.seconds * 1000);
      retryRows(db, included, new Date(now.getTime() + result.seconds * 1000).toISOString(), `429 retry after ${result.seconds}s`, false);
      stats.retried += included.length;
      break;
    case 'blocked':
      // They blocked the bot: stop until they write again (the core reactivates them).
      setUserActive(db, userId, false);
      markRows(db, rendered.included, { status: 'dropped', lastError: `blocked: ${result.reason}` });
      stats.dropped += included.length;
      logger.info({ userId }, 'user blocked the bot; reminders stopped');
      break;
    case 'unknown':
      markRows(db, rendered.included, { status: 'unconfirmed', lastError: result.reason });
      stats.dead += included.length;
      logger.warn({ userId, reason: result.reason }, 'reminder delivery unknown; not re-sent');
      break;
    case 'failed': {
      const attempts = Math.max(...included.map((row) => row.attempts)) + 1;
      if (attempts >= MAX_ATTEMPTS) {
        markRows(db, rendered.included, { status: 'dead', lastError: result.reason, attempts });
        stats.dead += included.length;
        logger.error({ userId, reason: result.reason, attempts }, 'reminder dead-lettered');
      } else {
        retryRows(db, included, backoff(now, attempts), result.reason, true);
        stats.retried += included.length;
      }
      break;
    }
  }
}
