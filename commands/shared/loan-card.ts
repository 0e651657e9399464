import { zoneName } from '../../src/i18n/zone-names.ts';
import type { CommandContext } from '../../src/core/types.ts';
import { ALLOCATION_PRESETS, allocationPresetOf, DEFAULT_ALLOCATION, type AllocationPart } from '../../src/domain/allocation-order.ts';
import type { IsoDate } from '../../src/domain/calendar.ts';
import { Decimal, roundCents } from '../../src/domain/money.ts';
import { defaultPresetFor, type OverduePolicy } from '../../src/domain/overdue-policy.ts';
import { policyFrom } from '../../src/domain/policy-overrides.ts';
import { formatPercent } from '../../src/i18n/format.ts';
import { previewLoan, type LoanInput } from '../../src/services/loans.ts';
import { date, methodName, money, rateText } from './loan-text.ts';

/** Annuity and fee plans pay the same every month except a last one that absorbs the rounding. */
function paymentLine(ctx: CommandContext, payments: Decimal[]): string {
  const first = payments[0] as Decimal;
  const last = payments[payments.length - 1] as Decimal;
  if (payments.length === 1) return ctx.t('addloan-card-payment-single', { amount: money(ctx, first) });
  const allButLastEqual = payments.slice(0, -1).every((payment) => payment.eq(first));
  if (allButLastEqual && last.eq(first)) return ctx.t('addloan-card-payment-same', { amount: money(ctx, first) });
  if (allButLastEqual) return ctx.t('addloan-card-payment-last-differs', { amount: money(ctx, first), last: money(ctx, last) });
  return ctx.t('addloan-card-payment-varies', { first: money(ctx, first), last: money(ctx, last) });
}

/** The overdue rules in numbers, so the borrower can compare them with the contract. */
function policyDetails(ctx: CommandContext, policy: OverduePolicy): string {
  const penalty =
    policy.penalty.kind === 'multiplier'
      ? ctx.t('policy-penalty-multiplier', { multiplier: policy.penalty.multiplier.toString() })
      : ctx.t('policy-penalty-daily', { rate: formatPercent(ctx.locale, policy.penalty.dailyPercent) });
  const fee = policy.lateFee;
  const lateFee = !fee
    ? 'none'
    : 'fixed' in fee
      ? money(ctx, fee.fixed)
      : ctx.t('policy-late-fee-percent', { percent: formatPercent(ctx.locale, fee.percentOfMinimum), floor: money(ctx, fee.floor) });
  return ctx.t('addloan-card-policy-details', { grace: policy.graceDays, penalty, report: policy.reportAfterDays, lateFee });
}

/** Warnings about the true cost; repaybot warns, it does not judge legality (domain.md §2). */
export function aprWarnings(ctx: CommandContext, exactApr: Decimal, lenderKind: string | undefined): string[] {
  // Compare what the borrower sees: cent rounding lifts a 24% loan's IRR to 24.00006%.
  const apr = exactApr.toDecimalPlaces(2);
  const lines: string[] = [];
  if (apr.gt(36)) lines.push(ctx.t('apr-warning-36'));
  else if (apr.gt(24)) lines.push(ctx.t('apr-warning-24'));
  if (lenderKind === 'private') {
    const { percent, since } = ctx.services.lpr;
    const cap = percent.times(4);
    lines.push(
      ctx.t(apr.gt(cap) ? 'apr-private-above-cap' : 'apr-private-within-cap', {
        cap: formatPercent(ctx.locale, cap, 2),
        lpr: formatPercent(ctx.locale, percent, 2),
        since,
      }),
    );
  }
  return lines;
}

/** "late fee → penalty interest → fees → interest → principal", in the reader's language. */
export function allocationOrderText(ctx: CommandContext, order: readonly AllocationPart[]): string {
  return order.map((part) => ctx.t(`allocation-part-${part}`)).join(' → ');
}

/** Which order the loan's payments cover its parts in, and why: the law's default or the contract. */
function allocationLine(ctx: CommandContext, order: readonly AllocationPart[] | undefined): string {
  const parts = order ?? ALLOCATION_PRESETS[DEFAULT_ALLOCATION];
  return ctx.t(`addloan-card-allocation-${allocationPresetOf(parts)}`, { order: allocationOrderText(ctx, parts) });
}

/** Whose dates the due dates are: the lender's zone, and the borrower's when it is another. */
function lenderZoneLine(ctx: CommandContext, lenderTimeZone: string | undefined): string {
  const zone = lenderTimeZone ?? ctx.services.defaultTimeZone;
  if (zone === ctx.user.timeZone) return ctx.t('addloan-card-lender-zone', { zone: zoneName(ctx.t, ctx.locale, zone) });
  return ctx.t('addloan-card-lender-zone-differs', {
    zone: zoneName(ctx.t, ctx.locale, zone),
    yours: zoneName(ctx.t, ctx.locale, ctx.user.timeZone),
  });
}

/** What the card says about how a one-line /addloan was read (parseLoanLine's result). */
export interface LineReading {
  /** The number the amount was taken from, as typed. */
  amountFrom?: string | undefined;
  /** Pieces of the line that were not used. */
  unread: readonly string[];
}

/** Places formatPercent shows; a monthly fee with more is a total fee spread over the periods. */
const SHOWN_PERCENT_PLACES = 4;

/**
 * A fee plan quoted by its total (总费率 8.8% over 12 = 0.7333…% a month): the total as a
 * percentage of the principal, when the monthly figure cannot be shown exactly. Undefined for
 * a monthly fee the card can show as it is (0.6%).
 */
export function totalFeePercent(input: LoanInput): Decimal | undefined {
  if (input.method !== 'fee' || input.rate.unit !== 'monthly-fee') return undefined;
  if (input.rate.percent.decimalPlaces() <= SHOWN_PERCENT_PLACES) return undefined;
  // 8.8 / 12 × 12 is 8.79999…96 in 40 digits; 30 places restore the quote.
  const total = input.rate.percent.times(input.periods).toDecimalPlaces(30);
  return total.decimalPlaces() <= SHOWN_PERCENT_PLACES ? total : undefined;
}

function rateLine(ctx: CommandContext, input: LoanInput): string {
  const rate = rateText(ctx, input.rate.percent, input.rate.unit);
  const total = totalFeePercent(input);
  if (total === undefined) return ctx.t('addloan-card-rate', { rate });
  return ctx.t('addloan-card-rate-total', { total: formatPercent(ctx.locale, total), periods: input.periods, rate });
}

/**
 * The summary a borrower checks before saving: terms, what it costs, and the true annual rate.
 * `assumePaidBefore`: a new loan counts installments due before this date as paid, and says so.
 * `line`: the card right after a one-line /addloan says which number was the amount and what
 * it did not use.
 */
export function loanCardText(
  ctx: CommandContext,
  input: LoanInput,
  titleKey: string,
  assumePaidBefore?: IsoDate,
  line?: LineReading,
): string {
  const { summary, apr, effectiveRate, rows } = previewLoan(input);
  const amount = money(ctx, input.principal);
  const lines = [
    ctx.t(titleKey),
    ctx.t('addloan-card-name', { name: input.name }),
    line?.amountFrom === undefined
      ? ctx.t('addloan-card-principal', { amount })
      : ctx.t('addloan-card-principal-read', { amount, text: line.amountFrom }),
  ];
  const upfront = input.upfrontFee ?? new Decimal(0);
  if (upfront.gt(0)) {
    lines.push(ctx.t('addloan-card-upfront', { fee: money(ctx, upfront), received: money(ctx, input.principal.minus(upfront)) }));
  }
  if (input.lenderKind === 'private') lines.push(ctx.t('addloan-card-private'));
  lines.push(ctx.t('addloan-card-method', { method: methodName(ctx, input.method) }));
  if (input.method === 'bnpl') {
    lines.push(ctx.t('addloan-card-one-time-fee', { amount: money(ctx, input.oneTimeFee ?? new Decimal(0)) }));
  } else {
    lines.push(rateLine(ctx, input));
  }
  if (input.startDate) lines.push(ctx.t('addloan-card-start', { date: date(ctx, input.startDate) }));
  if (input.dayBasis === 365) lines.push(ctx.t('addloan-card-day-basis-365'));
  if (rows.length > 1) lines.push(ctx.t('addloan-card-periods', { periods: input.periods }));
  lines.push(ctx.t(rows.length > 1 ? 'addloan-card-first-due' : 'addloan-card-due', { date: date(ctx, input.firstDue) }));
  lines.push(lenderZoneLine(ctx, input.lenderTimeZone), '');
  lines.push(
    paymentLine(
      ctx,
      rows.map((row) => row.payment),
    ),
  );
  if (summary.totalInterest.gt(0)) lines.push(ctx.t('addloan-card-interest', { amount: money(ctx, summary.totalInterest) }));
  if (summary.totalFees.gt(0)) lines.push(ctx.t('addloan-card-fees', { amount: money(ctx, summary.totalFees) }));
  const totalFee = totalFeePercent(input);
  if (totalFee !== undefined) {
    // Each installment's fee is rounded to the cent (domain.md §1), so 8.8% of 10,000 comes to
    // 73.33 × 12 = 879.96, not 880.00: say so rather than let the two figures disagree silently.
    const quoted = roundCents(input.principal.times(totalFee).div(100));
    if (!quoted.eq(summary.totalFees)) {
      lines.push(ctx.t('addloan-card-total-fee-rounded', { actual: money(ctx, summary.totalFees), expected: money(ctx, quoted) }));
    }
  }
  lines.push(ctx.t('addloan-card-total', { amount: money(ctx, summary.totalPayments) }));
  if (rows.length > 1) lines.push(ctx.t('addloan-card-last-due', { date: date(ctx, summary.lastDue) }));
  lines.push(
    ctx.t('addloan-card-apr', { apr: formatPercent(ctx.locale, apr, 2), effective: formatPercent(ctx.locale, effectiveRate, 2) }),
    ...aprWarnings(ctx, apr, input.lenderKind),
    ctx.t('addloan-card-policy', { policy: ctx.t(`preset-${input.policyPreset ?? defaultPresetFor(input.method)}`) }),
    policyDetails(ctx, policyFrom(input.policyPreset ?? defaultPresetFor(input.method), input.policyOverrides)),
    allocationLine(ctx, input.allocationOrder),
  );
  if (input.method === 'fee' || input.method === 'flat') {
    const rule = input.prepaymentRule ?? { kind: 'waive-remaining-fees' };
    lines.push(
      rule.kind === 'percent-of-principal'
        ? ctx.t('addloan-card-prepayment-percent', { percent: formatPercent(ctx.locale, new Decimal(rule.percent)) })
        : ctx.t('addloan-card-prepayment', { rule: ctx.t(`prepayment-${rule.kind}`) }),
    );
  }
  const behind = assumePaidBefore === undefined ? 0 : rows.filter((row) => row.due < assumePaidBefore).length;
  if (behind > 0) lines.push('', ctx.t('addloan-card-assumed-paid', { count: behind }));
  if (line && line.unread.length > 0) {
    lines.push('', ctx.t('addloan-card-not-understood', { pieces: line.unread.join(ctx.t('list-separator')) }));
  }
  return lines.join('\n');
}
