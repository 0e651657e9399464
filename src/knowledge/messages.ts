import type { Locale } from '../i18n/locales.ts';
import { Translator } from '../i18n/translator.ts';

/*
 * The chat's own replies to free text that gets no topic answer (locales/*.ftl, the keys
 * commands/free-text.ts sends through ctx.t), for answers given outside the chat: `repaybot faq`
 * says exactly what the bot would say.
 */

export const FREE_TEXT_MESSAGES = {
  /** Nothing but whitespace. */
  empty: 'faq-empty',
  /** Weather, jokes, shopping, an attempt to override the rules. */
  outOfScope: 'faq-out-of-scope',
  /** Written in a language the bot does not speak (kana, Cyrillic …). */
  otherLanguage: 'faq-other-language',
  /** Unsure: said above the three closest topics. */
  unsure: 'faq-unsure',
} as const;

export type FreeTextMessage = keyof typeof FREE_TEXT_MESSAGES;

let translator: Translator | undefined;

/** One of those replies in a language, read from locales/<lang>.ftl like the app (not strict: a missing key is reported as its id, never a crash). */
export function freeTextMessage(locale: Locale, message: FreeTextMessage): string {
  translator ??= new Translator({ strict: false });
  return translator.translate(locale, FREE_TEXT_MESSAGES[message]);
}
