import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales.ts';
import { loadKnowledgeBase, TOPIC_IDS } from '../../src/knowledge/index.ts';

/** Telegram takes 4,096 characters a message; an answer leaves room for the borrower's figures under it. */
const ANSWER_LIMIT = 3_000;

describe('every answer fits one Telegram message', () => {
  const kb = loadKnowledgeBase();
  it.each(LOCALES)('%s: title and body within the limit, ending with a command', (locale) => {
    for (const id of TOPIC_IDS) {
      const topic = kb.topic(id, locale);
      expect(`${topic.title}\n\n${topic.body}`.length, `${locale} ${id}`).toBeLessThanOrEqual(ANSWER_LIMIT);
      expect(topic.body, `${locale} ${id}`).toMatch(/\/[a-z]+/);
    }
  });
});
