import { Decimal } from '../domain/money.ts';
import { POLICY_PRESETS, policyWith, validatePolicy, type OverduePolicy, type PolicyPresetId } from '../domain/overdue-policy.ts';
import { normalizeText } from '../parse/result.ts';

/**
 * The fields of a loan's overdue rules the borrower changed from its preset, as stored in
 * loans.policy_overrides (JSON; decimals as strings so nothing is a float).
 */
export interface StoredPolicyOverrides {
  graceDays?: number;
  multiplier?: string;
  dailyPercent?: string;
  dayBasis?: 360 | 365;
  reportAfterDays?: number;
  lateFee?: string;
}

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

/** One thing a borrower can change, how they write it, and what it replaces. */
const PATTERNS: { re: RegExp; apply: (o: StoredPolicyOverrides, value: string) => void }[] = [
  { re: /(?:grace|宽限期?|寬限期?)\s*:?\s*(\d{1,2})\s*(?:days?|天)?/i, apply: (o, v) => (o.graceDays = Number(v)) },
  {
    re: /(?:report(?:ed)?(?:\s+after)?|上报|上報|征信)\s*:?\s*(\d{1,4})\s*(?:days?|天)?/i,
    apply: (o, v) => (o.reportAfterDays = Number(v)),
  },
  { re: /(?:late\s*fee|违约金|違約金|滞纳金|滯納金)\s*:?\s*¥?\s*(\d+(?:\.\d{1,2})?)/i, apply: (o, v) => (o.lateFee = v) },
  {
    re: /(?:×|x|\*|multiplier)\s*(\d(?:\.\d{1,2})?)/i,
    // A bank-style penalty replaces a daily rate, and the other way round.
    apply: (o, v) => {
      o.multiplier = v;
      delete o.dailyPercent;
    },
  },
  {
    re: /(\d(?:\.\d{1,3})?)\s*%\s*(?:\/\s*day|a day|per day|daily)|(?:日|daily)\s*:?\s*(\d(?:\.\d{1,3})?)\s*%/i,
    apply: (o, v) => {
      o.dailyPercent = v;
      delete o.multiplier;
    },
  },
  { re: /(?:basis|计息天数|計息天數)\s*:?\s*(360|365)/i, apply: (o, v) => (o.dayBasis = Number(v) as 360 | 365) },
];

export type OverrideParse =
  | { ok: true; overrides: StoredPolicyOverrides }
  | { ok: false; problem: 'not-understood' | 'not-allowed'; allowed?: string };

/**
 * Reads changes to the overdue rules typed in one line, e.g. "grace 5, 0.05%/day, report 30,
 * late fee 50" or "宽限期5天 日0.05% 上报30天 违约金50", on top of what was already changed, and
 * checks the result with the preset's own rules.
 */
export function parsePolicyOverrides(text: string, preset: PolicyPresetId, current: StoredPolicyOverrides): OverrideParse {
  const value = normalizeText(text);
  const next: StoredPolicyOverrides = { ...current };
  let found = 0;
  for (const { re, apply } of PATTERNS) {
    const match = re.exec(value);
    const captured = match?.slice(1).find((group) => group !== undefined);
    if (captured !== undefined) {
      apply(next, captured);
      found += 1;
    }
  }
  if (found === 0) return { ok: false, problem: 'not-understood' };
  const problem = validatePolicy(policyFrom(preset, next))[0];
  return problem ? { ok: false, problem: 'not-allowed', allowed: `${problem.field}: ${problem.allowed}` } : { ok: true, overrides: next };
}
