import { DEFAULT_WAIVER_GUIDANCE, type WaiverGuidance } from '../../src/domain/waiver-guidance.ts';
import type { Locale } from '../../src/i18n/locales.ts';
import type { Translator } from '../../src/i18n/translator.ts';
import type { Voice } from './hardship-text.ts';

/** What the hardship and review commands take from configuration (src/app/runtime.ts passes it in). */
export interface HardshipSettings {
  translator: Translator;
  /** The language of operator notices: DEFAULT_LANGUAGE (a team's group has no language of its own). */
  operatorLocale: Locale;
  /** The zone of the dates in operator notices: DEFAULT_TIMEZONE. */
  operatorTimeZone: string;
  /** Where operator notices go: OPERATOR_CHAT_IDS, else the operators' private chats (OPERATOR_IDS). */
  noticeChats: readonly number[];
  maxDeferralMonths: number;
  slaDays: number;
  waiverGuidance: WaiverGuidance;
}

export function voiceOf(settings: HardshipSettings, locale: Locale): Voice {
  return { locale, t: settings.translator.for(locale) };
}

/** Without configuration (tests that build the commands alone): no operator chats, the documented defaults. */
export const DEFAULT_HARDSHIP: Omit<HardshipSettings, 'translator'> = {
  operatorLocale: 'en',
  operatorTimeZone: 'Asia/Shanghai',
  noticeChats: [],
  maxDeferralMonths: 3,
  slaDays: 3,
  waiverGuidance: DEFAULT_WAIVER_GUIDANCE,
};
