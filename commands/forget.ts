import { z } from 'zod';
import { beginForm, closeForm, defineForm, finishForm, readForm } from '../src/core/forms.ts';
import type { Command, CommandContext, Reply } from '../src/core/types.ts';

/*
 * /forget (issue 13): erases everything about the user once they type the confirmation word of
 * their language (FORGET, 删除, 刪除); anything else cancels and nothing is erased. Only in the
 * user's private chat: in a group, someone else could be looking. The receipt counts what went
 * and says what the history keeps (pseudonymous events, no text, amounts or names).
 */

const FORGET = defineForm({
  name: 'forget',
  size: 'quick',
  takesText: true,
  schema: z.object({ askedAt: z.string() }),
});

/** In a private chat the chat is the user: anything else is a group (or a channel). */
export function inPrivateChat(ctx: CommandContext): boolean {
  return ctx.chatId === ctx.user.id;
}

/** The typed word, as the user's keyboard may send it: full-width letters, spaces, any case. */
function isConfirmation(ctx: CommandContext, typed: string): boolean {
  const word = ctx.t('forget-word').normalize('NFKC').trim().toLowerCase();
  return typed.normalize('NFKC').trim().toLowerCase() === word;
}

function question(ctx: CommandContext): Reply[] {
  return [{ text: ctx.t('forget-confirm', { word: ctx.t('forget-word') }) }];
}

function erase(ctx: CommandContext, formId: number, askedAt: string): Reply[] {
  const form = { id: formId, name: FORGET.name, step: 'confirm', data: { askedAt }, history: [] };
  const erased = finishForm(ctx, form, () => ({ ok: true, counts: ctx.services.forget.erase() }));
  if (!erased) return [{ text: ctx.t('forget-cancelled') }];
  const c = erased.counts;
  const lines = [
    ctx.t('forget-done'),
    ctx.t('forget-done-loans', { loans: c.loans, installments: c.installments, payments: c.payments, penalties: c.penaltyEntries }),
    ctx.t('forget-done-requests', { requests: c.requests, notes: c.notes, promises: c.promises }),
    ctx.t('forget-done-other', { reminders: c.reminders + c.messages, forms: c.forms, updates: c.updates + c.other }),
    ctx.t(c.auditPseudonymised > 0 ? 'forget-done-audit' : 'forget-done-no-audit', { audit: c.auditPseudonymised }),
    ctx.t('forget-done-after'),
  ];
  return [{ text: lines.join('\n') }];
}

export const forgetCommand: Command = {
  name: 'forget',
  descriptionKey: 'command-forget',
  form: FORGET,
  run(ctx) {
    if (!inPrivateChat(ctx)) return [{ text: ctx.t('forget-private-only') }];
    beginForm(ctx, FORGET, 'confirm', { askedAt: ctx.now.toISOString() });
    return question(ctx);
  },
  onFormInput(ctx, text) {
    const form = readForm(ctx, FORGET);
    if (!form) return [];
    if (!inPrivateChat(ctx) || !isConfirmation(ctx, text)) {
      closeForm(ctx, form);
      return [{ text: ctx.t('forget-cancelled') }];
    }
    return erase(ctx, form.id, form.data.askedAt);
  },
  currentQuestion(ctx) {
    return readForm(ctx, FORGET) ? question(ctx) : [];
  },
};
