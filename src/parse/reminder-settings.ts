import type { ReminderSettings } from '../domain/reminder-times.ts';
import { readLocalTime } from './local-time.ts';
import { fail, normalizeText, ok, type ParseResult } from './result.ts';
import { parseTimeZone } from './time-zone.ts';

/** Time zones are read in one place (./time-zone.ts); re-exported for callers that import it from here. */
export { parseTimeZone };

/*
 * What a borrower types (or a button sends) for one reminder setting in /settings. Each reader
 * only says whether the text is a value of the right shape; whether the whole set of settings
 * holds together (days 0..30, a reminder time outside quiet hours) is the domain's check.
 */

export const REMINDER_SETTING_FIELDS = ['timeZone', 'reminderTime', 'daysBefore', 'overdueDays', 'quietHours'] as const;
export type ReminderSettingField = (typeof REMINDER_SETTING_FIELDS)[number];

/** The settings one answer changes. */
export type ReminderSettingsChange = Partial<
  Pick<ReminderSettings, 'timeZone' | 'reminderTime' | 'daysBefore' | 'overdueDays' | 'quietStart' | 'quietEnd'>
>;

/** The zones /settings offers as buttons (parseTimeZone reads them, and typed names such as 北京 or UTC+8). */
export const TIME_ZONE_CHOICES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'Europe/London', 'America/New_York'];

/**
 * A list of day counts: "3,1,0", "7 3 1 0", "3、1、0", "3，1". Whole numbers, each sign kept
 * (the range is the domain's check), duplicates dropped, largest first.
 */
export function parseDayList(text: string): ParseResult<number[]> {
  const parts = normalizeText(text)
    .split(/[\s,、;，]+/)
    .filter(Boolean);
  if (parts.length === 0 || parts.some((p) => !/^[+-]?\d{1,3}$/.test(p))) return fail('days-not-understood');
  return ok([...new Set(parts.map((p) => Math.abs(Number(p)) * (p.startsWith('-') ? -1 : 1)))].sort((a, b) => b - a));
}

/** Quiet hours as two times: "21:00-08:00", "22:00 to 7:30", "晚上10点到早上7点", "23:00～09:00". */
export function parseQuietHours(text: string): ParseResult<{ quietStart: string; quietEnd: string }> {
  const [start, end, ...rest] = normalizeText(text).split(/\s*(?:-|–|—|~|～|至|到|to)\s*/i);
  const quietStart = start ? readLocalTime(start) : undefined;
  const quietEnd = end ? readLocalTime(end) : undefined;
  if (!quietStart?.ok || !quietEnd?.ok || rest.length > 0) return fail('quiet-hours-not-understood');
  return ok({ quietStart: quietStart.value, quietEnd: quietEnd.value });
}

/** Reads a typed or pressed value for one setting. */
export function parseReminderSetting(field: ReminderSettingField, text: string): ParseResult<ReminderSettingsChange> {
  const value = normalizeText(text);
  switch (field) {
    case 'timeZone': {
      const zone = parseTimeZone(value);
      return zone.ok ? ok({ timeZone: zone.value }) : zone;
    }
    case 'reminderTime': {
      const time = readLocalTime(value);
      return time.ok ? ok({ reminderTime: time.value }) : time;
    }
    case 'daysBefore': {
      const days = parseDayList(value);
      return days.ok ? ok({ daysBefore: days.value }) : days;
    }
    case 'overdueDays': {
      const days = parseDayList(value);
      return days.ok ? ok({ overdueDays: days.value.sort((a, b) => a - b) }) : days;
    }
    case 'quietHours':
      return parseQuietHours(value);
  }
}
