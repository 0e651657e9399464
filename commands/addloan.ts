import { addMonthsClamped } from '../src/domain/calendar.ts';
import { Decimal } from '../src/domain/money.ts';
import type { RateUnit } from '../src/domain/rates.ts';
import type { RepaymentMethod } from '../src/domain/schedule.ts';
import type { Button, Command, CommandContext, Reply } from '../src/core/types.ts';
import { clearForm, findForm, startForm, updateForm, type FormRow } from '../src/db/forms-repo.ts';
import { parseAmount } from '../src/parse/amount.ts';
import { parseDate } from '../src/parse/date.ts';
import { parseLoanLine } from '../src/parse/loan-line.ts';
import { parseMethod } from '../src/parse/method.ts';
import { parseName } from '../src/parse/name.ts';
import { parsePeriods } from '../src/parse/periods.ts';
import { parseRate } from '../src/parse/rate.ts';
import type { ParseError, ParseResult } from '../src/parse/result.ts';
import { addLoan, previewLoan, type LoanInput } from '../src/services/loans.ts';
import { formatPercent } from '../src/i18n/format.ts';
import { date, methodName, money, rateText } from './shared/loan-text.ts';

/*
 * /addloan is a small state machine kept in the form_states table, so a restart between two
 * answers loses nothing. The next question is always "the first field still missing", which
 * serves the guided form, a one-line entry with gaps, and edits from the confirmation card alike.
 */

const FORM = 'addloan';
const FIELDS = ['name', 'principal', 'method', 'rate', 'periods', 'firstDue'] as const;
type Field = (typeof FIELDS)[number];
type Step = Field | 'confirm' | 'edit';

/** The draft as stored: JSON-safe, money as decimal strings. */
interface Draft {
  name?: string;
  principal?: string;
  method?: RepaymentMethod;
  ratePercent?: string;
  rateUnit?: RateUnit;
  periods?: number;
  firstDue?: string;
}

const METHODS: RepaymentMethod[] = ['annuity', 'equal-principal', 'interest-first', 'fee'];

function has(draft: Draft, field: Field): boolean {
  if (field === 'rate') return draft.ratePercent !== undefined && draft.rateUnit !== undefined;
  return draft[field] !== undefined;
}

function nextStep(draft: Draft): Step {
  return FIELDS.find((field) => !has(draft, field)) ?? 'confirm';
}

function toInput(draft: Draft): LoanInput | undefined {
  if (nextStep(draft) !== 'confirm') return undefined;
  return {
    name: draft.name as string,
    principal: new Decimal(draft.principal as string),
    method: draft.method as RepaymentMethod,
    rate: { percent: new Decimal(draft.ratePercent as string), unit: draft.rateUnit as RateUnit },
    periods: draft.periods as number,
    firstDue: draft.firstDue as string,
  };
}

/** A monthly fee rate only makes sense for a fee plan; picking another method asks for the rate again. */
function withMethod(draft: Draft, method: RepaymentMethod): Draft {
  const next: Draft = { ...draft, method };
  if (method !== 'fee' && draft.rateUnit === 'monthly-fee') {
    delete next.ratePercent;
    delete next.rateUnit;
  }
  return next;
}

function withRate(draft: Draft, percent: Decimal, unit: RateUnit): Draft {
  const next: Draft = { ...draft, ratePercent: percent.toString(), rateUnit: unit };
  // "月费率 0.6%" is how fee plans are quoted: the rate says what kind of plan this is.
  if (unit === 'monthly-fee') next.method = 'fee';
  return next;
}

/** What can be wrong with one answer; each has an `error-…` message in locales/. */
type AnswerError = ParseError | 'method-not-understood';
type AnswerResult = { ok: true; value: Draft } | { ok: false; error: AnswerError };

function errorText(ctx: CommandContext, error: AnswerError): string {
  return ctx.t(`error-${error}`);
}

function button(form: FormRow, label: string, action: string): Button {
  return { label, data: `${FORM}:${form.id}:${action}` };
}

function question(ctx: CommandContext, form: FormRow, step: Step): Reply[] {
  const draft = form.data as Draft;
  const index = FIELDS.indexOf(step as Field) + 1;
  const progress = { step: index, steps: FIELDS.length };
  switch (step) {
    case 'name':
      return [{ text: ctx.t('addloan-ask-name', progress) }];
    case 'principal':
      return [{ text: ctx.t('addloan-ask-principal', progress) }];
    case 'method':
      return [
        {
          text: ctx.t('addloan-ask-method', progress),
          buttons: [
            METHODS.slice(0, 2).map((m) => button(form, methodName(ctx, m), `method:${m}`)),
            METHODS.slice(2).map((m) => button(form, methodName(ctx, m), `method:${m}`)),
          ],
        },
      ];
    case 'rate':
      return [{ text: ctx.t(draft.method === 'fee' ? 'addloan-ask-rate-fee' : 'addloan-ask-rate', progress) }];
    case 'periods':
      return [{ text: ctx.t('addloan-ask-periods', progress) }];
    case 'firstDue':
      return [{ text: ctx.t('addloan-ask-first-due', { ...progress, example: addMonthsClamped(ctx.today, 1) }) }];
    case 'edit':
      return [
        {
          text: ctx.t('addloan-ask-edit'),
          buttons: [
            FIELDS.slice(0, 3).map((f) => button(form, ctx.t(`addloan-field-${f}`), `field:${f}`)),
            FIELDS.slice(3).map((f) => button(form, ctx.t(`addloan-field-${f}`), `field:${f}`)),
          ],
        },
      ];
    case 'confirm':
      return confirmationCard(ctx, form);
  }
}

/** Annuity and fee plans pay the same every month except a last one that absorbs the rounding. */
function paymentLine(ctx: CommandContext, payments: Decimal[]): string {
  const first = payments[0] as Decimal;
  const last = payments[payments.length - 1] as Decimal;
  const allButLastEqual = payments.slice(0, -1).every((payment) => payment.eq(first));
  if (allButLastEqual && last.eq(first)) return ctx.t('addloan-card-payment-same', { amount: money(ctx, first) });
  if (allButLastEqual) return ctx.t('addloan-card-payment-last-differs', { amount: money(ctx, first), last: money(ctx, last) });
  return ctx.t('addloan-card-payment-varies', { first: money(ctx, first), last: money(ctx, last) });
}

function confirmationCard(ctx: CommandContext, form: FormRow): Reply[] {
  const input = toInput(form.data as Draft);
  if (!input) throw new Error('confirmation card for an incomplete draft');
  const { summary, apr, rows } = previewLoan(input);
  const lines = [
    ctx.t('addloan-card-title'),
    ctx.t('addloan-card-name', { name: input.name }),
    ctx.t('addloan-card-principal', { amount: money(ctx, input.principal) }),
    ctx.t('addloan-card-method', { method: methodName(ctx, input.method) }),
    ctx.t('addloan-card-rate', { rate: rateText(ctx, input.rate.percent, input.rate.unit) }),
    ctx.t('addloan-card-periods', { periods: input.periods }),
    ctx.t('addloan-card-first-due', { date: date(ctx, input.firstDue) }),
    '',
    paymentLine(ctx, rows.map((row) => row.payment)),
    ctx.t('addloan-card-interest', { amount: money(ctx, summary.totalInterest) }),
  ];
  if (summary.totalFees.gt(0)) lines.push(ctx.t('addloan-card-fees', { amount: money(ctx, summary.totalFees) }));
  lines.push(
    ctx.t('addloan-card-total', { amount: money(ctx, summary.totalPayments) }),
    ctx.t('addloan-card-last-due', { date: date(ctx, summary.lastDue) }),
    ctx.t('addloan-card-apr', { apr: formatPercent(ctx.locale, apr, 2) }),
  );
  if (apr.gt(36)) lines.push(ctx.t('apr-warning-36'));
  else if (apr.gt(24)) lines.push(ctx.t('apr-warning-24'));
  const behind = rows.filter((row) => row.due < ctx.today).length;
  if (behind > 0) lines.push('', ctx.t('addloan-card-assumed-paid', { count: behind }));
  return [
    {
      text: lines.join('\n'),
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

/** Moves the form on and asks the next question. */
function advance(ctx: CommandContext, form: FormRow, draft: Draft, prefix: Reply[] = []): Reply[] {
  const step = nextStep(draft);
  updateForm(ctx.services.db, form.id, step, draft as Record<string, unknown>, ctx.now.toISOString());
  return [...prefix, ...question(ctx, { ...form, step, data: draft as Record<string, unknown> }, step)];
}

function applyAnswer(step: Step, draft: Draft, text: string): AnswerResult | undefined {
  const lift = <T>(result: ParseResult<T>, apply: (value: T) => Draft): AnswerResult =>
    result.ok ? { ok: true, value: apply(result.value) } : result;
  switch (step) {
    case 'name':
      return lift(parseName(text), (name) => ({ ...draft, name }));
    case 'principal':
      return lift(parseAmount(text), (amount) => ({ ...draft, principal: amount.toFixed(2) }));
    case 'method': {
      const method = parseMethod(text);
      return method ? { ok: true, value: withMethod(draft, method) } : { ok: false, error: 'method-not-understood' };
    }
    case 'rate':
      return lift(parseRate(text, draft.method === 'fee' ? 'monthly-fee' : 'annual'), (rate) =>
        withRate(draft, rate.percent, rate.unit),
      );
    case 'periods':
      return lift(parsePeriods(text), (periods) => ({ ...draft, periods }));
    case 'firstDue':
      return lift(parseDate(text), (firstDue) => ({ ...draft, firstDue }));
    case 'confirm':
    case 'edit':
      return undefined;
  }
}

function start(ctx: CommandContext, args: string): Reply[] {
  let draft: Draft = {};
  const notes: Reply[] = [];
  if (args) {
    const { draft: read, errors, unread } = parseLoanLine(args);
    if (read.name !== undefined) draft.name = read.name;
    if (read.principal !== undefined) draft.principal = read.principal.toFixed(2);
    if (read.method !== undefined) draft = withMethod(draft, read.method);
    if (read.rate !== undefined) draft = withRate(draft, read.rate.percent, read.rate.unit);
    if (read.periods !== undefined) draft.periods = read.periods;
    if (read.firstDue !== undefined) draft.firstDue = read.firstDue;
    const problems = errors.map((error) => errorText(ctx, error));
    // Say what was skipped, so the questions that follow make sense.
    if (unread.length > 0) problems.push(ctx.t('addloan-unread', { pieces: unread.join(ctx.t('list-separator')) }));
    if (problems.length > 0) notes.push({ text: problems.join('\n') });
  } else {
    notes.push({ text: ctx.t('addloan-intro') });
  }
  const form = startForm(ctx.services.db, ctx.user.id, FORM, nextStep(draft), draft as Record<string, unknown>, ctx.now.toISOString());
  return advance(ctx, form, draft, notes);
}

function openForm(ctx: CommandContext): FormRow | undefined {
  const form = findForm(ctx.services.db, ctx.user.id);
  return form?.form === FORM ? form : undefined;
}

function save(ctx: CommandContext, form: FormRow): Reply[] {
  const input = toInput(form.data as Draft);
  if (!input) return question(ctx, form, nextStep(form.data as Draft));
  const { assumedPaid } = addLoan(ctx.services.db, ctx.user.id, input, ctx.today, ctx.now);
  clearForm(ctx.services.db, ctx.user.id);
  const lines = [ctx.t('addloan-saved', { name: input.name })];
  if (assumedPaid > 0) lines.push(ctx.t('addloan-card-assumed-paid', { count: assumedPaid }));
  lines.push(ctx.t('addloan-saved-next'));
  return [{ text: lines.join('\n') }];
}

export const addLoanCommand: Command = {
  name: FORM,
  descriptionKey: 'command-addloan',
  run: start,

  onFormInput(ctx, text) {
    const form = openForm(ctx);
    if (!form) return [{ text: ctx.t('error-not-understood') }];
    const step = form.step as Step;
    const result = applyAnswer(step, form.data as Draft, text);
    if (!result) return [{ text: ctx.t('addloan-use-buttons') }, ...question(ctx, form, step)];
    if (!result.ok) return [{ text: errorText(ctx, result.error) }, ...question(ctx, form, step)];
    return advance(ctx, form, result.value);
  },

  onCallback(ctx, [formId = '', action = '', arg = '']) {
    const form = openForm(ctx);
    if (!form || String(form.id) !== formId) {
      return [{ text: ctx.t('error-stale-button') }, ...(form ? question(ctx, form, form.step as Step) : [])];
    }
    const draft = form.data as Draft;
    const step = form.step as Step;
    if (action === 'method' && step === 'method' && (METHODS as string[]).includes(arg)) {
      return advance(ctx, form, withMethod(draft, arg as RepaymentMethod));
    }
    if (action === 'save' && step === 'confirm') return save(ctx, form);
    if (action === 'edit' && step === 'confirm') {
      updateForm(ctx.services.db, form.id, 'edit', draft as Record<string, unknown>, ctx.now.toISOString());
      return question(ctx, form, 'edit');
    }
    if (action === 'field' && step === 'edit' && (FIELDS as readonly string[]).includes(arg)) {
      updateForm(ctx.services.db, form.id, arg, draft as Record<string, unknown>, ctx.now.toISOString());
      return question(ctx, form, arg as Field);
    }
    if (action === 'discard') {
      clearForm(ctx.services.db, ctx.user.id);
      return [{ text: ctx.t('cancel-done') }];
    }
    return [{ text: ctx.t('error-stale-button') }, ...question(ctx, form, step)];
  },

  currentQuestion(ctx) {
    const form = openForm(ctx);
    return form ? question(ctx, form, form.step as Step) : [];
  },
};
