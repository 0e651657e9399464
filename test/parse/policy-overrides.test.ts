import { describe, expect, it } from 'vitest';
import { parsePolicyOverrides } from '../../src/parse/policy-overrides.ts';

describe('parsePolicyOverrides', () => {
  it('reads an English line', () => {
    expect(parsePolicyOverrides('grace 5, 0.05%/day, report 30, late fee 50', 'bank-cn', {})).toEqual({
      ok: true,
      value: { graceDays: 5, dailyPercent: '0.05', reportAfterDays: 30, lateFee: '50' },
    });
  });

  it('reads simplified and traditional Chinese alike', () => {
    const want = { ok: true, value: { graceDays: 5, dailyPercent: '0.05', reportAfterDays: 30, lateFee: '50' } };
    expect(parsePolicyOverrides('宽限期5天 日0.05% 上报30天 违约金50', 'bank-cn', {})).toEqual(want);
    expect(parsePolicyOverrides('寬限期5天 日0.05% 上報30天 違約金50', 'bank-cn', {})).toEqual(want);
    expect(parsePolicyOverrides('滯納金 20', 'bank-cn', {})).toEqual({ ok: true, value: { lateFee: '20' } });
    expect(parsePolicyOverrides('計息天數 365', 'bank-cn', {})).toEqual({ ok: true, value: { dayBasis: 365 } });
  });

  it('adds to what was already changed; a multiplier replaces a daily rate', () => {
    expect(parsePolicyOverrides('x1.5', 'bank-cn', { graceDays: 3, dailyPercent: '0.05' })).toEqual({
      ok: true,
      value: { graceDays: 3, multiplier: '1.5' },
    });
  });

  it('says when it read nothing, or the rules do not fit together', () => {
    expect(parsePolicyOverrides('whatever', 'bank-cn', {})).toEqual({ ok: false, error: 'policy-not-understood' });
    expect(parsePolicyOverrides('grace 10, report 5', 'bank-cn', {})).toEqual({ ok: false, error: 'policy-not-allowed' });
  });
});
