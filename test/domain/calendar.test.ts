import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonthsClamped,
  daysBetween,
  isValidDate,
  isValidTimeZone,
  makeIsoDate,
  parseIsoDateStrict,
  todayIn,
  weekdayIndex,
} from '../../src/domain/calendar.ts';

describe('isValidDate / makeIsoDate / parseIsoDateStrict', () => {
  it('knows leap years, including the century rules', () => {
    expect(isValidDate(2024, 2, 29)).toBe(true);
    expect(isValidDate(2025, 2, 29)).toBe(false);
    expect(isValidDate(2000, 2, 29)).toBe(true);
    expect(isValidDate(2100, 2, 29)).toBe(false);
    expect(isValidDate(2026, 4, 31)).toBe(false);
    expect(isValidDate(2026, 13, 1)).toBe(false);
    expect(isValidDate(2026, 0, 1)).toBe(false);
    expect(isValidDate(2026, 1, 0)).toBe(false);
    expect(isValidDate(2026, 1.5, 1)).toBe(false);
  });

  it('pads months and days to two digits', () => {
    expect(makeIsoDate(2026, 1, 5)).toBe('2026-01-05');
    expect(makeIsoDate(2026, 12, 31)).toBe('2026-12-31');
    expect(() => makeIsoDate(2026, 2, 30)).toThrow(RangeError);
  });

  it('accepts only exact YYYY-MM-DD real dates', () => {
    expect(parseIsoDateStrict('2026-12-10')).toBe('2026-12-10');
    expect(parseIsoDateStrict('2026-02-30')).toBeNull();
    expect(parseIsoDateStrict('2026-1-05')).toBeNull();
    expect(parseIsoDateStrict(' 2026-01-05')).toBeNull();
    expect(parseIsoDateStrict('2026/01/05')).toBeNull();
    expect(parseIsoDateStrict('2026-01-05T00:00:00Z')).toBeNull();
  });
});

describe('addMonthsClamped', () => {
  it('clamps the 31st to the end of shorter months and comes back to the 31st', () => {
    expect(addMonthsClamped('2027-01-31', 0)).toBe('2027-01-31');
    expect(addMonthsClamped('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonthsClamped('2027-01-31', 2)).toBe('2027-03-31');
    expect(addMonthsClamped('2027-01-31', 3)).toBe('2027-04-30');
  });

  it('uses 29 February in leap years', () => {
    expect(addMonthsClamped('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsClamped('2027-02-28', 12)).toBe('2028-02-28');
    expect(addMonthsClamped('2028-02-29', 12)).toBe('2029-02-28');
  });

  it('crosses year ends in both directions', () => {
    expect(addMonthsClamped('2027-12-15', 1)).toBe('2028-01-15');
    expect(addMonthsClamped('2027-01-15', -1)).toBe('2026-12-15');
    expect(addMonthsClamped('2027-03-31', -1)).toBe('2027-02-28');
    expect(addMonthsClamped('2027-01-10', 359)).toBe('2056-12-10');
  });

  it('rejects malformed input instead of producing a wrong date', () => {
    expect(() => addMonthsClamped('2027-1-31', 1)).toThrow(RangeError);
    expect(() => addMonthsClamped('2027-01-31', 1.5)).toThrow(RangeError);
  });

  it('always keeps the first date’s day, clamped to the month (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 600 }),
        (y, m, d, k) => {
          fc.pre(isValidDate(y, m, d));
          const result = addMonthsClamped(makeIsoDate(y, m, d), k);
          const index = y * 12 + m - 1 + k;
          const ry = Math.floor(index / 12);
          const rm = (index % 12) + 1;
          const lastDay = new Date(Date.UTC(ry, rm, 0)).getUTCDate();
          expect(result).toBe(makeIsoDate(ry, rm, Math.min(d, lastDay)));
        },
      ),
    );
  });
});

describe('daysBetween / addDays / weekdayIndex', () => {
  it('counts calendar days, negative when going back', () => {
    expect(daysBetween('2027-01-01', '2027-12-31')).toBe(364);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2027-01-15', '2027-01-12')).toBe(-3);
    expect(daysBetween('2027-01-15', '2027-01-15')).toBe(0);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2027-01-12', 90)).toBe('2027-04-12');
  });

  it('gives 0 for Sunday', () => {
    expect(weekdayIndex('1970-01-01')).toBe(4);
    expect(weekdayIndex('2000-01-01')).toBe(6);
    expect(weekdayIndex('2027-01-03')).toBe(0);
    expect(weekdayIndex('1969-12-28')).toBe(0);
  });

  it('agrees with the platform calendar (property)', () => {
    const start = Date.UTC(2000, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40000 }), fc.integer({ min: -3000, max: 3000 }), (offset, n) => {
        const day = new Date(start + offset * 86_400_000);
        const iso = day.toISOString().slice(0, 10);
        const later = addDays(iso, n);
        expect(later).toBe(new Date(day.getTime() + n * 86_400_000).toISOString().slice(0, 10));
        expect(daysBetween(iso, later)).toBe(n);
        expect(weekdayIndex(iso)).toBe(day.getUTCDay());
      }),
    );
  });
});

describe('todayIn', () => {
  const instant = new Date('2026-12-31T16:30:00Z');

  it('is the date on the borrower’s wall calendar, not the UTC date', () => {
    expect(todayIn('Asia/Shanghai', instant)).toBe('2027-01-01');
    expect(todayIn('Europe/London', instant)).toBe('2026-12-31');
    expect(todayIn('UTC', instant)).toBe('2026-12-31');
    expect(todayIn('America/New_York', new Date('2027-01-01T03:00:00Z'))).toBe('2026-12-31');
  });

  it('follows daylight saving time', () => {
    // 04:30Z is already the 4th in New York in July (UTC−4) but still the 3rd in January (UTC−5).
    expect(todayIn('America/New_York', new Date('2027-07-04T03:30:00Z'))).toBe('2027-07-03');
    expect(todayIn('America/New_York', new Date('2027-07-04T04:30:00Z'))).toBe('2027-07-04');
    expect(todayIn('America/New_York', new Date('2027-01-04T04:30:00Z'))).toBe('2027-01-03');
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA names and rejects anything else', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Asia/Taipei')).toBe(true);
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('Beijing')).toBe(false);
  });
});
