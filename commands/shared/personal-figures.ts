import type { CommandContext } from '../../src/core/types.ts';
import { addDays, type IsoDate } from '../../src/domain/calendar.ts';
import { sumMoney } from '../../src/domain/money.ts';
import { overduePenalty } from '../../src/domain/overdue.ts';
import { formatPercent } from '../../src/i18n/format.ts';
import type { TopicId } from '../../src/knowledge/index.ts';
import { normalizeForMatching } from '../../src/parse/result.ts';
import type { LoanOverview } from '../../src/services/loans.ts';
import { overdueOfLedger } from '../../src/services/overdue.ts';
import { date, daysLeftText, money } from './loan-text.ts';
import { openTimelines, penaltyIfPaidAfter, stageFrom, type InstallmentTimeline } from './overdue-timeline.ts';

/*
 * The borrower's own figures under a free-text answer (issue 10, point 4): for the loan the
 * question names, else the only loan, else the most urgent one (overdue, else next due), and the
 * answer says which. Each topic gets the figures it is about; other topics get none.
 */

export const PERSONAL_TOPICS = [
  'penalty_interest',
  'grace_period',
  'credit_report_impact',
  'early_repayment',
  'true_apr',
  'partial_payment',
  'cannot_pay',
  'overdue_consequences',
] as const satisfies readonly TopicId[];

type PersonalTopic = (typeof PERSONAL_TOPICS)[number];

function isPersonal(topic: TopicId): topic is PersonalTopic {
  return (PERSONAL_TOPICS as readonly string[]).includes(topic);
}

/** Lower case, simplified characters, no spaces: how a loan name is looked for in a question. */
function folded(text: string): string {
  return normalizeForMatching(text).toLowerCase().replace(/ /g, '');
}

/** The loans the question names (the longest names first when one contains another). */
function namedLoans(text: string, timelines: InstallmentTimeline[]): InstallmentTimeline[] {
  const question = folded(text);
  const named = timelines.flatMap((timeline) => {
    const name = folded(timeline.overview.loan.name);
    if (name.length === 0) return [];
    // A one-letter Latin name ("a") would be found everywhere: only whole words then.
    const found = /^[a-z0-9]{1,2}$/.test(name) ? new RegExp(`(?<![a-z0-9])${name}(?![a-z0-9])`).test(question) : question.includes(name);
    return found ? [{ timeline, length: name.length }] : [];
  });
  const longest = Math.max(0, ...named.map((entry) => entry.length));
  return named.filter((entry) => entry.length === longest).map((entry) => entry.timeline);
}

export interface LoanConcerned {
  timeline: InstallmentTimeline;
  /** Why this loan: named in the question, the only one, or the most urgent of several. */
  why: 'named' | 'only' | 'urgent';
}

/** The loan a question is about, with the installment that matters most now; undefined without open loans. */
export function loanConcerned(
  ctx: CommandContext,
  text: string,
  loans = ctx.services.loans.list(),
  /** The loan the borrower picked with a button after the answer asked which. */
  chosenLoanId?: number,
): LoanConcerned | undefined {
  // Most urgent first: the oldest due date with something owed, so overdue ones come before any next due.
  const timelines = openTimelines(loans);
  if (timelines.length === 0) return undefined;
  if (chosenLoanId !== undefined) {
    const chosen = timelines.find((item) => item.overview.loan.id === chosenLoanId);
    return chosen ? { timeline: chosen, why: 'named' } : undefined;
  }
  const named = namedLoans(text, timelines);
  if (named.length === 1) return { timeline: named[0] as InstallmentTimeline, why: 'named' };
  return { timeline: timelines[0] as InstallmentTimeline, why: timelines.length === 1 ? 'only' : 'urgent' };
}

function installmentLine(ctx: CommandContext, timeline: InstallmentTimeline): string {
  const { entry, standing, overview } = timeline;
  const base = { name: overview.loan.name, n: entry.n, date: date(ctx, entry.due), amount: money(ctx, entry.open.total) };
  if (standing.daysPastDue === 0) return ctx.t('figures-installment-ahead', { ...base, when: daysLeftText(ctx, entry.due) });
  return ctx.t('figures-installment-late', {
    ...base,
    days: standing.daysPastDue,
    penalty: money(ctx, entry.penaltyOwed.plus(entry.lateFeeOwed)),
    stage: ctx.t(`stage-${standing.stage}`),
  });
}

function penaltyLines(ctx: CommandContext, timeline: InstallmentTimeline): string[] {
  const { policy, annualRate } = timeline.rules;
  const now = timeline.standing.daysPastDue;
  if (now > policy.graceDays) {
    const perDay = overduePenalty(timeline.entry.open, annualRate, policy, 1);
    return [ctx.t('figures-penalty-per-day', { amount: money(ctx, perDay) })];
  }
  const soon = policy.graceDays + 1;
  return [
    ctx.t('figures-penalty-if-late', {
      days: soon,
      penalty: money(ctx, penaltyIfPaidAfter(timeline, soon)),
      laterPenalty: money(ctx, penaltyIfPaidAfter(timeline, Math.max(30, soon))),
    }),
  ];
}

function graceLines(ctx: CommandContext, timeline: InstallmentTimeline): string[] {
  const overdueFrom = stageFrom(timeline, 'overdue');
  if (!overdueFrom) return [];
  const graceDays = timeline.rules.policy.graceDays;
  if (graceDays === 0) return [ctx.t('figures-no-grace', { date: date(ctx, overdueFrom) })];
  const to = date(ctx, addDays(overdueFrom, -1));
  return [ctx.t(timeline.standing.inGrace ? 'figures-in-grace' : 'figures-grace', { days: graceDays, to })];
}

function reportedLines(ctx: CommandContext, timeline: InstallmentTimeline): string[] {
  const from = stageFrom(timeline, 'reported');
  if (!from) return [];
  return [ctx.t(from <= timeline.today ? 'figures-reported-since' : 'figures-reported-from', { date: date(ctx, from) })];
}

function nextStageLines(ctx: CommandContext, timeline: InstallmentTimeline): string[] {
  const next = timeline.standing.nextStage;
  const lines = next ? [ctx.t('status-next-stage', { stage: ctx.t(`stage-${next.stage}`), date: date(ctx, next.from) })] : [];
  return [...lines, ctx.t('figures-see-overdue')];
}

function payoffLines(ctx: CommandContext, timeline: InstallmentTimeline): string[] {
  const found = ctx.services.payoff.quote(timeline.overview.loan.id);
  if (!found || found.total.lte(0)) return [];
  return [
    ctx.t('figures-payoff', {
      name: found.loan.name,
      total: money(ctx, found.total),
      scheduled: money(ctx, found.keepingSchedule),
      saved: money(ctx, found.saved),
    }),
  ];
}

function aprLines(ctx: CommandContext, loans: LoanOverview[]): string[] {
  return loans
    .filter((entry) => !entry.settled)
    .map((entry) => ctx.t('figures-apr', { name: entry.loan.name, apr: formatPercent(ctx.locale, entry.apr, 2) }));
}

/**
 * What is overdue on all loans, and the next date something is due: from the loans already read
 * (the same figures services.overdue.list() and services.loans.nextDue() would read again).
 */
function cannotPayLines(ctx: CommandContext, loans: LoanOverview[]): string[] {
  const lines: string[] = [];
  const overdue = loans.map((entry) => overdueOfLedger(entry.loan, entry.ledger)).filter((items) => items.length > 0);
  if (overdue.length > 0) {
    const items = overdue.flat();
    const owed = sumMoney(items.map((item) => item.open));
    const penalty = sumMoney(items.map((item) => item.penalty.plus(item.lateFee)));
    lines.push(ctx.t('figures-overdue-total', { amount: money(ctx, owed), penalty: money(ctx, penalty), count: overdue.length }));
  }
  // The earliest date with something unpaid, and everything due that day (as nextDue gives it).
  const nexts = loans.flatMap((entry) => (entry.next ? [entry.next] : []));
  const first = nexts.reduce<IsoDate | undefined>(
    (earliest, item) => (earliest === undefined || item.due < earliest ? item.due : earliest),
    undefined,
  );
  if (first !== undefined && first >= ctx.today) {
    const total = sumMoney(nexts.filter((item) => item.due === first).map((item) => item.amount));
    lines.push(ctx.t('figures-next-due', { amount: money(ctx, total), date: date(ctx, first), when: daysLeftText(ctx, first) }));
  }
  return lines;
}

/** The lead line that says which loan the figures are about. */
function aboutLine(ctx: CommandContext, concerned: LoanConcerned): string {
  const name = concerned.timeline.overview.loan.name;
  return ctx.t(concerned.why === 'urgent' ? 'figures-about-urgent' : 'figures-about', { name });
}

/** The figures of one topic about the loan concerned; empty when there are none (no payoff to quote). */
function concernedFigures(ctx: CommandContext, topic: PersonalTopic, concerned: LoanConcerned): string[] {
  const { timeline } = concerned;
  const lines = [aboutLine(ctx, concerned)];
  switch (topic) {
    case 'penalty_interest':
      lines.push(installmentLine(ctx, timeline), ...penaltyLines(ctx, timeline));
      break;
    case 'grace_period':
      lines.push(installmentLine(ctx, timeline), ...graceLines(ctx, timeline));
      break;
    case 'credit_report_impact':
      lines.push(installmentLine(ctx, timeline), ...reportedLines(ctx, timeline));
      break;
    case 'overdue_consequences':
      lines.push(installmentLine(ctx, timeline), ...nextStageLines(ctx, timeline));
      break;
    case 'early_repayment': {
      const payoff = payoffLines(ctx, timeline);
      if (payoff.length === 0) return [];
      lines.push(...payoff);
      break;
    }
    case 'partial_payment':
      lines.push(
        ctx.t('figures-partial', {
          name: timeline.overview.loan.name,
          n: timeline.entry.n,
          date: date(ctx, timeline.entry.due),
          owed: money(ctx, timeline.entry.owed),
        }),
      );
      break;
  }
  lines.push(ctx.t('figures-typical-rules'));
  return lines;
}

export interface PersonalAnswer {
  /** Extra lines with the borrower's own figures; empty when the topic has none or the user has no open loan. */
  figures: string[];
  /**
   * The other loans the figures could have been about, when the question named none of several
   * (issue 10: "asked which when it is unclear"): the answer offers each as a button.
   */
  otherLoans: { loanId: number; name: string }[];
}

/**
 * A topic's personal part, from one read of the loans: the figures and the other loans to ask
 * about. `text` is the question (a loan named in it is the one used).
 */
export function personalAnswer(ctx: CommandContext, topic: TopicId, text: string, chosenLoanId?: number): PersonalAnswer {
  const withHeader = (lines: string[]): PersonalAnswer => ({
    figures: lines.length > 0 ? [ctx.t('figures-header'), ...lines] : [],
    otherLoans: [],
  });
  if (!isPersonal(topic)) return { figures: [], otherLoans: [] };
  // One read of the loans for every topic's figures.
  const loans = ctx.services.loans.list();
  if (topic === 'cannot_pay') return withHeader(cannotPayLines(ctx, loans));
  if (topic === 'true_apr' && chosenLoanId === undefined) return withHeader(aprLines(ctx, loans));
  const concerned = loanConcerned(ctx, text, loans, chosenLoanId);
  if (!concerned) return { figures: [], otherLoans: [] };
  const chosenId = concerned.timeline.overview.loan.id;
  const otherLoans =
    concerned.why === 'urgent'
      ? loans
          .filter((entry) => !entry.settled && entry.loan.id !== chosenId)
          .map((entry) => ({ loanId: entry.loan.id, name: entry.loan.name }))
      : [];
  return { figures: concernedFigures(ctx, topic, concerned), otherLoans };
}

/** personalAnswer's figures alone (a loan picked with a button after the answer asked which). */
export function personalFigures(ctx: CommandContext, topic: TopicId, text: string, chosenLoanId?: number): string[] {
  return personalAnswer(ctx, topic, text, chosenLoanId).figures;
}
