import { Decimal } from './money.ts';

/**
 * How a rate was quoted. 'monthly-fee' is the installment-plan fee (分期手续费): charged every
 * month on the ORIGINAL principal, so it is not comparable to an interest rate of the same size.
 */
export type RateUnit = 'annual' | 'monthly' | 'daily' | 'monthly-fee';

export type DayBasis = 360 | 365;

const HUNDRED = new Decimal(100);
const TWELVE = new Decimal(12);

/**
 * The periodic (monthly) rate as a fraction. Daily rates convert on a 360-day year by default,
 * the Chinese bank convention (日利率 = 年利率 / 360); 365 only where the contract says so.
 */
export function toMonthlyRate(percent: Decimal, unit: RateUnit, dayBasis: DayBasis = 360): Decimal {
  switch (unit) {
    case 'annual':
      return percent.div(TWELVE).div(HUNDRED);
    case 'monthly':
    case 'monthly-fee':
      return percent.div(HUNDRED);
    case 'daily':
      return percent.times(dayBasis).div(TWELVE).div(HUNDRED);
  }
}

/**
 * The nominal annual percent, for display and sanity limits. For a fee plan this is fee × 12,
 * which UNDERSTATES the true cost (the fee is charged on money already repaid): show the APR
 * from apr.ts beside it, never this alone.
 */
export function toAnnualPercent(percent: Decimal, unit: RateUnit, dayBasis: DayBasis = 360): Decimal {
  switch (unit) {
    case 'annual':
      return percent;
    case 'monthly':
    case 'monthly-fee':
      return percent.times(TWELVE);
    case 'daily':
      return percent.times(dayBasis);
  }
}

/**
 * The unit a bare percentage means for a repayment method, as such loans are quoted: a fee plan
 * by its monthly fee (月费率), a flat-rate loan by its monthly rate on the original amount (月息),
 * everything else by a yearly rate. The guided form, the one-line form and calc all use this.
 */
export function defaultRateUnit(method: string | undefined): RateUnit {
  if (method === 'fee') return 'monthly-fee';
  if (method === 'flat') return 'monthly';
  return 'annual';
}
