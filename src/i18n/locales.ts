/** The languages repaybot speaks. zh-Hant is derived from zh-Hans (see derive-zh-hant.ts). */
export const LOCALES = ['en', 'zh-Hans', 'zh-Hant'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/**
 * Telegram sends an IETF tag such as "zh-hans", "zh-TW" or "en-GB" (or nothing).
 * Taiwan, Hong Kong and Macau readers expect traditional characters.
 */
export function localeFromLanguageCode(code: string | undefined): Locale | undefined {
  if (!code) return undefined;
  const tag = code.trim().toLowerCase().replace(/_/g, '-');
  if (tag === '') return undefined;
  const [language, ...rest] = tag.split('-');
  if (language === 'zh') {
    if (rest.includes('hant') || rest.some((part) => ['tw', 'hk', 'mo'].includes(part))) return 'zh-Hant';
    return 'zh-Hans';
  }
  return 'en';
}

/** The language to speak to a user: their /language choice, else Telegram's, else the default. */
export function localeOf(chosen: string | null | undefined, telegramCode: string | null | undefined, fallback: Locale): Locale {
  return (chosen && isLocale(chosen) ? chosen : undefined) ?? localeFromLanguageCode(telegramCode ?? undefined) ?? fallback;
}
