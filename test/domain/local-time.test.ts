import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../src/domain/calendar.ts';
import { localDateTime, minutesOfDay, zonedInstant } from '../../src/domain/local-time.ts';

const iso = (d: Date): string => d.toISOString();

/** The zone's offset (ms) at an instant, read back through localDateTime. */
const offsetAt = (t: number, zone: string): number => {
  const l = localDateTime(new Date(t), zone);
  return Date.parse(`${l.date}T${l.time}Z`) - Math.floor(t / 60_000) * 60_000;
};

/** True when no instant shows this wall clock: the offsets either side of it both miss it. */
const skipped = (date: string, time: string, zone: string): boolean => {
  const wall = Date.parse(`${date}T${time}Z`);
  return [offsetAt(wall - 86_400_000, zone), offsetAt(wall + 86_400_000, zone)].every((o) => {
    const l = localDateTime(new Date(wall - o), zone);
    return l.date !== date || l.time !== time;
  });
};

describe('minutesOfDay', () => {
  it('reads only canonical HH:MM and throws on anything else (a bug upstream)', () => {
    expect(minutesOfDay('00:00')).toBe(0);
    expect(minutesOfDay('23:59')).toBe(1439);
    for (const bad of ['24:00', '9:00', '09:60', '0900', '']) expect(() => minutesOfDay(bad)).toThrow(RangeError);
  });
});

describe('zonedInstant', () => {
  it('reads a wall clock in zones without DST', () => {
    expect(iso(zonedInstant('2027-01-15', '09:00', 'Asia/Shanghai'))).toBe('2027-01-15T01:00:00.000Z');
    expect(iso(zonedInstant('2027-01-15', '09:00', 'Asia/Kolkata'))).toBe('2027-01-15T03:30:00.000Z');
    expect(iso(zonedInstant('2027-01-15', '00:00', 'UTC'))).toBe('2027-01-15T00:00:00.000Z');
    // +13:45 in January: the UTC instant falls on the previous day.
    expect(iso(zonedInstant('2027-01-15', '09:00', 'Pacific/Chatham'))).toBe('2027-01-14T19:15:00.000Z');
  });

  it('uses the offset in force on that date (summer and winter)', () => {
    expect(iso(zonedInstant('2027-07-01', '09:00', 'Europe/London'))).toBe('2027-07-01T08:00:00.000Z');
    expect(iso(zonedInstant('2027-12-01', '09:00', 'Europe/London'))).toBe('2027-12-01T09:00:00.000Z');
    expect(iso(zonedInstant('2027-07-01', '09:00', 'America/New_York'))).toBe('2027-07-01T13:00:00.000Z');
    expect(iso(zonedInstant('2027-12-01', '09:00', 'America/New_York'))).toBe('2027-12-01T14:00:00.000Z');
  });

  it('moves a time skipped by spring forward on by the gap', () => {
    // New York 2026-03-08: 02:00 EST → 03:00 EDT; 02:30 does not exist → 03:30 EDT.
    expect(iso(zonedInstant('2026-03-08', '02:30', 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
    expect(localDateTime(zonedInstant('2026-03-08', '02:30', 'America/New_York'), 'America/New_York')).toEqual({
      date: '2026-03-08',
      time: '03:30',
    });
    // London 2026-03-29: 01:00 GMT → 02:00 BST; 01:30 → 02:30 BST.
    expect(iso(zonedInstant('2026-03-29', '01:30', 'Europe/London'))).toBe('2026-03-29T01:30:00.000Z');
    // Lord Howe moves only 30 minutes: 02:15 → 02:45.
    expect(localDateTime(zonedInstant('2026-10-04', '02:15', 'Australia/Lord_Howe'), 'Australia/Lord_Howe')).toEqual({
      date: '2026-10-04',
      time: '02:45',
    });
    // Santiago springs forward at midnight: 00:00 does not exist → 01:00.
    expect(iso(zonedInstant('2026-09-06', '00:00', 'America/Santiago'))).toBe('2026-09-06T04:00:00.000Z');
  });

  it('takes the earlier instant of a time repeated by fall back', () => {
    // New York 2026-11-01: 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(iso(zonedInstant('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(zonedInstant('2026-10-25', '01:30', 'Europe/London'))).toBe('2026-10-25T00:30:00.000Z');
    // Santiago falls back at midnight: 23:30 on Saturday happens twice.
    expect(iso(zonedInstant('2027-04-03', '23:30', 'America/Santiago'))).toBe('2027-04-04T02:30:00.000Z');
  });

  it('throws on a malformed date or time or an unknown zone', () => {
    expect(() => zonedInstant('2027-02-30', '09:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedInstant('2027-01-15', '9:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedInstant('2027-01-15', '09:00', 'Mars/Olympus')).toThrow(RangeError);
  });

  const zones = [
    'UTC',
    'Asia/Shanghai',
    'Asia/Kolkata',
    'Europe/London',
    'America/New_York',
    'America/Santiago',
    'Australia/Sydney',
    'Australia/Lord_Howe',
    'Pacific/Auckland',
    'Pacific/Chatham',
    'America/St_Johns',
  ];

  it('round-trips with localDateTime for any instant, choosing the earliest matching instant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 }),
        fc.constantFrom(...zones),
        (minute, zone) => {
          const instant = new Date(minute * 60_000);
          const local = localDateTime(instant, zone);
          const back = zonedInstant(local.date, local.time, zone);
          expect(localDateTime(back, zone)).toEqual(local);
          // Equal, or one repeat earlier when the wall clock is ambiguous (fall back).
          expect(back.getTime()).toBeLessThanOrEqual(instant.getTime());
          expect(instant.getTime() - back.getTime()).toBeLessThanOrEqual(2 * 3_600_000);
        },
      ),
    );
  });

  it('shows the requested wall clock, or jumps forward only when the clock skipped it', () => {
    const hhmm = (x: number): string => `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 15 }), fc.integer({ min: 0, max: 1439 }), fc.constantFrom(...zones), (day, m, zone) => {
        const date = addDays('2025-01-01', day);
        const wanted = `${date} ${hhmm(m)}`;
        const r = zonedInstant(date, hhmm(m), zone);
        const got = localDateTime(r, zone);
        if (`${got.date} ${got.time}` !== wanted) {
          expect(`${got.date} ${got.time}` > wanted).toBe(true);
          expect(skipped(date, hhmm(m), zone)).toBe(true);
        }
      }),
    );
  });

  it('holds for every 10 minutes around real DST changes (gaps, repeats, 30-minute and midnight changes)', () => {
    const changes: [string, string][] = [
      ['America/New_York', '2026-03-08'],
      ['America/New_York', '2026-11-01'],
      ['Europe/London', '2026-03-29'],
      ['Europe/London', '2026-10-25'],
      ['Australia/Sydney', '2026-04-05'],
      ['Australia/Sydney', '2026-10-04'],
      ['Australia/Lord_Howe', '2026-04-05'],
      ['Australia/Lord_Howe', '2026-10-04'],
      ['America/Santiago', '2026-04-04'],
      ['America/Santiago', '2026-09-06'],
      ['Pacific/Chatham', '2026-04-05'],
      ['Pacific/Chatham', '2026-09-27'],
      ['America/St_Johns', '2010-03-14'],
      ['America/St_Johns', '2010-11-07'], // changes at 00:01
    ];
    let gaps = 0;
    let repeats = 0;
    // Plain checks collected into one list: thousands of expect() calls would dominate the run.
    const problems: string[] = [];
    const same = (a: { date: string; time: string }, b: { date: string; time: string }): boolean => a.date === b.date && a.time === b.time;
    for (const [zone, day] of changes) {
      for (const date of [addDays(day, -1), day, addDays(day, 1)]) {
        for (let m = 0; m < 1440; m += 10) {
          const time = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
          const wanted = { date, time };
          const r = zonedInstant(date, time, zone);
          const got = localDateTime(r, zone);
          if (!same(got, wanted)) {
            gaps++;
            if (!(`${got.date} ${got.time}` > `${date} ${time}`) || !skipped(date, time, zone))
              problems.push(`${zone} ${date} ${time} → ${got.date} ${got.time}`);
          }
          // A repeated wall clock shows again 30–120 min later; none may show it earlier.
          for (const delta of [30, 60, 120]) {
            if (same(localDateTime(new Date(r.getTime() + delta * 60_000), zone), got)) repeats++;
            if (same(localDateTime(new Date(r.getTime() - delta * 60_000), zone), got))
              problems.push(`${zone} ${date} ${time}: not the earliest`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(gaps).toBeGreaterThan(0);
    expect(repeats).toBeGreaterThan(0);
  });

  it('survives a skipped calendar day (Samoa, 2011-12-30)', () => {
    expect(localDateTime(zonedInstant('2011-12-30', '09:00', 'Pacific/Apia'), 'Pacific/Apia')).toEqual({
      date: '2011-12-31',
      time: '09:00',
    });
  });
});

describe('localDateTime', () => {
  it('gives the wall-clock date and time, dropping seconds', () => {
    expect(localDateTime(new Date('2027-01-14T16:30:59Z'), 'Asia/Shanghai')).toEqual({ date: '2027-01-15', time: '00:30' });
    expect(localDateTime(new Date('2027-01-15T04:59:59Z'), 'America/New_York')).toEqual({ date: '2027-01-14', time: '23:59' });
    expect(localDateTime(new Date('2027-01-15T00:00:00Z'), 'UTC')).toEqual({ date: '2027-01-15', time: '00:00' });
  });
});

describe('zonedInstant cache', () => {
  it('stays correct past its bound (it clears itself when full)', () => {
    // 51 × 1,000 distinct (date, time) pairs > the 50,000-entry bound.
    for (let day = 0; day < 1_000; day++) {
      const date = addDays('2030-01-01', day);
      for (let m = 0; m < 51; m++) {
        const time = `${String(Math.floor(m / 3)).padStart(2, '0')}:${String((m % 3) * 20).padStart(2, '0')}`;
        const got = zonedInstant(date, time, 'Asia/Tokyo').getTime();
        if (m === 50 && day % 100 === 0) expect(got).toBe(Date.parse(`${date}T${time}:00+09:00`));
      }
    }
    expect(zonedInstant('2030-01-01', '09:00', 'Asia/Tokyo').toISOString()).toBe('2030-01-01T00:00:00.000Z');
  });
});
