import type { BudgetSummary } from '../../src/domain/budget.ts';
import { todayIn, type IsoDate } from '../../src/domain/calendar.ts';
import { Decimal } from '../../src/domain/money.ts';
import type { PlanProblem } from '../../src/domain/restructure.ts';
import { formatDate, formatMoney, formatPercent } from '../../src/i18n/format.ts';
import type { Locale } from '../../src/i18n/locales.ts';
import type { Translate } from '../../src/i18n/translator.ts';
import type { HardshipRequestRow, LoanFacts } from '../../src/services/hardship.ts';
import type { AppliedOutcome } from '../../src/services/hardship-apply.ts';
import type { PlanPreview, DeferralPreview } from '../../src/services/hardship-proposal.ts';
import type { Proposal } from '../../src/services/hardship-shapes.ts';

/*
 * The words of a hardship request, for whoever reads them: the borrower (the summary card and the
 * letter to their lender, in their language or English), the operators (the notice, in the bot's
 * default language) and the borrower again when it is decided. A Voice is a reader's language:
 * the same text functions serve the one who wrote and the one who reads later.
 */

export interface Voice {
  locale: Locale;
  t: Translate;
}

export const money = (voice: Voice, amount: Decimal | string): string => formatMoney(voice.locale, new Decimal(amount));
export const day = (voice: Voice, date: IsoDate): string => formatDate(voice.t, date);

/** The calendar date, in `timeZone`, of an instant as stored (UTC ISO): "submitted on", "customer since". */
export const dateOfInstant = (instant: string, timeZone: string): IsoDate => todayIn(timeZone, new Date(instant));

/** Income minus costs, when all three groups were answered: with one skipped it is not known. */
export function knownDisposable(summary: BudgetSummary): Decimal | undefined {
  return summary.answered.length === 3 ? summary.disposable : undefined;
}

/** "Deferral of 2 months", "New plan: 1,000.00 a month", "Penalty waiver (100%)", "Pause of collection contact (30 days)". */
export function proposalText(voice: Voice, proposal: Proposal): string {
  switch (proposal.kind) {
    case 'deferral':
      return voice.t('hardship-proposal-deferral', { months: proposal.months });
    case 'new-plan': {
      const monthly = proposal.plans.reduce((sum, plan) => sum.plus(plan.payment), new Decimal(0));
      const months = Math.max(...proposal.plans.map((plan) => plan.months));
      return voice.t('hardship-proposal-new-plan', { amount: money(voice, monthly), months });
    }
    case 'waiver':
      return voice.t('hardship-proposal-waiver', { percent: formatPercent(voice.locale, new Decimal(proposal.percent)) });
    case 'collection-pause':
      return voice.t('hardship-proposal-pause', { days: proposal.days });
  }
}

/** The budget by group; a skipped group says so (it is not 0.00), and what is left only when every group was given. */
export function budgetLines(voice: Voice, summary: BudgetSummary): string[] {
  if (summary.answered.length === 0) return [voice.t('hardship-budget-skipped')];
  const figure = (group: 'income' | 'fixed' | 'flexible') =>
    summary.answered.includes(group) ? money(voice, summary[group]) : voice.t('hardship-budget-not-given');
  const disposable = knownDisposable(summary);
  return [
    voice.t('hardship-budget-line', { income: figure('income'), fixed: figure('fixed'), flexible: figure('flexible') }),
    disposable === undefined
      ? voice.t('hardship-budget-incomplete')
      : voice.t(disposable.gte(0) ? 'hardship-budget-disposable' : 'hardship-budget-shortfall', { amount: money(voice, disposable.abs()) }),
  ];
}

/** One loan's standing: "car loan: owed 9,000.00, overdue 900.00 for 12 days, penalty 5.40". */
export function loanFactsLine(voice: Voice, facts: LoanFacts): string {
  if (facts.daysPastDue === 0) {
    return voice.t('hardship-loan-current', {
      name: facts.loan.name,
      owed: money(voice, facts.owed),
      next: money(voice, facts.nextRegular),
    });
  }
  return voice.t('hardship-loan-overdue', {
    name: facts.loan.name,
    owed: money(voice, facts.owed),
    arrears: money(voice, facts.arrears),
    days: facts.daysPastDue,
    penalty: money(voice, facts.penalty),
  });
}

const PROBLEM_ORDER: readonly PlanProblem[] = ['never-repays', 'too-long', 'exceeds-target'];

/** A plan preview: its term, payment, total and what is wrong with it. */
export function planLines(voice: Voice, previews: PlanPreview[], disposable: Decimal | undefined): string[] {
  const lines = previews.map((preview) =>
    voice.t('hardship-plan-line', {
      name: preview.name,
      amount: money(voice, preview.amount),
      months: preview.plan.months,
      payment: money(voice, preview.plan.payment),
      first: day(voice, preview.firstDue),
      interest: money(voice, preview.plan.interest),
    }),
  );
  // The most serious problem only: a plan that never repays is also too long and above the offer.
  const problems = new Set(previews.flatMap((preview) => preview.plan.problems));
  const worst = PROBLEM_ORDER.find((problem) => problems.has(problem));
  if (worst) lines.push(`⚠️ ${voice.t(`hardship-plan-problem-${worst}`)}`);
  const monthly = previews.reduce((sum, preview) => sum.plus(preview.plan.payment), new Decimal(0));
  if (disposable !== undefined && monthly.gt(disposable)) {
    lines.push(`⚠️ ${voice.t('hardship-plan-above-disposable', { payment: money(voice, monthly), disposable: money(voice, disposable) })}`);
  }
  return lines;
}

export function deferralLines(voice: Voice, previews: DeferralPreview[]): string[] {
  return previews.flatMap((preview) =>
    preview.first
      ? [
          voice.t('hardship-deferral-line', {
            name: preview.name,
            count: preview.moved,
            from: day(voice, preview.first.from),
            to: day(voice, preview.first.to),
          }),
        ]
      : [],
  );
}

/** "Reason: Lost my job — “the company closed”" (the quotation marks are the reader's language's). */
export function reasonLine(voice: Voice, reason: string, text: string): string {
  const name = voice.t(`hardship-reason-${reason}`);
  return text === ''
    ? voice.t('hardship-summary-reason', { reason: name })
    : voice.t('hardship-summary-reason-text', { reason: name, text });
}

export function evidenceList(voice: Voice, evidence: readonly string[]): string {
  return evidence.length === 0 ? voice.t('hardship-evidence-none') : evidence.map((id) => voice.t(`hardship-evidence-${id}`)).join(', ');
}

export function statusText(voice: Voice, request: HardshipRequestRow): string {
  return voice.t(`hardship-status-${request.status}`);
}

/** The formal letter to the lender, in `voice`'s language: the facts, the request, the evidence, no promise. */
export function requestLetter(
  voice: Voice,
  input: {
    request: { id: number; kind: string; reason: string; reasonText: string; proposal: Proposal; evidence: readonly string[] };
    loans: LoanFacts[];
    budget: BudgetSummary;
    today: IsoDate;
    detail: string[];
  },
): string {
  const { request, loans, budget, today, detail } = input;
  const names = loans.map((facts) => facts.loan.name).join(', ');
  return [
    voice.t('hardship-letter-date', { date: today }),
    voice.t('hardship-letter-subject', { loans: names, request: proposalText(voice, request.proposal) }),
    '',
    voice.t('hardship-letter-greeting'),
    '',
    voice.t('hardship-letter-opening', { reason: voice.t(`hardship-reason-${request.reason}`) }),
    ...(request.reasonText === '' ? [] : [voice.t('hardship-letter-own-words', { text: request.reasonText })]),
    '',
    ...loans.map((facts) => `• ${loanFactsLine(voice, facts)}`),
    '',
    ...budgetLines(voice, budget),
    '',
    voice.t('hardship-letter-ask', { request: proposalText(voice, request.proposal) }),
    ...detail,
    '',
    voice.t('hardship-letter-evidence', { evidence: evidenceList(voice, request.evidence) }),
    voice.t('hardship-letter-closing'),
    '',
    voice.t('hardship-letter-signature'),
  ].join('\n');
}

/** What the borrower is told when an operator decided (or asked), in the borrower's own language. */
export function decisionText(
  voice: Voice,
  request: HardshipRequestRow,
  outcome: AppliedOutcome | undefined,
  note: string,
  timeZone: string,
): string {
  const head = voice.t(`hardship-decided-${request.status}`, {
    id: request.id,
    request: proposalText(voice, request.proposal as Proposal),
  });
  const lines = [head];
  if (note !== '') lines.push(voice.t('hardship-decided-note', { note }));
  for (const change of outcome?.changes ?? []) {
    if (change.waived.gt(0)) lines.push(voice.t('hardship-decided-waived', { name: change.name, amount: money(voice, change.waived) }));
    const upcoming = change.schedule.slice(0, 6);
    if (upcoming.length === 0) continue;
    lines.push('', voice.t('hardship-decided-schedule', { name: change.name }));
    for (const item of upcoming)
      lines.push(voice.t('hardship-decided-installment', { n: item.n, date: day(voice, item.due), amount: money(voice, item.amount) }));
    if (change.schedule.length > upcoming.length)
      lines.push(voice.t('hardship-decided-more', { count: change.schedule.length - upcoming.length }));
  }
  if (outcome?.pauseUntil)
    lines.push(voice.t('hardship-decided-pause-until', { date: dateOfInstant(outcome.pauseUntil.toISOString(), timeZone) }));
  return lines.join('\n');
}
