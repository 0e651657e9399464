import { validatePolicy, type PolicyPresetId } from '../domain/overdue-policy.ts';
import { policyFrom, type StoredPolicyOverrides } from '../domain/policy-overrides.ts';
import { fail, normalizeForMatching, ok, type ParseResult } from './result.ts';

/**
 * One thing a borrower can change, how they write it, and what it replaces. The Chinese is in
 * simplified: the text is folded first (寬限期 reads as 宽限期, 違約金 as 违约金).
 */
const PATTERNS: { re: RegExp; apply: (o: StoredPolicyOverrides, value: string) => void }[] = [
  { re: /(?:grace|宽限期?)\s*:?\s*(\d{1,2})\s*(?:days?|天)?/i, apply: (o, v) => (o.graceDays = Number(v)) },
  {
    re: /(?:report(?:ed)?(?:\s+after)?|上报|征信)\s*:?\s*(\d{1,4})\s*(?:days?|天)?/i,
    apply: (o, v) => (o.reportAfterDays = Number(v)),
  },
  { re: /(?:late\s*fee|违约金|滞纳金)\s*:?\s*¥?\s*(\d+(?:\.\d{1,2})?)/i, apply: (o, v) => (o.lateFee = v) },
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
  { re: /(?:basis|计息天数)\s*:?\s*(360|365)/i, apply: (o, v) => (o.dayBasis = Number(v) as 360 | 365) },
];

/**
 * Reads changes to the overdue rules typed in one line, e.g. "grace 5, 0.05%/day, report 30,
 * late fee 50" or "宽限期5天 日0.05% 上报30天 违约金50" (or 寬限期5天 … 違約金50), on top of what was
 * already changed, and checks the result with the preset's own rules: 'policy-not-understood'
 * when nothing in the line was a rule, 'policy-not-allowed' when the rules do not hold together.
 */
export function parsePolicyOverrides(
  text: string,
  preset: PolicyPresetId,
  current: StoredPolicyOverrides,
): ParseResult<StoredPolicyOverrides> {
  const value = normalizeForMatching(text);
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
  if (found === 0) return fail('policy-not-understood');
  return validatePolicy(policyFrom(preset, next)).length > 0 ? fail('policy-not-allowed') : ok(next);
}
