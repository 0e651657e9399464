/**
 * Calendar dates as 'YYYY-MM-DD' strings. A due date is a date on the borrower's wall calendar,
 * not an instant: keeping it as a plain string means no time zone or DST shift can move a due
 * date by a day. Arithmetic goes through a day count (days since 1970-01-01, proleptic
 * Gregorian) so it never touches Date or the host's zone.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : (MONTH_DAYS[m - 1] ?? 0);
}

/** Years are limited to 0..9999 because an IsoDate has exactly four year digits. */
export function isValidDate(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    Number.isInteger(m) &&
    Number.isInteger(d) &&
    y >= 0 &&
    y <= 9999 &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth(y, m)
  );
}

export function makeIsoDate(y: number, m: number, d: number): IsoDate {
  if (!isValidDate(y, m, d)) throw new RangeError(`not a calendar date: ${y}-${m}-${d}`);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Only the exact form YYYY-MM-DD naming a real date; anything else is null (no guessing). */
export function parseIsoDateStrict(s: string): IsoDate | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  return isValidDate(Number(m[1]), Number(m[2]), Number(m[3])) ? s : null;
}

/** Splits a date we were handed; a malformed one is a programming error, so it throws. */
export function splitIsoDate(date: IsoDate): { y: number; m: number; d: number } {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y = Number(date.slice(0, 4));
    const m = Number(date.slice(5, 7));
    const d = Number(date.slice(8, 10));
    if (isValidDate(y, m, d)) return { y, m, d };
  }
  throw new RangeError(`not an IsoDate (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

/**
 * Month k of a schedule keeps the first due date's day of month, clamped to the month's last
 * day (a loan due on the 31st is due 28/29 Feb and 30 Apr, then the 31st again). Clamping from
 * the FIRST date, never from the previous one, stops the day drifting down to 28 for good.
 */
export function addMonthsClamped(first: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer: ${months}`);
  const { y, m, d } = splitIsoDate(first);
  return addMonthsToParts(y, m, d, months);
}

/** The same rule on an already split date, for loops that must not re-parse the string. */
export function addMonthsToParts(y: number, m: number, d: number, months: number): IsoDate {
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return makeIsoDate(year, month, Math.min(d, daysInMonth(year, month)));
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(z: number): IsoDate {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return makeIsoDate(y, m, d);
}

function toDayNumber(date: IsoDate): number {
  const { y, m, d } = splitIsoDate(date);
  return dayNumber(y, m, d);
}

/** to − from in calendar days (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function addDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`days must be an integer: ${n}`);
  return fromDayNumber(toDayNumber(date) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayIndex(date: IsoDate): number {
  // 1970-01-01 (day 0) was a Thursday.
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * "Today" for a borrower is the date on their wall calendar, not in UTC: at 01:00 in Shanghai it
 * is still yesterday in UTC, and a reminder computed from the UTC date would be a day off.
 */
export function todayIn(timeZone: string, instant: Date): IsoDate {
  // formatToParts, not format(): the joined output of 'en-CA' has changed between ICU versions.
  let y = 0;
  let m = 0;
  let d = 0;
  for (const part of dateFormatter(timeZone).formatToParts(instant)) {
    if (part.type === 'year') y = Number(part.value);
    else if (part.type === 'month') m = Number(part.value);
    else if (part.type === 'day') d = Number(part.value);
  }
  return makeIsoDate(y, m, d);
}

export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz.trim() === '') return false;
  try {
    dateFormatter(tz);
    return true;
  } catch {
    return false;
  }
}
