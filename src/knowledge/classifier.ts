import { DEFAULT_WEIGHTS, type TermWeights, termsOf, withoutFillers } from './text.ts';
import type { TopicId } from './topics.ts';

/*
 * A multinomial naive Bayes classifier over the matcher's own terms (Han characters, bigrams and
 * trigrams, English words, pairs and trigrams), trained at start-up on whole example questions
 * (locales/knowledge/training/<lang>.tsv, written for training only: never the evaluation,
 * development or blind sets). BM25 over titles and keywords knows which words name a topic;
 * whole questions teach which words people use around them ("my salary got cut", 点算好), and
 * which topic a word means in a question's context. index.ts blends the two.
 */

export interface Example {
  topic: TopicId;
  text: string;
}

export interface Guess {
  id: TopicId;
  /** Posterior probability among the topics, 0..1. */
  p: number;
}

export class NaiveBayes {
  private readonly logPrior = new Map<TopicId, number>();
  private readonly counts = new Map<TopicId, Map<string, number>>();
  private readonly logDenominator = new Map<TopicId, number>();
  private readonly vocabulary = new Set<string>();

  constructor(
    examples: readonly Example[],
    normalize: (text: string) => string,
    /** Additive smoothing: small, so one example's rare word still counts. */
    private readonly alpha = 0.2,
    private readonly weights: TermWeights = DEFAULT_WEIGHTS,
  ) {
    const totals = new Map<TopicId, number>();
    const documents = new Map<TopicId, number>();
    for (const { topic, text } of examples) {
      documents.set(topic, (documents.get(topic) ?? 0) + 1);
      let bag = this.counts.get(topic);
      if (!bag) this.counts.set(topic, (bag = new Map()));
      for (const [term, weight] of termsOf(withoutFillers(normalize(text)), weights)) {
        bag.set(term, (bag.get(term) ?? 0) + weight);
        totals.set(topic, (totals.get(topic) ?? 0) + weight);
        this.vocabulary.add(term);
      }
    }
    for (const [topic, count] of documents) {
      this.logPrior.set(topic, Math.log(count / examples.length));
      this.logDenominator.set(topic, Math.log((totals.get(topic) ?? 0) + alpha * this.vocabulary.size));
    }
  }

  get size(): number {
    return this.logPrior.size;
  }

  /** Topics by posterior, best first; empty when the question has no known term. */
  rank(normalized: string): Guess[] {
    const terms = [...termsOf(withoutFillers(normalized), this.weights)].filter(([term]) => this.vocabulary.has(term));
    if (terms.length === 0) return [];
    const scores: { id: TopicId; log: number }[] = [];
    for (const [topic, prior] of this.logPrior) {
      const bag = this.counts.get(topic) as Map<string, number>;
      const denominator = this.logDenominator.get(topic) as number;
      let log = prior;
      for (const [term, weight] of terms) log += weight * (Math.log((bag.get(term) ?? 0) + this.alpha) - denominator);
      scores.push({ id: topic, log });
    }
    scores.sort((a, b) => b.log - a.log);
    const best = scores[0]?.log ?? 0;
    const sum = scores.reduce((total, { log }) => total + Math.exp(log - best), 0);
    return scores.map(({ id, log }) => ({ id, p: Math.exp(log - best) / sum }));
  }
}
