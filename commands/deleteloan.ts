import { z } from 'zod';
import { buttonType, id, literal, oneOf, onPress } from '../src/core/buttons.ts';
import { beginForm, closeForm, defineForm, finishForm, formButton, formOfButton, readForm, type OpenForm } from '../src/core/forms.ts';
import type { Command, CommandContext, Reply } from '../src/core/types.ts';
import { pickLoan } from './shared/pick-loan.ts';

/*
 * /deleteloan asks first. The question is a quick form: its buttons work once, and a newer
 * question makes them stale, so an old "Delete" in the chat history can never delete anything.
 */

const DELETE = defineForm({
  name: 'deleteloan',
  size: 'quick',
  takesText: false,
  schema: z.object({ loanId: z.number().int().positive() }),
});
const pickButton = buttonType<{ action: 'pick'; loanId: number }>('deleteloan', { action: literal('pick'), loanId: id });
const answerButton = formButton<{ answer: 'delete' | 'keep' }>(DELETE, { answer: oneOf(['delete', 'keep'] as const) });

function question(ctx: CommandContext, form: OpenForm<{ loanId: number }>): Reply[] | undefined {
  const found = ctx.services.loans.overview(form.data.loanId);
  if (!found) return undefined;
  return [
    {
      text: ctx.t('deleteloan-confirm', { name: found.loan.name, periods: found.loan.periods }),
      buttons: [
        [
          answerButton.make(ctx.t('button-delete'), { formId: form.id, answer: 'delete' }),
          answerButton.make(ctx.t('button-keep'), { formId: form.id, answer: 'keep' }),
        ],
      ],
    },
  ];
}

function ask(ctx: CommandContext, loanId: number): Reply[] | undefined {
  if (!ctx.services.loans.overview(loanId)) return undefined;
  return question(ctx, beginForm(ctx, DELETE, 'confirm', { loanId }));
}

function answer(ctx: CommandContext, formId: number, choice: 'delete' | 'keep'): Reply[] | undefined {
  const form = formOfButton(ctx, DELETE, formId);
  if (!form) return undefined;
  if (choice === 'keep') {
    closeForm(ctx, form);
    return [{ text: ctx.t('deleteloan-kept') }];
  }
  const name = ctx.services.loans.overview(form.data.loanId)?.loan.name;
  // Answered once: the deletion and the end of the question are one transaction.
  const deleted = finishForm(ctx, form, () => ({ ok: true, deleted: ctx.services.loans.remove(form.data.loanId, ctx.now) }));
  if (!deleted?.deleted || name === undefined) return undefined;
  return [{ text: ctx.t('deleteloan-done', { name }) }];
}

export const deleteLoanCommand: Command = {
  name: 'deleteloan',
  descriptionKey: 'command-deleteloan',
  form: DELETE,
  run(ctx, args) {
    const picked = pickLoan(ctx, args, (loanId, label) => pickButton.make(label, { action: 'pick', loanId }));
    return 'replies' in picked ? picked.replies : (ask(ctx, picked.loan.loan.id) ?? []);
  },
  buttons: [
    onPress(pickButton, (ctx, { loanId }) => ask(ctx, loanId)),
    onPress(answerButton, (ctx, { formId, answer: choice }) => answer(ctx, formId, choice)),
  ],
  currentQuestion(ctx) {
    const form = readForm(ctx, DELETE);
    return (form && question(ctx, form)) ?? [];
  },
};
