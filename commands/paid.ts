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
import { parsePaymentChange, type PaymentChange } from '../src/parse/payment-change.ts';
import { askUndoButton } from './undo.ts';
import { date, money } from './shared/loan-text.ts';
import { pickLoan } from './shared/pick-loan.ts';

/*
 * /paid records a payment after the borrower confirms amount and date. The defaults are what
 * they most likely just did: paid the next installment, today. Typing an amount or a date on the
 * confirmation changes it. The confirmation is a quick form: it opens in front of a loan being
 * entered without disturbing it.
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

function card(ctx: CommandContext, form: OpenForm<PaidDraft>): Reply[] | undefined {
  const found = ctx.services.loans.overview(form.data.loanId);
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

function begin(ctx: CommandContext, loanId: number, rest: string): Reply[] | undefined {
  const found = ctx.services.loans.overview(loanId);
  if (!found) return undefined;
  if (!found.next) return [{ text: ctx.t('paid-nothing-owed', { name: found.loan.name }) }];
  let draft: PaidDraft = { loanId, amount: found.next.amount.toFixed(2), date: ctx.today };
  const problems: Reply[] = [];
  for (const word of rest.split(/\s+/).filter(Boolean)) {
    const change = parsePaymentChange(word, ctx.today);
    if (change.ok) draft = applied(draft, change.value);
    else problems.push({ text: ctx.t(`error-${change.error}`) });
  }
  return [...problems, ...(card(ctx, beginForm(ctx, PAID, 'confirm', draft)) ?? [])];
}

function confirm(ctx: CommandContext, form: OpenForm<PaidDraft>): Reply[] | undefined {
  const { loans, payments } = ctx.services;
  const { loanId, amount, date: paidOn } = form.data;
  // Recorded once: the payment and the end of this form are one transaction.
  const result = finishForm(ctx, form, () => payments.record(loanId, new Decimal(amount), paidOn, ctx.now));
  if (!result) return undefined;
  if (!result.ok) {
    if (result.reason === 'more-than-owed') {
      return [{ text: ctx.t('paid-error-more-than-owed', { owed: money(ctx, result.owed) }) }, ...(card(ctx, form) ?? [])];
    }
    closeForm(ctx, form);
    const loan = loans.overview(loanId)?.loan;
    return loan ? [{ text: ctx.t('paid-nothing-owed', { name: loan.name }) }] : undefined;
  }
  const after = loans.overview(loanId);
  const lines = [ctx.t('paid-recorded', { amount: money(ctx, new Decimal(amount)), name: after?.loan.name ?? '' })];
  if (after?.next) {
    lines.push(ctx.t('paid-next', { amount: money(ctx, after.next.amount), date: date(ctx, after.next.due) }));
  } else {
    lines.push(ctx.t('loans-item-paid-off'));
  }
  return [{ text: lines.join('\n'), buttons: [[askUndoButton.make(ctx.t('button-undo'), { action: 'ask' })]] }];
}

/** The button that picks a loan for /paid, carrying what was typed after it when that fits. */
function pickButton(carried: string) {
  return (loanId: number, label: string) => {
    const withCarried = { action: 'loan' as const, loanId, carried: carried || undefined };
    return paidForLoanButton.make(label, paidForLoanButton.fits(withCarried) ? withCarried : { ...withCarried, carried: undefined });
  };
}

export const paidCommand: Command = {
  name: PAID.name,
  descriptionKey: 'command-paid',
  form: PAID,
  run(ctx, args) {
    const picked = pickLoan(ctx, args, pickButton(args));
    return 'replies' in picked ? picked.replies : (begin(ctx, picked.loan.loan.id, picked.rest) ?? []);
  },
  buttons: [
    onPress(paidForLoanButton, (ctx, { loanId, carried }) => begin(ctx, loanId, carried ?? '')),
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
    const change = parsePaymentChange(text, ctx.today);
    if (!change.ok) return [{ text: ctx.t(`error-${change.error}`) }, ...(card(ctx, form) ?? [])];
    return card(ctx, advanceForm(ctx, form, 'confirm', applied(form.data, change.value))) ?? [];
  },
  currentQuestion(ctx) {
    const form = readForm(ctx, PAID);
    return (form && card(ctx, form)) ?? [];
  },
};
