import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NaiveBayes } from '../../src/knowledge/classifier.ts';
import { KNOWLEDGE_FOLDER, loadContent } from '../../src/knowledge/content.ts';
import { DEFAULT_CONSULT, topicTexts } from '../../src/knowledge/index.ts';
import { buildIndexFile, indexPath, indexSource, loadTopicIndex, readIndex } from '../../src/knowledge/index-file.ts';
import { TopicIndex, type TopicText } from '../../src/knowledge/matcher.ts';
import { readModel, writeModel } from '../../src/knowledge/model.ts';
import { normalizeQuestion } from '../../src/knowledge/text.ts';
import { TOPIC_IDS } from '../../src/knowledge/topics.ts';
import { countTraining, modelPath, trainingCounts } from '../../src/knowledge/training.ts';

describe('the committed trained model (locales/knowledge/built/model.json)', () => {
  it('is the one the training files give today (else: npm run knowledge:build)', () => {
    const { counts, source } = countTraining(KNOWLEDGE_FOLDER, normalizeQuestion);
    const committed = readFileSync(modelPath(KNOWLEDGE_FOLDER), 'utf8');
    // A plain equality would print 1 MB of JSON; the message says what to do.
    expect(committed === writeModel(counts, source), 'model.json is stale: run npm run knowledge:build and commit it').toBe(true);
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

describe('start-up reads the trained model only when it was counted from the training files beside it', () => {
  const lines = [
    'lawsuit\tthey will take me to court',
    'lawsuit\tcourt summons arrived',
    'cannot_pay\tlost my job no income',
    'OUT\twhat is the weather',
  ];

  const folderWith = (training: string[]) => {
    const folder = mkdtempSync(join(tmpdir(), 'model-'));
    mkdirSync(join(folder, 'training'));
    mkdirSync(join(folder, 'built'));
    writeFileSync(join(folder, 'training', 'train-en.tsv'), `${training.join('\n')}\n`);
    return folder;
  };
  it('reads a current model rather than counting again', () => {
    const folder = folderWith(lines);
    const { counts, source } = countTraining(folder, normalizeQuestion);
    // Doctor one count in the file: a model that is read shows it, a recount would not.
    const file = JSON.parse(writeModel(counts, source)) as { labels: string[]; terms: (string | number)[][] };
    file.terms = file.terms.map((row) => (row[0] === 'w:court' ? ['w:court', file.labels.indexOf('lawsuit'), 41] : row));
    writeFileSync(modelPath(folder), JSON.stringify(file));
    expect(trainingCounts(folder, normalizeQuestion).countOf('w:court', 'lawsuit')).toBe(41);
  });

  it('counts afresh when a training file changed after the model was written', () => {
    const folder = folderWith(lines);
    const { counts, source } = countTraining(folder, normalizeQuestion);
    writeFileSync(modelPath(folder), writeModel(counts, source));
    writeFileSync(join(folder, 'training', 'train-en.tsv'), `${[...lines, 'lawsuit\ta bailiff came to the door'].join('\n')}\n`);
    const fresh = trainingCounts(folder, normalizeQuestion);
    expect(fresh.countOf('w:bailiff', 'lawsuit')).toBeGreaterThan(0);
    expect(fresh.documents[fresh.labels.indexOf('lawsuit')]).toBe(3);
  });

  it('counts afresh when the model is missing, cut short or not a model', () => {
    const expected = countTraining(folderWith(lines), normalizeQuestion).counts;
    for (const text of [undefined, '{"format":1,"source":"', '[1,2,3]', '{"format":2}']) {
      const folder = folderWith(lines);
      if (text !== undefined) writeFileSync(modelPath(folder), text);
      const counts = trainingCounts(folder, normalizeQuestion);
      expect([...counts.terms.keys()]).toEqual([...expected.terms.keys()]);
      expect(counts.rows).toEqual(expected.rows);
    }
  });
});

describe('the committed topic index (locales/knowledge/built/index.json)', () => {
  const texts = topicTexts(loadContent().files);
  const options = DEFAULT_CONSULT.matcher;

  it('is the one the content files and vocabulary give today (else: npm run knowledge:build)', () => {
    const committed = readFileSync(indexPath(KNOWLEDGE_FOLDER), 'utf8');
    expect(committed === buildIndexFile(texts, options), 'index.json is stale: run npm run knowledge:build and commit it').toBe(true);
  });

  it('ranks every topic exactly as the index built from the texts', () => {
    const read = readIndex(buildIndexFile(texts, options), indexSource(texts, options));
    expect(read).toBeDefined();
    const fromFile = new TopicIndex((read as NonNullable<typeof read>).table, options);
    const built = TopicIndex.build(texts, options);
    for (const question of [
      '逾期三天会上征信吗',
      '催收打电话给我爸妈',
      'can i pay it all off early',
      'bank says my direct debit bounced',
    ]) {
      const normalized = normalizeQuestion(question);
      expect(fromFile.rank(normalized)).toEqual(built.rank(normalized));
    }
  });
});

describe('start-up reads the topic index only when it was built from the texts it is given', () => {
  const texts: TopicText[] = [
    { id: 'lawsuit', titles: ['Being sued'], keywords: ['court summons', 'sued'], bodies: ['A court may order you to pay.'] },
    { id: 'cannot_pay', titles: ['When you cannot pay'], keywords: ['lost my job', 'no income'], bodies: ['Tell the lender early.'] },
  ];
  const options = DEFAULT_CONSULT.matcher;
  const folderWith = (text?: string) => {
    const folder = mkdtempSync(join(tmpdir(), 'index-'));
    mkdirSync(join(folder, 'built'));
    if (text !== undefined) writeFileSync(indexPath(folder), text);
    return folder;
  };
  const best = (index: TopicIndex, question: string) => index.rank(normalizeQuestion(question)).scored[0];

  it('reads a current index rather than building it again', () => {
    // Doctor the file: "sued" moved to cannot_pay. A file that is read shows it, a rebuild would not.
    const file = JSON.parse(buildIndexFile(texts, options)) as { postings: (string | number)[][] };
    const cannotPay = TOPIC_IDS.indexOf('cannot_pay');
    file.postings = file.postings.map((row) => (row[0] === 'w:sued' ? ['w:sued', cannotPay, 4, 1] : row));
    const { index } = loadTopicIndex(folderWith(JSON.stringify(file)), texts, options);
    expect(best(index, 'sued')?.id).toBe('cannot_pay');
  });

  it('builds afresh when a keyword changed after the index was written', () => {
    const folder = folderWith(buildIndexFile(texts, options));
    const edited = texts.map((text) => (text.id === 'lawsuit' ? { ...text, keywords: [...text.keywords, 'bailiff at the door'] } : text));
    const lawsuit = (index: TopicIndex) =>
      index.rank(normalizeQuestion('a bailiff came')).scored.find((scored) => scored.id === 'lawsuit')?.score ?? 0;
    const fresh = loadTopicIndex(folder, edited, options).index;
    expect(best(fresh, 'a bailiff came')?.id).toBe('lawsuit');
    expect(lawsuit(fresh)).toBeGreaterThan(lawsuit(loadTopicIndex(folder, texts, options).index) + 1);
  });

  it('builds afresh when the file is missing, cut short or not an index, and still answers', () => {
    for (const text of [undefined, '{"format":1,"source":"', '[1,2,3]', '{"format":2}']) {
      const { index, normalize } = loadTopicIndex(folderWith(text), texts, options);
      expect(best(index, 'got a court summons')?.id).toBe('lawsuit');
      expect(normalize('Court Summons!')).toBe(normalizeQuestion('Court Summons!'));
    }
  });
});
