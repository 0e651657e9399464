import { fail, isTooLong, ok, type ParseResult } from './result.ts';

/** Long enough for "招商银行信用卡账单分期 2026" and a note; short enough for a button label. */
export const MAX_NAME_LENGTH = 60;

/**
 * A loan's display name: trimmed, inner whitespace collapsed, 1..60 characters (code points, so
 * a Chinese character or an emoji counts once). NFKC so full-width letters match what the
 * borrower sees elsewhere. Control and bidi-override characters are dropped: they could make a
 * name display as something else in a chat list.
 */
export function parseName(text: string): ParseResult<string> {
  if (isTooLong(text)) return fail('text-too-long');
  const name = text
    .normalize('NFKC')
    .replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069\u200B\uFEFF]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (name === '') return fail('name-empty');
  if (isTooLong(name, MAX_NAME_LENGTH)) return fail('name-too-long');
  return ok(name);
}
