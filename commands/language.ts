import { buttonType, oneOf, onPress } from '../src/core/buttons.ts';
import type { Command, CommandContext, Reply } from '../src/core/types.ts';
import { LOCALES, isLocale, localeFromLanguageCode, type Locale } from '../src/i18n/locales.ts';

/** Each language is offered in its own script, so a reader finds theirs whatever the bot speaks now. */
const NATIVE_NAMES: Record<Locale, string> = { en: 'English', 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文' };

const languageButton = buttonType<{ locale: Locale }>('language', { locale: oneOf(LOCALES) });

function choose(ctx: CommandContext, locale: Locale): Reply[] {
  ctx.services.language.choose(locale);
  // Answer in the language just chosen: that is the confirmation the user looks for.
  return [{ text: ctx.t('language-set', { language: NATIVE_NAMES[locale] }) }];
}

function ask(ctx: CommandContext): Reply[] {
  return [
    {
      text: ctx.t('language-choose', { language: NATIVE_NAMES[ctx.locale] }),
      buttons: [LOCALES.map((locale) => languageButton.make(NATIVE_NAMES[locale], { locale }))],
    },
  ];
}

function readChoice(text: string): Locale | undefined {
  const value = text.trim();
  if (isLocale(value)) return value;
  const byName = LOCALES.find((locale) => NATIVE_NAMES[locale].toLowerCase() === value.toLowerCase());
  if (byName) return byName;
  // Language codes as Telegram writes them (en-GB, zh-TW); anything else is not a language we speak.
  return /^(en|zh)([-_][a-z0-9]+)*$/i.test(value) ? localeFromLanguageCode(value) : undefined;
}

export function languageCommand(translatorFor: (locale: Locale) => CommandContext['t']): Command {
  return {
    name: 'language',
    descriptionKey: 'command-language',
    run: (ctx, args) => {
      if (!args) return ask(ctx);
      const locale = readChoice(args);
      if (!locale) return [{ text: ctx.t('language-unknown', { choice: args.slice(0, 40) }) }, ...ask(ctx)];
      return choose({ ...ctx, locale, t: translatorFor(locale) }, locale);
    },
    buttons: [onPress(languageButton, (ctx, { locale }) => choose({ ...ctx, locale, t: translatorFor(locale) }, locale))],
  };
}
