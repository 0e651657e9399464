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

/**
 * What is still open of an installment. A payment covers fees first, then interest, then
 * principal — the order Chinese lenders' contracts use (费用 → 利息 → 本金), and the one that
 * leaves the borrower's principal (and so the penalty base) largest, so we never understate
 * what they owe.
 */
export function openParts(row: InstallmentAmounts): OpenParts {
  let left = Decimal.max(row.paid, ZERO);
  const take = (part: Decimal): Decimal => {
    const covered = Decimal.min(part, left);
    left = left.minus(covered);
    return part.minus(covered);
  };
  const fee = take(row.fee);
  const interest = take(row.interest);
  const principal = take(row.principal);
  return { principal, interest, fee, total: principal.plus(interest).plus(fee) };
}
