import { PassThrough } from 'node:stream';
import { createInterface } from 'node:readline';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { pino } from 'pino';
import type { SettableClock, Clock } from '../../src/core/clock.ts';
import type { OutgoingMessage } from '../../src/core/types.ts';
import type { Db } from '../../src/db/client.ts';
import type { OutboxRow } from '../../src/db/outbox-repo.ts';
import { loans, reminderOutbox, reminderTimetable, users } from '../../src/db/schema.ts';
import { localDateTime } from '../../src/domain/local-time.ts';
import type { Logger } from '../../src/log.ts';
import type { DeliveryPass, ReminderPass } from '../../src/reminders/pass.ts';
import { refreshReminders } from '../../src/services/reminder-timetable.ts';
import { RateLimiter } from '../../src/reminders/rate-limiter.ts';
import type { MessageSender, SendResult } from '../../src/core/sender.ts';
import { serveJsonl } from '../../src/app/run-chat.ts';
import { createTestBot, testRuntime, type TestBot } from './bot.ts';
import type { JsonlOutput } from './jsonl.ts';

/*
 * Reminders under test: the real planner, outbox and dispatcher, driven by a SettableClock and
 * a fake sender. Nothing here sleeps on a wall clock: a "tick" sets the clock and runs one pass,
 * exactly as a {"tick": ISO} line does in the JSON-lines transport.
 */

export const CAR = 'car 10000 12 months 12% annuity first 2027-01-15';
export const PHONE = 'phone 6000 6 months 12% annuity first 2027-01-15';

export interface Delivery {
  at: Date;
  message: OutgoingMessage;
  result: SendResult;
}

/**
 * A sender that records every message with the clock's time, and answers with the results it
 * was told to give (in order, then 'sent'). A function answer sees the message.
 */
export class FakeSender implements MessageSender {
  readonly calls: Delivery[] = [];
  private readonly answers: (SendResult | ((message: OutgoingMessage) => SendResult))[] = [];
  /** Answers for every send while set (after the queued answers run out). */
  always: ((message: OutgoingMessage) => SendResult) | undefined;
  /**
   * Simulates a process dying after the message left: the send records it, then throws. A
   * function decides per send, from how many sends came before (0, 1, 2, …).
   */
  crashAfterSend: boolean | ((sendsBefore: number) => boolean) = false;

  constructor(private readonly clock: Clock) {}

  answer(...results: (SendResult | ((message: OutgoingMessage) => SendResult))[]): this {
    this.answers.push(...results);
    return this;
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    const next = this.answers.shift() ?? this.always ?? { kind: 'sent' };
    const result = typeof next === 'function' ? next(message) : next;
    const crash = typeof this.crashAfterSend === 'function' ? this.crashAfterSend(this.calls.length) : this.crashAfterSend;
    this.calls.push({ at: this.clock.now(), message, result });
    if (crash) throw new Error('simulated crash after send');
    return result;
  }

  /** Messages that reached the user (or may have: a crash after send counts). */
  get delivered(): Delivery[] {
    return this.calls.filter((call) => call.result.kind === 'sent');
  }
}

export interface ReminderBot extends TestBot {
  sender: FakeSender;
  pass: ReminderPass;
  /** The dispatch-only pass (no planning), on the same sender and limiter as `pass`. */
  deliveryPass: DeliveryPass;
  /** Sets the clock (if given) and runs one delivery pass; returns the sends it made. */
  deliver(at?: string | Date): Promise<Delivery[]>;
  /** Sets the clock and runs one scheduler pass; returns the sends it made (every result). */
  tick(at: string | Date): Promise<Delivery[]>;
  /** Ticks every `stepMs` from `from` to `to` inclusive; returns every send, in order. */
  ticks(from: string | Date, to: string | Date, stepMs?: number): Promise<Delivery[]>;
}

export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

export function createReminderBot(options: {
  db?: Db;
  now: Date | string;
  limiter?: (clock: SettableClock) => RateLimiter;
  logger?: Logger;
}): ReminderBot {
  const bot = createTestBot({
    ...(options.db && { db: options.db }),
    ...(options.logger && { logger: options.logger }),
    now: new Date(options.now),
  });
  const sender = new FakeSender(bot.clock);
  // The passes as the composition root builds them: one sender and one limiter for both.
  const passOptions = options.limiter ? { limiter: options.limiter(bot.clock) } : {};
  const pass = bot.runtime.reminderPass(sender, passOptions);
  const deliveryPass = bot.runtime.deliveryPass(sender, passOptions);
  const tick = async (at: string | Date) => {
    bot.clock.set(new Date(at));
    const before = sender.calls.length;
    await pass();
    return sender.calls.slice(before);
  };
  return {
    ...bot,
    sender,
    pass,
    deliveryPass,
    async deliver(at) {
      if (at !== undefined) bot.clock.set(new Date(at));
      const before = sender.calls.length;
      await deliveryPass();
      return sender.calls.slice(before);
    },
    tick,
    async ticks(from, to, stepMs = HOUR_MS) {
      const out: Delivery[] = [];
      for (let t = new Date(from).getTime(); t <= new Date(to).getTime(); t += stepMs) out.push(...(await tick(new Date(t))));
      return out;
    },
  };
}

export async function addLoan(bot: TestBot, line: string, options: { user?: number } = {}): Promise<void> {
  await bot.say(`/addloan ${line}`, options);
  const saved = await bot.pressLabel('Save', options);
  if (!saved.some((m) => m.text.includes('Saved'))) throw new Error(`loan not saved: ${saved.map((m) => m.text).join(' | ')}`);
}

/** Changes a loan in the database (its lender's zone, say) and re-points its owner's reminders. */
export function setLoan(
  bot: { db: Db; clock: Clock },
  loanId: number,
  values: Partial<typeof loans.$inferInsert>,
  options: { defaultTimeZone?: string } = {},
): void {
  const loan = bot.db.update(loans).set(values).where(eq(loans.id, loanId)).returning().get();
  if (!loan) throw new Error(`no loan ${loanId}`);
  refreshReminders(bot.db, loan.userId, bot.clock.now(), options.defaultTimeZone);
}

/** Changes a user's settings in the database (as /settings would) and re-points their reminders. */
export function setUser(bot: { db: Db; clock: Clock }, userId: number, values: Partial<typeof users.$inferInsert>): void {
  bot.db.update(users).set(values).where(eq(users.id, userId)).run();
  refreshReminders(bot.db, userId, bot.clock.now());
}

export type TimetableRow = typeof reminderTimetable.$inferSelect;

/** A user's live reminder timetable (rows of their current version), in time order. */
export function timetableOf(db: Db, userId: number): TimetableRow[] {
  return db
    .select({
      fireAt: reminderTimetable.fireAt,
      installmentId: reminderTimetable.installmentId,
      kind: reminderTimetable.kind,
      dueDate: reminderTimetable.dueDate,
      userId: reminderTimetable.userId,
      version: reminderTimetable.version,
    })
    .from(reminderTimetable)
    .innerJoin(users, and(eq(users.id, reminderTimetable.userId), eq(users.reminderVersion, reminderTimetable.version)))
    .where(eq(reminderTimetable.userId, userId))
    .orderBy(reminderTimetable.fireAt, reminderTimetable.installmentId)
    .all();
}

/** Puts timetable rows back as they were, as a second planner that read them before the first one committed would still see them. */
export function restoreTimetable(db: Db, rows: TimetableRow[]): void {
  for (const row of rows) db.insert(reminderTimetable).values(row).onConflictDoNothing().run();
}

/** A reminder row of the outbox: its installment, kind, due date and user are always set. */
export type ReminderOutboxRow = OutboxRow & { userId: number; installmentId: number; kind: string; dueDate: string };

/** The outbox's reminder rows, in queue order (message rows: outboxMessages). */
export function outbox(db: Db): ReminderOutboxRow[] {
  return db
    .select()
    .from(reminderOutbox)
    .where(isNotNull(reminderOutbox.installmentId))
    .orderBy(reminderOutbox.id)
    .all() as ReminderOutboxRow[];
}

/** The outbox's message rows (operator notices, decisions, replies to another chat), in queue order. */
export function outboxMessages(db: Db): OutboxRow[] {
  return db.select().from(reminderOutbox).where(isNull(reminderOutbox.installmentId)).orderBy(reminderOutbox.id).all();
}

/** "2027-01-12 09:00" in the zone: where a borrower would read the time a message arrived. */
export function localStamp(at: Date, timeZone: string): string {
  const { date, time } = localDateTime(at, timeZone);
  return `${date} ${time}`;
}

export function buttonData(message: OutgoingMessage, label: string): string {
  const button = (message.buttons ?? []).flat().find((b) => b.label === label);
  if (!button) throw new Error(`no button "${label}" on: ${message.text}`);
  return button.data;
}

/** A pino logger whose records are kept as objects, to check what was logged. */
export function capturingLogger(): { logger: Logger; records: Record<string, unknown>[] } {
  const records: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'debug', base: undefined },
    { write: (line: string) => records.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { logger, records };
}

/** A limiter on the test's clock: its sleep moves the clock instead of waiting. */
export function fakeTimeLimiter(clock: SettableClock, perSecond = 30, inFlight = 1): RateLimiter {
  return new RateLimiter({
    perSecond,
    inFlight,
    perChatIntervalMs: 1000,
    now: () => clock.now().getTime(),
    sleep: async (ms) => clock.set(new Date(clock.now().getTime() + ms)),
  });
}

// --- the JSON-lines transport, with ticks wired as `repaybot chat --jsonl` wires them -----------

export interface JsonlSession {
  db: Db;
  clock: SettableClock;
  /** Writes one input line and returns what came out for it (up to its {"done":true}). */
  send(line: object): Promise<JsonlOutput[]>;
  tick(iso: string): Promise<JsonlOutput[]>;
  close(): Promise<void>;
}

/** The real JSON-lines interface, line by line, wired as `repaybot chat --jsonl` wires it (serveJsonl). */
export function startJsonlSession(now: string): JsonlSession {
  const input = new PassThrough();
  const output = new PassThrough();
  const runtime = testRuntime({ now: new Date(now) });
  const { db } = runtime;
  const clock = runtime.clock as SettableClock;
  const done = serveJsonl(runtime, { input, output });
  const lines = createInterface({ input: output, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const send = async (line: object) => {
    input.write(`${JSON.stringify(line)}\n`);
    const out: JsonlOutput[] = [];
    for (;;) {
      const next = await lines.next();
      if (next.done) throw new Error('the transport ended early');
      const parsed = JSON.parse(next.value as string) as JsonlOutput;
      if (parsed.done) return out;
      out.push(parsed);
    }
  };
  return {
    db,
    clock,
    send,
    tick: (iso) => send({ tick: iso }),
    async close() {
      input.end();
      await done;
      output.end();
      db.$client.close();
    },
  };
}
