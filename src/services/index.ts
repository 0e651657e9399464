import type { Db } from '../db/client.ts';
import type { LoanRow } from '../db/loans-repo.ts';
import type { IsoDate } from '../domain/calendar.ts';
import type { Decimal } from '../domain/money.ts';
import { formStore } from './forms.ts';
import { addLoan, listLoans, loanOverview, nextDue, removeLoan, replaceLoan, setLoanReminders, type LoanInput } from './loans.ts';
import { overdueOfUser } from './overdue.ts';
import { earliestPaymentDate, lastPayment, recordPayment, undoLastPayment } from './payments.ts';
import { payoffOf } from './payoff.ts';
import { debtPlanOf } from './debt-plan.ts';
import { recordLenderPenalty, type LenderPenaltyWord } from './penalties.ts';
import { changeReminderSettings, reminderSettingsOfUser, type ReminderSettingsUpdate } from './reminder-settings.ts';
import { settleLoan } from './settle.ts';
import { snoozeReminder, type SnoozeChoice } from './snooze.ts';
import { chooseLanguage, enterUser } from './users.ts';
import { queueMessage, type QueuedMessage } from './deliveries.ts';
import { claimUpdate, type UpdateKey } from './processed-updates.ts';
import { markUserBlocked } from './blocked.ts';
import {
  answerHardship,
  loanFacts,
  requestOf,
  requestsOf,
  submitHardship,
  withdrawHardship,
  type HardshipSubmission,
  type NoticesFor,
} from './hardship.ts';
import { decideRequest, queueOfRequests, viewRequest, type Decision, type DecisionNotices } from './hardship-review.ts';
import { findLoan } from '../db/loans-repo.ts';
import {
  cancelPromise,
  checkPromise,
  makePromise,
  promiseCandidate,
  promiseCandidates,
  promisesForOperators,
  promisesOf,
  type NewPromise,
  type PromiseCandidate,
  type PromiseDayMessage,
} from './promises.ts';

/** For operators' /queue: every borrower's open promises and those broken in the last 7 days. */
export { promisesForOperators, type OperatorPromise } from './promises.ts';
import { affordableOffers, previewDeferral, previewPlans } from './hardship-proposal.ts';
import { exportUser } from './export.ts';
import { forgetUser } from './forget.ts';
import { checkImport, MAX_IMPORT_BYTES, previewImport, readImport, restoreImport } from './import.ts';
import type { ImportDocument } from './import-schema.ts';
import {
  calendarFeedExists,
  calendarFeedUser,
  calendarOfUser,
  createCalendarFeed,
  revokeCalendarFeed,
  type RandomBytes,
} from './calendar.ts';

/*
 * The application's use cases, bound to the database. Commands reach them through
 * `ctx.services`, which is bound to the user who wrote as well: a handler cannot name another
 * user's id, so another borrower's loans are out of its reach by construction.
 */

export interface ServicesConfig {
  /** Time zone of new users. */
  defaultTimeZone: string;
  /** The one-year LPR (percent) and since when: the 4 × LPR line for private loans. */
  lpr: { percent: Decimal; since: IsoDate };
  /** /calendar (issue 14): see CalendarConfig. Unset: no feed, events' UIDs under 'repaybot'. */
  calendar?: CalendarConfig;
}

export interface CalendarConfig {
  /** Names this bot in every event's UID (…@<uidDomain>), so two bots' events never collide. */
  uidDomain: string;
  /** 'webcal://host/ics/' when the webhook's HTTP server runs (it serves the feed); unset: no feed. */
  feedBase?: string;
  /** Source of feed tokens: crypto by default. */
  randomBytes?: RandomBytes;
}

/**
 * Every use case of one user, at the instant of the update being handled (`now`): each loan's
 * "today" is its lender's date at that instant, whoever reads it.
 *
 * A group (loans, payments, …) is made when it is read: an update uses one or two of them, and
 * making every group's functions for every update cost /next a twentieth of its time (issue 12's
 * benchmark). The groups hold no state, so reading one twice is the same as once.
 */
class UserServicesOf {
  /** The zone a loan's due dates are in when its lender's zone is not set (DEFAULT_TIMEZONE). */
  readonly defaultTimeZone: string;
  readonly lpr: ServicesConfig['lpr'];
  private readonly zone: string;

  constructor(
    private readonly db: Db,
    private readonly config: ServicesConfig,
    readonly userId: number,
    private readonly now: Date,
  ) {
    this.zone = config.defaultTimeZone;
    this.defaultTimeZone = config.defaultTimeZone;
    this.lpr = config.lpr;
  }

  get loans() {
    const { db, userId, now, zone } = this;
    return {
      list: () => listLoans(db, userId, now, zone),
      overview: (loanId: number) => loanOverview(db, userId, loanId, now, zone),
      nextDue: () => nextDue(db, userId, now, zone),
      add: (input: LoanInput, today: IsoDate, now: Date) => addLoan(db, userId, input, today, now, zone),
      replace: (loanId: number, input: LoanInput, now: Date, timeZone: string) =>
        replaceLoan(db, userId, loanId, input, now, timeZone, zone),
      remove: (loanId: number, now: Date) => removeLoan(db, userId, loanId, now, zone),
      setReminders: (loanId: number, paused: boolean, now: Date) => setLoanReminders(db, userId, loanId, paused, now, zone),
    };
  }

  get overdue() {
    const { db, userId, now, zone } = this;
    return { list: () => overdueOfUser(db, userId, now, zone) };
  }

  get payments() {
    const { db, userId, zone } = this;
    return {
      record: (loanId: number, amount: Decimal, paidOn: IsoDate, now: Date) => recordPayment(db, userId, loanId, amount, paidOn, now, zone),
      /** The first day a payment towards this loan can be dated (the rule `record` applies). */
      earliestDate: (loan: LoanRow) => earliestPaymentDate(loan, zone),
      last: () => lastPayment(db, userId),
      undo: (paymentId: number, now: Date) => undoLastPayment(db, userId, paymentId, now, zone),
    };
  }

  get penalties() {
    const { db, userId, now, zone } = this;
    return {
      /** The lender's own figure for an installment's penalty, or its waiver (the borrower's word). */
      recordLenderWord: (loanId: number, n: number, word: LenderPenaltyWord) =>
        recordLenderPenalty(db, userId, loanId, n, word, 'user', now, zone),
    };
  }

  /** The way out across the user's own open loans (issue 14 /plan). */
  get plan() {
    const { db, userId, now, zone } = this;
    return { of: (extra: Decimal) => debtPlanOf(db, userId, extra, now, zone) };
  }

  get payoff() {
    const { db, userId, now, zone } = this;
    return {
      quote: (loanId: number) => payoffOf(db, userId, loanId, now, zone),
      settle: (loanId: number, expected: Decimal) => settleLoan(db, userId, loanId, now, expected, zone),
    };
  }

  get settings() {
    const { db, userId, zone } = this;
    return {
      get: () => reminderSettingsOfUser(db, userId),
      change: (update: ReminderSettingsUpdate, now: Date) => changeReminderSettings(db, userId, update, now, zone),
    };
  }

  get reminders() {
    const { db, userId } = this;
    return {
      snooze: (batchId: number, when: SnoozeChoice, now: Date, today: IsoDate) => snoozeReminder(db, userId, batchId, when, now, today),
    };
  }

  get language() {
    const { db, userId } = this;
    return { choose: (language: string) => chooseLanguage(db, userId, language) };
  }

  get hardship() {
    const { db, userId, now, zone } = this;
    return {
      submit: (submission: HardshipSubmission, notices: NoticesFor) => submitHardship(db, userId, submission, now, zone, notices),
      list: () => requestsOf(db, userId),
      get: (requestId: number) => requestOf(db, userId, requestId),
      withdraw: (requestId: number, notices: NoticesFor) => withdrawHardship(db, userId, requestId, now, zone, notices),
      answer: (requestId: number, text: string, notices: NoticesFor) => answerHardship(db, userId, requestId, text, now, zone, notices),
      /** An affordable monthly payment per loan from the disposable income. */
      offers: (loanIds: number[], disposable: Decimal) => affordableOffers(db, userId, loanIds, disposable, now, zone),
      /** New plans for a monthly payment shared between the loans. */
      plans: (loanIds: number[], monthly: Decimal) => previewPlans(db, userId, loanIds, monthly, now, zone),
      /** Where a deferral would move the loans' installments. */
      deferral: (loanIds: number[], months: number) => previewDeferral(db, userId, loanIds, months, now, zone),
      /** Where one of the user's loans stands, as an operator will see it (arrears, penalty, days late). */
      facts: (loanId: number) => {
        const loan = findLoan(db, userId, loanId);
        return loan && loanFacts(db, loan, now, zone);
      },
    };
  }

  get promises() {
    const { db, userId, now, zone } = this;
    return {
      /** The loans a promise can be made on (something overdue or due today), with what is owed now. */
      candidates: () => promiseCandidates(db, userId, now, zone),
      candidate: (loanId: number) => promiseCandidate(db, userId, loanId, now, zone),
      /** Why this day or amount would be refused (undefined: fine), before anything is written. */
      check: (candidate: PromiseCandidate | undefined, input: { amount?: Decimal; dueOn?: IsoDate }) => checkPromise(candidate, input),
      /** The open promises, and the newest one whatever its status. */
      mine: () => promisesOf(db, userId),
      make: (input: NewPromise, dayMessage: PromiseDayMessage) => makePromise(db, userId, input, now, zone, dayMessage),
      cancel: (promiseId: number) => cancelPromise(db, userId, promiseId, now),
    };
  }

  /** Everything stored about this user, as a JSON document and CSV files (/export). */
  get export() {
    const { db, userId, now } = this;
    return { build: () => exportUser(db, userId, now) };
  }

  /** A JSON export sent back (/import): checked, previewed, restored with new ids (src/services/import.ts). */
  get import() {
    const { db, userId, now, zone } = this;
    return {
      maxBytes: MAX_IMPORT_BYTES,
      read: (bytes: Uint8Array) => readImport(bytes),
      check: (value: unknown) => checkImport(value),
      preview: (document: ImportDocument) => previewImport(db, userId, document),
      restore: (document: ImportDocument) => restoreImport(db, userId, document, now, zone),
    };
  }

  /** The open installments as calendar events (/calendar), and the private feed. */
  get calendar() {
    const { db, userId, now, zone } = this;
    return {
      data: () => calendarOfUser(db, userId, now, zone),
      uidDomain: this.config.calendar?.uidDomain ?? 'repaybot',
      /** Unset when no HTTP server serves feeds. */
      feedBase: this.config.calendar?.feedBase,
      createFeed: () => createCalendarFeed(db, userId, now, this.config.calendar?.randomBytes),
      revokeFeed: () => revokeCalendarFeed(db, userId),
      hasFeed: () => calendarFeedExists(db, userId),
    };
  }

  /** Everything about this user erased, the audit made pseudonymous (/forget). */
  get forget() {
    const { db, userId } = this;
    return { erase: () => forgetUser(db, userId) };
  }

  get forms() {
    return formStore(this.db, this.userId);
  }
}

export type UserServices = UserServicesOf;

/**
 * What an operator may do beyond their own loans: review every borrower's requests. The core
 * hands these out only to a user in OPERATOR_IDS (checked on the acting user, not the chat).
 */
function operatorServices(db: Db, config: ServicesConfig, operatorId: number, now: Date) {
  const zone = config.defaultTimeZone;
  return {
    operatorId,
    queue: () => queueOfRequests(db, now, zone),
    view: (requestId: number) => viewRequest(db, requestId, now, zone),
    decide: (requestId: number, decision: Decision, note: string, notices: DecisionNotices) =>
      decideRequest(db, operatorId, requestId, decision, note, now, zone, notices),
    /** Promises to pay that are open or were broken lately, for /queue. */
    promises: () => promisesForOperators(db, now),
  };
}

export type OperatorServices = ReturnType<typeof operatorServices>;

export function createServices(db: Db, config: ServicesConfig) {
  return {
    config,
    /** The user who wrote: created on first contact, reactivated, their Telegram language kept. */
    enterUser: (userId: number, languageCode: string | undefined, now: Date) =>
      enterUser(db, userId, languageCode, now, config.defaultTimeZone),
    forUser: (userId: number, now: Date): UserServices => new UserServicesOf(db, config, userId, now),
    /** Only for a user in OPERATOR_IDS: the core decides (src/core/app.ts). */
    forOperator: (operatorId: number, now: Date): OperatorServices => operatorServices(db, config, operatorId, now),
    /** A message for another chat (an operator's, a borrower's): into the delivery outbox. */
    deliveries: { queue: (chatId: number, message: QueuedMessage, now: Date) => queueMessage(db, { chatId, message, now }) },
    /** Telegram updates taken in once: false for one redelivered or resent (src/services/processed-updates.ts). */
    updates: { claim: (key: UpdateKey, now: Date) => claimUpdate(db, key, now) },
    /** GET /ics/<token>: the owner's calendar, or undefined for a forged or revoked token. */
    calendarFeed: (token: string, now: Date) => {
      const userId = calendarFeedUser(db, token);
      return userId === undefined ? undefined : calendarOfUser(db, userId, now, config.defaultTimeZone);
    },
    /** A 403 on a reply to this user's private chat: inactive until they write again, as reminders do. */
    userBlocked: (userId: number) => markUserBlocked(db, userId),
  };
}

export type Services = ReturnType<typeof createServices>;
