import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isLocalTime, minutesOfDay } from '../../src/domain/local-time.ts';
import { parseLocalTime, readLocalTime } from '../../src/parse/local-time.ts';

describe('parseLocalTime', () => {
  it.each([
    ['9:00', '09:00'],
    ['09:00', '09:00'],
    ['21:30', '21:30'],
    ['0:05', '00:05'],
    ['23:59', '23:59'],
    ['9', '09:00'],
    ['9am', '09:00'],
    ['9 pm', '21:00'],
    ['9:30 PM', '21:30'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
    ['noon', '12:00'],
    [' 21:30 ', '21:30'],
    ['８：３０', '08:30'],
    ['21点', '21:00'],
    ['9点', '09:00'],
    ['9點', '09:00'],
    ['九点', '09:00'],
    ['二十一点', '21:00'],
    ['晚上9点', '21:00'],
    ['晚上九点半', '21:30'],
    ['晚上21点', '21:00'],
    ['晚上12点', '00:00'],
    ['早上8点半', '08:30'],
    ['早上8點半', '08:30'],
    ['上午10点15分', '10:15'],
    ['8点30', '08:30'],
    ['8点05分', '08:05'],
    ['九点一刻', '09:15'],
    ['下午3点', '15:00'],
    ['下午3:45', '15:45'],
    ['中午12点', '12:00'],
    ['中午1点', '13:00'],
    ['凌晨2点', '02:00'],
    ['7点整', '07:00'],
  ])('%s → %s', (text, want) => {
    expect(parseLocalTime(text)).toBe(want);
  });

  it.each(['25:00', '12:60', '24:00', '', '   ', '9:5', '0am', '13pm', '25点', '早上21点', '下午20点', 'nine', '9:00:00', '-1', '9点60分'])(
    'rejects %j',
    (text) => {
      expect(parseLocalTime(text)).toBeNull();
    },
  );

  it('every HH:MM it returns is canonical and round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const text = `${h}:${String(m).padStart(2, '0')}`;
        const t = parseLocalTime(text);
        expect(t).not.toBeNull();
        expect(isLocalTime(t as string)).toBe(true);
        expect(minutesOfDay(t as string)).toBe(h * 60 + m);
      }),
    );
  });
});

describe('parseLocalTime in traditional script', () => {
  it.each([
    ['晚上9點', '21:00'],
    ['早上8點半', '08:30'],
    ['9點鐘', '09:00'],
    ['兩點', '02:00'],
    ['21時', '21:00'],
    ['上午10點15分鐘', '10:15'],
    ['夜間11點', '23:00'],
    ['午後3點', '15:00'],
  ])('%s → %s', (text, want) => {
    expect(parseLocalTime(text)).toBe(want);
  });
});

describe('readLocalTime', () => {
  it('gives the time, or the code the form explains', () => {
    expect(readLocalTime('晚上9點')).toEqual({ ok: true, value: '21:00' });
    expect(readLocalTime('25:00')).toEqual({ ok: false, error: 'time-not-understood' });
  });
});
