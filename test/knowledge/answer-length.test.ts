import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales.ts';
import { loadKnowledgeBase, TOPIC_IDS } from '../../src/knowledge/index.ts';

/** Telegram takes 4,096 characters a message; an answer leaves room for the borrower's figures under it. */
const ANSWER_LIMIT = 3_000;

describe('every answer fits one Telegram message', () => {
  const kb = loadKnowledgeBase();
  it.each(LOCALES)('%s: title and body within the limit, the last line naming a command', (locale) => {
    for (const id of TOPIC_IDS) {
      const topic = kb.topic(id, locale);
      expect(`${topic.title}\n\n${topic.body}`.length, `${locale} ${id}`).toBeLessThanOrEqual(ANSWER_LIMIT);
      // locales/knowledge/FORMAT.md: the body at most 2,500 characters, its last line the next step.
      expect(topic.body.length, `${locale} ${id}`).toBeLessThanOrEqual(2_500);
      expect(topic.body.trim().split('\n').at(-1), `${locale} ${id}`).toMatch(/(^|\s)\/[a-z]+/);
    }
  });
});
