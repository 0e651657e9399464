import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTopicFile } from '../../src/knowledge/content.ts';
import { loadKnowledgeBase, TOPIC_IDS } from '../../src/knowledge/index.ts';

const FILE = `title: How penalty interest is computed
related: grace_period, penalty_waiver, not_a_topic
next: /status
keywords: penalty interest, late fee，罚息、 滞纳金
---
Penalty interest runs from the day after the due date.

• Check your contract.
`;

describe('content files (locales/knowledge/FORMAT.md)', () => {
  it('reads the header and the body; unknown related ids are dropped; commas of either script split keywords', () => {
    const file = parseTopicFile('penalty_interest', 'en', FILE);
    expect(file).toMatchObject({
      title: 'How penalty interest is computed',
      related: ['grace_period', 'penalty_waiver'],
      next: '/status',
      keywords: ['penalty interest', 'late fee', '罚息', '滞纳金'],
    });
    expect(file.body).toBe('Penalty interest runs from the day after the due date.\n\n• Check your contract.');
  });

  it('a file without its --- line or its title is an error naming the file', () => {
    expect(() => parseTopicFile('lawsuit', 'en', 'title: x\nbody')).toThrow(/en\/lawsuit\.md/);
    expect(() => parseTopicFile('lawsuit', 'en', 'next: /status\n---\nbody')).toThrow(/no title/);
  });

  it('a missing topic file does not crash: it is listed, and the answer falls back (zh-Hant → zh-Hans → en)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'kb-'));
    mkdirSync(join(folder, 'en'));
    mkdirSync(join(folder, 'zh-Hans'));
    writeFileSync(join(folder, 'en', 'penalty_interest.md'), FILE);
    writeFileSync(
      join(folder, 'zh-Hans', 'grace_period.md'),
      'title: 宽限期\nrelated: penalty_interest\nkeywords: 宽限期\n---\n多数银行有宽限期。',
    );
    const kb = loadKnowledgeBase(folder);
    expect(kb.missing).toHaveLength(TOPIC_IDS.length * 3 - 2);
    expect(kb.missing).toContain('zh-Hant/penalty_interest');
    expect(kb.topic('penalty_interest', 'zh-Hant').title).toBe('How penalty interest is computed');
    expect(kb.topic('grace_period', 'zh-Hant')).toEqual({
      id: 'grace_period',
      title: '宽限期',
      body: '多数银行有宽限期。',
      related: ['penalty_interest'],
    });
    expect(kb.topic('lawsuit', 'en')).toEqual({ id: 'lawsuit', title: 'lawsuit', body: '', related: [] });
    expect(kb.consult('how is the late fee computed').topic).toBe('penalty_interest');
  });
});

describe('the knowledge base in locales/knowledge', () => {
  const kb = loadKnowledgeBase();
  it('loads, and lists the topic files not written yet', () => {
    // Printed rather than asserted while the content is being written (issue 10).
    if (kb.missing.length > 0) console.info(`knowledge topic files missing (${kb.missing.length}): ${kb.missing.join(', ')}`);
    expect(kb.missing.every((entry) => /^(en|zh-Hans|zh-Hant)\/[a-z_]+$/.test(entry))).toBe(true);
  });

  it('every file there names a real topic and has a body', () => {
    for (const id of TOPIC_IDS) {
      for (const locale of ['en', 'zh-Hans', 'zh-Hant'] as const) {
        if (kb.missing.includes(`${locale}/${id}`)) continue;
        const topic = kb.topic(id, locale);
        expect(topic.body.length, `${locale}/${id}`).toBeGreaterThan(0);
        expect(
          topic.related.every((related) => TOPIC_IDS.includes(related)),
          `${locale}/${id}`,
        ).toBe(true);
      }
    }
  });
});
