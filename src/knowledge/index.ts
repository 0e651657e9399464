import type { Locale } from '../i18n/locales.ts';
import { KNOWLEDGE_FOLDER, loadContent, type TopicFile } from './content.ts';
import { DebtEvidence, TopicTerms } from './domain.ts';
import { type Guess, NaiveBayes } from './classifier.ts';
import { intendedTopic } from './intent.ts';
import { DEFAULT_MATCHER, type MatcherOptions, type Ranking, TopicIndex, type TopicText } from './matcher.ts';
import { detectScam, isPromptInjection } from './scam.ts';
import { contentWords, detectLanguage, normalizeQuestion, withoutFillers } from './text.ts';
import { isScamId, type ScamId, TOPIC_IDS, type TopicId } from './topics.ts';
import { loadTraining } from './training.ts';
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
  /** The classifier overrules a confident BM25 topic at this posterior, and answers an unsure one at `classifierUnsure`. */
  classifierOverrule: 0.95;
  classifierUnsure: 0.3;
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
  classifierOverrule: 0.95,
  classifierUnsure: 0.3,
};

/** Longest question read; the rest of a long paste is ignored (a question is a line or two). */
const MAX_QUESTION = 400;

const FALLBACK: Record<Locale, Locale[]> = { en: ['en'], 'zh-Hans': ['zh-Hans', 'en'], 'zh-Hant': ['zh-Hant', 'zh-Hans', 'en'] };

function topicTexts(files: Map<string, TopicFile>): TopicText[] {
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

export function loadKnowledgeBase(folder: string = KNOWLEDGE_FOLDER, options: ConsultOptions = DEFAULT_CONSULT): KnowledgeBase {
  const { files, missing } = loadContent(folder);
  const texts = topicTexts(files);
  // One build normalises each distinct phrase once (a keyword is read by the index, the debt
  // evidence and the topic terms; a zh-Hant one often equals its zh-Hans source).
  const memo = new Map<string, string>();
  const normalize = (text: string): string => {
    let value = memo.get(text);
    if (value === undefined) memo.set(text, (value = normalizeQuestion(text)));
    return value;
  };
  const index = new TopicIndex(texts, options.matcher, normalize);
  const debt = new DebtEvidence(
    texts.flatMap((text) => text.keywords),
    normalize,
  );
  const topicTerms = new TopicTerms<TopicId>(VOCABULARY, new Map(texts.map((text) => [text.id, text.keywords])), normalize);
  const training = loadTraining(folder);
  const classifier = training.length > 0 ? new NaiveBayes(training, normalize) : undefined;

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
    if (!debt.has(normalized)) return { ...none(true), candidates: ranking.strong >= options.minStrong ? candidates : [] };
    const guess: Guess | undefined = classifier?.rank(normalized)[0];
    if (top < options.minScore || ranking.coverage < options.minCoverage || ranking.strong < options.minStrong)
      return { ...none(true), candidates: top > 0 ? candidates : [] };
    // One word (overdue, 征信, fee, card) says which area, not which question: the closest three
    // are offered, unless it names one topic clearly (失业, 年化, unemployed).
    const oneWord = termCount(normalized) <= 1;
    if (confidence < options.minConfidence || (oneWord && confidence < options.minOneWordConfidence)) {
      topic = null;
      // Unsure between close topics: whole example questions decide, when they agree with one of the three.
      if (!oneWord && guess && guess.p >= options.classifierUnsure && candidates.includes(guess.id)) {
        topic = guess.id;
        confidence = Math.max(confidence, options.minConfidence);
        candidates.splice(0, candidates.length, guess.id, ...candidates.filter((id) => id !== guess.id));
      }
    } else if (guess && guess.p >= options.classifierOverrule && guess.id !== topic && !intended) {
      // The example questions are nearly sure of another topic than the keywords are.
      topic = guess.id;
      candidates.splice(0, candidates.length, guess.id, ...ranked.filter((id) => id !== guess.id).slice(0, 2));
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
