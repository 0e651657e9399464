import type { IsoDate } from '../domain/calendar.ts';
import { Decimal } from '../domain/money.ts';
import { evaluateLoan, type OverdueEvaluation, type OverdueStage } from '../domain/overdue.ts';
import type { OverduePolicy, PolicyPresetId } from '../domain/overdue-policy.ts';
import { policyFrom, type StoredPolicyOverrides } from '../domain/policy-overrides.ts';
import { toAnnualPercent, type DayBasis, type RateUnit } from '../domain/rates.ts';
import type { Queryable } from '../db/client.ts';
import { installmentsOfUser, loansOfUser, type LoanRow } from '../db/loans-repo.ts';
import { groupByLoan, scheduleRowsOf } from './installment-rows.ts';

export function policyOf(loan: LoanRow): OverduePolicy {
  return policyFrom(loan.policyPreset as PolicyPresetId, loan.policyOverrides as StoredPolicyOverrides);
}

/** The contract's nominal annual rate as a fraction: the base of a bank's penalty rate. */
export function contractAnnualRate(loan: LoanRow): Decimal {
  return toAnnualPercent(new Decimal(loan.ratePercent), loan.rateUnit as RateUnit, loan.dayBasis as DayBasis).div(100);
}

export interface LoanOverdue {
  loan: LoanRow;
  installments: OverdueEvaluation[];
  totalOverdue: Decimal;
  totalPenalty: Decimal;
  /** One-off late fees (违约金), kept apart from penalty interest (罚息). */
  totalLateFee: Decimal;
  worstStage: OverdueStage;
}

/** Every loan of the user with something past its due date, evaluated for `today`. */
export function overdueOfUser(q: Queryable, userId: number, today: IsoDate): LoanOverdue[] {
  const rowsByLoan = groupByLoan(installmentsOfUser(q, userId));
  const result: LoanOverdue[] = [];
  for (const loan of loansOfUser(q, userId)) {
    const rows = scheduleRowsOf(loan.principal, rowsByLoan.get(loan.id) ?? []);
    const evaluation = evaluateLoan(rows, contractAnnualRate(loan), policyOf(loan), today);
    const pastDue = evaluation.installments.filter((i) => i.daysPastDue > 0);
    if (pastDue.length > 0) result.push({ loan, ...evaluation, installments: pastDue });
  }
  return result;
}
