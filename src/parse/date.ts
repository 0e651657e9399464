import { addDays, daysInMonth, isValidDate, makeIsoDate, splitIsoDate, type IsoDate } from '../domain/calendar.ts';
import { parseDigitsOrNumeral } from './chinese-number.ts';
import { fail, isTooLong, normalizeForMatching, ok, type ParseResult } from './result.ts';

/** Due dates outside this window are typos (2062 for 2026), not loans. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/**
 * Which year (and month) a date that leaves them out is in. A due date is ahead: 'future' is the
 * next such date on or after today. A payment has been made: 'past' is the last one on or before
 * today.
 */
export type DatePreference = 'future' | 'past';

export interface DateContext {
  /** The borrower's today (todayIn(their zone, now)): relative words and dates without a year need it. */
  today: IsoDate;
  /** Default 'future'. */
  prefer?: DatePreference;
}

export interface DateReading {
  date: IsoDate;
  /**
   * Set when the text was numbers with the year last (15/02/2027, 10.12.2026): read day first, as
   * in the UK, Europe and Hong Kong, never month first. The reply must say so: message
   * `date-order-assumed` ("I read 10/12/2026 as day/month/year: 2026-12-10").
   */
  dateOrderAssumed?: 'day-month-year';
  /**
   * What the text left out and was filled in from today and `prefer`: 'year' (2月15日, Feb 15),
   * 'month' (15号: the month and the year). Message `date-year-assumed` can show the result.
   */
  inferred?: 'year' | 'month';
  /** Set when the text counted from today: 明天, yesterday, 下个月15号, 明年2月1日. */
  relative?: true;
}

// Chinese and ISO order: year first. Day first only with the four-digit year last (see
// dateOrderAssumed); "10/12" with no year is refused: China writes it month first, the UK day first.
const SEPARATED = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

const CN_NUMBER = '\\d{1,2}|[零〇一二两三四五六七八九十]{1,3}';
/** 2026年12月10日, 2月15号, 明年2月1日, 十二月十日: runs on folded text (號 → 号). */
const CHINESE = new RegExp(`^(?:(\\d{4})\\s*年|(今年|明年|去年)|)\\s*(${CN_NUMBER})\\s*月\\s*(${CN_NUMBER})\\s*[日号]?$`);
/** 下个月15号, 这个月1日, 上月30号, 次月5号: runs on folded text (這 → 这). */
const CHINESE_MONTH_RELATIVE = new RegExp(`^(下个?月|次月|本月|这个?月|上个?月)\\s*的?\\s*(${CN_NUMBER})\\s*[日号]?$`);
/** 15号, 十五日: a day of some month (the month and year come from today). Not 每月15号: that is a due day. */
const CHINESE_DAY = new RegExp(`^(${CN_NUMBER})\\s*[日号]$`);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const ORDINAL = '(\\d{1,2})(?:st|nd|rd|th)?';
/** "15 Feb", "15th of February 2027", "15-feb-2027", "the 1st of march". */
const ENGLISH_DAY_MONTH = new RegExp(`^(?:the\\s+)?${ORDINAL}(?:\\s+of)?[\\s-]*${MONTH_NAME}(?:,?[\\s-]+(\\d{4}))?$`);
/** "Feb 15", "February 15th, 2027", "feb. 15 2027". */
const ENGLISH_MONTH_DAY = new RegExp(`^${MONTH_NAME}[\\s-]*(?:the\\s+)?${ORDINAL}(?:,?\\s+(\\d{4}))?$`);
/** "the 15th of next month", "next month on the 15th", "15 next month". */
const ENGLISH_MONTH_RELATIVE = new RegExp(
  `^(?:(?:the\\s+)?${ORDINAL}\\s+(?:of\\s+)?(next|this|last)\\s+month|(next|this|last)\\s+month(?:\\s+on)?\\s+(?:the\\s+)?${ORDINAL})$`,
);

const RELATIVE_DAYS: Readonly<Record<string, number>> = {
  today: 0,
  今天: 0,
  今日: 0,
  tomorrow: 1,
  tmr: 1,
  tmrw: 1,
  明天: 1,
  明日: 1,
  'day after tomorrow': 2,
  'the day after tomorrow': 2,
  后天: 2,
  yesterday: -1,
  昨天: -1,
  昨日: -1,
  'day before yesterday': -2,
  'the day before yesterday': -2,
  前天: -2,
};

const MONTH_OFFSET: Readonly<Record<string, number>> = {
  下月: 1,
  次月: 1,
  next: 1,
  本月: 0,
  这月: 0,
  this: 0,
  上月: -1,
  last: -1,
};

const YEAR_OFFSET: Readonly<Record<string, number>> = { 今年: 0, 明年: 1, 去年: -1 };

function checked(y: number, m: number, d: number, extra: Omit<DateReading, 'date'> = {}): ParseResult<DateReading> {
  if (y < MIN_YEAR || y > MAX_YEAR) return fail('date-out-of-range');
  if (!isValidDate(y, m, d)) return fail('date-impossible');
  return ok({ date: makeIsoDate(y, m, d), ...extra });
}

/** Month `m` and day `d` in the year `prefer` picks: on or after today ('future'), on or before ('past'). */
function nearestWithYear(m: number, d: number, context: DateContext): ParseResult<DateReading> {
  if (m < 1 || m > 12 || d < 1 || d > 31 || d > daysInMonth(2000, m)) return fail('date-impossible');
  const today = splitIsoDate(context.today);
  const past = context.prefer === 'past';
  // 29 February is in one year of four: look up to eight years away.
  for (let i = 0; i <= 8; i++) {
    const y = today.y + (past ? -i : i);
    if (!isValidDate(y, m, d)) continue;
    const candidate = makeIsoDate(y, m, d);
    if (past ? candidate <= context.today : candidate >= context.today) return checked(y, m, d, { inferred: 'year' });
  }
  return fail('date-impossible');
}

/** Day `d` of the month `prefer` picks: this month if still ahead (or already past), else the next (previous) that has it. */
function nearestWithMonth(d: number, context: DateContext): ParseResult<DateReading> {
  if (d < 1 || d > 31) return fail('date-impossible');
  const today = splitIsoDate(context.today);
  const past = context.prefer === 'past';
  for (let i = 0; i <= 12; i++) {
    const index = today.y * 12 + (today.m - 1) + (past ? -i : i);
    const y = Math.floor(index / 12);
    const m = index - y * 12 + 1;
    if (d > daysInMonth(y, m)) continue;
    const candidate = makeIsoDate(y, m, d);
    if (past ? candidate <= context.today : candidate >= context.today) return checked(y, m, d, { inferred: 'month' });
  }
  return fail('date-impossible');
}

function inMonthFromToday(monthsAhead: number, d: number, context: DateContext): ParseResult<DateReading> {
  const today = splitIsoDate(context.today);
  const index = today.y * 12 + (today.m - 1) + monthsAhead;
  const y = Math.floor(index / 12);
  return checked(y, index - y * 12 + 1, d, { relative: true });
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3)) + 1;
}

/**
 * A date as people type it. Always: "2026-12-10", "2026/12/10", "2026.12.10", "2026-1-5",
 * "2026年12月10日" (号/號), "20261210", "15 Feb 2027", "February 15, 2027", and day first with the
 * year last, "15/02/2027" (flagged: dateOrderAssumed). With `context` also what needs today:
 * "明天", "tomorrow", "今天", "昨天", "yesterday", "后天", "下个月15号", "next month on the 15th",
 * "明年2月1日", and dates without a year ("2月15日", "Feb 15", "15号"), placed by `prefer`.
 *
 * Without a context those are 'date-not-understood', as before. "02/15/2027" is
 * 'date-order-day-first' (there is no 15th month: we read day first); "10/12" with no year is
 * refused (China writes it month first, the UK day first).
 */
export function readDate(text: string, context?: DateContext): ParseResult<DateReading> {
  if (isTooLong(text)) return fail('text-too-long');
  const s = normalizeForMatching(text).toLowerCase();

  const full = SEPARATED.exec(s) ?? COMPACT.exec(s);
  if (full) {
    const [y, m, d] = (full.length === 5 ? [full[1], full[3], full[4]] : [full[1], full[2], full[3]]).map(Number) as [
      number,
      number,
      number,
    ];
    return checked(y, m, d);
  }

  const dayFirst = DAY_FIRST.exec(s);
  if (dayFirst) {
    const [d, m, y] = [dayFirst[1], dayFirst[3], dayFirst[4]].map(Number) as [number, number, number];
    // 02/15/2027 cannot be day first, and month first is the order we do not read: say so.
    if (m > 12 && d <= 12 && isValidDate(y, d, m)) return fail('date-order-day-first');
    return checked(y, m, d, { dateOrderAssumed: 'day-month-year' });
  }

  const chinese = CHINESE.exec(s);
  if (chinese) {
    const m = parseDigitsOrNumeral(chinese[3] as string);
    const d = parseDigitsOrNumeral(chinese[4] as string);
    if (m === undefined || d === undefined) return fail('date-not-understood');
    if (chinese[1] !== undefined) return checked(Number(chinese[1]), m, d);
    if (!context) return fail('date-not-understood');
    const yearWord = chinese[2];
    if (yearWord !== undefined) return checked(splitIsoDate(context.today).y + (YEAR_OFFSET[yearWord] ?? 0), m, d, { relative: true });
    return nearestWithYear(m, d, context);
  }

  const english = ENGLISH_DAY_MONTH.exec(s);
  const englishMonthFirst = english ? null : ENGLISH_MONTH_DAY.exec(s);
  if (english || englishMonthFirst) {
    const [d, name, year] = english
      ? [english[1], english[2], english[3]]
      : [(englishMonthFirst as RegExpExecArray)[2], (englishMonthFirst as RegExpExecArray)[1], (englishMonthFirst as RegExpExecArray)[3]];
    const m = monthNumber(name as string);
    if (year !== undefined) return checked(Number(year), m, Number(d));
    return context ? nearestWithYear(m, Number(d), context) : fail('date-not-understood');
  }

  if (!context) return fail('date-not-understood');

  const days = RELATIVE_DAYS[s];
  if (days !== undefined) {
    const { y, m, d } = splitIsoDate(addDays(context.today, days));
    return checked(y, m, d, { relative: true });
  }

  const monthRelative = CHINESE_MONTH_RELATIVE.exec(s);
  if (monthRelative) {
    const d = parseDigitsOrNumeral(monthRelative[2] as string);
    const month = (monthRelative[1] as string).replace('个', '');
    return d === undefined ? fail('date-not-understood') : inMonthFromToday(MONTH_OFFSET[month] ?? 0, d, context);
  }
  const englishRelative = ENGLISH_MONTH_RELATIVE.exec(s);
  if (englishRelative) {
    const d = Number(englishRelative[1] ?? englishRelative[4]);
    return inMonthFromToday(MONTH_OFFSET[(englishRelative[2] ?? englishRelative[3]) as string] ?? 0, d, context);
  }

  const day = CHINESE_DAY.exec(s);
  if (day) {
    const d = parseDigitsOrNumeral(day[1] as string);
    return d === undefined ? fail('date-not-understood') : nearestWithMonth(d, context);
  }
  return fail('date-not-understood');
}

/** readDate near a day: `prefer` 'future' for a due date, 'past' for a payment date. */
export function parseDateNear(text: string, today: IsoDate, prefer: DatePreference): ParseResult<DateReading> {
  return readDate(text, { today, prefer });
}

/**
 * readDate's date alone, for callers with no way to tell the borrower what was assumed: a day
 * first date (15/02/2027) is refused as 'date-not-understood' here, as it always was. Callers
 * that show `dateOrderAssumed` use readDate.
 */
export function parseDate(text: string, context?: DateContext): ParseResult<IsoDate> {
  const reading = readDate(text, context);
  if (!reading.ok) return reading.error === 'date-order-day-first' ? fail('date-not-understood') : reading;
  if (reading.value.dateOrderAssumed) return fail('date-not-understood');
  return ok(reading.value.date);
}
