import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as OpenCC from 'opencc-js';
import { writeKnowledge } from './derive-knowledge.ts';
import { localesFolder } from './translator.ts';

/*
 * Traditional Chinese is generated from simplified Chinese so the two can never drift: the
 * same keys, the same variables, the same meaning. Three layers, in this order of authority:
 *   1. zh-Hant.overrides.ftl replaces whole messages where a Taiwan / Hong Kong reader would
 *      phrase the sentence differently;
 *   2. zh-Hant.glossary.tsv, the reviewed finance and legal terms: a zh-Hans term found there is
 *      written as its zh-Hant form and OpenCC never sees it (不予支持 keeps its legal 支持, 合同 is
 *      合約, 账单 is 帳單, 计划 is 計畫, 命令 is 指令);
 *   3. OpenCC's s2twp, `{ from: 'cn', to: 'twp' }`: Taiwan characters and Taiwan phrases
 *      (信息 → 資訊, 保存 → 儲存). (`to: 'tw'` would convert characters only; 'hk' / 'hkp' are the
 *      Hong Kong sets, whose phrase table is still small.)
 * Quotation marks become 「」 as Taiwan and Hong Kong write them.
 * test/i18n/zh-hant.test.ts checks the result against the glossary and for simplified characters.
 */

const ENTRY_START = /^([A-Za-z][\w-]*)\s*=/;

export type FtlChunk = { key: string | undefined; text: string };

/** Splits Fluent source into top-level chunks keyed by message id (comments travel with the following text). */
export function splitEntries(source: string): FtlChunk[] {
  const chunks: FtlChunk[] = [];
  for (const line of source.split('\n')) {
    const match = ENTRY_START.exec(line);
    const last = chunks[chunks.length - 1];
    if (match || !last || (line.startsWith('#') && last.key !== undefined)) {
      chunks.push({ key: match?.[1], text: line });
    } else {
      last.text += `\n${line}`;
    }
  }
  return chunks;
}

export type GlossaryTerm = { hans: string; hant: string; never: string[]; note: string };

/** Reads zh-Hant.glossary.tsv: a header row, then zh-Hans, zh-Hant, never (comma-separated), note; # starts a comment line. */
export function parseGlossary(source: string): GlossaryTerm[] {
  const terms: GlossaryTerm[] = [];
  const rows = source
    .split('\n')
    .map((line, index) => ({ line: line.replace(/\r$/, ''), number: index + 1 }))
    .filter(({ line }) => line.trim() !== '' && !line.startsWith('#'));
  for (const { line, number } of rows.slice(1)) {
    const [hans = '', hant = '', never = '', note = '', ...rest] = line.split('\t');
    if (hans.trim() === '' || hant.trim() === '' || rest.length > 0) {
      throw new Error(`locales/zh-Hant.glossary.tsv line ${number}: expected zh-Hans<TAB>zh-Hant<TAB>never<TAB>note`);
    }
    if (terms.some((term) => term.hans === hans)) throw new Error(`locales/zh-Hant.glossary.tsv line ${number}: ${hans} is listed twice`);
    const forbidden = never
      .split(',')
      .map((form) => form.trim())
      .filter((form) => form !== '');
    if (forbidden.includes(hant)) throw new Error(`locales/zh-Hant.glossary.tsv line ${number}: ${hant} is both wanted and never`);
    terms.push({ hans, hant, never: forbidden, note });
  }
  return terms;
}

/**
 * Cuts simplified text into glossary terms and the text between them, left to right, taking the
 * longest term that starts at each place (账单日 before 账).
 */
export function splitByGlossary(text: string, glossary: GlossaryTerm[]): ({ term: GlossaryTerm } | { text: string })[] {
  const longestFirst = [...glossary].sort((a, b) => b.hans.length - a.hans.length);
  const pieces: ({ term: GlossaryTerm } | { text: string })[] = [];
  let plain = '';
  let at = 0;
  while (at < text.length) {
    const term = longestFirst.find((candidate) => text.startsWith(candidate.hans, at));
    if (term) {
      if (plain !== '') pieces.push({ text: plain });
      plain = '';
      pieces.push({ term });
      at += term.hans.length;
    } else {
      plain += text[at];
      at += 1;
    }
  }
  if (plain !== '') pieces.push({ text: plain });
  return pieces;
}

/** The zh-Hans file's own title lines (up to the first blank line) describe zh-Hans; zh-Hant gets its own. */
function withoutTitle(source: string): string {
  return source.startsWith('##') ? source.replace(/^(?:##[^\n]*\n)+\n/, '') : source;
}

/** The converter of one piece of text: glossary terms first, OpenCC s2twp for the rest, 「」 quotes. */
function zhHantConverter(glossarySource: string): (text: string) => string {
  const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'twp' });
  const glossary = parseGlossary(glossarySource);
  return (text: string) =>
    splitByGlossary(text, glossary)
      .map((piece) => ('term' in piece ? piece.term.hant : toTaiwan(piece.text)))
      .join('')
      .replace(/“/g, '「')
      .replace(/”/g, '」')
      .replace(/‘/g, '『')
      .replace(/’/g, '』');
}

export function deriveZhHant(zhHansSource: string, overridesSource: string, glossarySource = ''): string {
  const convert = zhHantConverter(glossarySource);
  const overrides = new Map<string, string>();
  for (const chunk of splitEntries(overridesSource)) {
    if (chunk.key) overrides.set(chunk.key, chunk.text.trimEnd());
  }
  const header = [
    '# GENERATED from zh-Hans.ftl by `npm run locales` (OpenCC s2twp + zh-Hant.glossary.tsv + zh-Hant.overrides.ftl). Do not edit.',
    '## repaybot — 繁體中文',
    '## 請修改 zh-Hans.ftl、zh-Hant.glossary.tsv（術語）或 zh-Hant.overrides.ftl（整句），再執行 npm run locales。',
    '',
    '',
  ].join('\n');
  const body = splitEntries(withoutTitle(zhHansSource))
    .map((chunk) => {
      const override = chunk.key ? overrides.get(chunk.key) : undefined;
      if (override === undefined) return convert(chunk.text);
      // Keep the blank lines that separated the original entry from the next one.
      const trailing = /\n*$/.exec(chunk.text)?.[0] ?? '';
      return override + trailing;
    })
    .join('\n');
  return header + body;
}

export const readLocaleFile = (name: string) => readFileSync(resolve(localesFolder, name), 'utf8');

export function zhHantFromFiles(): string {
  return deriveZhHant(readLocaleFile('zh-Hans.ftl'), readLocaleFile('zh-Hant.overrides.ftl'), readLocaleFile('zh-Hant.glossary.tsv'));
}

/** The pipeline the knowledge-base files go through (src/i18n/derive-knowledge.ts), glossary read once. */
export function knowledgeConverter(): (zhHans: string) => string {
  return zhHantConverter(readLocaleFile('zh-Hant.glossary.tsv'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(resolve(localesFolder, 'zh-Hant.ftl'), zhHantFromFiles());
  console.log('locales/zh-Hant.ftl written');
  // The knowledge base's zh-Hant answers and the matcher's fold table (issue 10), same pipeline.
  console.log(
    `locales/knowledge/zh-Hant: ${writeKnowledge(knowledgeConverter()).length} files written; src/knowledge/traditional-fold.ts written`,
  );
}
