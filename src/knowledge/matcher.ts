import { DEFAULT_WEIGHTS, forEachTerm, normalizeQuestion, type TermWeights, type Terms, termsOf, withoutFillers } from './text.ts';
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
  /**
   * How much a topic whose body alone holds a term counts in the term's document frequency (a
   * title or keyword counts 1): a word every answer body uses may still be one topic's own term.
   */
  bodyDf?: number;
  /**
   * A term's gain in a topic is scaled by (its tf there / its highest tf in any topic) to this
   * power: 起诉 counts fully for lawsuit, whose keywords dwell on it, and less for
   * overdue_consequences, which names it once among the steps.
   */
  concentration?: number;
  /** Term weights in answer bodies (a kind weighing 0 is not read there); `weights` when not given. */
  bodyWeights?: TermWeights;
}

export const DEFAULT_MATCHER: MatcherOptions = {
  weights: DEFAULT_WEIGHTS,
  title: 2,
  keyword: 2,
  body: 0.15,
  k1: 2,
  b: 0.3,
  bodyDf: 0.3,
  concentration: 0.5,
  // A body adds Han bigrams and English words only: the same accuracy on both sets, a lighter build.
  bodyWeights: { ...DEFAULT_WEIGHTS, cjk1: 0, cjk3: 0, gram: 0, wordPair: 0 },
};

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
  /** The best topic's score from strong terms (a Han bigram or trigram, an English word or pair) of its title and keywords. */
  strong: number;
}

/** One topic's share of a term: its weight in the topic's document, and whether a title or keyword holds it (not the body alone). */
export interface Posting {
  topic: number;
  tf: number;
  head: boolean;
}

/** What an index is made of: each term's postings (topics ascending) and each topic's document length (TOPIC_IDS order). */
export interface IndexTable {
  postings: Map<string, Posting[]>;
  lengths: number[];
}

export class TopicIndex {
  private readonly postings: Map<string, Posting[]>;
  private readonly lengths: number[];
  private readonly idf = new Map<string, number>();
  private readonly maxTf = new Map<string, number>();
  private readonly averageLength: number;
  private readonly maxIdf: number;

  /** The index of topics' texts: read at start-up from the built index when it is current (built.ts), else built here. */
  static build(
    topics: readonly TopicText[],
    options: MatcherOptions = DEFAULT_MATCHER,
    /** normalizeQuestion, or a memo of it shared with the rest of one build. */
    normalize: (text: string) => string = normalizeQuestion,
  ): TopicIndex {
    const bags = TOPIC_IDS.map(() => new Map<string, number>() as Terms);
    // Titles and keywords first: their terms are the vocabulary. A body adds weight to those terms
    // only; its other words (the answer's own wording) are no evidence a question could bring.
    for (const topic of topics) {
      const bag = bags[TOPIC_IDS.indexOf(topic.id)] as Terms;
      // A phrase met twice (its zh-Hant copy folds back onto the zh-Hans one) is added once, weighing double.
      const factors = new Map<string, number>();
      const addHead = (text: string, factor: number) => {
        const normalized = withoutFillers(normalize(text));
        factors.set(normalized, (factors.get(normalized) ?? 0) + factor);
      };
      for (const title of topic.titles) addHead(title, options.title);
      for (const keyword of topic.keywords) addHead(keyword, options.keyword);
      for (const [normalized, factor] of factors) {
        forEachTerm(normalized, options.weights, (term, weight) => bag.set(term, (bag.get(term) ?? 0) + weight * factor));
      }
    }
    // So far a topic's bag holds its head terms only.
    const heads = bags.map((bag) => new Set(bag.keys()));
    const vocabulary = new Set(heads.flatMap((head) => [...head]));
    const bodyWeights = options.bodyWeights ?? options.weights;
    for (const topic of topics) {
      const bag = bags[TOPIC_IDS.indexOf(topic.id)] as Terms;
      for (const body of topic.bodies) {
        forEachTerm(withoutFillers(normalize(body)), bodyWeights, (term, weight) => {
          if (vocabulary.has(term)) bag.set(term, (bag.get(term) ?? 0) + weight * options.body);
        });
      }
    }
    const postings = new Map<string, Posting[]>();
    const lengths = bags.map((bag, topic) => {
      let length = 0;
      for (const [term, tf] of bag) {
        length += tf;
        let list = postings.get(term);
        if (!list) postings.set(term, (list = []));
        list.push({ topic, tf, head: (heads[topic] as Set<string>).has(term) });
      }
      return length;
    });
    return new TopicIndex({ postings, lengths }, options);
  }

  constructor(
    table: IndexTable,
    private readonly options: MatcherOptions = DEFAULT_MATCHER,
  ) {
    this.postings = table.postings;
    this.lengths = table.lengths;
    const present = this.lengths.filter((length) => length > 0);
    this.averageLength = present.reduce((sum, length) => sum + length, 0) / Math.max(1, present.length);
    const n = present.length;
    let maxIdf = 0;
    const bodyDf = options.bodyDf ?? 1;
    for (const [term, list] of this.postings) {
      // Body-only evidence counts for its weight, but a term found in every topic tells nothing.
      let df = 0;
      let maxTf = 0;
      for (const { head, tf } of list) {
        df += head ? 1 : bodyDf;
        if (tf > maxTf) maxTf = tf;
      }
      this.maxTf.set(term, maxTf);
      const value = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      this.idf.set(term, value);
      if (value > maxIdf) maxIdf = value;
    }
    this.maxIdf = maxIdf;
  }

  /** The postings and lengths, to be written as the built index (built.ts). */
  get table(): IndexTable {
    return { postings: this.postings, lengths: this.lengths };
  }

  /** Topics by BM25 score, best first (all 26, zeros included), and the question's coverage. */
  rank(normalized: string): Ranking {
    const scores = new Float64Array(TOPIC_IDS.length);
    const strong = new Float64Array(TOPIC_IDS.length);
    const { k1, b } = this.options;
    const concentration = this.options.concentration ?? 0;
    let known = 0;
    let total = 0;
    for (const [term, weight] of termsOf(withoutFillers(normalized), this.options.weights)) {
      const isStrong = term.startsWith('w:') || term.startsWith('p:') || (term.startsWith('c:') && term.length > 3);
      const idf = this.idf.get(term);
      total += weight * this.maxIdf;
      if (idf === undefined) continue;
      known += weight * idf;
      const maxTf = this.maxTf.get(term) ?? 1;
      for (const { topic, tf, head } of this.postings.get(term) ?? []) {
        const norm = k1 * (1 - b + (b * (this.lengths[topic] as number)) / this.averageLength);
        const share = concentration === 0 ? 1 : (tf / maxTf) ** concentration;
        const gain = weight * idf * share * ((tf * (k1 + 1)) / (tf + norm));
        scores[topic] = (scores[topic] as number) + gain;
        if (isStrong && head) strong[topic] = (strong[topic] as number) + gain;
      }
    }
    const order = TOPIC_IDS.map((_, topic) => topic).sort((x, y) => (scores[y] as number) - (scores[x] as number));
    const scored = order.map((topic) => ({ id: TOPIC_IDS[topic] as TopicId, score: scores[topic] as number }));
    return { scored, coverage: total === 0 ? 0 : known / total, strong: order[0] === undefined ? 0 : (strong[order[0]] as number) };
  }
}
