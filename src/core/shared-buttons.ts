import { buttonType, count, id, literal, oneOf, optional, text } from './buttons.ts';

/*
 * Buttons that more than one part of the bot makes: reminders (src/reminders) put them under a
 * reminder, and the commands that handle them (/paid, /schedule, the snooze) read them. They are
 * defined here, in the core both depend on, so the maker and the reader share one definition.
 */

/** Opens /paid for this loan; `carried` is what the borrower typed after /paid (an amount, a date). */
export const paidForLoanButton = buttonType<{ action: 'loan'; loanId: number; carried: string | undefined }>('paid', {
  action: literal('loan'),
  loanId: id,
  carried: optional(text),
});

/** Brings a reminder message (its batch) back later today or tomorrow. */
export const SNOOZE_CHOICES = ['today', 'tomorrow'] as const;
export const snoozeButton = buttonType<{ action: 'snooze'; batchId: number; when: (typeof SNOOZE_CHOICES)[number] }>('remind', {
  action: literal('snooze'),
  batchId: id,
  when: oneOf(SNOOZE_CHOICES),
});

/** A loan's schedule, at a page (default: the page with the installment that matters now). */
export const scheduleButton = buttonType<{ loanId: number; page: number | undefined }>('schedule', {
  loanId: id,
  page: optional(count),
});

/** Opens /promise ("I'll pay on…") for this loan: under an overdue reminder. */
export const promiseForLoanButton = buttonType<{ action: 'loan'; loanId: number }>('promise', {
  action: literal('loan'),
  loanId: id,
});
