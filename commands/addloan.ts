import type { Button, Command, CommandContext, Reply } from '../src/core/types.ts';
import { addMonthsClamped } from '../src/domain/calendar.ts';
import type { RepaymentMethod } from '../src/domain/schedule.ts';
import type { FormRow } from '../src/services/forms.ts';
import { pairs } from './shared/button-rows.ts';
import { formInTheWay } from './shared/form-in-the-way.ts';
import { parseLoanLine } from '../src/parse/loan-line.ts';
import { loanCardText } from './shared/loan-card.ts';
import {
  EXTRA_FIELDS,
  LENDER_KINDS,
  extraFields,
  METHODS,
  PRESETS,
  QUESTION_FIELDS,
  applyAnswer,
  draftFromLine,
  nextMissing,
  requiredFields,
  toInput,
  withMethod,
  type AnswerError,
  type Draft,
  type Field,
} from './shared/loan-draft.ts';
import { methodName, money } from './shared/loan-text.ts';

/*
 * /addloan is a small state machine kept in the form_states table, so a restart between two
 * answers loses nothing. The next question is always "the first field still missing", which
 * serves the guided form, a one-line entry with gaps, and edits from the confirmation card alike.
 * /editloan reuses it with the loan's current terms filled in.
 */

const FORM = 'addloan';
type Step = Field | 'confirm' | 'edit';
const ALL_FIELDS: readonly string[] = [...QUESTION_FIELDS, ...EXTRA_FIELDS];

function stepAfter(draft: Draft): Step {
  return nextMissing(draft) ?? 'confirm';
}

function button(form: FormRow, label: string, action: string): Button {
  return { label, data: `${FORM}:${form.id}:${action}` };
}

function question(ctx: CommandContext, form: FormRow, step: Step): Reply[] {
  const draft = form.data as Draft;
  const fields = requiredFields(draft);
  const progress = { step: fields.indexOf(step as Field) + 1, steps: fields.length };
  switch (step) {
    case 'name':
      return [{ text: ctx.t('addloan-ask-name', progress) }];
    case 'principal':
      return [{ text: ctx.t('addloan-ask-principal', progress) }];
    case 'method':
      return [
        {
          text: ctx.t('addloan-ask-method', progress),
          buttons: pairs(METHODS.map((m) => button(form, methodName(ctx, m), `method:${m}`))),
        },
      ];
    case 'rate': {
      const key = draft.method === 'fee' ? 'addloan-ask-rate-fee' : draft.method === 'flat' ? 'addloan-ask-rate-flat' : 'addloan-ask-rate';
      return [{ text: ctx.t(key, progress) }];
    }
    case 'oneTimeFee':
      return [{ text: ctx.t('addloan-ask-one-time-fee', progress) }];
    case 'periods':
      return [{ text: ctx.t('addloan-ask-periods', progress) }];
    case 'startDate':
      return [{ text: ctx.t('addloan-ask-start', { ...progress, example: ctx.today }) }];
    case 'firstDue':
      return [
        {
          text: ctx.t(draft.method === 'bullet' || draft.method === 'bnpl' ? 'addloan-ask-due' : 'addloan-ask-first-due', {
            ...progress,
            example: addMonthsClamped(ctx.today, 1),
          }),
        },
      ];
    case 'upfrontFee':
      return [{ text: ctx.t('addloan-ask-upfront-fee') }];
    case 'lenderKind':
      return [
        {
          text: ctx.t('addloan-ask-lender'),
          buttons: [LENDER_KINDS.map((kind) => button(form, ctx.t(`lender-${kind}`), `set:lenderKind:${kind}`))],
        },
      ];
    case 'dayBasis':
      return [
        {
          text: ctx.t('addloan-ask-day-basis'),
          buttons: [[button(form, ctx.t('day-basis-360'), 'set:dayBasis:360'), button(form, ctx.t('day-basis-365'), 'set:dayBasis:365')]],
        },
      ];
    case 'policyOverrides':
      return [{ text: ctx.t('addloan-ask-policy-overrides') }];
    case 'prepaymentRule':
      return [
        {
          text: ctx.t('addloan-ask-prepayment'),
          buttons: [
            [button(form, ctx.t('prepayment-waive-remaining-fees'), 'set:prepaymentRule:waive-remaining-fees')],
            [button(form, ctx.t('prepayment-charge-remaining-fees'), 'set:prepaymentRule:charge-remaining-fees')],
          ],
        },
      ];
    case 'policyPreset':
      return [
        {
          text: ctx.t('addloan-ask-policy'),
          buttons: pairs(PRESETS.map((preset) => button(form, ctx.t(`preset-${preset}`), `set:policyPreset:${preset}`))),
        },
      ];
    case 'edit': {
      const fields: Field[] = [...requiredFields(draft), ...extraFields(draft)];
      return [
        { text: ctx.t('addloan-ask-edit'), buttons: pairs(fields.map((f) => button(form, ctx.t(`addloan-field-${f}`), `field:${f}`))) },
      ];
    }
    case 'confirm': {
      const input = toInput(draft);
      if (!input) throw new Error('confirmation card for an incomplete draft');
      return [
        {
          text:
            draft.loanId === undefined
              ? loanCardText(ctx, input, 'addloan-card-title', ctx.today)
              : loanCardText(ctx, input, 'editloan-card-title'),
          buttons: [
            [
              button(form, ctx.t('button-save'), 'save'),
              button(form, ctx.t('button-edit'), 'edit'),
              button(form, ctx.t('button-cancel'), 'discard'),
            ],
          ],
        },
      ];
    }
  }
}

function errorText(ctx: CommandContext, error: AnswerError): string {
  return ctx.t(`error-${error}`);
}

/** Stores the draft at its next step and asks that step's question. */
function advance(ctx: CommandContext, form: FormRow, draft: Draft, prefix: Reply[] = []): Reply[] {
  const step = stepAfter(draft);
  const data = draft as Record<string, unknown>;
  ctx.services.forms.update(form.id, step, data, ctx.now);
  return [...prefix, ...question(ctx, { ...form, step, data }, step)];
}

/** Starts the form with whatever is already known (a one-line entry, or the loan being edited). */
export function startLoanForm(ctx: CommandContext, draft: Draft, notes: Reply[]): Reply[] {
  const data = draft as Record<string, unknown>;
  const form = ctx.services.forms.start(FORM, stepAfter(draft), data, ctx.now);
  return advance(ctx, form, draft, notes);
}

function start(ctx: CommandContext, args: string): Reply[] {
  const busy = formInTheWay(ctx, FORM, true);
  if (busy) return busy;
  if (!args) return startLoanForm(ctx, {}, [{ text: ctx.t('addloan-intro') }]);
  const { draft: read, errors, unread } = parseLoanLine(args);
  const problems = errors.map((error) => errorText(ctx, error));
  // Say what was skipped, so the questions that follow make sense.
  if (unread.length > 0) problems.push(ctx.t('addloan-unread', { pieces: unread.join(ctx.t('list-separator')) }));
  return startLoanForm(ctx, draftFromLine(read), problems.length > 0 ? [{ text: problems.join('\n') }] : []);
}

function openForm(ctx: CommandContext): FormRow | undefined {
  const form = ctx.services.forms.find();
  return form?.form === FORM ? form : undefined;
}

function save(ctx: CommandContext, form: FormRow): Reply[] {
  const draft = form.data as Draft;
  const input = toInput(draft);
  if (!input) return question(ctx, form, stepAfter(draft));
  const { forms, loans } = ctx.services;
  if (draft.loanId !== undefined) {
    const loanId = draft.loanId;
    const replaced = forms.finish(form.id, () => loans.replace(loanId, input, ctx.now, ctx.user.timeZone));
    if (replaced && !replaced.ok && replaced.reason === 'paid-exceeds-schedule') {
      const amounts = { paid: money(ctx, replaced.paid), scheduled: money(ctx, replaced.scheduled) };
      return [{ text: ctx.t('editloan-error-paid-exceeds', amounts) }, ...question(ctx, form, 'confirm')];
    }
    return [{ text: replaced?.ok ? ctx.t('editloan-saved', { name: input.name }) : ctx.t('error-stale-button') }];
  }
  const saved = forms.finish(form.id, () => ({ ok: true, ...loans.add(input, ctx.today, ctx.now) }));
  if (!saved) return [{ text: ctx.t('error-stale-button') }];
  const { assumedPaid } = saved;
  const lines = [ctx.t('addloan-saved', { name: input.name })];
  if (assumedPaid > 0) lines.push(ctx.t('addloan-card-assumed-paid', { count: assumedPaid }));
  lines.push(ctx.t('addloan-saved-next'));
  return [{ text: lines.join('\n') }];
}

/** What a `set:<field>:<value>` button may set, per field; anything else is a stale or forged button. */
const BUTTON_CHOICES: Partial<Record<string, (value: string) => Partial<Draft> | undefined>> = {
  lenderKind: (v) => ((LENDER_KINDS as string[]).includes(v) ? { lenderKind: v as Draft['lenderKind'] } : undefined),
  policyPreset: (v) => ((PRESETS as string[]).includes(v) ? { policyPreset: v as Draft['policyPreset'] } : undefined),
  dayBasis: (v) => (v === '360' || v === '365' ? { dayBasis: Number(v) as 360 | 365 } : undefined),
  prepaymentRule: (v) => (v === 'waive-remaining-fees' || v === 'charge-remaining-fees' ? { prepaymentRule: { kind: v } } : undefined),
};

/** Button presses inside the form; each is honoured only at the step that showed it. */
function pressed(ctx: CommandContext, form: FormRow, action: string, field: string, value: string): Reply[] | undefined {
  const draft = form.data as Draft;
  const step = form.step as Step;
  if (action === 'method' && step === 'method' && (METHODS as readonly string[]).includes(field)) {
    return advance(ctx, form, withMethod(draft, field as RepaymentMethod));
  }
  if (action === 'set' && step === field) {
    const chosen = BUTTON_CHOICES[field]?.(value);
    if (chosen) return advance(ctx, form, { ...draft, ...chosen });
  }
  if (action === 'save' && step === 'confirm') return save(ctx, form);
  if (action === 'edit' && step === 'confirm') {
    ctx.services.forms.update(form.id, 'edit', draft as Record<string, unknown>, ctx.now);
    return question(ctx, form, 'edit');
  }
  if (action === 'field' && step === 'edit' && ALL_FIELDS.includes(field)) {
    ctx.services.forms.update(form.id, field, draft as Record<string, unknown>, ctx.now);
    return question(ctx, form, field as Field);
  }
  if (action === 'discard') {
    ctx.services.forms.clear();
    return [{ text: ctx.t('cancel-done') }];
  }
  return undefined;
}

export const addLoanCommand: Command = {
  name: FORM,
  descriptionKey: 'command-addloan',
  run: start,

  onFormInput(ctx, text) {
    const form = openForm(ctx);
    if (!form) return [{ text: ctx.t('error-not-understood') }];
    const step = form.step as Step;
    if (step === 'confirm' || step === 'edit') return [{ text: ctx.t('addloan-use-buttons') }, ...question(ctx, form, step)];
    const result = applyAnswer(step, form.data as Draft, text, ctx.today);
    if (!result.ok) return [{ text: errorText(ctx, result.error) }, ...question(ctx, form, step)];
    return advance(ctx, form, result.value);
  },

  onCallback(ctx, [formId = '', action = '', field = '', value = '']) {
    const form = openForm(ctx);
    const handled = form && String(form.id) === formId ? pressed(ctx, form, action, field, value) : undefined;
    if (handled) return handled;
    return [{ text: ctx.t('error-stale-button') }, ...(form ? question(ctx, form, form.step as Step) : [])];
  },

  currentQuestion(ctx) {
    const form = openForm(ctx);
    return form ? question(ctx, form, form.step as Step) : [];
  },
};
