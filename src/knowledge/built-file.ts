import { existsSync, readFileSync } from 'node:fs';

/*
 * The framing shared by the files of locales/knowledge/built/ (index-file.ts, model.ts): a head
 * object (its format and the hash of what it was built from, among the rest) and one sorted row a
 * term, each on its own line, so a content or training edit shows as the few rows it changed.
 */

/** The file's text: the head's fields, then `"<key>":[` and one `[term, …cells]` row a line, sorted by term. */
export function writeBuiltFile(head: object, key: string, rows: Iterable<[string, (string | number)[]]>): string {
  const lines = [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([term, cells]) => JSON.stringify([term, ...cells]));
  return `${JSON.stringify(head).slice(0, -1)},"${key}":[\n${lines.join(',\n')}\n]}\n`;
}

/** A built file's text, or undefined when there is none (a fresh folder, a test's fixture). */
export function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/**
 * The head of a built file's text when it is JSON, has this format and was built from `source`;
 * undefined otherwise (the caller builds afresh). The caller checks the rest of its shape.
 */
export function parseBuiltFile(text: string, format: number, source: string): Record<string, unknown> | undefined {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof file !== 'object' || file === null) return undefined;
  const head = file as Record<string, unknown>;
  return head.format === format && head.source === source ? head : undefined;
}
