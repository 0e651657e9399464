import { buttonType, id as idCodec, literal, oneOf, onPress, optional } from '../src/core/buttons.ts';
import type { Button, Command, CommandContext, Reply } from '../src/core/types.ts';
import { LOCALES, type Locale } from '../src/i18n/locales.ts';
import type { Translator } from '../src/i18n/translator.ts';
import { type KnowledgeBase, TOPIC_IDS, type TopicId } from '../src/knowledge/index.ts';
import { personalAnswer, personalFigures } from './shared/personal-figures.ts';
import { truncateGraphemes } from '../src/core/text-split.ts';

/*
 * A knowledge-base topic as an answer (issue 10): its title and body, the borrower's own figures
 * for it, and its related topics as buttons. A topic button carries the language the answer was
 * given in, so pressing it answers in that language too.
 */

export const faqButton = buttonType<{ topic: TopicId; locale: Locale | undefined }>('faq', {
  topic: oneOf(TOPIC_IDS),
  locale: optional(oneOf(LOCALES)),
});

/** After an answer that picked the most urgent of several loans: the same figures for another one. */
export const faqLoanButton = buttonType<{ action: 'loan'; topic: TopicId; loanId: number; locale: Locale | undefined }>('faq', {
  action: literal('loan'),
  topic: oneOf(TOPIC_IDS),
  loanId: idCodec,
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
  const { figures, otherLoans } = personalAnswer(ctx, id, question);
  const text = [topic.title, '', topic.body.trim(), ...(figures.length > 0 ? ['', ...figures] : [])].join('\n');
  const related = topic.related.filter((other) => other !== id).slice(0, 3);
  // Several loans and none named: the figures are the most urgent one's; the others are a press away.
  const others = otherLoans.map(({ loanId, name }) => [
    faqLoanButton.make(ctx.t('button-figures-for', { name: truncateGraphemes(name, 20, '') }), {
      action: 'loan',
      topic: id,
      loanId,
      locale: ctx.locale,
    }),
  ]);
  const buttons = [...others, ...(withButtons ? topicButtons(ctx, kb, related) : [])];
  return buttons.length > 0 ? { text, buttons } : { text };
}

/** The topic buttons' command: reached only by its buttons. */
export function faqCommand(kb: KnowledgeBase, translator: Translator): Command {
  return {
    name: 'faq',
    descriptionKey: 'command-faq',
    buttonsOnly: true,
    run: () => [],
    buttons: [
      onPress(faqLoanButton, (ctx, { topic, loanId, locale }) => {
        const figures = personalFigures(inLocale(ctx, translator, locale), topic, '', loanId);
        return figures.length > 0 ? [{ text: figures.join('\n') }] : undefined;
      }),
      onPress(faqButton, (ctx, { topic, locale }) => [topicAnswer(inLocale(ctx, translator, locale), kb, topic, '')]),
    ],
  };
}
