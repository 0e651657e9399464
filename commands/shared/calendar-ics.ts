import { buildIcs, type IcsEvent } from '../../src/domain/ics.ts';
import { minutesOfDay } from '../../src/domain/local-time.ts';
import { formatDate, formatMoney } from '../../src/i18n/format.ts';
import type { Locale } from '../../src/i18n/locales.ts';
import type { Translate } from '../../src/i18n/translator.ts';
import type { CalendarData, CalendarInstallment } from '../../src/services/calendar.ts';

/*
 * The borrower's open installments as an iCalendar file, in their language: the words of
 * /calendar and of the subscription feed (src/app/http-server.ts serves the same text).
 */

const DAY_MINUTES = 1440;

/**
 * A UID that names the installment and nothing else: the same loan's installment n is the same
 * event in every export and in the feed, so a calendar app updates it instead of adding another.
 */
export function installmentUid(item: Pick<CalendarInstallment, 'loanId' | 'n'>, uidDomain: string): string {
  return `loan-${item.loanId}-installment-${item.n}@${uidDomain}`;
}

export function calendarIcs(data: CalendarData, t: Translate, locale: Locale, now: Date, uidDomain: string): string {
  const reminderMinutes = minutesOfDay(data.reminderTime);
  const events: IcsEvent[] = data.installments.map((item) => {
    const amount = formatMoney(locale, item.amount);
    const date = formatDate(t, item.due);
    const lines = [t('calendar-event-description', { name: item.loanName, n: item.n, periods: item.periods, date, amount })];
    if (item.penalty.gt(0)) lines.push(t('calendar-event-penalty', { penalty: formatMoney(locale, item.penalty) }));
    // The same words on each of the event's alarms: translated once (bench/ics.ts).
    const alarm = item.remind ? t('calendar-alarm', { name: item.loanName, amount, date }) : '';
    return {
      uid: installmentUid(item, uidDomain),
      date: item.due,
      summary: t('calendar-event-summary', { amount, name: item.loanName }),
      description: lines.join('\n'),
      // One alarm per "days before" reminder, at the reminder time, counted from the due day's start.
      alarms: item.remind
        ? data.daysBefore.map((days) => ({ minutesFromStart: reminderMinutes - days * DAY_MINUTES, description: alarm }))
        : [],
    };
  });
  return buildIcs({ prodId: '-//repaybot//calendar//EN', name: t('calendar-name'), stamp: now, events });
}
