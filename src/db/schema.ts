import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/*
 * Money columns are decimal strings with two places ("888.49"): exact, readable in the
 * sqlite shell, and turned into Decimal at the repository boundary. Calendar dates are
 * 'YYYY-MM-DD' (a due date is a date in the borrower's zone); instants are ISO-8601 UTC.
 */

export const users = sqliteTable('users', {
  /** Telegram user id (also the private chat id). */
  id: integer('id').primaryKey(),
  /** Chosen with /language; null means "follow Telegram's language_code". */
  language: text('language'),
  /** The language_code Telegram sent last: reminders go out with no update to read it from. */
  telegramLanguage: text('telegram_language'),
  timeZone: text('time_zone').notNull(),
  createdAt: text('created_at').notNull(),
  // Reminder settings (/settings); defaults as the reminders issue sets them.
  reminderTime: text('reminder_time').notNull().default('09:00'),
  daysBefore: text('days_before', { mode: 'json' }).notNull().$type<number[]>().default([3, 1, 0]),
  overdueDays: text('overdue_days', { mode: 'json' }).notNull().$type<number[]>().default([1, 3, 7]),
  overdueWeekly: integer('overdue_weekly', { mode: 'boolean' }).notNull().default(true),
  /** Follow-ups stop this many days after the due date; null = until paid (the user asked). */
  overdueStopAfterDays: integer('overdue_stop_after_days').default(90),
  quietStart: text('quiet_start').notNull().default('21:00'),
  quietEnd: text('quiet_end').notNull().default('08:00'),
  remindersPaused: integer('reminders_paused', { mode: 'boolean' }).notNull().default(false),
  /** False once Telegram says the user blocked the bot (403); true again when they write. */
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** Bumped whenever the user's reminders are re-planned: reminder timetable rows of older versions are stale. */
  reminderVersion: integer('reminder_version').notNull().default(0),
});

export const loans = sqliteTable(
  'loans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    principal: text('principal').notNull(),
    method: text('method').notNull(),
    /** The rate as the borrower entered it, with its unit; the engine converts explicitly. */
    ratePercent: text('rate_percent').notNull(),
    rateUnit: text('rate_unit').notNull(),
    periods: integer('periods').notNull(),
    firstDue: text('first_due').notNull(),
    /** The contract's day of the month (1..31) when it differs from firstDue's clamped day (31 → 28 Feb). */
    dueDay: integer('due_day'),
    /** When the money was received: bullet loans accrue interest from it; payoff accrues from it before the first due date. */
    startDate: text('start_date'),
    dayBasis: integer('day_basis').notNull().default(360),
    /** 砍头息: taken from the money paid out, so the borrower receives principal − upfrontFee. */
    upfrontFee: text('upfront_fee').notNull().default('0.00'),
    /** A buy-now-pay-later plan's one-off fee, due with its single payment. */
    oneTimeFee: text('one_time_fee').notNull().default('0.00'),
    /** 'licensed' (bank, consumer finance) or 'private' (民间借贷: the 4 × LPR line applies). */
    lenderKind: text('lender_kind').notNull().default('licensed'),
    /** Overdue rules: a preset id plus the fields the borrower changed from it (JSON, decimals as strings). */
    policyPreset: text('policy_preset').notNull(),
    policyOverrides: text('policy_overrides', { mode: 'json' }).notNull().$type<Record<string, unknown>>().default({}),
    /** Fee plans: what paying off early costs; JSON PrepaymentRule, null = waive remaining fees. */
    prepaymentRule: text('prepayment_rule', { mode: 'json' }).$type<Record<string, unknown>>(),
    remindersPaused: integer('reminders_paused', { mode: 'boolean' }).notNull().default(false),
    /**
     * How a payment covers late fee, penalty, fee, interest and principal: 'civil-code' (Art. 561,
     * the default), 'principal-first', or the five parts joined by commas (allocation-order.ts).
     */
    allocationOrder: text('allocation_order').notNull().default('civil-code'),
    /** The lender's time zone: due dates are its dates. Null = the bot's DEFAULT_TIMEZONE. */
    lenderTimeZone: text('lender_time_zone'),
    /** Set when the borrower paid the loan off (/payoff): a settled loan's terms no longer change. */
    settledOn: text('settled_on'),
    /**
     * Set when an approved hardship request moved or replaced the loan's installments (a deferral,
     * a new plan): the schedule is no longer the one its terms would build, so its terms no longer
     * change (an edit would rebuild the schedule and undo the arrangement).
     */
    rescheduledOn: text('rescheduled_on'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('loans_user_idx').on(t.userId)],
);

export const installments = sqliteTable(
  'installments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    loanId: integer('loan_id')
      .notNull()
      .references(() => loans.id, { onDelete: 'cascade' }),
    n: integer('n').notNull(),
    dueDate: text('due_date').notNull(),
    principal: text('principal').notNull(),
    interest: text('interest').notNull(),
    fee: text('fee').notNull(),
    payment: text('payment').notNull(),
    /** How much of `payment` has been paid so far. */
    paid: text('paid').notNull().default('0.00'),
    /**
     * Penalty and late fees charged on this installment and not yet paid or waived, as of the last
     * change to the loan's ledger (src/services/ledger.ts). Once the installment itself is paid
     * nothing more accrues, so this is what it still owes; while it is open more accrues daily
     * and the ledger computes it. Lets the reminder timetable find installments owing only penalty.
     */
    penaltyOpen: text('penalty_open').notNull().default('0.00'),
  },
  (t) => [uniqueIndex('installments_loan_n_idx').on(t.loanId, t.n), index('installments_due_idx').on(t.dueDate)],
);

/**
 * The reminder timetable: for each open installment of a loan whose reminders are on, its
 * reminder times in the next TIMETABLE_HORIZON_DAYS, plus a 'look-again' row at the end of them
 * (in their last day, at a minute spread by installment) when more reminders follow. Ordered by
 * time (the primary key; the table is WITHOUT ROWID, set in the migration, as drizzle cannot say
 * it), so a pass reads the rows whose time has come and deletes them in one stretch of pages, and
 * the rows it adds (for the few look-agains) are few. The installment's due date and owner ride
 * along, so a pass need not look up the installment or its loan: while the version is current
 * they cannot have changed.
 *
 * A row is live while `version` equals its user's reminderVersion. Re-planning a user (a payment,
 * an edit, new settings, a loan paused or deleted) bumps the version and writes new rows instead
 * of hunting the old ones down; the old ones are dropped when their time comes, which is never
 * more than TIMETABLE_HORIZON_DAYS away (rows carried over by migration 0001 excepted: those are
 * at the instant the old design had planned). No foreign keys, for the same reason: a deleted
 * installment's rows go stale with the re-plan and wait for their time like any other.
 */
export const reminderTimetable = sqliteTable(
  'reminder_timetable',
  {
    fireAt: text('fire_at').notNull(),
    installmentId: integer('installment_id').notNull(),
    /** A reminder kind ('before-3', 'due', 'overdue-7', …) or 'look-again'. */
    kind: text('kind').notNull(),
    dueDate: text('due_date').notNull(),
    userId: integer('user_id').notNull(),
    version: integer('version').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fireAt, t.installmentId, t.kind] })],
);

export const payments = sqliteTable(
  'payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    loanId: integer('loan_id')
      .notNull()
      .references(() => loans.id, { onDelete: 'cascade' }),
    amount: text('amount').notNull(),
    paidOn: text('paid_on').notNull(),
    /** 'user' for a recorded payment; 'registration' for installments already behind the borrower when the loan was added. */
    source: text('source').notNull().default('user'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('payments_loan_idx').on(t.loanId)],
);

/** How each payment was spread over installments, so undoing it restores exactly what it changed. */
export const paymentAllocations = sqliteTable(
  'payment_allocations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    paymentId: integer('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'cascade' }),
    installmentId: integer('installment_id')
      .notNull()
      .references(() => installments.id, { onDelete: 'cascade' }),
    amount: text('amount').notNull(),
    /** The part of `amount` that paid penalty interest (罚息) and the part that paid the late fee (违约金). */
    penalty: text('penalty').notNull().default('0.00'),
    lateFee: text('late_fee').notNull().default('0.00'),
  },
  (t) => [index('allocations_payment_idx').on(t.paymentId), index('allocations_installment_idx').on(t.installmentId)],
);

/**
 * What the lender said about an installment's penalty, as the borrower entered it (or, with the
 * hardship work, as an operator approved it): 'charged' with the lender's figure, which replaces
 * the estimate as of `on`; 'waived', which clears what was charged and unpaid as of `on`. Keyed
 * by the installment's number, not its row: an edit that rebuilds the schedule keeps them.
 */
export const penaltyEntries = sqliteTable(
  'penalty_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    loanId: integer('loan_id')
      .notNull()
      .references(() => loans.id, { onDelete: 'cascade' }),
    n: integer('n').notNull(),
    /** 'carried': penalty charged before an approved deferral moved the due date (stays owed). */
    kind: text('kind', { enum: ['charged', 'waived', 'carried'] }).notNull(),
    /** The lender's figure ('charged'); null for a waiver. */
    amount: text('amount'),
    on: text('on').notNull(),
    /** 'user' (the borrower entered it) or 'operator' (an approved waiver). */
    source: text('source').notNull().default('user'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('penalty_entries_loan_idx').on(t.loanId)],
);

/**
 * Open multi-step forms: at most one long form (a loan being entered, a hardship request) and one
 * quick form in front of it (a payment to confirm, a setting, a deletion to confirm) per user.
 * The form's id goes into its buttons, so buttons of an older form are recognised as stale.
 */
export const formStates = sqliteTable(
  'form_states',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** 'long' or 'quick' (src/core/forms.ts). */
    slot: text('slot', { enum: ['long', 'quick'] })
      .notNull()
      .default('long'),
    form: text('form').notNull(),
    step: text('step').notNull(),
    data: text('data', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    /** The steps before this one, oldest first: where Back goes. */
    history: text('history', { mode: 'json' }).notNull().$type<string[]>().default([]),
    updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [uniqueIndex('form_states_user_slot_idx').on(t.userId, t.slot)],
);

/**
 * The delivery outbox: every message the bot starts (not a direct reply to an update) waits
 * here until the dispatcher has sent it: reminders, operator notices, a decision sent to a
 * borrower later, a reply addressed to another chat. The table keeps its first name
 * (`reminder_outbox`): the planner's set statement writes reminder rows into it by that name,
 * and renaming a table the planner, the benchmarks and old databases all know buys nothing.
 *
 * A row is one of two kinds (the CHECK holds it):
 * - a reminder: installment, kind and due date, in its user's private chat (chat_id null). The
 *   dispatcher renders all of a chat's due reminder rows into one message, from the loans' state
 *   when it sends. The unique key (installment, kind, due date) makes queueing idempotent: one
 *   reminder of a kind for an installment and due date is queued once, whatever crashes or
 *   overlaps (installment_id is null on message rows, and NULLs never collide in it);
 * - a message: its chat (an operator group has a negative id and no users row), its user when
 *   the chat is a user's private chat, and `payload`, the rendered message as JSON (text,
 *   buttons, an optional file with its bytes in base64: src/services/deliveries.ts). An optional
 *   `dedupe_key` is unique: the same notice is queued once, ever.
 *
 * status: pending → claimed → sent; or dropped (paid meanwhile, paused, user blocked the bot),
 * dead (kept failing, or a group chat refused us), unconfirmed (a network failure left it unknown
 * whether Telegram got it: never re-sent blindly).
 */
export const reminderOutbox = sqliteTable(
  'reminder_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The user whose private chat it goes to; null for a group or operator chat without a users row. */
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** Where it goes; null means the user's private chat (reminder rows: the planner writes none). */
    chatId: integer('chat_id'),
    installmentId: integer('installment_id').references(() => installments.id, { onDelete: 'cascade' }),
    kind: text('kind'),
    dueDate: text('due_date'),
    /** A message row's rendered message, JSON (encodeMessage / decodeMessage in src/services/deliveries.ts). */
    payload: text('payload'),
    /** A message row's own idempotency key: a second row with the same key is not queued. */
    dedupeKey: text('dedupe_key'),
    fireAt: text('fire_at').notNull(),
    status: text('status').notNull().default('pending'),
    /** Not before this instant (UTC ISO): fireAt at first, later the back-off or Telegram's retry_after. */
    notBefore: text('not_before').notNull(),
    attempts: integer('attempts').notNull().default(0),
    claimedAt: text('claimed_at'),
    sentAt: text('sent_at'),
    /** Reminder rows sent in one message share the id of the message's first row (for Snooze). */
    batchId: integer('batch_id'),
    lastError: text('last_error'),
  },
  (t) => [
    uniqueIndex('outbox_unique_idx').on(t.installmentId, t.kind, t.dueDate),
    // Partial: reminder rows (no key) cost the planner's insert no index entry.
    uniqueIndex('outbox_dedupe_idx').on(t.dedupeKey).where(sql`dedupe_key IS NOT NULL`),
    index('outbox_status_idx').on(t.status, t.notBefore),
    // The dispatcher claims a chat's due rows by this expression (outboxChat in outbox-repo.ts);
    // with not_before in the index the claim is one index range, never the status index's scan.
    index('outbox_chat_idx').on(sql`coalesce(${t.chatId}, ${t.userId})`, t.status, t.notBefore),
    index('outbox_batch_idx').on(t.batchId),
    // Plain column names: a table-qualified name here would outlive the rebuild's rename.
    check(
      'outbox_row_kind',
      sql`(payload IS NULL AND installment_id IS NOT NULL AND kind IS NOT NULL AND due_date IS NOT NULL AND user_id IS NOT NULL) OR (payload IS NOT NULL AND installment_id IS NULL AND chat_id IS NOT NULL)`,
    ),
  ],
);

/**
 * A borrower's request for relief (/hardship): a deferral, a new repayment plan, a penalty
 * waiver or a pause of collection contact, for one or more of their loans. Written whole when
 * submitted (the form before it lives in form_states); afterwards only its status and decision
 * change, and every change is in audit_log with what it was before.
 *
 * status: open → info-requested (an operator asked for more) → open (the borrower answered) …
 * → approved | rejected; or withdrawn by the borrower while not decided.
 */
export const hardshipRequests = sqliteTable(
  'hardship_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['deferral', 'new-plan', 'waiver', 'collection-pause'] }).notNull(),
    /** The loans it is about (JSON array of loan ids, the borrower's own). */
    loanIds: text('loan_ids', { mode: 'json' }).notNull().$type<number[]>(),
    reason: text('reason').notNull(),
    /** The borrower's own words about the reason (may be empty). */
    reasonText: text('reason_text').notNull().default(''),
    /** Income and expenditure by Standard Financial Statement item, decimal strings (JSON; skipped items absent). */
    budget: text('budget', { mode: 'json' }).notNull().$type<Record<string, string>>(),
    /** What exactly is asked for (JSON, read through zod in src/services/hardship-shapes.ts). */
    proposal: text('proposal', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    /** The evidence the borrower says they can provide (checklist item ids, JSON). */
    evidence: text('evidence', { mode: 'json' }).notNull().$type<string[]>(),
    /** The language of the request letter (a locale). */
    letterLocale: text('letter_locale').notNull(),
    status: text('status', { enum: ['open', 'info-requested', 'approved', 'rejected', 'withdrawn'] })
      .notNull()
      .default('open'),
    /** When the borrower consented to share it with the operator and submitted it. */
    submittedAt: text('submitted_at').notNull(),
    decidedBy: integer('decided_by'),
    decidedAt: text('decided_at'),
    decisionNote: text('decision_note'),
    /** An approved collection pause: overdue reminders of its loans wait until this instant. */
    pauseUntil: text('pause_until'),
  },
  (t) => [index('hardship_requests_user_idx').on(t.userId), index('hardship_requests_status_idx').on(t.status, t.submittedAt)],
);

/** The conversation on a request: an operator's "ask for more" and the borrower's answers. */
export const hardshipNotes = sqliteTable(
  'hardship_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => hardshipRequests.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').notNull(),
    role: text('role', { enum: ['operator', 'borrower'] }).notNull(),
    text: text('text').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('hardship_notes_request_idx').on(t.requestId)],
);

/**
 * A promise to pay ("I'll pay 500 on the 20th"): overdue reminders of the loan wait until that
 * day, a reminder comes on it, and afterwards it is kept (payments recorded since it was made
 * reach its amount) or broken, and reminders resume.
 */
export const paymentPromises = sqliteTable(
  'payment_promises',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    loanId: integer('loan_id')
      .notNull()
      .references(() => loans.id, { onDelete: 'cascade' }),
    amount: text('amount').notNull(),
    /** The day promised, a date in the lender's zone. */
    dueOn: text('due_on').notNull(),
    status: text('status', { enum: ['open', 'kept', 'broken', 'cancelled'] })
      .notNull()
      .default('open'),
    createdAt: text('created_at').notNull(),
    resolvedAt: text('resolved_at'),
  },
  (t) => [index('payment_promises_user_idx').on(t.userId), index('payment_promises_status_idx').on(t.status, t.dueOn)],
);

/**
 * Everything that happened to requests and promises, append-only: migration 0005 adds triggers
 * that refuse UPDATE and DELETE, so not even a bug in a service can rewrite history. No foreign
 * keys, for the same reason: the trail outlives the rows it is about.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    /** Who did it: a Telegram user id, or null for the bot itself (a promise found broken). */
    actorId: integer('actor_id'),
    actorRole: text('actor_role', { enum: ['borrower', 'operator', 'system'] }).notNull(),
    /** submit, withdraw, ask, answer, decide, apply, promise, promise-kept, promise-broken … */
    action: text('action').notNull(),
    /** The borrower the entry is about. */
    userId: integer('user_id').notNull(),
    requestId: integer('request_id'),
    promiseId: integer('promise_id'),
    loanId: integer('loan_id'),
    /** JSON of what changed, before and after (null where there was nothing before). */
    before: text('before'),
    after: text('after'),
  },
  (t) => [index('audit_log_request_idx').on(t.requestId), index('audit_log_user_idx').on(t.userId)],
);

/**
 * Telegram updates already taken in (issue 12, exactly one effect per update): after a crash
 * Telegram delivers again every update whose offset was not yet confirmed, and a client may send
 * the same message again under a new update_id. A row is written before the update is handled
 * (src/services/processed-updates.ts says why), so either comes back only to be ignored. Rows
 * older than a day are deleted as new ones are written (Telegram redelivers within hours).
 */
export const processedUpdates = sqliteTable(
  'processed_updates',
  {
    /** Telegram's update_id. */
    updateId: integer('update_id').primaryKey(),
    /** The chat and message_id of a message update: a resend of the same message has a new update_id but these. */
    chatId: integer('chat_id'),
    messageId: integer('message_id'),
    /** UTC ISO: when it was taken in (what pruning reads). */
    processedAt: text('processed_at').notNull(),
  },
  (t) => [uniqueIndex('processed_updates_message_idx').on(t.chatId, t.messageId), index('processed_updates_at_idx').on(t.processedAt)],
);

/**
 * Calendar subscriptions (/calendar feed, issue 14): one private feed per user. Only the SHA-256
 * of the URL's token is kept, so the database alone cannot be turned into working feed URLs;
 * /calendar revoke deletes the row and the old URL answers 404 from then on.
 */
export const calendarFeeds = sqliteTable(
  'calendar_feeds',
  {
    userId: integer('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Hex SHA-256 of the token in the URL. */
    tokenHash: text('token_hash').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('calendar_feeds_token_idx').on(t.tokenHash)],
);
