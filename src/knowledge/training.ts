import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES } from '../i18n/locales.ts';
import type { Example } from './classifier.ts';
import { isTopicId } from './topics.ts';

/*
 * The classifier's training questions: locales/knowledge/training/train-<lang>.tsv, one
 * `<topic_id>\t<question>` a line (# comments; OUT lines, the out-of-scope examples, are left to
 * the matcher's own gates). Written for training only, in their own words: the evaluation,
 * development and blind sets never go in (test/knowledge/eval.test.ts checks).
 */

export function loadTraining(folder: string): Example[] {
  const examples: Example[] = [];
  for (const locale of LOCALES) {
    const path = join(folder, 'training', `train-${locale}.tsv`);
    if (!existsSync(path)) continue;
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((raw, index) => {
        const line = raw.replace(/\r$/, '');
        if (line.trim() === '' || line.startsWith('#')) return;
        const tab = line.indexOf('\t');
        const label = line.slice(0, tab);
        if (tab < 0 || (label !== 'OUT' && !isTopicId(label)))
          throw new Error(`training/train-${locale}.tsv line ${index + 1}: expected <topic_id or OUT><TAB><question>`);
        if (isTopicId(label)) examples.push({ topic: label, text: line.slice(tab + 1) });
      });
  }
  return examples;
}
