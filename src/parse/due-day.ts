import { fail, normalizeForMatching, ok, type ParseResult } from './result.ts';

// In simplified: the text is folded first (每個月15號 reads as 每个月15号).
const DUE_DAY =
  /^(?:每月|每个月)?\s*(\d{1,2})\s*(?:号|日)$|^(?:(?:every|day|on)\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?(?:\s+of\s+(?:the|every)\s+month)?$/i;
const MARKER = /号|日|every|day|on|st|nd|rd|th|the/i;

/**
 * "15号", "每月15日", "每個月15號", "day 15", "every 15th", "the 31st": a day of the month, 1..31.
 * A bare number is refused: "12" alone reads better as a date typo, so a marker is required.
 */
export function parseDueDay(text: string): ParseResult<number> {
  const folded = normalizeForMatching(text);
  const match = DUE_DAY.exec(folded);
  const day = Number(match?.[1] ?? match?.[2]);
  if (!match || !MARKER.test(folded)) return fail('due-day-not-understood');
  return day >= 1 && day <= 31 ? ok(day) : fail('due-day-not-understood');
}
