import { DEFAULT_WEIGHTS, forEachTerm, type TermWeights, withoutFillers } from './text.ts';
import type { TopicId } from './topics.ts';

/*
 * A multinomial naive Bayes classifier over the matcher's own terms (Han characters, bigrams and
 * trigrams, English words, pairs and trigrams), trained at start-up on whole example questions
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
 * Weighted term counts per label of a set of examples, read once: one flat table (a term's
 * counts side by side), so several classifiers can group its labels without reading the
 * examples again. Counted from examples (count) or read back from the trained model (model.ts).
 */
export class TermCounts<Label extends string> {
  constructor(
    readonly labels: Label[],
    readonly terms: Map<string, number>,
    /** counts[term * labels.length + label]. */
    readonly counts: Float64Array,
    /** Examples per label. */
    readonly documents: Float64Array,
    readonly weights: TermWeights = DEFAULT_WEIGHTS,
  ) {}

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
    // First pass: term ids and each occurrence; second: the table, now that its size is known.
    const occurrences: number[] = [];
    for (const { topic, text } of examples) {
      const label = index.get(topic) as number;
      documents[label] = (documents[label] as number) + 1;
      forEachTerm(withoutFillers(normalize(text)), weights, (term, weight) => {
        let id = terms.get(term);
        if (id === undefined) terms.set(term, (id = terms.size));
        occurrences.push(id * width + label, weight);
      });
    }
    const counts = new Float64Array(terms.size * width);
    for (let at = 0; at < occurrences.length; at += 2) {
      const cell = occurrences[at] as number;
      counts[cell] = (counts[cell] as number) + (occurrences[at + 1] as number);
    }
    return new TermCounts([...index.keys()], terms, counts, documents, weights);
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
  /** logLikelihood[term * classes.length + class]. */
  private readonly logLikelihood: Float32Array;
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
    const width = counts.labels.length;
    const size = classes.length;
    const table = new Float64Array(counts.terms.size * size);
    const totals = new Float64Array(size);
    const documents = new Float64Array(size);
    group.forEach((to, label) => {
      if (to >= 0) documents[to] = (documents[to] as number) + (counts.documents[label] as number);
    });
    for (let term = 0; term < counts.terms.size; term += 1) {
      for (let label = 0; label < width; label += 1) {
        const to = group[label] as number;
        const count = counts.counts[term * width + label] as number;
        if (to < 0 || count === 0) continue;
        table[term * size + to] = (table[term * size + to] as number) + count;
        totals[to] = (totals[to] as number) + count;
      }
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
    // Most cells are a term a class never saw: one value per class, the logarithm taken once.
    const unseen = Float64Array.from(denominator, (value) => Math.log(alpha) - value);
    this.logLikelihood = new Float32Array(table.length);
    for (let cell = 0; cell < table.length; cell += 1) {
      const at = cell % size;
      const count = table[cell] as number;
      this.logLikelihood[cell] =
        count === 0 ? (unseen[at] as number) : Math.log(count * (scale[at] as number) + alpha) - (denominator[at] as number);
    }
  }

  get size(): number {
    return this.classes.length;
  }

  /** Classes by posterior, best first; empty when the question has no known term. */
  rank(normalized: string): Guess<Class>[] {
    const size = this.classes.length;
    const log = Float64Array.from(this.logPrior);
    let known = false;
    forEachTerm(withoutFillers(normalized), this.weights, (term, weight) => {
      const id = this.terms.get(term);
      if (id === undefined) return;
      known = true;
      for (let at = 0; at < size; at += 1) log[at] = (log[at] as number) + weight * (this.logLikelihood[id * size + at] as number);
    });
    if (!known) return [];
    let best = Number.NEGATIVE_INFINITY;
    for (const value of log) if (value > best) best = value;
    let sum = 0;
    for (const value of log) sum += Math.exp(value - best);
    return this.classes.map((id, at) => ({ id, p: Math.exp((log[at] as number) - best) / sum })).sort((a, b) => b.p - a.p);
  }
}
