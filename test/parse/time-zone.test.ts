import { describe, expect, it } from 'vitest';
import { fixedZone, parseTimeZone, timeZoneLabel } from '../../src/parse/time-zone.ts';

describe('parseTimeZone', () => {
  it.each([
    ['北京时间', 'Asia/Shanghai'],
    ['北京時間', 'Asia/Shanghai'],
    ['北京', 'Asia/Shanghai'],
    ['中国', 'Asia/Shanghai'],
    ['中國標準時間', 'Asia/Shanghai'],
    ['Beijing time', 'Asia/Shanghai'],
    ['China Standard Time', 'Asia/Shanghai'],
    ['上海市', 'Asia/Shanghai'],
    ['香港', 'Asia/Hong_Kong'],
    ['Hong Kong', 'Asia/Hong_Kong'],
    ['hongkong', 'Asia/Hong_Kong'],
    ['台北', 'Asia/Taipei'],
    ['臺北', 'Asia/Taipei'],
    ['台湾', 'Asia/Taipei'],
    ['台灣', 'Asia/Taipei'],
    ['Taipei', 'Asia/Taipei'],
    ['伦敦', 'Europe/London'],
    ['倫敦', 'Europe/London'],
    ['London', 'Europe/London'],
    ['新加坡', 'Asia/Singapore'],
    ['Singapore', 'Asia/Singapore'],
    ['东京', 'Asia/Tokyo'],
    ['東京', 'Asia/Tokyo'],
    ['Tokyo', 'Asia/Tokyo'],
    ['纽约', 'America/New_York'],
    ['紐約', 'America/New_York'],
    ['New York', 'America/New_York'],
    ['new_york', 'America/New_York'],
    ['洛杉矶', 'America/Los_Angeles'],
    ['洛杉磯', 'America/Los_Angeles'],
    ['Los Angeles', 'America/Los_Angeles'],
    ['悉尼', 'Australia/Sydney'],
    ['雪梨', 'Australia/Sydney'],
    ['Sydney', 'Australia/Sydney'],
    ['EST', 'America/New_York'],
  ])('a place: %s → %s', (text, zone) => {
    expect(parseTimeZone(text)).toEqual({ ok: true, value: zone });
  });

  it.each([
    ['UTC+8', 'Etc/GMT-8'],
    ['UTC+08:00', 'Etc/GMT-8'],
    ['utc +0800', 'Etc/GMT-8'],
    ['GMT+8', 'Etc/GMT-8'],
    ['+8', 'Etc/GMT-8'],
    ['ＵＴＣ＋８', 'Etc/GMT-8'],
    ['UTC-5', 'Etc/GMT+5'],
    ['GMT-05:00', 'Etc/GMT+5'],
    ['UTC+14', 'Etc/GMT-14'],
    ['UTC-12', 'Etc/GMT+12'],
    ['东八区', 'Etc/GMT-8'],
    ['東八區', 'Etc/GMT-8'],
    ['西五区', 'Etc/GMT+5'],
    ['UTC', 'UTC'],
    ['utc', 'UTC'],
    ['GMT', 'UTC'],
    ['UTC+0', 'UTC'],
    ['UTC+00:00', 'UTC'],
  ])('an offset is a fixed zone, its sign inverted as Etc/ ids are: %s → %s', (text, zone) => {
    expect(parseTimeZone(text)).toEqual({ ok: true, value: zone });
  });

  it.each([
    ['北京时间 UTC+8', 'Asia/Shanghai'],
    ['UTC+8 北京', 'Asia/Shanghai'],
    ['London (GMT+0)', 'Europe/London'],
    ['London GMT+1', 'Europe/London'],
    ['New York UTC-5', 'America/New_York'],
  ])('a city with its offset is the city, so daylight saving follows it: %s', (text, zone) => {
    expect(parseTimeZone(text)).toEqual({ ok: true, value: zone });
  });

  it.each([
    ['asia/shanghai', 'Asia/Shanghai'],
    [' Europe/Paris ', 'Europe/Paris'],
    ['America/Port-au-Prince', 'America/Port-au-Prince'],
    ['etc/gmt-8', 'Etc/GMT-8'],
    ['Asia/Taipei', 'Asia/Taipei'],
  ])('an IANA id in any case: %s → %s', (text, zone) => {
    expect(parseTimeZone(text)).toEqual({ ok: true, value: zone });
  });

  it.each([
    ['CST', 'timezone-ambiguous'],
    ['cst', 'timezone-ambiguous'],
    ['IST', 'timezone-ambiguous'],
    ['PST', 'timezone-ambiguous'],
    ['美国', 'timezone-ambiguous'],
    ['Australia', 'timezone-ambiguous'],
    ['UTC+5:30', 'timezone-offset-not-whole-hours'],
    ['GMT+05:45', 'timezone-offset-not-whole-hours'],
    ['北京 UTC+9', 'timezone-conflict'],
    ['London UTC+8', 'timezone-conflict'],
    ['Mars/Olympus', 'timezone-unknown'],
    ['Asia/Atlantis', 'timezone-unknown'],
    ['CST6CDT', 'timezone-unknown'],
    ['UTC+15', 'timezone-unknown'],
    ['UTC-13', 'timezone-unknown'],
    ['UTC+8:75', 'timezone-unknown'],
    ['东十五区', 'timezone-unknown'],
    ['Atlantis', 'timezone-unknown'],
    ['Atlantis UTC+8', 'timezone-unknown'],
    ['8', 'timezone-unknown'],
    ['', 'timezone-unknown'],
    ['   ', 'timezone-unknown'],
    ['北京'.repeat(50), 'text-too-long'],
  ])('refuses %j with %s', (text, error) => {
    expect(parseTimeZone(text)).toEqual({ ok: false, error });
  });

  it('every zone it returns is one Intl knows', () => {
    for (const text of ['北京', 'UTC+8', 'UTC-12', 'UTC+14', 'UTC', '悉尼', 'New York']) {
      const zone = parseTimeZone(text);
      expect(zone.ok).toBe(true);
      if (zone.ok) expect(() => new Intl.DateTimeFormat('en', { timeZone: zone.value })).not.toThrow();
    }
  });
});

describe('fixedZone and timeZoneLabel', () => {
  it('a fixed zone is shown with the sign people use', () => {
    expect(fixedZone(8)).toBe('Etc/GMT-8');
    expect(fixedZone(-5)).toBe('Etc/GMT+5');
    expect(fixedZone(0)).toBe('UTC');
    expect(timeZoneLabel('Etc/GMT-8')).toBe('UTC+8');
    expect(timeZoneLabel('Etc/GMT+5')).toBe('UTC-5');
    expect(timeZoneLabel('Etc/UTC')).toBe('UTC');
    expect(timeZoneLabel('Asia/Shanghai')).toBe('Asia/Shanghai');
  });

  it('what it shows reads back as the same zone', () => {
    for (const zone of ['Etc/GMT-8', 'Etc/GMT+5', 'UTC', 'Asia/Shanghai']) {
      expect(parseTimeZone(timeZoneLabel(zone))).toEqual({ ok: true, value: zone });
    }
  });
});
