import { parseArgs } from 'node:util';
import {
  detectLanguage,
  freeTextMessage,
  type KnowledgeBase,
  loadKnowledgeBase,
  type Locale,
  localeFromLanguageCode,
  type ScamId,
  type TopicId,
} from '../knowledge/index.ts';

/*
 * `repaybot faq`: the knowledge base from the shell (issue 10 point 7). Its --json shape is a
 * contract: {"topic": id|null, "confidence": 0..1, "answer": "…", "scam": id|null}.
 */

export const FAQ_HELP = `Usage: repaybot faq [--lang L] [--json] "question"
       repaybot faq [--lang L] < questions.txt      (one question a line → one JSON a line)

  --lang L    the language to answer in when the question's own script does not say (en, zh-Hans, zh-Hant, zh-TW…; default en)
  --json      one JSON object: {"topic": id|null, "confidence": 0..1, "answer": "…", "scam": id|null}

The answer comes in the language the question is written in. topic is null when the question is
out of scope or the match is unsure; then the answer says what the bot can do.`;

export interface FaqAnswer {
  topic: TopicId | null;
  confidence: number;
  answer: string;
  scam: ScamId | null;
}

export interface FaqResult {
  code: number;
  stdout: string;
  stderr: string;
}

let shared: KnowledgeBase | undefined;

/** One question → the answer the bot would give (the scam warning first when one fires). */
export function answerQuestion(question: string, fallback: Locale, kb: KnowledgeBase = (shared ??= loadKnowledgeBase())): FaqAnswer {
  const consultation = kb.consult(question);
  const locale = consultation.language ?? fallback;
  const parts: string[] = [];
  // As the chat answers (commands/free-text.ts), with its own messages when there is no topic.
  if (consultation.scam) {
    parts.push(kb.topic(consultation.scam, locale).body);
    if (consultation.topic && consultation.topic !== consultation.scam) parts.push(kb.topic(consultation.topic, locale).body);
  } else if (consultation.topic) parts.push(kb.topic(consultation.topic, locale).body);
  else if (question.trim() === '') parts.push(freeTextMessage(locale, 'empty'));
  else if (detectLanguage(question) === 'foreign') parts.push(freeTextMessage(locale, 'otherLanguage'));
  else if (consultation.outOfScope || consultation.candidates.length === 0) parts.push(freeTextMessage(locale, 'outOfScope'));
  else
    parts.push([freeTextMessage(locale, 'unsure'), ...consultation.candidates.map((id) => `• ${kb.topic(id, locale).title}`)].join('\n'));
  return {
    topic: consultation.topic,
    confidence: consultation.confidence,
    answer: parts.filter((part) => part !== '').join('\n\n'),
    scam: consultation.scam,
  };
}

/** `argv` after "faq"; `readStdin` gives the questions when none is on the command line. */
export function runFaq(argv: string[], readStdin: () => string): FaqResult {
  let values: { lang?: string | undefined; json?: boolean | undefined; help?: boolean | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { lang: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    return { code: 2, stdout: '', stderr: `${(error as Error).message}\n\n${FAQ_HELP}` };
  }
  if (values.help) return { code: 0, stdout: FAQ_HELP, stderr: '' };
  const fallback = values.lang === undefined ? 'en' : localeFromLanguageCode(values.lang);
  if (fallback === undefined) return { code: 2, stdout: '', stderr: `--lang: a language code such as en, zh-Hans, zh-Hant\n\n${FAQ_HELP}` };
  if (positionals.length > 0) {
    const answer = answerQuestion(positionals.join(' '), fallback);
    return { code: 0, stdout: values.json ? JSON.stringify(answer) : answer.answer, stderr: '' };
  }
  const lines = readStdin()
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '');
  return { code: 0, stdout: lines.map((line) => JSON.stringify(answerQuestion(line, fallback))).join('\n'), stderr: '' };
}
