import { Decimal } from './money.ts';
import { POLICY_PRESETS, policyWith, type OverduePolicy, type PolicyPresetId } from './overdue-policy.ts';

/**
 * The fields of a loan's overdue rules the borrower changed from its preset, as stored in
 * loans.policy_overrides (JSON; decimals as strings so nothing is a float).
 */
export type StoredPolicyOverrides = {
  graceDays?: number;
  multiplier?: string;
  dailyPercent?: string;
  dayBasis?: 360 | 365;
  reportAfterDays?: number;
  lateFee?: string;
};

/** A loan's overdue rules: its preset with the stored changes applied (pure; no I/O). */
export function policyFrom(preset: PolicyPresetId, stored: StoredPolicyOverrides | null | undefined): OverduePolicy {
  const o = stored ?? {};
  const overrides: Partial<OverduePolicy> = {};
  if (o.graceDays !== undefined) overrides.graceDays = o.graceDays;
  if (o.dayBasis !== undefined) overrides.dayBasis = o.dayBasis;
  if (o.reportAfterDays !== undefined) overrides.reportAfterDays = o.reportAfterDays;
  if (o.multiplier !== undefined)
    overrides.penalty = { kind: 'multiplier', multiplier: new Decimal(o.multiplier), compoundOnInterest: true };
  if (o.dailyPercent !== undefined) overrides.penalty = { kind: 'daily-rate', dailyPercent: new Decimal(o.dailyPercent) };
  if (o.lateFee !== undefined) overrides.lateFee = new Decimal(o.lateFee).isZero() ? undefined : { fixed: new Decimal(o.lateFee) };
  const policy = policyWith(preset in POLICY_PRESETS ? preset : 'bank-cn', overrides);
  // The later stages follow a grace period or reporting day that was moved past them.
  if (policy.collectionAfterDays < policy.reportAfterDays) policy.collectionAfterDays = policy.reportAfterDays;
  if (policy.legalAfterDays < policy.collectionAfterDays) policy.legalAfterDays = policy.collectionAfterDays;
  return policy;
}
