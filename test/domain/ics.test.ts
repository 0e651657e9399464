import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildIcs, durationOf, escapeText, foldLine, type IcsEvent } from '../../src/domain/ics.ts';

/*
 * The ICS writer read back by an independent parser (ical.js), as a calendar app would read it:
 * dates, summaries, UIDs and alarms come out as written, whatever the name holds.
 */

const STAMP = new Date('2026-12-02T22:00:00Z');
const encoder = new TextEncoder();

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString(),
      isDate: event.startDate.isDate,
      end: event.endDate.toString(),
      stamp: component.getFirstPropertyValue('dtstamp')?.toString(),
      alarms: component.getAllSubcomponents('valarm').map((alarm) => {
        const trigger = alarm.getFirstPropertyValue('trigger') as ICAL.Duration;
        // When the alarm rings for a floating all-day event: its start plus the trigger.
        const at = event.startDate.clone();
        at.isDate = false;
        at.addDuration(trigger);
        return { trigger: trigger.toString(), at: at.toString(), action: alarm.getFirstPropertyValue('action') };
      }),
    };
  });
}

const event = (over: Partial<IcsEvent> = {}): IcsEvent => ({
  uid: 'loan-1-installment-1@repaybot',
  date: '2027-01-15',
  summary: 'Repay 888.49 · car',
  alarms: [],
  ...over,
});

describe('buildIcs', () => {
  it('all-day events on their dates, with UID, DTSTAMP and alarms relative to the day start', () => {
    const text = buildIcs({
      prodId: '-//repaybot//calendar//EN',
      name: 'Loan repayments',
      stamp: STAMP,
      events: [
        event({
          description: 'car: installment 1 of 12',
          alarms: [
            { minutesFromStart: 540 - 3 * 1440, description: 'three days before' },
            { minutesFromStart: 540 - 1440, description: 'the day before' },
            { minutesFromStart: 540, description: 'on the day' },
          ],
        }),
        // 29 Feb and a year's last day: DTEND is the next day, across the month and the year.
        event({ uid: 'loan-1-installment-2@repaybot', date: '2028-02-29' }),
        event({ uid: 'loan-2-installment-1@repaybot', date: '2027-12-31' }),
      ],
    });
    const events = parse(text);
    expect(events.map((e) => [e.uid, e.start, e.end, e.isDate])).toEqual([
      ['loan-1-installment-1@repaybot', '2027-01-15', '2027-01-16', true],
      ['loan-1-installment-2@repaybot', '2028-02-29', '2028-03-01', true],
      ['loan-2-installment-1@repaybot', '2027-12-31', '2028-01-01', true],
    ]);
    expect(events[0]?.stamp).toBe('2026-12-02T22:00:00Z');
    expect(events[0]?.summary).toBe('Repay 888.49 · car');
    expect(events[0]?.description).toBe('car: installment 1 of 12');
    expect(events[0]?.alarms).toEqual([
      { trigger: '-P2DT15H', at: '2027-01-12T09:00:00', action: 'DISPLAY' },
      { trigger: '-PT15H', at: '2027-01-14T09:00:00', action: 'DISPLAY' },
      { trigger: 'PT9H', at: '2027-01-15T09:00:00', action: 'DISPLAY' },
    ]);
    expect(events[1]?.alarms).toEqual([]);
  });

  it('a 200-character name, emoji, Chinese and TEXT specials survive escaping and folding', () => {
    const long = `${'房贷'.repeat(40)}👨‍👩‍👧‍👦💸${'a,b;c\\d'.repeat(15)}\nsecond line`;
    expect([...long].length).toBeGreaterThan(200);
    const text = buildIcs({ prodId: '-//repaybot//calendar//EN', stamp: STAMP, events: [event({ summary: long, description: long })] });
    const [parsed] = parse(text);
    expect(parsed?.summary).toBe(long);
    expect(parsed?.description).toBe(long);
    // RFC 5545 §3.1: CRLF only, and no physical line over 75 octets.
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines.some((line) => line.includes('\n') || line.includes('\r'))).toBe(false);
    for (const line of lines) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    // Folding never cut a character: every physical line is valid UTF-8 on its own.
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (const line of lines) expect(() => strict.decode(encoder.encode(line))).not.toThrow();
  });

  it('an empty calendar is still a valid VCALENDAR', () => {
    const calendar = new ICAL.Component(ICAL.parse(buildIcs({ prodId: 'x', stamp: STAMP, events: [] })));
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  });
});

describe('the pieces', () => {
  it('escapeText escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('foldLine breaks between code points at 75 octets, continuation lines start with a space', () => {
    // 8 + 30 × 3 octets: 22 characters fit the first line (74 octets; a 23rd would make 77).
    const folded = foldLine(`SUMMARY:${'贷'.repeat(30)}`);
    const lines = folded.split('\r\n').filter((l) => l !== '');
    expect(lines.map((l) => encoder.encode(l).length)).toEqual([74, 25]);
    expect(lines[1]?.startsWith(' ')).toBe(true);
    expect(foldLine('SHORT:x')).toBe('SHORT:x\r\n');
  });

  it('foldLine, for any text: every physical line ≤ 75 octets, unfolding gives the line back, no character cut in half', () => {
    const piece = fc.oneof(
      fc.constantFrom('🚗', '贷', 'é', 'a', ' ', '\ud83d', '\ude97', '𠀀'),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const line = `DESCRIPTION:${pieces.join('')}`;
        const folded = foldLine(line);
        expect(folded.endsWith('\r\n')).toBe(true);
        const physical = folded.slice(0, -2).split('\r\n');
        for (const [i, l] of physical.entries()) {
          expect(encoder.encode(l).length).toBeLessThanOrEqual(75);
          if (i > 0) expect(l.startsWith(' ')).toBe(true);
          // A break never falls between the two halves of a surrogate pair.
          expect(/[\uD800-\uDBFF]$/.test(l) && /^ [\uDC00-\uDFFF]/.test(physical[i + 1] ?? '')).toBe(false);
        }
        expect(physical.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
      }),
      { numRuns: 2000 },
    );
  });

  it('durationOf writes RFC 5545 durations', () => {
    expect([durationOf(540), durationOf(-900), durationOf(-3780), durationOf(0), durationOf(570), durationOf(-30)]).toEqual([
      'PT9H',
      '-PT15H',
      '-P2DT15H',
      'PT0S',
      'PT9H30M',
      '-PT30M',
    ]);
  });
});
