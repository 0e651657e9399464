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
    ['每月十五号', 15],
    ['每个月的15号', 15],
    ['每月的三十一日', 31],
    ['每月15', 15],
    ['每個月15號還款', 15],
    ['每月15号还', 15],
    ['二十号', 20],
    ['15th of each month', 15],
    ['the 15th of every month', 15],
    ['on the 15th of each month', 15],
    ['every month on the 15th', 15],
    ['each month on the 1st', 1],
    ['monthly on the 15th', 15],
    ['Every 15th', 15],
    ['月底', 31],
    ['每月月底', 31],
    ['每個月最後一天', 31],
    ['每月最后一天', 31],
    ['end of the month', 31],
    ['the last day of every month', 31],
  ])('%s → %d', (text, day) => {
    expect(parseDueDay(text)).toEqual({ ok: true, value: day });
  });

  it.each([
    '12',
    '',
    '32号',
    '0号',
    'day 40',
    '2027-01-15',
    'soon',
    '每月',
    '每月三十二号',
    '每月0号',
    '十十号',
    'monthly',
    'every month',
    '15 月',
  ])('refuses %j', (text) => {
    expect(parseDueDay(text)).toEqual({ ok: false, error: 'due-day-not-understood' });
  });

  it('refuses text too long to be a day', () => {
    expect(parseDueDay('15号'.repeat(100))).toEqual({ ok: false, error: 'text-too-long' });
  });
});
