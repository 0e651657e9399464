import { aprOfSchedule } from '../domain/apr.ts';
import { todayIn, type IsoDate } from '../domain/calendar.ts';
import type { InstallmentLedger, LoanLedger } from '../domain/loan-ledger.ts';
import { Decimal, ZERO, sumMoney, toMoneyString } from '../domain/money.ts';
import { buildSchedule, summarizeSchedule, type ScheduleRow, type ScheduleSummary } from '../domain/schedule.ts';
import type { Queryable } from '../db/client.ts';
import {
  deleteLoan,
  deletePayment,
  findLoan,
  insertLoan,
  insertPayment,
  installmentsOfLoan,
  installmentsOfUser,
  loansOfUser,
  paymentsOfLoan,
  describeLoan,
  replaceSchedule,
  setLoanRemindersPaused,
  type InstallmentRow,
  type LoanRow,
  type NewInstallmentRow,
} from '../db/loans-repo.ts';
import { columnsFromInput, termsFromInput, type LoanInput } from './loan-shapes.ts';
import { refreshReminders } from './reminder-timetable.ts';
import { groupByLoan, scheduleRowsOf } from './installment-rows.ts';
import { ledgerOf, loanToday, rebookLoan } from './ledger.ts';
import { writeTransaction } from '../db/write-transaction.ts';

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

export function addLoan(q: Queryable, userId: number, input: LoanInput, today: IsoDate, now: Date, defaultTimeZone: string): SavedLoan {
  const rows = buildSchedule(termsFromInput(input));
  const behind = rows.filter((row) => row.due < today);
  // One transaction for the loan, its schedule, the installments behind it and its reminders.
  return writeTransaction(q, (tx) => {
    const saved = insertLoan(tx, { ...columnsFromInput(input), userId, createdAt: now.toISOString() }, installmentColumns(rows));
    assumePaidBefore(tx, saved.loan.id, rows, today, now);
    rebookLoan(tx, saved.loan, saved.installments, loanToday(saved.loan, now, defaultTimeZone));
    refreshReminders(tx, userId, now, defaultTimeZone);
    return { loan: saved.loan, assumedPaid: behind.length };
  });
}

/**
 * The installments due before the loan was registered are taken as paid on their due dates
 * (the borrower is registering a loan in progress). A 0.00 installment (an interest-free month
 * of a balloon loan) has nothing to count as paid.
 */
function assumePaidBefore(q: Queryable, loanId: number, rows: ScheduleRow[], registeredOn: IsoDate, now: Date): void {
  for (const row of rows.filter((r) => r.due < registeredOn && r.payment.gt(0))) {
    insertPayment(q, { loanId, amount: toMoneyString(row.payment), paidOn: row.due, source: 'registration', createdAt: now.toISOString() });
  }
}

export type ReplaceLoanResult =
  /** renamedOnly: why only the description changed (a settled loan, an approved arrangement). */
  | { ok: true; renamedOnly?: 'settled' | 'rescheduled' }
  | { ok: false; reason: 'no-such-loan' }
  | { ok: false; reason: 'settled'; settledOn: IsoDate | undefined }
  | { ok: false; reason: 'rescheduled'; on: IsoDate }
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
 * The loan's columns that describe it without changing what is owed: the only ones a settled loan
 * may change. The lender's kind only decides which rate warning the card gives.
 */
const DESCRIPTIVE_COLUMNS = ['name', 'lenderKind'] as const;

/** True when `input` changes nothing of `loan` but its descriptive columns. */
function changesOnlyDescription(loan: LoanRow, input: LoanInput): boolean {
  const columns = columnsFromInput(input) as Record<string, unknown>;
  return Object.entries(columns).every(
    ([key, value]) =>
      (DESCRIPTIVE_COLUMNS as readonly string[]).includes(key) ||
      JSON.stringify(value ?? null) === JSON.stringify((loan as Record<string, unknown>)[key] ?? null),
  );
}

/**
 * New terms for an existing loan. The schedule is rebuilt; installments due before the loan was
 * registered count as paid again (under the new terms), and the payments the borrower recorded
 * are replayed on it. If they come to more than the new schedule, the edit is refused and nothing
 * changes: a payment is never silently lost. A settled loan (paid off, or nothing owed) keeps its
 * terms: a rename goes through, anything else is refused with the reason, because rebuilding the
 * schedule would make the interest the payoff saved owed again.
 */
export function replaceLoan(
  q: Queryable,
  userId: number,
  loanId: number,
  input: LoanInput,
  now: Date,
  timeZone: string,
  defaultTimeZone: string,
): ReplaceLoanResult {
  const rows = buildSchedule(termsFromInput(input));
  let result: ReplaceLoanResult;
  try {
    result = writeTransaction(q, (tx): ReplaceLoanResult => {
      const loan = findLoan(tx, userId, loanId);
      if (!loan) return { ok: false, reason: 'no-such-loan' };
      const today = loanToday(loan, now, defaultTimeZone);
      const settled = loan.settledOn !== null || ledgerOf(tx, loan, installmentsOfLoan(tx, userId, loanId), today).totalOwed.lte(0);
      // An approved deferral or new plan moved or replaced installments: rebuilding the schedule
      // from the terms would undo the arrangement, so only the description may change.
      const rescheduledOn = loan.rescheduledOn;
      if (settled || rescheduledOn !== null) {
        if (!changesOnlyDescription(loan, input)) {
          return settled
            ? { ok: false, reason: 'settled', settledOn: loan.settledOn ?? undefined }
            : { ok: false, reason: 'rescheduled', on: rescheduledOn as IsoDate };
        }
        const { name, lenderKind } = columnsFromInput(input);
        describeLoan(tx, userId, loanId, { name, ...(lenderKind !== undefined && { lenderKind }) });
        return { ok: true, renamedOnly: settled ? 'settled' : 'rescheduled' };
      }
      const registeredOn = todayIn(timeZone, new Date(loan.createdAt));
      const payments = paymentsOfLoan(tx, userId, loanId);
      for (const payment of payments.filter((p) => p.source === 'registration')) deletePayment(tx, payment.id);
      const installments = replaceSchedule(tx, loanId, columnsFromInput(input), installmentColumns(rows));
      assumePaidBefore(tx, loanId, rows, registeredOn, now);
      const updated = findLoan(tx, userId, loanId) as LoanRow;
      // On the lender's today under the new terms: the edit may have changed the lender's zone.
      const ledger = rebookLoan(tx, updated, installments, loanToday(updated, now, defaultTimeZone));
      if (ledger.leftovers.length > 0) {
        const paid = payments.filter((p) => p.source !== 'registration').reduce((sum, p) => sum.plus(p.amount), ZERO);
        throw new EditRefused(
          paid,
          rows.reduce((sum, r) => sum.plus(r.payment), ZERO),
        );
      }
      // New due dates move the reminders with them.
      refreshReminders(tx, userId, now, defaultTimeZone);
      return { ok: true };
    });
  } catch (error) {
    if (!(error instanceof EditRefused)) throw error;
    return { ok: false, reason: 'paid-exceeds-schedule', paid: error.paid, scheduled: error.scheduled };
  }
  return result;
}

/** Deletes a loan with its schedule, payments and queued reminders, and re-plans the user's other loans. */
export function removeLoan(q: Queryable, userId: number, loanId: number, now: Date, defaultTimeZone: string): boolean {
  return writeTransaction(q, (tx) => {
    const deleted = deleteLoan(tx, userId, loanId);
    if (deleted) refreshReminders(tx, userId, now, defaultTimeZone);
    return deleted;
  });
}

/** Turns one loan's reminders off or on; a paused loan has no reminder timetable, resuming plans it from now. */
export function setLoanReminders(
  q: Queryable,
  userId: number,
  loanId: number,
  paused: boolean,
  now: Date,
  defaultTimeZone: string,
): boolean {
  return writeTransaction(q, (tx) => {
    const changed = setLoanRemindersPaused(tx, userId, loanId, paused);
    if (changed) refreshReminders(tx, userId, now, defaultTimeZone);
    return changed;
  });
}

export interface DueItem {
  loanId: number;
  loanName: string;
  n: number;
  periods: number;
  due: IsoDate;
  /** What settles this installment today: its open amount plus the penalty and late fee it owes. */
  amount: Decimal;
  /** The part of `amount` that is penalty interest and late fee. */
  penalty: Decimal;
}

export interface LoanOverview {
  loan: LoanRow;
  /** The loan's ledger on its lender's today: what each installment owes, penalty included. */
  ledger: LoanLedger;
  remainingPrincipal: Decimal;
  /** The oldest installment with something owed. */
  next: DueItem | undefined;
  /** Nothing owed: principal, interest, fees and penalty all paid or waived. */
  settled: boolean;
  apr: Decimal;
}

function toDueItem(entry: InstallmentLedger, loan: LoanRow, count: number): DueItem {
  return {
    loanId: loan.id,
    loanName: loan.name,
    n: entry.n,
    // The installments the loan has now: an approved new plan may have changed their number.
    periods: count,
    due: entry.due,
    amount: entry.owed,
    penalty: entry.penaltyOwed.plus(entry.lateFeeOwed),
  };
}

function overview(q: Queryable, loan: LoanRow, rows: InstallmentRow[], today: IsoDate): LoanOverview {
  const ledger = ledgerOf(q, loan, rows, today);
  const owing = ledger.installments.filter((entry) => entry.owed.gt(0));
  const remainingPrincipal = sumMoney(ledger.installments.map((entry) => entry.open.principal));
  const firstOwing = owing[0];
  // The true annual rate is an iterative solve that /next and reminders never show: made when read.
  let apr: Decimal | undefined;
  return {
    loan,
    ledger,
    remainingPrincipal,
    next: firstOwing ? toDueItem(firstOwing, loan, ledger.installments.length) : undefined,
    settled: firstOwing === undefined,
    get apr() {
      apr ??= aprOfSchedule(
        new Decimal(loan.principal),
        scheduleRowsOf(loan.principal, rows),
        new Decimal(loan.upfrontFee),
        loan.startDate ?? undefined,
      ).apr;
      return apr;
    },
  };
}

export function listLoans(q: Queryable, userId: number, now: Date, defaultTimeZone: string): LoanOverview[] {
  const byLoan = groupByLoan(installmentsOfUser(q, userId));
  return loansOfUser(q, userId).map((loan) =>
    overview(
      q,
      loan,
      (byLoan.get(loan.id) ?? []).sort((a, b) => a.n - b.n),
      loanToday(loan, now, defaultTimeZone),
    ),
  );
}

export function loanOverview(
  q: Queryable,
  userId: number,
  loanId: number,
  now: Date,
  defaultTimeZone: string,
): (LoanOverview & { rows: InstallmentRow[] }) | undefined {
  const loan = findLoan(q, userId, loanId);
  if (!loan) return undefined;
  const rows = installmentsOfLoan(q, userId, loanId);
  return { ...overview(q, loan, rows, loanToday(loan, now, defaultTimeZone)), rows };
}

export interface NextDue {
  /** The earliest date with something unpaid (may be in the past: then it is overdue). */
  date: IsoDate;
  items: DueItem[];
  total: Decimal;
  /** The next installment of every other loan, for the rest of the picture. */
  later: DueItem[];
}

export function nextDue(q: Queryable, userId: number, now: Date, defaultTimeZone: string): NextDue | undefined {
  const nexts = listLoans(q, userId, now, defaultTimeZone)
    .flatMap((entry) => (entry.next ? [entry.next] : []))
    .sort((a, b) => a.due.localeCompare(b.due) || a.loanId - b.loanId);
  const first = nexts[0];
  if (!first) return undefined;
  const items = nexts.filter((item) => item.due === first.due);
  const later = nexts.filter((item) => item.due !== first.due);
  return { date: first.due, items, total: items.reduce((sum, item) => sum.plus(item.amount), ZERO), later };
}
