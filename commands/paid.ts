import { z } from 'zod';
import { oneOf, onPress } from '../src/core/buttons.ts';
import {
  beginForm,
  advanceForm,
  closeForm,
  defineForm,
  finishForm,
  formButton,
  formOfButton,
  readForm,
  type OpenForm,
} from '../src/core/forms.ts';
import { paidForLoanButton } from '../src/core/shared-buttons.ts';
import type { Command, CommandContext, Reply } from '../src/core/types.ts';
import { Decimal } from '../src/domain/money.ts';
import { wordsOf } from '../src/parse/loan-reference.ts';
import { readPaidLine, readPaymentWords, type PaymentChange } from '../src/parse/payment-change.ts';
import type { ParseError } from '../src/parse/result.ts';
import type { LoanOverview } from '../src/services/loans.ts';
import { askUndoButton } from './undo.ts';
import { date, money } from './shared/loan-text.ts';
import { loanQuestion, noSuchLoan } from './shared/pick-loan.ts';

/*
 * /paid records a payment after the borrower confirms amount and date. The defaults are what
 * they most likely just did: paid the next installment, today. Typing an amount or a date on the
 * confirmation changes it. The confirmation is a quick form: it opens in front of a loan being
 * entered without disturbing it.
 *
 * The line is `/paid [loan] [amount] [date]` (readPaidLine in src/parse/payment-change.ts writes
 * the grammar down; /help says it as paid-usage). The loan comes first, by its number in /loans or
 * its name; with two or more loans a bare number below 100 there is a loan number, so "/paid 9"
 * without a loan 9 is "there is no loan 9", never 9.00. An amount is clear when it has ¥, 元, a
 * decimal point, a thousands comma, 万 or k, when it comes after the loan, or when it is 100 or
 * more; with one loan a bare "1" alone could be loan 1 or 1.00, and is asked with two buttons.
 * Only a clear amount is put on the card; otherwise the card proposes what the services say is
 * due next (this command computes no money).
 */

const PAID = defineForm({
  name: 'paid',
  size: 'quick',
  takesText: true,
  schema: z.object({
    loanId: z.number().int().positive(),
    amount: z.string().regex(/^\d+\.\d{2}$/),
    date: z.iso.date(),
  }),
});
type PaidDraft = z.infer<typeof PAID.schema>;

const answerButton = formButton<{ answer: 'confirm' | 'cancel' }>(PAID, { answer: oneOf(['confirm', 'cancel'] as const) });

function card(
  ctx: CommandContext,
  form: OpenForm<PaidDraft>,
  found: LoanOverview | undefined = ctx.services.loans.overview(form.data.loanId),
): Reply[] | undefined {
  if (!found) return undefined;
  const { amount, date: paidOn } = form.data;
  return [
    {
      text: ctx.t('paid-confirm', { name: found.loan.name, amount: money(ctx, new Decimal(amount)), date: date(ctx, paidOn) }),
      buttons: [
        [
          answerButton.make(ctx.t('button-confirm'), { formId: form.id, answer: 'confirm' }),
          answerButton.make(ctx.t('button-cancel'), { formId: form.id, answer: 'cancel' }),
        ],
      ],
    },
  ];
}

function applied(draft: PaidDraft, change: PaymentChange): PaidDraft {
  return 'date' in change ? { ...draft, date: change.date } : { ...draft, amount: change.amount.toFixed(2) };
}

/**
 * The changes typed, applied in order to the draft; a date before the loan began is refused and
 * leaves the date as it was. The services refuse it again on Confirm (and a date after today),
 * whatever reached the draft.
 */
function withChanges(ctx: CommandContext, loan: LoanOverview['loan'], draft: PaidDraft, changes: PaymentChange[], errors: ParseError[]) {
  const problems: Reply[] = errors.map((error) => ({ text: ctx.t(`error-${error}`) }));
  // The services' rule: Confirm checks it again.
  const start = ctx.services.payments.earliestDate(loan);
  for (const change of changes) {
    if ('date' in change && change.date < start) {
      problems.push({ text: ctx.t('paid-error-before-start', { date: date(ctx, change.date), start: date(ctx, start) }) });
    } else {
      draft = applied(draft, change);
    }
  }
  return { draft, problems };
}

/** The card for this loan: the next installment and today, changed by what was typed after the loan. */
function begin(
  ctx: CommandContext,
  found: LoanOverview | undefined,
  changes: PaymentChange[],
  errors: ParseError[] = [],
): Reply[] | undefined {
  if (!found) return undefined;
  if (!found.next) return [{ text: ctx.t('paid-nothing-owed', { name: found.loan.name }) }];
  const proposal: PaidDraft = { loanId: found.loan.id, amount: found.next.amount.toFixed(2), date: ctx.today };
  const { draft, problems } = withChanges(ctx, found.loan, proposal, changes, errors);
  return [...problems, ...(card(ctx, beginForm(ctx, PAID, 'confirm', draft), found) ?? [])];
}

/**
 * What a button carries of the line typed after /paid: its amounts and dates as the card reads
 * them again ("500.00", "2026-11-20"), so an amount stays clear and "yesterday" stays the day it
 * was typed.
 */
function carriedText(changes: PaymentChange[]): string {
  return changes.map((change) => ('date' in change ? change.date : change.amount.toFixed(2))).join(' ');
}

/** The button that picks a loan for /paid, carrying what was typed after it when that fits. */
function loanButton(carried: string) {
  return (loanId: number, label: string) => {
    const withCarried = { action: 'loan' as const, loanId, carried: carried || undefined };
    return paidForLoanButton.make(label, paidForLoanButton.fits(withCarried) ? withCarried : { ...withCarried, carried: undefined });
  };
}

/** `/paid [loan] [amount] [date]`, read by readPaidLine (src/parse/payment-change.ts, where the grammar is written down). */
function run(ctx: CommandContext, args: string): Reply[] {
  const loans = ctx.services.loans.list();
  if (loans.length === 0) return [{ text: ctx.t('loans-empty') }];
  const line = readPaidLine(args, { today: ctx.today, loanNames: loans.map((entry) => entry.loan.name) });
  const problems: Reply[] = line.errors.map((error) => ({ text: ctx.t(`error-${error}`) }));
  const carried = carriedText(line.changes);
  const reference = line.loan;
  if (reference?.kind === 'loan') {
    return begin(ctx, loans[reference.index], line.changes, line.errors) ?? [];
  }
  if (reference?.kind === 'missing') {
    // The number was meant as a loan: it is not taken as an amount, but the way to make it one is said.
    const hint = ctx.t('paid-no-such-loan-hint', { number: reference.number, amount: `${reference.number}.00` });
    const lead = [...problems, { text: `${noSuchLoan(ctx, reference.number, loans.length)}\n${hint}` }];
    return loanQuestion(ctx, loans, loanButton(carried), lead);
  }
  if (reference?.kind === 'ambiguous') {
    const loan = (loans[reference.index] as LoanOverview).loan;
    const amount = new Decimal(reference.number);
    const asAmount = carriedText([{ amount }, ...line.changes]);
    return [
      ...problems,
      {
        text: ctx.t('paid-loan-or-amount', { number: reference.number }),
        buttons: [
          [loanButton(carried)(loan.id, ctx.t('paid-button-loan', { number: reference.number, name: loan.name }))],
          [loanButton(asAmount)(loan.id, ctx.t('paid-button-amount', { amount: money(ctx, amount) }))],
        ],
      },
    ];
  }
  if (loans.length === 1) return begin(ctx, loans[0], line.changes, line.errors) ?? [];
  return loanQuestion(ctx, loans, loanButton(carried), problems);
}

/** Confirm: the payment is recorded; a refusal says why and shows the card again, nothing written. */
function confirm(ctx: CommandContext, form: OpenForm<PaidDraft>): Reply[] | undefined {
  const { loans, payments } = ctx.services;
  const { loanId, amount, date: paidOn } = form.data;
  const before = loans.overview(loanId)?.next;
  // Recorded once: the payment and the end of this form are one transaction.
  const result = finishForm(ctx, form, () => payments.record(loanId, new Decimal(amount), paidOn, ctx.now));
  if (!result) return undefined;
  if (!result.ok) {
    const again = (text: string) => [{ text }, ...(card(ctx, form) ?? [])];
    switch (result.reason) {
      case 'more-than-owed':
        return again(ctx.t('paid-error-more-than-owed', { owed: money(ctx, result.owed) }));
      case 'date-before-loan':
        return again(ctx.t('paid-error-before-start', { date: date(ctx, paidOn), start: date(ctx, result.start) }));
      case 'date-in-future':
        return again(ctx.t('error-payment-date-in-future'));
      default: {
        closeForm(ctx, form);
        const loan = loans.overview(loanId)?.loan;
        return loan ? [{ text: ctx.t('paid-nothing-owed', { name: loan.name }) }] : undefined;
      }
    }
  }
  const after = loans.overview(loanId);
  const lines = [ctx.t('paid-recorded', { amount: money(ctx, new Decimal(amount)), name: after?.loan.name ?? '' })];
  if (after?.next) {
    lines.push(ctx.t('paid-next', { amount: money(ctx, after.next.amount), date: date(ctx, after.next.due) }));
    // A partial payment: the installment that was next is still open, so say what the loan still owes.
    if (before && after.next.n === before.n && after.next.due === before.due) {
      lines.push(ctx.t('paid-still-open', { amount: money(ctx, result.stillOpen) }));
    }
  } else {
    lines.push(ctx.t('loans-item-paid-off'));
  }
  return [{ text: lines.join('\n'), buttons: [[askUndoButton.make(ctx.t('button-undo'), { action: 'ask' })]] }];
}

export const paidCommand: Command = {
  name: PAID.name,
  descriptionKey: 'command-paid',
  form: PAID,
  run,
  buttons: [
    onPress(paidForLoanButton, (ctx, { loanId, carried }) => {
      const { changes, errors } = readPaymentWords(wordsOf(carried ?? ''), ctx.today);
      return begin(ctx, ctx.services.loans.overview(loanId), changes, errors);
    }),
    onPress(answerButton, (ctx, { formId, answer }) => {
      const form = formOfButton(ctx, PAID, formId);
      if (!form) return undefined;
      if (answer === 'confirm') return confirm(ctx, form);
      closeForm(ctx, form);
      return [{ text: ctx.t('cancel-done') }];
    }),
  ],
  onFormInput(ctx, text) {
    const form = readForm(ctx, PAID);
    if (!form) return [{ text: ctx.t('error-not-understood') }];
    const found = ctx.services.loans.overview(form.data.loanId);
    if (!found) return [{ text: ctx.t('error-not-understood') }];
    const { changes, errors } = readPaymentWords(wordsOf(text), ctx.today);
    if (changes.length === 0 && errors.length === 0) return card(ctx, form, found) ?? [];
    const { draft, problems } = withChanges(ctx, found.loan, form.data, changes, errors);
    const changed = draft === form.data ? form : advanceForm(ctx, form, 'confirm', draft);
    return [...problems, ...(card(ctx, changed, found) ?? [])];
  },
  currentQuestion(ctx) {
    const form = readForm(ctx, PAID);
    return (form && card(ctx, form)) ?? [];
  },
};
