import type { Locale } from '../i18n/locales.ts';
import { KNOWLEDGE_FOLDER, loadContent, type TopicFile } from './content.ts';
import { DebtEvidence, TopicTerms } from './domain.ts';
import { type Guess, NaiveBayes } from './classifier.ts';
import { intendedTopic } from './intent.ts';
import { loadTopicIndex } from './index-file.ts';
import { DEFAULT_MATCHER, type MatcherOptions, type Ranking, type TopicText } from './matcher.ts';
import { detectScam, isPromptInjection } from './scam.ts';
import { contentWords, detectLanguage, normalizeQuestion, withoutFillers } from './text.ts';
import { isScamId, isTopicId, type ScamId, TOPIC_IDS, type TopicId } from './topics.ts';
import { trainingCounts } from './training.ts';
import { VOCABULARY } from './vocabulary.ts';

/*
 * The knowledge base of issue 10: answers to free-text questions, read from locales/knowledge
 * (content files, FORMAT.md there) and matched offline (README "Answers to free-text questions").
 */

export { isScamId, isTopicId, SCAM_IDS, TOPIC_IDS, type ScamId, type TopicId } from './topics.ts';
export { type FreeTextMessage, freeTextMessage } from './messages.ts';
export { detectLanguage, normalizeQuestion } from './text.ts';

export interface Topic {
  id: TopicId;
  title: string;
  body: string;
  related: TopicId[];
  /** The command the answer's last line points to, e.g. /status. */
  next?: string;
}

export interface Consultation {
  /** The topic that answers the question; null when out of scope or unsure. */
  topic: TopicId | null;
  /** 0..1: how sure the match is (from the score and its margin over the runner-up). */
  confidence: number;
  /** The three closest topics, best first (offered as buttons when topic is null). */
  candidates: TopicId[];
  /** A scam the question mentions: its warning goes first, even inside another question. */
  scam: ScamId | null;
  /** Nothing the bot can answer: weather, jokes, another language, an attempt to override its rules. */
  outOfScope: boolean;
  /** The language the question is written in, when its script / words say so. */
  language: Locale | undefined;
}

export interface KnowledgeBase {
  consult(text: string): Consultation;
  /** A topic's answer in a language; a topic with no file there yet falls back (zh-Hant → zh-Hans → en). */
  topic(id: TopicId, locale: Locale): Topic;
  /** Topic files not written yet, as `zh-Hans/lawsuit`. */
  readonly missing: readonly string[];
}

/** Thresholds of consult(), measured on test/knowledge/eval-*.tsv and dev-*.tsv (npm run eval:faq -- --set all). */
export interface ConsultOptions {
  matcher: MatcherOptions;
  /** Below this top score a question is not answered. */
  minScore: number;
  /** Below this share of known term weight a question is out of scope. */
  minCoverage: number;
  /** Below this confidence the topic is null (the candidates are offered). */
  minConfidence: number;
  /** Below this score from strong terms (text.ts) a question is out of scope. */
  minStrong: number;
  /** The rest of a question around a scam's words must score this to be answered as another topic. */
  minRest: number;
  /** A one-word question (one English content word, up to two Han characters) needs this confidence to be answered. */
  minOneWordConfidence: number;
  /**
   * How much the classifier's log posterior counts beside BM25's score share (score / best score)
   * when the two pick the topic together (blendedTopic).
   */
  blend: number;
  /**
   * A question no debt word names is still answered when the scope classifier is this sure it is
   * ours and the topic classifier is `vouchTopic` sure of one of BM25's three closest topics.
   */
  vouchScope: number;
  vouchTopic: number;
  /** At this probability of the scope classifier, a question that names debt is still declined (which card to get, 大额存单利率). */
  outOfScope: number;
}

export const DEFAULT_CONSULT: ConsultOptions = {
  matcher: DEFAULT_MATCHER,
  // 1.5: 逾期了怎么办 (逾期 and 办, nothing else) is still answered; no out-of-scope message of the sets scores that high.
  minScore: 1.5,
  minCoverage: 0.1,
  minConfidence: 0.25,
  minStrong: 1,
  minRest: 4,
  minOneWordConfidence: 0.55,
  // 0.07: measured 0.03–0.15 on every labelled set; 0.05–0.1 are best and alike, more lets the
  // classifier overrule keywords it has rarely seen in an example.
  blend: 0.07,
  vouchScope: 0.99,
  vouchTopic: 0.95,
  // 0.9: no topic question of the labelled sets reaches it; most out-of-scope ones that name a card or a rate do.
  outOfScope: 0.9,
};

type Scope = 'in' | 'out';

/** The topic classifier's additive smoothing: 0.1 beat 0.05, 0.2, 0.5 and 1 on every labelled set, blended. */
const TOPIC_SMOOTHING = 0.1;
/** The scope classifier's smoothing. */
const SCOPE_SMOOTHING = 0.2;

/** Longest question read; the rest of a long paste is ignored (a question is a line or two). */
const MAX_QUESTION = 400;

const FALLBACK: Record<Locale, Locale[]> = { en: ['en'], 'zh-Hans': ['zh-Hans', 'en'], 'zh-Hant': ['zh-Hant', 'zh-Hans', 'en'] };

/** Each topic's titles, keywords and bodies in every language: what the index is built from. */
export function topicTexts(files: Map<string, TopicFile>): TopicText[] {
  return TOPIC_IDS.map((id) => {
    const own = [...files.values()].filter((file) => file.id === id);
    return {
      id,
      titles: own.map((file) => file.title),
      keywords: [...own.flatMap((file) => file.keywords), ...VOCABULARY[id]],
      // zh-Hant bodies fold back onto their zh-Hans source: indexed once (build time, issue 10 point 9).
      bodies: own.filter((file) => file.locale !== 'zh-Hant').map((file) => file.body),
    };
  });
}

/** How many words a question has, fillers out: English content words, and Han characters two to a word. */
function termCount(normalized: string): number {
  const bare = withoutFillers(normalized);
  const han = bare.match(/\p{Script=Han}/gu)?.length ?? 0;
  return contentWords(bare.replace(/\p{Script=Han}+/gu, ' ')).length + Math.ceil(han / 2);
}

function confidenceOf(ranking: Ranking, options: ConsultOptions): number {
  const [first, second] = ranking.scored;
  if (!first || first.score <= 0) return 0;
  const margin = (first.score - (second?.score ?? 0)) / first.score;
  const strength = first.score / (first.score + options.minScore * 2);
  return Math.min(1, Math.max(0, 0.5 * margin + 0.5 * strength) * Math.min(1, ranking.coverage / options.minCoverage));
}

/**
 * The topic that keywords and example questions agree on best: BM25's score share (score / best
 * score, 0..1) plus `blend` × the classifier's log posterior. BM25 knows the words that name a
 * topic; the classifier, trained on whole questions, knows how people ask ("bank said the direct
 * debit bounced, do i need to pay manually" is a failed debit, not how to pay). Either alone is
 * wrong more often on unseen questions than the two together (README).
 */
function blendedTopic(ranking: Ranking, guesses: readonly Guess[], blend: number): TopicId | undefined {
  const posterior = new Map(guesses.map((guess) => [guess.id, guess.p]));
  const best = ranking.scored[0]?.score || 1;
  let choice: TopicId | undefined;
  let value = Number.NEGATIVE_INFINITY;
  for (const { id, score } of ranking.scored) {
    const mixed = score / best + blend * Math.log((posterior.get(id) ?? 0) + 1e-9);
    if (mixed > value) {
      value = mixed;
      choice = id;
    }
  }
  return choice;
}

export function loadKnowledgeBase(folder: string = KNOWLEDGE_FOLDER, options: ConsultOptions = DEFAULT_CONSULT): KnowledgeBase {
  const { files, missing } = loadContent(folder);
  const texts = topicTexts(files);
  // The built index when it is current (index-file.ts); its normalize knows every keyword, and
  // remembers what else one build normalises (a keyword is read by the index, the debt evidence
  // and the topic terms; a zh-Hant one often equals its zh-Hans source).
  const { index, normalize } = loadTopicIndex(folder, texts, options.matcher);
  const debt = new DebtEvidence(
    texts.flatMap((text) => text.keywords),
    normalize,
  );
  const topicTerms = new TopicTerms<TopicId>(VOCABULARY, new Map(texts.map((text) => [text.id, text.keywords])), normalize);
  // The training questions' counts (the trained model, training.ts): the topic and scope classifiers group the same table.
  const counts = trainingCounts(folder, normalize);
  const hasTopics = counts.labels.some((label) => label !== 'OUT');
  const classifier = hasTopics
    ? new NaiveBayes<TopicId>(counts, { alpha: TOPIC_SMOOTHING, classOf: (label) => (isTopicId(label) ? label : undefined) })
    : undefined;
  // Whether a question is ours at all: every topic question against the OUT lines (finance-sounding
  // errands that are not repaying: a card to choose, deposit rates, a first home).
  const scope = counts.labels.includes('OUT')
    ? new NaiveBayes<Scope>(counts, { alpha: SCOPE_SMOOTHING, balanced: true, classOf: (label) => (label === 'OUT' ? 'out' : 'in') })
    : undefined;

  const consult = (text: string): Consultation => {
    const raw = (typeof text === 'string' ? text : '').slice(0, MAX_QUESTION);
    const normalized = normalizeQuestion(raw);
    const detected = detectLanguage(raw);
    const language = detected === 'foreign' ? undefined : detected;
    const scamFound = normalized === '' ? null : detectScam(normalized);
    const scam = scamFound?.scam ?? null;
    const none = (outOfScope: boolean, candidates: TopicId[] = []): Consultation => ({
      topic: null,
      confidence: 0,
      candidates,
      scam,
      outOfScope,
      language,
    });
    if (normalized === '' || detected === 'foreign') return none(true);
    if (isPromptInjection(normalized)) return none(true);

    const ranking = index.rank(normalized);
    // A cue of what the question asks (complain, jail, consequences, waive) decides between close topics.
    const intended = intendedTopic(normalized, ranking.scored);
    const ranked = ranking.scored.map((scored) => scored.id);
    const candidates = (intended ? [intended, ...ranked.filter((id) => id !== intended)] : ranked).slice(0, 3);
    let confidence = confidenceOf(ranking, options);
    let topic: TopicId | null = candidates[0] ?? null;

    if (scamFound) {
      // The warning goes first; the rest of the question (without the scam's words) may ask about another topic.
      let rest = normalized;
      for (const part of scamFound.matched) rest = rest.replace(part, ' ');
      for (const part of scamFound.matched) rest = rest.replace(new RegExp([...part].join(' ?')), ' ');
      rest = rest.replace(/ +/g, ' ').trim();
      const other = index.rank(rest);
      const otherConfidence = confidenceOf(other, options);
      const best = other.scored.find((scored) => !isScamId(scored.id));
      if (
        best &&
        topicTerms.names(best.id, rest, scamFound.scam) &&
        best.score >= options.minRest &&
        other.strong >= options.minStrong &&
        otherConfidence >= options.minConfidence &&
        other.scored[0]?.id === best.id
      ) {
        return {
          topic: best.id,
          confidence: Math.round(otherConfidence * 1000) / 1000,
          candidates: [best.id, scam as TopicId, ...candidates.filter((id) => id !== best.id && id !== scam)].slice(0, 3),
          scam,
          outOfScope: false,
          language,
        };
      }
      return {
        topic: scam,
        confidence: Math.max(confidence, 0.9),
        candidates: [scam as TopicId, ...candidates.filter((id) => id !== scam)].slice(0, 3),
        scam,
        outOfScope: false,
        language,
      };
    }

    const top = ranking.scored[0]?.score ?? 0;
    // Nothing about debt (weather, shopping …): out of scope, whatever a generic word matched. The
    // closest topics stay for a lone keyword ("annuity"), which the chat offers as buttons.
    const inScope = scope?.rank(normalized) ?? [];
    const inside = inScope.find((guess) => guess.id === 'in')?.p ?? 0;
    const outside = inScope.find((guess) => guess.id === 'out')?.p ?? 0;
    const guesses = classifier?.rank(normalized) ?? [];
    const sure = guesses[0];
    // Whole examples vouch for a question the debt words miss ("they messaged everyone in my contact
    // list saying I'm a cheat, is this legal"): both classifiers sure, and BM25 near.
    const vouched =
      sure !== undefined &&
      !debt.errand(normalized) &&
      inside >= options.vouchScope &&
      sure.p >= options.vouchTopic &&
      ranked.slice(0, 3).includes(sure.id);
    if (!debt.has(normalized) && !vouched) return { ...none(true), candidates: ranking.strong >= options.minStrong ? candidates : [] };
    // A debt word beside another errand (哪张信用卡办了最划算, the rate of a deposit): whole examples know the errand.
    // …unless it names trouble with a debt (a summons, a missed payment), paying one's own card or
    // loan (at the branch, with cash) or the legal cap on rates: that is ours whatever else it says.
    if (outside >= options.outOfScope && !debt.plainlyOurs(normalized))
      return { ...none(true), candidates: ranking.strong >= options.minStrong ? candidates : [] };
    if (!vouched && (top < options.minScore || ranking.coverage < options.minCoverage || ranking.strong < options.minStrong))
      return { ...none(true), candidates: top > 0 ? candidates : [] };
    const blended = guesses.length > 0 ? blendedTopic(ranking, guesses, options.blend) : undefined;
    // One word (overdue, 征信, fee, card) says which area, not which question: the closest three
    // are offered, unless it names one topic clearly (失业, 年化, unemployed).
    const oneWord = termCount(normalized) <= 1;
    if (confidence < options.minConfidence || (oneWord && confidence < options.minOneWordConfidence)) {
      topic = null;
      // Unsure between close topics: what the question asks (an intent cue) decides, else the blend
      // of keywords and examples, when it is one of the three.
      const pick = intended ?? blended;
      if (!oneWord && pick && candidates.includes(pick)) {
        topic = pick;
        confidence = Math.max(confidence, options.minConfidence);
        candidates.splice(0, candidates.length, pick, ...candidates.filter((id) => id !== pick));
      }
    } else if (blended && blended !== topic && !intended) {
      // Keywords and whole example questions together prefer another topic than the keywords alone.
      topic = blended;
      candidates.splice(0, candidates.length, blended, ...ranked.filter((id) => id !== blended).slice(0, 2));
    }
    confidence = Math.round(confidence * 1000) / 1000;
    return { topic, confidence, candidates, scam, outOfScope: false, language };
  };

  const topic = (id: TopicId, locale: Locale): Topic => {
    for (const language of FALLBACK[locale]) {
      const file = files.get(`${language}/${id}`);
      if (file) return { id, title: file.title, body: file.body, related: file.related, ...(file.next && { next: file.next }) };
    }
    return { id, title: id, body: '', related: [] };
  };

  return { consult, topic, missing };
}

export { isLocale, localeFromLanguageCode, type Locale } from '../i18n/locales.ts';
