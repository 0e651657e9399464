import { z } from 'zod';
import { buttonType, id, literal, oneOf, onPress } from '../src/core/buttons.ts';
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
import { paidForLoanButton, promiseForLoanButton } from '../src/core/shared-buttons.ts';
import type { Command, CommandContext, Reply } from '../src/core/types.ts';
import { addDays, type IsoDate } from '../src/domain/calendar.ts';
import { localDateTime } from '../src/domain/local-time.ts';
import { Decimal } from '../src/domain/money.ts';
import { joinSpaceGroups, parseAmount } from '../src/parse/amount.ts';
import { readDate } from '../src/parse/date.ts';
import { readLoanReference, wordsOf } from '../src/parse/loan-reference.ts';
import { normalizeText, type ParseError } from '../src/parse/result.ts';
import type { LoanOverview } from '../src/services/loans.ts';
import { PROMISE_MAX_DAYS, type MakePromiseResult, type PromiseCandidate, type PromiseView } from '../src/services/promises.ts';
import { date, money } from './shared/loan-text.ts';
import { noSuchLoan } from './shared/pick-loan.ts';
import { truncateGraphemes } from '../src/core/text-split.ts';

/*
 * /promise: "I'll pay 500 on the 20th". The borrower picks a loan with something overdue or due
 * today, names the day (today to PROMISE_MAX_DAYS ahead, the lender's dates) and confirms the
 * amount (proposed: what is owed now, from the services; this command computes no money). Until
 * that day the loan's overdue reminders wait; on the day a message reminds them, with Paid. The
 * card is a quick form, like /paid's: it opens in front of a loan being entered.
 *
 * `/promise [loan] [day] [amount]`: the loan by its number in /loans or its name, then a day
 * ("2027-01-20", "20号", "the 20th", "tomorrow", "Feb 20") and an amount, in either order.
 * /promise alone with an open promise shows it, with Cancel.
 */

const PROMISE = defineForm({
  name: 'promise',
  size: 'quick',
  takesText: true,
  schema: z.object({
    loanId: z.number().int().positive(),
    amount: z.string().regex(/^\d+\.\d{2}$/),
    /** Unset while the day is being asked (step 'date'); set on the card (step 'confirm'). */
    date: z.iso.date().optional(),
  }),
});
type PromiseDraft = z.infer<typeof PROMISE.schema>;

const answerButton = formButton<{ answer: 'confirm' | 'cancel' }>(PROMISE, { answer: oneOf(['confirm', 'cancel'] as const) });
const cancelPromiseButton = buttonType<{ action: 'cancel'; promiseId: number }>('promise', { action: literal('cancel'), promiseId: id });
const newPromiseButton = buttonType<{ action: 'new' }>('promise', { action: literal('new') });

// --- what is typed: a day or an amount -----------------------------------------------------------

type PromiseChange = { date: IsoDate } | { amount: Decimal };

/** "20th", "the 20th", and, where a day is asked, a bare 20: the 20th of this month or the next. */
const ORDINAL_DAY = /^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)$/i;
const BARE_DAY = /^\d{1,2}$/;

/** A day (the next such date on or after today), an error when it is a day that went wrong, else undefined (maybe an amount). */
function readDay(text: string, today: IsoDate, bareIsDay: boolean): { date: IsoDate } | { error: ParseError } | undefined {
  const trimmed = text.trim();
  const day = ORDINAL_DAY.exec(trimmed)?.[1] ?? (bareIsDay && BARE_DAY.test(trimmed) ? trimmed : undefined);
  const reading = readDate(day === undefined ? trimmed : `${day}号`, { today, prefer: 'future' });
  if (reading.ok) return { date: reading.value.date };
  // One word that starts like a year, or an ordinal: a day that went wrong, not an amount.
  if (day !== undefined || /^\d{4}[-/.年]\S*$/.test(trimmed)) return { error: reading.error };
  return undefined;
}

/** The words as days and amounts, the longest run of words that reads as a day first (as /paid reads its words). */
function readChanges(text: string, today: IsoDate, bareIsDay: boolean): { changes: PromiseChange[]; errors: ParseError[] } {
  // "1 000": spaces that surely group thousands make one word (amount.ts), not a day and a zero.
  const words = wordsOf(joinSpaceGroups(normalizeText(text), ','));
  const changes: PromiseChange[] = [];
  const errors: ParseError[] = [];
  for (let i = 0; i < words.length; ) {
    let taken = 0;
    for (let length = Math.min(5, words.length - i); length >= 1 && taken === 0; length--) {
      const day = readDay(words.slice(i, i + length).join(' '), today, bareIsDay);
      if (day === undefined) continue;
      if ('date' in day) changes.push(day);
      else errors.push(day.error);
      taken = length;
    }
    if (taken === 0) {
      const amount = parseAmount(words[i] as string);
      if (amount.ok) changes.push({ amount: amount.value });
      else errors.push(amount.error);
      taken = 1;
    }
    i += taken;
  }
  return { changes, errors };
}

// --- replies ----------------------------------------------------------------------------------------

function refusal(ctx: CommandContext, name: string, refused: Exclude<MakePromiseResult, { ok: true }>, typed?: IsoDate): string {
  switch (refused.reason) {
    case 'date-in-past':
      return ctx.t('promise-error-date-in-past', { date: date(ctx, typed ?? refused.today), today: date(ctx, refused.today) });
    case 'date-too-far':
      return ctx.t('promise-error-date-too-far', {
        date: date(ctx, typed ?? refused.lastDay),
        lastDay: date(ctx, refused.lastDay),
        days: PROMISE_MAX_DAYS,
      });
    case 'amount-not-positive':
      return ctx.t('error-amount-not-positive');
    case 'more-than-owed':
      return ctx.t('promise-error-more-than-owed', { name, owed: money(ctx, refused.owed) });
    default:
      return ctx.t('promise-nothing-due-loan', { name });
  }
}

function promiseLine(ctx: CommandContext, key: string, promise: PromiseView, extra: Record<string, string> = {}): string {
  return ctx.t(key, { amount: money(ctx, promise.amount), name: promise.loanName, date: date(ctx, promise.dueOn), ...extra });
}

function dateQuestion(ctx: CommandContext, form: OpenForm<PromiseDraft>, candidate: PromiseCandidate): Reply[] {
  return [
    {
      text: ctx.t('promise-ask-date', {
        name: candidate.loan.name,
        today: date(ctx, candidate.today),
        lastDay: date(ctx, candidate.lastDay),
        days: PROMISE_MAX_DAYS,
        owed: money(ctx, candidate.owedNow),
        example: addDays(candidate.today, 5),
      }),
      buttons: [[answerButton.make(ctx.t('button-cancel'), { formId: form.id, answer: 'cancel' })]],
    },
  ];
}

function card(ctx: CommandContext, form: OpenForm<PromiseDraft>, candidate: PromiseCandidate): Reply[] {
  if (form.data.date === undefined) return dateQuestion(ctx, form, candidate);
  return [
    {
      text: ctx.t('promise-card', {
        name: candidate.loan.name,
        amount: money(ctx, new Decimal(form.data.amount)),
        owed: money(ctx, candidate.owedNow),
        date: date(ctx, form.data.date),
      }),
      buttons: [
        [
          answerButton.make(ctx.t('button-confirm'), { formId: form.id, answer: 'confirm' }),
          answerButton.make(ctx.t('button-cancel'), { formId: form.id, answer: 'cancel' }),
        ],
      ],
    },
  ];
}

/** The changes typed, each checked by the services' rule; a refused one is said and leaves the draft as it was. */
function withChanges(
  ctx: CommandContext,
  candidate: PromiseCandidate,
  draft: PromiseDraft,
  changes: PromiseChange[],
  errors: ParseError[],
) {
  const problems: Reply[] = errors.map((error) => ({ text: ctx.t(`error-${error}`) }));
  let next = draft;
  for (const change of changes) {
    const input = 'date' in change ? { dueOn: change.date } : { amount: change.amount };
    const refused = ctx.services.promises.check(candidate, input);
    if (refused) problems.push({ text: refusal(ctx, candidate.loan.name, refused, 'date' in change ? change.date : undefined) });
    else next = 'date' in change ? { ...next, date: change.date } : { ...next, amount: change.amount.toFixed(2) };
  }
  return { draft: next, problems };
}

/** The form for this loan: the day asked (or the card, when a day was typed), the amount owed now proposed. */
function begin(ctx: CommandContext, loanId: number, typed = '', lead: Reply[] = []): Reply[] {
  const candidate = ctx.services.promises.candidate(loanId);
  if (!candidate) {
    const loan = ctx.services.loans.overview(loanId)?.loan;
    return loan ? [...lead, { text: ctx.t('promise-nothing-due-loan', { name: loan.name }) }] : lead;
  }
  const { changes, errors } = readChanges(typed, ctx.today, false);
  const proposal: PromiseDraft = { loanId, amount: candidate.owedNow.toFixed(2) };
  const { draft, problems } = withChanges(ctx, candidate, proposal, changes, errors);
  const form = beginForm(ctx, PROMISE, draft.date === undefined ? 'date' : 'confirm', draft);
  return [...lead, ...problems, ...card(ctx, form, candidate)];
}

/** The open promises, each with its Cancel, and New promise when a loan can take one. */
function openPromises(ctx: CommandContext, open: PromiseView[], canPromise: boolean): Reply[] {
  const several = open.length > 1;
  return [
    {
      text: open.map((promise) => promiseLine(ctx, 'promise-open', promise)).join('\n'),
      buttons: [
        ...open.map((promise) => [
          cancelPromiseButton.make(
            several
              ? ctx.t('button-promise-cancel-loan', { name: truncateGraphemes(promise.loanName, 20, '') })
              : ctx.t('button-promise-cancel'),
            { action: 'cancel', promiseId: promise.id },
          ),
        ]),
        ...(canPromise ? [[newPromiseButton.make(ctx.t('button-promise-new'), { action: 'new' })]] : []),
      ],
    },
  ];
}

/** Which loan: named in the line, else the only one that can take a promise, else a question (those loans only). */
function pick(ctx: CommandContext, args: string, lead: Reply[]): Reply[] {
  const loans = ctx.services.loans.list();
  if (loans.length === 0) return [...lead, { text: ctx.t('loans-empty') }];
  const candidates = ctx.services.promises.candidates();
  const words = wordsOf(args);
  const reference = readLoanReference(
    words,
    loans.map((entry) => entry.loan.name),
    { bareNumbers: loans.length > 1 },
  );
  if (reference?.kind === 'loan') {
    const loan = (loans[reference.index] as LoanOverview).loan;
    return begin(ctx, loan.id, words.slice(reference.words).join(' '), lead);
  }
  if (candidates.length === 0) return [...lead, { text: ctx.t('promise-nothing-due') }];
  const lines = reference?.kind === 'missing' ? [{ text: noSuchLoan(ctx, reference.number, loans.length) }] : [];
  if (candidates.length === 1 && reference?.kind !== 'missing') {
    return begin(ctx, (candidates[0] as PromiseCandidate).loan.id, args, lead);
  }
  // Only the loans with something due, each with its number in /loans.
  const buttons = loans.flatMap((entry, i) =>
    candidates.some((candidate) => candidate.loan.id === entry.loan.id)
      ? [[promiseForLoanButton.make(`${i + 1}. ${entry.loan.name}`, { action: 'loan', loanId: entry.loan.id })]]
      : [],
  );
  return [...lead, ...lines, { text: ctx.t('promise-pick-loan'), buttons }];
}

function run(ctx: CommandContext, args: string): Reply[] {
  const { open, last } = ctx.services.promises.mine();
  if (args.trim() === '' && open.length > 0) return openPromises(ctx, open, ctx.services.promises.candidates().length > 0);
  const lead: Reply[] = [];
  if (args.trim() === '' && last && last.status !== 'open') {
    lead.push({ text: promiseLine(ctx, 'promise-last', last, { status: ctx.t(`promise-status-${last.status}`) }) });
  }
  return pick(ctx, args, lead);
}

/** The day's message, rendered now in the borrower's language: sent on the day at their reminder time. */
function dayMessage(ctx: CommandContext) {
  return (promise: PromiseView) => {
    const carried = { action: 'loan' as const, loanId: promise.loanId, carried: promise.amount.toFixed(2) };
    return {
      text: promiseLine(ctx, 'promise-day-message', promise),
      buttons: [
        [paidForLoanButton.make(ctx.t('button-paid'), paidForLoanButton.fits(carried) ? carried : { ...carried, carried: undefined })],
      ],
    };
  };
}

function confirm(ctx: CommandContext, form: OpenForm<PromiseDraft>): Reply[] | undefined {
  const { loanId, amount, date: dueOn } = form.data;
  const candidate = ctx.services.promises.candidate(loanId);
  if (!candidate || dueOn === undefined) {
    closeForm(ctx, form);
    const loan = ctx.services.loans.overview(loanId)?.loan;
    return loan ? [{ text: ctx.t('promise-nothing-due-loan', { name: loan.name }) }] : undefined;
  }
  // Recorded once: the promise and the end of this form are one transaction.
  const result = finishForm(ctx, form, () => ctx.services.promises.make({ loanId, amount: new Decimal(amount), dueOn }, dayMessage(ctx)));
  if (!result) return undefined;
  if (!result.ok) {
    if (result.reason === 'nothing-due' || result.reason === 'no-such-loan') {
      closeForm(ctx, form);
      return [{ text: refusal(ctx, candidate.loan.name, result) }];
    }
    return [{ text: refusal(ctx, candidate.loan.name, result, dueOn) }, ...card(ctx, form, candidate)];
  }
  const lines = [promiseLine(ctx, 'promise-recorded', result.promise)];
  if (result.replaced) lines.push(promiseLine(ctx, 'promise-replaced', result.replaced));
  if (result.remindAt) {
    const local = localDateTime(result.remindAt, ctx.user.timeZone);
    lines.push(ctx.t('promise-remind-at', { date: date(ctx, local.date), time: local.time }));
  }
  return [{ text: lines.join('\n') }];
}

export const promiseCommand: Command = {
  name: PROMISE.name,
  descriptionKey: 'command-promise',
  form: PROMISE,
  run,
  buttons: [
    // Not the presser's loan (or gone): the core's stale-button answer.
    onPress(promiseForLoanButton, (ctx, { loanId }) => (ctx.services.loans.overview(loanId) ? begin(ctx, loanId) : undefined)),
    onPress(newPromiseButton, (ctx) => pick(ctx, '', [])),
    onPress(cancelPromiseButton, (ctx, { promiseId }) => {
      const cancelled = ctx.services.promises.cancel(promiseId);
      return [{ text: cancelled ? promiseLine(ctx, 'promise-cancelled', cancelled) : ctx.t('promise-not-open') }];
    }),
    onPress(answerButton, (ctx, { formId, answer }) => {
      const form = formOfButton(ctx, PROMISE, formId);
      if (!form) return undefined;
      if (answer === 'confirm') return confirm(ctx, form);
      closeForm(ctx, form);
      return [{ text: ctx.t('promise-cancel-done') }];
    }),
  ],
  onFormInput(ctx, text) {
    const form = readForm(ctx, PROMISE);
    if (!form) return [{ text: ctx.t('error-not-understood') }];
    const candidate = ctx.services.promises.candidate(form.data.loanId);
    if (!candidate) {
      closeForm(ctx, form);
      const loan = ctx.services.loans.overview(form.data.loanId)?.loan;
      return [{ text: loan ? ctx.t('promise-nothing-due-loan', { name: loan.name }) : ctx.t('error-not-understood') }];
    }
    // Where the day is asked, a bare 20 is the 20th; on the card it is an amount, as on /paid's.
    const { changes, errors } = readChanges(text, ctx.today, form.step === 'date');
    if (changes.length === 0 && errors.length === 0) return card(ctx, form, candidate);
    const { draft, problems } = withChanges(ctx, candidate, form.data, changes, errors);
    const step = draft.date === undefined ? 'date' : 'confirm';
    const changed = draft === form.data ? form : advanceForm(ctx, form, step, draft);
    return [...problems, ...card(ctx, changed, candidate)];
  },
  currentQuestion(ctx) {
    const form = readForm(ctx, PROMISE);
    const candidate = form && ctx.services.promises.candidate(form.data.loanId);
    return form && candidate ? card(ctx, form, candidate) : [];
  },
};
