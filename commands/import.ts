import { z } from 'zod';
import { oneOf, onPress } from '../src/core/buttons.ts';
import { beginForm, closeForm, defineForm, finishForm, formButton, formOfButton, readForm, type OpenForm } from '../src/core/forms.ts';
import type { Command, CommandContext, IncomingDocument, Reply } from '../src/core/types.ts';
import { Decimal } from '../src/domain/money.ts';
import { inPrivateChat } from './forget.ts';
import { date, money } from './shared/loan-text.ts';

/** The export's day as the bot writes dates; the instant as written when it is not one. */
function exportDate(ctx: CommandContext, exportedAt: string): string {
  const day = exportedAt.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(exportedAt))
    ? date(ctx, day as Parameters<typeof date>[1])
    : exportedAt;
}

/*
 * /import (issue 13): the user sends their own JSON export back as a document (to this bot or
 * another instance of it). The file is checked whole (its size before it is downloaded, then
 * JSON, format, version and every field), a preview says what will come in and what will not,
 * and only Import writes, in one transaction with new ids (src/services/import.ts). The checked
 * document waits in the confirmation's form, so Import restores exactly what was previewed.
 */

const IMPORT = defineForm({
  name: 'import',
  size: 'quick',
  takesText: false,
  // The document was checked before the form was written; here it is only carried.
  schema: z.object({ document: z.record(z.string(), z.unknown()) }),
});
const answerButton = formButton<{ answer: 'import' | 'cancel' }>(IMPORT, { answer: oneOf(['import', 'cancel'] as const) });

type Refusal = Exclude<ReturnType<CommandContext['services']['import']['read']>, { ok: true }>;

function refusal(ctx: CommandContext, refused: Refusal): Reply[] {
  switch (refused.reason) {
    case 'too-large':
      return [{ text: ctx.t('import-too-large', { max: Math.round(refused.max / 1024 / 1024) }) }];
    case 'newer-version':
      return [{ text: ctx.t('import-newer-version', { version: refused.version, supported: refused.supported }) }];
    case 'invalid':
      return [{ text: ctx.t('import-invalid', { where: refused.where }) }];
    default:
      return [{ text: ctx.t(`import-${refused.reason}`) }];
  }
}

function preview(ctx: CommandContext, form: OpenForm<{ document: Record<string, unknown> }>): Reply[] {
  const read = ctx.services.import.check(form.data.document);
  if (!read.ok) return refusal(ctx, read);
  const p = ctx.services.import.preview(read.document);
  const lines = [
    ctx.t('import-preview', { date: exportDate(ctx, read.document.exportedAt) }),
    ctx.t('import-preview-counts', { loans: p.loans, installments: p.installments, payments: p.payments, penalties: p.penaltyEntries }),
    ctx.t('import-preview-totals', { principal: money(ctx, new Decimal(p.principal)), paid: money(ctx, new Decimal(p.paid)) }),
    ...p.renamed.map((r) => ctx.t('import-preview-renamed', { from: r.from, to: r.to })),
    ctx.t(p.settings ? 'import-preview-settings' : 'import-preview-settings-kept'),
    ctx.t('import-preview-skipped', p.skipped),
    ctx.t('import-preview-ask'),
  ];
  return [
    {
      text: lines.join('\n'),
      buttons: [
        [
          answerButton.make(ctx.t('button-import'), { formId: form.id, answer: 'import' }),
          answerButton.make(ctx.t('button-cancel'), { formId: form.id, answer: 'cancel' }),
        ],
      ],
    },
  ];
}

async function received(ctx: CommandContext, document: IncomingDocument): Promise<Reply[]> {
  if (!inPrivateChat(ctx)) return [{ text: ctx.t('import-private-only') }];
  const max = ctx.services.import.maxBytes;
  // Refused by its size alone: a 50 MB file is never downloaded.
  if (document.size !== undefined && document.size > max) return refusal(ctx, { ok: false, reason: 'too-large', max });
  let bytes: Uint8Array;
  try {
    bytes = await document.fetch();
  } catch {
    return [{ text: ctx.t('import-download-failed') }];
  }
  const read = ctx.services.import.read(bytes);
  if (!read.ok) return refusal(ctx, read);
  return preview(ctx, beginForm(ctx, IMPORT, 'confirm', { document: read.document as unknown as Record<string, unknown> }));
}

function answer(ctx: CommandContext, formId: number, choice: 'import' | 'cancel'): Reply[] | undefined {
  const form = formOfButton(ctx, IMPORT, formId);
  if (!form) return undefined;
  if (choice === 'cancel' || !inPrivateChat(ctx)) {
    closeForm(ctx, form);
    return [{ text: ctx.t('import-cancelled') }];
  }
  const read = ctx.services.import.check(form.data.document);
  if (!read.ok) {
    closeForm(ctx, form);
    return refusal(ctx, read);
  }
  const done = finishForm(ctx, form, () => ctx.services.import.restore(read.document));
  if (!done) return undefined;
  return [
    { text: ctx.t('import-done', { loans: done.loans.length, payments: done.payments, names: done.loans.map((l) => l.name).join(', ') }) },
  ];
}

export const importCommand: Command = {
  name: 'import',
  descriptionKey: 'command-import',
  form: IMPORT,
  run: (ctx) => [{ text: ctx.t(inPrivateChat(ctx) ? 'import-how' : 'import-private-only') }],
  onDocument: received,
  buttons: [onPress(answerButton, (ctx, { formId, answer: choice }) => answer(ctx, formId, choice))],
  currentQuestion(ctx) {
    const form = readForm(ctx, IMPORT);
    return form ? preview(ctx, form) : [];
  },
};
