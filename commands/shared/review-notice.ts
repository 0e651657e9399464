import { daysBetween, splitIsoDate, todayIn } from '../../src/domain/calendar.ts';
import { deferDueDates } from '../../src/domain/restructure.ts';
import { summarizeBudget } from '../../src/domain/budget.ts';
import { Decimal } from '../../src/domain/money.ts';
import { suggestedWaiver } from '../../src/domain/waiver-guidance.ts';
import { formatPercent } from '../../src/i18n/format.ts';
import type { RequestView } from '../../src/services/hardship.ts';
import { readProposal } from '../../src/services/hardship-shapes.ts';
import type { QueuedMessage } from '../../src/services/deliveries.ts';
import { budgetOf } from './hardship-budget.ts';
import type { HardshipSettings } from './hardship-settings.ts';
import {
  budgetLines,
  dateOfInstant,
  day,
  evidenceList,
  knownDisposable,
  loanFactsLine,
  money,
  proposalText,
  reasonLine,
  statusText,
  type Voice,
} from './hardship-text.ts';
import { reviewButton } from './review-buttons.ts';

/*
 * What operators see of a request: everything a servicing team needs to decide without asking
 * the borrower again (the loans' arrears and penalty, the budget, the proposal in figures, the
 * reason and evidence, how long the borrower has been a customer, how long it has waited), the
 * waiver suggestion beside a waiver request, and the three decisions as buttons.
 */

/** Whole days since an instant, on the calendar (UTC dates: an operator's queue is not per zone). */
function daysSince(instant: string, now: Date, timeZone: string): number {
  return Math.max(0, daysBetween(dateOfInstant(instant, timeZone), todayIn(timeZone, now)));
}

export function requestDetailLines(voice: Voice, view: RequestView, settings: HardshipSettings, now: Date): string[] {
  const { request, loans, borrower, notes } = view;
  const proposal = readProposal(request.proposal);
  const zone = settings.operatorTimeZone;
  const waited = daysSince(request.submittedAt, now, zone);
  const lines = [
    voice.t('review-title', { id: request.id, request: proposalText(voice, proposal), status: statusText(voice, request) }),
    voice.t('review-borrower', {
      user: request.userId,
      since: borrower ? day(voice, dateOfInstant(borrower.createdAt, zone)) : '—',
      days: borrower ? daysSince(borrower.createdAt, now, zone) : 0,
    }),
    voice.t('review-waited', { date: day(voice, dateOfInstant(request.submittedAt, zone)), days: waited }) +
      (waited > settings.slaDays ? ` ⚠️ ${voice.t('review-past-sla', { days: settings.slaDays })}` : ''),
    reasonLine(voice, request.reason, request.reasonText),
    ...loans.map((facts) => `• ${loanFactsLine(voice, facts)}`),
    ...budgetLines(voice, summarizeBudget(budgetOf(request.budget))),
  ];
  if (proposal.kind === 'new-plan') {
    const disposable = knownDisposable(summarizeBudget(budgetOf(request.budget)));
    const monthly = proposal.plans.reduce((sum, plan) => sum.plus(plan.payment), new Decimal(0));
    if (disposable !== undefined && monthly.gt(disposable)) {
      lines.push(
        `⚠️ ${voice.t('hardship-plan-above-disposable', { payment: money(voice, monthly), disposable: money(voice, disposable) })}`,
      );
    }
    for (const plan of proposal.plans) {
      const name = loans.find((facts) => facts.loan.id === plan.loanId)?.loan.name ?? `#${plan.loanId}`;
      lines.push(
        voice.t('review-plan', {
          name,
          amount: money(voice, plan.amount),
          months: plan.months,
          payment: money(voice, plan.payment),
          first: day(voice, plan.firstDue),
        }),
      );
    }
  }
  if (proposal.kind === 'deferral') {
    for (const facts of loans) {
      if (!facts.firstOwing) continue;
      const { n, due } = facts.firstOwing;
      const dueDay = facts.loan.dueDay ?? splitIsoDate(facts.loan.firstDue).d;
      const [moved] = deferDueDates([{ n, dueDate: due }], n, proposal.months, dueDay);
      lines.push(voice.t('review-deferral', { name: facts.loan.name, n, from: day(voice, due), to: day(voice, moved?.dueDate ?? due) }));
    }
  }
  if (proposal.kind === 'waiver') {
    for (const item of proposal.installments) {
      const facts = loans.find((f) => f.loan.id === item.loanId);
      const overdue = facts?.overdue.find((o) => o.n === item.n);
      const suggestion = suggestedWaiver(settings.waiverGuidance, overdue?.daysPastDue ?? 0, facts?.lateBefore ?? false);
      lines.push(
        voice.t('review-waiver', {
          name: facts?.loan.name ?? `#${item.loanId}`,
          n: item.n,
          penalty: money(voice, overdue?.penalty ?? new Decimal(item.penalty)),
          days: overdue?.daysPastDue ?? 0,
          suggested: formatPercent(voice.locale, suggestion.percent),
          history: voice.t(facts?.lateBefore ? 'review-repeated-overdue' : 'review-first-overdue'),
        }),
      );
    }
  }
  lines.push(voice.t('review-evidence', { evidence: evidenceList(voice, request.evidence) }));
  for (const note of notes) {
    lines.push(voice.t(note.role === 'operator' ? 'review-note-operator' : 'review-note-borrower', { text: note.text }));
  }
  return lines;
}

/** The notice sent to operator chats when a request comes in (or is answered), with its decision buttons. */
export function operatorNotice(voice: Voice, view: RequestView, settings: HardshipSettings, now: Date): QueuedMessage {
  return { text: requestDetailLines(voice, view, settings, now).join('\n'), buttons: decisionButtons(voice, view.request.id) };
}

export function decisionButtons(voice: Voice, requestId: number): QueuedMessage['buttons'] {
  return [
    [
      reviewButton.make(voice.t('review-button-approve'), { decision: 'approve', requestId }),
      reviewButton.make(voice.t('review-button-reject'), { decision: 'reject', requestId }),
    ],
    [reviewButton.make(voice.t('review-button-ask'), { decision: 'ask', requestId })],
  ];
}
