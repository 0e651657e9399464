import { parseDigitsOrNumeral } from './chinese-number.ts';
import { fail, isTooLong, normalizeForMatching, ok, type ParseResult } from './result.ts';

// In simplified: the text is folded first (每個月15號 reads as 每个月15号, 還款 as 还款).
const DAY = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
/** 15号, 每月15日, 每个月的十五号, 每月15号还款, and 每月15 (每月 is marker enough). */
const CHINESE = new RegExp(`^(?:每个?月\\s*的?\\s*)?${DAY}\\s*[号日]\\s*(?:还款?)?$|^每个?月\\s*的?\\s*${DAY}\\s*(?:还款?)?$`);
const ENGLISH =
  /^(?:(?:(?:every|each)\s+month|monthly)(?:\s+on)?\s+)?(?:(?:every|day|on)\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?(?:the|every|each)\s+month)?$/i;
const MARKER = /every|each|month|day|on|st|nd|rd|th|the/i;
/** 月底, 每月最后一天, "end of the month", "last day of every month": the 31st, clamped by the calendar. */
const MONTH_END =
  /^(?:每个?月\s*的?\s*)?(?:月底|月末|最后一天)(?:还款?)?$|^(?:on\s+)?(?:the\s+)?(?:end|last\s+day)\s+of\s+(?:the|every|each)\s+month$|^month[-\s]?end$/i;

/**
 * A day of the month, 1..31: "15号", "每月15日", "每個月15號", "每月的十五号", "每月15", "day 15",
 * "every 15th", "the 31st", "15th of each month", "monthly on the 15th". The month's end (月底,
 * "end of the month") is 31: the schedule clamps it to each month's last day (28 February,
 * 30 April). A bare number is refused: "12" alone reads better as a date typo, so a marker is
 * required.
 */
export function parseDueDay(text: string): ParseResult<number> {
  if (isTooLong(text)) return fail('text-too-long');
  const folded = normalizeForMatching(text);
  if (MONTH_END.test(folded)) return ok(31);
  const chinese = CHINESE.exec(folded);
  const english = chinese ? null : ENGLISH.exec(folded);
  const written = chinese ? (chinese[1] ?? chinese[2]) : english && MARKER.test(folded) ? english[1] : undefined;
  if (written === undefined) return fail('due-day-not-understood');
  const day = parseDigitsOrNumeral(written);
  return day !== undefined && day >= 1 && day <= 31 ? ok(day) : fail('due-day-not-understood');
}
