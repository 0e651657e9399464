import { daysBetween, type IsoDate } from './calendar.ts';
import { Decimal, ZERO } from './money.ts';

export interface PayableInstallment {
  n: number;
  due: IsoDate;
  /** What the installment asks for in total. */
  payment: Decimal;
  /** Paid towards it so far. */
  paid: Decimal;
}

export interface AppliedPart {
  n: number;
  amount: Decimal;
}

export interface Allocation {
  /** The part of the payment each installment takes, oldest due first; installments taking nothing are left out. */
  applied: AppliedPart[];
  /** What exceeds everything open: the caller refuses it or reports it, never silently keeps it. */
  leftover: Decimal;
}

/**
 * Applies a payment oldest due first (ties by n). Paying the oldest installment first is what
 * lenders do and what stops the days past due, and so the penalty and the credit-report status
 * (domain.md §3), from growing on the oldest debt. Each installment takes at most its open
 * amount (payment − paid, never below 0): a partial payment leaves the rest of it due, and an
 * overpayment flows on to the next. Inside an installment, fee → interest → principal is
 * openParts' business once `paid` is updated.
 * The caller stores `applied` (that is how a payment is undone); rows are not modified.
 */
export function allocatePayment(rows: PayableInstallment[], amount: Decimal): Allocation {
  if (!amount.isFinite() || !amount.gt(0)) throw new RangeError(`a payment must be more than 0: ${amount.toString()}`);
  const ordered = [...rows].sort((a, b) => daysBetween(b.due, a.due) || a.n - b.n);
  const applied: AppliedPart[] = [];
  let left = amount;
  for (const row of ordered) {
    if (!left.gt(0)) break;
    const open = Decimal.max(row.payment.minus(row.paid), ZERO);
    const take = Decimal.min(open, left);
    if (take.gt(0)) {
      applied.push({ n: row.n, amount: take });
      left = left.minus(take);
    }
  }
  return { applied, leftover: left };
}
