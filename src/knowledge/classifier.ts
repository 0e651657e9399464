import { DEFAULT_WEIGHTS, forEachTerm, type TermWeights, withoutFillers } from './text.ts';
import type { TopicId } from './topics.ts';

/*
 * A multinomial naive Bayes classifier over the matcher's own terms (Han characters, bigrams and
 * trigrams, English words, pairs and trigrams), trained at build time (model.ts) on whole example questions
 * (locales/knowledge/training/<lang>.tsv, written for training only: never the evaluation,
 * development or blind sets). BM25 over titles and keywords knows which words name a topic;
 * whole questions teach which words people use around them ("my salary got cut", 点算好), and
 * which topic a word means in a question's context. index.ts blends the two, and a second
 * classifier over the same counts (every topic against the out-of-scope lines) tells whether a
 * question is ours at all.
 */

export interface Example<Label extends string = TopicId> {
  topic: Label;
  text: string;
}

export interface Guess<Label extends string = TopicId> {
  id: Label;
  /** Posterior probability among the classes, 0..1. */
  p: number;
}

/**
 * A term's nonzero cells, row by row: term t owns cells start[t] .. start[t + 1], each a column
 * (label or class) and a value. Most terms occur under one or two of 27 labels, so this holds
 * ~80,000 cells where a full table would hold 1.2 million (and be read, allocated and smoothed).
 */
export interface SparseRows {
  start: Uint32Array;
  column: Uint16Array;
  value: Float64Array;
}

/**
 * Weighted term counts per label of a set of examples, read once, so several classifiers can
 * group its labels without reading the examples again. Counted from examples (count) or read
 * back from the trained model (model.ts).
 */
export class TermCounts<Label extends string> {
  constructor(
    readonly labels: Label[],
    readonly terms: Map<string, number>,
    /** Per term, the labels it occurs under (ascending) and its weighted count there. */
    readonly rows: SparseRows,
    /** Examples per label. */
    readonly documents: Float64Array,
    readonly weights: TermWeights = DEFAULT_WEIGHTS,
  ) {}

  /** The weighted count of a term under a label: 0 when never seen there. */
  countOf(term: string, label: Label): number {
    const id = this.terms.get(term);
    const column = this.labels.indexOf(label);
    if (id === undefined) return 0;
    for (let cell = this.rows.start[id] as number; cell < (this.rows.start[id + 1] as number); cell += 1)
      if (this.rows.column[cell] === column) return this.rows.value[cell] as number;
    return 0;
  }

  static count<Label extends string>(
    examples: readonly Example<Label>[],
    normalize: (text: string) => string,
    weights: TermWeights = DEFAULT_WEIGHTS,
  ): TermCounts<Label> {
    const index = new Map<Label, number>();
    for (const { topic } of examples) if (!index.has(topic)) index.set(topic, index.size);
    const width = index.size;
    const terms = new Map<string, number>();
    const documents = new Float64Array(width);
    // Each term's counts gathered per label, then laid out as rows once the terms are known.
    const perTerm: Map<number, number>[] = [];
    for (const { topic, text } of examples) {
      const label = index.get(topic) as number;
      documents[label] = (documents[label] as number) + 1;
      forEachTerm(withoutFillers(normalize(text)), weights, (term, weight) => {
        let id = terms.get(term);
        if (id === undefined) {
          terms.set(term, (id = terms.size));
          perTerm.push(new Map());
        }
        const cells = perTerm[id] as Map<number, number>;
        cells.set(label, (cells.get(label) ?? 0) + weight);
      });
    }
    const size = perTerm.reduce((sum, cells) => sum + cells.size, 0);
    const rows: SparseRows = { start: new Uint32Array(terms.size + 1), column: new Uint16Array(size), value: new Float64Array(size) };
    let cell = 0;
    perTerm.forEach((cells, id) => {
      for (const label of [...cells.keys()].sort((a, b) => a - b)) {
        rows.column[cell] = label;
        rows.value[cell] = cells.get(label) as number;
        cell += 1;
      }
      rows.start[id + 1] = cell;
    });
    return new TermCounts([...index.keys()], terms, rows, documents, weights);
  }
}

export interface NaiveBayesOptions<Label extends string, Class extends string> {
  /** Additive smoothing: small, so one example's rare word still counts. */
  alpha?: number;
  /**
   * Weigh every class alike: equal priors, and each class's counts scaled to the same total, so
   * a class with few examples (the out-of-scope lines beside thousands of topic questions) is
   * neither rare nor, through the smoothing, the likeliest home of every unseen word.
   */
  balanced?: boolean;
  /** The class each label of the counts counts for (undefined: left out); each label its own by default. */
  classOf?: (label: Label) => Class | undefined;
}

export class NaiveBayes<Class extends string = TopicId> {
  private readonly classes: Class[];
  private readonly logPrior: Float64Array;
  /** Per class, the log likelihood of a term it never saw (most terms of most classes). */
  private readonly unseen: Float64Array;
  /** Per term, the classes that saw it and how much likelier it is there than unseen (log ratio). */
  private readonly seen: SparseRows;
  private readonly terms: Map<string, number>;
  private readonly weights: TermWeights;

  /** Trained on examples of its own (each label a class). */
  static train<Label extends string>(
    examples: readonly Example<Label>[],
    normalize: (text: string) => string,
    options: { alpha?: number; balanced?: boolean; weights?: TermWeights } = {},
  ): NaiveBayes<Label> {
    return new NaiveBayes<Label>(TermCounts.count(examples, normalize, options.weights), {
      alpha: options.alpha,
      balanced: options.balanced,
    });
  }

  constructor(counts: TermCounts<string>, options: NaiveBayesOptions<string, Class> = {}) {
    const alpha = options.alpha ?? 0.2;
    const classOf = options.classOf ?? ((label: string) => label as Class);
    const classes: Class[] = [];
    const group = counts.labels.map((label) => {
      const name = classOf(label);
      if (name === undefined) return -1;
      if (!classes.includes(name)) classes.push(name);
      return classes.indexOf(name);
    });
    this.classes = classes;
    this.terms = counts.terms;
    this.weights = counts.weights;
    const size = classes.length;
    const totals = new Float64Array(size);
    const documents = new Float64Array(size);
    group.forEach((to, label) => {
      if (to >= 0) documents[to] = (documents[to] as number) + (counts.documents[label] as number);
    });
    const { rows } = counts;
    for (let cell = 0; cell < rows.value.length; cell += 1) {
      const to = group[rows.column[cell] as number] as number;
      if (to >= 0) totals[to] = (totals[to] as number) + (rows.value[cell] as number);
    }
    const scale = new Float64Array(size).fill(1);
    if (options.balanced) {
      const mean = totals.reduce((sum, total) => sum + total, 0) / Math.max(1, size);
      totals.forEach((total, at) => {
        scale[at] = total > 0 ? mean / total : 1;
      });
      totals.fill(mean);
    }
    const examples = documents.reduce((sum, count) => sum + count, 0);
    this.logPrior = Float64Array.from(documents, (count) => (options.balanced ? 0 : Math.log(count / examples)));
    const denominator = Float64Array.from(totals, (total) => Math.log(total + alpha * counts.terms.size));
    this.unseen = Float64Array.from(denominator, (value) => Math.log(alpha) - value);
    // A term's labels summed into their classes (the scope classifier folds 26 topics into one).
    const seen: SparseRows = {
      start: new Uint32Array(counts.terms.size + 1),
      column: new Uint16Array(rows.value.length),
      value: new Float64Array(rows.value.length),
    };
    const sum = new Float64Array(size);
    const touched: number[] = [];
    let out = 0;
    for (let term = 0; term < counts.terms.size; term += 1) {
      for (let cell = rows.start[term] as number; cell < (rows.start[term + 1] as number); cell += 1) {
        const to = group[rows.column[cell] as number] as number;
        if (to < 0) continue;
        if (sum[to] === 0) touched.push(to);
        sum[to] = (sum[to] as number) + (rows.value[cell] as number);
      }
      for (const to of touched) {
        const logLikelihood = Math.log((sum[to] as number) * (scale[to] as number) + alpha) - (denominator[to] as number);
        seen.column[out] = to;
        seen.value[out] = logLikelihood - (this.unseen[to] as number);
        out += 1;
        sum[to] = 0;
      }
      touched.length = 0;
      seen.start[term + 1] = out;
    }
    this.seen = seen;
  }

  get size(): number {
    return this.classes.length;
  }

  /** Classes by posterior, best first; empty when the question has no known term. */
  rank(normalized: string): Guess<Class>[] {
    const log = Float64Array.from(this.logPrior);
    const { start, column, value } = this.seen;
    // Every known term counts as unseen in every class (added once below, times their weight),
    // plus its log ratio in the classes that saw it.
    let known = 0;
    forEachTerm(withoutFillers(normalized), this.weights, (term, weight) => {
      const id = this.terms.get(term);
      if (id === undefined) return;
      known += weight;
      for (let cell = start[id] as number; cell < (start[id + 1] as number); cell += 1) {
        const to = column[cell] as number;
        log[to] = (log[to] as number) + weight * (value[cell] as number);
      }
    });
    if (known === 0) return [];
    for (let at = 0; at < log.length; at += 1) log[at] = (log[at] as number) + known * (this.unseen[at] as number);
    let best = Number.NEGATIVE_INFINITY;
    for (const value of log) if (value > best) best = value;
    let sum = 0;
    for (const value of log) sum += Math.exp(value - best);
    return this.classes.map((id, at) => ({ id, p: Math.exp((log[at] as number) - best) / sum })).sort((a, b) => b.p - a.p);
  }
}
