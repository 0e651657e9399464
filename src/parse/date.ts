import { isValidDate, makeIsoDate, type IsoDate } from '../domain/calendar.ts';
import { fail, isTooLong, normalizeForMatching, ok, type ParseResult } from './result.ts';

/** Due dates outside this window are typos (2062 for 2026), not loans. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

// Year first only: "10/12/2026" is 10 December in China and the UK but October 12 in the US,
// so day-first and month-first forms are refused rather than guessed.
const SEPARATED = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** "2026-12-10", "2026/12/10", "2026.12.10", "2026-1-5", "2026年12月10日" (or 号/號), "20261210". */
export function parseDate(text: string): ParseResult<IsoDate> {
  if (isTooLong(text)) return fail('text-too-long');
  const s = normalizeForMatching(text);
  let parts: [string, string, string] | undefined;
  const separated = SEPARATED.exec(s);
  if (separated) parts = [separated[1] as string, separated[3] as string, separated[4] as string];
  const chinese = parts ? null : (CHINESE.exec(s) ?? COMPACT.exec(s));
  if (chinese) parts = [chinese[1] as string, chinese[2] as string, chinese[3] as string];
  if (!parts) return fail('date-not-understood');
  const [y, m, d] = parts.map(Number) as [number, number, number];
  if (y < MIN_YEAR || y > MAX_YEAR) return fail('date-out-of-range');
  if (!isValidDate(y, m, d)) return fail('date-impossible');
  return ok(makeIsoDate(y, m, d));
}
