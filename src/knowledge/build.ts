import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { KNOWLEDGE_FOLDER, loadContent } from './content.ts';
import { DEFAULT_CONSULT, topicTexts } from './index.ts';
import { buildIndexFile, indexPath } from './index-file.ts';
import { writeModel } from './model.ts';
import { normalizeQuestion } from './text.ts';
import { countTraining, modelPath } from './training.ts';

/*
 * `npm run knowledge:build`: builds what start-up reads instead of computing it (issue 10 point 9),
 * into locales/knowledge/built/: the topic index of the content files and vocabulary.ts
 * (index-file.ts), and the classifiers' model of the training questions (model.ts). Run it after
 * editing a content file, a training file, the vocabulary or how questions are normalised;
 * test/knowledge/built.test.ts says when it is due. A stale file is never read, only slower.
 */

const written = (path: string, what: string) => console.log(`${relative(process.cwd(), path)} written: ${what}`);

const texts = topicTexts(loadContent(KNOWLEDGE_FOLDER).files);
writeFileSync(indexPath(KNOWLEDGE_FOLDER), buildIndexFile(texts, DEFAULT_CONSULT.matcher));
written(indexPath(KNOWLEDGE_FOLDER), `${texts.length} topics`);

const { counts, source } = countTraining(KNOWLEDGE_FOLDER, normalizeQuestion);
writeFileSync(modelPath(KNOWLEDGE_FOLDER), writeModel(counts, source));
written(modelPath(KNOWLEDGE_FOLDER), `${counts.terms.size} terms, ${counts.labels.length} labels`);
