import { type LocalTime, makeLocalTime } from '../domain/local-time.ts';
import { fail, normalizeForMatching, ok, type ParseResult } from './result.ts';

/*
 * A time of day as borrowers type it ("9am", "21:30", "晚上9点", "早上8點半"). The Chinese readers
 * run on text folded to simplified characters, so 點 / 時 / 鐘 / 兩 are matched as 点 / 时 / 钟 / 两.
 */

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** '9', '09', '九', '十', '十二', '二十一', '三十' → the number; anything else (or above 59) → null. */
function smallNumber(s: string): number | null {
  if (/^\d{1,2}$/.test(s)) return Number(s);
  if (s === '') return null;
  const ten = s.indexOf('十');
  if (ten === -1) return s.length === 1 ? (CN_DIGITS[s] ?? null) : null;
  const before = s.slice(0, ten);
  const after = s.slice(ten + 1);
  const tens = before === '' ? 1 : before.length === 1 ? (CN_DIGITS[before] ?? null) : null;
  const ones = after === '' ? 0 : after.length === 1 ? (CN_DIGITS[after] ?? null) : null;
  if (tens === null || ones === null || tens === 0) return null;
  const n = tens * 10 + ones;
  return n <= 59 ? n : null;
}

/**
 * A period word before the hour decides how a 12-hour clock reading maps to 24 hours. Each maps
 * an hour as typed to a 24-hour hour, or null when the combination is contradictory
 * ('早上21点' is more likely a typo than a time, so we ask again rather than guess).
 */
type PeriodRule = (h: number) => number | null;

const morning: PeriodRule = (h) => (h >= 1 && h <= 12 ? h : null);
const afternoon: PeriodRule = (h) => (h >= 1 && h <= 11 ? h + 12 : h >= 12 && h <= 18 ? h : null);
const evening: PeriodRule = (h) => (h >= 1 && h <= 11 ? h + 12 : h === 12 ? 0 : h >= 13 && h <= 23 ? h : null);

const CN_PERIODS: [string, PeriodRule][] = [
  // 凌晨 is the small hours: 凌晨12点 is midnight, 凌晨3点 is 03:00.
  ['凌晨', (h) => (h === 12 ? 0 : h >= 0 && h <= 6 ? h : null)],
  ['早上', morning],
  ['早晨', morning],
  ['清晨', morning],
  ['上午', morning],
  ['早', morning],
  // 中午 spans noon: 中午12点 = 12:00, 中午1点 = 13:00.
  ['中午', (h) => (h === 11 || h === 12 ? h : h >= 1 && h <= 2 ? h + 12 : h === 13 || h === 14 ? h : null)],
  ['下午', afternoon],
  ['午后', afternoon],
  ['傍晚', afternoon],
  ['晚上', evening],
  ['夜里', evening],
  ['夜晚', evening],
  ['夜间', evening],
  ['晚', evening],
  ['半夜', (h) => (h === 12 ? 0 : h >= 0 && h <= 3 ? h : h >= 22 && h <= 23 ? h : h >= 10 && h <= 11 ? h + 12 : null)],
];

function parseEnglish(s: string): LocalTime | null {
  if (s === 'noon' || s === 'midday') return '12:00';
  if (s === 'midnight') return '00:00';
  const m = /^(\d{1,2})(?:[:.](\d{2}))? ?(am|pm|a\.m\.|p\.m\.|a|p)?$/.exec(s);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const suffix = m[3];
  if (minute > 59) return null;
  if (suffix !== undefined) {
    // A 12-hour reading: 12am is midnight, 12pm is noon; '0am' and '13pm' are not times.
    if (hour < 1 || hour > 12) return null;
    const pm = suffix.startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  } else if (hour > 23) {
    return null;
  }
  return makeLocalTime(hour, minute);
}

function parseChinese(s: string): LocalTime | null {
  let rest = s.replace(/ /g, '');
  let rule: PeriodRule | undefined;
  for (const [word, r] of CN_PERIODS) {
    if (rest.startsWith(word)) {
      rule = r;
      rest = rest.slice(word.length);
      break;
    }
  }
  let hourText: string;
  let minuteText: string;
  const colon = /^(\d{1,2}):(\d{2})$/.exec(rest);
  if (colon) {
    hourText = colon[1] ?? '';
    minuteText = colon[2] ?? '';
  } else {
    const m = /^([\d零〇一二两三四五六七八九十]{1,3})(?:点钟|点|时)(.*)$/.exec(rest);
    if (!m) {
      // '晚上9' has no 点 but the period word makes it unambiguous enough.
      if (rule && /^[\d零〇一二两三四五六七八九十]{1,3}$/.test(rest)) {
        hourText = rest;
        minuteText = '';
      } else {
        return null;
      }
    } else {
      hourText = m[1] ?? '';
      minuteText = (m[2] ?? '').replace(/(分钟|分)$/, '');
    }
  }
  const hour = smallNumber(hourText);
  if (hour === null) return null;
  let minute: number | null;
  if (minuteText === '' || minuteText === '整') minute = 0;
  else if (minuteText === '半') minute = 30;
  else if (minuteText === '一刻') minute = 15;
  else if (minuteText === '三刻') minute = 45;
  else minute = smallNumber(minuteText.replace(/^零/, ''));
  if (minute === null || minute > 59) return null;
  const h24 = rule ? rule(hour) : hour <= 23 ? hour : null;
  if (h24 === null) return null;
  return makeLocalTime(h24, minute);
}

/**
 * What a borrower types as "remind me at …": '9', '9:00', '09:00', '21:30', '9am', '9 pm',
 * '21点', '晚上9点', '早上8点半', '下午3点', '九点一刻'. Null for anything that is not a real time of
 * day ('25:00', '12:60', '24:00', ''): the caller asks again rather than guessing.
 */
export function parseLocalTime(text: string): LocalTime | null {
  if (typeof text !== 'string') return null;
  // Full-width digits and colons from Chinese IMEs read as ASCII; 點 / 時 / 鐘 as 点 / 时 / 钟.
  const s = normalizeForMatching(text).toLowerCase();
  if (s === '') return null;
  return parseEnglish(s) ?? parseChinese(s);
}

/** parseLocalTime as a ParseResult, for forms: 'time-not-understood' when it is not a time of day. */
export function readLocalTime(text: string): ParseResult<LocalTime> {
  const time = parseLocalTime(text);
  return time === null ? fail('time-not-understood') : ok(time);
}
