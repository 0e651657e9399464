import { weekdayIndex, type IsoDate } from '../domain/calendar.ts';
import type { Decimal } from '../domain/money.ts';
import type { Locale } from './locales.ts';
import type { Translate } from './translator.ts';

const moneyFormats = new Map<Locale, Intl.NumberFormat>();

/**
 * Money with grouping and two decimals in the reader's locale. The Decimal goes to Intl as a
 * string, which Intl formats exactly: no trip through a float.
 */
export function formatMoney(locale: Locale, amount: Decimal): string {
  let format = moneyFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    moneyFormats.set(locale, format);
  }
  return format.format(amount.toFixed(2) as Intl.StringNumericLiteral);
}

/** A percentage as entered, e.g. "12" → "12%", "0.6" → "0.6%"; at most 4 decimals. */
export function formatPercent(locale: Locale, percent: Decimal, digits?: number): string {
  const format = new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits ?? 0,
    maximumFractionDigits: digits ?? 4,
  });
  return `${format.format(percent.toFixed(digits ?? 4) as Intl.StringNumericLiteral)}%`;
}

/**
 * Dates are shown as ISO (2027-01-15) plus a localized weekday: unambiguous to every reader
 * (01/02 means different days to an American and a Briton), usual in Chinese finance apps,
 * and exactly what the borrower sees in their lender's app and SMS.
 */
export function formatDate(t: Translate, date: IsoDate): string {
  return t('date-with-weekday', { date, weekday: t(`weekday-${weekdayIndex(date)}`) });
}
