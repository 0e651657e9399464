import { Decimal as DecimalBase } from 'decimal.js';

/**
 * The one Decimal constructor used for money in repaybot. A private clone keeps our
 * precision and rounding from leaking into (or being changed by) other libraries.
 * Half-up is the rounding Chinese lenders and domain.md use for interest. toExpNeg / toExpPos at
 * their limits: toString (and toJSON, template strings) never writes exponent notation, so a
 * tiny rate is "0.00000001", never "1e-8", wherever a Decimal is written (issue 13). Stored
 * values are written with toFixed all the same.
 */
export const Decimal = DecimalBase.clone({
  precision: 40,
  rounding: DecimalBase.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

/** Round to cents, half-up (interest, payments). */
export function roundCents(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Round down to cents (per-period principal of equal-principal and fee plans). */
export function floorCents(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_DOWN);
}

/** Storage and wire form of an amount: a plain decimal string with two places, e.g. "888.49". */
export function toMoneyString(value: Decimal): string {
  return value.toFixed(2);
}

export function sumMoney(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}
