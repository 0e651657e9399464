import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/domain/money.ts';
import {
  POLICY_PRESETS,
  POLICY_PRESET_IDS,
  defaultPresetFor,
  policyWith,
  validatePolicy,
  type OverduePolicy,
} from '../../src/domain/overdue-policy.ts';

const d = (s: string): Decimal => new Decimal(s);
const fields = (p: OverduePolicy): string[] => validatePolicy(p).map((x) => x.field);

describe('POLICY_PRESETS (domain.md §3, "typical; check your contract")', () => {
  it.each(POLICY_PRESET_IDS)('%s passes its own validation', (id) => {
    expect(validatePolicy(POLICY_PRESETS[id])).toEqual([]);
  });

  it('lists every preset id', () => {
    expect([...POLICY_PRESET_IDS].sort()).toEqual(Object.keys(POLICY_PRESETS).sort());
  });

  it('bank-cn: grace 3, contract rate × 1.5 compounded on interest, 360-day basis, reported on day 4', () => {
    const p = POLICY_PRESETS['bank-cn'];
    expect(p.graceDays).toBe(3);
    expect(p.penalty.kind).toBe('multiplier');
    if (p.penalty.kind === 'multiplier') {
      expect(p.penalty.multiplier.toString()).toBe('1.5');
      expect(p.penalty.compoundOnInterest).toBe(true);
    }
    expect(p.dayBasis).toBe(360);
    expect([p.reportAfterDays, p.collectionAfterDays, p.legalAfterDays]).toEqual([4, 30, 90]);
    expect(p.lateFee).toBeUndefined();
  });

  it('consumer-cn: 0.05%/day on the whole amount, no grace, reported from day 1', () => {
    const p = POLICY_PRESETS['consumer-cn'];
    expect(p.penalty).toEqual({ kind: 'daily-rate', dailyPercent: d('0.05') });
    expect(p.graceDays).toBe(0);
    expect(p.dayBasis).toBe(360);
    expect(p.reportAfterDays).toBe(1);
  });

  it('credit-card-cn: grace 3, 0.05%/day revolving, late fee 5% of the unpaid minimum with a ¥10 floor', () => {
    const p = POLICY_PRESETS['credit-card-cn'];
    expect(p.graceDays).toBe(3);
    expect(p.penalty).toEqual({ kind: 'daily-rate', dailyPercent: d('0.05') });
    expect(p.lateFee).toEqual({ percentOfMinimum: d('5'), floor: d('10') });
    expect(p.reportAfterDays).toBe(4);
  });

  it('bnpl-cn: a daily rate on the overdue amount', () => {
    expect(POLICY_PRESETS['bnpl-cn'].penalty.kind).toBe('daily-rate');
  });

  it('generic-en: reported at 30 days, contract rate continues (× 1, not compounded), no late fee', () => {
    const p = POLICY_PRESETS['generic-en'];
    expect(p.reportAfterDays).toBe(30);
    expect(p.penalty).toEqual({ kind: 'multiplier', multiplier: d('1'), compoundOnInterest: false });
    expect(p.lateFee).toBeUndefined();
  });

  it('presets are frozen so no caller can change them for everyone', () => {
    const p = POLICY_PRESETS['bank-cn'];
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.penalty)).toBe(true);
    expect(Object.isFrozen(POLICY_PRESETS['credit-card-cn'].lateFee)).toBe(true);
  });
});

describe('defaultPresetFor', () => {
  it.each([
    ['bnpl', 'bnpl-cn'],
    ['fee', 'consumer-cn'],
    ['flat', 'consumer-cn'],
    ['annuity', 'bank-cn'],
    ['equal-principal', 'bank-cn'],
    ['interest-first', 'bank-cn'],
    ['bullet', 'bank-cn'],
    ['something-new', 'bank-cn'],
  ])('%s → %s', (method, preset) => {
    expect(defaultPresetFor(method)).toBe(preset);
  });
});

describe('policyWith', () => {
  it('replaces only the given fields and leaves the preset alone', () => {
    const p = policyWith('bank-cn', { graceDays: 0, penalty: { kind: 'multiplier', multiplier: d('1.3'), compoundOnInterest: false } });
    expect(p.graceDays).toBe(0);
    expect(p.penalty).toEqual({ kind: 'multiplier', multiplier: d('1.3'), compoundOnInterest: false });
    expect(p.reportAfterDays).toBe(4);
    expect(POLICY_PRESETS['bank-cn'].graceDays).toBe(3);
    expect(Object.isFrozen(p)).toBe(false);
  });

  it('ignores undefined overrides, except lateFee where undefined removes the fee', () => {
    expect(policyWith('bank-cn', { graceDays: undefined }).graceDays).toBe(3);
    expect(policyWith('credit-card-cn', {}).lateFee).toEqual({ percentOfMinimum: d('5'), floor: d('10') });
    const noFee = policyWith('credit-card-cn', { lateFee: undefined });
    expect('lateFee' in noFee).toBe(false);
    expect(policyWith('generic-en', { lateFee: { fixed: d('25') } }).lateFee).toEqual({ fixed: d('25') });
  });
});

describe('validatePolicy', () => {
  const bank = POLICY_PRESETS['bank-cn'];

  it.each([
    ['graceDays', { graceDays: -1 }],
    ['graceDays', { graceDays: 31 }],
    ['graceDays', { graceDays: 1.5 }],
    ['penalty.multiplier', { penalty: { kind: 'multiplier', multiplier: d('0.9'), compoundOnInterest: true } }],
    ['penalty.multiplier', { penalty: { kind: 'multiplier', multiplier: d('15'), compoundOnInterest: true } }],
    ['penalty.dailyPercent', { penalty: { kind: 'daily-rate', dailyPercent: d('5') } }],
    ['penalty.dailyPercent', { penalty: { kind: 'daily-rate', dailyPercent: d('-0.01') } }],
    ['dayBasis', { dayBasis: 366 as 360 }],
    ['reportAfterDays', { reportAfterDays: 3 }],
    ['reportAfterDays', { reportAfterDays: 3651, collectionAfterDays: 3651, legalAfterDays: 3651 }],
    ['collectionAfterDays', { collectionAfterDays: 3 }],
    ['legalAfterDays', { legalAfterDays: 29 }],
    ['legalAfterDays', { legalAfterDays: 4000 }],
    ['lateFee.fixed', { lateFee: { fixed: d('-1') } }],
    ['lateFee.percentOfMinimum', { lateFee: { percentOfMinimum: d('101'), floor: d('10') } }],
    ['lateFee.floor', { lateFee: { percentOfMinimum: d('5'), floor: d('-10') } }],
  ] as [string, Partial<OverduePolicy>][])('flags %s in %o', (field, change) => {
    const problems = validatePolicy({ ...bank, ...change });
    expect(problems.map((p) => p.field)).toContain(field);
    expect(problems.every((p) => p.allowed.length > 0)).toBe(true);
  });

  it('accepts the edges of every range', () => {
    expect(fields({ ...bank, graceDays: 0, reportAfterDays: 1, collectionAfterDays: 1, legalAfterDays: 1 })).toEqual([]);
    expect(fields({ ...bank, graceDays: 30, reportAfterDays: 31, collectionAfterDays: 3650, legalAfterDays: 3650 })).toEqual([]);
    expect(fields({ ...bank, penalty: { kind: 'multiplier', multiplier: d('1'), compoundOnInterest: false } })).toEqual([]);
    expect(fields({ ...bank, penalty: { kind: 'multiplier', multiplier: d('2'), compoundOnInterest: true } })).toEqual([]);
    expect(fields({ ...bank, penalty: { kind: 'daily-rate', dailyPercent: d('0') } })).toEqual([]);
    expect(fields({ ...bank, penalty: { kind: 'daily-rate', dailyPercent: d('1') } })).toEqual([]);
    expect(fields({ ...bank, dayBasis: 365 })).toEqual([]);
  });

  it('reports a problem once, where it is, not again for every later threshold', () => {
    expect(fields({ ...bank, reportAfterDays: 0 })).toEqual(['reportAfterDays']);
  });

  it('flags an unknown penalty kind', () => {
    expect(fields({ ...bank, penalty: { kind: 'other' } as unknown as OverduePolicy['penalty'] })).toEqual(['penalty.kind']);
  });
});
