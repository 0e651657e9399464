import type { IsoDate } from '../domain/calendar.ts';
import { annualPercentageRate } from '../domain/apr.ts';
import { Decimal, ZERO, toMoneyString } from '../domain/money.ts';
import { toMonthlyRate, type RateUnit } from '../domain/rates.ts';
import { buildSchedule, summarizeSchedule, type RepaymentMethod, type ScheduleRow, type ScheduleSummary } from '../domain/schedule.ts';
import type { Db } from '../db/client.ts';
import { insertLoan, installmentsOfUser, loansOfUser, type InstallmentRow, type LoanRow } from '../db/loans-repo.ts';

export interface LoanInput {
  name: string;
  principal: Decimal;
  method: RepaymentMethod;
  rate: { percent: Decimal; unit: RateUnit };
  periods: number;
  firstDue: IsoDate;
}

export interface LoanPreview {
  rows: ScheduleRow[];
  summary: ScheduleSummary;
  /** True annual rate (IRR × 12) in percent. */
  apr: Decimal;
}

const DEFAULT_DAY_BASIS = 360;

function scheduleFor(input: LoanInput, dayBasis: 360 | 365 = DEFAULT_DAY_BASIS): ScheduleRow[] {
  return buildSchedule({
    principal: input.principal,
    method: input.method,
    monthlyRate: toMonthlyRate(input.rate.percent, input.rate.unit, dayBasis),
    periods: input.periods,
    firstDue: input.firstDue,
  });
}

export function previewLoan(input: LoanInput): LoanPreview {
  const rows = scheduleFor(input);
  const { apr } = annualPercentageRate(input.principal, rows.map((row) => ({ amount: row.payment })));
  return { rows, summary: summarizeSchedule(rows), apr };
}

export interface SavedLoan {
  loan: LoanRow;
  /** Installments due before today, taken as already paid (the borrower is registering a loan in progress). */
  assumedPaid: number;
}

export function addLoan(db: Db, userId: number, input: LoanInput, today: IsoDate, now: Date): SavedLoan {
  const rows = scheduleFor(input);
  const behind = rows.filter((row) => row.due < today);
  const createdAt = now.toISOString();
  const loan = insertLoan(
    db,
    {
      userId,
      name: input.name,
      principal: toMoneyString(input.principal),
      method: input.method,
      ratePercent: input.rate.percent.toString(),
      rateUnit: input.rate.unit,
      periods: input.periods,
      firstDue: input.firstDue,
      dayBasis: DEFAULT_DAY_BASIS,
      createdAt,
    },
    rows.map((row) => ({
      n: row.n,
      dueDate: row.due,
      principal: toMoneyString(row.principal),
      interest: toMoneyString(row.interest),
      fee: toMoneyString(row.fee),
      payment: toMoneyString(row.payment),
      paid: row.due < today ? toMoneyString(row.payment) : '0.00',
    })),
    behind.map((row) => ({ amount: toMoneyString(row.payment), paidOn: row.due, source: 'registration', createdAt })),
  );
  return { loan, assumedPaid: behind.length };
}

function amountOpen(row: InstallmentRow): Decimal {
  return new Decimal(row.payment).minus(row.paid);
}

export interface DueItem {
  loanId: number;
  loanName: string;
  n: number;
  periods: number;
  due: IsoDate;
  amount: Decimal;
}

export interface LoanOverview {
  loan: LoanRow;
  remainingPrincipal: Decimal;
  next: DueItem | undefined;
  apr: Decimal;
}

function toDueItem(row: InstallmentRow, loan: LoanRow): DueItem {
  return { loanId: loan.id, loanName: loan.name, n: row.n, periods: loan.periods, due: row.dueDate, amount: amountOpen(row) };
}

export function listLoans(db: Db, userId: number): LoanOverview[] {
  const loans = loansOfUser(db, userId);
  const byLoan = new Map<number, InstallmentRow[]>();
  for (const row of installmentsOfUser(db, userId)) {
    const list = byLoan.get(row.loanId) ?? [];
    list.push(row);
    byLoan.set(row.loanId, list);
  }
  return loans.map((loan) => {
    const rows = byLoan.get(loan.id) ?? [];
    const open = rows.filter((row) => amountOpen(row).gt(0));
    // Principal still owed: a partly paid installment keeps its principal until it is settled.
    const remainingPrincipal = open.reduce((sum, row) => sum.plus(row.principal), ZERO);
    const firstOpen = open[0];
    const { apr } = annualPercentageRate(
      new Decimal(loan.principal),
      rows.map((row) => ({ amount: new Decimal(row.payment) })),
    );
    return { loan, remainingPrincipal, next: firstOpen ? toDueItem(firstOpen, loan) : undefined, apr };
  });
}

export interface NextDue {
  /** The earliest date with something unpaid (may be in the past: then it is overdue). */
  date: IsoDate;
  items: DueItem[];
  total: Decimal;
  /** The next installment of every other loan, for the rest of the picture. */
  later: DueItem[];
}

export function nextDue(db: Db, userId: number): NextDue | undefined {
  const overview = listLoans(db, userId).filter((entry) => entry.next);
  const nexts = overview.map((entry) => entry.next as DueItem).sort((a, b) => a.due.localeCompare(b.due) || a.loanId - b.loanId);
  const first = nexts[0];
  if (!first) return undefined;
  const items = nexts.filter((item) => item.due === first.due);
  const later = nexts.filter((item) => item.due !== first.due);
  return { date: first.due, items, total: items.reduce((sum, item) => sum.plus(item.amount), ZERO), later };
}
