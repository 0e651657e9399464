import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES } from '../i18n/locales.ts';
import type { Example } from './classifier.ts';
import { isTopicId, type TopicId } from './topics.ts';

/*
 * The classifiers' training questions: locales/knowledge/training/train-<lang>.tsv, one
 * `<topic_id or OUT>\t<question>` a line (# comments). Topic lines teach the topic classifier;
 * OUT lines (messages the bot does not answer: a card to choose, savings rates, the weather) and
 * the topic lines together teach the scope classifier (index.ts). Written for training only, in
 * their own words: the evaluation, development and blind sets never go in (test/knowledge/eval.test.ts checks).
 */

export type TrainingLabel = TopicId | 'OUT';

export function loadTraining(folder: string): Example<TrainingLabel>[] {
  const examples: Example<TrainingLabel>[] = [];
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
        examples.push({ topic: label as TrainingLabel, text: line.slice(tab + 1) });
      });
  }
  return examples;
}
