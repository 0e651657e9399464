import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parseBuiltFile, readIfExists, writeBuiltFile } from './built-file.ts';
import { type IndexTable, type MatcherOptions, type Posting, TopicIndex, type TopicText } from './matcher.ts';
import { normalizeQuestion } from './text.ts';

/*
 * The topic index, built by `npm run knowledge:build` (build.ts) into locales/knowledge/built/index.json
 * so start-up reads its postings instead of normalising and cutting ~3,400 keywords and the answer
 * bodies into terms (issue 10 point 9: the index built in ≤ 200 ms). Beside the postings it keeps
 * every keyword's normalised form, which the debt evidence and topic terms read at start-up too.
 *
 * The file names its source: a hash of the topics' texts (content files and vocabulary.ts) and the
 * matcher's options. A file of another source is stale and not read (the index is built afresh),
 * so an edited answer or keyword is never matched against old postings; test/knowledge/index-file.test.ts
 * fails until the committed file is rebuilt, which also catches a change to how text is normalised.
 *
 * One term a line, sorted:  ["c:征信",1,12.5,1,3,0.3,0]   the term, then (topic, tf, head 1/0) per topic.
 */

const FORMAT = 1;

export const indexPath = (folder: string) => join(folder, 'built', 'index.json');

export function indexSource(texts: readonly TopicText[], options: MatcherOptions): string {
  return createHash('sha256').update(JSON.stringify({ FORMAT, texts, options })).digest('hex');
}

/** A normalizeQuestion that remembers (one build reads a phrase in several places), optionally primed. */
export function rememberingNormalize(known: Iterable<[string, string]> = []): (text: string) => string {
  const memo = new Map(known);
  return (text) => {
    let value = memo.get(text);
    if (value === undefined) memo.set(text, (value = normalizeQuestion(text)));
    return value;
  };
}

export function writeIndex(table: IndexTable, normalized: Record<string, string>, source: string): string {
  const rows = [...table.postings.entries()].map(([term, postings]): [string, number[]] => [
    term,
    postings.flatMap(({ topic, tf, head }) => [topic, tf, head ? 1 : 0]),
  ]);
  return writeBuiltFile({ format: FORMAT, source, lengths: table.lengths, normalized }, 'postings', rows);
}

interface IndexFile {
  lengths: number[];
  normalized: Record<string, string>;
  postings: (string | number)[][];
}

const isIndexFile = (file: Record<string, unknown>): file is Record<string, unknown> & IndexFile =>
  Array.isArray(file.lengths) && typeof file.normalized === 'object' && file.normalized !== null && Array.isArray(file.postings);

/** The index and keywords' normalised forms in the file when it is one and was built from `source`; undefined otherwise. */
export function readIndex(text: string, source: string): { table: IndexTable; normalized: Record<string, string> } | undefined {
  const file = parseBuiltFile(text, FORMAT, source);
  if (!file || !isIndexFile(file)) return undefined;
  const postings = new Map<string, Posting[]>();
  for (const row of file.postings) {
    const list: Posting[] = [];
    for (let at = 1; at + 2 < row.length; at += 3)
      list.push({ topic: row[at] as number, tf: row[at + 1] as number, head: row[at + 2] === 1 });
    postings.set(row[0] as string, list);
  }
  return { table: { postings, lengths: file.lengths }, normalized: file.normalized };
}

/** The index of these texts, and a normalize for the rest of the build: read from the built file when current, else built now. */
export function loadTopicIndex(
  folder: string,
  texts: readonly TopicText[],
  options: MatcherOptions,
): { index: TopicIndex; normalize: (text: string) => string } {
  const text = readIfExists(indexPath(folder));
  const built = text === undefined ? undefined : readIndex(text, indexSource(texts, options));
  if (built) return { index: new TopicIndex(built.table, options), normalize: rememberingNormalize(Object.entries(built.normalized)) };
  const normalize = rememberingNormalize();
  return { index: TopicIndex.build(texts, options, normalize), normalize };
}

/** What build.ts writes: the index built afresh, with every keyword's normalised form. */
export function buildIndexFile(texts: readonly TopicText[], options: MatcherOptions): string {
  const normalize = rememberingNormalize();
  const index = TopicIndex.build(texts, options, normalize);
  const normalized = Object.fromEntries(texts.flatMap((text) => text.keywords).map((keyword) => [keyword, normalize(keyword)]));
  return writeIndex(index.table, normalized, indexSource(texts, options));
}
