import { z } from 'zod';
import { buttonType, literal, oneOf, onPress } from '../src/core/buttons.ts';
import { beginForm, closeForm, defineForm, finishForm, formButton, formOfButton, readForm, type OpenForm } from '../src/core/forms.ts';
import type { Command, CommandContext, Reply } from '../src/core/types.ts';
import { Decimal } from '../src/domain/money.ts';
import { date, money } from './shared/loan-text.ts';

/*
 * /undo asks first, naming the payment. The question is a quick form: its buttons work once, and
 * a newer question (another /undo, a /paid) makes them stale.
 */

const UNDO = defineForm({ name: 'undo', size: 'quick', takesText: false, schema: z.object({ paymentId: z.number().int().positive() }) });
const answerButton = formButton<{ answer: 'undo' | 'keep' }>(UNDO, { answer: oneOf(['undo', 'keep'] as const) });
/** Shown under a recorded payment: asks to undo it. */
export const askUndoButton = buttonType<{ action: 'ask' }>('undo', { action: literal('ask') });

function question(ctx: CommandContext, form: OpenForm<{ paymentId: number }>): Reply[] {
  const last = ctx.services.payments.last();
  if (!last || last.id !== form.data.paymentId) return [];
  return [
    {
      text: ctx.t('undo-confirm', { amount: money(ctx, new Decimal(last.amount)), name: last.loanName, date: date(ctx, last.paidOn) }),
      buttons: [
        [
          answerButton.make(ctx.t('button-undo-payment'), { formId: form.id, answer: 'undo' }),
          answerButton.make(ctx.t('button-keep'), { formId: form.id, answer: 'keep' }),
        ],
      ],
    },
  ];
}

function ask(ctx: CommandContext): Reply[] {
  const last = ctx.services.payments.last();
  if (!last) return [{ text: ctx.t('undo-nothing') }];
  if (last.source === 'payoff') return [{ text: ctx.t('undo-payoff', { name: last.loanName }) }];
  return question(ctx, beginForm(ctx, UNDO, 'confirm', { paymentId: last.id }));
}

function answer(ctx: CommandContext, formId: number, choice: 'undo' | 'keep'): Reply[] | undefined {
  const form = formOfButton(ctx, UNDO, formId);
  if (!form) return undefined;
  if (choice === 'keep') {
    closeForm(ctx, form);
    return [{ text: ctx.t('undo-kept') }];
  }
  // Answered once: the undo and the end of the question are one transaction.
  const undone = finishForm(ctx, form, () => ({ ok: true, payment: ctx.services.payments.undo(form.data.paymentId, ctx.now) }))?.payment;
  if (!undone) return undefined;
  return [{ text: ctx.t('undo-done', { amount: money(ctx, new Decimal(undone.amount)), name: undone.loanName }) }];
}

export const undoCommand: Command = {
  name: 'undo',
  descriptionKey: 'command-undo',
  form: UNDO,
  run: ask,
  buttons: [onPress(askUndoButton, ask), onPress(answerButton, (ctx, { formId, answer: choice }) => answer(ctx, formId, choice))],
  currentQuestion(ctx) {
    const form = readForm(ctx, UNDO);
    return form ? question(ctx, form) : [];
  },
};
