import type { Clock } from '../core/clock.ts';
import type { OutgoingMessage } from '../core/types.ts';
import type { Db } from '../db/client.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Translator } from '../i18n/translator.ts';
import type { Logger } from '../log.ts';
import { dispatchOutbox, type DispatchDeps, type DispatchStats } from './dispatcher.ts';
import { planReminders, type PlanResult } from './planner.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { renderReminder } from './render.ts';
import type { MessageSender } from '../core/sender.ts';
import { resolvePromises } from '../services/promises.ts';

export interface ReminderPassDeps {
  db: Db;
  clock: Clock;
  translator: Translator;
  defaultLocale: Locale;
  logger: Logger;
  sender: MessageSender;
  limiter?: RateLimiter;
  onlyUserId?: number;
  /** The zone of a loan whose lender's zone is not set (config DEFAULT_TIMEZONE). */
  defaultTimeZone?: string;
}

export type ReminderPass = () => Promise<PlanResult & DispatchStats>;
/** Sends what is due in the outbox now, planning nothing: the nudge after an update queued a message. */
export type DeliveryPass = () => Promise<DispatchStats>;

/** One scheduler pass: queue what has come due, then send it. Both halves are safe to repeat. */
export function createReminderPass(deps: ReminderPassDeps): ReminderPass {
  const pass = async () => {
    // Promises whose day has passed are kept or broken first: a broken one holds nothing any more.
    try {
      const promises = resolvePromises(deps.db, deps.clock.now(), deps.defaultTimeZone);
      if (promises.kept + promises.broken > 0) deps.logger.info(promises, 'promises resolved');
    } catch (error) {
      deps.logger.error({ err: error }, 'resolving promises to pay failed; reminders go on and the next pass tries again');
    }
    const plan = planReminders(
      deps.db,
      deps.clock.now(),
      (error, { installmentId, userId }) =>
        deps.logger.error(
          { err: error, installmentId, userId },
          'reminder planning failed for this user’s settings; the installment’s reminders are skipped until they are re-planned',
        ),
      deps.defaultTimeZone,
    );
    const dispatch = await dispatchOutbox(dispatchDeps(deps));
    const result = { ...plan, ...dispatch };
    if (result.queued + result.sent + result.dead > 0) deps.logger.info(result, 'reminder pass');
    return result;
  };
  return () => inLane(deps.db, 'plan', pass);
}

/**
 * Dispatch only, no planning: what the runtime calls right after an update queued something (an
 * operator notice, a decision, a reply to another chat), so it goes out within a second instead
 * of at the next cron tick. Give it the same deps as the reminder pass: the same sender and,
 * above all, the same limiter, or the two would each allow Telegram's whole rate.
 */
export function createDeliveryPass(deps: ReminderPassDeps): DeliveryPass {
  const pass = async () => {
    const result = await dispatchOutbox(dispatchDeps(deps));
    if (result.sent + result.dead > 0) deps.logger.info(result, 'delivery pass');
    return result;
  };
  return () => inLane(deps.db, 'deliver', pass);
}

function dispatchDeps(deps: ReminderPassDeps): DispatchDeps {
  return {
    db: deps.db,
    now: () => deps.clock.now(),
    sender: deps.sender,
    ...(deps.limiter && { limiter: deps.limiter }),
    ...(deps.onlyUserId !== undefined && { onlyUserId: deps.onlyUserId }),
    render: (userId, rows, now) => renderReminder(deps.db, deps.translator, deps.defaultLocale, userId, rows, now, deps.defaultTimeZone),
    logger: deps.logger,
  };
}

/*
 * One in-flight guard for every pass over one database handle, reminder or delivery, so two never
 * send at once from one process (they would race for the same chats and the limiter). The lane is
 * a queue: the pass running, then at most a few waiting.
 * - A reminder pass asked for while a reminder pass runs joins it (a cron tick that comes while the
 *   last pass is still sending does not start another), or joins one already waiting.
 * - A delivery pass asked for while anything runs waits for it and then runs: the running pass may
 *   already have looked for due rows before the update's message was committed. Requests that come
 *   meanwhile share that one waiting pass (any waiting pass sends everything due when it starts).
 */
type PassKind = 'plan' | 'deliver';

interface LaneEntry {
  kind: PassKind;
  started: boolean;
  done: Promise<DispatchStats>;
}

const lanes = new WeakMap<Db, LaneEntry[]>();

function inLane<T extends DispatchStats>(db: Db, kind: PassKind, run: () => Promise<T>): Promise<T> {
  let entries = lanes.get(db);
  if (!entries) {
    entries = [];
    lanes.set(db, entries);
  }
  const waiting = entries.filter((entry) => !entry.started);
  // A plan entry resolves to PlanResult & DispatchStats, so a reminder pass joins only plan
  // entries; a delivery pass may join either.
  const joinable =
    kind === 'plan'
      ? (waiting.find((entry) => entry.kind === 'plan') ?? (waiting.length === 0 && entries[0]?.kind === 'plan' ? entries[0] : undefined))
      : waiting[0];
  if (joinable) return joinable.done as Promise<T>;
  const lane = entries;
  const previous = lane.at(-1)?.done;
  const entry: LaneEntry = { kind, started: false, done: undefined as unknown as Promise<DispatchStats> };
  const start = () => {
    entry.started = true;
    return run();
  };
  const done = (previous ? previous.then(start, start) : start()).finally(() => {
    lane.splice(lane.indexOf(entry), 1);
  });
  entry.done = done;
  lane.push(entry);
  return done;
}

/** A sender for the terminal and JSON-lines transports: the message is simply handed over. */
export function collectingSender(into: (message: OutgoingMessage) => void): MessageSender {
  return {
    send: async (message) => {
      into(message);
      return { kind: 'sent' };
    },
  };
}
