import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/domain/money.ts';
import {
  DEFAULT_WAIVER_GUIDANCE,
  formatWaiverGuidance,
  parseWaiverGuidance,
  suggestedWaiver,
  type WaiverGuidance,
} from '../../src/domain/waiver-guidance.ts';

function table(text: string): WaiverGuidance {
  const result = parseWaiverGuidance(text);
  if (!result.ok) throw new Error(result.message);
  return result.table;
}

describe('suggestedWaiver with the default table', () => {
  it.each([
    [0, false, '100'],
    [1, false, '100'],
    [30, false, '100'],
    [30, true, '50'],
    [31, false, '50'],
    [31, true, '25'],
    [90, true, '25'],
    [91, false, '30'],
    [400, true, '0'],
  ])('%i days overdue, repeated %s → %s%%', (days, repeated, percent) => {
    expect(suggestedWaiver(DEFAULT_WAIVER_GUIDANCE, days, repeated).percent.toString()).toBe(percent);
  });

  it('names the row it used, so the operator sees why', () => {
    expect(suggestedWaiver(DEFAULT_WAIVER_GUIDANCE, 45, false).row).toBe(DEFAULT_WAIVER_GUIDANCE[1]);
    expect(suggestedWaiver(DEFAULT_WAIVER_GUIDANCE, 45, false).row.upToDays).toBe(90);
  });

  it('refuses a negative or fractional day count (a caller bug)', () => {
    expect(() => suggestedWaiver(DEFAULT_WAIVER_GUIDANCE, -1, false)).toThrow(RangeError);
    expect(() => suggestedWaiver(DEFAULT_WAIVER_GUIDANCE, 1.5, false)).toThrow(RangeError);
  });
});

describe('parseWaiverGuidance', () => {
  it('reads the default back from its own syntax', () => {
    expect(formatWaiverGuidance(DEFAULT_WAIVER_GUIDANCE)).toBe('30:100/50, 90:50/25, *:30/0');
    expect(table('30:100/50, 90:50/25, *:30/0')).toEqual(DEFAULT_WAIVER_GUIDANCE);
  });

  it('accepts any spacing, one open row, and two decimals', () => {
    const t = table(' 15 : 80 / 40 ,60:50.5/12.25,*:0/0 ');
    expect(formatWaiverGuidance(t)).toBe('15:80/40, 60:50.5/12.25, *:0/0');
    expect(suggestedWaiver(t, 20, true).percent.toString()).toBe('12.25');
    expect(formatWaiverGuidance(table('*:20/10'))).toBe('*:20/10');
  });

  it.each([
    ['', 'is empty: write rows days:first/repeated, the last one *'],
    ['30:100/50, 90:50/25', 'the last row must be *:first/repeated (any longer overdue), not "90:50/25"'],
    ['*:100/50, *:30/0', 'row 1 "*:100/50": only the last row may be * (any longer overdue)'],
    ['90:50/25, 30:100/50, *:30/0', 'row 2 "30:100/50": 30 days must be more than the row before (90 days)'],
    ['30:100/50, 30:50/25, *:30/0', 'row 2 "30:50/25": 30 days must be more than the row before (30 days)'],
    ['30:120/50, *:30/0', 'row 1 "30:120/50": the first-overdue percent "120" must be a number from 0 to 100 with at most 2 decimals'],
    ['30:100/-5, *:30/0', 'row 1 "30:100/-5": the repeated-overdue percent "-5" must be a number from 0 to 100 with at most 2 decimals'],
    [
      '30:100/50.125, *:30/0',
      'row 1 "30:100/50.125": the repeated-overdue percent "50.125" must be a number from 0 to 100 with at most 2 decimals',
    ],
    ['30:100%/50, *:30/0', 'row 1 "30:100%/50": the first-overdue percent "100%" must be a number from 0 to 100 with at most 2 decimals'],
    ['0:100/50, *:30/0', 'row 1 "0:100/50": days must be a whole number of days, at least 1, or * in the last row'],
    ['30d:100/50, *:30/0', 'row 1 "30d:100/50": days must be a whole number of days, at least 1, or * in the last row'],
    ['30-100/50, *:30/0', 'row 1 "30-100/50" is not days:first/repeated (e.g. 90:50/25)'],
    ['30:100, *:30/0', 'row 1 "30:100" is not days:first/repeated (e.g. 90:50/25)'],
    ['30:100/50,, *:30/0', 'row 2 "" is not days:first/repeated (e.g. 90:50/25)'],
  ])('%j → %s', (text, message) => {
    expect(parseWaiverGuidance(text)).toEqual({ ok: false, message });
  });

  it('keeps percents exact (decimal, not float)', () => {
    expect(table('10:33.33/0.1, *:0.2/0')[0]?.first).toEqual(new Decimal('33.33'));
  });
});
