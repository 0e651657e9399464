import { aprOfSchedule } from '../domain/apr.ts';
import { todayIn, type IsoDate } from '../domain/calendar.ts';
import { openParts } from '../domain/installment-split.ts';
import { Decimal, ZERO, toMoneyString } from '../domain/money.ts';
import { buildSchedule, summarizeSchedule, type ScheduleRow, type ScheduleSummary } from '../domain/schedule.ts';
import type { Queryable } from '../db/client.ts';
import {
  deleteLoan,
  deletePayment,
  findLoan,
  insertLoan,
  installmentsOfLoan,
  installmentsOfUser,
  loansOfUser,
  paymentsOfLoan,
  replaceSchedule,
  setLoanRemindersPaused,
  type InstallmentRow,
  type LoanRow,
  type NewInstallmentRow,
} from '../db/loans-repo.ts';
import { columnsFromInput, termsFromInput, type LoanInput } from './loan-shapes.ts';
import { refreshReminders } from './reminder-timetable.ts';
import { groupByLoan, scheduleRowsOf } from './installment-rows.ts';
import { applyPayment } from './payments.ts';

export type { LenderKind, LoanInput, StoredPrepaymentRule } from './loan-shapes.ts';

export interface LoanPreview {
  rows: ScheduleRow[];
  summary: ScheduleSummary;
  /** True annual rate (IRR × 12) and effective annual rate, in percent. */
  apr: Decimal;
  effectiveRate: Decimal;
}

export function previewLoan(input: LoanInput): LoanPreview {
  const rows = buildSchedule(termsFromInput(input));
  const { apr, effective } = aprOfSchedule(input.principal, rows, input.upfrontFee ?? ZERO, input.startDate);
  return { rows, summary: summarizeSchedule(rows), apr, effectiveRate: effective };
}

function installmentColumns(rows: ScheduleRow[]): NewInstallmentRow[] {
  return rows.map((row) => ({
    n: row.n,
    dueDate: row.due,
    principal: toMoneyString(row.principal),
    interest: toMoneyString(row.interest),
    fee: toMoneyString(row.fee),
    payment: toMoneyString(row.payment),
    paid: '0.00',
  }));
}

export interface SavedLoan {
  loan: LoanRow;
  /** Installments due before today, taken as already paid (the borrower is registering a loan in progress). */
  assumedPaid: number;
}

export function addLoan(q: Queryable, userId: number, input: LoanInput, today: IsoDate, now: Date): SavedLoan {
  const rows = buildSchedule(termsFromInput(input));
  const behind = rows.filter((row) => row.due < today);
  // One transaction for the loan, its schedule, the installments behind it and its reminders.
  return q.transaction((tx) => {
    const saved = insertLoan(tx, { ...columnsFromInput(input), userId, createdAt: now.toISOString() }, installmentColumns(rows));
    let installments = saved.installments;
    // A 0.00 installment (an interest-free month of a balloon loan) has nothing to count as paid.
    for (const row of behind.filter((r) => r.payment.gt(0))) {
      installments = applyPayment(tx, saved.loan.id, installments, row.payment, row.due, 'registration', now).installments;
    }
    refreshReminders(tx, userId, now);
    return { loan: saved.loan, assumedPaid: behind.length };
  });
}

export type ReplaceLoanResult =
  | { ok: true }
  | { ok: false; reason: 'no-such-loan' }
  | { ok: false; reason: 'paid-exceeds-schedule'; paid: Decimal; scheduled: Decimal };

class EditRefused extends Error {
  constructor(
    readonly paid: Decimal,
    readonly scheduled: Decimal,
  ) {
    super('recorded payments exceed the new schedule');
  }
}

/**
 * New terms for an existing loan. The schedule is rebuilt; installments due before the loan was
 * registered count as paid again (under the new terms), and the payments the borrower recorded
 * are applied again, oldest first. If they come to more than the new schedule, the edit is
 * refused and nothing changes: a payment is never silently lost.
 */
export function replaceLoan(
  q: Queryable,
  userId: number,
  loanId: number,
  input: LoanInput,
  now: Date,
  timeZone: string,
): ReplaceLoanResult {
  const rows = buildSchedule(termsFromInput(input));
  let result: ReplaceLoanResult;
  try {
    result = q.transaction((tx): ReplaceLoanResult => {
      const loan = findLoan(tx, userId, loanId);
      if (!loan) return { ok: false, reason: 'no-such-loan' };
      const registeredOn = todayIn(timeZone, new Date(loan.createdAt));
      const payments = paymentsOfLoan(tx, userId, loanId);
      for (const payment of payments.filter((p) => p.source === 'registration')) deletePayment(tx, payment.id);
      let installments = replaceSchedule(tx, loanId, columnsFromInput(input), installmentColumns(rows));
      for (const row of rows.filter((r) => r.due < registeredOn && r.payment.gt(0))) {
        installments = applyPayment(tx, loanId, installments, row.payment, row.due, 'registration', now).installments;
      }
      for (const payment of payments.filter((p) => p.source !== 'registration')) {
        // The old allocations went with the old installments; the payment row itself stays.
        const applied = applyPayment(
          tx,
          loanId,
          installments,
          new Decimal(payment.amount),
          payment.paidOn,
          payment.source,
          now,
          payment.id,
        );
        if (applied.leftover.gt(0)) {
          const paid = payments.filter((p) => p.source !== 'registration').reduce((sum, p) => sum.plus(p.amount), ZERO);
          throw new EditRefused(
            paid,
            rows.reduce((sum, r) => sum.plus(r.payment), ZERO),
          );
        }
        installments = applied.installments;
      }
      // New due dates move the reminders with them.
      refreshReminders(tx, userId, now);
      return { ok: true };
    });
  } catch (error) {
    if (!(error instanceof EditRefused)) throw error;
    return { ok: false, reason: 'paid-exceeds-schedule', paid: error.paid, scheduled: error.scheduled };
  }
  return result;
}

/** Deletes a loan with its schedule, payments and queued reminders, and re-plans the user's other loans. */
export function removeLoan(q: Queryable, userId: number, loanId: number, now: Date): boolean {
  return q.transaction((tx) => {
    const deleted = deleteLoan(tx, userId, loanId);
    if (deleted) refreshReminders(tx, userId, now);
    return deleted;
  });
}

/** Turns one loan's reminders off or on; a paused loan has no reminder timetable, resuming plans it from now. */
export function setLoanReminders(q: Queryable, userId: number, loanId: number, paused: boolean, now: Date): boolean {
  return q.transaction((tx) => {
    const changed = setLoanRemindersPaused(tx, userId, loanId, paused);
    if (changed) refreshReminders(tx, userId, now);
    return changed;
  });
}

export function openAmount(row: InstallmentRow): Decimal {
  return new Decimal(row.payment).minus(row.paid);
}

export function openPartsOf(row: InstallmentRow) {
  return openParts({
    principal: new Decimal(row.principal),
    interest: new Decimal(row.interest),
    fee: new Decimal(row.fee),
    paid: new Decimal(row.paid),
  });
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
  return { loanId: loan.id, loanName: loan.name, n: row.n, periods: loan.periods, due: row.dueDate, amount: openAmount(row) };
}

function overview(loan: LoanRow, rows: InstallmentRow[]): LoanOverview {
  const open = rows.filter((row) => openAmount(row).gt(0));
  const remainingPrincipal = open.reduce((sum, row) => sum.plus(openPartsOf(row).principal), ZERO);
  const firstOpen = open[0];
  const schedule = scheduleRowsOf(loan.principal, rows);
  const { apr } = aprOfSchedule(new Decimal(loan.principal), schedule, new Decimal(loan.upfrontFee), loan.startDate ?? undefined);
  return { loan, remainingPrincipal, next: firstOpen ? toDueItem(firstOpen, loan) : undefined, apr };
}

export function listLoans(q: Queryable, userId: number): LoanOverview[] {
  const byLoan = groupByLoan(installmentsOfUser(q, userId));
  return loansOfUser(q, userId).map((loan) =>
    overview(
      loan,
      (byLoan.get(loan.id) ?? []).sort((a, b) => a.n - b.n),
    ),
  );
}

export function loanOverview(q: Queryable, userId: number, loanId: number): (LoanOverview & { rows: InstallmentRow[] }) | undefined {
  const loan = findLoan(q, userId, loanId);
  if (!loan) return undefined;
  const rows = installmentsOfLoan(q, userId, loanId);
  return { ...overview(loan, rows), rows };
}

export interface NextDue {
  /** The earliest date with something unpaid (may be in the past: then it is overdue). */
  date: IsoDate;
  items: DueItem[];
  total: Decimal;
  /** The next installment of every other loan, for the rest of the picture. */
  later: DueItem[];
}

export function nextDue(q: Queryable, userId: number): NextDue | undefined {
  const nexts = listLoans(q, userId)
    .flatMap((entry) => (entry.next ? [entry.next] : []))
    .sort((a, b) => a.due.localeCompare(b.due) || a.loanId - b.loanId);
  const first = nexts[0];
  if (!first) return undefined;
  const items = nexts.filter((item) => item.due === first.due);
  const later = nexts.filter((item) => item.due !== first.due);
  return { date: first.due, items, total: items.reduce((sum, item) => sum.plus(item.amount), ZERO), later };
}
