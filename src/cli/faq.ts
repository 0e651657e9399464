import { parseArgs } from 'node:util';
import {
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

const DECLINE: Record<Locale, string> = {
  en: 'I can answer questions about repaying loans and cards: overdue, penalties, credit reports, collection, deferral, scams. Try /help.',
  'zh-Hans': '我能回答还款相关的问题：逾期、罚息、征信、催收、延期、防骗等。可以试试 /help。',
  'zh-Hant': '我能回答還款相關的問題：逾期、罰息、徵信、催收、延期、防詐騙等。可以試試 /help。',
};

const UNSURE: Record<Locale, string> = {
  en: 'I am not sure which of these you mean:',
  'zh-Hans': '不太确定你问的是哪一个：',
  'zh-Hant': '不太確定你問的是哪一個：',
};

let shared: KnowledgeBase | undefined;

/** One question → the answer the bot would give (the scam warning first when one fires). */
export function answerQuestion(question: string, fallback: Locale, kb: KnowledgeBase = (shared ??= loadKnowledgeBase())): FaqAnswer {
  const consultation = kb.consult(question);
  const locale = consultation.language ?? fallback;
  const parts: string[] = [];
  if (consultation.scam && consultation.topic !== consultation.scam) parts.push(kb.topic(consultation.scam, locale).body);
  if (consultation.topic) parts.push(kb.topic(consultation.topic, locale).body);
  else if (consultation.outOfScope || consultation.candidates.length === 0) parts.push(DECLINE[locale]);
  else parts.push([UNSURE[locale], ...consultation.candidates.map((id) => `• ${kb.topic(id, locale).title}`)].join('\n'));
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
