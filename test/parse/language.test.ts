import { describe, expect, it } from 'vitest';
import { parseLanguageChoice } from '../../src/parse/language.ts';

describe('parseLanguageChoice', () => {
  it('reads a locale, a language by its own name, and Telegram-style codes', () => {
    expect(parseLanguageChoice('zh-Hant')).toEqual({ ok: true, value: 'zh-Hant' });
    expect(parseLanguageChoice('繁體中文')).toEqual({ ok: true, value: 'zh-Hant' });
    expect(parseLanguageChoice(' english ')).toEqual({ ok: true, value: 'en' });
    expect(parseLanguageChoice('简体中文')).toEqual({ ok: true, value: 'zh-Hans' });
    expect(parseLanguageChoice('zh-TW')).toEqual({ ok: true, value: 'zh-Hant' });
    expect(parseLanguageChoice('zh_CN')).toEqual({ ok: true, value: 'zh-Hans' });
    expect(parseLanguageChoice('en-GB')).toEqual({ ok: true, value: 'en' });
  });

  it.each([
    ['繁體', 'zh-Hant'],
    ['繁体', 'zh-Hant'],
    ['繁体中文', 'zh-Hant'],
    ['traditional', 'zh-Hant'],
    ['Traditional Chinese', 'zh-Hant'],
    ['chinese (traditional)', 'zh-Hant'],
    ['中文（繁體）', 'zh-Hant'],
    ['正體中文', 'zh-Hant'],
    ['简体', 'zh-Hans'],
    ['簡體', 'zh-Hans'],
    ['簡體中文', 'zh-Hans'],
    ['simplified', 'zh-Hans'],
    ['Simplified Chinese', 'zh-Hans'],
    ['中文', 'zh-Hans'],
    ['chinese', 'zh-Hans'],
    ['英文', 'en'],
    ['英語', 'en'],
    ['english', 'en'],
    ['ENGLISH', 'en'],
    ['zh-hant', 'zh-Hant'],
  ])('reads the word %s as %s', (text, locale) => {
    expect(parseLanguageChoice(text)).toEqual({ ok: true, value: locale });
  });

  it('refuses a language we do not speak, and anything else', () => {
    for (const text of ['fr', 'Deutsch', 'klingon', '', '😀'.repeat(50), '日文', 'french', 'traditional french', '繁繁']) {
      expect(parseLanguageChoice(text)).toEqual({ ok: false, error: 'language-unknown' });
    }
  });
});
