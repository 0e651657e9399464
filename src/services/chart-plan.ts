import { addMonthsToParts, type IsoDate, splitIsoDate } from '../domain/calendar.ts';
import type { Strategy } from '../domain/debt-plan.ts';
import { type Decimal, ZERO } from '../domain/money.ts';
import type { DebtPlan } from './debt-plan.ts';

/*
 * The data of /plan's chart (issue 14): the total debt left at the end of each month for each
 * strategy, over the months of the longest one. Month k (1-based) is the month the plan's text
 * counts as k (its debt-free date is that month's first day), so the lines end where the text says.
 * A strategy that is done holds at zero; one beyond the horizon simply runs to its last month.
 */

export interface PlanChartData {
  /** The first day of each month plotted. */
  months: IsoDate[];
  lines: { strategy: Strategy; remaining: Decimal[] }[];
}

export function planChartData(plan: Pick<DebtPlan, 'today' | 'strategies'>): PlanChartData {
  const length = Math.max(0, ...plan.strategies.map((s) => s.remaining.length));
  const { y, m } = splitIsoDate(plan.today);
  const months = Array.from({ length }, (_, k) => addMonthsToParts(y, m, 1, k));
  return {
    months,
    lines: plan.strategies.map((s) => ({
      strategy: s.strategy,
      // After the last month the debt is gone: the line stays on the axis instead of stopping mid-air.
      remaining: months.map((_, k) => s.remaining[k] ?? ZERO),
    })),
  };
}
