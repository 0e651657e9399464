import { daysBetween, type IsoDate } from '../domain/calendar.ts';
import { Decimal, ZERO } from '../domain/money.ts';
import type { InstallmentRow } from '../db/loans-repo.ts';
import type { LoanOverview } from './loans.ts';

/*
 * The data of one loan's chart (/chart <loan>, issue 14): per installment — or per year when the
 * loan has more than BY_YEAR_ABOVE of them, so a 600-period loan is 50 readable bars instead of
 * 600 hairlines — its principal, interest and fees as scheduled, the scheduled balance left after
 * it, whether it is paid and whether something of it is overdue, and where today falls. Pure: the
 * caller passes the overview it read for this user (loans.overview is per user id).
 */

/** More installments than this are drawn one bar per year. */
export const BY_YEAR_ABOVE = 60;

export interface LoanChartBar {
  /** The installment's due date, or for a year bar the year ("2031"). */
  label: string;
  /** The first and last due date the bar covers (the same for an installment). */
  from: IsoDate;
  to: IsoDate;
  principal: Decimal;
  interest: Decimal;
  fees: Decimal;
  /** Scheduled principal still to repay after this bar's installments. */
  balanceAfter: Decimal;
  /** Every installment of the bar is settled. */
  paid: boolean;
  /** Some installment of the bar is past due with something owed. */
  overdue: boolean;
  /** How many installments the bar covers. */
  installments: number;
}

export interface LoanChartData {
  loanId: number;
  name: string;
  settled: boolean;
  grouping: 'installment' | 'year';
  bars: LoanChartBar[];
  /** The scheduled principal before the first installment. */
  start: Decimal;
  /** Where today falls, in bars from the left edge (bar i spans [i, i + 1)). */
  todayAt: number;
  today: IsoDate;
  periods: number;
  paidCount: number;
  overdueCount: number;
  /** What settles every open installment today (penalty included): the ledger's figure. */
  owed: Decimal;
  remainingPrincipal: Decimal;
}

type Overview = LoanOverview & { rows: InstallmentRow[] };

function byInstallment(overview: Overview): LoanChartBar[] {
  const entries = new Map(overview.ledger.installments.map((e) => [e.n, e]));
  let balance = overview.rows.reduce((s, r) => s.plus(r.principal), ZERO);
  return overview.rows.map((row) => {
    const entry = entries.get(row.n);
    const principal = new Decimal(row.principal);
    balance = balance.minus(principal);
    const owed = entry?.owed ?? ZERO;
    return {
      label: row.dueDate,
      from: row.dueDate,
      to: row.dueDate,
      principal,
      interest: new Decimal(row.interest),
      fees: new Decimal(row.fee),
      balanceAfter: balance,
      paid: owed.lte(0),
      overdue: owed.gt(0) && (entry?.daysPastDue ?? 0) > 0,
      installments: 1,
    };
  });
}

function byYear(bars: LoanChartBar[]): LoanChartBar[] {
  const out: LoanChartBar[] = [];
  for (const bar of bars) {
    const year = bar.from.slice(0, 4);
    const last = out.at(-1);
    if (last && last.label === year) {
      last.to = bar.to;
      last.principal = last.principal.plus(bar.principal);
      last.interest = last.interest.plus(bar.interest);
      last.fees = last.fees.plus(bar.fees);
      last.balanceAfter = bar.balanceAfter;
      last.paid &&= bar.paid;
      last.overdue ||= bar.overdue;
      last.installments++;
    } else out.push({ ...bar, label: year });
  }
  return out;
}

/** Today between the bars: at a bar's centre on its (last) due date, in proportion between two. */
function todayPosition(bars: LoanChartBar[], today: IsoDate): number {
  const first = bars[0];
  const last = bars.at(-1);
  if (!first || !last) return 0;
  if (today <= first.to) return today < first.from ? 0 : 0.5;
  if (today >= last.to) return bars.length - 0.5 + (today > last.to ? 0.5 : 0);
  for (let i = 1; i < bars.length; i++) {
    const prev = bars[i - 1] as LoanChartBar;
    const bar = bars[i] as LoanChartBar;
    if (today <= bar.to) {
      const span = daysBetween(prev.to, bar.to);
      return i - 0.5 + (span > 0 ? daysBetween(prev.to, today) / span : 0);
    }
  }
  return bars.length;
}

/** Year bars: today at its year's bar, as far in as the year has gone. */
function todayInYears(bars: LoanChartBar[], today: IsoDate): number {
  const year = today.slice(0, 4);
  const index = bars.findIndex((b) => b.label === year);
  if (index < 0) return year < (bars[0]?.label ?? '') ? 0 : bars.length;
  const start = `${year}-01-01`;
  return index + daysBetween(start, today) / daysBetween(start, `${Number(year) + 1}-01-01`);
}

export function loanChartData(overview: Overview): LoanChartData {
  const today = overview.ledger.asOf;
  const rows = [...overview.rows].sort((a, b) => a.n - b.n);
  const single = byInstallment({ ...overview, rows });
  const grouping = single.length > BY_YEAR_ABOVE ? 'year' : 'installment';
  const bars = grouping === 'year' ? byYear(single) : single;
  return {
    loanId: overview.loan.id,
    name: overview.loan.name,
    settled: overview.settled,
    grouping,
    bars,
    start: rows.reduce((s, r) => s.plus(r.principal), ZERO),
    todayAt: grouping === 'year' ? todayInYears(bars, today) : todayPosition(bars, today),
    today,
    periods: single.length,
    paidCount: single.filter((b) => b.paid).length,
    overdueCount: single.filter((b) => b.overdue).length,
    owed: overview.ledger.totalOwed,
    remainingPrincipal: overview.remainingPrincipal,
  };
}
