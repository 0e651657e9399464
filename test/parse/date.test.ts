import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../src/domain/calendar.ts';
import { parseDate, parseDateNear, readDate } from '../../src/parse/date.ts';

describe('parseDate', () => {
  it.each([
    ['2026-12-10', '2026-12-10'],
    ['2026/12/10', '2026-12-10'],
    ['2026.12.10', '2026-12-10'],
    ['2026-1-5', '2026-01-05'],
    ['2026年12月10日', '2026-12-10'],
    ['2026年12月10号', '2026-12-10'],
    ['2026年12月10號', '2026-12-10'],
    ['2026年1月5日', '2026-01-05'],
    ['2026 年 1 月 5 日', '2026-01-05'],
    ['20261210', '2026-12-10'],
    ['２０２６－１２－１０', '2026-12-10'],
    [' 2024-02-29 ', '2024-02-29'],
    ['2000-01-01', '2000-01-01'],
    ['2100-12-31', '2100-12-31'],
  ])('reads %s as %s', (text, expected) => {
    expect(parseDate(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['2026-02-30', 'date-impossible'],
    ['2025-02-29', 'date-impossible'],
    ['2026-13-01', 'date-impossible'],
    ['2026-04-31', 'date-impossible'],
    ['20260230', 'date-impossible'],
    ['1999-12-31', 'date-out-of-range'],
    ['2101-01-01', 'date-out-of-range'],
    ['3026年1月1日', 'date-out-of-range'],
    ['10/12/2026', 'date-not-understood'],
    ['12/10', 'date-not-understood'],
    ['2026-12/10', 'date-not-understood'],
    ['26-12-10', 'date-not-understood'],
    ['tomorrow', 'date-not-understood'],
    ['明天', 'date-not-understood'],
    ['', 'date-not-understood'],
    ['2026-12-10 '.repeat(20), 'text-too-long'],
  ])('refuses %s with %s', (text, code) => {
    expect(parseDate(text)).toEqual({ ok: false, error: code });
  });
});

describe('parseDate reads the forms that need no reference day', () => {
  it.each([
    ['15 Feb 2027', '2027-02-15'],
    ['15th February 2027', '2027-02-15'],
    ['15 feb, 2027', '2027-02-15'],
    ['15-Feb-2027', '2027-02-15'],
    ['Feb 15 2027', '2027-02-15'],
    ['February 15th, 2027', '2027-02-15'],
    ['Sept 1, 2026', '2026-09-01'],
    ['the 1st of March 2027', '2027-03-01'],
  ])('%s → %s', (text, date) => {
    expect(parseDate(text)).toEqual({ ok: true, value: date });
  });

  it.each([
    ['30 Feb 2027', 'date-impossible'],
    ['Feb 15 1999', 'date-out-of-range'],
    ['Feb 15', 'date-not-understood'],
    ['2月15日', 'date-not-understood'],
    ['15号', 'date-not-understood'],
    ['下个月15号', 'date-not-understood'],
    // parseDate has nowhere to say it assumed day first, so it does not: readDate does.
    ['15/02/2027', 'date-not-understood'],
    ['02/15/2027', 'date-not-understood'],
    ['Febtember 15 2027', 'date-not-understood'],
  ])('refuses %s with %s (without a reference day)', (text, code) => {
    expect(parseDate(text)).toEqual({ ok: false, error: code });
  });

  it('with a reference day, the forms that need one', () => {
    expect(parseDate('明天', { today: '2026-12-31' })).toEqual({ ok: true, value: '2027-01-01' });
    expect(parseDate('2月15日', { today: '2026-06-20', prefer: 'past' })).toEqual({ ok: true, value: '2026-02-15' });
  });
});

describe('readDate: day first with the year last, and saying so', () => {
  it.each([
    ['15/02/2027', '2027-02-15'],
    ['10/12/2026', '2026-12-10'],
    ['15.02.2027', '2027-02-15'],
    ['15-2-2027', '2027-02-15'],
    ['1/1/2027', '2027-01-01'],
  ])('%s → %s, day/month/year assumed', (text, date) => {
    expect(readDate(text)).toEqual({ ok: true, value: { date, dateOrderAssumed: 'day-month-year' } });
  });

  it('a year-first or month-name date assumes nothing', () => {
    expect(readDate('2027-02-15')).toEqual({ ok: true, value: { date: '2027-02-15' } });
    expect(readDate('15 Feb 2027')).toEqual({ ok: true, value: { date: '2027-02-15' } });
  });

  it.each([
    ['02/15/2027', 'date-order-day-first'],
    ['12/31/2026', 'date-order-day-first'],
    ['31/02/2027', 'date-impossible'],
    ['13/13/2027', 'date-impossible'],
    ['15/02/1999', 'date-out-of-range'],
    ['15/02/27', 'date-not-understood'],
    ['15/02', 'date-not-understood'],
    ['15/02-2027', 'date-not-understood'],
  ])('refuses %s with %s', (text, code) => {
    expect(readDate(text)).toEqual({ ok: false, error: code });
  });
});

describe('readDate near a reference day', () => {
  const today = '2026-06-20';

  it.each([
    ['今天', '2026-06-20'],
    ['today', '2026-06-20'],
    ['明天', '2026-06-21'],
    ['tomorrow', '2026-06-21'],
    ['Tomorrow', '2026-06-21'],
    ['昨天', '2026-06-19'],
    ['yesterday', '2026-06-19'],
    ['后天', '2026-06-22'],
    ['後天', '2026-06-22'],
    ['前天', '2026-06-18'],
    ['下个月15号', '2026-07-15'],
    ['下個月15號', '2026-07-15'],
    ['下月1日', '2026-07-01'],
    ['下个月的十五号', '2026-07-15'],
    ['这个月30号', '2026-06-30'],
    ['這個月1號', '2026-06-01'],
    ['上个月5号', '2026-05-05'],
    ['next month on the 15th', '2026-07-15'],
    ['the 15th of next month', '2026-07-15'],
    ['15th next month', '2026-07-15'],
    ['明年2月1日', '2027-02-01'],
    ['今年12月1日', '2026-12-01'],
    ['去年12月1日', '2025-12-01'],
  ])('%s counts from today: %s', (text, date) => {
    for (const prefer of ['future', 'past'] as const) {
      expect(readDate(text, { today, prefer })).toEqual({ ok: true, value: { date, relative: true } });
    }
  });

  it.each([
    // text, due date (next on or after today), payment date (last on or before today)
    ['2月15日', '2027-02-15', '2026-02-15'],
    ['2月15號', '2027-02-15', '2026-02-15'],
    ['2月15', '2027-02-15', '2026-02-15'],
    ['十二月十日', '2026-12-10', '2025-12-10'],
    ['Feb 15', '2027-02-15', '2026-02-15'],
    ['15 Feb', '2027-02-15', '2026-02-15'],
    ['February 15th', '2027-02-15', '2026-02-15'],
    ['6月20日', '2026-06-20', '2026-06-20'],
    ['2月29日', '2028-02-29', '2024-02-29'],
  ])('%s, with no year: due %s, paid %s', (text, due, paid) => {
    expect(readDate(text, { today, prefer: 'future' })).toEqual({ ok: true, value: { date: due, inferred: 'year' } });
    expect(readDate(text, { today, prefer: 'past' })).toEqual({ ok: true, value: { date: paid, inferred: 'year' } });
    expect(parseDateNear(text, today, 'future')).toEqual({ ok: true, value: { date: due, inferred: 'year' } });
  });

  it('prefer defaults to a due date, ahead', () => {
    expect(readDate('Feb 15', { today })).toEqual({ ok: true, value: { date: '2027-02-15', inferred: 'year' } });
  });

  it.each([
    // text, due, paid
    ['15号', '2026-07-15', '2026-06-15'],
    ['15日', '2026-07-15', '2026-06-15'],
    ['20号', '2026-06-20', '2026-06-20'],
    ['二十五号', '2026-06-25', '2026-05-25'],
    ['31号', '2026-07-31', '2026-05-31'],
  ])('%s, a day with no month: due %s, paid %s', (text, due, paid) => {
    expect(readDate(text, { today, prefer: 'future' })).toEqual({ ok: true, value: { date: due, inferred: 'month' } });
    expect(readDate(text, { today, prefer: 'past' })).toEqual({ ok: true, value: { date: paid, inferred: 'month' } });
  });

  it('across the end of a year', () => {
    expect(readDate('明天', { today: '2026-12-31' })).toEqual({ ok: true, value: { date: '2027-01-01', relative: true } });
    expect(readDate('下个月5号', { today: '2026-12-31' })).toEqual({ ok: true, value: { date: '2027-01-05', relative: true } });
    expect(readDate('1号', { today: '2026-12-31' })).toEqual({ ok: true, value: { date: '2027-01-01', inferred: 'month' } });
    expect(readDate('12月31日', { today: '2027-01-01', prefer: 'past' })).toEqual({
      ok: true,
      value: { date: '2026-12-31', inferred: 'year' },
    });
  });

  it.each([
    ['下个月31号', '2026-08-20', 'date-impossible'],
    ['2月30日', '2026-06-20', 'date-impossible'],
    ['Feb 30', '2026-06-20', 'date-impossible'],
    ['13月1日', '2026-06-20', 'date-impossible'],
    ['32号', '2026-06-20', 'date-impossible'],
    ['明年1月1日', '2100-06-01', 'date-out-of-range'],
    ['每月15号', '2026-06-20', 'date-not-understood'],
    ['15', '2026-06-20', 'date-not-understood'],
    ['12/10', '2026-06-20', 'date-not-understood'],
    ['someday', '2026-06-20', 'date-not-understood'],
  ])('refuses %s (today %s) with %s', (text, today, code) => {
    expect(readDate(text, { today })).toEqual({ ok: false, error: code });
  });
});

describe('readDate: a date without a year is the nearest one on the side asked for', () => {
  it('due: on or after today, within a year; paid: on or before today, within a year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 36_500 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (offset, m, d) => {
        const today = addDays('2001-01-01', offset);
        const due = readDate(`${m}月${d}日`, { today, prefer: 'future' });
        const paid = readDate(`${m}月${d}日`, { today, prefer: 'past' });
        if (!due.ok || !paid.ok) return due.ok || due.error === 'date-out-of-range';
        const ahead = daysBetween(today, due.value.date);
        const behind = daysBetween(paid.value.date, today);
        expect(ahead).toBeGreaterThanOrEqual(0);
        expect(ahead).toBeLessThan(366);
        expect(behind).toBeGreaterThanOrEqual(0);
        expect(behind).toBeLessThan(366);
        expect(due.value.date.slice(5)).toBe(`${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
        return true;
      }),
    );
  });
});
