import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NaiveBayes } from '../../src/knowledge/classifier.ts';
import { KNOWLEDGE_FOLDER } from '../../src/knowledge/content.ts';
import { readModel, writeModel } from '../../src/knowledge/model.ts';
import { normalizeQuestion } from '../../src/knowledge/text.ts';
import { countTraining, modelPath, trainingCounts } from '../../src/knowledge/training.ts';

describe('the committed trained model', () => {
  it('is the one the training files give today (else: npm run train)', () => {
    const { counts, source } = countTraining(KNOWLEDGE_FOLDER, normalizeQuestion);
    const committed = readFileSync(modelPath(KNOWLEDGE_FOLDER), 'utf8');
    // A plain equality would print 1 MB of JSON; the message says what to do.
    expect(committed === writeModel(counts, source), 'model.json is stale: run npm run train and commit it').toBe(true);
  });

  it('classifies exactly as the counts it was written from', () => {
    const { counts, source } = countTraining(KNOWLEDGE_FOLDER, normalizeQuestion);
    const model = readModel<string>(writeModel(counts, source), source);
    expect(model).toBeDefined();
    const fromCounts = new NaiveBayes<string>(counts, { alpha: 0.05 });
    const fromModel = new NaiveBayes<string>(model as NonNullable<typeof model>, { alpha: 0.05 });
    for (const question of ['逾期三天会上征信吗', '催收打电话给我爸妈', 'can I pay it all off early', '今天天气怎么样']) {
      const a = fromCounts.rank(normalizeQuestion(question));
      const b = fromModel.rank(normalizeQuestion(question));
      expect(b.map((guess) => guess.id)).toEqual(a.map((guess) => guess.id));
      b.forEach((guess, at) => {
        expect(guess.p).toBeCloseTo(a[at]?.p as number, 6);
      });
    }
  });
});

describe('start-up reads the model only when it was counted from the training files beside it', () => {
  const lines = [
    'lawsuit\tthey will take me to court',
    'lawsuit\tcourt summons arrived',
    'cannot_pay\tlost my job no income',
    'OUT\twhat is the weather',
  ];

  const folderWith = (training: string[]) => {
    const folder = mkdtempSync(join(tmpdir(), 'model-'));
    mkdirSync(join(folder, 'training'));
    writeFileSync(join(folder, 'training', 'train-en.tsv'), `${training.join('\n')}\n`);
    return folder;
  };
  const countOf = (counts: ReturnType<typeof trainingCounts>, term: string, label: string) => {
    const id = counts.terms.get(term);
    return id === undefined ? 0 : counts.counts[id * counts.labels.length + counts.labels.indexOf(label as never)];
  };

  it('reads a current model rather than counting again', () => {
    const folder = folderWith(lines);
    const { counts, source } = countTraining(folder, normalizeQuestion);
    // Doctor one count in the file: a model that is read shows it, a recount would not.
    const file = JSON.parse(writeModel(counts, source)) as { labels: string[]; terms: (string | number)[][] };
    file.terms = file.terms.map((row) => (row[0] === 'w:court' ? ['w:court', file.labels.indexOf('lawsuit'), 41] : row));
    writeFileSync(modelPath(folder), JSON.stringify(file));
    expect(countOf(trainingCounts(folder, normalizeQuestion), 'w:court', 'lawsuit')).toBe(41);
  });

  it('counts afresh when a training file changed after the model was written', () => {
    const folder = folderWith(lines);
    const { counts, source } = countTraining(folder, normalizeQuestion);
    writeFileSync(modelPath(folder), writeModel(counts, source));
    writeFileSync(join(folder, 'training', 'train-en.tsv'), `${[...lines, 'lawsuit\ta bailiff came to the door'].join('\n')}\n`);
    const fresh = trainingCounts(folder, normalizeQuestion);
    expect(countOf(fresh, 'w:bailiff', 'lawsuit')).toBeGreaterThan(0);
    expect(fresh.documents[fresh.labels.indexOf('lawsuit')]).toBe(3);
  });

  it('counts afresh when the model is missing, cut short or not a model', () => {
    const expected = countTraining(folderWith(lines), normalizeQuestion).counts;
    for (const text of [undefined, '{"format":1,"source":"', '[1,2,3]', '{"format":2}']) {
      const folder = folderWith(lines);
      if (text !== undefined) writeFileSync(modelPath(folder), text);
      const counts = trainingCounts(folder, normalizeQuestion);
      expect([...counts.terms.keys()]).toEqual([...expected.terms.keys()]);
      expect([...counts.counts]).toEqual([...expected.counts]);
    }
  });
});
