import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zhHantFromFiles } from '../../src/i18n/derive-zh-hant.ts';
import { LOCALES, localeFromLanguageCode } from '../../src/i18n/locales.ts';
import { readLocaleSource, Translator } from '../../src/i18n/translator.ts';
import { PARSE_ERRORS } from '../../src/parse/result.ts';
import { variablesByMessage } from '../support/fluent.ts';

const catalogues = Object.fromEntries(LOCALES.map((locale) => [locale, variablesByMessage(readLocaleSource(locale))]));
const english = catalogues.en as Map<string, Set<string>>;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('locales', () => {
  it.each(LOCALES)('%s has exactly the keys of en', (locale) => {
    expect([...(catalogues[locale]?.keys() ?? [])].sort()).toEqual([...english.keys()].sort());
  });

  it.each(LOCALES)('%s messages use exactly the variables of en', (locale) => {
    for (const [key, variables] of english) {
      expect([...(catalogues[locale]?.get(key) ?? [])].sort(), `${locale} ${key}`).toEqual([...variables].sort());
    }
  });

  it('every message formats without errors in every locale when given its variables', () => {
    const translator = new Translator({ strict: true });
    for (const locale of LOCALES) {
      for (const [key, variables] of english) {
        const args = Object.fromEntries([...variables].map((name) => [name, 2]));
        expect(() => translator.translate(locale, key, args)).not.toThrow();
      }
    }
  });

  it('a missing variable or key is caught in strict mode', () => {
    const translator = new Translator({ strict: true });
    expect(() => translator.translate('en', 'addloan-saved')).toThrow(/addloan-saved/);
    expect(() => translator.translate('en', 'no-such-key')).toThrow(/missing message/);
  });

  it('every key the code names literally exists', () => {
    const files = [...sourceFiles('src'), ...sourceFiles('commands')];
    const keys = new Set<string>();
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([a-z0-9-]+)'/g)) keys.add(match[1] as string);
      for (const match of source.matchAll(/translate\(\s*\w+,\s*'([a-z0-9-]+)'/g)) keys.add(match[1] as string);
      for (const match of source.matchAll(/descriptionKey:\s*'([a-z0-9-]+)'/g)) keys.add(match[1] as string);
    }
    expect(keys.size).toBeGreaterThan(40);
    for (const key of keys) expect(english.has(key), key).toBe(true);
  });

  it('every parse error has a message', () => {
    for (const code of [...PARSE_ERRORS, 'method-not-understood']) expect(english.has(`error-${code}`), code).toBe(true);
  });

  it('zh-Hant.ftl is exactly what the generator makes from zh-Hans (run `npm run locales`)', () => {
    expect(readLocaleSource('zh-Hant')).toBe(zhHantFromFiles());
  });
});

describe('language from Telegram', () => {
  it.each([
    ['zh-TW', 'zh-Hant'],
    ['zh-hk', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-hant-tw', 'zh-Hant'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-hans', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['de', 'en'],
  ])('%s → %s', (code, locale) => {
    expect(localeFromLanguageCode(code)).toBe(locale);
  });

  it('no code means no opinion', () => {
    expect(localeFromLanguageCode(undefined)).toBeUndefined();
    expect(localeFromLanguageCode('')).toBeUndefined();
  });
});
