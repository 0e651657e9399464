import { contentWords, normalizeQuestion, withoutFillers } from './text.ts';
import { DEBT_TERMS } from './vocabulary.ts';

/*
 * Out of scope unless the question speaks about debt (issue 10 point 2: weather, shopping, jokes
 * are declined, never answered as a topic). Evidence is either a debt word (vocabulary.ts
 * DEBT_TERMS: loan, credit, repay, 贷, 征信, 逾期 …) or one whole keyword phrase of a topic that
 * says enough on its own ("call my family", "lost my job", 爆通讯录): two content words in
 * English, four Han characters in Chinese. A single generic word (tomorrow, 明天, 手机, cheap) is
 * never evidence, whichever topic's keywords it appears in.
 */

const EN_DEBT = new RegExp(
  `(?:^| )(?:${DEBT_TERMS.en.map((term) => (term.endsWith('*') ? `${term.slice(0, -1)}[a-z]*` : term)).join('|')})(?= |$)`,
);
const ZH_DEBT = new RegExp(DEBT_TERMS.zh.join('|'));
const OFF_TOPIC = new RegExp(DEBT_TERMS.offTopic.join('|'));
/** Evidence that is no evidence beside an off-topic word ("HSBC's stock price", 招商银行股价). */
const BANK = /(?:^| )banks?(?= |$)|银行/g;

export class DebtEvidence {
  private readonly english: string[] = [];
  private readonly chinese: string[] = [];

  /** phrases: every topic's keywords (content files and vocabulary.ts), as written. */
  constructor(phrases: Iterable<string>) {
    const english = new Set<string>();
    const chinese = new Set<string>();
    for (const phrase of phrases) {
      const normalized = normalizeQuestion(phrase);
      if (/\p{Script=Han}/u.test(normalized)) {
        const compact = withoutFillers(normalized).replace(/ /g, '');
        if ([...compact].length >= 4) chinese.add(compact);
      } else if (contentWords(normalized).length >= 2) english.add(` ${normalized} `);
    }
    this.english = [...english];
    this.chinese = [...chinese];
  }

  /** Whether a normalised question (normalizeQuestion) names a debt or contains a topic's whole phrase. */
  has(normalized: string): boolean {
    let text = normalized;
    if (OFF_TOPIC.test(text.replace(/ /g, ''))) text = text.replace(BANK, ' ');
    const compact = text.replace(/ /g, '');
    if (EN_DEBT.test(text) || ZH_DEBT.test(compact)) return true;
    const spaced = ` ${normalized} `;
    if (this.english.some((phrase) => spaced.includes(phrase))) return true;
    const bare = withoutFillers(normalized).replace(/ /g, '');
    return this.chinese.some((phrase) => bare.includes(phrase));
  }
}
