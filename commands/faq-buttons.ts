import { buttonType, oneOf, onPress, optional } from '../src/core/buttons.ts';
import type { Button, Command, CommandContext, Reply } from '../src/core/types.ts';
import { LOCALES, type Locale } from '../src/i18n/locales.ts';
import type { Translator } from '../src/i18n/translator.ts';
import { type KnowledgeBase, TOPIC_IDS, type TopicId } from '../src/knowledge/index.ts';
import { personalFigures } from './shared/personal-figures.ts';

/*
 * A knowledge-base topic as an answer (issue 10): its title and body, the borrower's own figures
 * for it, and its related topics as buttons. A topic button carries the language the answer was
 * given in, so pressing it answers in that language too.
 */

export const faqButton = buttonType<{ topic: TopicId; locale: Locale | undefined }>('faq', {
  topic: oneOf(TOPIC_IDS),
  locale: optional(oneOf(LOCALES)),
});

/** The context speaking another language: its translator and formats, nothing else changed. */
export function inLocale(ctx: CommandContext, translator: Translator, locale: Locale | undefined): CommandContext {
  if (locale === undefined || locale === ctx.locale) return ctx;
  return { ...ctx, locale, t: translator.for(locale) };
}

/** One button per topic, labelled with its title in the context's language. */
export function topicButtons(ctx: CommandContext, kb: KnowledgeBase, ids: readonly TopicId[]): Button[][] {
  return ids.map((id) => [faqButton.make(kb.topic(id, ctx.locale).title, { topic: id, locale: ctx.locale })]);
}

/** A topic's answer: title, body, the borrower's figures for it (from the question), related topics as buttons. */
export function topicAnswer(ctx: CommandContext, kb: KnowledgeBase, id: TopicId, question: string, withButtons = true): Reply {
  const topic = kb.topic(id, ctx.locale);
  const figures = personalFigures(ctx, id, question);
  const text = [topic.title, '', topic.body.trim(), ...(figures.length > 0 ? ['', ...figures] : [])].join('\n');
  const related = topic.related.filter((other) => other !== id).slice(0, 3);
  return withButtons && related.length > 0 ? { text, buttons: topicButtons(ctx, kb, related) } : { text };
}

/** The topic buttons' command: reached only by its buttons. */
export function faqCommand(kb: KnowledgeBase, translator: Translator): Command {
  return {
    name: 'faq',
    descriptionKey: 'command-faq',
    buttonsOnly: true,
    run: () => [],
    buttons: [onPress(faqButton, (ctx, { topic, locale }) => [topicAnswer(inLocale(ctx, translator, locale), kb, topic, '')])],
  };
}
