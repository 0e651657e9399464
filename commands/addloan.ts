import { literal, oneOf, onPress, text } from '../src/core/buttons.ts';
import {
  advanceForm,
  beginForm,
  closeForm,
  defineForm,
  finishForm,
  formButton,
  formOfButton,
  readForm,
  type OpenForm,
} from '../src/core/forms.ts';
import type { Button, Command, CommandContext, Reply } from '../src/core/types.ts';
import { ALLOCATION_PRESETS, allocationOrderOf, DEFAULT_ALLOCATION } from '../src/domain/allocation-order.ts';
import { addMonthsClamped } from '../src/domain/calendar.ts';
import { parseLoanLine } from '../src/parse/loan-line.ts';
import { draftFromLine, inputFromDraft, loanFormDraftSchema, nextQuestion, questionsFor, withMethod } from '../src/services/loan-shapes.ts';
import { pairs } from './shared/button-rows.ts';
import { formInTheWay, openLongFormName } from './shared/form-in-the-way.ts';
import { zoneName } from '../src/i18n/zone-names.ts';
import { allocationOrderText, type LineReading, loanCardText } from './shared/loan-card.ts';
import {
  EXTRA_FIELDS,
  LENDER_KINDS,
  extraFields,
  METHODS,
  PRESETS,
  QUESTION_FIELDS,
  applyAnswer,
  type AnswerError,
  type AnswerFailure,
  type Draft,
  type Field,
} from './shared/loan-draft.ts';
import { date, methodName, money } from './shared/loan-text.ts';

/*
 * /addloan is a small state machine kept in the form_states table, so a restart between two
 * answers loses nothing. The next question is always "the first field still missing", which
 * serves the guided form, a one-line entry with gaps, and edits from the confirmation card alike.
 * /editloan reuses it with the loan's current terms filled in.
 */

export const LOAN_FORM = defineForm({ name: 'addloan', size: 'long', takesText: true, schema: loanFormDraftSchema });
type LoanForm = OpenForm<Draft>;
type Step = Field | 'confirm' | 'edit';
const ALL_FIELDS = [...QUESTION_FIELDS, ...EXTRA_FIELDS] as const;
/** The fields a button sets directly (the others are typed). */
const BUTTON_FIELDS = ['lenderKind', 'dayBasis', 'policyPreset', 'prepaymentRule', 'allocationOrder'] as const;
/** The payment orders a button chooses; another is typed (parseAllocationOrder). */
const ALLOCATION_BUTTONS = ['civil-code', 'principal-first'] as const;

const methodButton = formButton<{ action: 'method'; method: Draft['method'] & string }>(LOAN_FORM, {
  action: literal('method'),
  method: oneOf(METHODS),
});
const setButton = formButton<{ action: 'set'; field: (typeof BUTTON_FIELDS)[number]; value: string }>(LOAN_FORM, {
  action: literal('set'),
  field: oneOf(BUTTON_FIELDS),
  value: text,
});
const fieldButton = formButton<{ action: 'field'; field: Field }>(LOAN_FORM, { action: literal('field'), field: oneOf(ALL_FIELDS) });
const cardButton = formButton<{ action: 'save' | 'edit' | 'discard' }>(LOAN_FORM, { action: oneOf(['save', 'edit', 'discard'] as const) });

function stepAfter(draft: Draft): Step {
  return nextQuestion(draft) ?? 'confirm';
}

function isStep(step: string): step is Step {
  return step === 'confirm' || step === 'edit' || (ALL_FIELDS as readonly string[]).includes(step);
}

function question(ctx: CommandContext, form: LoanForm, step: Step, line?: LineReading): Reply[] {
  const draft = form.data;
  const button = (label: string, action: 'save' | 'edit' | 'discard'): Button => cardButton.make(label, { formId: form.id, action });
  const set = (label: string, field: (typeof BUTTON_FIELDS)[number], value: string): Button =>
    setButton.make(label, { formId: form.id, action: 'set', field, value });
  const fields: readonly Step[] = questionsFor(draft);
  const progress = { step: fields.indexOf(step) + 1, steps: fields.length };
  switch (step) {
    case 'name':
      return [{ text: ctx.t('addloan-ask-name', progress) }];
    case 'principal':
      return [{ text: ctx.t('addloan-ask-principal', progress) }];
    case 'method':
      return [
        {
          text: ctx.t('addloan-ask-method', progress),
          buttons: pairs(
            METHODS.map((method) => methodButton.make(methodName(ctx, method), { formId: form.id, action: 'method', method })),
          ),
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
          buttons: [LENDER_KINDS.map((kind) => set(ctx.t(`lender-${kind}`), 'lenderKind', kind))],
        },
      ];
    case 'dayBasis':
      return [
        {
          text: ctx.t('addloan-ask-day-basis'),
          buttons: [[set(ctx.t('day-basis-360'), 'dayBasis', '360'), set(ctx.t('day-basis-365'), 'dayBasis', '365')]],
        },
      ];
    case 'policyOverrides':
      return [{ text: ctx.t('addloan-ask-policy-overrides') }];
    case 'prepaymentRule':
      return [
        {
          text: ctx.t('addloan-ask-prepayment'),
          buttons: [
            [set(ctx.t('prepayment-waive-remaining-fees'), 'prepaymentRule', 'waive-remaining-fees')],
            [set(ctx.t('prepayment-charge-remaining-fees'), 'prepaymentRule', 'charge-remaining-fees')],
          ],
        },
      ];
    case 'allocationOrder':
      return [
        {
          text: ctx.t('addloan-ask-allocation', { current: allocationOrderText(ctx, allocationOrderOf(draft.allocationOrder)) }),
          buttons: ALLOCATION_BUTTONS.map((preset) => [set(ctx.t(`allocation-preset-${preset}`), 'allocationOrder', preset)]),
        },
      ];
    case 'lenderTimeZone':
      return [
        {
          text: ctx.t('addloan-ask-lender-zone', {
            current: zoneName(ctx.t, ctx.locale, draft.lenderTimeZone ?? ctx.services.defaultTimeZone),
            yours: zoneName(ctx.t, ctx.locale, ctx.user.timeZone),
          }),
        },
      ];
    case 'policyPreset':
      return [
        {
          text: ctx.t('addloan-ask-policy'),
          buttons: pairs(PRESETS.map((preset) => set(ctx.t(`preset-${preset}`), 'policyPreset', preset))),
        },
      ];
    case 'edit': {
      const fields: Field[] = [...questionsFor(draft), ...extraFields(draft)];
      return [
        {
          text: ctx.t('addloan-ask-edit'),
          buttons: pairs(
            fields.map((field) => fieldButton.make(ctx.t(`addloan-field-${field}`), { formId: form.id, action: 'field', field })),
          ),
        },
      ];
    }
    case 'confirm': {
      const input = inputFromDraft(draft);
      if (!input) throw new Error('confirmation card for an incomplete draft');
      return [
        {
          text:
            draft.loanId === undefined
              ? loanCardText(ctx, input, 'addloan-card-title', ctx.today, line)
              : loanCardText(ctx, input, 'editloan-card-title'),
          buttons: [
            [button(ctx.t('button-save'), 'save'), button(ctx.t('button-edit'), 'edit'), button(ctx.t('button-cancel'), 'discard')],
          ],
        },
      ];
    }
  }
}

function errorText(ctx: CommandContext, error: AnswerError): string {
  return ctx.t(`error-${error}`);
}

/** A refused answer's message, with what it was about (the piece not understood, the parts at fault). */
function answerErrorText(ctx: CommandContext, failure: AnswerFailure): string {
  if (failure.text === undefined && failure.parts === undefined) return errorText(ctx, failure.error);
  const parts = failure.parts ?? [];
  return ctx.t(`error-${failure.error}`, {
    text: failure.text ?? '',
    parts: parts.map((part) => ctx.t(`allocation-part-${part}`)).join(ctx.t('list-separator')),
    count: parts.length,
    part: parts[0] ?? '',
    order: ALLOCATION_PRESETS[DEFAULT_ALLOCATION].map((part) => ctx.t(`allocation-part-${part}`)).join(ctx.t('list-separator')),
  });
}

/** Stores the draft at its next step and asks that step's question. */
function advance(ctx: CommandContext, form: LoanForm, draft: Draft, prefix: Reply[] = []): Reply[] {
  const step = stepAfter(draft);
  return [...prefix, ...question(ctx, advanceForm(ctx, form, step, draft), step)];
}

/** Starts the form with whatever is already known (a one-line entry, or the loan being edited). */
export function startLoanForm(ctx: CommandContext, draft: Draft, notes: Reply[], line?: LineReading): Reply[] {
  const step = stepAfter(draft);
  return [...notes, ...question(ctx, beginForm(ctx, LOAN_FORM, step, draft), step, line)];
}

function start(ctx: CommandContext, args: string): Reply[] {
  const busy = formInTheWay(ctx, LOAN_FORM.name, true);
  if (busy) return busy;
  if (!args) return startLoanForm(ctx, {}, [{ text: ctx.t('addloan-intro') }]);
  const { draft: read, errors, unread, amountFrom, dateNote } = parseLoanLine(args, { today: ctx.today });
  const draft = draftFromLine(read);
  const problems = errors.map((error) => errorText(ctx, error));
  // 15/02/2027, 2月15日, 每月15号: say how the first due date was read, before the card or the questions.
  if (dateNote) {
    const key = dateNote.assumed === 'day-month-year' ? 'date-order-assumed' : 'date-year-assumed';
    problems.push(ctx.t(key, { typed: dateNote.typed, date: date(ctx, dateNote.date) }));
  }
  // Say what was skipped, so the questions that follow make sense; a card straight away says it itself.
  if (stepAfter(draft) !== 'confirm') {
    if (amountFrom !== undefined && read.principal !== undefined) {
      problems.push(ctx.t('addloan-card-principal-read', { amount: money(ctx, read.principal), text: amountFrom }));
    }
    if (unread.length > 0) problems.push(ctx.t('addloan-unread', { pieces: unread.join(ctx.t('list-separator')) }));
  }
  return startLoanForm(ctx, draft, problems.length > 0 ? [{ text: problems.join('\n') }] : [], { amountFrom, unread });
}

/** A loan typed as a sentence outside any form (free text): what a one-line /addloan gives, after `lead`. */
export function offerLoanFromText(ctx: CommandContext, line: string, lead: Reply[]): Reply[] {
  return [...lead, ...start(ctx, line)];
}

function stepOf(form: LoanForm): Step {
  return isStep(form.step) ? form.step : stepAfter(form.data);
}

function save(ctx: CommandContext, form: LoanForm): Reply[] | undefined {
  const draft = form.data;
  const input = inputFromDraft(draft);
  if (!input) return question(ctx, form, stepAfter(draft));
  const { loans } = ctx.services;
  if (draft.loanId !== undefined) {
    const loanId = draft.loanId;
    const replaced = finishForm(ctx, form, () => loans.replace(loanId, input, ctx.now, ctx.user.timeZone));
    if (replaced && !replaced.ok && replaced.reason === 'paid-exceeds-schedule') {
      const amounts = { paid: money(ctx, replaced.paid), scheduled: money(ctx, replaced.scheduled) };
      return [{ text: ctx.t('editloan-error-paid-exceeds', amounts) }, ...question(ctx, form, 'confirm')];
    }
    if (replaced && !replaced.ok && replaced.reason === 'settled') {
      const settledOn = replaced.settledOn;
      const text = settledOn ? ctx.t('editloan-error-settled-on', { date: date(ctx, settledOn) }) : ctx.t('editloan-error-settled');
      return [{ text }, ...question(ctx, form, 'confirm')];
    }
    if (replaced && !replaced.ok && replaced.reason === 'rescheduled') {
      return [{ text: ctx.t('editloan-error-rescheduled', { date: date(ctx, replaced.on) }) }, ...question(ctx, form, 'confirm')];
    }
    if (!replaced?.ok) return undefined;
    const saved = { settled: 'editloan-renamed-settled', rescheduled: 'editloan-renamed-rescheduled' } as const;
    return [{ text: ctx.t(replaced.renamedOnly ? saved[replaced.renamedOnly] : 'editloan-saved', { name: input.name }) }];
  }
  const saved = finishForm(ctx, form, () => ({ ok: true, ...loans.add(input, ctx.today, ctx.now) }));
  if (!saved) return undefined;
  const lines = [ctx.t('addloan-saved', { name: input.name })];
  if (saved.assumedPaid > 0) lines.push(ctx.t('addloan-card-assumed-paid', { count: saved.assumedPaid }));
  lines.push(ctx.t('addloan-saved-next'));
  return [{ text: lines.join('\n') }];
}

/** What a set button may set, per field; anything else is a stale or forged button. */
function chosen(field: (typeof BUTTON_FIELDS)[number], value: string): Partial<Draft> | undefined {
  switch (field) {
    case 'lenderKind':
      return { lenderKind: LENDER_KINDS.find((kind) => kind === value) };
    case 'policyPreset':
      return { policyPreset: PRESETS.find((preset) => preset === value) };
    case 'dayBasis':
      return value === '360' || value === '365' ? { dayBasis: value === '365' ? 365 : 360 } : undefined;
    case 'prepaymentRule':
      return value === 'waive-remaining-fees' || value === 'charge-remaining-fees' ? { prepaymentRule: { kind: value } } : undefined;
    case 'allocationOrder':
      return { allocationOrder: ALLOCATION_BUTTONS.find((preset) => preset === value) };
  }
}

/** The form a button of it belongs to, at the step that showed the button; else the button is stale. */
function formAt(ctx: CommandContext, formId: number, step: Step | ((step: Step) => boolean)): LoanForm | undefined {
  const form = formOfButton(ctx, LOAN_FORM, formId);
  if (!form) return undefined;
  const at = stepOf(form);
  return (typeof step === 'function' ? step(at) : at === step) ? form : undefined;
}

export const addLoanCommand: Command = {
  name: LOAN_FORM.name,
  descriptionKey: 'command-addloan',
  form: LOAN_FORM,
  run: start,
  openFormName: (ctx) => openLongFormName(ctx) ?? ctx.t('form-name-addloan'),

  onFormInput(ctx, typed) {
    const form = readForm(ctx, LOAN_FORM);
    if (!form) return [{ text: ctx.t('error-not-understood') }];
    const step = stepOf(form);
    if (step === 'confirm' || step === 'edit') return [{ text: ctx.t('addloan-use-buttons') }, ...question(ctx, form, step)];
    const result = applyAnswer(step, form.data, typed, ctx.today);
    if (!result.ok) return [{ text: answerErrorText(ctx, result) }, ...question(ctx, form, step)];
    return advance(ctx, form, result.value);
  },

  buttons: [
    onPress(methodButton, (ctx, { formId, method }) => {
      const form = formAt(ctx, formId, 'method');
      return form && advance(ctx, form, withMethod(form.data, method));
    }),
    onPress(setButton, (ctx, { formId, field, value }) => {
      const form = formAt(ctx, formId, field);
      const change = form && chosen(field, value);
      return form && change && Object.values(change).every((v) => v !== undefined)
        ? advance(ctx, form, { ...form.data, ...change })
        : undefined;
    }),
    onPress(fieldButton, (ctx, { formId, field }) => {
      const form = formAt(ctx, formId, 'edit');
      return form && question(ctx, advanceForm(ctx, form, field, form.data), field);
    }),
    onPress(cardButton, (ctx, { formId, action }) => {
      if (action === 'discard') {
        const form = formOfButton(ctx, LOAN_FORM, formId);
        if (!form) return undefined;
        closeForm(ctx, form);
        return [{ text: ctx.t('cancel-done') }];
      }
      const form = formAt(ctx, formId, 'confirm');
      if (!form) return undefined;
      return action === 'save' ? save(ctx, form) : question(ctx, advanceForm(ctx, form, 'edit', form.data), 'edit');
    }),
  ],

  currentQuestion(ctx) {
    const form = readForm(ctx, LOAN_FORM);
    return form ? question(ctx, form, stepOf(form)) : [];
  },
};
