import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as OpenCC from 'opencc-js';
import { localesFolder } from './translator.ts';

/*
 * Traditional Chinese is generated from simplified Chinese so the two can never drift: the
 * same keys, the same variables, the same meaning. OpenCC converts characters and common
 * phrases to Taiwan usage (信息 → 資訊, 保存 → 儲存); quotation marks become 「」 as Taiwan and
 * Hong Kong write them; zh-Hant.overrides.ftl replaces whole messages where a literal
 * conversion still reads wrong.
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
  const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'twp' });
  const convert = (text: string) => toTaiwan(text).replace(/“/g, '「').replace(/”/g, '」').replace(/‘/g, '『').replace(/’/g, '』');
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
