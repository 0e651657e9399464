import { DEFAULT_WEIGHTS, normalizeQuestion, type TermWeights, type Terms, termsOf } from './text.ts';
import { TOPIC_IDS, type TopicId } from './topics.ts';

/*
 * BM25 over one document per topic. A topic's document is the weighted sum of its fields' terms:
 * title and keywords (every language's file, and src/knowledge/vocabulary.ts) weigh full, the
 * answer body lightly. A question's terms are weighted by kind (text.ts: a Han bigram counts more
 * than a single character, a word more than one of its trigrams).
 */

export interface MatcherOptions {
  weights: TermWeights;
  /** Field weights in a topic's document. */
  title: number;
  keyword: number;
  body: number;
  k1: number;
  b: number;
}

export const DEFAULT_MATCHER: MatcherOptions = { weights: DEFAULT_WEIGHTS, title: 2, keyword: 2, body: 0.15, k1: 1.2, b: 0.3 };

export interface TopicText {
  id: TopicId;
  titles: string[];
  keywords: string[];
  bodies: string[];
}

export interface Scored {
  id: TopicId;
  score: number;
}

export interface Ranking {
  scored: Scored[];
  /** Share (0..1) of the question's term weight, by idf, that the index knows at all. */
  coverage: number;
}

export class TopicIndex {
  private readonly postings = new Map<string, { topic: number; tf: number }[]>();
  private readonly idf = new Map<string, number>();
  private readonly lengths: number[] = [];
  private readonly averageLength: number;
  private readonly maxIdf: number;

  constructor(
    topics: TopicText[],
    private readonly options: MatcherOptions = DEFAULT_MATCHER,
  ) {
    const bags = TOPIC_IDS.map(() => new Map<string, number>() as Terms);
    for (const topic of topics) {
      const bag = bags[TOPIC_IDS.indexOf(topic.id)] as Terms;
      const addAll = (text: string, factor: number) => {
        for (const [term, weight] of termsOf(normalizeQuestion(text), options.weights))
          bag.set(term, (bag.get(term) ?? 0) + weight * factor);
      };
      for (const title of topic.titles) addAll(title, options.title);
      for (const keyword of topic.keywords) addAll(keyword, options.keyword);
      for (const body of topic.bodies) addAll(body, options.body);
    }
    bags.forEach((bag, topic) => {
      let length = 0;
      for (const [term, tf] of bag) {
        length += tf;
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push({ topic, tf });
      }
      this.lengths.push(length);
    });
    const present = this.lengths.filter((length) => length > 0);
    this.averageLength = present.reduce((sum, length) => sum + length, 0) / Math.max(1, present.length);
    const n = present.length;
    let maxIdf = 0;
    for (const [term, list] of this.postings) {
      // Body-only evidence counts for its weight, but a term found in every topic tells nothing.
      const value = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      this.idf.set(term, value);
      if (value > maxIdf) maxIdf = value;
    }
    this.maxIdf = maxIdf;
  }

  /** Topics by BM25 score, best first (all 26, zeros included), and the question's coverage. */
  rank(normalized: string): Ranking {
    const scores = new Float64Array(TOPIC_IDS.length);
    const { k1, b } = this.options;
    let known = 0;
    let total = 0;
    for (const [term, weight] of termsOf(normalized, this.options.weights)) {
      const idf = this.idf.get(term);
      total += weight * this.maxIdf;
      if (idf === undefined) continue;
      known += weight * idf;
      for (const { topic, tf } of this.postings.get(term) ?? []) {
        const norm = k1 * (1 - b + (b * (this.lengths[topic] as number)) / this.averageLength);
        scores[topic] = (scores[topic] as number) + weight * idf * ((tf * (k1 + 1)) / (tf + norm));
      }
    }
    const scored = TOPIC_IDS.map((id, topic) => ({ id, score: scores[topic] as number })).sort((x, y) => y.score - x.score);
    return { scored, coverage: total === 0 ? 0 : known / total };
  }
}
