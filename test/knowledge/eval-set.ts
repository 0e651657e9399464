import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../../src/i18n/locales.ts';
import { isTopicId, type TopicId } from '../../src/knowledge/index.ts';

/** One labelled question of test/knowledge/eval-<lang>.tsv: `<topic_id or OUT>\t<question>`. */
export interface EvalCase {
  locale: Locale;
  expected: TopicId | 'OUT';
  question: string;
  line: number;
}

const here = dirname(fileURLToPath(import.meta.url));

export function readEvalSet(locale: Locale): EvalCase[] {
  const source = readFileSync(join(here, `eval-${locale}.tsv`), 'utf8');
  return source
    .split('\n')
    .map((text, index) => ({ text: text.replace(/\r$/, ''), line: index + 1 }))
    .filter(({ text }) => text.trim() !== '' && !text.startsWith('#'))
    .map(({ text, line }) => {
      const tab = text.indexOf('\t');
      const label = text.slice(0, tab);
      if (tab < 0 || (label !== 'OUT' && !isTopicId(label)))
        throw new Error(`eval-${locale}.tsv line ${line}: expected <topic_id or OUT><TAB><question>`);
      return { locale, expected: label as TopicId | 'OUT', question: text.slice(tab + 1), line };
    });
}
