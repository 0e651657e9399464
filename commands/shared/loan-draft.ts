import { daysBetween, type IsoDate } from '../../src/domain/calendar.ts';
import { firstDueFrom } from '../../src/domain/first-due.ts';
import { Decimal } from '../../src/domain/money.ts';
import { defaultPresetFor, POLICY_PRESETS, type PolicyPresetId } from '../../src/domain/overdue-policy.ts';
import { defaultRateUnit, type RateUnit } from '../../src/domain/rates.ts';
import { REPAYMENT_METHODS, type RepaymentMethod } from '../../src/domain/schedule.ts';
import { parseAmount } from '../../src/parse/amount.ts';
import { parseDate } from '../../src/parse/date.ts';
import { parseDueDay } from '../../src/parse/due-day.ts';
import { parseFee } from '../../src/parse/fee.ts';
import type { LoanDraft } from '../../src/parse/loan-line.ts';
import { parseMethod } from '../../src/parse/method.ts';
import { parseName } from '../../src/parse/name.ts';
import { parsePeriods } from '../../src/parse/periods.ts';
import { parsePolicyOverrides } from '../../src/parse/policy-overrides.ts';
import { parsePrepaymentPercent } from '../../src/parse/prepayment.ts';
import { parseRate } from '../../src/parse/rate.ts';
import type { ParseError, ParseResult } from '../../src/parse/result.ts';
import type { StoredPolicyOverrides } from '../../src/domain/policy-overrides.ts';
import type { LenderKind, LoanInput, StoredPrepaymentRule } from '../../src/services/loans.ts';

/*
 * The loan being entered in /addloan (or edited), as stored in form_states: JSON-safe, money as
 * decimal strings. Which questions a loan needs depends on its method: a bullet loan has no
 * installments but needs the date the money arrived; a buy-now-pay-later plan has a fee, not a rate.
 */

export interface Draft {
  /** Set when the form edits an existing loan. */
  loanId?: number;
  name?: string;
  principal?: string;
  method?: RepaymentMethod;
  ratePercent?: string;
  rateUnit?: RateUnit;
  periods?: number;
  firstDue?: string;
  /** Set when the borrower gave a day of the month ("15号", "day 31") instead of a date. */
  dueDay?: number;
  startDate?: string;
  oneTimeFee?: string;
  upfrontFee?: string;
  lenderKind?: LenderKind;
  policyPreset?: PolicyPresetId;
  /** Fee and flat plans: what paying off early costs (stored as JSON, the percent as a string). */
  prepaymentRule?: StoredPrepaymentRule;
  /** Changes to the preset's overdue rules that the contract makes (grace days, penalty, …). */
  policyOverrides?: StoredPolicyOverrides;
  /** Days in a year for daily and bullet interest: 360 unless the contract says 365. */
  dayBasis?: 360 | 365;
}

export const QUESTION_FIELDS = ['name', 'principal', 'method', 'rate', 'oneTimeFee', 'periods', 'startDate', 'firstDue'] as const;
export const EXTRA_FIELDS = ['upfrontFee', 'lenderKind', 'dayBasis', 'policyPreset', 'policyOverrides', 'prepaymentRule'] as const;
export type Field = (typeof QUESTION_FIELDS)[number] | (typeof EXTRA_FIELDS)[number];

/** The extra fields the card's Edit offers: the early-repayment rule only matters for fee and flat plans. */
export function extraFields(draft: Draft): Field[] {
  return EXTRA_FIELDS.filter((field) => field !== 'prepaymentRule' || draft.method === 'fee' || draft.method === 'flat');
}

export const METHODS = REPAYMENT_METHODS;
export const PRESETS = Object.keys(POLICY_PRESETS) as PolicyPresetId[];
export const LENDER_KINDS: LenderKind[] = ['licensed', 'private'];

/** The questions this draft must answer, in order. */
export function requiredFields(draft: Draft): Field[] {
  const base: Field[] = ['name', 'principal', 'method'];
  switch (draft.method) {
    case 'bullet':
      return [...base, 'rate', 'startDate', 'firstDue'];
    case 'bnpl':
      return [...base, 'oneTimeFee', 'firstDue'];
    default:
      return [...base, 'rate', 'periods', 'firstDue'];
  }
}

function has(draft: Draft, field: Field): boolean {
  if (field === 'rate') return draft.ratePercent !== undefined && draft.rateUnit !== undefined;
  return draft[field] !== undefined;
}

export function nextMissing(draft: Draft): Field | undefined {
  return requiredFields(draft).find((field) => !has(draft, field));
}

/** Picking a method fixes what it implies: one payment for bullet and BNPL, no rate for BNPL. */
export function withMethod(draft: Draft, method: RepaymentMethod): Draft {
  const next: Draft = { ...draft, method };
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

export function withRate(draft: Draft, percent: Decimal, unit: RateUnit): Draft {
  const next: Draft = { ...draft, ratePercent: percent.toString(), rateUnit: unit };
  // "月费率 0.6%" is how fee plans are quoted: the rate says what kind of plan this is.
  if (unit === 'monthly-fee' && draft.method !== 'fee') return withMethod(next, 'fee');
  return next;
}

export function draftFromLine(read: Partial<LoanDraft>): Draft {
  let draft: Draft = {};
  if (read.name !== undefined) draft.name = read.name;
  if (read.principal !== undefined) draft.principal = read.principal.toFixed(2);
  if (read.method !== undefined) draft = withMethod(draft, read.method);
  if (read.rate !== undefined) draft = withRate(draft, read.rate.percent, read.rate.unit);
  if (read.periods !== undefined && draft.method !== 'bullet' && draft.method !== 'bnpl') draft.periods = read.periods;
  if (read.firstDue !== undefined) draft.firstDue = read.firstDue;
  return draft;
}

export function toInput(draft: Draft): LoanInput | undefined {
  if (nextMissing(draft) !== undefined) return undefined;
  return {
    name: draft.name as string,
    principal: new Decimal(draft.principal as string),
    method: draft.method as RepaymentMethod,
    rate: { percent: new Decimal(draft.ratePercent as string), unit: draft.rateUnit as RateUnit },
    periods: draft.periods as number,
    firstDue: draft.firstDue as string,
    dueDay: draft.dueDay,
    startDate: draft.startDate,
    oneTimeFee: draft.oneTimeFee === undefined ? undefined : new Decimal(draft.oneTimeFee),
    upfrontFee: draft.upfrontFee === undefined ? undefined : new Decimal(draft.upfrontFee),
    lenderKind: draft.lenderKind,
    policyPreset: draft.policyPreset,
    prepaymentRule: draft.prepaymentRule,
    policyOverrides: draft.policyOverrides,
    dayBasis: draft.dayBasis,
  };
}

/** What can be wrong with one answer; each has an `error-…` message in locales/. */
export type AnswerError = ParseError | 'method-not-understood' | 'start-after-first-due' | 'choose-a-button';
export type AnswerResult = { ok: true; value: Draft } | { ok: false; error: AnswerError };

function datesInOrder(start: string | undefined, firstDue: string | undefined): boolean {
  return start === undefined || firstDue === undefined || daysBetween(start, firstDue) > 0;
}

/** Reads a typed answer to `field`. */
export function applyAnswer(field: Field, draft: Draft, text: string, today: IsoDate): AnswerResult {
  const lift = <T>(result: ParseResult<T>, apply: (value: T) => AnswerResult): AnswerResult => (result.ok ? apply(result.value) : result);
  const ok = (value: Draft): AnswerResult => ({ ok: true, value });
  switch (field) {
    case 'name':
      return lift(parseName(text), (name) => ok({ ...draft, name }));
    case 'principal':
      return lift(parseAmount(text), (amount) =>
        draft.upfrontFee !== undefined && amount.lte(draft.upfrontFee)
          ? { ok: false, error: 'fee-too-large' }
          : ok({ ...draft, principal: amount.toFixed(2) }),
      );
    case 'method': {
      const method = parseMethod(text);
      return method ? ok(withMethod(draft, method)) : { ok: false, error: 'method-not-understood' };
    }
    case 'rate':
      return lift(parseRate(text, defaultRateUnit(draft.method)), (rate) => ok(withRate(draft, rate.percent, rate.unit)));
    case 'periods':
      return lift(parsePeriods(text), (periods) => ok({ ...draft, periods }));
    case 'firstDue': {
      const dueDay = parseDueDay(text);
      if (dueDay.ok) {
        // "Every 15th": the first such day after the money arrived (or after today).
        return ok({ ...draft, firstDue: firstDueFrom(draft.startDate ?? today, dueDay.value), dueDay: dueDay.value });
      }
      return lift(parseDate(text), (firstDue) => {
        if (!datesInOrder(draft.startDate, firstDue)) return { ok: false, error: 'start-after-first-due' };
        const next: Draft = { ...draft, firstDue };
        delete next.dueDay;
        return ok(next);
      });
    }
    case 'startDate':
      return lift(parseDate(text), (startDate) =>
        datesInOrder(startDate, draft.firstDue) ? ok({ ...draft, startDate }) : { ok: false, error: 'start-after-first-due' },
      );
    case 'oneTimeFee':
      return lift(parseFee(text, draft.principal), (fee) => ok({ ...draft, oneTimeFee: fee.toFixed(2) }));
    case 'upfrontFee':
      return lift(parseFee(text, draft.principal), (fee) => ok({ ...draft, upfrontFee: fee.toFixed(2) }));
    case 'prepaymentRule': {
      // Typed: a percentage of the remaining principal ("3%"); the two other rules are buttons.
      return lift(parsePrepaymentPercent(text), (percent) => ok({ ...draft, prepaymentRule: { kind: 'percent-of-principal', percent } }));
    }
    case 'policyOverrides': {
      const parsed = parsePolicyOverrides(
        text,
        draft.policyPreset ?? defaultPresetFor(draft.method ?? 'annuity'),
        draft.policyOverrides ?? {},
      );
      return lift(parsed, (policyOverrides) => ok({ ...draft, policyOverrides }));
    }
    case 'dayBasis':
    case 'lenderKind':
    case 'policyPreset':
      return { ok: false, error: 'choose-a-button' };
  }
}
