import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/parse/date.ts';

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
