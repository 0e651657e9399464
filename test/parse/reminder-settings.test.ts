import { describe, expect, it } from 'vitest';
import { parseDayList, parseQuietHours, parseReminderSetting, parseTimeZone } from '../../src/parse/reminder-settings.ts';

describe('parseTimeZone (re-exported from ./time-zone.ts; its own tests are there)', () => {
  it('reads IANA names in any case, the offered ones and names people type', () => {
    expect(parseTimeZone('asia/shanghai')).toEqual({ ok: true, value: 'Asia/Shanghai' });
    expect(parseTimeZone(' Europe/Paris ')).toEqual({ ok: true, value: 'Europe/Paris' });
    expect(parseTimeZone('UTC')).toEqual({ ok: true, value: 'UTC' });
    for (const bad of ['Mars/Olympus', '']) expect(parseTimeZone(bad)).toEqual({ ok: false, error: 'timezone-unknown' });
    expect(parseTimeZone('CST')).toEqual({ ok: false, error: 'timezone-ambiguous' });
  });
});

describe('parseDayList', () => {
  it.each([
    ['3,1,0', [3, 1, 0]],
    ['0 1 3', [3, 1, 0]],
    ['3、1、0', [3, 1, 0]],
    ['３，１', [3, 1]],
    ['5, 2, 2, 0', [5, 2, 0]],
    ['-1', [-1]],
    ['31', [31]],
  ])('%s → %j (the range is the domain’s check)', (text, want) => {
    expect(parseDayList(text)).toEqual({ ok: true, value: want });
  });

  it.each(['', 'soon', '1.5', '1000', '3 days'])('refuses %j', (text) => {
    expect(parseDayList(text)).toEqual({ ok: false, error: 'days-not-understood' });
  });
});

describe('parseQuietHours', () => {
  it.each([
    ['21:00-08:00', '21:00', '08:00'],
    ['22:00 to 7:30', '22:00', '07:30'],
    ['23:00～09:00', '23:00', '09:00'],
    ['晚上10点到早上7点', '22:00', '07:00'],
    ['晚上10點至早上7點半', '22:00', '07:30'],
    ['21:00-21:00', '21:00', '21:00'],
  ])('%s', (text, quietStart, quietEnd) => {
    expect(parseQuietHours(text)).toEqual({ ok: true, value: { quietStart, quietEnd } });
  });

  it.each(['21:00', '21:00-25:00', '9-10-11', 'night', ''])('refuses %j', (text) => {
    expect(parseQuietHours(text)).toEqual({ ok: false, error: 'quiet-hours-not-understood' });
  });
});

describe('parseReminderSetting', () => {
  it('reads each field into the settings it changes', () => {
    expect(parseReminderSetting('timeZone', 'Asia/Taipei')).toEqual({ ok: true, value: { timeZone: 'Asia/Taipei' } });
    expect(parseReminderSetting('timeZone', '北京时间')).toEqual({ ok: true, value: { timeZone: 'Asia/Shanghai' } });
    expect(parseReminderSetting('timeZone', 'UTC+8')).toEqual({ ok: true, value: { timeZone: 'Etc/GMT-8' } });
    expect(parseReminderSetting('timeZone', '倫敦')).toEqual({ ok: true, value: { timeZone: 'Europe/London' } });
    expect(parseReminderSetting('reminderTime', '晚上9點')).toEqual({ ok: true, value: { reminderTime: '21:00' } });
    expect(parseReminderSetting('daysBefore', '0,3,1')).toEqual({ ok: true, value: { daysBefore: [3, 1, 0] } });
    expect(parseReminderSetting('overdueDays', '7 1 3')).toEqual({ ok: true, value: { overdueDays: [1, 3, 7] } });
    expect(parseReminderSetting('quietHours', '22:00-07:00')).toEqual({ ok: true, value: { quietStart: '22:00', quietEnd: '07:00' } });
  });

  it('says why not, with a code every locale explains', () => {
    expect(parseReminderSetting('timeZone', 'Mars/Olympus')).toEqual({ ok: false, error: 'timezone-unknown' });
    expect(parseReminderSetting('timeZone', 'CST')).toEqual({ ok: false, error: 'timezone-ambiguous' });
    expect(parseReminderSetting('reminderTime', '25:00')).toEqual({ ok: false, error: 'time-not-understood' });
    expect(parseReminderSetting('daysBefore', 'x')).toEqual({ ok: false, error: 'days-not-understood' });
    expect(parseReminderSetting('overdueDays', '')).toEqual({ ok: false, error: 'days-not-understood' });
    expect(parseReminderSetting('quietHours', '21:00')).toEqual({ ok: false, error: 'quiet-hours-not-understood' });
  });
});
