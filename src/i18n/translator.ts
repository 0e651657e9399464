import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { LOCALES, type Locale } from './locales.ts';

export type MessageArgs = Record<string, FluentVariable>;
export type Translate = (key: string, args?: MessageArgs) => string;

export const localesFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../locales');

export function readLocaleSource(locale: Locale): string {
  return readFileSync(resolve(localesFolder, `${locale}.ftl`), 'utf8');
}

export class MissingMessageError extends Error {}

/**
 * Fluent bundles for every locale. In strict mode (tests) a missing key or an unknown
 * variable throws; in production it is reported and the best-effort text is used, because
 * a slightly wrong sentence is better than no answer to a borrower.
 */
export class Translator {
  private readonly bundles = new Map<Locale, FluentBundle>();
  /** Messages without arguments, as formatted once: the same text every time (a reminder's title and buttons). */
  private readonly plain = new Map<Locale, Map<string, string>>();

  constructor(
    private readonly options: { strict: boolean; onError?: (error: Error) => void } = { strict: true },
    sources: (locale: Locale) => string = readLocaleSource,
  ) {
    for (const locale of LOCALES) {
      const bundle = new FluentBundle(locale, { useIsolating: false });
      const errors = bundle.addResource(new FluentResource(sources(locale)));
      if (errors.length > 0) throw new Error(`locales/${locale}.ftl: ${errors.map(String).join('; ')}`);
      this.bundles.set(locale, bundle);
    }
  }

  has(locale: Locale, key: string): boolean {
    return this.bundle(locale).hasMessage(key);
  }

  translate(locale: Locale, key: string, args?: MessageArgs): string {
    const known = args === undefined ? this.plain.get(locale)?.get(key) : undefined;
    if (known !== undefined) return known;
    const bundle = this.bundle(locale);
    const message = bundle.getMessage(key);
    if (!message?.value) return this.fail(new MissingMessageError(`missing message "${key}" in ${locale}`), key);
    const errors: Error[] = [];
    const text = bundle.formatPattern(message.value, args, errors);
    if (errors.length > 0) return this.fail(new Error(`message "${key}" in ${locale}: ${errors.map(String).join('; ')}`), text);
    // Only what formatted without a problem is kept: a missing message or variable is reported every time.
    if (args === undefined) {
      let texts = this.plain.get(locale);
      if (!texts) this.plain.set(locale, (texts = new Map()));
      texts.set(key, text);
    }
    return text;
  }

  for(locale: Locale): Translate {
    return (key, args) => this.translate(locale, key, args);
  }

  private bundle(locale: Locale): FluentBundle {
    const bundle = this.bundles.get(locale);
    if (!bundle) throw new Error(`no bundle for ${locale}`);
    return bundle;
  }

  private fail(error: Error, fallback: string): string {
    if (this.options.strict) throw error;
    this.options.onError?.(error);
    return fallback;
  }
}
