import { z } from 'zod';
import { oneOf, onPress, optional, text } from '../src/core/buttons.ts';
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
import { BUDGET_ITEMS, summarizeBudget, type BudgetGroup } from '../src/domain/budget.ts';
import { Decimal } from '../src/domain/money.ts';
import { parseAmount } from '../src/parse/amount.ts';
import { parseBudgetLine } from '../src/parse/budget-line.ts';
import { parseSharePercent } from '../src/parse/percent.ts';
import { isTooLong } from '../src/parse/result.ts';
import { MAX_PLAN_MONTHS } from '../src/services/hardship-proposal.ts';
import {
  COLLECTION_PAUSE_DAYS,
  EVIDENCE_BY_REASON,
  HARDSHIP_KINDS,
  HARDSHIP_REASONS,
  type Proposal,
} from '../src/services/hardship-shapes.ts';
import type { LoanFacts } from '../src/services/hardship.ts';
import { budgetErrorText, budgetOf } from './shared/hardship-budget.ts';
import type { HardshipSettings } from './shared/hardship-settings.ts';
import { voiceOf } from './shared/hardship-settings.ts';
import {
  budgetLines,
  deferralLines,
  evidenceList,
  knownDisposable,
  loanFactsLine,
  money,
  planLines,
  proposalText,
  reasonLine,
  requestLetter,
  type Voice,
} from './shared/hardship-text.ts';
import { formInTheWay } from './shared/form-in-the-way.ts';
import { operatorNotice } from './shared/review-notice.ts';

/*
 * /hardship: a request for relief, collected completely, in one long form (it survives a restart,
 * /back goes one question back, /cancel drops it, and /next, /status or /paid still work while it
 * is open). The questions follow what a lender needs to decide:
 *   loans → what is asked (deferral, new plan, penalty waiver, pause of collection contact)
 *   → why (and in the borrower's own words) → income, fixed and flexible costs (the Standard
 *   Financial Statement's groups, each skippable) → the proposal, with the loan engine's figures
 *   → the evidence they can provide → a summary with consent, then it is sent to the operators.
 * The borrower gets the summary and a formal letter to send their lender (text and a file).
 */

const STEPS = ['loans', 'kind', 'reason', 'reason-text', 'income', 'fixed', 'flexible', 'proposal', 'evidence', 'review'] as const;
type Step = (typeof STEPS)[number];

/** The longest reason in the borrower's own words: a paragraph, which is what a lender reads. */
const MAX_REASON_TEXT = 600;

const money2 = z.string().regex(/^\d{1,12}\.\d{2}$/);

const HARDSHIP = defineForm({
  name: 'hardship',
  size: 'long',
  takesText: true,
  schema: z.object({
    loanIds: z.array(z.number().int().positive()),
    kind: z.enum(HARDSHIP_KINDS).optional(),
    reason: z.enum(HARDSHIP_REASONS).optional(),
    reasonText: z.string().max(MAX_REASON_TEXT).default(''),
    /** Budget item → amount; a group absent was skipped. */
    budget: z.record(z.string(), money2).default({}),
    months: z.number().int().min(1).max(12).optional(),
    monthly: money2.optional(),
    percent: z.string().optional(),
    evidence: z.array(z.string()).default([]),
    english: z.boolean().default(false),
  }),
});
type Draft = z.infer<typeof HARDSHIP.schema>;

const ACTIONS = [
  'loan',
  'loans-done',
  'kind',
  'reason',
  'skip',
  'months',
  'monthly',
  'percent',
  'evidence',
  'evidence-done',
  'english',
  'submit',
  'cancel',
] as const;
const formAction = formButton<{ action: (typeof ACTIONS)[number]; value: string | undefined }>(HARDSHIP, {
  action: oneOf(ACTIONS),
  value: optional(text),
});

export function hardshipCommand(settings: HardshipSettings): Command {
  const voice = (ctx: CommandContext): Voice => ({ locale: ctx.locale, t: ctx.t });
  const button = (form: OpenForm<Draft>, label: string, action: (typeof ACTIONS)[number], value?: string): Button =>
    formAction.make(label, { formId: form.id, action, value });

  const loansOpen = (ctx: CommandContext) => ctx.services.loans.list().filter((entry) => !entry.settled);
  const factsOf = (ctx: CommandContext, draft: Draft): LoanFacts[] =>
    draft.loanIds.flatMap((loanId) => {
      const facts = ctx.services.hardship.facts(loanId);
      return facts ? [facts] : [];
    });

  function nextStep(draft: Draft, step: Step): Step {
    const index = STEPS.indexOf(step);
    const next = STEPS[index + 1] ?? 'review';
    // A pause of collection contact has nothing more to propose: its length is the bot's.
    if (next === 'proposal' && draft.kind === 'collection-pause') return 'evidence';
    return next;
  }

  function go(ctx: CommandContext, form: OpenForm<Draft>, draft: Draft, lead: Reply[] = []): Reply[] {
    const step = nextStep(draft, form.step as Step);
    return [...lead, ...question(ctx, advanceForm(ctx, form, step, draft))];
  }

  function withNav(ctx: CommandContext, form: OpenForm<Draft>, rows: Button[][]): Button[][] {
    return [...rows, [button(form, ctx.t('button-cancel'), 'cancel')]];
  }

  function question(ctx: CommandContext, form: OpenForm<Draft>): Reply[] {
    const draft = form.data;
    const step = form.step as Step;
    const back = form.history.length > 0 ? `\n${ctx.t('hardship-back-hint')}` : '';
    switch (step) {
      case 'loans': {
        const rows = loansOpen(ctx).map((entry) => {
          const chosen = draft.loanIds.includes(entry.loan.id);
          return [button(form, `${chosen ? '✓ ' : ''}${entry.loan.name}`, 'loan', String(entry.loan.id))];
        });
        if (draft.loanIds.length > 0) rows.push([button(form, ctx.t('button-continue'), 'loans-done')]);
        return [{ text: ctx.t('hardship-ask-loans') + back, buttons: withNav(ctx, form, rows) }];
      }
      case 'kind':
        return [
          {
            text: ctx.t('hardship-ask-kind', { maxMonths: settings.maxDeferralMonths }) + back,
            buttons: withNav(
              ctx,
              form,
              HARDSHIP_KINDS.map((kind) => [button(form, ctx.t(`hardship-kind-${kind}`), 'kind', kind)]),
            ),
          },
        ];
      case 'reason':
        return [
          {
            text: ctx.t('hardship-ask-reason') + back,
            buttons: withNav(
              ctx,
              form,
              HARDSHIP_REASONS.map((reason) => [button(form, ctx.t(`hardship-reason-${reason}`), 'reason', reason)]),
            ),
          },
        ];
      case 'reason-text':
        return [
          {
            text: ctx.t('hardship-ask-reason-text') + back,
            buttons: withNav(ctx, form, [[button(form, ctx.t('button-skip'), 'skip')]]),
          },
        ];
      case 'income':
      case 'fixed':
      case 'flexible':
        return [
          {
            text: ctx.t(`hardship-ask-${step}`) + back,
            buttons: withNav(ctx, form, [[button(form, ctx.t('button-skip'), 'skip')]]),
          },
        ];
      case 'proposal':
        return proposalQuestion(ctx, form, back);
      case 'evidence': {
        const items = EVIDENCE_BY_REASON[draft.reason ?? 'other'];
        const rows = items.map((item) => [
          button(form, `${draft.evidence.includes(item) ? '✓ ' : ''}${ctx.t(`hardship-evidence-${item}`)}`, 'evidence', item),
        ]);
        rows.push([button(form, ctx.t('button-continue'), 'evidence-done')]);
        return [{ text: ctx.t('hardship-ask-evidence') + back, buttons: withNav(ctx, form, rows) }];
      }
      case 'review':
        return review(ctx, form);
    }
  }

  function disposableOf(draft: Draft): Decimal | undefined {
    return knownDisposable(summarizeBudget(budgetOf(draft.budget)));
  }

  function proposalQuestion(ctx: CommandContext, form: OpenForm<Draft>, back: string): Reply[] {
    const draft = form.data;
    switch (draft.kind) {
      case 'deferral': {
        const months = Array.from({ length: settings.maxDeferralMonths }, (_, i) => i + 1);
        return [
          {
            text: ctx.t('hardship-ask-months', { maxMonths: settings.maxDeferralMonths }) + back,
            buttons: withNav(ctx, form, [
              months.map((m) => button(form, ctx.t('hardship-button-months', { months: m }), 'months', String(m))),
            ]),
          },
        ];
      }
      case 'new-plan': {
        const disposable = disposableOf(draft);
        const offers = disposable === undefined ? undefined : ctx.services.hardship.offers(draft.loanIds, disposable);
        const offer = offers && [...offers.values()].reduce((sum, value) => sum.plus(value), new Decimal(0));
        const lines = [ctx.t('hardship-ask-monthly')];
        const rows: Button[][] = [];
        if (offer?.gt(0)) {
          lines.push(ctx.t('hardship-suggested-monthly', { amount: money(voice(ctx), offer) }));
          rows.push([button(form, ctx.t('hardship-button-suggested', { amount: money(voice(ctx), offer) }), 'monthly', offer.toFixed(2))]);
        } else if (disposable !== undefined) {
          lines.push(ctx.t('hardship-no-disposable'));
        }
        return [{ text: lines.join('\n') + back, buttons: withNav(ctx, form, rows) }];
      }
      case 'waiver': {
        const facts = factsOf(ctx, draft);
        const penalty = facts.reduce((sum, f) => sum.plus(f.penalty), new Decimal(0));
        return [
          {
            text: ctx.t('hardship-ask-percent', { penalty: money(voice(ctx), penalty) }) + back,
            buttons: withNav(ctx, form, [['100', '50'].map((p) => button(form, `${p}%`, 'percent', p))]),
          },
        ];
      }
      default:
        return go(ctx, form, draft);
    }
  }

  /**
   * Why this monthly payment cannot be proposed, if it cannot: it would never repay (the interest
   * alone is more), or not within MAX_PLAN_MONTHS. Asked again rather than proposing a different
   * payment from the one the borrower said they can make.
   */
  function unrepayable(ctx: CommandContext, draft: Draft, monthly: Decimal): string | undefined {
    const previews = ctx.services.hardship.plans(draft.loanIds, monthly);
    const amount = money(voice(ctx), monthly);
    if (previews.some((p) => p.plan.problems.includes('never-repays'))) {
      const interest = previews.reduce((sum, p) => sum.plus(p.plan.rows[0]?.interest ?? 0), new Decimal(0));
      return ctx.t('hardship-error-never-repays', { amount, interest: money(voice(ctx), interest) });
    }
    if (previews.some((p) => p.plan.problems.includes('too-long'))) {
      const needed = previews.reduce((sum, p) => sum.plus(p.plan.payment), new Decimal(0));
      return ctx.t('hardship-error-too-long', { amount, needed: money(voice(ctx), needed), months: MAX_PLAN_MONTHS });
    }
    return undefined;
  }

  /** The request as it will be submitted, with the loan engine's figures; undefined when a figure is missing. */
  function proposalOf(ctx: CommandContext, draft: Draft): Proposal | undefined {
    switch (draft.kind) {
      case 'deferral':
        return draft.months === undefined ? undefined : { kind: 'deferral', months: draft.months };
      case 'new-plan': {
        if (draft.monthly === undefined) return undefined;
        const previews = ctx.services.hardship.plans(draft.loanIds, new Decimal(draft.monthly));
        if (previews.length === 0) return undefined;
        return {
          kind: 'new-plan',
          plans: previews.map((p) => ({
            loanId: p.loanId,
            amount: p.amount.toFixed(2),
            months: p.plan.months,
            payment: p.plan.payment.toFixed(2),
            monthlyRate: p.monthlyRate.toString(),
            firstDue: p.firstDue,
          })),
        };
      }
      case 'waiver': {
        if (draft.percent === undefined) return undefined;
        const installments = factsOf(ctx, draft).flatMap((facts) =>
          facts.overdue
            .filter((item) => item.penalty.gt(0))
            .map((item) => ({ loanId: facts.loan.id, n: item.n, penalty: item.penalty.toFixed(2) })),
        );
        return installments.length === 0 ? undefined : { kind: 'waiver', percent: draft.percent, installments };
      }
      case 'collection-pause':
        return { kind: 'collection-pause', days: COLLECTION_PAUSE_DAYS };
      default:
        return undefined;
    }
  }

  /** The proposal's figures, in the reader's voice: plans, moved dates, the installments a waiver covers. */
  function proposalDetail(ctx: CommandContext, v: Voice, draft: Draft, proposal: Proposal): string[] {
    if (proposal.kind === 'new-plan')
      return planLines(v, ctx.services.hardship.plans(draft.loanIds, new Decimal(draft.monthly ?? '0')), disposableOf(draft));
    if (proposal.kind === 'deferral') return deferralLines(v, ctx.services.hardship.deferral(draft.loanIds, proposal.months));
    if (proposal.kind === 'waiver') {
      return proposal.installments.map((item) => v.t('hardship-waiver-line', { n: item.n, penalty: money(v, item.penalty) }));
    }
    return [];
  }

  function summaryLines(ctx: CommandContext, v: Voice, draft: Draft, proposal: Proposal): string[] {
    const facts = factsOf(ctx, draft);
    return [
      v.t('hardship-summary-title', { request: proposalText(v, proposal) }),
      ...facts.map((f) => `• ${loanFactsLine(v, f)}`),
      reasonLine(v, draft.reason ?? 'other', draft.reasonText),
      ...budgetLines(v, summarizeBudget(budgetOf(draft.budget))),
      ...proposalDetail(ctx, v, draft, proposal),
      v.t('hardship-summary-evidence', { evidence: evidenceList(v, draft.evidence) }),
    ];
  }

  function review(ctx: CommandContext, form: OpenForm<Draft>): Reply[] {
    const draft = form.data;
    const proposal = proposalOf(ctx, draft);
    if (!proposal) return [{ text: ctx.t('hardship-nothing-to-propose') }, ...question(ctx, advanceForm(ctx, form, 'kind', draft))];
    const rows: Button[][] = [[button(form, ctx.t('hardship-button-submit'), 'submit')]];
    if (ctx.locale !== 'en') {
      rows.push([button(form, `${draft.english ? '✓ ' : ''}${ctx.t('hardship-button-english')}`, 'english')]);
    }
    const consent = settings.noticeChats.length > 0 ? ctx.t('hardship-consent') : ctx.t('hardship-consent-no-operator');
    return [
      {
        text: [...summaryLines(ctx, voice(ctx), draft, proposal), '', consent, ctx.t('hardship-back-hint')].join('\n'),
        buttons: withNav(ctx, form, rows),
      },
    ];
  }

  function submit(ctx: CommandContext, form: OpenForm<Draft>): Reply[] | undefined {
    const draft = form.data;
    const proposal = proposalOf(ctx, draft);
    if (!proposal || !draft.kind || !draft.reason) return question(ctx, form);
    const letterLocale = draft.english ? 'en' : ctx.locale;
    const operatorVoice = voiceOf(settings, settings.operatorLocale);
    const result = finishForm(ctx, form, () =>
      ctx.services.hardship.submit(
        {
          kind: draft.kind ?? 'deferral',
          loanIds: draft.loanIds,
          reason: draft.reason ?? 'other',
          reasonText: draft.reasonText,
          budget: draft.budget,
          proposal,
          evidence: draft.evidence,
          letterLocale,
        },
        (view) =>
          settings.noticeChats.map((chatId) => ({
            chatId,
            message: operatorNotice(operatorVoice, view, settings, ctx.now),
            key: `hardship:${view.request.id}:submitted:${chatId}`,
          })),
      ),
    );
    if (!result) return undefined;
    if (!result.ok) {
      closeForm(ctx, form);
      return result.reason === 'already-open'
        ? [{ text: ctx.t('hardship-already-open', { id: result.requestId }) }]
        : [{ text: ctx.t('error-not-understood') }];
    }
    const request = result.request;
    const letterVoice = voiceOf(settings, letterLocale);
    const facts = factsOf(ctx, draft);
    const letter = requestLetter(letterVoice, {
      request: { ...request, proposal },
      loans: facts,
      budget: summarizeBudget(budgetOf(draft.budget)),
      today: ctx.today,
      detail: proposalDetail(ctx, letterVoice, draft, proposal),
    });
    const sent =
      settings.noticeChats.length > 0
        ? ctx.t('hardship-submitted', { id: request.id })
        : ctx.t('hardship-submitted-no-operator', { id: request.id });
    return [
      { text: [sent, '', ...summaryLines(ctx, voice(ctx), draft, proposal)].join('\n') },
      { text: `${ctx.t('hardship-letter-intro')}\n\n${letter}` },
      {
        text: ctx.t('hardship-letter-file-caption', { id: request.id }),
        file: {
          kind: 'document',
          filename: `hardship-request-${request.id}.txt`,
          mime: 'text/plain; charset=utf-8',
          content: new TextEncoder().encode(letter),
        },
      },
    ];
  }

  function onButton(
    ctx: CommandContext,
    form: OpenForm<Draft>,
    action: (typeof ACTIONS)[number],
    value: string | undefined,
  ): Reply[] | undefined {
    const draft = form.data;
    switch (action) {
      case 'loan': {
        const loanId = Number(value);
        if (!loansOpen(ctx).some((entry) => entry.loan.id === loanId)) return undefined;
        const loanIds = draft.loanIds.includes(loanId) ? draft.loanIds.filter((id) => id !== loanId) : [...draft.loanIds, loanId];
        return question(ctx, advanceForm(ctx, form, 'loans', { ...draft, loanIds }));
      }
      case 'loans-done':
        return draft.loanIds.length === 0 ? question(ctx, form) : go(ctx, form, draft);
      case 'kind': {
        const kind = HARDSHIP_KINDS.find((k) => k === value);
        if (!kind) return undefined;
        if (kind === 'waiver' && !factsOf(ctx, draft).some((f) => f.penalty.gt(0))) {
          return [{ text: ctx.t('hardship-no-penalty') }, ...question(ctx, form)];
        }
        return go(ctx, form, { ...draft, kind });
      }
      case 'reason': {
        const reason = HARDSHIP_REASONS.find((r) => r === value);
        if (!reason) return undefined;
        // Evidence ticked for another reason does not fit this one.
        return go(ctx, form, { ...draft, reason, evidence: draft.evidence.filter((item) => EVIDENCE_BY_REASON[reason].includes(item)) });
      }
      case 'skip':
        if (!['reason-text', 'income', 'fixed', 'flexible'].includes(form.step)) return question(ctx, form);
        return go(ctx, form, draft);
      case 'months': {
        const months = Number(value);
        if (!Number.isInteger(months) || months < 1 || months > settings.maxDeferralMonths) return undefined;
        return go(ctx, form, { ...draft, months });
      }
      case 'monthly': {
        if (!value || !/^\d+\.\d{2}$/.test(value)) return undefined;
        const problem = unrepayable(ctx, draft, new Decimal(value));
        return problem ? [{ text: problem }, ...question(ctx, form)] : go(ctx, form, { ...draft, monthly: value });
      }
      case 'percent':
        return value === '100' || value === '50' ? go(ctx, form, { ...draft, percent: value }) : undefined;
      case 'evidence': {
        const items = EVIDENCE_BY_REASON[draft.reason ?? 'other'];
        if (!value || !items.includes(value)) return undefined;
        const evidence = draft.evidence.includes(value) ? draft.evidence.filter((item) => item !== value) : [...draft.evidence, value];
        return question(ctx, advanceForm(ctx, form, 'evidence', { ...draft, evidence }));
      }
      case 'evidence-done':
        return go(ctx, form, draft);
      case 'english':
        return question(ctx, advanceForm(ctx, form, 'review', { ...draft, english: !draft.english }));
      case 'submit':
        return form.step === 'review' ? submit(ctx, form) : question(ctx, form);
      case 'cancel':
        closeForm(ctx, form);
        return [{ text: ctx.t('hardship-cancelled') }];
    }
  }

  function onText(ctx: CommandContext, form: OpenForm<Draft>, typed: string): Reply[] {
    const draft = form.data;
    const again = (message: string) => [{ text: message }, ...question(ctx, form)];
    switch (form.step as Step) {
      case 'reason-text': {
        const reasonText = typed.trim();
        if (isTooLong(reasonText, MAX_REASON_TEXT)) return again(ctx.t('hardship-error-reason-too-long', { max: MAX_REASON_TEXT }));
        return go(ctx, form, { ...draft, reasonText });
      }
      case 'income':
      case 'fixed':
      case 'flexible': {
        const group = form.step as BudgetGroup;
        const read = parseBudgetLine(typed, group);
        if (!read.ok) return again(budgetErrorText(ctx.t, read));
        const budget = Object.fromEntries(
          Object.entries(draft.budget).filter(([item]) => !(BUDGET_ITEMS[group] as readonly string[]).includes(item)),
        );
        for (const [item, amount] of Object.entries(read.value)) if (amount) budget[item] = amount.toFixed(2);
        return go(ctx, form, { ...draft, budget });
      }
      case 'proposal': {
        if (draft.kind === 'new-plan') {
          const amount = parseAmount(typed);
          if (!amount.ok) return again(ctx.t(`error-${amount.error}`));
          const problem = unrepayable(ctx, draft, amount.value);
          if (problem) return again(problem);
          return go(ctx, form, { ...draft, monthly: amount.value.toFixed(2) });
        }
        if (draft.kind === 'waiver') {
          const percent = parseSharePercent(typed);
          if (!percent.ok) return again(ctx.t(`error-${percent.error}`));
          return go(ctx, form, { ...draft, percent: percent.value.toString() });
        }
        return again(ctx.t('hardship-use-buttons'));
      }
      default:
        return again(ctx.t('hardship-use-buttons'));
    }
  }

  return {
    name: HARDSHIP.name,
    descriptionKey: 'command-hardship',
    form: HARDSHIP,
    run(ctx) {
      const busy = formInTheWay(ctx, HARDSHIP.name, true);
      if (busy) return busy;
      const loans = loansOpen(ctx);
      if (loans.length === 0) return [{ text: ctx.t('hardship-no-loans') }];
      const only = loans.length === 1 ? loans[0] : undefined;
      const draft: Draft = { loanIds: only ? [only.loan.id] : [], reasonText: '', budget: {}, evidence: [], english: false };
      const form = beginForm(ctx, HARDSHIP, only ? 'kind' : 'loans', draft);
      return [{ text: ctx.t('hardship-intro') }, ...question(ctx, form)];
    },
    buttons: [
      onPress(formAction, (ctx, { formId, action, value }) => {
        const form = formOfButton(ctx, HARDSHIP, formId);
        return form ? onButton(ctx, form, action, value) : undefined;
      }),
    ],
    onFormInput(ctx, typed) {
      const form = readForm(ctx, HARDSHIP);
      return form ? onText(ctx, form, typed) : [{ text: ctx.t('error-not-understood') }];
    },
    currentQuestion(ctx) {
      const form = readForm(ctx, HARDSHIP);
      return form ? question(ctx, form) : [];
    },
  };
}
