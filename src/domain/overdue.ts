import { addDays, daysBetween, type IsoDate } from './calendar.ts';
import { openParts, type OpenParts } from './installment-split.ts';
import { Decimal, ZERO, roundCents, sumMoney } from './money.ts';
import type { OverduePolicy } from './overdue-policy.ts';

/** Where an installment stands on a given day, from least to most serious (domain.md §3). */
export type OverdueStage = 'upcoming' | 'due-today' | 'grace' | 'overdue' | 'reported' | 'collection' | 'legal';

/** Every stage in order of seriousness; worstStage and comparisons use this order. */
export const OVERDUE_STAGES: readonly OverdueStage[] = ['upcoming', 'due-today', 'grace', 'overdue', 'reported', 'collection', 'legal'];

export function stageRank(stage: OverdueStage): number {
  return OVERDUE_STAGES.indexOf(stage);
}

export interface InstallmentForOverdue {
  n: number;
  due: IsoDate;
  principal: Decimal;
  interest: Decimal;
  fee: Decimal;
  /** Total paid towards this installment so far; covers fee → interest → principal (openParts). */
  paid: Decimal;
}

export interface StageStart {
  stage: OverdueStage;
  from: IsoDate;
}

export interface OverdueEvaluation {
  n: number;
  due: IsoDate;
  /** Days from the due date to today (the day after the due date is day 1); 0 when not past due. */
  daysPastDue: number;
  /** Past due but still within the grace period: paying now counts as on time. */
  inGrace: boolean;
  /** What is still open of the installment itself (without penalty or late fee). */
  open: Decimal;
  /** Penalty interest (罚息) to date; 0.00 until grace has ended. */
  penalty: Decimal;
  /** One-off late fee (违约金); 0.00 until grace has ended. */
  lateFee: Decimal;
  stage: OverdueStage;
  /**
   * The date each later stage starts: grace, overdue, reported, collection, legal, always all
   * five and in that order. A stage can have zero length (same `from` as the next one: no grace
   * when graceDays is 0; bank-cn reports the day grace ends, so 'overdue' and 'reported' share a
   * date); the stage on a day is the LAST one whose `from` has been reached.
   */
  stages: StageStart[];
  /** The next change: the date and the stage the installment will then be in. None once 'legal'. */
  nextStage?: StageStart;
}

export interface LoanOverdue {
  /** Only installments with something still open, oldest due first. */
  installments: OverdueEvaluation[];
  /** Open amount of every installment past its due date, grace included: it is owed now. */
  totalOverdue: Decimal;
  totalPenalty: Decimal;
  totalLateFee: Decimal;
  /** The most serious stage among the open installments; 'upcoming' when nothing is open. */
  worstStage: OverdueStage;
}

/**
 * Penalty interest for `days` days past due on what is still open (domain.md §3).
 * - multiplier (bank): penalty rate = contract annual × multiplier, daily = that / dayBasis, on
 *   the open principal; with compoundOnInterest the same rate on the open interest. Each part is
 *   rounded half-up to cents, then they are added (the §3 example: 11.83 + 1.50 = 13.33). Fees
 *   are not part of the base: the PBoC rule names principal and interest only.
 * - daily-rate (consumer/online): open total (fees included: "the whole overdue amount") ×
 *   dailyPercent / 100 × days, rounded half-up.
 * Multiplications come before the one division so e.g. 0.156 / 360 never gets cut short.
 * `paid` carries no dates, so the currently open parts are charged for all the days: if part was
 * paid late this overstates a little, which is the side a borrower can safely plan on.
 */
export function overduePenalty(open: OpenParts, contractAnnualRate: Decimal, policy: OverduePolicy, days: number): Decimal {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number ≥ 0: ${days}`);
  if (days === 0) return roundCents(ZERO);
  const rule = policy.penalty;
  if (rule.kind === 'multiplier') {
    const charge = (base: Decimal): Decimal =>
      roundCents(base.times(contractAnnualRate).times(rule.multiplier).times(days).div(policy.dayBasis));
    const onPrincipal = charge(open.principal);
    return rule.compoundOnInterest ? onPrincipal.plus(charge(open.interest)) : onPrincipal;
  }
  return roundCents(open.total.times(rule.dailyPercent).times(days).div(100));
}

/**
 * The one-off late fee once grace has ended. For a credit card the installment's open amount is
 * the unpaid part of what was due, so it stands for "the unpaid minimum payment" (domain.md §3:
 * often 5% of it, floor ¥10). Never part of any penalty base: no interest may be charged on it.
 */
export function lateFeeFor(openTotal: Decimal, policy: OverduePolicy): Decimal {
  const rule = policy.lateFee;
  if (rule === undefined) return roundCents(ZERO);
  if ('fixed' in rule) return roundCents(rule.fixed);
  return Decimal.max(roundCents(openTotal.times(rule.percentOfMinimum).div(100)), roundCents(rule.floor));
}

/**
 * Days past due on which each later stage starts. Each start is kept ≥ the one before, so even a
 * policy that failed validatePolicy gives ordered stages; grace is always days 1..graceDays.
 */
function stageStarts(policy: OverduePolicy): { stage: OverdueStage; day: number }[] {
  const overdue = Math.max(policy.graceDays, 0) + 1;
  const reported = Math.max(policy.reportAfterDays, overdue);
  const collection = Math.max(policy.collectionAfterDays, reported);
  const legal = Math.max(policy.legalAfterDays, collection);
  return [
    { stage: 'grace', day: 1 },
    { stage: 'overdue', day: overdue },
    { stage: 'reported', day: reported },
    { stage: 'collection', day: collection },
    { stage: 'legal', day: legal },
  ];
}

/** The last stage starting on or before `day` (a later stage wins over a zero-length one). */
function stageOnDay(starts: { stage: OverdueStage; day: number }[], day: number): OverdueStage {
  let stage: OverdueStage = 'due-today';
  for (const s of starts) if (s.day <= day) stage = s.stage;
  return stage;
}

/** Where an installment due on `due` stands on `today`, whatever is owed on it. */
export interface OverdueStanding {
  daysPastDue: number;
  inGrace: boolean;
  stage: OverdueStage;
  stages: StageStart[];
  nextStage?: StageStart;
}

/** The stage of an installment on `today` (a parameter: the domain has no clock) and when the next one starts. */
export function overdueStanding(due: IsoDate, policy: OverduePolicy, today: IsoDate): OverdueStanding {
  const days = daysBetween(due, today);
  const daysPastDue = Math.max(days, 0);
  const starts = stageStarts(policy);
  const stages = starts.map((s) => ({ stage: s.stage, from: addDays(due, s.day) }));
  let stage: OverdueStage;
  let nextStage: StageStart | undefined;
  if (days < 0) {
    stage = 'upcoming';
    nextStage = { stage: 'due-today', from: due };
  } else {
    stage = days === 0 ? 'due-today' : stageOnDay(starts, daysPastDue);
    const nextDay = starts.find((s) => s.day > daysPastDue)?.day;
    if (nextDay !== undefined) nextStage = { stage: stageOnDay(starts, nextDay), from: addDays(due, nextDay) };
  }
  const standing: OverdueStanding = { daysPastDue, inGrace: daysPastDue >= 1 && daysPastDue <= policy.graceDays, stage, stages };
  if (nextStage) standing.nextStage = nextStage;
  return standing;
}

/**
 * One installment on `today` as if nothing had been paid late: penalty on what is open now for
 * all the days past due. Penalty runs from the day after the due date; within grace
 * (daysPastDue ≤ graceDays) it shows 0.00 because paying now counts as on time; once grace has
 * ended it covers ALL days past due, grace days included (domain.md §3). What a borrower owes
 * after part payments is the ledger's business (loan-ledger.ts), which accrues day by day with
 * overduePenalty. A fully paid installment has nothing to evaluate: RangeError.
 */
export function evaluateInstallment(
  inst: InstallmentForOverdue,
  contractAnnualRate: Decimal,
  policy: OverduePolicy,
  today: IsoDate,
): OverdueEvaluation {
  if (!contractAnnualRate.isFinite() || contractAnnualRate.isNeg()) {
    throw new RangeError(`contract annual rate must be a fraction ≥ 0: ${contractAnnualRate.toString()}`);
  }
  const open = openParts(inst);
  if (!open.total.gt(0)) throw new RangeError(`installment ${inst.n} is fully paid: nothing to evaluate`);
  const standing = overdueStanding(inst.due, policy, today);
  const graceEnded = standing.daysPastDue > policy.graceDays;
  return {
    n: inst.n,
    due: inst.due,
    ...standing,
    open: open.total,
    penalty: graceEnded ? overduePenalty(open, contractAnnualRate, policy, standing.daysPastDue) : roundCents(ZERO),
    lateFee: graceEnded ? lateFeeFor(open.total, policy) : roundCents(ZERO),
  };
}

/** Every installment with something still open (fully paid ones are skipped), oldest due first. */
export function evaluateLoan(
  rows: InstallmentForOverdue[],
  contractAnnualRate: Decimal,
  policy: OverduePolicy,
  today: IsoDate,
): LoanOverdue {
  const installments = rows
    .filter((row) => openParts(row).total.gt(0))
    .sort((a, b) => daysBetween(b.due, a.due) || a.n - b.n)
    .map((row) => evaluateInstallment(row, contractAnnualRate, policy, today));
  let worstStage: OverdueStage = 'upcoming';
  for (const e of installments) if (stageRank(e.stage) > stageRank(worstStage)) worstStage = e.stage;
  return {
    installments,
    totalOverdue: sumMoney(installments.filter((e) => e.daysPastDue > 0).map((e) => e.open)),
    totalPenalty: sumMoney(installments.map((e) => e.penalty)),
    totalLateFee: sumMoney(installments.map((e) => e.lateFee)),
    worstStage,
  };
}
