import { Decimal } from './money.ts';
import type { DayBasis } from './rates.ts';

/**
 * How a lender charges for a late installment (domain.md §3). Two shapes exist in practice:
 * - 'multiplier': banks (PBoC 银发〔2003〕251号) charge the contract rate + 30%–50% (× 1.3–1.5) on the
 *   overdue principal, and the same penalty rate as compound interest on unpaid interest;
 * - 'daily-rate': consumer-finance and online lenders charge amount × daily rate × days on the
 *   whole overdue amount. `dailyPercent` is a percent per day: 0.05 means 0.05%/day.
 */
export type PenaltyRule =
  | { kind: 'multiplier'; multiplier: Decimal; compoundOnInterest: boolean }
  | { kind: 'daily-rate'; dailyPercent: Decimal };

/**
 * A one-off charge when grace ends (credit-card 违约金, which replaced the 滞纳金 in 2017). It is
 * charged once and never accrues interest (domain.md §3). `percentOfMinimum` is a percent
 * (5 means 5%) of the unpaid minimum payment, never less than `floor`.
 */
export type LateFeeRule = { fixed: Decimal } | { percentOfMinimum: Decimal; floor: Decimal };

export interface OverduePolicy {
  /** Days after the due date within which paying counts as on time: no penalty, not reported. */
  graceDays: number;
  penalty: PenaltyRule;
  /** For converting an annual penalty rate to a daily one. */
  dayBasis: DayBasis;
  /** Days past due from which the lender is likely to report to the credit bureau (征信). */
  reportAfterDays: number;
  /** Days past due from which collection (催收) is likely. */
  collectionAfterDays: number;
  /** Days past due from which legal action is likely. */
  legalAfterDays: number;
  lateFee?: LateFeeRule;
}

export type PolicyPresetId = 'bank-cn' | 'consumer-cn' | 'credit-card-cn' | 'bnpl-cn' | 'generic-en';

export const POLICY_PRESET_IDS: readonly PolicyPresetId[] = ['bank-cn', 'consumer-cn', 'credit-card-cn', 'bnpl-cn', 'generic-en'];

const d = (s: string): Decimal => new Decimal(s);

function frozen(p: OverduePolicy): OverduePolicy {
  Object.freeze(p.penalty);
  if (p.lateFee) Object.freeze(p.lateFee);
  return Object.freeze(p);
}

/**
 * Typical policies, never a product's verified terms: the bot always adds "以合同/App为准 / check
 * your contract". Sources are domain.md §3 unless a comment says otherwise. The collection and
 * legal thresholds are NOT in domain.md: they are rough orders of magnitude (≈ 1 month, ≈ 3 months)
 * so the bot can say "what usually comes next", and are the first thing to override.
 * Presets are frozen: derive changed copies with policyWith.
 */
export const POLICY_PRESETS: Record<PolicyPresetId, OverduePolicy> = {
  // Bank loans: PBoC 2003 rule, contract rate × 1.3–1.5, compound on unpaid interest; we take the
  // top (× 1.5) so an estimate never understates. Grace ≈ 3 days ("many banks", domain.md default);
  // 360-day basis (bank convention, §1); reported as soon as grace ends (day 4).
  'bank-cn': frozen({
    graceDays: 3,
    penalty: { kind: 'multiplier', multiplier: d('1.5'), compoundOnInterest: true },
    dayBasis: 360,
    reportAfterDays: 4,
    collectionAfterDays: 30,
    legalAfterDays: 90,
  }),
  // Consumer-finance / online lenders: a daily rate on the whole overdue amount, 0.05%/day being
  // the figure in domain.md's examples. Grace 0: the conservative end of the 0–3 days seen — a
  // grace the lender does not give would tell the borrower a late payment is on time. Reported
  // from day 1 for the same reason.
  'consumer-cn': frozen({
    graceDays: 0,
    penalty: { kind: 'daily-rate', dailyPercent: d('0.05') },
    dayBasis: 360,
    reportAfterDays: 1,
    collectionAfterDays: 30,
    legalAfterDays: 90,
  }),
  // Credit cards: revolving interest often 0.05%/day on the overdue amount; 违约金 often 5% of the
  // unpaid minimum with a floor such as ¥10 (domain.md §3). Grace ≈ 3 days, reported after it.
  'credit-card-cn': frozen({
    graceDays: 3,
    penalty: { kind: 'daily-rate', dailyPercent: d('0.05') },
    dayBasis: 360,
    reportAfterDays: 4,
    collectionAfterDays: 30,
    legalAfterDays: 90,
    lateFee: { percentOfMinimum: d('5'), floor: d('10') },
  }),
  // Buy now pay later (先享后付) is an online consumer product: daily rate on the whole overdue
  // amount, 0.05%/day; grace uses domain.md's default of 3 days, reported once it ends.
  'bnpl-cn': frozen({
    graceDays: 3,
    penalty: { kind: 'daily-rate', dailyPercent: d('0.05') },
    dayBasis: 360,
    reportAfterDays: 4,
    collectionAfterDays: 30,
    legalAfterDays: 90,
  }),
  // US/UK style: reported to the bureaus only at 30 days past due (domain.md §3, US); the contract
  // rate simply continues on the overdue principal (× 1, not compounded). No late fee by default:
  // its amount is product-specific (US cards cap it at the minimum due), so we do not invent one.
  // Not from domain.md: a 365-day basis (US/UK lenders usually quote daily rates as annual / 365);
  // collection ≈ 90 and legal ≈ 180 days are rough (UK: a default notice gives at least 14 days).
  'generic-en': frozen({
    graceDays: 3,
    penalty: { kind: 'multiplier', multiplier: d('1'), compoundOnInterest: false },
    dayBasis: 365,
    reportAfterDays: 30,
    collectionAfterDays: 90,
    legalAfterDays: 180,
  }),
};

/**
 * The preset to start from when the user has not picked one. Methods are the schedule's
 * RepaymentMethod names plus the wider parser vocabulary ('bnpl', 'flat', 'bullet', …), so a plain
 * string: fee and flat-rate plans are sold by consumer lenders and card issuers; BNPL has its own;
 * everything else (annuity, equal principal, interest first, bullet) is bank-style.
 */
export function defaultPresetFor(method: string): PolicyPresetId {
  switch (method) {
    case 'bnpl':
      return 'bnpl-cn';
    case 'fee':
    case 'flat':
      return 'consumer-cn';
    default:
      return 'bank-cn';
  }
}

/**
 * A preset with some fields replaced. An override whose value is undefined is ignored, except
 * `lateFee`, where an explicit undefined means "no late fee". The result is not validated: call
 * validatePolicy on anything that came from a user.
 */
export function policyWith(preset: PolicyPresetId, overrides: Partial<OverduePolicy>): OverduePolicy {
  const base = POLICY_PRESETS[preset];
  const result: OverduePolicy = {
    graceDays: overrides.graceDays ?? base.graceDays,
    penalty: overrides.penalty ?? base.penalty,
    dayBasis: overrides.dayBasis ?? base.dayBasis,
    reportAfterDays: overrides.reportAfterDays ?? base.reportAfterDays,
    collectionAfterDays: overrides.collectionAfterDays ?? base.collectionAfterDays,
    legalAfterDays: overrides.legalAfterDays ?? base.legalAfterDays,
  };
  const lateFee = 'lateFee' in overrides ? overrides.lateFee : base.lateFee;
  if (lateFee !== undefined) result.lateFee = lateFee;
  return result;
}

export interface PolicyProblem {
  field: string;
  allowed: string;
}

/** Ten years: beyond any statute of limitations (3 years, Civil Code Art. 188) and any report window. */
export const MAX_POLICY_DAYS = 3650;

function isDayCount(n: unknown, min: number, max: number): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;
}

function isDecimalIn(v: unknown, min: number, max: number): boolean {
  return v instanceof Decimal && v.isFinite() && v.gte(min) && v.lte(max);
}

function isNonNegativeMoney(v: unknown): boolean {
  return v instanceof Decimal && v.isFinite() && !v.isNeg();
}

/**
 * Every field outside its allowed range; empty when the policy is usable. The ranges are wide
 * enough for any real contract and narrow enough to catch a typo (a "1.5" multiplier typed as
 * 15, a 0.05%/day rate typed as 5):
 * - grace 0..30 days; multiplier 1..2 (the PBoC rule is 1.3–1.5; 1 = the contract rate continues);
 * - daily rate 0..1 %/day (0.05 is typical; 1%/day is 365%/year);
 * - grace < report ≤ collection ≤ legal ≤ 3650 days: grace means "not reported", so reporting
 *   cannot start inside it; equal thresholds are allowed (a stage of zero length).
 */
export function validatePolicy(p: OverduePolicy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const bad = (field: string, allowed: string): void => {
    problems.push({ field, allowed });
  };

  const graceOk = isDayCount(p.graceDays, 0, 30);
  if (!graceOk) bad('graceDays', 'whole days 0..30');

  const penalty = p.penalty as PenaltyRule | undefined;
  if (penalty?.kind === 'multiplier') {
    if (!isDecimalIn(penalty.multiplier, 1, 2)) bad('penalty.multiplier', '1..2');
    if (typeof penalty.compoundOnInterest !== 'boolean') bad('penalty.compoundOnInterest', 'true or false');
  } else if (penalty?.kind === 'daily-rate') {
    if (!isDecimalIn(penalty.dailyPercent, 0, 1)) bad('penalty.dailyPercent', '0..1 (% per day)');
  } else {
    bad('penalty.kind', "'multiplier' or 'daily-rate'");
  }

  if (p.dayBasis !== 360 && p.dayBasis !== 365) bad('dayBasis', '360 or 365');

  const reportMin = graceOk ? p.graceDays + 1 : 1;
  const reportOk = isDayCount(p.reportAfterDays, reportMin, MAX_POLICY_DAYS);
  if (!reportOk) bad('reportAfterDays', `whole days ${reportMin}..${MAX_POLICY_DAYS} (after the grace period)`);
  const collectionMin = reportOk ? p.reportAfterDays : 1;
  const collectionOk = isDayCount(p.collectionAfterDays, collectionMin, MAX_POLICY_DAYS);
  if (!collectionOk) bad('collectionAfterDays', `whole days ${collectionMin}..${MAX_POLICY_DAYS} (not before reportAfterDays)`);
  const legalMin = collectionOk ? p.collectionAfterDays : 1;
  if (!isDayCount(p.legalAfterDays, legalMin, MAX_POLICY_DAYS)) {
    bad('legalAfterDays', `whole days ${legalMin}..${MAX_POLICY_DAYS} (not before collectionAfterDays)`);
  }

  const fee = p.lateFee;
  if (fee !== undefined) {
    if ('fixed' in fee) {
      if (!isNonNegativeMoney(fee.fixed)) bad('lateFee.fixed', 'an amount ≥ 0');
    } else {
      if (!isDecimalIn(fee.percentOfMinimum, 0, 100)) bad('lateFee.percentOfMinimum', '0..100 (%)');
      if (!isNonNegativeMoney(fee.floor)) bad('lateFee.floor', 'an amount ≥ 0');
    }
  }
  return problems;
}
