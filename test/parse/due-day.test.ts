import { describe, expect, it } from 'vitest';
import { parseDueDay } from '../../src/parse/due-day.ts';

describe('parseDueDay', () => {
  it.each([
    ['15号', 15],
    ['15日', 15],
    ['每月15日', 15],
    ['每个月 1号', 1],
    ['15號', 15],
    ['每個月15號', 15],
    ['day 15', 15],
    ['every 15th', 15],
    ['the 31st', 31],
    ['on the 2nd', 2],
    ['the 3rd of every month', 3],
    ['１５号', 15],
  ])('%s → %d', (text, day) => {
    expect(parseDueDay(text)).toEqual({ ok: true, value: day });
  });

  it.each(['12', '', '32号', '0号', 'day 40', '2027-01-15', 'soon'])('refuses %j', (text) => {
    expect(parseDueDay(text)).toEqual({ ok: false, error: 'due-day-not-understood' });
  });
});
