import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
  timeZone: text('time_zone').notNull(),
  createdAt: text('created_at').notNull(),
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
    dayBasis: integer('day_basis').notNull().default(360),
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
  },
  (t) => [uniqueIndex('installments_loan_n_idx').on(t.loanId, t.n), index('installments_due_idx').on(t.dueDate)],
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

/** One open multi-step form per user; its id goes into the form's buttons so old buttons can be recognised. */
export const formStates = sqliteTable('form_states', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  userId: integer('user_id')
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: 'cascade' }),
  form: text('form').notNull(),
  step: text('step').notNull(),
  data: text('data', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
  updatedAt: text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});
