import { parseDigitsOrNumeral } from './chinese-number.ts';
import { fail, isTooLong, normalizeForMatching, ok, type ParseResult } from './result.ts';

/*
 * A time zone as people name it: a city or a country with one zone (北京, 倫敦, Hong Kong), a UTC
 * offset (UTC+8, GMT+08:00, 东八区), "UTC", or an IANA id (Asia/Shanghai). The answer is always an
 * IANA id. Rules:
 *  - A name several zones share is refused, never guessed: CST is China, US Central and Cuba time;
 *    IST India, Israel and Ireland; 美国 has six zones ('timezone-ambiguous').
 *  - An offset alone maps to a fixed zone with no daylight saving: UTC+8 → Etc/GMT-8. The POSIX
 *    sign in Etc/ ids is inverted (Etc/GMT-8 is eight hours AHEAD of UTC); timeZoneLabel turns
 *    it back into "UTC+8" for people. Offsets that are not whole hours (UTC+5:30) have no Etc/
 *    zone: the borrower is asked for a city ('timezone-offset-not-whole-hours').
 *  - A city with an offset ("北京时间 UTC+8", "London (GMT+0)") is the city, so daylight saving
 *    follows it, provided the offset is one the city keeps in winter or summer
 *    ('timezone-conflict' otherwise: one of the two is a typo).
 *  - An IANA id is read in any letter case and returned as Intl spells it. Only ids with a
 *    region ("Area/Location") or UTC: Intl also takes "CST" (as America/Chicago) and "EST" (as
 *    America/Panama), which is exactly the guessing refused above.
 */

/** Zones by the names people type, in both scripts, lower case; spaces, '-', '_' and '.' are ignored. */
const ZONE_NAMES: readonly (readonly [string, readonly string[]])[] = [
  [
    'Asia/Shanghai',
    [
      '北京',
      '中国',
      '上海',
      '深圳',
      '广州',
      '廣州',
      '杭州',
      '成都',
      '重庆',
      '重慶',
      '武汉',
      '武漢',
      '南京',
      '天津',
      '西安',
      '中国大陆',
      '中國',
      '中國大陸',
      '大陆',
      '大陸',
      'beijing',
      'peking',
      'shanghai',
      'shenzhen',
      'guangzhou',
      'china',
      'mainlandchina',
      'prc',
      'bjt',
      'chinastandard',
    ],
  ],
  ['Asia/Hong_Kong', ['香港', 'hongkong', 'hk', 'hkt']],
  ['Asia/Macau', ['澳门', '澳門', 'macau', 'macao']],
  ['Asia/Taipei', ['台北', '臺北', '台湾', '台灣', '臺灣', '高雄', 'taipei', 'taiwan', 'kaohsiung']],
  ['Asia/Singapore', ['新加坡', '星加坡', 'singapore', 'sg', 'sgt']],
  ['Asia/Kuala_Lumpur', ['吉隆坡', '马来西亚', '馬來西亞', 'kualalumpur', 'malaysia']],
  ['Asia/Bangkok', ['曼谷', '泰国', '泰國', 'bangkok', 'thailand']],
  ['Asia/Manila', ['马尼拉', '馬尼拉', '菲律宾', '菲律賓', 'manila', 'philippines']],
  ['Asia/Tokyo', ['东京', '東京', '日本', 'tokyo', 'japan', 'jst']],
  ['Asia/Seoul', ['首尔', '首爾', '汉城', '漢城', '韩国', '韓國', 'seoul', 'korea', 'southkorea', 'kst']],
  ['Asia/Dubai', ['迪拜', '杜拜', 'dubai']],
  ['Europe/London', ['伦敦', '倫敦', '英国', '英國', 'london', 'uk', 'unitedkingdom', 'britain', 'england']],
  ['Europe/Paris', ['巴黎', '法国', '法國', 'paris', 'france']],
  ['Europe/Berlin', ['柏林', '德国', '德國', 'berlin', 'germany']],
  ['America/New_York', ['纽约', '紐約', 'newyork', 'nyc', 'est', 'edt', 'et', 'eastern']],
  ['America/Chicago', ['芝加哥', 'chicago', 'cdt', 'central']],
  ['America/Los_Angeles', ['洛杉矶', '洛杉磯', '旧金山', '舊金山', '三藩市', 'losangeles', 'la', 'sanfrancisco', 'pdt', 'pacific']],
  ['America/Toronto', ['多伦多', '多倫多', 'toronto']],
  ['America/Vancouver', ['温哥华', '溫哥華', 'vancouver']],
  ['Australia/Sydney', ['悉尼', '雪梨', 'sydney', 'aest', 'aedt']],
  ['Australia/Melbourne', ['墨尔本', '墨爾本', 'melbourne']],
  ['Pacific/Auckland', ['新西兰', '紐西蘭', '纽西兰', 'newzealand', 'nz']],
];

/** Names that stand for several zones: refused, so the borrower names a city instead. */
const AMBIGUOUS = [
  'cst', // China, US Central, Cuba
  'ist', // India, Israel, Ireland
  'bst', // British Summer, Bangladesh
  'ast', // Atlantic, Arabia
  'mst', // US Mountain, Malaysia
  'pst', // US Pacific, Philippines
  'sst', // Samoa, Singapore (informally)
  '美国',
  '美國',
  'us',
  'usa',
  'america',
  'unitedstates',
  '加拿大',
  'canada',
  '澳大利亚',
  '澳洲',
  '澳大利亞',
  'australia',
  '俄罗斯',
  '俄羅斯',
  'russia',
  '巴西',
  'brazil',
  '墨西哥',
  'mexico',
  '印尼',
  '印度尼西亚',
  'indonesia',
];

const UTC_NAMES = ['utc', 'gmt', 'z', 'zulu', 'utc0', 'gmt0', '零时区', '中时区', '协调世界时', '世界时', '格林尼治', '格林威治'];

/**
 * "时间", "標準時間", "time", "standard time", "时区", "zone", "市": words around a zone's name,
 * not part of it. Run on folded text (時間 reads 时间; 區 is not folded, so both).
 */
const ZONE_WORDS = /(?:标准|標準)?(?:时间|时[区區])$|(?:standard)?(?:time)?(?:zone)?$|^(?:time)?zone|市$/;

/** An offset with a sign: "UTC+8", "GMT-05:00", "+0800", "utc + 8". */
const OFFSET = /(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?:\s*:?\s*(\d{2}))?(?![\d:])/;
/** 东八区 (UTC+8), 西五区 (UTC−5), as China names zones; 區 and 東 are not folded, so both scripts. */
const CHINESE_ZONE = /([东東西])([零〇一二两三四五六七八九十]{1,3}|\d{1,2})\s*[区區]/;

/** The form a name is looked up in: folded, lower case, no spaces or punctuation, no "time"/"时间". */
function key(text: string): string {
  let s = normalizeForMatching(text)
    .toLowerCase()
    .replace(/[()（）[\]【】,，、:：]/g, ' ')
    .replace(/[\s_.\-'’]+/g, '');
  // Words may be stacked ("北京标准时间", "Beijing standard time zone"): strip until nothing changes.
  for (let previous = ''; previous !== s; ) {
    previous = s;
    s = s.replace(ZONE_WORDS, '');
  }
  return s;
}

/** Whole hours east of UTC, or an error when out of range or not whole. */
function offsetHours(sign: string, hours: string, minutes: string | undefined): ParseResult<number> {
  const h = Number(hours);
  const m = minutes === undefined ? 0 : Number(minutes);
  if (m >= 60 || h > 14 || (sign === '-' && h > 12)) return fail('timezone-unknown');
  if (m !== 0) return fail('timezone-offset-not-whole-hours');
  return ok(sign === '-' ? -h : h);
}

/** The fixed zone for a whole-hour offset: UTC+8 → Etc/GMT-8 (the sign in Etc/ ids is inverted). */
export function fixedZone(hoursEast: number): string {
  if (hoursEast === 0) return 'UTC';
  return `Etc/GMT${hoursEast > 0 ? '-' : '+'}${Math.abs(hoursEast)}`;
}

/** Minutes east of UTC the zone keeps at `instant` ("GMT+08:00" → 480). */
function offsetMinutesAt(zone: string, instant: Date): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(instant)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** Whether `zone` is `hoursEast` ahead of UTC in winter or in summer (either hemisphere). */
function keepsOffset(zone: string, hoursEast: number): boolean {
  const year = new Date().getUTCFullYear();
  return [0, 6].some((month) => offsetMinutesAt(zone, new Date(Date.UTC(year, month, 15))) === hoursEast * 60);
}

/** An IANA id as Intl spells it ("asia/shanghai" → "Asia/Shanghai"), or undefined. */
function canonicalIana(text: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const ZONE_BY_NAME: ReadonlyMap<string, string> = new Map(
  ZONE_NAMES.flatMap(([zone, names]) => names.map((name) => [key(name), zone] as const)),
);
const AMBIGUOUS_KEYS: ReadonlySet<string> = new Set([...AMBIGUOUS].map(key));
const UTC_KEYS: ReadonlySet<string> = new Set(UTC_NAMES.map(key));

function byName(name: string): ParseResult<string> | undefined {
  if (name === '') return undefined;
  if (AMBIGUOUS_KEYS.has(name)) return fail('timezone-ambiguous');
  if (UTC_KEYS.has(name)) return ok('UTC');
  const zone = ZONE_BY_NAME.get(name);
  return zone ? ok(zone) : undefined;
}

/**
 * A time zone as a borrower or lender names it → an IANA id: "北京时间", "北京", "中国", "UTC+8",
 * "UTC+08:00", "GMT+8", "东八区", "UTC", "香港" / "Hong Kong", "台北" / "台灣" / "Taipei", "倫敦" /
 * "London", "新加坡", "東京" / "Tokyo", "紐約" / "New York", "洛杉矶" / "Los Angeles", "悉尼" /
 * "Sydney", "asia/shanghai". See the rules at the top of this file.
 */
export function parseTimeZone(text: string): ParseResult<string> {
  if (isTooLong(text, 80)) return fail('text-too-long');
  const s = normalizeForMatching(text).toLowerCase();
  if (s === '') return fail('timezone-unknown');

  // An IANA id: "Area/Location" (any case) or Etc/…; the legacy one-word links Intl accepts
  // ("PRC", "Japan", "EST") go through the name table instead.
  if (/^[a-z][a-z0-9_+-]*(?:\/[a-z0-9_+-]+)+$/i.test(s)) {
    const zone = canonicalIana(s);
    return zone && (zone.includes('/') || zone === 'UTC') ? ok(zone) : fail('timezone-unknown');
  }

  let hours: number | undefined;
  let rest = s;
  const offset = OFFSET.exec(s);
  const chinese = offset ? null : CHINESE_ZONE.exec(s);
  if (offset) {
    const h = offsetHours(offset[1] as string, offset[2] as string, offset[3]);
    if (!h.ok) return h;
    hours = h.value;
    rest = s.slice(0, offset.index) + s.slice(offset.index + offset[0].length);
  } else if (chinese) {
    const n = parseDigitsOrNumeral(chinese[2] as string);
    if (n === undefined || n > 12) return fail('timezone-unknown');
    hours = chinese[1] === '西' ? -n : n;
    rest = s.slice(0, chinese.index) + s.slice(chinese.index + chinese[0].length);
  }

  const name = key(rest);
  if (hours === undefined) return byName(name) ?? fail('timezone-unknown');
  if (name === '' || UTC_KEYS.has(name)) return ok(fixedZone(hours));
  const city = byName(name);
  if (!city) return fail('timezone-unknown');
  if (!city.ok) return city;
  return keepsOffset(city.value, hours) ? city : fail('timezone-conflict');
}

/**
 * How to show a zone to people: the IANA id, except the fixed zones, whose inverted sign would
 * mislead ("Etc/GMT-8" → "UTC+8").
 */
export function timeZoneLabel(zone: string): string {
  const fixed = /^Etc\/GMT([+-])(\d{1,2})$/.exec(zone);
  if (fixed) return `UTC${fixed[1] === '-' ? '+' : '-'}${fixed[2]}`;
  if (zone === 'Etc/UTC' || zone === 'Etc/GMT' || zone === 'UTC') return 'UTC';
  return zone;
}
