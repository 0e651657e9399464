import { isLocale, LOCALES, localeFromLanguageCode, type Locale } from '../i18n/locales.ts';
import { fail, normalizeText, ok, type ParseResult } from './result.ts';

/** Each language by its own name, as /language offers it, so a reader finds theirs whatever the bot speaks now. */
export const NATIVE_NAMES: Record<Locale, string> = { en: 'English', 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文' };

/** "/language 繁體中文", "zh-TW", "en", "English": the language a borrower asked for. */
export function parseLanguageChoice(text: string): ParseResult<Locale> {
  const value = normalizeText(text);
  if (isLocale(value)) return ok(value);
  const byName = LOCALES.find((locale) => NATIVE_NAMES[locale].toLowerCase() === value.toLowerCase());
  if (byName) return ok(byName);
  // Language codes as Telegram writes them (en-GB, zh-TW); anything else is not a language we speak.
  const fromCode = /^(en|zh)([-_][a-z0-9]+)*$/i.test(value) ? localeFromLanguageCode(value) : undefined;
  return fromCode ? ok(fromCode) : fail('language-unknown');
}
