import type { IsoDate } from '../domain/calendar.ts';
import type { Decimal } from '../domain/money.ts';
import { evaluateLoan, type OverdueEvaluation, type OverdueStage } from '../domain/overdue.ts';
import type { OverduePolicy } from '../domain/overdue-policy.ts';
import { policyFrom } from '../domain/policy-overrides.ts';
import { toAnnualPercent } from '../domain/rates.ts';
import type { Queryable } from '../db/client.ts';
import { installmentsOfUser, loansOfUser, type LoanRow } from '../db/loans-repo.ts';
import { groupByLoan, scheduleRowsOf } from './installment-rows.ts';
import { inputFromRow } from './loan-shapes.ts';

/** What a loan's overdue rules are computed from, read from its row once. */
export interface OverdueRules {
  policy: OverduePolicy;
  /** The contract's nominal annual rate as a fraction: the base of a bank's penalty rate. */
  annualRate: Decimal;
}

export function overdueRulesOf(loan: LoanRow): OverdueRules {
  const { policyPreset, policyOverrides, rate, dayBasis } = inputFromRow(loan);
  return {
    policy: policyFrom(policyPreset ?? 'bank-cn', policyOverrides),
    annualRate: toAnnualPercent(rate.percent, rate.unit, dayBasis ?? 360).div(100),
  };
}

/** A loan with something past its due date: the domain's evaluation with the loan it is about. */
export interface OverdueLoan {
  loan: LoanRow;
  installments: OverdueEvaluation[];
  totalOverdue: Decimal;
  totalPenalty: Decimal;
  /** One-off late fees (违约金), kept apart from penalty interest (罚息). */
  totalLateFee: Decimal;
  worstStage: OverdueStage;
}

/** Every loan of the user with something past its due date, evaluated for `today`. */
export function overdueOfUser(q: Queryable, userId: number, today: IsoDate): OverdueLoan[] {
  const rowsByLoan = groupByLoan(installmentsOfUser(q, userId));
  const result: OverdueLoan[] = [];
  for (const loan of loansOfUser(q, userId)) {
    const rows = scheduleRowsOf(loan.principal, rowsByLoan.get(loan.id) ?? []);
    const { annualRate, policy } = overdueRulesOf(loan);
    const evaluation = evaluateLoan(rows, annualRate, policy, today);
    const pastDue = evaluation.installments.filter((i) => i.daysPastDue > 0);
    if (pastDue.length > 0) result.push({ loan, ...evaluation, installments: pastDue });
  }
  return result;
}
