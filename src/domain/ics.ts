import type { IsoDate } from './calendar.ts';
import { addDays } from './calendar.ts';

/*
 * An iCalendar (RFC 5545) writer for the borrower's due dates (/calendar, issue 14): all-day
 * events with alarms, nothing more. Written here rather than taken from a library because the
 * subset is small and the rules that matter are exact: CRLF line ends, content lines folded at
 * 75 octets without splitting a UTF-8 character, TEXT escaping of \ ; , and newlines. Pure: the
 * caller passes the DTSTAMP instant.
 */

export interface IcsAlarm {
  /** Minutes from the start of the event's day (00:00); negative = days before, e.g. -900 = 09:00 the day before. */
  minutesFromStart: number;
  description: string;
}

export interface IcsEvent {
  /** Stable across exports, so a calendar app updates the event instead of adding a second one. */
  uid: string;
  /** The all-day event's date (a calendar date, not an instant). */
  date: IsoDate;
  summary: string;
  description?: string;
  alarms: IcsAlarm[];
}

export interface IcsCalendar {
  /** PRODID, e.g. -//repaybot//calendar//EN */
  prodId: string;
  /** X-WR-CALNAME: the calendar's name in apps that show one. */
  name?: string;
  /** DTSTAMP of every event: when this file was made. */
  stamp: Date;
  events: readonly IcsEvent[];
}

const MAX_OCTETS = 75;

const TEXT_SPECIALS = /\r\n|[\\;,\r\n]|\p{Cc}/gu;

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newlines escaped; other control characters dropped. */
export function escapeText(value: string): string {
  // One pass (the ICS of 360 installments escapes some 2,000 values; see bench/ics.ts).
  return value.replace(TEXT_SPECIALS, (ch) => {
    if (ch === '\\' || ch === ';' || ch === ',') return `\\${ch}`;
    if (ch === '\r\n' || ch === '\r' || ch === '\n') return '\\n';
    return ch === '\t' ? ch : '';
  });
}

/**
 * One content line folded per §3.1: no physical line longer than 75 octets (the leading space
 * of a continuation counts), breaks only between code points so a Chinese character or an emoji
 * is never cut in half. Lines end with CRLF. Octets are counted from the UTF-16 units as UTF-8
 * encodes them (a surrogate pair 4, a lone surrogate 3 as its replacement character), and the
 * pieces are sliced, not built a character at a time: a 360-installment file folds in about a
 * millisecond (bench/ics.ts).
 */
export function foldLine(line: string): string {
  // No UTF-16 unit takes more than 3 octets: a line this short always fits.
  if (line.length <= MAX_OCTETS / 3) return `${line}\r\n`;
  let out = '';
  let start = 0;
  let used = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    let size = 3;
    let units = 1;
    if (c < 0x80) size = 1;
    else if (c < 0x800) size = 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = line.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        size = 4;
        units = 2;
      }
    }
    if (used + size > MAX_OCTETS) {
      out += `${line.slice(start, i)}\r\n `;
      start = i;
      used = 1;
    }
    used += size;
    i += units - 1;
  }
  return `${out}${line.slice(start)}\r\n`;
}

/** A DURATION (§3.3.6) for the given minutes: -900 → -PT15H, 540 → PT9H, -3780 → -P2DT15H. */
export function durationOf(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  let rest = Math.abs(Math.trunc(minutes));
  const days = Math.floor(rest / 1440);
  rest -= days * 1440;
  const hours = Math.floor(rest / 60);
  const mins = rest - hours * 60;
  let time = '';
  if (hours > 0) time += `${hours}H`;
  if (mins > 0) time += `${mins}M`;
  if (days === 0 && time === '') return 'PT0S';
  return `${sign}P${days > 0 ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

function basicDate(date: IsoDate): string {
  return date.replace(/-/g, '');
}

/** UTC date-time in basic format: 20261202T220000Z. */
function utcStamp(instant: Date): string {
  return `${instant.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** The whole VCALENDAR as one string (UTF-8 when encoded), CRLF line ends, every line folded. */
export function buildIcs(calendar: IcsCalendar): string {
  const stamp = utcStamp(calendar.stamp);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(calendar.prodId)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (calendar.name !== undefined) lines.push(`X-WR-CALNAME:${escapeText(calendar.name)}`);
  for (const event of calendar.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basicDate(event.date)}`,
      // DTEND is exclusive: a one-day event ends at the start of the next day.
      `DTEND;VALUE=DATE:${basicDate(addDays(event.date, 1))}`,
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.description !== undefined) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    // A due date shows as free time: it is a deadline, not a meeting.
    lines.push('TRANSP:TRANSPARENT');
    for (const alarm of event.alarms) {
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `TRIGGER;RELATED=START:${durationOf(alarm.minutesFromStart)}`,
        `DESCRIPTION:${escapeText(alarm.description)}`,
        'END:VALARM',
      );
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('');
}
