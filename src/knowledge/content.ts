import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES, type Locale } from '../i18n/locales.ts';
import { isTopicId, TOPIC_IDS, type TopicId } from './topics.ts';

/** locales/knowledge: one folder per language, one <topic_id>.md per topic (locales/knowledge/FORMAT.md). */
export const KNOWLEDGE_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../../locales/knowledge');

/** One content file, read: the header fields and the answer body. */
export interface TopicFile {
  id: TopicId;
  locale: Locale;
  title: string;
  related: TopicId[];
  next: string | undefined;
  keywords: string[];
  body: string;
}

/** A generated file's first line (an HTML comment) is not part of the header. */
const COMMENT_LINE = /^<!--.*-->$/;

/** Parses a content file; a malformed one (no `---`, no title) is an error naming the file. */
export function parseTopicFile(id: TopicId, locale: Locale, source: string, where = `${locale}/${id}.md`): TopicFile {
  const lines = source
    .replace(/^\uFEFF/, '')
    .replace(/\r/g, '')
    .split('\n');
  const separator = lines.findIndex((line) => line.trim() === '---');
  if (separator < 0) throw new Error(`locales/knowledge/${where}: no "---" line between the header and the answer`);
  const header = new Map<string, string>();
  for (const line of lines.slice(0, separator)) {
    if (line.trim() === '' || COMMENT_LINE.test(line.trim())) continue;
    const colon = line.search(/[:：]/);
    if (colon < 0) throw new Error(`locales/knowledge/${where}: header line "${line}" is not "name: value"`);
    header.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const title = header.get('title') ?? '';
  if (title === '') throw new Error(`locales/knowledge/${where}: no title`);
  const list = (value: string | undefined) =>
    (value ?? '')
      .split(/[,，、;；]/)
      .map((item) => item.trim())
      .filter((item) => item !== '');
  const related = list(header.get('related')).filter(isTopicId);
  const next = header.get('next') || undefined;
  return {
    id,
    locale,
    title,
    related,
    next,
    keywords: list(header.get('keywords')),
    body: lines
      .slice(separator + 1)
      .join('\n')
      .trim(),
  };
}

export interface LoadedContent {
  files: Map<`${Locale}/${TopicId}`, TopicFile>;
  /** Topics with no file in a language yet, as `zh-Hans/lawsuit`. */
  missing: `${Locale}/${TopicId}`[];
}

/** Reads every <lang>/<id>.md that exists; a missing one is listed, never an error. */
export function loadContent(folder = KNOWLEDGE_FOLDER): LoadedContent {
  const files = new Map<`${Locale}/${TopicId}`, TopicFile>();
  const missing: `${Locale}/${TopicId}`[] = [];
  for (const locale of LOCALES) {
    for (const id of TOPIC_IDS) {
      const path = join(folder, locale, `${id}.md`);
      if (!existsSync(path)) {
        missing.push(`${locale}/${id}`);
        continue;
      }
      files.set(`${locale}/${id}`, parseTopicFile(id, locale, readFileSync(path, 'utf8')));
    }
  }
  return { files, missing };
}
