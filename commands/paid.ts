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
import { truncateGraphemes } from '../src/core/text-split.ts';
import { Decimal } from '../src/domain/money.ts';
import { wordsOf } from '../src/parse/loan-reference.ts';
import { readPaidLine, readPaymentWords, type PaymentChange, type PaymentWords } from '../src/parse/payment-change.ts';
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
 * due next (this command computes no money). A word it cannot read (an amount like "5OO", a date
 * in the future) is named with why, and the amount is asked again (step 'amount', no Confirm):
 * never a card for an amount nobody typed.
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
 * Each word refused, and why: an amount that could not be read is named as typed (cut to a length
 * a reply can echo); a date that was read but is not allowed (tomorrow) just says why.
 */
function notUnderstood(ctx: CommandContext, read: Pick<PaymentWords, 'unread' | 'errors'>): Reply[] {
  return read.errors.map((error, i) => ({
    text: isAmountError(error)
      ? ctx.t('paid-word-not-understood', { word: truncateGraphemes(read.unread[i] ?? '', 40), reason: ctx.t(`error-${error}`) })
      : ctx.t(`error-${error}`),
  }));
}

/** An amount that could not be read: the amount is asked again rather than a card offered. */
function isAmountError(error: ParseError): boolean {
  return error.startsWith('amount-');
}

function asksAgain(read: Pick<PaymentWords, 'errors'>): boolean {
  return read.errors.some(isAmountError);
}

/** The question asked again after an unreadable word: how much, for which loan; no Confirm. */
function askAmount(ctx: CommandContext, form: OpenForm<PaidDraft>, found: LoanOverview): Reply[] {
  const next = found.next ? money(ctx, found.next.amount) : money(ctx, new Decimal(form.data.amount));
  return [
    {
      text: ctx.t('paid-ask-amount', { name: found.loan.name, amount: next }),
      buttons: [[answerButton.make(ctx.t('button-cancel'), { formId: form.id, answer: 'cancel' })]],
    },
  ];
}

/**
 * The changes typed, applied in order to the draft; a date before the loan began is refused and
 * leaves the date as it was. The services refuse it again on Confirm (and a date after today),
 * whatever reached the draft.
 */
function withChanges(ctx: CommandContext, loan: LoanOverview['loan'], draft: PaidDraft, changes: PaymentChange[]) {
  const problems: Reply[] = [];
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

/**
 * The card for this loan: the next installment and today, changed by what was typed after the
 * loan; when a word could not be read, what was read is kept and the amount asked again.
 */
function begin(ctx: CommandContext, found: LoanOverview | undefined, read: PaymentWords): Reply[] | undefined {
  if (!found) return undefined;
  if (!found.next) return [{ text: ctx.t('paid-nothing-owed', { name: found.loan.name }) }];
  const proposal: PaidDraft = { loanId: found.loan.id, amount: found.next.amount.toFixed(2), date: ctx.today };
  const { draft, problems } = withChanges(ctx, found.loan, proposal, read.changes);
  if (asksAgain(read)) {
    return [...notUnderstood(ctx, read), ...problems, ...askAmount(ctx, beginForm(ctx, PAID, 'amount', draft), found)];
  }
  return [...notUnderstood(ctx, read), ...problems, ...(card(ctx, beginForm(ctx, PAID, 'confirm', draft), found) ?? [])];
}

/**
 * What a button carries of the line typed after /paid: its amounts and dates as the card reads
 * them again ("500.00", "2026-11-20"), so an amount stays clear and "yesterday" stays the day it
 * was typed.
 */
function carriedText(changes: PaymentChange[]): string {
  return changes.map((change) => ('date' in change ? change.date : change.amount.toFixed(2))).join(' ');
}

/**
 * The button that picks a loan for /paid, carrying what was typed after it when that fits. Words
 * that could not be read go along as typed, so the loan's card asks again rather than offering
 * Confirm; when they do not fit, a lone "…" stands for them and is asked about the same way.
 */
function loanButton(carried: string, unread: readonly string[] = []) {
  return (loanId: number, label: string) => {
    const make = (text: string) => ({ action: 'loan' as const, loanId, carried: text || undefined });
    const full = make([carried, ...unread].filter(Boolean).join(' '));
    const fallback = unread.length > 0 ? make('…') : make('');
    return paidForLoanButton.make(label, paidForLoanButton.fits(full) ? full : fallback);
  };
}

/** `/paid [loan] [amount] [date]`, read by readPaidLine (src/parse/payment-change.ts, where the grammar is written down). */
function run(ctx: CommandContext, args: string): Reply[] {
  const loans = ctx.services.loans.list();
  if (loans.length === 0) return [{ text: ctx.t('loans-empty') }];
  const line = readPaidLine(args, { today: ctx.today, loanNames: loans.map((entry) => entry.loan.name) });
  const problems = notUnderstood(ctx, line);
  const carried = carriedText(line.changes);
  const pick = loanButton(carried, line.unread);
  const reference = line.loan;
  if (reference?.kind === 'loan') {
    return begin(ctx, loans[reference.index], line) ?? [];
  }
  if (reference?.kind === 'missing') {
    // The number was meant as a loan: it is not taken as an amount, but the way to make it one is said.
    const hint = ctx.t('paid-no-such-loan-hint', { number: reference.number, amount: `${reference.number}.00` });
    const lead = [...problems, { text: `${noSuchLoan(ctx, reference.number, loans.length)}\n${hint}` }];
    return loanQuestion(ctx, loans, pick, lead);
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
          [pick(loan.id, ctx.t('paid-button-loan', { number: reference.number, name: loan.name }))],
          [loanButton(asAmount, line.unread)(loan.id, ctx.t('paid-button-amount', { amount: money(ctx, amount) }))],
        ],
      },
    ];
  }
  if (loans.length === 1) return begin(ctx, loans[0], line) ?? [];
  return loanQuestion(ctx, loans, pick, problems);
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

/** What the form asks now: the amount again, or the card to confirm. */
function currentQuestionOf(
  ctx: CommandContext,
  form: OpenForm<PaidDraft>,
  found: LoanOverview | undefined = ctx.services.loans.overview(form.data.loanId),
): Reply[] {
  if (!found) return [];
  return form.step === 'amount' ? askAmount(ctx, form, found) : (card(ctx, form, found) ?? []);
}

export const paidCommand: Command = {
  name: PAID.name,
  descriptionKey: 'command-paid',
  form: PAID,
  run,
  buttons: [
    onPress(paidForLoanButton, (ctx, { loanId, carried }) => {
      return begin(ctx, ctx.services.loans.overview(loanId), readPaymentWords(wordsOf(carried ?? ''), ctx.today));
    }),
    onPress(answerButton, (ctx, { formId, answer }) => {
      const form = formOfButton(ctx, PAID, formId);
      if (!form) return undefined;
      if (answer === 'confirm') {
        // A card's Confirm after the amount was asked again: that amount is not what is wanted now.
        if (form.step !== 'confirm') return currentQuestionOf(ctx, form);
        return confirm(ctx, form);
      }
      closeForm(ctx, form);
      return [{ text: ctx.t('cancel-done') }];
    }),
  ],
  onFormInput(ctx, text) {
    const form = readForm(ctx, PAID);
    if (!form) return [{ text: ctx.t('error-not-understood') }];
    const found = ctx.services.loans.overview(form.data.loanId);
    if (!found) return [{ text: ctx.t('error-not-understood') }];
    const read = readPaymentWords(wordsOf(text), ctx.today);
    if (read.changes.length === 0 && read.errors.length === 0) return currentQuestionOf(ctx, form, found);
    const { draft, problems } = withChanges(ctx, found.loan, form.data, read.changes);
    if (asksAgain(read)) {
      // What was read is kept; the amount is asked again, without a Confirm for the old card's amount.
      return [...notUnderstood(ctx, read), ...problems, ...askAmount(ctx, advanceForm(ctx, form, 'amount', draft), found)];
    }
    if (form.step === 'amount' && read.changes.every((change) => !('amount' in change))) {
      // Still no amount typed: ask for it again (a date typed meanwhile is kept).
      const asked = advanceForm(ctx, form, 'amount', draft);
      return [...notUnderstood(ctx, read), ...problems, ...askAmount(ctx, asked, found)];
    }
    const changed = draft === form.data && form.step === 'confirm' ? form : advanceForm(ctx, form, 'confirm', draft);
    return [...notUnderstood(ctx, read), ...problems, ...(card(ctx, changed, found) ?? [])];
  },
  currentQuestion(ctx) {
    const form = readForm(ctx, PAID);
    return (form && currentQuestionOf(ctx, form)) ?? [];
  },
};
