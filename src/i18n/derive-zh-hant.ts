import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as OpenCC from 'opencc-js';
import { localesFolder } from './translator.ts';

/*
 * Traditional Chinese is generated from simplified Chinese so the two can never drift: the
 * same keys, the same variables, the same meaning. OpenCC does the character conversion
 * (Taiwan standard characters); zh-Hant.overrides.ftl replaces whole messages where a
 * literal conversion reads wrong to a Taiwan or Hong Kong reader.
 */

const ENTRY_START = /^([A-Za-z][\w-]*)\s*=/;

/** Splits Fluent source into top-level chunks keyed by message id (comments travel with the following text). */
function splitEntries(source: string): { key: string | undefined; text: string }[] {
  const chunks: { key: string | undefined; text: string }[] = [];
  for (const line of source.split('\n')) {
    const match = ENTRY_START.exec(line);
    const last = chunks[chunks.length - 1];
    if (match || !last || (line.startsWith('#') && last.key !== undefined)) {
      chunks.push({ key: match?.[1], text: line });
    } else {
      last.text += `\n${line}`;
    }
  }
  return chunks;
}

export function deriveZhHant(zhHansSource: string, overridesSource: string): string {
  const convert = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const overrides = new Map<string, string>();
  for (const chunk of splitEntries(overridesSource)) {
    if (chunk.key) overrides.set(chunk.key, chunk.text.trimEnd());
  }
  const header = '# GENERATED from zh-Hans.ftl by `npm run locales` (OpenCC + zh-Hant.overrides.ftl). Do not edit.\n';
  const body = splitEntries(zhHansSource)
    .map((chunk) => {
      const override = chunk.key ? overrides.get(chunk.key) : undefined;
      if (override === undefined) return convert(chunk.text);
      // Keep the blank lines that separated the original entry from the next one.
      const trailing = /\n*$/.exec(chunk.text)?.[0] ?? '';
      return override + trailing;
    })
    .join('\n');
  return header + body;
}

export function zhHantFromFiles(): string {
  const read = (name: string) => readFileSync(resolve(localesFolder, name), 'utf8');
  return deriveZhHant(read('zh-Hans.ftl'), read('zh-Hant.overrides.ftl'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(resolve(localesFolder, 'zh-Hant.ftl'), zhHantFromFiles());
  console.log('locales/zh-Hant.ftl written');
}
