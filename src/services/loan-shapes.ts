import { z } from 'zod';
import type { LoanRow, NewLoanRow } from '../db/loans-repo.ts';
import {
  ALLOCATION_PRESETS,
  allocationOrderOf,
  DEFAULT_ALLOCATION,
  isCompleteOrder,
  storedAllocationOrder,
  type AllocationPart,
} from '../domain/allocation-order.ts';
import type { IsoDate } from '../domain/calendar.ts';
import { Decimal, ZERO, toMoneyString } from '../domain/money.ts';
import { defaultPresetFor, POLICY_PRESET_IDS, type PolicyPresetId } from '../domain/overdue-policy.ts';
import type { PrepaymentRule } from '../domain/payoff.ts';
import type { StoredPolicyOverrides } from '../domain/policy-overrides.ts';
import { toMonthlyRate, type DayBasis, type RateUnit } from '../domain/rates.ts';
import { REPAYMENT_METHODS, type LoanTerms, type RepaymentMethod } from '../domain/schedule.ts';
import type { LoanLineTerms } from '../parse/loan-line.ts';

/*
 * A loan has a few shapes, and this is the one place they are converted:
 * - LoanRow (src/db): as stored, money as decimal strings, the contract's details as JSON;
 * - LoanInput: the terms as the borrower gave them, money as Decimal: what the use cases take;
 * - LoanTerms (src/domain): what the schedule engine needs, the rate converted to monthly;
 * - LoanFormDraft: a loan being entered in /addloan or /editloan, partial and JSON-safe;
 * - LoanLineTerms (src/parse): what a one-line /addloan stated.
 * The JSON columns and the form's stored draft are read through zod: a value this release could
 * not have written is refused loudly, never used as if it were right.
 */

export type LenderKind = 'licensed' | 'private';
export const LENDER_KINDS: readonly LenderKind[] = ['licensed', 'private'];
const RATE_UNITS = ['annual', 'monthly', 'daily', 'monthly-fee'] as const satisfies readonly RateUnit[];
const dayBasis = z.union([z.literal(360), z.literal(365)]);
const decimalText = z.string().regex(/^-?\d+(\.\d+)?$/);
const moneyText = z.string().regex(/^\d+\.\d{2}$/);

/** The overdue rules a contract changes from its preset (loans.policy_overrides). */
export const storedPolicyOverridesSchema = z.object({
  graceDays: z.number().int().min(0).optional(),
  multiplier: decimalText.optional(),
  dailyPercent: decimalText.optional(),
  dayBasis: dayBasis.optional(),
  reportAfterDays: z.number().int().min(0).optional(),
  lateFee: decimalText.optional(),
}) satisfies z.ZodType<StoredPolicyOverrides>;

/** A fee plan's early-repayment rule as stored in loans.prepayment_rule (JSON, the percent as a string). */
export const storedPrepaymentRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('waive-remaining-fees') }),
  z.object({ kind: z.literal('charge-remaining-fees') }),
  z.object({ kind: z.literal('percent-of-principal'), percent: decimalText }),
]);
export type StoredPrepaymentRule = z.infer<typeof storedPrepaymentRuleSchema>;

/** Everything that defines a loan, as the borrower gave it. */
export interface LoanInput {
  name: string;
  principal: Decimal;
  method: RepaymentMethod;
  rate: { percent: Decimal; unit: RateUnit };
  periods: number;
  firstDue: IsoDate;
  /** Day of the month the contract names, when the first due date was clamped (31 → 28 Feb). */
  dueDay?: number | undefined;
  startDate?: IsoDate | undefined;
  dayBasis?: DayBasis | undefined;
  upfrontFee?: Decimal | undefined;
  oneTimeFee?: Decimal | undefined;
  lenderKind?: LenderKind | undefined;
  policyPreset?: PolicyPresetId | undefined;
  prepaymentRule?: StoredPrepaymentRule | undefined;
  policyOverrides?: StoredPolicyOverrides | undefined;
  /** The order a payment covers late fee, penalty, fee, interest and principal; unset = Civil Code Art. 561. */
  allocationOrder?: readonly AllocationPart[] | undefined;
  /** The lender's time zone (an IANA id): due dates are its dates. Unset = the bot's DEFAULT_TIMEZONE. */
  lenderTimeZone?: string | undefined;
}

/** A stored allocation order this release writes: a preset id, or the five parts joined by commas. */
const storedAllocationOrderText = z
  .string()
  .refine((text) => text in ALLOCATION_PRESETS || isCompleteOrder(text.split(',')), { message: 'not an allocation order' });

/** The loan being entered, as the form keeps it between messages. */
export const loanFormDraftSchema = z.object({
  /** Set when the form edits an existing loan. */
  loanId: z.number().int().positive().optional(),
  name: z.string().optional(),
  principal: moneyText.optional(),
  method: z.enum(REPAYMENT_METHODS).optional(),
  ratePercent: decimalText.optional(),
  rateUnit: z.enum(RATE_UNITS).optional(),
  periods: z.number().int().positive().optional(),
  firstDue: z.iso.date().optional(),
  /** Set when the borrower gave a day of the month ("15号", "day 31") instead of a date. */
  dueDay: z.number().int().min(1).max(31).optional(),
  startDate: z.iso.date().optional(),
  oneTimeFee: moneyText.optional(),
  upfrontFee: moneyText.optional(),
  lenderKind: z.enum(LENDER_KINDS).optional(),
  policyPreset: z.enum(POLICY_PRESET_IDS).optional(),
  /** Fee and flat plans: what paying off early costs. */
  prepaymentRule: storedPrepaymentRuleSchema.optional(),
  /** Changes to the preset's overdue rules that the contract makes (grace days, penalty, …). */
  policyOverrides: storedPolicyOverridesSchema.optional(),
  /** Days in a year for daily and bullet interest: 360 unless the contract says 365. */
  dayBasis: dayBasis.optional(),
  /** How a payment covers the parts owed, in its stored form ('civil-code', 'principal-first', or the five parts). */
  allocationOrder: storedAllocationOrderText.optional(),
  /** The lender's time zone, an IANA id; unset = the bot's default zone. */
  lenderTimeZone: z.string().min(1).optional(),
});
export type LoanFormDraft = z.infer<typeof loanFormDraftSchema>;

/** What a loan of some method needs to be known, in the order the form asks for it. */
export const LOAN_QUESTIONS = ['name', 'principal', 'method', 'rate', 'oneTimeFee', 'periods', 'startDate', 'firstDue'] as const;
export type LoanQuestion = (typeof LOAN_QUESTIONS)[number];

/**
 * Which terms this draft still needs, by its method: a bullet loan has no installments but needs
 * the date the money arrived; a buy-now-pay-later plan has a fee, not a rate.
 */
export function questionsFor(draft: LoanFormDraft): LoanQuestion[] {
  const base: LoanQuestion[] = ['name', 'principal', 'method'];
  switch (draft.method) {
    case 'bullet':
      return [...base, 'rate', 'startDate', 'firstDue'];
    case 'bnpl':
      return [...base, 'oneTimeFee', 'firstDue'];
    default:
      return [...base, 'rate', 'periods', 'firstDue'];
  }
}

function answered(draft: LoanFormDraft, question: LoanQuestion): boolean {
  if (question === 'rate') return draft.ratePercent !== undefined && draft.rateUnit !== undefined;
  return draft[question] !== undefined;
}

export function nextQuestion(draft: LoanFormDraft): LoanQuestion | undefined {
  return questionsFor(draft).find((question) => !answered(draft, question));
}

/** Picking a method fixes what it implies: one payment for bullet and BNPL, no rate for BNPL. */
export function withMethod(draft: LoanFormDraft, method: RepaymentMethod): LoanFormDraft {
  const next: LoanFormDraft = { ...draft, method };
  if (method === 'bullet' || method === 'bnpl') next.periods = 1;
  else if (draft.method === 'bullet' || draft.method === 'bnpl') delete next.periods;
  if (method === 'bnpl') {
    next.ratePercent = '0';
    next.rateUnit = 'annual';
  } else if (draft.method === 'bnpl') {
    delete next.ratePercent;
    delete next.rateUnit;
  }
  // A monthly fee rate belongs to a fee plan; another method asks for its rate again.
  if (method !== 'fee' && next.rateUnit === 'monthly-fee') {
    delete next.ratePercent;
    delete next.rateUnit;
  }
  return next;
}

export function withRate(draft: LoanFormDraft, percent: Decimal, unit: RateUnit): LoanFormDraft {
  const next: LoanFormDraft = { ...draft, ratePercent: percent.toFixed(), rateUnit: unit };
  // "月费率 0.6%" is how fee plans are quoted: the rate says what kind of plan this is.
  if (unit === 'monthly-fee' && draft.method !== 'fee') return withMethod(next, 'fee');
  return next;
}

/** A one-line /addloan: what it stated, as the start of the form. */
export function draftFromLine(read: Partial<LoanLineTerms>): LoanFormDraft {
  let draft: LoanFormDraft = {};
  if (read.name !== undefined) draft.name = read.name;
  if (read.principal !== undefined) draft.principal = read.principal.toFixed(2);
  if (read.method !== undefined) draft = withMethod(draft, read.method);
  if (read.rate !== undefined) draft = withRate(draft, read.rate.percent, read.rate.unit);
  if (read.periods !== undefined && draft.method !== 'bullet' && draft.method !== 'bnpl') draft.periods = read.periods;
  if (read.firstDue !== undefined) draft.firstDue = read.firstDue;
  // "每月31号": the contract's day, so a first due date clamped to the 30th comes back to the 31st.
  if (read.dueDay !== undefined) draft.dueDay = read.dueDay;
  return draft;
}

/** The terms of a complete draft; undefined while a question is unanswered. */
export function inputFromDraft(draft: LoanFormDraft): LoanInput | undefined {
  const { name, principal, method, ratePercent, rateUnit, periods, firstDue } = draft;
  if (nextQuestion(draft) !== undefined) return undefined;
  if (!name || !principal || !method || !ratePercent || !rateUnit || !periods || !firstDue) return undefined;
  return {
    name,
    principal: new Decimal(principal),
    method,
    rate: { percent: new Decimal(ratePercent), unit: rateUnit },
    periods,
    firstDue,
    dueDay: draft.dueDay,
    startDate: draft.startDate,
    oneTimeFee: draft.oneTimeFee === undefined ? undefined : new Decimal(draft.oneTimeFee),
    upfrontFee: draft.upfrontFee === undefined ? undefined : new Decimal(draft.upfrontFee),
    lenderKind: draft.lenderKind,
    policyPreset: draft.policyPreset,
    prepaymentRule: draft.prepaymentRule,
    policyOverrides: draft.policyOverrides,
    dayBasis: draft.dayBasis,
    allocationOrder: draft.allocationOrder === undefined ? undefined : allocationOrderOf(draft.allocationOrder),
    lenderTimeZone: draft.lenderTimeZone,
  };
}

// Made once: building a zod schema costs more than parsing with it, and every reminder reads its
// loans' rules through inputFromRow (overdueRulesOf).
const repaymentMethodSchema = z.enum(REPAYMENT_METHODS);
const rateUnitSchema = z.enum(RATE_UNITS);
const lenderKindSchema = z.enum(LENDER_KINDS);
const policyPresetSchema = z.enum(POLICY_PRESET_IDS);

/**
 * schema.parse(value, { error }): a value that does not fit throws with that message. A value
 * that fits is parsed without the parameter, which zod otherwise pays for on every call (a
 * context made per parse: 1–2 µs, more than the parse itself).
 */
function checked<T extends z.ZodType>(schema: T, value: unknown, error: () => string): z.output<T> {
  const quick = schema.safeParse(value);
  return quick.success ? quick.data : schema.parse(value, { error });
}

/** A stored loan's terms, its JSON columns and enumerations checked. */
export function inputFromRow(loan: LoanRow): LoanInput {
  const where = `loan ${loan.id}`;
  return {
    name: loan.name,
    principal: new Decimal(loan.principal),
    method: checked(repaymentMethodSchema, loan.method, () => `${where}: unknown method`),
    rate: { percent: new Decimal(loan.ratePercent), unit: rateUnitSchema.parse(loan.rateUnit) },
    periods: loan.periods,
    firstDue: loan.firstDue,
    dueDay: loan.dueDay ?? undefined,
    startDate: loan.startDate ?? undefined,
    dayBasis: dayBasis.parse(loan.dayBasis),
    upfrontFee: new Decimal(loan.upfrontFee),
    oneTimeFee: new Decimal(loan.oneTimeFee),
    lenderKind: lenderKindSchema.parse(loan.lenderKind),
    policyPreset: policyPresetSchema.parse(loan.policyPreset),
    prepaymentRule: prepaymentRuleOf(loan),
    policyOverrides: policyOverridesOf(loan),
    allocationOrder: allocationOrderOf(loan.allocationOrder),
    lenderTimeZone: loan.lenderTimeZone ?? undefined,
  };
}

function policyOverridesOf(loan: Pick<LoanRow, 'id' | 'policyOverrides'>): StoredPolicyOverrides {
  return checked(storedPolicyOverridesSchema, loan.policyOverrides, () => `loan ${loan.id}: policy_overrides is not valid`);
}

function prepaymentRuleOf(loan: Pick<LoanRow, 'id' | 'prepaymentRule'>): StoredPrepaymentRule | undefined {
  if (loan.prepaymentRule === null) return undefined;
  return checked(storedPrepaymentRuleSchema, loan.prepaymentRule, () => `loan ${loan.id}: prepayment_rule is not valid`);
}

/** The rule as the payoff engine reads it: the percent as a Decimal. */
export function prepaymentRuleForPayoff(rule: StoredPrepaymentRule): PrepaymentRule {
  return rule.kind === 'percent-of-principal' ? { kind: rule.kind, percent: new Decimal(rule.percent) } : rule;
}

/** An existing loan as the form starts from when it is edited. */
export function draftFromRow(loan: LoanRow): LoanFormDraft {
  const input = inputFromRow(loan);
  const draft: LoanFormDraft = {
    loanId: loan.id,
    name: loan.name,
    principal: loan.principal,
    method: input.method,
    ratePercent: loan.ratePercent,
    rateUnit: input.rate.unit,
    periods: loan.periods,
    firstDue: loan.firstDue,
    upfrontFee: loan.upfrontFee,
    oneTimeFee: loan.oneTimeFee,
    ...(input.lenderKind && { lenderKind: input.lenderKind }),
    ...(input.policyPreset && { policyPreset: input.policyPreset }),
    dayBasis: input.dayBasis === 365 ? 365 : 360,
  };
  if (input.startDate) draft.startDate = input.startDate;
  if (input.dueDay !== undefined) draft.dueDay = input.dueDay;
  if (input.prepaymentRule) draft.prepaymentRule = input.prepaymentRule;
  if (input.policyOverrides && Object.keys(input.policyOverrides).length > 0) draft.policyOverrides = input.policyOverrides;
  if (input.allocationOrder) draft.allocationOrder = storedAllocationOrder(input.allocationOrder);
  if (input.lenderTimeZone !== undefined) draft.lenderTimeZone = input.lenderTimeZone;
  return draft;
}

/** The columns a loan's terms are stored in. */
export function columnsFromInput(input: LoanInput): Omit<NewLoanRow, 'userId' | 'createdAt'> {
  return {
    name: input.name,
    principal: toMoneyString(input.principal),
    method: input.method,
    ratePercent: input.rate.percent.toFixed(),
    rateUnit: input.rate.unit,
    periods: input.periods,
    firstDue: input.firstDue,
    dueDay: input.dueDay ?? null,
    startDate: input.startDate ?? null,
    dayBasis: input.dayBasis ?? 360,
    upfrontFee: toMoneyString(input.upfrontFee ?? ZERO),
    oneTimeFee: toMoneyString(input.oneTimeFee ?? ZERO),
    lenderKind: input.lenderKind ?? 'licensed',
    policyPreset: input.policyPreset ?? defaultPresetFor(input.method),
    prepaymentRule: input.prepaymentRule ?? null,
    policyOverrides: input.policyOverrides ?? {},
    allocationOrder: storedAllocationOrder(input.allocationOrder ?? ALLOCATION_PRESETS[DEFAULT_ALLOCATION]),
    lenderTimeZone: input.lenderTimeZone ?? null,
  };
}

/** What the schedule engine needs: the rate converted to monthly on the loan's day count. */
export function termsFromInput(input: LoanInput): LoanTerms {
  const days = input.dayBasis ?? 360;
  return {
    principal: input.principal,
    method: input.method,
    monthlyRate: toMonthlyRate(input.rate.percent, input.rate.unit, days),
    periods: input.periods,
    firstDue: input.firstDue,
    dayBasis: days,
    ...(input.dueDay !== undefined && { dueDay: input.dueDay }),
    ...(input.startDate !== undefined && { start: input.startDate }),
    ...(input.oneTimeFee !== undefined && { oneTimeFee: input.oneTimeFee }),
  };
}
