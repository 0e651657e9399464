import { type IsoDate, splitIsoDate } from '../domain/calendar.ts';
import { debtPlan, type PlanLoan, type StrategyResult } from '../domain/debt-plan.ts';
import { type Decimal, ZERO } from '../domain/money.ts';
import type { Queryable } from '../db/client.ts';
import { listLoans } from './loans.ts';
import { inputFromRow, prepaymentRuleForPayoff, termsFromInput } from './loan-shapes.ts';

export interface DebtPlan {
  today: IsoDate;
  /** Sum of the open loans' monthly schedule payments: the base of the extra's cap. */
  monthlyDues: Decimal;
  loans: number;
  strategies: StrategyResult[];
}

/** The user's own open loans (listLoans is per user id) as the plan's inputs, from their ledgers. */
export function planLoansOf(q: Queryable, userId: number, now: Date, zone: string): { today: IsoDate; loans: PlanLoan[] } {
  const overviews = listLoans(q, userId, now, zone).filter((o) => !o.settled);
  let today: IsoDate | undefined;
  const loans = overviews.map((o): PlanLoan => {
    today ??= o.ledger.asOf;
    const input = inputFromRow(o.loan);
    const interestBearing = !['fee', 'flat', 'bnpl'].includes(input.method);
    const future = o.ledger.installments.filter((i) => i.daysPastDue === 0 && i.owed.gt(0));
    const past = o.ledger.installments.filter((i) => i.daysPastDue > 0);
    const next = future[0];
    const rule = input.prepaymentRule;
    const asOf = splitIsoDate(o.ledger.asOf);
    const due = next ? splitIsoDate(next.due) : asOf;
    return {
      name: o.loan.name,
      balance: future.reduce((s, i) => s.plus(i.open.principal), ZERO),
      monthlyRate: interestBearing ? termsFromInput(input).monthlyRate : ZERO,
      payment: next ? next.open.total : ZERO,
      // Fee plans: flat interest behaves like a fee, charged per installment on the original principal.
      feePerInstallment: interestBearing || !next ? ZERO : next.open.fee.plus(next.open.interest),
      installmentsLeft: future.length,
      apr: o.apr,
      overdue: past.reduce((s, i) => s.plus(i.owed), ZERO),
      prepayment: rule ? prepaymentRuleForPayoff(rule) : { kind: 'waive-remaining-fees' },
      // The month its next installment falls in, counted from this month: the debt-free month is then that of its last one.
      startsIn: Math.max(0, due.y * 12 + due.m - (asOf.y * 12 + asOf.m)),
    };
  });
  return { today: today ?? now.toISOString().slice(0, 10), loans };
}

export function debtPlanOf(q: Queryable, userId: number, extra: Decimal, now: Date, zone: string): DebtPlan {
  const { today, loans } = planLoansOf(q, userId, now, zone);
  return {
    today,
    monthlyDues: loans.reduce((s, l) => s.plus(l.payment), ZERO),
    loans: loans.length,
    strategies: loans.length === 0 ? [] : debtPlan(loans, extra, today),
  };
}
