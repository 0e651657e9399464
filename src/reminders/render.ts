import { paidForLoanButton, promiseForLoanButton, scheduleButton, snoozeButton } from '../core/shared-buttons.ts';
import type { Button, OutgoingMessage } from '../core/types.ts';
import { daysBetween, todayIn } from '../domain/calendar.ts';
import { Decimal, ZERO } from '../domain/money.ts';
import type { LoanLedger } from '../domain/loan-ledger.ts';
import { overdueStanding } from '../domain/overdue.ts';
import { localDateTime } from '../domain/local-time.ts';
import { deadlineEnd, isQuiet, nextSlotAfter, outOfQuietHours, type ReminderSettings } from '../domain/reminder-times.ts';
import type { Db } from '../db/client.ts';
import { installmentsOfLoan, installmentsWithLoansByIds } from '../db/loans-repo.ts';
import { findUser } from '../db/users-repo.ts';
import { chatOfRow, type OutboxRow } from '../db/outbox-repo.ts';
import { formatDate, formatMoney } from '../i18n/format.ts';
import { localeOf, type Locale } from '../i18n/locales.ts';
import type { Translator } from '../i18n/translator.ts';
import { decodeMessage } from '../services/deliveries.ts';
import { ledgerOf, lenderZoneOf } from '../services/ledger.ts';
import { overdueRulesOf } from '../services/overdue.ts';
import { reminderSettingsOf } from '../services/reminder-settings.ts';
import { heldLoanIds } from '../services/reminder-holds.ts';
import { zoneName } from '../i18n/zone-names.ts';

export interface RenderedReminder {
  message: OutgoingMessage;
  /** Rows whose installment is still open and in the message. */
  included: number[];
  /** Rows no longer worth sending: paid meanwhile, or their loan's reminders were paused. */
  dropped: number[];
  /**
   * Set when it is the borrower's quiet hours now: nothing is sent, the included rows wait until
   * this instant (the end of the quiet window). A reminder is normally timed out of quiet hours,
   * but one that is late (a catch-up after an outage, a retry) may come due inside them.
   */
  holdUntil?: Date;
  /**
   * The regular reminders this message stands for as well: those of its installments that would
   * come later on the same local day (a message at 08:00, held by quiet hours, and the 09:00
   * reminder). Recorded as sent with the message, so the planner does not queue them again.
   */
  covers?: CoveredReminder[];
}

export interface CoveredReminder {
  installmentId: number;
  kind: string;
  dueDate: string;
  fireAt: Date;
}

/**
 * One message for one user with everything their claimed rows are about, written from the state
 * of their loans NOW (not when the rows were queued): after an outage it says "due today", not
 * the "due in 3 days" that was planned.
 */
export function renderReminder(
  db: Db,
  translator: Translator,
  defaultLocale: Locale,
  userId: number,
  rows: OutboxRow[],
  now: Date,
  defaultTimeZone?: string,
): RenderedReminder | undefined {
  const user = findUser(db, userId);
  if (!user) return undefined;
  const locale = localeOf(user.language, user.telegramLanguage, defaultLocale);
  const t = translator.for(locale);
  const today = todayIn(user.timeZone, now);
  // Today where each zone in the message is (the borrower's, the lenders'), each read once: a
  // loan's lender is usually in the borrower's zone, and Intl's date parts cost more than the rest.
  const todays = new Map([[user.timeZone, today]]);
  const todayAt = (zone: string): string => {
    let date = todays.get(zone);
    if (date === undefined) todays.set(zone, (date = todayIn(zone, now)));
    return date;
  };
  const ids = [...new Set(rows.flatMap((row) => (row.installmentId === null ? [] : [row.installmentId])))];
  const current = installmentsWithLoansByIds(db, ids)
    .filter(({ loan }) => loan.userId === userId)
    .sort((a, b) => a.installment.dueDate.localeCompare(b.installment.dueDate) || a.loan.id - b.loan.id);
  // A user who paused everything or blocked the bot gets nothing, even what was queued before (a snooze).
  const userWants = user.active && !user.remindersPaused;
  // Loans whose overdue reminders wait: a promise to pay, a collection pause (src/services/reminder-holds.ts).
  // Read only for an installment that may be overdue: no zone's today (UTC offsets are under 16
  // hours) is past a due date on or after the UTC date 16 hours from now, and most reminders come
  // before or on the due date.
  let held: Set<number> | undefined;
  const latestToday = new Date(now.getTime() + 16 * 3_600_000).toISOString().slice(0, 10);
  const heldOverdue = (installment: (typeof current)[number]['installment'], loan: (typeof current)[number]['loan']) =>
    installment.dueDate < latestToday &&
    (held ??= heldLoanIds(db, userId, now, defaultTimeZone ?? user.timeZone)).has(loan.id) &&
    todayAt(lenderZoneOf(loan, defaultTimeZone ?? user.timeZone)) > installment.dueDate;
  // Open: something of the installment itself, or of the penalty charged on it, is still owed.
  const open = current.filter(
    ({ installment, loan }) =>
      userWants &&
      !loan.remindersPaused &&
      !heldOverdue(installment, loan) &&
      (new Decimal(installment.payment).gt(installment.paid) || new Decimal(installment.penaltyOpen).gt(0)),
  );
  const openIds = new Set(open.map(({ installment }) => installment.id));
  const isOpen = (row: OutboxRow) => row.installmentId !== null && openIds.has(row.installmentId);
  const included = rows.filter(isOpen).map((row) => row.id);
  const dropped = rows.filter((row) => !isOpen(row)).map((row) => row.id);
  if (open.length === 0) return { message: { chatId: userId, text: '' }, included, dropped, covers: [] };
  const settings = reminderSettingsOf(user);
  if (isQuiet(now, settings)) {
    return { message: { chatId: userId, text: '' }, included, dropped, holdUntil: outOfQuietHours(now, settings), covers: [] };
  }

  const lines = [t('reminder-title'), ''];
  let anyOverdue = false;
  const overdueLoanIds = new Set<number>();
  const totals = new Map<string, Decimal>();
  // Each loan's ledger once, on its lender's today: the figures /status and /paid show.
  const ledgers = new Map<number, LoanLedger>();
  const ledgerFor = (loan: (typeof open)[number]['loan']): LoanLedger => {
    let ledger = ledgers.get(loan.id);
    if (!ledger) {
      // ledgerOfLoanToday, with the lender's today read once for the message.
      ledger = ledgerOf(
        db,
        loan,
        installmentsOfLoan(db, loan.userId, loan.id),
        todayAt(lenderZoneOf(loan, defaultTimeZone ?? user.timeZone)),
      );
      ledgers.set(loan.id, ledger);
    }
    return ledger;
  };
  for (const { installment, loan } of open) {
    const entry = ledgerFor(loan).installments.find((i) => i.n === installment.n);
    // The installment's own open amount, as /status shows it; its penalty is named beside it.
    const amount = entry ? entry.open.total : new Decimal(installment.payment).minus(installment.paid);
    const owed = entry ? entry.owed : amount;
    // The due date is the lender's; the deadline is its end there. Overdue once it has passed,
    // by the lender's days (as the lender counts them); before, "due today", "tomorrow" or "in N
    // days" by the borrower's calendar, to the day the deadline falls on there. With one zone for
    // both, both are the plain count from the borrower's today to the due date.
    const lenderZone = lenderZoneOf(loan, defaultTimeZone ?? user.timeZone);
    const deadline = lenderZone === user.timeZone ? undefined : zonedDeadline(installment.dueDate, lenderZone, user.timeZone);
    const lenderToday = deadline ? todayAt(lenderZone) : today;
    const overdue = deadline ? now.getTime() >= deadline.end.getTime() : daysBetween(today, installment.dueDate) < 0;
    const days = overdue
      ? -daysBetween(installment.dueDate, lenderToday)
      : daysBetween(today, deadline ? deadline.local.date : installment.dueDate);
    const base = {
      name: loan.name,
      amount: formatMoney(locale, amount),
      date: deadline ? deadlineText(translator, locale, installment.dueDate, deadline) : formatDate(t, installment.dueDate),
      n: installment.n,
      periods: loan.periods,
    };
    if (days > 0) lines.push(t('reminder-upcoming', { ...base, days }));
    else if (!overdue) lines.push(t('reminder-due-today', base));
    else {
      anyOverdue = true;
      overdueLoanIds.add(loan.id);
      const evaluation = overdueStanding(installment.dueDate, overdueRulesOf(loan).policy, lenderToday);
      const penalty = entry ? entry.penaltyOwed.plus(entry.lateFeeOwed) : ZERO;
      const vars = { ...base, days: -days, penalty: formatMoney(locale, penalty), stage: t(`stage-${evaluation.stage}`) };
      // Paid itself, its penalty not: say so rather than "0.00 was due".
      lines.push(amount.gt(0) ? t('reminder-overdue', vars) : t('reminder-penalty-only', vars));
      if (evaluation.nextStage) {
        lines.push(
          t('status-next-stage', { stage: t(`stage-${evaluation.nextStage.stage}`), date: formatDate(t, evaluation.nextStage.from) }),
        );
      }
    }
    totals.set(installment.dueDate, (totals.get(installment.dueDate) ?? ZERO).plus(owed));
  }
  for (const [date, total] of totals) {
    const count = open.filter(({ installment }) => installment.dueDate === date).length;
    if (count > 1) lines.push(t('reminder-day-total', { date: formatDate(t, date), total: formatMoney(locale, total) }));
  }
  if (anyOverdue) lines.push('', t('reminder-overdue-help'));

  const batchId = Math.min(...included);
  const loansInMessage = [...new Map(open.map(({ loan }) => [loan.id, loan])).values()];
  const buttons: Button[][] = [
    loansInMessage.slice(0, 3).map((loan) =>
      paidForLoanButton.make(loansInMessage.length > 1 ? t('button-paid-loan', { name: loan.name.slice(0, 20) }) : t('button-paid'), {
        action: 'loan',
        loanId: loan.id,
        carried: undefined,
      }),
    ),
    // Overdue: "I'll pay on…" opens /promise for the loan (its overdue reminders then wait for the day).
    ...(overdueLoanIds.size > 0
      ? [
          loansInMessage
            .filter((loan) => overdueLoanIds.has(loan.id))
            .slice(0, 3)
            .map((loan) =>
              promiseForLoanButton.make(
                loansInMessage.length > 1 ? t('button-promise-loan', { name: loan.name.slice(0, 20) }) : t('button-promise'),
                { action: 'loan', loanId: loan.id },
              ),
            ),
        ]
      : []),
    [
      snoozeButton.make(t('button-snooze-today'), { action: 'snooze', batchId, when: 'today' }),
      snoozeButton.make(t('button-snooze-tomorrow'), { action: 'snooze', batchId, when: 'tomorrow' }),
    ],
  ];
  // A schedule button for each loan in the message, three to a row (as many as fit a phone).
  const scheduleButtons = loansInMessage.map((loan) =>
    scheduleButton.make(loansInMessage.length > 1 ? t('button-schedule-loan', { name: loan.name.slice(0, 20) }) : t('button-schedule'), {
      loanId: loan.id,
      page: undefined,
    }),
  );
  for (let i = 0; i < scheduleButtons.length; i += 3) buttons.push(scheduleButtons.slice(i, i + 3));
  const covers = coveredLater(
    open.map(({ installment, loan }) => ({ ...installment, lenderZone: lenderZoneOf(loan, defaultTimeZone ?? user.timeZone) })),
    settings,
    today,
    now,
  );
  return { message: { chatId: userId, text: lines.join('\n'), buttons }, included, dropped, covers };
}

interface ZonedDeadline {
  lenderZone: string;
  borrowerZone: string;
  /** The instant the installment is overdue: the end of the due date where the lender is. */
  end: Date;
  /** Its last minute (23:59) on each side's clock. */
  lender: { date: string; time: string };
  local: { date: string; time: string };
}

function zonedDeadline(due: string, lenderZone: string, borrowerZone: string): ZonedDeadline {
  const end = deadlineEnd(due, lenderZone);
  const last = new Date(end.getTime() - 60_000);
  return { lenderZone, borrowerZone, end, lender: localDateTime(last, lenderZone), local: localDateTime(last, borrowerZone) };
}

/**
 * "2027-02-15 (Mon), 23:59 Beijing time (15:59 London time)": the deadline as the lender sets it
 * and as the borrower's clock shows it, with the borrower's date too when it is another day.
 */
function deadlineText(translator: Translator, locale: Locale, due: string, deadline: ZonedDeadline): string {
  const t = translator.for(locale);
  const args = {
    date: formatDate(t, due),
    lenderTime: deadline.lender.time,
    lenderZone: zoneName(translator.for(locale), locale, deadline.lenderZone),
    localTime: deadline.local.time,
    localZone: zoneName(translator.for(locale), locale, deadline.borrowerZone),
  };
  return deadline.local.date === deadline.lender.date
    ? t('reminder-deadline', args)
    : t('reminder-deadline-other-day', { ...args, localDate: formatDate(t, deadline.local.date) });
}

/** Past this, a slot cannot be on the same local day as now (UTC offsets differ by under 27 hours). */
const SAME_DAY_BOUND_MS = 27 * 3_600_000;

/**
 * The regular reminders of these installments still to come today (local): one message a day
 * about an installment is enough, so the one sent now stands for them. Only a message sent
 * before the day's reminder time meets one: a snooze or a catch-up held by quiet hours until
 * their end (08:00) while the reminder time is 09:00, or a catch-up after an outage at 08:30.
 */
function coveredLater(
  open: { id: number; dueDate: string; lenderZone: string }[],
  settings: ReminderSettings,
  today: string,
  now: Date,
): CoveredReminder[] {
  const covers: CoveredReminder[] = [];
  for (const installment of open) {
    const slot = nextSlotAfter(installment.dueDate, settings, now, installment.lenderZone);
    if (!slot || slot.fireAt.getTime() - now.getTime() >= SAME_DAY_BOUND_MS) continue;
    if (todayIn(settings.timeZone, slot.fireAt) !== today) continue;
    covers.push({ installmentId: installment.id, kind: slot.kind, dueDate: installment.dueDate, fireAt: slot.fireAt });
  }
  return covers;
}

/**
 * A message row is sent as it was queued: its payload is the rendered message (text, buttons, a
 * file). Throws on a payload that cannot be read back; the dispatcher counts that as a failed try.
 */
export function renderQueuedMessage(row: OutboxRow): OutgoingMessage {
  return { chatId: chatOfRow(row), ...decodeMessage(row.payload) };
}
