import { daysBetween, type IsoDate } from '../../src/domain/calendar.ts';
import type { InstallmentLedger } from '../../src/domain/loan-ledger.ts';
import { Decimal } from '../../src/domain/money.ts';
import { lateFeeFor, overduePenalty, overdueStanding, type OverdueStanding, type OverdueStage } from '../../src/domain/overdue.ts';
import type { LoanOverview } from '../../src/services/loans.ts';
import { overdueRulesOf, type OverdueRules } from '../../src/services/overdue.ts';

/*
 * One installment's overdue timeline on its lender's today: the dates each stage starts
 * (overdueStanding) and what it would cost to pay on a given day, from what is open now.
 * /overdue and the personal figures of a free-text answer share it.
 */

export interface InstallmentTimeline {
  overview: LoanOverview;
  entry: InstallmentLedger;
  rules: OverdueRules;
  /** The lender's today (the ledger's day). */
  today: IsoDate;
  standing: OverdueStanding;
}

/** The loan's installment that matters most now: its oldest with something owed (overdue first, else the next due). */
export function concernedInstallment(overview: LoanOverview): InstallmentTimeline | undefined {
  const entry = overview.ledger.installments.find((item) => item.owed.gt(0));
  if (!entry) return undefined;
  const rules = overdueRulesOf(overview.loan);
  const today = overview.ledger.asOf;
  return { overview, entry, rules, today, standing: overdueStanding(entry.due, rules.policy, today) };
}

/** Every open loan's concerned installment, most urgent first: oldest due date, then loan id. */
export function openTimelines(loans: readonly LoanOverview[]): InstallmentTimeline[] {
  return loans
    .flatMap((overview) => {
      const timeline = overview.settled ? undefined : concernedInstallment(overview);
      return timeline ? [timeline] : [];
    })
    .sort((a, b) => a.entry.due.localeCompare(b.entry.due) || a.overview.loan.id - b.overview.loan.id);
}

/** The date a stage starts, for this installment. */
export function stageFrom(timeline: InstallmentTimeline, stage: OverdueStage): IsoDate | undefined {
  return timeline.standing.stages.find((s) => s.stage === stage)?.from;
}

/**
 * Penalty interest and late fee owed if the installment is paid `days` days past due, from what is
 * open now: nothing within grace; once grace has ended, every day past due (grace included) plus
 * the late fee. An installment already past grace keeps what the ledger charged and adds the days to come.
 */
export function penaltyIfPaidAfter(timeline: InstallmentTimeline, days: number): Decimal {
  const { entry, rules } = timeline;
  const { policy, annualRate } = rules;
  if (days <= policy.graceDays) return new Decimal(0);
  const now = timeline.standing.daysPastDue;
  if (now > policy.graceDays && days >= now) {
    return entry.penaltyOwed.plus(entry.lateFeeOwed).plus(overduePenalty(entry.open, annualRate, policy, days - now));
  }
  return overduePenalty(entry.open, annualRate, policy, days).plus(lateFeeFor(entry.open.total, policy));
}

/** Penalty if paid on `day` (a date on or after the due date). */
export function penaltyIfPaidOn(timeline: InstallmentTimeline, day: IsoDate): Decimal {
  return penaltyIfPaidAfter(timeline, Math.max(daysBetween(timeline.entry.due, day), 0));
}
