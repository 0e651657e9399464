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

  it('refuses a language we do not speak, and anything else', () => {
    for (const text of ['fr', 'Deutsch', 'klingon', '', '😀'.repeat(50)]) {
      expect(parseLanguageChoice(text)).toEqual({ ok: false, error: 'language-unknown' });
    }
  });
});
