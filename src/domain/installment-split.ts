import { Decimal, ZERO } from './money.ts';

/** One installment's parts, and how much of it has been paid in total. */
export interface InstallmentAmounts {
  principal: Decimal;
  interest: Decimal;
  fee: Decimal;
  /** Total paid towards this installment so far (0 ≤ paid ≤ principal + interest + fee). */
  paid: Decimal;
}

export interface OpenParts {
  principal: Decimal;
  interest: Decimal;
  fee: Decimal;
  total: Decimal;
}

export type ScheduledPart = 'fee' | 'interest' | 'principal';

/**
 * By default a payment covers fees first, then interest, then principal — the order Chinese
 * lenders' contracts use (费用 → 利息 → 本金) and the Civil Code's (Art. 561), and the one that
 * leaves the borrower's principal (and so the penalty base) largest, so we never understate
 * what they owe. A loan whose contract says otherwise passes its own order (allocation-order.ts).
 */
export const DEFAULT_SCHEDULED_ORDER: readonly ScheduledPart[] = ['fee', 'interest', 'principal'];

/** What is still open of an installment, its `paid` covering the parts in `order`. */
export function openParts(row: InstallmentAmounts, order: readonly ScheduledPart[] = DEFAULT_SCHEDULED_ORDER): OpenParts {
  let left = Decimal.max(row.paid, ZERO);
  const open: Record<ScheduledPart, Decimal> = { fee: row.fee, interest: row.interest, principal: row.principal };
  for (const part of order) {
    const covered = Decimal.min(open[part], left);
    left = left.minus(covered);
    open[part] = open[part].minus(covered);
  }
  const { principal, interest, fee } = open;
  return { principal, interest, fee, total: principal.plus(interest).plus(fee) };
}
