import type { FreeTextHandler } from '../src/core/app.ts';
import type { CommandContext, Reply } from '../src/core/types.ts';
import type { Locale } from '../src/i18n/locales.ts';
import type { Translator } from '../src/i18n/translator.ts';
import type { Consultation, KnowledgeBase } from '../src/knowledge/index.ts';
import { offerLoanFromText } from './addloan.ts';
import { inLocale, topicAnswer, topicButtons } from './faq-buttons.ts';
import { loanInText } from './shared/loan-in-text.ts';

/*
 * Free text outside any form (issue 10): a loan typed as a sentence becomes the /addloan card;
 * anything else is a question for the knowledge base. The scam warning comes first, even inside
 * another question; a confident topic is answered with the borrower's own figures; an unsure
 * match offers the three closest topics; an out-of-scope message gets what the bot can do.
 * Never a made-up answer.
 */

/** Without a knowledge base: what the bot can do instead (tests that build the core by hand). */
export const freeTextFallback: FreeTextHandler = (ctx) => [{ text: ctx.t('error-not-understood') }];

/** Only digits, punctuation and symbols (an amount, emoji): not a question. */
const NO_WORDS = /^[\s\p{N}\p{P}\p{S}\p{M}\p{Cc}\p{Cf}]*$/u;
/** One Latin word ("annuity", "ok"): too little to answer from; the closest topics are offered. */
const ONE_WORD = /^\s*[\p{Script=Latin}\p{N}'’-]+\s*[.!]*\s*$/u;

/** Letters of a script we do not speak (Japanese kana, Cyrillic, Hangul …) and none of ours. */
const FOREIGN =
  /^(?=.*[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Cyrillic}\p{Script=Hangul}\p{Script=Arabic}\p{Script=Thai}\p{Script=Greek}\p{Script=Hebrew}\p{Script=Devanagari}])[^\p{Script=Latin}]*$/su;

/**
 * The language to answer in: the question's when it clearly differs from the user's. Chinese
 * script is clear on its own; English needs a few words, so "ok" or "APR?" from a Chinese reader
 * stays in Chinese.
 */
function answerLocale(ctx: CommandContext, text: string, consultation: Consultation): Locale | undefined {
  const language = consultation.language;
  if (language === undefined || language === ctx.locale) return undefined;
  if (language === 'en') {
    const words = text.match(/\p{Script=Latin}{2,}/gu) ?? [];
    return words.length >= 3 && !/\p{Script=Han}/u.test(text) ? 'en' : undefined;
  }
  return language;
}

/** An unsure match: the closest topics as buttons, or what the bot can do when there are none. */
function unsure(ctx: CommandContext, kb: KnowledgeBase, consultation: Consultation): Reply[] {
  const candidates = consultation.candidates.slice(0, 3);
  if (candidates.length === 0) return [{ text: ctx.t('faq-out-of-scope') }];
  return [{ text: ctx.t('faq-unsure'), buttons: topicButtons(ctx, kb, candidates) }];
}

/** Answers free text from this knowledge base; `translator` speaks the question's language when it differs. */
export function freeTextWith(kb: KnowledgeBase, translator: Translator): FreeTextHandler {
  return (userCtx, text) => {
    if (text.trim() === '') return [{ text: userCtx.t('faq-empty') }];
    const consultation = kb.consult(text);
    const ctx = inLocale(userCtx, translator, answerLocale(userCtx, text, consultation));
    const loan = loanInText(text, ctx.today);
    if (loan !== undefined) return offerLoanFromText(ctx, loan, [{ text: ctx.t('faq-loan-offer') }]);

    const { scam, topic } = consultation;
    if (scam !== null) {
      // The warning first; another topic the question asks about follows, with the related buttons.
      if (topic === null || topic === scam) return [topicAnswer(ctx, kb, scam, text)];
      return [topicAnswer(ctx, kb, scam, text, false), topicAnswer(ctx, kb, topic, text)];
    }
    if (NO_WORDS.test(text)) return [{ text: ctx.t('error-not-understood') }];
    if (ONE_WORD.test(text)) {
      // consult() ranks the topic it picks first among the candidates.
      const buttons = topicButtons(ctx, kb, consultation.candidates.slice(0, 3));
      return [{ text: ctx.t('error-not-understood'), ...(buttons.length > 0 && { buttons }) }];
    }
    if (consultation.outOfScope) return [{ text: ctx.t(FOREIGN.test(text) ? 'faq-other-language' : 'faq-out-of-scope') }];
    if (topic === null) return unsure(ctx, kb, consultation);
    return [topicAnswer(ctx, kb, topic, text)];
  };
}
