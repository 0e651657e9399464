import { isLocale, LOCALES, localeFromLanguageCode, type Locale } from '../i18n/locales.ts';
import { fail, normalizeText, ok, type ParseResult } from './result.ts';

/** Each language by its own name, as /language offers it, so a reader finds theirs whatever the bot speaks now. */
export const NATIVE_NAMES: Record<Locale, string> = { en: 'English', 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文' };

/**
 * Words people use for each language, in either script and in English, lower case with spaces,
 * '-', '_' and brackets left out. Plain 中文 / Chinese is simplified: traditional is asked for by
 * name (繁體, traditional).
 */
const LANGUAGE_WORDS: Readonly<Record<Locale, readonly string[]>> = {
  en: ['english', 'eng', '英文', '英语', '英語'],
  'zh-Hans': [
    '简体中文',
    '簡體中文',
    '中文简体',
    '中文簡體',
    '简体',
    '簡體',
    '简',
    '簡',
    '简中',
    'simplified',
    'simplifiedchinese',
    'chinesesimplified',
    '中文',
    'chinese',
    '汉语',
    '漢語',
    '普通话',
  ],
  'zh-Hant': [
    '繁體中文',
    '繁体中文',
    '中文繁體',
    '中文繁体',
    '繁體',
    '繁体',
    '繁',
    '繁中',
    '正體',
    '正体',
    '正體中文',
    'traditional',
    'traditionalchinese',
    'chinesetraditional',
  ],
};

const LOCALE_BY_WORD: ReadonlyMap<string, Locale> = new Map(
  LOCALES.flatMap((locale) => LANGUAGE_WORDS[locale].map((word) => [word, locale] as const)),
);

/**
 * "/language 繁體中文", "繁體", "繁体", "traditional", "Traditional Chinese", "简体", "簡體",
 * "simplified", "中文", "英文", "English", "zh-TW", "en": the language a borrower asked for.
 */
export function parseLanguageChoice(text: string): ParseResult<Locale> {
  const value = normalizeText(text);
  if (isLocale(value)) return ok(value);
  const byName = LOCALES.find((locale) => NATIVE_NAMES[locale].toLowerCase() === value.toLowerCase());
  if (byName) return ok(byName);
  const byWord = LOCALE_BY_WORD.get(value.toLowerCase().replace(/[\s\-_()（）[\]【】]/g, ''));
  if (byWord) return ok(byWord);
  // Language codes as Telegram writes them (en-GB, zh-TW); anything else is not a language we speak.
  const fromCode = /^(en|zh)([-_][a-z0-9]+)*$/i.test(value) ? localeFromLanguageCode(value) : undefined;
  return fromCode ? ok(fromCode) : fail('language-unknown');
}
