import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { KNOWLEDGE_FOLDER } from './content.ts';
import { writeModel } from './model.ts';
import { normalizeQuestion } from './text.ts';
import { countTraining, modelPath } from './training.ts';

/*
 * `npm run train`: counts the training questions (locales/knowledge/training/train-*.tsv) and
 * writes the model start-up reads (model.ts). Run it after editing a training file or how
 * questions are normalised; test/knowledge/model.test.ts says when it is due.
 */

const { counts, source } = countTraining(KNOWLEDGE_FOLDER, normalizeQuestion);
const path = modelPath(KNOWLEDGE_FOLDER);
writeFileSync(path, writeModel(counts, source));
console.log(`${relative(process.cwd(), path)} written: ${counts.terms.size} terms, ${counts.labels.length} labels`);
