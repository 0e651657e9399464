import type { Locale } from '../i18n/locales.ts';
import type { Translator } from '../i18n/translator.ts';

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
    const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' })
      .formatToParts(0)
      .find((p) => p.type === 'timeZoneName');
    name = part?.value ?? timeZone;
    intlNames.set(key, name);
  }
  return name;
}

/** "Beijing time", "London time", "北京时间"; else the zone's name as Intl gives it in the locale. */
export function zoneName(translator: Translator, locale: Locale, timeZone: string): string {
  const key = zoneKey(timeZone);
  if (translator.has(locale, key)) return translator.translate(locale, key);
  // Etc/GMT-8 is eight hours AHEAD of UTC (the POSIX sign is inverted): say UTC+8.
  const fixed = /^Etc\/GMT([+-])(\d{1,2})$/.exec(timeZone);
  if (fixed) return `UTC${fixed[1] === '-' ? '+' : '-'}${fixed[2]}`;
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC' || timeZone === 'Etc/GMT') return 'UTC';
  return intlName(locale, timeZone);
}
