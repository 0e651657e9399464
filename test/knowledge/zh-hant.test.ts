import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { foldTableSource, foldTableFile, knowledgeFolder, zhHantKnowledgeFromFiles } from '../../src/i18n/derive-knowledge.ts';
import { knowledgeConverter } from '../../src/i18n/derive-zh-hant.ts';

/* locales/knowledge/zh-Hant is generated from zh-Hans (npm run locales) and reads as Traditional Chinese. */

const s2t = OpenCC.Converter({ from: 'cn', to: 't' });

/** Characters s2t changes on their own that are right in Taiwan text: 吃 (not 喫), 划 in 划算 / 划不來. */
const ALLOWED = new Set([...'吃划']);

const folder = join(knowledgeFolder, 'zh-Hant');
const onDisk = new Map(
  readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .map((name) => [name, readFileSync(join(folder, name), 'utf8')]),
);

describe('locales/knowledge/zh-Hant', () => {
  it('is exactly what the generator makes from zh-Hans (run `npm run locales`)', () => {
    const generated = zhHantKnowledgeFromFiles(knowledgeConverter());
    expect([...onDisk.keys()].sort()).toEqual([...generated.keys()].sort());
    for (const [name, text] of generated) expect(onDisk.get(name), name).toBe(text);
  });

  it('has no simplified-only character', () => {
    const problems: string[] = [];
    for (const [name, text] of onDisk) {
      for (const c of new Set([...text].filter((c) => /\p{Script=Han}/u.test(c))))
        if (s2t(c) !== c && !ALLOWED.has(c)) problems.push(`${name}: ${c} → ${s2t(c)}`);
    }
    expect(problems).toEqual([]);
  });

  it('src/knowledge/traditional-fold.ts is up to date with OpenCC', () => {
    expect(readFileSync(foldTableFile, 'utf8')).toBe(foldTableSource());
  });
});
