import type { Locale } from './locales.ts';

/*
 * A time zone as a reader names it in a sentence ("Beijing time", "北京时间"), for a deadline
 * told in two zones. The zones borrowers and lenders are mostly in are named by a city in the
 * locales (zone-asia-shanghai = Beijing time: Chinese readers say Beijing time for all of China, never
 * "Shanghai time"); any other zone gets Intl's own name for it in the reader's language ("Central
 * European Standard Time", "中欧标准时间"), and a fixed offset reads as UTC+8.
 */

/** The locale key of a zone's name: Asia/Hong_Kong → zone-asia-hong-kong ("Hong Kong time"). */
export function zoneKey(timeZone: string): string {
  return `zone-${timeZone.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

const intlNames = new Map<string, string>();

function intlName(locale: Locale, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let name = intlNames.get(key);
  if (name === undefined) {
    try {
      const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' })
        .formatToParts(0)
        .find((p) => p.type === 'timeZoneName');
      name = part?.value ?? timeZone;
    } catch {
      // A zone this Node's Intl does not know: its id is still better than nothing.
      name = timeZone;
    }
    intlNames.set(key, name);
  }
  return name;
}

/** The zones locales/ name by their city ("Beijing time", "北京时间"): each has a zone-… message (test/i18n/zone-names.test.ts). */
export const NAMED_ZONES: ReadonlySet<string> = new Set([
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Macau',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Kuala_Lumpur',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Toronto',
  'America/Vancouver',
  'Australia/Sydney',
  'Australia/Melbourne',
]);

/**
 * "Beijing time", "London time", "北京时间"; else the zone's name as Intl gives it in the locale.
 * `t` is the reader's translation function (a command's ctx.t, a reminder's translator.for(locale)).
 */
export function zoneName(t: (key: string) => string, locale: Locale, timeZone: string): string {
  if (NAMED_ZONES.has(timeZone)) return t(zoneKey(timeZone));
  // Etc/GMT-8 is eight hours AHEAD of UTC (the POSIX sign is inverted): say UTC+8.
  const fixed = /^Etc\/GMT([+-])(\d{1,2})$/.exec(timeZone);
  if (fixed) return `UTC${fixed[1] === '-' ? '+' : '-'}${fixed[2]}`;
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC' || timeZone === 'Etc/GMT') return 'UTC';
  return intlName(locale, timeZone);
}
