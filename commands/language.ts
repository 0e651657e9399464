import { buttonType, oneOf, onPress } from '../src/core/buttons.ts';
import { truncateGraphemes } from '../src/core/text-split.ts';
import type { Command, CommandContext, Reply } from '../src/core/types.ts';
import { LOCALES, type Locale } from '../src/i18n/locales.ts';
import { NATIVE_NAMES, parseLanguageChoice } from '../src/parse/language.ts';

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

export function languageCommand(translatorFor: (locale: Locale) => CommandContext['t']): Command {
  return {
    name: 'language',
    descriptionKey: 'command-language',
    run: (ctx, args) => {
      if (!args) return ask(ctx);
      const chosen = parseLanguageChoice(args);
      // Cut by graphemes (what a reader counts as one character), so no emoji is cut in half.
      const shown = truncateGraphemes(args, 40, '');
      if (!chosen.ok) return [{ text: ctx.t(`error-${chosen.error}`, { choice: shown }) }, ...ask(ctx)];
      const locale = chosen.value;
      return choose({ ...ctx, locale, t: translatorFor(locale) }, locale);
    },
    buttons: [onPress(languageButton, (ctx, { locale }) => choose({ ...ctx, locale, t: translatorFor(locale) }, locale))],
  };
}
