import type { AllocationPart } from './allocation-order.ts';
import { daysBetween, type IsoDate } from './calendar.ts';
import type { OpenParts } from './installment-split.ts';
import { Decimal, ZERO, roundCents, sumMoney } from './money.ts';
import { lateFeeFor, overduePenalty } from './overdue.ts';
import type { OverduePolicy } from './overdue-policy.ts';

/*
 * A loan's ledger: what each installment owes on a given day, from its schedule, the dated
 * payments, and what the lender said (its actual penalty figure, a waiver). Penalty interest
 * (罚息) is a debt (domain.md §6): it accrues day by day on what is overdue on that day, and a
 * later payment lowers what accrues from then on, never what has accrued. Replaying the events
 * in date order is what makes that hold whatever order the borrower recorded them in, and it is
 * the one place every screen (status, payoff, schedule, reminders, /paid) reads money from.
 */

export interface LedgerInstallment {
  n: number;
  due: IsoDate;
  principal: Decimal;
  interest: Decimal;
  fee: Decimal;
}

export interface LedgerPayment {
  id: number;
  on: IsoDate;
  amount: Decimal;
}

/**
 * What the lender charged or waived, entered by the borrower (or an approved request):
 * - 'charged': the lender's penalty and late charges for installment n as of `on`, replacing the
 *   estimate up to that day;
 * - 'waived': the lender waived what was charged on installment n and not yet paid, as of `on`;
 * - 'carried': penalty charged before an approved deferral moved installment n's due date: it
 *   stays owed, while what accrues after the new due date follows the rules (grace included) as
 *   for any installment.
 * Either way what accrues after `on` (if something is still overdue) is estimated again.
 */
export type LedgerAdjustment =
  | { n: number; on: IsoDate; kind: 'charged' | 'carried'; amount: Decimal }
  | { n: number; on: IsoDate; kind: 'waived' };

export interface LedgerRules {
  /** The contract's annual rate as a fraction: a bank's penalty rate is a multiple of it. */
  annualRate: Decimal;
  policy: OverduePolicy;
  order: readonly AllocationPart[];
}

export type PartAmounts = Record<AllocationPart, Decimal>;

export interface InstallmentLedger {
  n: number;
  due: IsoDate;
  /** Days from the due date to the ledger's day (the day after the due date is day 1); 0 when not past due. */
  daysPastDue: number;
  /** What has been paid towards each part. */
  paid: PartAmounts;
  /** The scheduled parts still open (principal, interest, fee). */
  open: OpenParts;
  /** Penalty interest charged to date (0.00 within grace: paying then counts as on time). */
  penaltyCharged: Decimal;
  /** The one-off late fee charged when grace ended. */
  lateFeeCharged: Decimal;
  penaltyOwed: Decimal;
  lateFeeOwed: Decimal;
  /** Penalty and late fees the lender waived. */
  waived: Decimal;
  /** The day of the lender's own figure, when one replaced the estimate. */
  lenderFigureOn?: IsoDate;
  /** open.total + penaltyOwed + lateFeeOwed: what settles this installment on the ledger's day. */
  owed: Decimal;
}

export interface LedgerAllocation {
  paymentId: number;
  n: number;
  amount: Decimal;
  parts: PartAmounts;
}

export interface LoanLedger {
  asOf: IsoDate;
  installments: InstallmentLedger[];
  /** How each payment was spread, in the order they were applied. */
  allocations: LedgerAllocation[];
  /** Payments (or their parts) that found nothing owed when they were made. */
  leftovers: { paymentId: number; amount: Decimal }[];
  totalOwed: Decimal;
  penaltyOwed: Decimal;
  lateFeeOwed: Decimal;
}

const zeroParts = (): PartAmounts => ({ 'late-fee': ZERO, penalty: ZERO, fee: ZERO, interest: ZERO, principal: ZERO });

/** One installment while the events are replayed. */
class InstallmentState {
  /** Scheduled parts still open. */
  readonly open: Record<'principal' | 'interest' | 'fee', Decimal>;
  readonly paid = zeroParts();
  /** Penalty accrued through `lastDay`, grace days included (charged only once grace has ended). */
  accrued = ZERO;
  lateFee = ZERO;
  /** Penalty carried over from before a deferral: owed whatever the grace of the new due date. */
  carried = ZERO;
  waived = ZERO;
  lastDay = 0;
  figureOn: IsoDate | undefined;

  constructor(
    readonly row: LedgerInstallment,
    private readonly rules: LedgerRules,
  ) {
    this.open = { principal: row.principal, interest: row.interest, fee: row.fee };
  }

  openParts(): OpenParts {
    const { principal, interest, fee } = this.open;
    return { principal, interest, fee, total: principal.plus(interest).plus(fee) };
  }

  dayOf(date: IsoDate): number {
    return daysBetween(this.row.due, date);
  }

  /** Accrues penalty on what is open now for the days up to `date`, and the late fee when grace ends on the way. */
  advanceTo(date: IsoDate): void {
    const day = this.dayOf(date);
    if (day <= this.lastDay) return;
    const open = this.openParts();
    if (open.total.gt(0)) {
      this.accrued = this.accrued.plus(overduePenalty(open, this.rules.annualRate, this.rules.policy, day - this.lastDay));
      const graceEndsOn = this.rules.policy.graceDays + 1;
      // A lender's figure already includes its late fee.
      if (this.figureOn === undefined && this.lastDay < graceEndsOn && day >= graceEndsOn)
        this.lateFee = lateFeeFor(open.total, this.rules.policy);
    }
    this.lastDay = day;
  }

  /** Penalty and late fee count once grace has ended, or from the day the lender stated its figure. */
  charging(): boolean {
    return this.figureOn !== undefined || this.lastDay > this.rules.policy.graceDays;
  }

  owedParts(): PartAmounts {
    const charging = this.charging();
    return {
      'late-fee': charging ? this.lateFee.minus(this.paid['late-fee']) : ZERO,
      penalty: (charging ? this.accrued : ZERO).plus(this.carried).minus(this.paid.penalty),
      fee: this.open.fee,
      interest: this.open.interest,
      principal: this.open.principal,
    };
  }

  owed(): Decimal {
    return sumMoney(Object.values(this.owedParts()));
  }

  /** Takes up to `amount` in the rules' order; returns what it took of each part. */
  take(amount: Decimal): PartAmounts {
    const owed = this.owedParts();
    const taken = zeroParts();
    let left = amount;
    for (const part of this.rules.order) {
      const share = Decimal.min(Decimal.max(owed[part], ZERO), left);
      if (!share.gt(0)) continue;
      taken[part] = share;
      left = left.minus(share);
      this.paid[part] = this.paid[part].plus(share);
      if (part === 'fee' || part === 'interest' || part === 'principal') this.open[part] = this.open[part].minus(share);
    }
    // Paid in full within grace: on time, so what accrued meanwhile is never charged.
    if (!this.openParts().total.gt(0) && !this.charging()) this.accrued = ZERO;
    return taken;
  }

  adjust(adjustment: LedgerAdjustment): void {
    if (adjustment.kind === 'carried') {
      this.carried = this.carried.plus(adjustment.amount);
      return;
    }
    if (adjustment.kind === 'charged') {
      // The lender's figure covers penalty and late fee together; what was paid of the fee stays paid.
      this.lateFee = this.paid['late-fee'];
      this.accrued = adjustment.amount.minus(this.lateFee);
      this.figureOn = adjustment.on;
      return;
    }
    const owed = this.owedParts();
    this.waived = this.waived.plus(Decimal.max(owed.penalty, ZERO)).plus(Decimal.max(owed['late-fee'], ZERO));
    // What was paid of the penalty stays paid; the rest, carried over or accrued, is gone.
    const paidFromCarried = Decimal.min(this.paid.penalty, this.carried);
    this.carried = paidFromCarried;
    this.accrued = this.charging() ? this.paid.penalty.minus(paidFromCarried) : ZERO;
    this.lateFee = this.charging() ? this.paid['late-fee'] : ZERO;
  }

  result(asOf: IsoDate): InstallmentLedger {
    const charging = this.charging();
    const penaltyCharged = roundCents((charging ? this.accrued : ZERO).plus(this.carried));
    const lateFeeCharged = roundCents(charging ? this.lateFee : ZERO);
    const penaltyOwed = Decimal.max(penaltyCharged.minus(this.paid.penalty), ZERO);
    const lateFeeOwed = Decimal.max(lateFeeCharged.minus(this.paid['late-fee']), ZERO);
    const open = this.openParts();
    const entry: InstallmentLedger = {
      n: this.row.n,
      due: this.row.due,
      daysPastDue: Math.max(this.dayOf(asOf), 0),
      paid: { ...this.paid },
      open,
      penaltyCharged,
      lateFeeCharged,
      penaltyOwed,
      lateFeeOwed,
      waived: this.waived,
      owed: open.total.plus(penaltyOwed).plus(lateFeeOwed),
    };
    if (this.figureOn !== undefined) entry.lenderFigureOn = this.figureOn;
    return entry;
  }
}

type LedgerEvent = { on: IsoDate; rank: number; seq: number } & (
  | { kind: 'adjustment'; adjustment: LedgerAdjustment }
  | { kind: 'payment'; payment: LedgerPayment }
);

/**
 * Replays a loan's payments and the lender's figures in date order up to `asOf`. On a day with
 * both, the lender's figures come first (they say what was owed that day), then payments in the
 * order given (the caller passes them oldest recorded first). Each payment goes to the installments
 * oldest due first (what stops the days past due, and so the penalty and the credit-report
 * status, from growing on the oldest debt); inside an installment it covers the parts in the
 * loan's allocation order. Events dated after `asOf` are not applied.
 */
export function replayLedger(
  installments: LedgerInstallment[],
  payments: LedgerPayment[],
  adjustments: LedgerAdjustment[],
  rules: LedgerRules,
  asOf: IsoDate,
): LoanLedger {
  const states = [...installments].sort((a, b) => daysBetween(b.due, a.due) || a.n - b.n).map((row) => new InstallmentState(row, rules));
  const byN = new Map(states.map((s) => [s.row.n, s]));
  const events: LedgerEvent[] = [
    ...adjustments.map((adjustment, seq) => ({ on: adjustment.on, rank: 0, seq, kind: 'adjustment' as const, adjustment })),
    ...payments.map((payment, seq) => ({ on: payment.on, rank: 1, seq, kind: 'payment' as const, payment })),
  ].sort((a, b) => a.on.localeCompare(b.on) || a.rank - b.rank || a.seq - b.seq);

  const allocations: LedgerAllocation[] = [];
  const leftovers: { paymentId: number; amount: Decimal }[] = [];
  for (const event of events) {
    if (event.on > asOf) continue;
    for (const state of states) state.advanceTo(event.on);
    if (event.kind === 'adjustment') {
      byN.get(event.adjustment.n)?.adjust(event.adjustment);
      continue;
    }
    let left = event.payment.amount;
    for (const state of states) {
      if (!left.gt(0)) break;
      const take = Decimal.min(state.owed(), left);
      if (!take.gt(0)) continue;
      const parts = state.take(take);
      allocations.push({ paymentId: event.payment.id, n: state.row.n, amount: take, parts });
      left = left.minus(take);
    }
    if (left.gt(0)) leftovers.push({ paymentId: event.payment.id, amount: left });
  }
  for (const state of states) state.advanceTo(asOf);

  const results = states.map((s) => s.result(asOf));
  return {
    asOf,
    installments: results,
    allocations,
    leftovers,
    totalOwed: sumMoney(results.map((r) => r.owed)),
    penaltyOwed: sumMoney(results.map((r) => r.penaltyOwed)),
    lateFeeOwed: sumMoney(results.map((r) => r.lateFeeOwed)),
  };
}
