import { isValidDate, type IsoDate } from './calendar.ts';

/**
 * A wall-clock time of day as 'HH:MM' (24-hour, zero-padded). Like IsoDate it is a plain string
 * on purpose: a reminder time is what the borrower's clock shows, not an instant, so it must be
 * combined with a date and a time zone before it means anything.
 */
export type LocalTime = string;

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isLocalTime(s: string): boolean {
  return typeof s === 'string' && HH_MM.test(s);
}

export function makeLocalTime(hour: number, minute: number): LocalTime {
  if (!Number.isInteger(hour) || !Number.isInteger(minute) || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
    throw new RangeError(`not a time of day: ${hour}:${minute}`);
  }
  return `${hour < 10 ? '0' : ''}${hour}:${minute < 10 ? '0' : ''}${minute}`;
}

/**
 * Minutes since midnight of a LocalTime we were handed; a malformed one is a programming error.
 * Parsed by hand, not by regex: it runs for every reminder slot of every planner pass.
 */
export function minutesOfDay(time: LocalTime): number {
  if (typeof time === 'string' && time.length === 5 && time.charCodeAt(2) === 58) {
    const h1 = time.charCodeAt(0) - 48;
    const h2 = time.charCodeAt(1) - 48;
    const m1 = time.charCodeAt(3) - 48;
    const m2 = time.charCodeAt(4) - 48;
    if (h1 >= 0 && h1 <= 2 && h2 >= 0 && h2 <= 9 && m1 >= 0 && m1 <= 5 && m2 >= 0 && m2 <= 9) {
      const h = h1 * 10 + h2;
      if (h <= 23) return h * 60 + m1 * 10 + m2;
    }
  }
  throw new RangeError(`not a LocalTime (HH:MM): ${JSON.stringify(time)}`);
}

/**
 * Days since 1970-01-01 of a calendar date (negative before); throws on a malformed date. The
 * same count as calendar.ts's daysBetween('1970-01-01', date), read with charCodeAt instead of
 * slicing two strings: it runs for every installment of every planner pass.
 */
export function epochDay(date: IsoDate): number {
  if (typeof date === 'string' && date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    let y = 0;
    let ok = true;
    for (let i = 0; i < 4; i++) {
      const c = date.charCodeAt(i) - 48;
      ok &&= c >= 0 && c <= 9;
      y = y * 10 + c;
    }
    const c5 = date.charCodeAt(5) - 48;
    const c6 = date.charCodeAt(6) - 48;
    const c8 = date.charCodeAt(8) - 48;
    const c9 = date.charCodeAt(9) - 48;
    ok &&= c5 >= 0 && c5 <= 9 && c6 >= 0 && c6 <= 9 && c8 >= 0 && c8 <= 9 && c9 >= 0 && c9 <= 9;
    const m = c5 * 10 + c6;
    const d = c8 * 10 + c9;
    if (ok && isValidDate(y, m, d)) {
      // Howard Hinnant's days_from_civil, as in calendar.ts.
      const yy = m <= 2 ? y - 1 : y;
      const era = Math.floor(yy / 400);
      const yoe = yy - era * 400;
      const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
      return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
    }
  }
  throw new RangeError(`not an IsoDate (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

// ---------------------------------------------------------------------------------------------
// Wall clock ↔ instant
// ---------------------------------------------------------------------------------------------

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const FORMAT_OPTIONS: Intl.DateTimeFormatOptions = {
  calendar: 'gregory',
  numberingSystem: 'latn',
  // hourCycle 'h23', not hour12: false, which some ICU versions render midnight as '24'.
  hourCycle: 'h23',
  era: 'short',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { ...FORMAT_OPTIONS, timeZone });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallClock {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

/*
 * format() is about three times faster than formatToParts() (it builds no part objects), and
 * offset lookups are the cost of resolving a new (zone, date, time). Its en-US numeric output is
 * "M/D/Y AD, HH:MM:SS"; rather than trust that layout across ICU versions, it is checked once on
 * a known instant, and if the numbers do not come out in that order we use formatToParts.
 */
const SIX_NUMBERS = /(\d+)\D+(\d+)\D+(\d+)\D+(\d+)\D+(\d+)\D+(\d+)/;

function fromFormat(text: string): WallClock | null {
  const m = SIX_NUMBERS.exec(text);
  if (!m) return null;
  const w = { mo: Number(m[1]), d: Number(m[2]), y: Number(m[3]), h: Number(m[4]) % 24, mi: Number(m[5]), s: Number(m[6]) };
  // era 'short' is 'AD'/'BC' in en-US; only a BC year needs care.
  if (text.includes('B')) w.y = 1 - w.y;
  return w;
}

const FORMAT_IS_MDY = (() => {
  const probe = formatter('UTC').format(Date.UTC(2001, 1, 3, 4, 5, 6));
  const w = fromFormat(probe);
  return w !== null && w.mo === 2 && w.d === 3 && w.y === 2001 && w.h === 4 && w.mi === 5 && w.s === 6;
})();

function fromParts(epochMs: number, f: Intl.DateTimeFormat): WallClock {
  const w: WallClock = { y: 0, mo: 0, d: 0, h: 0, mi: 0, s: 0 };
  let bc = false;
  for (const p of f.formatToParts(epochMs)) {
    switch (p.type) {
      case 'year':
        w.y = Number(p.value);
        break;
      case 'month':
        w.mo = Number(p.value);
        break;
      case 'day':
        w.d = Number(p.value);
        break;
      case 'hour':
        w.h = Number(p.value) % 24;
        break;
      case 'minute':
        w.mi = Number(p.value);
        break;
      case 'second':
        w.s = Number(p.value);
        break;
      case 'era':
        bc = p.value.startsWith('B');
        break;
      default:
        break;
    }
  }
  if (bc) w.y = 1 - w.y;
  return w;
}

function wallClock(epochMs: number, timeZone: string): WallClock {
  const f = formatter(timeZone);
  return (FORMAT_IS_MDY ? fromFormat(f.format(epochMs)) : null) ?? fromParts(epochMs, f);
}

/** The wall clock read as if it were UTC, in ms: the difference to the instant is the offset. */
function wallClockMs(w: WallClock): number {
  const t = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  // Date.UTC maps years 0..99 to 1900..1999.
  return w.y >= 0 && w.y < 100 ? new Date(t).setUTCFullYear(w.y) : t;
}

/** The zone's UTC offset (ms, east positive) at an instant. */
function offsetAt(epochMs: number, timeZone: string): number {
  return wallClockMs(wallClock(epochMs, timeZone)) - epochMs;
}

export interface ResolvedLocal {
  /** The instant, in epoch ms. */
  epochMs: number;
  /**
   * Minutes the wall clock actually shows past the requested one: 0, except inside a
   * spring-forward gap, where it is the gap length (02:30 → 03:30 is 60).
   */
  shiftMinutes: number;
}

// Bounded so a long-running process cannot grow it without limit; clearing all at once is
// crude but only costs recomputation, and a planner pass's working set (zones in use × a few
// months of dates × a few times of day) is far below the bound. Keys are numbers
// (day × 1440 + minute) because hashing a number is much cheaper than building a string key.
const RESOLVED_CACHE_LIMIT = 50_000;
const resolvedCache = new Map<string, Map<number, ResolvedLocal>>();
let resolvedCount = 0;

/**
 * zonedInstant on numbers: `day` from epochDay, `minute` from minutesOfDay. For hot loops that
 * already hold both; the result is shared (cached), so treat it as read-only.
 */
export function resolveLocal(day: number, minute: number, timeZone: string): ResolvedLocal {
  const key = day * 1440 + minute;
  let zone = resolvedCache.get(timeZone);
  const hit = zone?.get(key);
  if (hit) return hit;
  // Frozen: the same object is handed to every caller.
  const r = Object.freeze(resolveUncached(day * DAY_MS + minute * MINUTE_MS, timeZone));
  if (resolvedCount >= RESOLVED_CACHE_LIMIT) {
    resolvedCache.clear();
    resolvedCount = 0;
    zone = undefined;
  }
  if (!zone) {
    zone = new Map();
    resolvedCache.set(timeZone, zone);
  }
  zone.set(key, r);
  resolvedCount++;
  return r;
}

/** `local` is the requested wall clock read as if it were UTC, in ms. */
function resolveUncached(local: number, timeZone: string): ResolvedLocal {
  // The offsets a day either side bracket any transition near this wall clock (no zone changes
  // its offset twice within two days). Same offset: the common case, two lookups and done.
  const before = offsetAt(local - DAY_MS, timeZone);
  const after = offsetAt(local + DAY_MS, timeZone);
  if (before === after) return { epochMs: local - before, shiftMinutes: 0 };
  const early = local - before;
  const late = local - after;
  const earlyOk = offsetAt(early, timeZone) === before;
  const lateOk = offsetAt(late, timeZone) === after;
  // Fall back: the wall clock happens twice; the earlier instant means the reminder is not late.
  if (earlyOk && lateOk) return { epochMs: Math.min(early, late), shiftMinutes: 0 };
  if (earlyOk) return { epochMs: early, shiftMinutes: 0 };
  if (lateOk) return { epochMs: late, shiftMinutes: 0 };
  // Spring forward: the wall clock never happens. Reading it with the offset from before the
  // gap lands as far past the gap as the time was into it (02:30 → 03:30), the usual rule
  // (RFC 5545, Temporal 'compatible'): the reminder is a little late rather than early.
  return { epochMs: early, shiftMinutes: Math.round((after - before) / MINUTE_MS) };
}

/**
 * The instant at which the wall clock in `timeZone` shows `time` on `date`. A time skipped by a
 * spring-forward change moves forward by the gap; a time repeated by a fall-back change takes
 * the earlier of its two instants. Throws RangeError on a malformed date/time or unknown zone.
 */
export function zonedInstant(date: IsoDate, time: LocalTime, timeZone: string): Date {
  return new Date(resolveLocal(epochDay(date), minutesOfDay(time), timeZone).epochMs);
}

/** The borrower's wall-clock date and time (seconds dropped) at an instant. */
export function localDateTime(instant: Date, timeZone: string): { date: IsoDate; time: LocalTime } {
  const w = wallClock(instant.getTime(), timeZone);
  const date = `${String(w.y).padStart(4, '0')}-${w.mo < 10 ? '0' : ''}${w.mo}-${w.d < 10 ? '0' : ''}${w.d}`;
  return { date, time: makeLocalTime(w.h, w.mi) };
}
