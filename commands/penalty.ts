import { z } from 'zod';
import { buttonType, count, id, literal, onPress } from '../src/core/buttons.ts';
import { beginForm, defineForm, finishForm, formButton, formOfButton, readForm, type OpenForm } from '../src/core/forms.ts';
import type { Command, CommandContext, Reply } from '../src/core/types.ts';
import { parseLenderPenalty } from '../src/parse/lender-penalty.ts';
import type { LenderPenaltyResult, LenderPenaltyWord } from '../src/services/penalties.ts';
import { date, money } from './shared/loan-text.ts';
import { pickLoan } from './shared/pick-loan.ts';

/*
 * /penalty records what the lender actually charged on a late installment ("the lender charged
 * 12.30") or that it waived the penalty. The figure replaces repaybot's estimate for that
 * installment from today on, in every screen (the loan's ledger). The question is a quick form:
 * a typed figure or the "waived" button answers it once.
 */

const PENALTY = defineForm({
  name: 'penalty',
  size: 'quick',
  takesText: true,
  schema: z.object({ loanId: z.number().int().positive(), n: z.number().int().positive() }),
});
type PenaltyDraft = z.infer<typeof PENALTY.schema>;

const loanButton = buttonType<{ action: 'loan'; loanId: number }>('penalty', { action: literal('loan'), loanId: id });
const installmentButton = buttonType<{ action: 'n'; loanId: number; n: number }>('penalty', {
  action: literal('n'),
  loanId: id,
  n: count,
});
const waivedButton = formButton<{ answer: 'waived' }>(PENALTY, { answer: literal('waived') });

/** The installments of the loan that are past due and were or are charged something. */
function lateInstallments(ctx: CommandContext, loanId: number) {
  const found = ctx.services.loans.overview(loanId);
  if (!found) return undefined;
  const late = found.ledger.installments.filter(
    (i) => i.daysPastDue > 0 && (i.owed.gt(0) || i.penaltyCharged.gt(0) || i.lateFeeCharged.gt(0)),
  );
  return { found, late };
}

function question(ctx: CommandContext, form: OpenForm<PenaltyDraft>): Reply[] | undefined {
  const picked = lateInstallments(ctx, form.data.loanId);
  const entry = picked?.late.find((i) => i.n === form.data.n);
  if (!picked || !entry) return undefined;
  return [
    {
      text: ctx.t('penalty-ask', {
        name: picked.found.loan.name,
        n: entry.n,
        date: date(ctx, entry.due),
        estimate: money(ctx, entry.penaltyCharged.plus(entry.lateFeeCharged)),
      }),
      buttons: [[waivedButton.make(ctx.t('button-penalty-waived'), { formId: form.id, answer: 'waived' })]],
    },
  ];
}

function chooseInstallment(ctx: CommandContext, loanId: number): Reply[] | undefined {
  const picked = lateInstallments(ctx, loanId);
  if (!picked) return undefined;
  const { found, late } = picked;
  const [only] = late;
  if (!only) return [{ text: ctx.t('penalty-none-past-due', { name: found.loan.name }) }];
  if (late.length === 1) return question(ctx, beginForm(ctx, PENALTY, 'figure', { loanId, n: only.n }));
  return [
    {
      text: ctx.t('penalty-pick-installment', { name: found.loan.name }),
      buttons: late.map((i) => [
        installmentButton.make(ctx.t('button-installment', { n: i.n, date: date(ctx, i.due) }), { action: 'n', loanId, n: i.n }),
      ]),
    },
  ];
}

function refusal(ctx: CommandContext, result: Exclude<LenderPenaltyResult, { ok: true }>, figure?: string): string {
  switch (result.reason) {
    case 'more-than-loan':
      return ctx.t('penalty-error-more-than-loan', { amount: figure ?? '', principal: money(ctx, result.principal) });
    case 'less-than-paid':
      return ctx.t('penalty-error-less-than-paid', { paid: money(ctx, result.paid) });
    case 'nothing-to-waive':
      return ctx.t('penalty-error-nothing-to-waive');
    default:
      return ctx.t('penalty-error-not-past-due');
  }
}

function record(ctx: CommandContext, form: OpenForm<PenaltyDraft>, word: LenderPenaltyWord): Reply[] | undefined {
  const name = ctx.services.loans.overview(form.data.loanId)?.loan.name ?? '';
  const result = finishForm(ctx, form, () => ctx.services.penalties.recordLenderWord(form.data.loanId, form.data.n, word));
  if (!result) return undefined;
  if (!result.ok) {
    const figure = word.kind === 'charged' ? money(ctx, word.amount) : undefined;
    return [{ text: refusal(ctx, result, figure) }, ...(question(ctx, form) ?? [])];
  }
  const vars = { name, n: form.data.n, owed: money(ctx, result.loanOwed) };
  const text =
    word.kind === 'charged' ? ctx.t('penalty-recorded', { ...vars, amount: money(ctx, word.amount) }) : ctx.t('penalty-waived', vars);
  return [{ text }];
}

export const penaltyCommand: Command = {
  name: PENALTY.name,
  descriptionKey: 'command-penalty',
  form: PENALTY,
  run(ctx, args) {
    const picked = pickLoan(ctx, args, (loanId, label) => loanButton.make(label, { action: 'loan', loanId }));
    return 'replies' in picked ? picked.replies : (chooseInstallment(ctx, picked.loan.loan.id) ?? []);
  },
  buttons: [
    onPress(loanButton, (ctx, { loanId }) => chooseInstallment(ctx, loanId)),
    onPress(installmentButton, (ctx, { loanId, n }) => {
      const late = lateInstallments(ctx, loanId)?.late;
      if (!late?.some((i) => i.n === n)) return undefined;
      return question(ctx, beginForm(ctx, PENALTY, 'figure', { loanId, n }));
    }),
    onPress(waivedButton, (ctx, { formId }) => {
      const form = formOfButton(ctx, PENALTY, formId);
      return form ? record(ctx, form, { kind: 'waived' }) : undefined;
    }),
  ],
  onFormInput(ctx, text) {
    const form = readForm(ctx, PENALTY);
    if (!form) return [{ text: ctx.t('error-not-understood') }];
    const read = parseLenderPenalty(text);
    if (!read.ok) return [{ text: ctx.t(`error-${read.error}`) }, ...(question(ctx, form) ?? [])];
    return record(ctx, form, read.value) ?? [];
  },
  currentQuestion(ctx) {
    const form = readForm(ctx, PENALTY);
    return (form && question(ctx, form)) ?? [];
  },
};
