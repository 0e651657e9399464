import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, daysBetween, daysInMonth, splitIsoDate } from '../../src/domain/calendar.ts';
import { firstDueFrom } from '../../src/domain/first-due.ts';

describe('firstDueFrom', () => {
  it('is later the same month when the due day is still ahead', () => {
    expect(firstDueFrom('2027-01-03', 15)).toBe('2027-01-15');
    expect(firstDueFrom('2027-01-14', 15)).toBe('2027-01-15');
  });

  it('is next month when the due day has passed', () => {
    expect(firstDueFrom('2027-01-20', 15)).toBe('2027-02-15');
    expect(firstDueFrom('2027-12-20', 5)).toBe('2028-01-05');
  });

  it('is a month later for a loan taken ON its due day (strictly after start)', () => {
    expect(firstDueFrom('2027-01-15', 15)).toBe('2027-02-15');
    expect(firstDueFrom('2027-12-01', 1)).toBe('2028-01-01');
  });

  it('clamps due day 31 to the end of a short month', () => {
    expect(firstDueFrom('2027-01-31', 31)).toBe('2027-02-28');
    expect(firstDueFrom('2027-02-10', 31)).toBe('2027-02-28');
    expect(firstDueFrom('2027-04-01', 31)).toBe('2027-04-30');
    expect(firstDueFrom('2027-01-31', 30)).toBe('2027-02-28');
  });

  it('does not pay twice in one month: start on a clamped month end moves to the next month', () => {
    // 28 Feb is February's "31st": a loan taken that day pays on 31 March.
    expect(firstDueFrom('2027-02-28', 31)).toBe('2027-03-31');
    expect(firstDueFrom('2027-04-30', 31)).toBe('2027-05-31');
    expect(firstDueFrom('2027-02-28', 29)).toBe('2027-03-29');
  });

  it('uses 29 February in leap years (including 2000, not 2100)', () => {
    expect(firstDueFrom('2028-01-31', 31)).toBe('2028-02-29');
    expect(firstDueFrom('2028-02-28', 29)).toBe('2028-02-29');
    expect(firstDueFrom('2028-02-29', 29)).toBe('2028-03-29');
    expect(firstDueFrom('2000-01-30', 30)).toBe('2000-02-29');
    expect(firstDueFrom('2100-01-30', 30)).toBe('2100-02-28');
  });

  it('crosses the year end', () => {
    expect(firstDueFrom('2026-12-31', 31)).toBe('2027-01-31');
    expect(firstDueFrom('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('refuses a due day outside 1..31 and a malformed start', () => {
    for (const day of [0, 32, -1, 1.5, Number.NaN]) expect(() => firstDueFrom('2027-01-01', day)).toThrow(RangeError);
    expect(() => firstDueFrom('2027-02-30', 1)).toThrow(RangeError);
  });

  it('is the first date after start whose day is the (clamped) due day (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 30 }), fc.integer({ min: 1, max: 31 }), (offset, dueDay) => {
        const start = addDays('2020-01-01', offset);
        const due = firstDueFrom(start, dueDay);
        const matches = (date: string): boolean => {
          const { y, m, d } = splitIsoDate(date);
          return d === Math.min(dueDay, daysInMonth(y, m));
        };
        expect(matches(due)).toBe(true);
        const gap = daysBetween(start, due);
        expect(gap).toBeGreaterThanOrEqual(1);
        expect(gap).toBeLessThanOrEqual(31);
        for (let k = 1; k < gap; k++) expect(matches(addDays(start, k))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
