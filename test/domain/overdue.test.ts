import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../src/domain/calendar.ts';
import { Decimal } from '../../src/domain/money.ts';
import {
  evaluateInstallment,
  evaluateLoan,
  stageRank,
  type InstallmentForOverdue,
  type OverdueEvaluation,
} from '../../src/domain/overdue.ts';
import { POLICY_PRESETS, POLICY_PRESET_IDS, policyWith, type OverduePolicy } from '../../src/domain/overdue-policy.ts';

const d = (s: string): Decimal => new Decimal(s);
const money = (v: Decimal): string => v.toFixed(2);
const DUE = '2027-01-15';
const RATE = d('0.12');

function inst(principal: string, interest = '0', paid = '0', fee = '0', due = DUE, n = 1): InstallmentForOverdue {
  return { n, due, principal: d(principal), interest: d(interest), fee: d(fee), paid: d(paid) };
}

/** Period 1 of the 10,000 at 12% annuity loan (domain.md §1). */
const period1 = (paid = '0'): InstallmentForOverdue => inst('788.49', '100.00', paid);

const late = (days: number): string => addDays(DUE, days);

const bankAt = (multiplier: string, compoundOnInterest: boolean): OverduePolicy =>
  policyWith('bank-cn', { penalty: { kind: 'multiplier', multiplier: d(multiplier), compoundOnInterest } });
const dailyAt = (percent: string): OverduePolicy =>
  policyWith('consumer-cn', { penalty: { kind: 'daily-rate', dailyPercent: d(percent) } });

describe('bank-style penalty (domain.md §3 worked examples)', () => {
  it('12% × 1.5 = 0.05%/day: 788.49 + 100.00 interest, 30 days late → 11.83 + 1.50 = 13.33', () => {
    const e = evaluateInstallment(period1(), RATE, POLICY_PRESETS['bank-cn'], late(30));
    expect(e.daysPastDue).toBe(30);
    expect(money(e.penalty)).toBe('13.33');
    expect(money(e.open)).toBe('888.49');
    expect(money(e.lateFee)).toBe('0.00');
  });

  it('without compounding only the principal part is charged: 11.83', () => {
    expect(money(evaluateInstallment(period1(), RATE, bankAt('1.5', false), late(30)).penalty)).toBe('11.83');
  });

  it('× 1.3: 10.25 on the principal (and 1.30 on the interest when compounded)', () => {
    expect(money(evaluateInstallment(period1(), RATE, bankAt('1.3', false), late(30)).penalty)).toBe('10.25');
    expect(money(evaluateInstallment(period1(), RATE, bankAt('1.3', true), late(30)).penalty)).toBe('11.55');
  });

  it('rounds each part half-up, then adds (4 days: 1.58 + 0.20)', () => {
    expect(money(evaluateInstallment(period1(), RATE, POLICY_PRESETS['bank-cn'], late(4)).penalty)).toBe('1.78');
  });

  it('on a 365-day basis the daily rate is smaller', () => {
    // 788.49 × 0.18 × 30 / 365 = 11.6656… ; 100 × 0.18 × 30 / 365 = 1.4794…
    const p = policyWith('bank-cn', { dayBasis: 365 });
    expect(money(evaluateInstallment(period1(), RATE, p, late(30)).penalty)).toBe('13.15');
  });

  it('does not charge penalty on fees (the PBoC rule names principal and interest)', () => {
    const withFee = inst('788.49', '100.00', '0', '20.00');
    const e = evaluateInstallment(withFee, RATE, POLICY_PRESETS['bank-cn'], late(30));
    expect(money(e.open)).toBe('908.49');
    expect(money(e.penalty)).toBe('13.33');
  });
});

describe('daily-rate penalty (domain.md §3 worked examples)', () => {
  it('1,000 × 0.05% × 10 days = 5.00', () => {
    expect(money(evaluateInstallment(inst('1000'), RATE, POLICY_PRESETS['consumer-cn'], late(10)).penalty)).toBe('5.00');
  });

  it('888.49 × 0.05% × 15 days = 6.66 (the whole overdue amount, interest included)', () => {
    expect(money(evaluateInstallment(period1(), RATE, POLICY_PRESETS['consumer-cn'], late(15)).penalty)).toBe('6.66');
  });

  it('1,000 × 0.07% × 10 days = 7.00', () => {
    expect(money(evaluateInstallment(inst('1000'), RATE, dailyAt('0.07'), late(10)).penalty)).toBe('7.00');
  });

  it('charges the whole amount, fees included', () => {
    // (800 + 80 + 8.49) × 0.05% × 15 = 6.66
    expect(money(evaluateInstallment(inst('800', '80', '0', '8.49'), RATE, POLICY_PRESETS['consumer-cn'], late(15)).penalty)).toBe('6.66');
  });

  it('does not depend on the contract rate', () => {
    expect(money(evaluateInstallment(inst('1000'), d('0.24'), POLICY_PRESETS['consumer-cn'], late(10)).penalty)).toBe('5.00');
  });
});

describe('grace (宽限期)', () => {
  const bank = POLICY_PRESETS['bank-cn'];

  it('hides the penalty while in grace, then charges ALL days past due', () => {
    for (const days of [1, 2, 3]) {
      const e = evaluateInstallment(period1(), RATE, bank, late(days));
      expect(e.inGrace).toBe(true);
      expect(e.stage).toBe('grace');
      expect(money(e.penalty)).toBe('0.00');
    }
    const day4 = evaluateInstallment(period1(), RATE, bank, late(4));
    expect(day4.inGrace).toBe(false);
    expect(day4.daysPastDue).toBe(4);
    // 4 days, not 1: 788.49 × 0.0005 × 4 = 1.58; 100 × 0.0005 × 4 = 0.20
    expect(money(day4.penalty)).toBe('1.78');
  });

  it('is not in grace before or on the due date, and nothing is charged', () => {
    for (const [today, stage] of [
      [late(-1), 'upcoming'],
      [DUE, 'due-today'],
    ] as const) {
      const e = evaluateInstallment(period1(), RATE, bank, today);
      expect(e.stage).toBe(stage);
      expect(e.daysPastDue).toBe(0);
      expect(e.inGrace).toBe(false);
      expect(money(e.penalty)).toBe('0.00');
      expect(money(e.lateFee)).toBe('0.00');
    }
  });

  it('with no grace the penalty starts on day 1', () => {
    const e = evaluateInstallment(inst('1000'), RATE, POLICY_PRESETS['consumer-cn'], late(1));
    expect(e.inGrace).toBe(false);
    expect(money(e.penalty)).toBe('0.50');
  });
});

describe('partly paid installments: only the open parts are charged', () => {
  it('a payment covers interest before principal, so 150.00 paid leaves 738.49 principal', () => {
    const e = evaluateInstallment(period1('150.00'), RATE, POLICY_PRESETS['bank-cn'], late(30));
    expect(money(e.open)).toBe('738.49');
    // 738.49 × 0.0005 × 30 = 11.07735 → 11.08; no interest open
    expect(money(e.penalty)).toBe('11.08');
  });

  it('50.00 paid leaves 50.00 interest: 11.83 + 0.75', () => {
    const e = evaluateInstallment(period1('50.00'), RATE, POLICY_PRESETS['bank-cn'], late(30));
    expect(money(e.open)).toBe('838.49');
    expect(money(e.penalty)).toBe('12.58');
  });

  it('daily-rate style charges the open total', () => {
    // 888.49 − 388.49 = 500 × 0.05% × 10 = 2.50
    expect(money(evaluateInstallment(period1('388.49'), RATE, POLICY_PRESETS['consumer-cn'], late(10)).penalty)).toBe('2.50');
  });

  it('a fully paid installment is not evaluated', () => {
    expect(() => evaluateInstallment(period1('888.49'), RATE, POLICY_PRESETS['bank-cn'], late(30))).toThrow(RangeError);
    expect(() => evaluateInstallment(period1('900'), RATE, POLICY_PRESETS['bank-cn'], late(30))).toThrow(RangeError);
  });

  it('rejects a negative contract rate', () => {
    expect(() => evaluateInstallment(period1(), d('-0.01'), POLICY_PRESETS['bank-cn'], late(30))).toThrow(RangeError);
  });
});

describe('late fee (违约金), credit-card-cn', () => {
  const card = POLICY_PRESETS['credit-card-cn'];

  it('is charged once grace ends: 5% of the unpaid minimum', () => {
    expect(money(evaluateInstallment(inst('1000'), RATE, card, late(3)).lateFee)).toBe('0.00');
    const day4 = evaluateInstallment(inst('1000'), RATE, card, late(4));
    expect(money(day4.lateFee)).toBe('50.00');
    expect(money(day4.penalty)).toBe('2.00');
  });

  it('does not grow with time and never bears interest', () => {
    const day4 = evaluateInstallment(inst('1000'), RATE, card, late(4));
    const day60 = evaluateInstallment(inst('1000'), RATE, card, late(60));
    expect(money(day60.lateFee)).toBe('50.00');
    // 1,000 × 0.05% × 60 = 30.00: the 50.00 fee is not in the base
    expect(money(day60.penalty)).toBe('30.00');
    expect(day4.lateFee.eq(day60.lateFee)).toBe(true);
  });

  it('never goes below the ¥10 floor, and uses the unpaid part only', () => {
    expect(money(evaluateInstallment(inst('100'), RATE, card, late(5)).lateFee)).toBe('10.00');
    expect(money(evaluateInstallment(inst('1000', '0', '700'), RATE, card, late(5)).lateFee)).toBe('15.00');
  });

  it('a fixed late fee is charged as it is', () => {
    const p = policyWith('generic-en', { lateFee: { fixed: d('25') } });
    expect(money(evaluateInstallment(inst('1000'), RATE, p, late(3)).lateFee)).toBe('0.00');
    expect(money(evaluateInstallment(inst('1000'), RATE, p, late(4)).lateFee)).toBe('25.00');
  });
});

describe('stages and their dates', () => {
  const stagesOf = (policy: OverduePolicy): Record<string, string> =>
    Object.fromEntries(evaluateInstallment(period1(), RATE, policy, DUE).stages.map((s) => [s.stage, s.from]));

  it('bank-cn: grace from the day after, overdue and reported once grace ends, collection ~30, legal ~90', () => {
    expect(stagesOf(POLICY_PRESETS['bank-cn'])).toEqual({
      grace: '2027-01-16',
      overdue: '2027-01-19',
      reported: '2027-01-19',
      collection: '2027-02-14',
      legal: '2027-04-15',
    });
  });

  it('consumer-cn: no grace, reported from day 1', () => {
    expect(stagesOf(POLICY_PRESETS['consumer-cn'])).toEqual({
      grace: '2027-01-16',
      overdue: '2027-01-16',
      reported: '2027-01-16',
      collection: '2027-02-14',
      legal: '2027-04-15',
    });
  });

  it.each(['credit-card-cn', 'bnpl-cn'] as const)('%s: grace 3 days, reported on day 4', (id) => {
    expect(stagesOf(POLICY_PRESETS[id])).toEqual({
      grace: '2027-01-16',
      overdue: '2027-01-19',
      reported: '2027-01-19',
      collection: '2027-02-14',
      legal: '2027-04-15',
    });
  });

  it('generic-en: reported at 30 days, collection ~90, legal ~180', () => {
    expect(stagesOf(POLICY_PRESETS['generic-en'])).toEqual({
      grace: '2027-01-16',
      overdue: '2027-01-19',
      reported: '2027-02-14',
      collection: '2027-04-15',
      legal: '2027-07-14',
    });
  });

  it('lists the five later stages in order', () => {
    for (const id of POLICY_PRESET_IDS) {
      const e = evaluateInstallment(period1(), RATE, POLICY_PRESETS[id], DUE);
      expect(e.stages.map((s) => s.stage)).toEqual(['grace', 'overdue', 'reported', 'collection', 'legal']);
    }
  });

  it('bank-cn day by day: the stage and what comes next', () => {
    const bank = POLICY_PRESETS['bank-cn'];
    const at = (today: string): OverdueEvaluation => evaluateInstallment(period1(), RATE, bank, today);
    const cases: [string, string, { stage: string; from: string } | undefined][] = [
      ['2027-01-01', 'upcoming', { stage: 'due-today', from: '2027-01-15' }],
      ['2027-01-15', 'due-today', { stage: 'grace', from: '2027-01-16' }],
      ['2027-01-16', 'grace', { stage: 'reported', from: '2027-01-19' }],
      ['2027-01-18', 'grace', { stage: 'reported', from: '2027-01-19' }],
      ['2027-01-19', 'reported', { stage: 'collection', from: '2027-02-14' }],
      ['2027-02-13', 'reported', { stage: 'collection', from: '2027-02-14' }],
      ['2027-02-14', 'collection', { stage: 'legal', from: '2027-04-15' }],
      ['2027-04-15', 'legal', undefined],
      ['2030-01-01', 'legal', undefined],
    ];
    for (const [today, stage, next] of cases) {
      const e = at(today);
      expect({ today, stage: e.stage, next: e.nextStage }).toEqual({ today, stage, next });
    }
  });

  it("a policy with room between grace and reporting shows an 'overdue' stage", () => {
    const p = policyWith('bank-cn', { reportAfterDays: 10 });
    expect(evaluateInstallment(period1(), RATE, p, late(4)).stage).toBe('overdue');
    expect(evaluateInstallment(period1(), RATE, p, late(4)).nextStage).toEqual({ stage: 'reported', from: late(10) });
    expect(evaluateInstallment(period1(), RATE, p, late(10)).stage).toBe('reported');
  });

  it('with no grace the day after the due date is already past grace', () => {
    const p = policyWith('consumer-cn', { reportAfterDays: 5 });
    expect(evaluateInstallment(period1(), RATE, p, DUE).nextStage).toEqual({ stage: 'overdue', from: late(1) });
    expect(evaluateInstallment(period1(), RATE, p, late(1)).stage).toBe('overdue');
  });
});

describe('evaluateLoan', () => {
  const rows: InstallmentForOverdue[] = [
    inst('796.37', '92.12', '0', '0', '2027-02-15', 2),
    inst('788.49', '100.00', '888.49', '0', '2027-01-15', 1),
    inst('804.33', '84.16', '0', '0', '2027-03-15', 3),
    inst('812.37', '76.12', '0', '0', '2027-04-15', 4),
  ];

  it('skips paid installments, orders by due date and adds up what is overdue', () => {
    const r = evaluateLoan(rows, RATE, POLICY_PRESETS['bank-cn'], '2027-03-16');
    expect(r.installments.map((e) => e.n)).toEqual([2, 3, 4]);
    // Feb 2027 has 28 days: n=2 is 29 days late, one short of collection
    expect(r.installments.map((e) => e.stage)).toEqual(['reported', 'grace', 'upcoming']);
    // 888.49 (n=2, 29 days) + 888.49 (n=3, 1 day, in grace: still owed now)
    expect(money(r.totalOverdue)).toBe('1776.98');
    // n=2: 796.37 × 0.0005 × 29 = 11.55; 92.12 × 0.0005 × 29 = 1.34 → 12.89; n=3 in grace: 0
    expect(money(r.totalPenalty)).toBe('12.89');
    expect(money(r.totalLateFee)).toBe('0.00');
    expect(r.worstStage).toBe('reported');
    expect(evaluateLoan(rows, RATE, POLICY_PRESETS['bank-cn'], '2027-03-17').worstStage).toBe('collection');
  });

  it('with everything paid: nothing listed, zero totals, upcoming', () => {
    const paid = rows.map((row) => ({ ...row, paid: row.principal.plus(row.interest) }));
    const r = evaluateLoan(paid, RATE, POLICY_PRESETS['bank-cn'], '2027-03-16');
    expect(r.installments).toEqual([]);
    expect(money(r.totalOverdue)).toBe('0.00');
    expect(money(r.totalPenalty)).toBe('0.00');
    expect(r.worstStage).toBe('upcoming');
  });

  it('sums late fees separately from penalty', () => {
    const r = evaluateLoan(rows, RATE, POLICY_PRESETS['credit-card-cn'], '2027-03-20');
    // n=2 and n=3 past grace: 5% of 888.49 = 44.42 each
    expect(money(r.totalLateFee)).toBe('88.84');
  });
});

describe('properties (fast-check)', () => {
  const cents = (max: number): fc.Arbitrary<Decimal> => fc.integer({ min: 0, max }).map((c) => new Decimal(c).div(100));
  const installment = fc
    .record({ principal: cents(10_000_000), interest: cents(1_000_000), fee: cents(100_000), paidShare: fc.integer({ min: 0, max: 99 }) })
    .filter((r) => r.principal.plus(r.interest).plus(r.fee).gt(0))
    .map(({ principal, interest, fee, paidShare }) => ({
      n: 1,
      due: DUE,
      principal,
      interest,
      fee,
      paid: principal.plus(interest).plus(fee).times(paidShare).div(100).toDecimalPlaces(2, Decimal.ROUND_DOWN),
    }));
  const policy: fc.Arbitrary<OverduePolicy> = fc.oneof(
    fc.constantFrom(...POLICY_PRESET_IDS).map((id) => POLICY_PRESETS[id]),
    fc
      .record({
        m: fc.integer({ min: 100, max: 200 }),
        c: fc.boolean(),
        g: fc.integer({ min: 0, max: 30 }),
        b: fc.constantFrom(360 as const, 365 as const),
      })
      .map(({ m, c, g, b }) =>
        policyWith('bank-cn', {
          penalty: { kind: 'multiplier', multiplier: new Decimal(m).div(100), compoundOnInterest: c },
          graceDays: g,
          dayBasis: b,
          reportAfterDays: g + 1,
        }),
      ),
    fc.record({ p: fc.integer({ min: 0, max: 1000 }), g: fc.integer({ min: 0, max: 30 }) }).map(({ p, g }) =>
      policyWith('credit-card-cn', {
        penalty: { kind: 'daily-rate', dailyPercent: new Decimal(p).div(1000) },
        graceDays: g,
        reportAfterDays: g + 1,
      }),
    ),
  );
  const rate = fc.integer({ min: 0, max: 3600 }).map((bp) => new Decimal(bp).div(10_000));

  it('penalty and late fee are never negative, in cents, and never fall as days pass; stages never go back', () => {
    fc.assert(
      fc.property(
        installment,
        rate,
        policy,
        fc.integer({ min: -60, max: 4000 }),
        fc.integer({ min: 0, max: 400 }),
        (row, r, p, day, more) => {
          const a = evaluateInstallment(row, r, p, late(day));
          const b = evaluateInstallment(row, r, p, late(day + more));
          for (const e of [a, b]) {
            expect(e.penalty.isNeg()).toBe(false);
            expect(e.lateFee.isNeg()).toBe(false);
            expect(e.penalty.decimalPlaces()).toBeLessThanOrEqual(2);
          }
          expect(b.penalty.gte(a.penalty)).toBe(true);
          expect(b.lateFee.gte(a.lateFee)).toBe(true);
          expect(stageRank(b.stage)).toBeGreaterThanOrEqual(stageRank(a.stage));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('stage dates are in order and the stage is the last one reached', () => {
    fc.assert(
      fc.property(installment, policy, fc.integer({ min: 1, max: 4000 }), (row, p, day) => {
        const e = evaluateInstallment(row, RATE, p, late(day));
        const froms = e.stages.map((s) => s.from);
        expect([...froms].sort()).toEqual(froms);
        const reached = e.stages.filter((s) => s.from <= late(day));
        expect(e.stage).toBe(reached[reached.length - 1]?.stage);
        expect(e.inGrace).toBe(e.stage === 'grace');
        if (e.nextStage) expect(e.nextStage.from > late(day)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
