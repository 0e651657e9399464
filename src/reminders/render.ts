import { eq, inArray } from 'drizzle-orm';
import { paidForLoanButton, scheduleButton, snoozeButton } from '../core/shared-buttons.ts';
import type { Button, OutgoingMessage } from '../core/types.ts';
import { daysBetween, todayIn } from '../domain/calendar.ts';
import { Decimal, ZERO } from '../domain/money.ts';
import { evaluateInstallment } from '../domain/overdue.ts';
import type { Db } from '../db/client.ts';
import { installments, loans, users } from '../db/schema.ts';
import { chatOfRow, type OutboxRow } from '../db/outbox-repo.ts';
import { formatDate, formatMoney } from '../i18n/format.ts';
import { localeOf, type Locale } from '../i18n/locales.ts';
import type { Translator } from '../i18n/translator.ts';
import { scheduleRowsOf, type PaidScheduleRow } from '../services/installment-rows.ts';
import { decodeMessage } from '../services/deliveries.ts';
import { overdueRulesOf } from '../services/overdue.ts';

export interface RenderedReminder {
  message: OutgoingMessage;
  /** Rows whose installment is still open and in the message. */
  included: number[];
  /** Rows no longer worth sending: paid meanwhile, or their loan's reminders were paused. */
  dropped: number[];
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
): RenderedReminder | undefined {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) return undefined;
  const locale = localeOf(user.language, user.telegramLanguage, defaultLocale);
  const t = translator.for(locale);
  const today = todayIn(user.timeZone, now);
  const ids = [...new Set(rows.flatMap((row) => (row.installmentId === null ? [] : [row.installmentId])))];
  const current = db
    .select({ installment: installments, loan: loans })
    .from(installments)
    .innerJoin(loans, eq(installments.loanId, loans.id))
    .where(inArray(installments.id, ids))
    .all()
    .filter(({ loan }) => loan.userId === userId)
    .sort((a, b) => a.installment.dueDate.localeCompare(b.installment.dueDate) || a.loan.id - b.loan.id);
  // A user who paused everything or blocked the bot gets nothing, even what was queued before (a snooze).
  const userWants = user.active && !user.remindersPaused;
  const open = current.filter(
    ({ installment, loan }) => userWants && !loan.remindersPaused && new Decimal(installment.payment).gt(installment.paid),
  );
  const openIds = new Set(open.map(({ installment }) => installment.id));
  const isOpen = (row: OutboxRow) => row.installmentId !== null && openIds.has(row.installmentId);
  const included = rows.filter(isOpen).map((row) => row.id);
  const dropped = rows.filter((row) => !isOpen(row)).map((row) => row.id);
  if (open.length === 0) return { message: { chatId: userId, text: '' }, included, dropped };

  const lines = [t('reminder-title'), ''];
  let anyOverdue = false;
  const totals = new Map<string, Decimal>();
  for (const { installment, loan } of open) {
    const amount = new Decimal(installment.payment).minus(installment.paid);
    const days = daysBetween(today, installment.dueDate);
    const base = {
      name: loan.name,
      amount: formatMoney(locale, amount),
      date: formatDate(t, installment.dueDate),
      n: installment.n,
      periods: loan.periods,
    };
    if (days > 0) lines.push(t('reminder-upcoming', { ...base, days }));
    else if (days === 0) lines.push(t('reminder-due-today', base));
    else {
      anyOverdue = true;
      const [row] = scheduleRowsOf(loan.principal, [installment]);
      const { annualRate, policy } = overdueRulesOf(loan);
      const evaluation = evaluateInstallment(row as PaidScheduleRow, annualRate, policy, today);
      lines.push(
        t('reminder-overdue', {
          ...base,
          days: -days,
          penalty: formatMoney(locale, evaluation.penalty.plus(evaluation.lateFee)),
          stage: t(`stage-${evaluation.stage}`),
        }),
      );
      if (evaluation.nextStage) {
        lines.push(
          t('status-next-stage', { stage: t(`stage-${evaluation.nextStage.stage}`), date: formatDate(t, evaluation.nextStage.from) }),
        );
      }
    }
    totals.set(installment.dueDate, (totals.get(installment.dueDate) ?? ZERO).plus(amount));
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
    [
      snoozeButton.make(t('button-snooze-today'), { action: 'snooze', batchId, when: 'today' }),
      snoozeButton.make(t('button-snooze-tomorrow'), { action: 'snooze', batchId, when: 'tomorrow' }),
    ],
  ];
  const first = loansInMessage[0];
  if (first) buttons.push([scheduleButton.make(t('button-schedule'), { loanId: first.id, page: undefined })]);
  return { message: { chatId: userId, text: lines.join('\n'), buttons }, included, dropped };
}

/**
 * A message row is sent as it was queued: its payload is the rendered message (text, buttons, a
 * file). Throws on a payload that cannot be read back; the dispatcher counts that as a failed try.
 */
export function renderQueuedMessage(row: OutboxRow): OutgoingMessage {
  return { chatId: chatOfRow(row), ...decodeMessage(row.payload) };
}
