import type { Decimal } from '../domain/money.ts';
import type { OverduePolicy } from '../domain/overdue-policy.ts';
import { policyFrom } from '../domain/policy-overrides.ts';
import { toAnnualPercent } from '../domain/rates.ts';
import type { LoanRow } from '../db/loans-repo.ts';
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
