import { describe, expect, it } from 'vitest';
import { debtPlan, type PlanLoan } from '../../src/domain/debt-plan.ts';
import { Decimal } from '../../src/domain/money.ts';

const d = (v: string | number) => new Decimal(v);
const WAIVE = { kind: 'waive-remaining-fees' } as const;
/** A card loan at 2 % a month (24 % true rate), 100 a month, 1000 left. */
const card: PlanLoan = {
  name: 'Card',
  balance: d(1000),
  monthlyRate: d('0.02'),
  payment: d(100),
  feePerInstallment: d(0),
  installmentsLeft: 12,
  apr: d(24),
  overdue: d(0),
  prepayment: WAIVE,
};
/** A 0 % phone plan, 100 a month, 600 left (the smaller balance). */
const phone: PlanLoan = {
  name: 'Phone',
  balance: d(600),
  monthlyRate: d(0),
  payment: d(100),
  feePerInstallment: d(0),
  installmentsLeft: 6,
  apr: d(0),
  overdue: d(0),
  prepayment: WAIVE,
};
const TODAY = '2026-12-02';

describe('debtPlan: two loans, 500 extra a month (hand-computed)', () => {
  const [schedule, avalanche, snowball] = debtPlan([card, phone], d(500), TODAY);

  it('avalanche: the card first, debt-free in month 3 with 28.40 interest', () => {
    // m1: card interest 1000×2% = 20.00, pays 100 → 920; phone 600−100 = 500; extra 500 → card 420.
    // m2: card interest 420×2% = 8.40, pays 100 → 328.40; phone → 400; extra 500 clears card (328.40),
    //     171.60 left → phone 228.40.
    // m3: phone pays 100 → 128.40; pool 500 + card's freed 100 clears it. Interest 20 + 8.40 = 28.40.
    expect(avalanche!.order).toEqual(['Card', 'Phone']);
    expect(avalanche!.months).toBe(3);
    expect(avalanche!.debtFree).toBe('2027-02-01');
    expect(avalanche!.interest.toFixed(2)).toBe('28.40');
    expect(avalanche!.totalPaid.toFixed(2)).toBe('1628.40');
  });

  it('snowball: the phone first (cleared in month 1), 43.17 interest, more than avalanche', () => {
    // m1: card 20.00 interest → 920; phone 500; extra 500 clears the phone.
    // m2: card interest 920×2% = 18.40 → 838.40; pool 500 + phone's 100 → card 238.40.
    // m3: card interest 238.40×2% = 4.768 → 4.77, pays 100 → 143.17; pool 600 clears it.
    // Interest 20 + 18.40 + 4.77 = 43.17.
    expect(snowball!.order).toEqual(['Phone', 'Card']);
    expect(snowball!.remaining[0]!.toFixed(2)).toBe('920.00'); // only the card is left after month 1
    expect(snowball!.months).toBe(3);
    expect(snowball!.interest.toFixed(2)).toBe('43.17');
    expect(avalanche!.interest.lte(snowball!.interest)).toBe(true);
  });

  it('both save versus the schedules only', () => {
    // Schedules only: the phone ends in month 6, the card runs its 12 months (balance after m12 paid at the end).
    expect(schedule!.months).toBe(12);
    expect(schedule!.interest.gt(avalanche!.interest)).toBe(true);
    expect(avalanche!.saving.toFixed(2)).toBe(schedule!.totalPaid.minus(avalanche!.totalPaid).toFixed(2));
    expect(avalanche!.saving.gt(snowball!.saving)).toBe(true);
  });
});

describe('debtPlan: rules each loan brings', () => {
  it('pays penalty-bearing overdue first, in month one in every strategy, the extra on top of it', () => {
    const [schedule, avalanche] = debtPlan([{ ...card, overdue: d(300) }, phone], d(500), TODAY);
    // m1: the 300 overdue paid; card 1000 + 20 − 100 = 920, extra 500 → 420; phone 500 → remaining 920.
    expect(avalanche!.remaining[0]!.toFixed(2)).toBe('920.00');
    expect(avalanche!.fees.gte(300)).toBe(true);
    // Schedules only: the same 300 in month one, no extra: 920 + 500 = 1420 — never less than a strategy.
    expect(schedule!.remaining[0]!.toFixed(2)).toBe('1420.00');
    expect(schedule!.fees.gte(300)).toBe(true);
  });

  it('a 2 % prepayment fee is charged on what is repaid early', () => {
    const [, avalanche] = debtPlan([{ ...card, prepayment: { kind: 'percent-of-principal', percent: d(2) } }], d(500), TODAY);
    // m1: card 920; extra 500 buys 500 / 1.02 = 490.20 of principal (fee 9.80) → 429.80.
    expect(avalanche!.remaining[0]!.toFixed(2)).toBe('429.80');
    expect(avalanche!.fees.gte('9.80')).toBe(true);
  });

  it('charges the remaining fees on an early payoff when the loan says so', () => {
    const plan: PlanLoan = { ...phone, feePerInstallment: d(10), payment: d(110), prepayment: { kind: 'charge-remaining-fees' } };
    const [, avalanche] = debtPlan([plan], d(1000), TODAY);
    // m1: pays 110 (fee 10) → 500 left, 5 installments; extra clears 500 + 5 × 10 fees = 550.
    expect(avalanche!.months).toBe(1);
    expect(avalanche!.fees.toFixed(2)).toBe('60.00');
  });

  it('a loan whose next installment falls later: the schedule waits for it, the debt-free month is its last installment’s', () => {
    // The phone's next installment is two months out (this month's paid, or a deferred start):
    // months 1–2 nothing is due; 100 a month in months 3–8 → debt-free in month 8, 2027-07.
    const [schedule, avalanche] = debtPlan([{ ...phone, startsIn: 2 }], d(100), TODAY);
    expect(schedule!.months).toBe(8);
    expect(schedule!.debtFree).toBe('2027-07-01');
    expect(schedule!.remaining.map((r) => r.toFixed(0))).toEqual(['600', '600', '500', '400', '300', '200', '100', '0']);
    // Extra may go to it before: m1 600 − 100 = 500; m2 → 400; m3 pays 100 + 100 → 200; m4 clears it.
    expect(avalanche!.remaining.map((r) => r.toFixed(0))).toEqual(['500', '400', '200', '0']);
    expect(avalanche!.debtFree).toBe('2027-03-01');
  });

  it('refuses a negative extra', () => {
    expect(() => debtPlan([card], d(-5), TODAY)).toThrow(RangeError);
  });
});
