import { splitIsoDate, type IsoDate } from '../domain/calendar.ts';
import { Decimal, ZERO, roundCents, toMoneyString } from '../domain/money.ts';
import { deferDueDates, proposePlan } from '../domain/restructure.ts';
import type { Queryable } from '../db/client.ts';
import { insertPenaltyEntry } from '../db/ledger-repo.ts';
import {
  installmentsOfLoanId,
  loansById,
  markRescheduled,
  moveInstallment,
  replaceInstallmentsFrom,
  updateRequestIf,
  type HardshipRequestRow,
} from '../db/hardship-repo.ts';
import type { InstallmentRow, LoanRow } from '../db/loans-repo.ts';
import { recordAudit } from './audit.ts';
import { COLLECTION_PAUSE_DAYS, readProposal, type PlanOfLoan } from './hardship-shapes.ts';
import { MAX_PLAN_MONTHS, planFirstDue, replanBase } from './hardship-proposal.ts';
import { ledgerOf, loanToday, rebookLoan } from './ledger.ts';
import { refreshReminders } from './reminder-timetable.ts';

/*
 * What an approved request does to the borrower's loans, inside the decision's transaction:
 * - a deferral moves every installment from the first one still owing by N months (their
 *   reminders move with them); the penalty charged on them so far stays owed, booked as carried
 *   over on the day of the decision (the ledger's 'carried' entry: moving a date never makes
 *   money vanish, and the new due date has its grace like any other);
 * - a new plan replaces the installments nobody has paid anything towards with equal monthly
 *   installments of the plan's term and rate, for what they owed: principal, the interest and
 *   fees already due, and their penalty; installments already part-paid stay as they are;
 * - a waiver clears the penalty of the named installments, or reduces it by a percentage: the
 *   ledger's waiver or the lender's (lower) figure, entered as the operator's;
 * - a pause of collection contact holds overdue reminders for COLLECTION_PAUSE_DAYS (or the days asked).
 * The loans are booked again and the borrower's reminders re-planned in the same transaction.
 */

/** An installment as the borrower sees it after the change. */
export interface InstallmentAfter {
  n: number;
  due: IsoDate;
  amount: Decimal;
}

export interface LoanChange {
  loanId: number;
  name: string;
  /** The installments still owing afterwards (all of them: the caller shows as many as fit). */
  schedule: InstallmentAfter[];
  /** Penalty waived by this decision. */
  waived: Decimal;
}

export interface AppliedOutcome {
  changes: LoanChange[];
  /** An approved collection pause: overdue reminders wait until then. */
  pauseUntil?: Date;
}

function owingSchedule(q: Queryable, loan: LoanRow, today: IsoDate): InstallmentAfter[] {
  const rows = installmentsOfLoanId(q, loan.id);
  return ledgerOf(q, loan, rows, today)
    .installments.filter((entry) => entry.owed.gt(0))
    .map((entry) => ({ n: entry.n, due: entry.due, amount: entry.owed }));
}

function dueDayOf(loan: LoanRow): number {
  return loan.dueDay ?? splitIsoDate(loan.firstDue).d;
}

function deferLoan(q: Queryable, loan: LoanRow, rows: InstallmentRow[], months: number, today: IsoDate, now: Date): void {
  const ledger = ledgerOf(q, loan, rows, today);
  const first = ledger.installments.find((entry) => entry.open.total.gt(0));
  if (!first) return;
  for (const entry of ledger.installments) {
    if (entry.n < first.n) continue;
    const charged = entry.penaltyCharged.plus(entry.lateFeeCharged);
    if (charged.gt(0)) {
      insertPenaltyEntry(q, {
        loanId: loan.id,
        n: entry.n,
        kind: 'carried',
        amount: toMoneyString(charged),
        on: today,
        source: 'operator',
        createdAt: now.toISOString(),
      });
    }
  }
  const moved = deferDueDates(
    rows.map((row) => ({ n: row.n, dueDate: row.dueDate })),
    first.n,
    months,
    dueDayOf(loan),
  );
  for (const row of rows) {
    const due = moved.find((m) => m.n === row.n)?.dueDate;
    if (due && due !== row.dueDate) moveInstallment(q, row.id, due);
  }
}

function replanLoan(q: Queryable, loan: LoanRow, rows: InstallmentRow[], plan: PlanOfLoan, today: IsoDate): void {
  const base = replanBase(ledgerOf(q, loan, rows, today), today);
  if (!base) return;
  // Re-computed now, not taken from the request: payments since it was made count.
  const firstDue = plan.firstDue > today ? plan.firstDue : planFirstDue(loan, today);
  const proposed = proposePlan({
    amount: base.amount,
    monthlyRate: new Decimal(plan.monthlyRate),
    firstDue,
    months: plan.months,
    maxMonths: MAX_PLAN_MONTHS,
  });
  replaceInstallmentsFrom(
    q,
    loan.id,
    base.fromN,
    proposed.rows.map((row, i) => ({
      n: base.fromN + i,
      dueDate: row.due,
      principal: toMoneyString(row.principal),
      interest: toMoneyString(row.interest),
      fee: toMoneyString(row.fee),
      payment: toMoneyString(row.payment),
      paid: '0.00',
    })),
  );
}

function waiveInstallment(
  q: Queryable,
  loan: LoanRow,
  rows: InstallmentRow[],
  n: number,
  percent: Decimal,
  today: IsoDate,
  now: Date,
): Decimal {
  const entry = ledgerOf(q, loan, rows, today).installments.find((i) => i.n === n);
  if (!entry) return ZERO;
  const owed = entry.penaltyOwed.plus(entry.lateFeeOwed);
  if (!owed.gt(0)) return ZERO;
  if (percent.gte(100)) {
    insertPenaltyEntry(q, {
      loanId: loan.id,
      n,
      kind: 'waived',
      amount: null,
      on: today,
      source: 'operator',
      createdAt: now.toISOString(),
    });
    return owed;
  }
  const cut = roundCents(owed.times(percent).dividedBy(100));
  const figure = entry.penaltyCharged.plus(entry.lateFeeCharged).minus(cut);
  insertPenaltyEntry(q, {
    loanId: loan.id,
    n,
    kind: 'charged',
    amount: toMoneyString(figure),
    on: today,
    source: 'operator',
    createdAt: now.toISOString(),
  });
  return cut;
}

/**
 * Applies an approved request to its loans (those still there and the borrower's), books them,
 * re-plans the borrower's reminders and audits each loan's change. Runs in the caller's transaction.
 */
export function applyApproved(
  q: Queryable,
  request: HardshipRequestRow,
  operatorId: number,
  now: Date,
  defaultTimeZone: string,
): AppliedOutcome {
  const proposal = readProposal(request.proposal);
  const loans = loansById(q, request.loanIds).filter((loan) => loan.userId === request.userId);
  const changes: LoanChange[] = [];
  let pauseUntil: Date | undefined;
  for (const loan of loans) {
    const today = loanToday(loan, now, defaultTimeZone);
    const rows = installmentsOfLoanId(q, loan.id);
    const before = owingSchedule(q, loan, today);
    let waived = ZERO;
    if (proposal.kind === 'deferral') deferLoan(q, loan, rows, proposal.months, today, now);
    if (proposal.kind === 'new-plan') {
      const plan = proposal.plans.find((p) => p.loanId === loan.id);
      if (plan) replanLoan(q, loan, rows, plan, today);
    }
    if (proposal.kind === 'waiver') {
      const percent = new Decimal(proposal.percent);
      for (const item of proposal.installments.filter((i) => i.loanId === loan.id)) {
        waived = waived.plus(waiveInstallment(q, loan, installmentsOfLoanId(q, loan.id), item.n, percent, today, now));
      }
    }
    if (proposal.kind === 'deferral' || proposal.kind === 'new-plan') markRescheduled(q, loan.id, today);
    const current = loansById(q, [loan.id])[0] ?? loan;
    rebookLoan(q, current, installmentsOfLoanId(q, loan.id), today);
    const after = owingSchedule(q, current, today);
    changes.push({ loanId: loan.id, name: loan.name, schedule: after, waived });
    recordAudit(q, {
      actorId: operatorId,
      actorRole: 'operator',
      action: 'apply',
      userId: request.userId,
      requestId: request.id,
      loanId: loan.id,
      before: before.map((i) => ({ n: i.n, due: i.due, amount: toMoneyString(i.amount) })),
      after: {
        schedule: after.map((i) => ({ n: i.n, due: i.due, amount: toMoneyString(i.amount) })),
        ...(waived.gt(0) && { waived: toMoneyString(waived) }),
      },
      at: now,
    });
  }
  if (proposal.kind === 'collection-pause') {
    pauseUntil = new Date(now.getTime() + (proposal.days || COLLECTION_PAUSE_DAYS) * 86_400_000);
    updateRequestIf(q, request.id, ['approved'], { pauseUntil: pauseUntil.toISOString() });
    recordAudit(q, {
      actorId: operatorId,
      actorRole: 'operator',
      action: 'apply',
      userId: request.userId,
      requestId: request.id,
      after: { pauseUntil: pauseUntil.toISOString() },
      at: now,
    });
  }
  refreshReminders(q, request.userId, now, defaultTimeZone);
  return { changes, ...(pauseUntil && { pauseUntil }) };
}
