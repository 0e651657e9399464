import type { MessageSender, SendResult } from '../core/sender.ts';
import type { OutgoingMessage } from '../core/types.ts';
import type { Db } from '../db/client.ts';
import {
  chatsWithDueRows,
  claimChatRows,
  isReminderRow,
  markRows,
  queueReminder,
  releaseClaims,
  retryRows,
  unclaimRows,
  type OutboxRow,
} from '../db/outbox-repo.ts';
import { findUser, setUserActive } from '../db/users-repo.ts';
import type { Logger } from '../log.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { renderQueuedMessage, type CoveredReminder, type RenderedReminder } from './render.ts';

/*
 * The one dispatcher of the delivery outbox. It claims a chat's due rows, sends, and marks the
 * rows sent. A chat's reminder rows go out together as one message, rendered from the loans'
 * state now (render.ts); each message row (an operator notice, a decision, a reply to another
 * chat) goes out as it was queued. Everything shares the limiter and the handling of Telegram's
 * answers. A crash between send and mark leaves rows claimed; the next start releases them, so a
 * message in flight may arrive twice but never not at all.
 */

export interface DispatchDeps {
  db: Db;
  now: () => Date;
  sender: MessageSender;
  limiter?: RateLimiter;
  render: (userId: number, rows: OutboxRow[], now: Date) => RenderedReminder | undefined;
  logger: Logger;
  /** The terminal chat delivers only its own user's chat; the rest wait for the Telegram bot. */
  onlyUserId?: number;
}

export interface DispatchStats {
  /** Rows, not messages: a reminder message may carry several. */
  sent: number;
  dropped: number;
  retried: number;
  dead: number;
  /** Reminder rows put back because it is the borrower's quiet hours (sent when they end). */
  held: number;
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

/** Sends everything due now, reminders and messages, a batch of chats at a time, until nothing due is left. */
export async function dispatchOutbox(deps: DispatchDeps, batchSize = 500): Promise<DispatchStats> {
  const stats: DispatchStats = { sent: 0, dropped: 0, retried: 0, dead: 0, held: 0 };
  recoverAbandonedClaims(deps.db, deps.now(), CLAIM_LEASE_MS);
  for (;;) {
    const chatIds = chatsWithDueRows(deps.db, deps.now().toISOString(), batchSize, deps.onlyUserId);
    if (chatIds.length === 0) return stats;
    // Rows put back for later (429, back-off) have a future notBefore, and every round sends at
    // least one thing per chat it visits, so this loop ends. The chats of a round are distinct, so
    // sends in flight at once (the limiter's inFlight) never share a chat.
    await eachAtOnce(chatIds, deps.limiter?.inFlight ?? 1, (chatId) => dispatchChat(deps, chatId, stats));
  }
}

/**
 * Runs `work` for every item, at most `lanes` at once, in order of starting. The first error stops
 * new work, waits for what is running and is thrown (as one failing send stops a sequential pass).
 */
async function eachAtOnce<T>(items: readonly T[], lanes: number, work: (item: T) => Promise<void>): Promise<void> {
  if (lanes <= 1) {
    for (const item of items) await work(item);
    return;
  }
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (!failure && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
  if (failure) throw failure.error;
}

/** One send for one chat: its due reminder rows together, or its oldest message, whichever was queued first. */
async function dispatchChat(deps: DispatchDeps, chatId: number, stats: DispatchStats): Promise<void> {
  const rows = claimChatRows(deps.db, chatId, deps.now().toISOString());
  const [first] = rows;
  if (!first) return;
  const taken = isReminderRow(first) ? rows.filter(isReminderRow) : [first];
  // The rest go back for the next round: waiting here for this chat's one-a-second slot would hold
  // up every other chat, while by the next round the slot has usually come.
  if (taken.length < rows.length)
    unclaimRows(
      deps.db,
      rows.filter((row) => !taken.includes(row)).map((row) => row.id),
    );
  if (isReminderRow(first)) await dispatchReminderRows(deps, chatId, taken, stats);
  else await dispatchMessageRow(deps, chatId, first, stats);
}

async function dispatchReminderRows(deps: DispatchDeps, chatId: number, rows: OutboxRow[], stats: DispatchStats): Promise<void> {
  const { db } = deps;
  // A reminder row always has its user (the table's CHECK); its chat is the user's private chat.
  const userId = rows[0]?.userId ?? chatId;
  let rendered: RenderedReminder | undefined;
  try {
    rendered = deps.render(userId, rows, deps.now());
  } catch (error) {
    unreadable(deps, rows, error, stats, { userId }, 'reminder could not be rendered');
    return;
  }
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
  const ids = rendered.included;
  const included = rows.filter((row) => ids.includes(row.id));
  if (rendered.holdUntil) {
    // Quiet hours: back to pending until they end, no try used (nothing was wrong).
    retryRows(db, included, rendered.holdUntil.toISOString(), 'quiet hours', false);
    stats.held += included.length;
    return;
  }
  const result = await send(deps, rendered.message);
  const batchId = Math.min(...ids);
  handleResult(deps, result, included, stats, {
    what: 'reminder',
    userId,
    log: { userId },
    sent: { batchId },
  });
  if (result.kind === 'sent') recordCovered(db, userId, batchId, rendered.covers ?? [], deps.now());
}

/**
 * The later reminders of the day the message stood for go into the outbox as sent with it, under
 * their own key (installment, kind, due date): the planner's insert of the same key later does
 * nothing, so the borrower does not hear the same thing again an hour later.
 */
function recordCovered(db: Db, userId: number, batchId: number, covers: CoveredReminder[], now: Date): void {
  for (const cover of covers) {
    const fireAt = cover.fireAt.toISOString();
    queueReminder(db, {
      userId,
      installmentId: cover.installmentId,
      kind: cover.kind,
      dueDate: cover.dueDate,
      fireAt,
      notBefore: fireAt,
      status: 'sent',
      sentAt: now.toISOString(),
      batchId,
      lastError: 'covered by an earlier message that day',
    });
  }
}

/**
 * A message row goes out as queued. It is tried even when its user is marked inactive or has
 * paused reminders: "inactive" only remembers an earlier 403 (they may have unblocked the bot
 * since without writing), and a message someone chose to send (the decision on a borrower's
 * request, an operator notice) is what they are waiting for, unlike a routine reminder. Trying
 * costs one request; a 403 drops it again.
 */
async function dispatchMessageRow(deps: DispatchDeps, chatId: number, row: OutboxRow, stats: DispatchStats): Promise<void> {
  const log = { outboxId: row.id, chatId };
  let message: OutgoingMessage;
  try {
    message = renderQueuedMessage(row);
  } catch (error) {
    unreadable(deps, [row], error, stats, log, 'queued message could not be read');
    return;
  }
  const result = await send(deps, message);
  // A private chat's id is its user's: a known user's chat is theirs even if the row does not say so.
  const userId = row.userId ?? (result.kind === 'blocked' && chatId > 0 && findUser(deps.db, chatId) ? chatId : undefined);
  handleResult(deps, result, [row], stats, { what: 'message', ...(userId !== undefined && { userId }), log, sent: {} });
}

async function send(deps: DispatchDeps, message: OutgoingMessage): Promise<SendResult> {
  const answered = await deps.limiter?.acquire(message.chatId);
  try {
    return await deps.sender.send(message);
  } finally {
    answered?.();
  }
}

/**
 * Our bug, found before anything was sent (a render error, a payload that does not read back):
 * count a try and back off, so one bad row can neither stop the pass for everyone nor be retried
 * forever. (An error from the sender is left to escape like a crash: the rows stay claimed and
 * are recovered after the lease.)
 */
function unreadable(
  deps: DispatchDeps,
  rows: OutboxRow[],
  error: unknown,
  stats: DispatchStats,
  log: Record<string, number>,
  msg: string,
): void {
  const attempts = Math.max(...rows.map((row) => row.attempts)) + 1;
  deps.logger.error({ err: error, ...log, attempts }, msg);
  if (attempts >= MAX_ATTEMPTS) {
    markRows(
      deps.db,
      rows.map((r) => r.id),
      { status: 'dead', lastError: String(error), attempts },
    );
    stats.dead += rows.length;
  } else {
    retryRows(deps.db, rows, backoff(deps.now(), attempts), String(error), true);
    stats.retried += rows.length;
  }
}

interface Target {
  what: 'reminder' | 'message';
  /** The user whose private chat it went to; unset for a group or operator chat. */
  userId?: number;
  /** What the log lines say about it: ids only, never a loan's name or an amount. */
  log: Record<string, number>;
  /** Extra columns for rows marked sent. */
  sent: { batchId?: number };
}

function handleResult(deps: DispatchDeps, result: SendResult, rows: OutboxRow[], stats: DispatchStats, target: Target): void {
  const { db, logger } = deps;
  const ids = rows.map((row) => row.id);
  const now = deps.now();
  switch (result.kind) {
    case 'sent':
      markRows(db, ids, { status: 'sent', sentAt: now.toISOString(), ...target.sent });
      stats.sent += rows.length;
      break;
    case 'retry-after':
      deps.limiter?.pauseFor(result.seconds * 1000);
      retryRows(db, rows, new Date(now.getTime() + result.seconds * 1000).toISOString(), `429 retry after ${result.seconds}s`, false);
      stats.retried += rows.length;
      break;
    case 'blocked':
      if (target.userId !== undefined) {
        // They blocked the bot: stop until they write again (the core reactivates them).
        setUserActive(db, target.userId, false);
        markRows(db, ids, { status: 'dropped', lastError: `blocked: ${result.reason}` });
        stats.dropped += rows.length;
        logger.info(
          target.log,
          target.what === 'reminder' ? 'user blocked the bot; reminders stopped' : 'user blocked the bot; message dropped',
        );
      } else {
        // A group or operator chat that removed the bot, or a chat that never had it: there is no
        // user to mark, and nothing later will fix it by itself. Someone must look.
        markRows(db, ids, { status: 'dead', lastError: `blocked: ${result.reason}` });
        stats.dead += rows.length;
        logger.error({ ...target.log, reason: result.reason }, 'chat refused the bot (403); message dead-lettered');
      }
      break;
    case 'unknown':
      markRows(db, ids, { status: 'unconfirmed', lastError: result.reason });
      stats.dead += rows.length;
      logger.warn({ ...target.log, reason: result.reason }, `${target.what} delivery unknown; not re-sent`);
      break;
    case 'failed': {
      const attempts = Math.max(...rows.map((row) => row.attempts)) + 1;
      if (attempts >= MAX_ATTEMPTS) {
        markRows(db, ids, { status: 'dead', lastError: result.reason, attempts });
        stats.dead += rows.length;
        logger.error({ ...target.log, reason: result.reason, attempts }, `${target.what} dead-lettered`);
      } else {
        retryRows(db, rows, backoff(now, attempts), result.reason, true);
        stats.retried += rows.length;
      }
      break;
    }
  }
}
