import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import {
  deriveZhHant,
  type GlossaryTerm,
  parseGlossary,
  readLocaleFile,
  splitByGlossary,
  splitEntries,
} from '../../src/i18n/derive-zh-hant.ts';
import { readLocaleSource } from '../../src/i18n/translator.ts';

/*
 * Traditional Chinese that reads right: no simplified character left over, and the reviewed
 * finance and legal terms of locales/zh-Hant.glossary.tsv in every message.
 */

const s2t = OpenCC.Converter({ from: 'cn', to: 't' });

/**
 * Characters that OpenCC's s2t changes on their own but that are correct in Taiwan / Hong Kong
 * text (none so far). Add one only with the message that needs it and the reason, e.g. 台 in
 * 台北 if the glossary keeps it instead of 臺北.
 */
const ALLOWED_S2T_CHARACTERS = new Set<string>([]);

const glossary = parseGlossary(readLocaleFile('zh-Hant.glossary.tsv'));
const overriddenKeys = new Set(
  splitEntries(readLocaleFile('zh-Hant.overrides.ftl'))
    .map((chunk) => chunk.key)
    .filter((key) => key !== undefined),
);

function messages(source: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const chunk of splitEntries(source)) if (chunk.key) result.set(chunk.key, chunk.text.trimEnd());
  return result;
}

/** Simplified-only characters: a zh-Hant message must be a fixed point of s2t, character by character and as a whole. */
function simplifiedLeftovers(zhHant: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const [key, text] of zhHant) {
    const characters = [...new Set([...text].filter((c) => /\p{Script=Han}/u.test(c)))];
    const changed = characters.filter((c) => s2t(c) !== c && !ALLOWED_S2T_CHARACTERS.has(c));
    for (const c of changed) problems.push(`${key}: ${c} is simplified (s2t makes it ${s2t(c)})`);
    // Phrase-level: s2t reads some pairs differently from their characters alone.
    if (changed.length === 0 && s2t(text) !== text) {
      const converted = [...s2t(text)];
      const diff = [...text].flatMap((c, i) => (converted[i] !== c && !ALLOWED_S2T_CHARACTERS.has(c) ? [`${c} → ${converted[i]}`] : []));
      if (diff.length > 0) problems.push(`${key}: s2t still changes ${diff.join(', ')}`);
    }
  }
  return problems;
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** The glossary's forms: wanted where zh-Hans has the term (except in whole-message overrides), never anywhere. */
function glossaryViolations(
  zhHans: Map<string, string>,
  zhHant: Map<string, string>,
  terms: GlossaryTerm[],
  overridden: Set<string>,
): string[] {
  const problems: string[] = [];
  for (const [key, text] of zhHant) {
    for (const term of terms) {
      for (const form of term.never)
        if (text.includes(form)) problems.push(`${key}: has ${form} (the glossary says ${term.hant} for ${term.hans})`);
    }
  }
  for (const [key, simplified] of zhHans) {
    const traditional = zhHant.get(key);
    if (traditional === undefined || overridden.has(key)) continue;
    const wanted = new Map<GlossaryTerm, number>();
    for (const piece of splitByGlossary(simplified, terms)) if ('term' in piece) wanted.set(piece.term, (wanted.get(piece.term) ?? 0) + 1);
    for (const [term, times] of wanted) {
      if (count(traditional, term.hant) < times) problems.push(`${key}: ${term.hans} should read ${term.hant}`);
    }
  }
  return problems;
}

describe('zh-Hant reads as Traditional Chinese', () => {
  const zhHans = messages(readLocaleSource('zh-Hans'));
  const zhHant = messages(readLocaleSource('zh-Hant'));

  it('no zh-Hant message has a simplified-only character (the text is a fixed point of s2t)', () => {
    expect(zhHant.size).toBeGreaterThan(100);
    expect(simplifiedLeftovers(zhHant)).toEqual([]);
  });

  it('every zh-Hant message follows the glossary', () => {
    expect(glossaryViolations(zhHans, zhHant, glossary, overriddenKeys)).toEqual([]);
  });

  it('the checks name the key of a message that breaks them', () => {
    const badHant = new Map([
      ['settings-button-stop-90', '90 天后停止'],
      ['apr-private-above-cap', '超出部分的民間借貸利息法院不予支援。'],
      ['addloan-ask-policy', '哪種逾期規則最接近你的合同？'],
    ]);
    const hans = new Map([
      ['settings-button-stop-90', '90 天后停止'],
      ['apr-private-above-cap', '超出部分的民间借贷利息法院不予支持。'],
      ['addloan-ask-policy', '哪种逾期规则最接近你的合同？'],
    ]);
    expect(simplifiedLeftovers(badHant)).toEqual(['settings-button-stop-90: 后 is simplified (s2t makes it 後)']);
    expect(glossaryViolations(hans, badHant, glossary, new Set())).toEqual(
      expect.arrayContaining([
        'settings-button-stop-90: has 天后 (the glossary says 天後 for 天后)',
        'settings-button-stop-90: 天后 should read 天後',
        'apr-private-above-cap: has 不予支援 (the glossary says 不予支持 for 不予支持)',
        'apr-private-above-cap: 不予支持 should read 不予支持',
        'addloan-ask-policy: has 合同 (the glossary says 合約 for 合同)',
        'addloan-ask-policy: 合同 should read 合約',
      ]),
    );
  });

  it('the glossary is needed: OpenCC alone turns the court’s 不予支持 into 不予支援 and keeps 天后', () => {
    const hans = 'a = 法院不予支持\nb = 90 天后停止\nc = 信用卡账单日和到账日期\n';
    const plain = deriveZhHant(hans, '');
    expect(plain).toContain('a = 法院不予支援');
    expect(plain).toContain('b = 90 天后停止');
    const reviewed = deriveZhHant(hans, '', readLocaleFile('zh-Hant.glossary.tsv'));
    expect(reviewed).toContain('a = 法院不予支持');
    expect(reviewed).toContain('b = 90 天後停止');
    expect(reviewed).toContain('c = 信用卡結帳日和入帳日期');
  });
});

describe('the glossary file', () => {
  it('has reviewed rows: a note for each, Traditional Chinese targets', () => {
    expect(glossary.length).toBeGreaterThan(5);
    for (const term of glossary) {
      expect(term.note, term.hans).not.toBe('');
      expect(s2t(term.hant), term.hans).toBe(term.hant);
    }
    expect(glossary.map((term) => term.hant)).toEqual(expect.arrayContaining(['合約', '帳', '計畫', '指令', '不予支持', '天後']));
  });

  it('takes the longest term at each place', () => {
    const terms = parseGlossary('zh-Hans\tzh-Hant\tnever\tnote\n账\t帳\t賬\tx\n账单日\t結帳日\t\ty\n');
    expect(splitByGlossary('账单日前的账单', terms)).toEqual([{ term: terms[1] }, { text: '前的' }, { term: terms[0] }, { text: '单' }]);
  });

  it('refuses a malformed row instead of skipping it', () => {
    expect(() => parseGlossary('zh-Hans\tzh-Hant\tnever\tnote\n合同 合約\n')).toThrow(/line 2/);
    expect(() => parseGlossary('zh-Hans\tzh-Hant\tnever\tnote\n合同\t合約\t合約\tx\n')).toThrow(/both wanted and never/);
  });
});

describe('zh-Hant.overrides.ftl', () => {
  it('overrides only messages zh-Hans has (a renamed key would leave its override unused)', () => {
    const zhHansKeys = new Set(messages(readLocaleSource('zh-Hans')).keys());
    for (const key of overriddenKeys) expect(zhHansKeys.has(key), key).toBe(true);
  });
});
