import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonthsClamped } from '../../src/domain/calendar.ts';
import { Decimal, ZERO, sumMoney } from '../../src/domain/money.ts';
import { allocatePayment, type PayableInstallment } from '../../src/domain/payments.ts';

const d = (s: string): Decimal => new Decimal(s);
const shown = (r: ReturnType<typeof allocatePayment>): { applied: [number, string][]; leftover: string } => ({
  applied: r.applied.map((a) => [a.n, a.amount.toFixed(2)]),
  leftover: r.leftover.toFixed(2),
});

function row(n: number, due: string, payment: string, paid = '0'): PayableInstallment {
  return { n, due, payment: d(payment), paid: d(paid) };
}

const loan: PayableInstallment[] = [
  row(1, '2027-01-15', '888.49', '888.49'),
  row(2, '2027-02-15', '888.49', '100.00'),
  row(3, '2027-03-15', '888.49'),
  row(4, '2027-04-15', '888.47'),
];

describe('allocatePayment', () => {
  it('a partial payment goes to the oldest open installment and leaves the rest of it due', () => {
    expect(shown(allocatePayment(loan, d('500')))).toEqual({ applied: [[2, '500.00']], leftover: '0.00' });
  });

  it('fills the oldest open amount exactly', () => {
    expect(shown(allocatePayment(loan, d('788.49')))).toEqual({ applied: [[2, '788.49']], leftover: '0.00' });
  });

  it('an overpayment flows on to later installments, oldest first', () => {
    expect(shown(allocatePayment(loan, d('2000')))).toEqual({
      applied: [
        [2, '788.49'],
        [3, '888.49'],
        [4, '323.02'],
      ],
      leftover: '0.00',
    });
  });

  it('whatever exceeds everything open is leftover', () => {
    expect(shown(allocatePayment(loan, d('3000')))).toEqual({
      applied: [
        [2, '788.49'],
        [3, '888.49'],
        [4, '888.47'],
      ],
      leftover: '434.55',
    });
    expect(shown(allocatePayment([], d('10')))).toEqual({ applied: [], leftover: '10.00' });
  });

  it('orders by due date (then n), not by the order given', () => {
    const shuffled = [loan[3], loan[2], loan[1], loan[0]].filter((r): r is PayableInstallment => r !== undefined);
    expect(shown(allocatePayment(shuffled, d('1000'))).applied).toEqual([
      [2, '788.49'],
      [3, '211.51'],
    ]);
    const sameDay = [row(7, '2027-05-01', '10'), row(6, '2027-05-01', '10')];
    expect(shown(allocatePayment(sameDay, d('15'))).applied).toEqual([
      [6, '10.00'],
      [7, '5.00'],
    ]);
  });

  it('skips an installment that is overpaid already (its open amount is 0, never negative)', () => {
    const rows = [row(1, '2027-01-15', '100', '120'), row(2, '2027-02-15', '100')];
    expect(shown(allocatePayment(rows, d('50')))).toEqual({ applied: [[2, '50.00']], leftover: '0.00' });
  });

  it('does not change the rows it was given', () => {
    const copy = loan.map((r) => ({ ...r }));
    allocatePayment(loan, d('2000'));
    expect(loan).toEqual(copy);
  });

  it.each(['0', '-1', 'NaN', 'Infinity'])('refuses an amount of %s', (amount) => {
    expect(() => allocatePayment(loan, d(amount))).toThrow(RangeError);
  });
});

describe('properties (fast-check)', () => {
  const rows = fc
    .array(
      fc.record({
        payment: fc.integer({ min: 0, max: 1_000_000 }),
        paid: fc.integer({ min: 0, max: 1_200_000 }),
        month: fc.integer({ min: 0, max: 36 }),
      }),
      { maxLength: 24 },
    )
    .map((list) =>
      list.map((r, i) => ({
        n: i + 1,
        due: addMonthsClamped('2027-01-31', r.month),
        payment: new Decimal(r.payment).div(100),
        paid: new Decimal(Math.min(r.paid, r.payment + 200_000)).div(100),
      })),
    );
  const amount = fc.integer({ min: 1, max: 30_000_000 }).map((c) => new Decimal(c).div(100));
  const openOf = (r: PayableInstallment): Decimal => Decimal.max(r.payment.minus(r.paid), ZERO);

  it('never pays more than is open, adds up to the amount, and pays oldest first', () => {
    fc.assert(
      fc.property(rows, amount, (list, amt) => {
        const { applied, leftover } = allocatePayment(list, amt);
        const byN = new Map(list.map((r) => [r.n, r]));
        // sum(applied) + leftover == amount, nothing negative
        expect(
          sumMoney(applied.map((a) => a.amount))
            .plus(leftover)
            .eq(amt),
        ).toBe(true);
        expect(leftover.isNeg()).toBe(false);
        // each part positive and at most that installment's open amount; each installment once
        expect(new Set(applied.map((a) => a.n)).size).toBe(applied.length);
        for (const a of applied) {
          const r = byN.get(a.n);
          expect(r).toBeDefined();
          if (r) {
            expect(a.amount.gt(0)).toBe(true);
            expect(a.amount.lte(openOf(r))).toBe(true);
          }
        }
        // oldest first: applied in due order, and nothing later gets money while an earlier one stays open
        const dues = applied.map((a) => byN.get(a.n)?.due ?? '');
        expect([...dues].sort()).toEqual(dues);
        const got = new Map(applied.map((a) => [a.n, a.amount]));
        const firstShort = [...list]
          .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.n - b.n))
          .find((r) => (got.get(r.n) ?? ZERO).lt(openOf(r)));
        if (firstShort) {
          expect(leftover.isZero()).toBe(true);
          const laterPaid = applied.filter((a) => {
            const r = byN.get(a.n);
            return r !== undefined && (r.due > firstShort.due || (r.due === firstShort.due && r.n > firstShort.n));
          });
          expect(laterPaid).toEqual([]);
        } else {
          expect(leftover.eq(amt.minus(sumMoney(list.map(openOf))))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
