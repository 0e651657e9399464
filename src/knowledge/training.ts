import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES } from '../i18n/locales.ts';
import { readIfExists } from './built-file.ts';
import { type Example, TermCounts } from './classifier.ts';
import { modelSource, readModel } from './model.ts';
import { DEFAULT_WEIGHTS } from './text.ts';
import { isTopicId, type TopicId } from './topics.ts';

/*
 * The classifiers' training questions: locales/knowledge/training/train-<lang>.tsv, one
 * `<topic_id or OUT>\t<question>` a line (# comments). Topic lines teach the topic classifier;
 * OUT lines (messages the bot does not answer: a card to choose, savings rates, the weather) and
 * the topic lines together teach the scope classifier (index.ts). Written for training only, in
 * their own words: the evaluation, development and blind sets never go in (test/knowledge/eval.test.ts checks).
 * Their counts are read from the trained model (locales/knowledge/built/model.json, model.ts) when it is current.
 */

export type TrainingLabel = TopicId | 'OUT';

/**
 * Naive Bayes counts every term as independent evidence, but a Han trigram repeats its two
 * bigrams (催收威 beside 催收 and 收威): at BM25's 1.2 three rare trigrams of one phrase outvote
 * the question. Lighter trigrams and heavier characters: the same or better on every set.
 */
export const TRAINING_TERM_WEIGHTS = { ...DEFAULT_WEIGHTS, cjk1: 0.5, cjk3: 0.6 };

/** Written by `npm run knowledge:build` (build.ts), beside the index it builds. */
export const modelPath = (folder: string) => join(folder, 'built', 'model.json');

interface TrainingFile {
  name: string;
  text: string;
}

function readTrainingFiles(folder: string): TrainingFile[] {
  return LOCALES.map((locale) => `train-${locale}.tsv`)
    .filter((name) => existsSync(join(folder, 'training', name)))
    .map((name) => ({ name, text: readFileSync(join(folder, 'training', name), 'utf8') }));
}

function parseTraining(files: readonly TrainingFile[]): Example<TrainingLabel>[] {
  const examples: Example<TrainingLabel>[] = [];
  for (const { name, text } of files) {
    text.split('\n').forEach((raw, index) => {
      const line = raw.replace(/\r$/, '');
      if (line.trim() === '' || line.startsWith('#')) return;
      const tab = line.indexOf('\t');
      const label = line.slice(0, tab);
      if (tab < 0 || (label !== 'OUT' && !isTopicId(label)))
        throw new Error(`training/${name} line ${index + 1}: expected <topic_id or OUT><TAB><question>`);
      examples.push({ topic: label as TrainingLabel, text: line.slice(tab + 1) });
    });
  }
  return examples;
}

export function loadTraining(folder: string): Example<TrainingLabel>[] {
  return parseTraining(readTrainingFiles(folder));
}

/** The training questions counted afresh, and the source a model of them names. */
export function countTraining(folder: string, normalize: (text: string) => string): { counts: TermCounts<TrainingLabel>; source: string } {
  const files = readTrainingFiles(folder);
  return {
    counts: TermCounts.count(parseTraining(files), normalize, TRAINING_TERM_WEIGHTS),
    source: modelSource(files, TRAINING_TERM_WEIGHTS),
  };
}

/** The training's term counts: from the model when it was counted from these very files, else counted now. */
export function trainingCounts(folder: string, normalize: (text: string) => string): TermCounts<TrainingLabel> {
  const files = readTrainingFiles(folder);
  const text = readIfExists(modelPath(folder));
  const model = text === undefined ? undefined : readModel<TrainingLabel>(text, modelSource(files, TRAINING_TERM_WEIGHTS));
  return model ?? TermCounts.count(parseTraining(files), normalize, TRAINING_TERM_WEIGHTS);
}
