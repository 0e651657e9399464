import type { Command, CommandContext, Reply } from '../src/core/types.ts';
import type { FormRow } from '../src/services/forms.ts';
import { safeDecode } from './shared/callback-data.ts';
import { formInTheWay } from './shared/form-in-the-way.ts';
import { daysBetween } from '../src/domain/calendar.ts';
import { Decimal } from '../src/domain/money.ts';
import { parseAmount } from '../src/parse/amount.ts';
import { parseDate } from '../src/parse/date.ts';
import { date, money } from './shared/loan-text.ts';
import { pickLoan } from './shared/pick-loan.ts';

/*
 * /paid records a payment after the borrower confirms amount and date. The defaults are what
 * they most likely just did: paid the next installment, today. Typing an amount or a date on the
 * confirmation changes it.
 */

const FORM = 'paid';

interface PaidDraft {
  loanId: number;
  amount: string;
  date: string;
}

function card(ctx: CommandContext, form: FormRow): Reply[] {
  const draft = form.data as unknown as PaidDraft;
  const found = ctx.services.loans.overview(draft.loanId);
  if (!found) return [{ text: ctx.t('error-stale-button') }];
  return [
    {
      text: ctx.t('paid-confirm', { name: found.loan.name, amount: money(ctx, new Decimal(draft.amount)), date: date(ctx, draft.date) }),
      buttons: [
        [
          { label: ctx.t('button-confirm'), data: `${FORM}:${form.id}:confirm` },
          { label: ctx.t('button-cancel'), data: `${FORM}:${form.id}:cancel` },
        ],
      ],
    },
  ];
}

function begin(ctx: CommandContext, loanId: number, rest: string): Reply[] {
  const busy = formInTheWay(ctx, FORM, true);
  if (busy) return busy;
  const found = ctx.services.loans.overview(loanId);
  if (!found) return [{ text: ctx.t('error-stale-button') }];
  if (!found.next) return [{ text: ctx.t('paid-nothing-owed', { name: found.loan.name }) }];
  const draft: PaidDraft = { loanId, amount: found.next.amount.toFixed(2), date: ctx.today };
  const problems: Reply[] = [];
  for (const word of rest.split(/\s+/).filter(Boolean)) {
    const change = readChange(ctx, word);
    if ('error' in change) problems.push({ text: change.error });
    else Object.assign(draft, change);
  }
  const form = ctx.services.forms.start(FORM, 'confirm', draft as unknown as Record<string, unknown>, ctx.now);
  return [...problems, ...card(ctx, form)];
}

/** A typed word is a date if it looks like one, else an amount. */
function readChange(ctx: CommandContext, text: string): Partial<PaidDraft> | { error: string } {
  const asDate = parseDate(text);
  if (asDate.ok) {
    if (daysBetween(ctx.today, asDate.value) > 0) return { error: ctx.t('paid-error-future') };
    return { date: asDate.value };
  }
  if (/^\d{4}[-/.年]/.test(text.trim())) return { error: ctx.t(`error-${asDate.error}`) };
  const asAmount = parseAmount(text);
  if (asAmount.ok) return { amount: asAmount.value.toFixed(2) };
  return { error: ctx.t(`error-${asAmount.error}`) };
}

function openForm(ctx: CommandContext): FormRow | undefined {
  const form = ctx.services.forms.find();
  return form?.form === FORM ? form : undefined;
}

function confirm(ctx: CommandContext, form: FormRow): Reply[] {
  const draft = form.data as unknown as PaidDraft;
  const { forms, loans, payments } = ctx.services;
  // Recorded once: the payment and the end of this form are one transaction.
  const result = forms.finish(form.id, () => payments.record(draft.loanId, new Decimal(draft.amount), draft.date, ctx.now));
  if (!result) return [{ text: ctx.t('error-stale-button') }];
  if (!result.ok) {
    if (result.reason === 'more-than-owed') {
      return [{ text: ctx.t('paid-error-more-than-owed', { owed: money(ctx, result.owed) }) }, ...card(ctx, form)];
    }
    forms.clear();
    const loan = loans.overview(draft.loanId)?.loan;
    return [{ text: loan ? ctx.t('paid-nothing-owed', { name: loan.name }) : ctx.t('error-stale-button') }];
  }
  const after = loans.overview(draft.loanId);
  const lines = [ctx.t('paid-recorded', { amount: money(ctx, new Decimal(draft.amount)), name: after?.loan.name ?? '' })];
  if (after?.next) {
    lines.push(ctx.t('paid-next', { amount: money(ctx, after.next.amount), date: date(ctx, after.next.due) }));
  } else {
    lines.push(ctx.t('loans-item-paid-off'));
  }
  return [{ text: lines.join('\n'), buttons: [[{ label: ctx.t('button-undo'), data: 'undo:ask' }]] }];
}

export const paidCommand: Command = {
  name: FORM,
  descriptionKey: 'command-paid',
  run(ctx, args) {
    const picked = pickLoan(ctx, args, `${FORM}:loan`, args);
    return 'replies' in picked ? picked.replies : begin(ctx, picked.loan.loan.id, picked.rest);
  },
  onCallback(ctx, [first = '', action = '', carried = '']) {
    if (first === 'loan') return begin(ctx, Number(action), safeDecode(carried) ?? '');
    const form = openForm(ctx);
    if (!form || String(form.id) !== first) return [{ text: ctx.t('error-stale-button') }];
    if (action === 'confirm') return confirm(ctx, form);
    ctx.services.forms.clear();
    return [{ text: ctx.t('cancel-done') }];
  },
  onFormInput(ctx, text) {
    const form = openForm(ctx);
    if (!form) return [{ text: ctx.t('error-not-understood') }];
    const change = readChange(ctx, text);
    if ('error' in change) return [{ text: change.error }, ...card(ctx, form)];
    const data = { ...form.data, ...change };
    ctx.services.forms.update(form.id, 'confirm', data, ctx.now);
    return card(ctx, { ...form, data });
  },
  currentQuestion(ctx) {
    const form = openForm(ctx);
    return form ? card(ctx, form) : [];
  },
};
