import { describe, expect, it } from 'vitest';
import { ALLOCATION_PRESETS, allocationOrderOf, isCompleteOrder, storedAllocationOrder } from '../../src/domain/allocation-order.ts';
import { addDays } from '../../src/domain/calendar.ts';
import { replayLedger, type LedgerInstallment, type LedgerRules } from '../../src/domain/loan-ledger.ts';
import { Decimal } from '../../src/domain/money.ts';
import { POLICY_PRESETS, policyWith } from '../../src/domain/overdue-policy.ts';

const d = (s: string): Decimal => new Decimal(s);
const DUE = '2027-01-15';
const late = (days: number): string => addDays(DUE, days);

/** 0.05 %/day on the whole overdue amount, grace 3 days (a BNPL plan as users meet it). */
const bnplRules: LedgerRules = {
  annualRate: d('0'),
  policy: policyWith('consumer-cn', { graceDays: 3, penalty: { kind: 'daily-rate', dailyPercent: d('0.05') } }),
  order: ALLOCATION_PRESETS['civil-code'],
};
const bnpl: LedgerInstallment[] = [{ n: 1, due: DUE, principal: d('1299.00'), interest: d('0'), fee: d('0') }];

/** Period 1 of the 10,000 at 12% annuity (domain.md §1), bank rules × 1.5 with compound interest. */
const bankRules: LedgerRules = { annualRate: d('0.12'), policy: POLICY_PRESETS['bank-cn'], order: ALLOCATION_PRESETS['civil-code'] };
const period1: LedgerInstallment[] = [{ n: 1, due: DUE, principal: d('788.49'), interest: d('100.00'), fee: d('0') }];

describe('the penalty is a debt (issue 9, point 1)', () => {
  it('keeps the 6.50 accrued on 1,299 over 10 days after a 1,000 part payment, and takes it first', () => {
    const before = replayLedger(bnpl, [], [], bnplRules, late(10));
    expect(before.penaltyOwed.toFixed(2)).toBe('6.50');
    const after = replayLedger(bnpl, [{ id: 1, on: late(10), amount: d('1000') }], [], bnplRules, late(10));
    const [inst] = after.installments;
    // Civil Code order: the 6.50 penalty first, then 993.50 of principal.
    expect(inst?.paid.penalty.toFixed(2)).toBe('6.50');
    expect(inst?.paid.principal.toFixed(2)).toBe('993.50');
    expect(inst?.penaltyCharged.toFixed(2)).toBe('6.50');
    expect(after.totalOwed.toFixed(2)).toBe('305.50');
  });

  it('is not settled by paying the installment amount: the penalty stays owed', () => {
    const ledger = replayLedger(
      bnpl,
      [
        { id: 1, on: late(10), amount: d('1000') },
        { id: 2, on: late(10), amount: d('299') },
      ],
      [],
      bnplRules,
      late(10),
    );
    expect(ledger.totalOwed.toFixed(2)).toBe('6.50');
  });

  it('with principal first, the penalty stays owed and stops growing once the principal is paid', () => {
    const rules = { ...bnplRules, order: ALLOCATION_PRESETS['principal-first'] };
    const ledger = replayLedger(bnpl, [{ id: 1, on: late(10), amount: d('1299') }], [], rules, late(40));
    expect(ledger.installments[0]?.open.total.toFixed(2)).toBe('0.00');
    expect(ledger.penaltyOwed.toFixed(2)).toBe('6.50');
  });

  it('accrues later days on what stayed overdue, never less than what had accrued', () => {
    // 10 days on 1,299 = 6.50; then 305.50 × 0.05% × 10 = 1.53.
    const ledger = replayLedger(bnpl, [{ id: 1, on: late(10), amount: d('1000') }], [], bnplRules, late(20));
    expect(ledger.installments[0]?.penaltyCharged.toFixed(2)).toBe('8.03');
    expect(ledger.totalOwed.toFixed(2)).toBe('307.03');
  });

  it('keeps the bank-style 13.33 of domain.md §3 for 30 days, and what the interest part charged after part payments', () => {
    expect(replayLedger(period1, [], [], bankRules, late(30)).penaltyOwed.toFixed(2)).toBe('13.33');
    const paid = replayLedger(period1, [{ id: 1, on: late(30), amount: d('888.49') }], [], bankRules, late(30));
    // 888.49 covers 13.33 of penalty first, so 13.33 of principal stays open.
    expect(paid.totalOwed.toFixed(2)).toBe('13.33');
    expect(paid.installments[0]?.paid.penalty.toFixed(2)).toBe('13.33');
  });

  it('charges nothing when paid in full within grace, and all days from day 1 once grace has ended', () => {
    const onTime = replayLedger(bnpl, [{ id: 1, on: late(3), amount: d('1299') }], [], bnplRules, late(30));
    expect(onTime.totalOwed.toFixed(2)).toBe('0.00');
    // 299 open after day 2: days 1–2 on 1,299 (1.30), days 3–5 on 299 (0.45).
    const partly = replayLedger(bnpl, [{ id: 1, on: late(2), amount: d('1000') }], [], bnplRules, late(5));
    expect(partly.installments[0]?.paid.penalty.toFixed(2)).toBe('0.00');
    expect(partly.penaltyOwed.toFixed(2)).toBe('1.75');
  });

  it('replays payments in date order whatever order they were recorded in', () => {
    const a = replayLedger(
      bnpl,
      [
        { id: 2, on: late(20), amount: d('100') },
        { id: 1, on: late(10), amount: d('1000') },
      ],
      [],
      bnplRules,
      late(20),
    );
    const b = replayLedger(
      bnpl,
      [
        { id: 1, on: late(10), amount: d('1000') },
        { id: 2, on: late(20), amount: d('100') },
      ],
      [],
      bnplRules,
      late(20),
    );
    expect(a.totalOwed.toFixed(2)).toBe(b.totalOwed.toFixed(2));
  });

  it('reports a payment larger than everything owed as leftover', () => {
    const ledger = replayLedger(bnpl, [{ id: 7, on: DUE, amount: d('1300') }], [], bnplRules, DUE);
    expect(ledger.leftovers).toEqual([{ paymentId: 7, amount: d('1') }]);
  });
});

describe("the lender's figure and a waiver", () => {
  it("replaces the estimate with the lender's figure, then estimates what accrues after it", () => {
    const ledger = replayLedger(bnpl, [], [{ n: 1, on: late(10), kind: 'charged', amount: d('12.30') }], bnplRules, late(10));
    expect(ledger.penaltyOwed.toFixed(2)).toBe('12.30');
    expect(ledger.installments[0]?.lenderFigureOn).toBe(late(10));
    const later = replayLedger(bnpl, [], [{ n: 1, on: late(10), kind: 'charged', amount: d('12.30') }], bnplRules, late(12));
    expect(later.penaltyOwed.toFixed(2)).toBe('13.60');
  });

  it('waives what was charged and unpaid; the installment itself stays owed', () => {
    const ledger = replayLedger(
      bnpl,
      [{ id: 1, on: late(10), amount: d('1299') }],
      [{ n: 1, on: late(11), kind: 'waived' }],
      { ...bnplRules, order: ALLOCATION_PRESETS['principal-first'] },
      late(11),
    );
    expect(ledger.totalOwed.toFixed(2)).toBe('0.00');
    expect(ledger.installments[0]?.waived.toFixed(2)).toBe('6.50');
  });
});

describe('allocation orders', () => {
  it('reads presets and complete custom orders, and falls back to the Civil Code order', () => {
    expect(allocationOrderOf(null)).toEqual(ALLOCATION_PRESETS['civil-code']);
    expect(allocationOrderOf('principal-first')).toEqual(ALLOCATION_PRESETS['principal-first']);
    expect(allocationOrderOf('principal,penalty,late-fee,interest,fee')).toEqual(['principal', 'penalty', 'late-fee', 'interest', 'fee']);
    expect(allocationOrderOf('principal,bogus')).toEqual(ALLOCATION_PRESETS['civil-code']);
    expect(isCompleteOrder(['principal', 'principal', 'fee', 'interest', 'penalty'])).toBe(false);
    expect(storedAllocationOrder(ALLOCATION_PRESETS['principal-first'])).toBe('principal-first');
  });
});
