import { createHash } from 'node:crypto';
import { parseBuiltFile, writeBuiltFile } from './built-file.ts';
import { type SparseRows, TermCounts } from './classifier.ts';
import type { TermWeights } from './text.ts';

/*
 * The classifiers' trained model: the training questions' term counts (TermCounts), written by
 * `npm run knowledge:build` to locales/knowledge/built/model.json so start-up reads a table instead of
 * normalising and counting ~4,800 questions (issue 10 point 9: the index built in ≤ 200 ms).
 *
 * The file names its source: a hash of the training files and the term weights it was counted
 * with. A model whose source differs is stale and not read (training.ts counts afresh), so an
 * edited training file is never answered from old counts; test/knowledge/built.test.ts fails
 * until the committed model is regenerated, which also catches a change to how text is normalised.
 *
 * One term a line, sorted, so a training edit shows as the few terms it changed:
 *   ["c:征信",1,12.5,19,3]   the term, then (label index, weighted count) for each label that has it.
 */

const FORMAT = 1;

/** Counts are sums of term weights (0.6 + 1.2 …): six decimals keep them exact enough and the file stable. */
const round = (value: number) => Math.round(value * 1e6) / 1e6;

export function modelSource(files: readonly { name: string; text: string }[], weights: TermWeights): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(weights));
  for (const { name, text } of files) hash.update(`\u0000${name}\u0000${text}`);
  return hash.digest('hex');
}

export function writeModel(counts: TermCounts<string>, source: string): string {
  const { start, column, value } = counts.rows;
  const rows = [...counts.terms.entries()].map(([term, id]): [string, number[]] => {
    const cells: number[] = [];
    for (let cell = start[id] as number; cell < (start[id + 1] as number); cell += 1)
      cells.push(column[cell] as number, round(value[cell] as number));
    return [term, cells];
  });
  const head = { format: FORMAT, source, weights: counts.weights, labels: counts.labels, documents: [...counts.documents] };
  return writeBuiltFile(head, 'terms', rows);
}

interface ModelFile {
  weights: TermWeights;
  labels: string[];
  documents: number[];
  terms: (string | number)[][];
}

const isModelFile = (file: Record<string, unknown>): file is Record<string, unknown> & ModelFile =>
  typeof file.weights === 'object' &&
  Array.isArray(file.labels) &&
  Array.isArray(file.documents) &&
  file.documents.length === file.labels.length &&
  Array.isArray(file.terms);

/** The model's counts when the file is one and was counted from `source`; undefined otherwise (count afresh). */
export function readModel<Label extends string>(text: string, source: string): TermCounts<Label> | undefined {
  const file = parseBuiltFile(text, FORMAT, source);
  if (!file || !isModelFile(file)) return undefined;
  const terms = new Map<string, number>();
  let size = 0;
  for (const row of file.terms) size += (row.length - 1) >> 1;
  const rows: SparseRows = { start: new Uint32Array(file.terms.length + 1), column: new Uint16Array(size), value: new Float64Array(size) };
  let cell = 0;
  for (const row of file.terms) {
    const id = terms.size;
    terms.set(row[0] as string, id);
    for (let at = 1; at + 1 < row.length; at += 2) {
      rows.column[cell] = row[at] as number;
      rows.value[cell] = row[at + 1] as number;
      cell += 1;
    }
    rows.start[id + 1] = cell;
  }
  return new TermCounts(file.labels as Label[], terms, rows, Float64Array.from(file.documents), file.weights);
}
