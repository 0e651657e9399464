import { storedAllocationOrder, type AllocationPart } from '../../src/domain/allocation-order.ts';
import { daysBetween, type IsoDate } from '../../src/domain/calendar.ts';
import { firstDueFrom } from '../../src/domain/first-due.ts';
import { defaultPresetFor, POLICY_PRESET_IDS } from '../../src/domain/overdue-policy.ts';
import { defaultRateUnit } from '../../src/domain/rates.ts';
import { REPAYMENT_METHODS } from '../../src/domain/schedule.ts';
import { parseAllocationOrder } from '../../src/parse/allocation-order.ts';
import { parseAmount } from '../../src/parse/amount.ts';
import { readDate } from '../../src/parse/date.ts';
import { parseDueDay } from '../../src/parse/due-day.ts';
import { parseFee } from '../../src/parse/fee.ts';
import { parseMethod } from '../../src/parse/method.ts';
import { parseName } from '../../src/parse/name.ts';
import { parsePeriods } from '../../src/parse/periods.ts';
import { parsePolicyOverrides } from '../../src/parse/policy-overrides.ts';
import { parsePrepaymentPercent } from '../../src/parse/prepayment.ts';
import { parseRate, readRate } from '../../src/parse/rate.ts';
import type { ParseError, ParseResult } from '../../src/parse/result.ts';
import { parseTimeZone } from '../../src/parse/time-zone.ts';
import {
  LENDER_KINDS,
  LOAN_QUESTIONS,
  withMethod,
  withRate,
  type LoanFormDraft,
  type LoanQuestion,
} from '../../src/services/loan-shapes.ts';

/*
 * The questions of the loan form (/addloan, /editloan) and how a typed answer changes the draft.
 * The draft itself, and what each method needs, is one of a loan's shapes (src/services/loan-shapes.ts).
 */

export type Draft = LoanFormDraft;

export const QUESTION_FIELDS = LOAN_QUESTIONS;
export const EXTRA_FIELDS = [
  'upfrontFee',
  'lenderKind',
  'dayBasis',
  'policyPreset',
  'policyOverrides',
  'prepaymentRule',
  'allocationOrder',
  'lenderTimeZone',
] as const;
export type Field = LoanQuestion | (typeof EXTRA_FIELDS)[number];

/** The extra fields the card's Edit offers: the early-repayment rule only matters for fee and flat plans. */
export function extraFields(draft: Draft): Field[] {
  return EXTRA_FIELDS.filter((field) => field !== 'prepaymentRule' || draft.method === 'fee' || draft.method === 'flat');
}

export const METHODS = REPAYMENT_METHODS;
export const PRESETS = POLICY_PRESET_IDS;
export { LENDER_KINDS };

/** What can be wrong with one answer; each has an `error-…` message in locales/. */
export type AnswerError =
  | ParseError
  | 'method-not-understood'
  | 'start-after-first-due'
  | 'choose-a-button'
  /** 总费率 8.8% before the number of installments is known: no monthly rate yet. */
  | 'rate-total-needs-periods'
  /** A payment order that names something that is not a part (`text`), a part twice or not all five (`parts`). */
  | 'allocation-part-unknown'
  | 'allocation-part-twice'
  | 'allocation-parts-missing';
/** A refused answer; `text` (what was not understood) and `parts` (the parts at fault) fill the message in. */
export type AnswerFailure = { ok: false; error: AnswerError; text?: string; parts?: readonly AllocationPart[] };
export type AnswerResult = { ok: true; value: Draft } | AnswerFailure;

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
    case 'rate': {
      // A total fee (总费率 8.8%) is spread over the installments: known only once they are.
      const reading = readRate(text);
      if (reading.ok && reading.value.total && draft.periods === undefined) return { ok: false, error: 'rate-total-needs-periods' };
      return lift(parseRate(text, defaultRateUnit(draft.method), draft.periods), (rate) => ok(withRate(draft, rate.percent, rate.unit)));
    }
    case 'periods':
      return lift(parsePeriods(text), (periods) => ok({ ...draft, periods }));
    case 'firstDue': {
      const dueDay = parseDueDay(text);
      if (dueDay.ok) {
        // "Every 15th": the first such day after the money arrived (or after today).
        return ok({ ...draft, firstDue: firstDueFrom(draft.startDate ?? today, dueDay.value), dueDay: dueDay.value });
      }
      // A first due date without a year (2月15日, Feb 15) is the next one; 15/02/2027 is day first.
      return lift(readDate(text, { today, prefer: 'future' }), ({ date: firstDue }) => {
        if (!datesInOrder(draft.startDate, firstDue)) return { ok: false, error: 'start-after-first-due' };
        const next: Draft = { ...draft, firstDue };
        delete next.dueDay;
        return ok(next);
      });
    }
    case 'startDate':
      // The day the money arrived is behind: 11月20日 is the last one, 昨天 works.
      return lift(readDate(text, { today, prefer: 'past' }), ({ date: startDate }) =>
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
    case 'allocationOrder': {
      // Typed: the contract's own order; the Civil Code order and principal first are also buttons.
      const order = parseAllocationOrder(text);
      if (order.ok) return ok({ ...draft, allocationOrder: storedAllocationOrder(order.value) });
      switch (order.error) {
        case 'allocation-part-unknown':
          return { ok: false, error: order.error, text: order.text };
        case 'allocation-part-twice':
          return { ok: false, error: order.error, parts: [order.part] };
        case 'allocation-parts-missing':
          return { ok: false, error: order.error, parts: order.parts };
        default:
          return { ok: false, error: order.error };
      }
    }
    case 'lenderTimeZone':
      return lift(parseTimeZone(text), (lenderTimeZone) => ok({ ...draft, lenderTimeZone }));
    case 'dayBasis':
    case 'lenderKind':
    case 'policyPreset':
      return { ok: false, error: 'choose-a-button' };
  }
}
