import { daysBetween, type IsoDate } from '../domain/calendar.ts';
import type { Decimal } from '../domain/money.ts';
import { parseAmount } from './amount.ts';
import { parseDate } from './date.ts';
import { fail, ok, type ParseResult } from './result.ts';

/** What one typed word changes on a payment to confirm: the day it was paid, or the amount. */
export type PaymentChange = { date: IsoDate } | { amount: Decimal };

/**
 * A word typed after /paid or on its confirmation: a date if it looks like one ("2026-11-20",
 * "11月20日"), else an amount. A payment cannot have been made after `today`.
 */
export function parsePaymentChange(text: string, today: IsoDate): ParseResult<PaymentChange> {
  const asDate = parseDate(text);
  if (asDate.ok) return daysBetween(today, asDate.value) > 0 ? fail('payment-date-in-future') : ok({ date: asDate.value });
  // It starts like a year: a date that went wrong, not an amount of 2026.
  if (/^\d{4}[-/.年]/.test(text.trim())) return asDate;
  const asAmount = parseAmount(text);
  return asAmount.ok ? ok({ amount: asAmount.value }) : asAmount;
}
