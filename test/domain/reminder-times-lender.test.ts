import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.ts';
import { localDateTime, zonedInstant } from '../../src/domain/local-time.ts';
import {
  DEFAULT_REMINDER_SETTINGS,
  deadlineEnd,
  lateDueDaySlot,
  latestDueSlot,
  nextSlotAfter,
  reminderDueDate,
  reminderSlots,
  type ReminderSettings,
} from '../../src/domain/reminder-times.ts';

/*
 * Reminder days when the due date is the lender's date in another zone: every reminder before
 * the deadline (23:59:59 of the due date where the lender is) except the overdue ones, which
 * come after it; the due-day reminder is the last one at the borrower's reminder time before it.
 */

const settings = (timeZone: string, over: Partial<ReminderSettings> = {}): ReminderSettings => ({
  ...DEFAULT_REMINDER_SETTINGS,
  timeZone,
  ...over,
});

const ZONES = [
  'Asia/Shanghai',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'Pacific/Auckland',
  'Asia/Kolkata',
  'Pacific/Honolulu',
  'Pacific/Kiritimati',
  'Australia/Lord_Howe',
];
/** Reminder times outside the default quiet hours (21:00–08:00), as /settings allows them. */
const TIMES = ['08:00', '09:00', '12:00', '16:30', '20:59'];

describe('deadlineEnd', () => {
  it('is the start of the next day where the lender is', () => {
    expect(deadlineEnd('2027-01-15', 'Asia/Shanghai').toISOString()).toBe('2027-01-15T16:00:00.000Z');
    expect(deadlineEnd('2027-01-15', 'America/New_York').toISOString()).toBe('2027-01-16T05:00:00.000Z');
    // The day New York's clocks go forward is 23 hours long; its end is still midnight local.
    expect(deadlineEnd('2027-03-14', 'America/New_York').toISOString()).toBe('2027-03-15T04:00:00.000Z');
  });
});

describe('reminder days against the lender’s deadline', () => {
  it('with the lender in the borrower’s zone (or none given) they are exactly as before', () => {
    for (const zone of ZONES) {
      for (const reminderTime of TIMES) {
        const s = settings(zone, { reminderTime });
        expect(reminderSlots('2027-03-14', s, zone)).toEqual(reminderSlots('2027-03-14', s));
        expect(reminderDueDate('2027-03-14', s, zone)).toBe('2027-03-14');
      }
    }
  });

  it('before the deadline until the due day, after it from the first overdue one; the due day is the last chance', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom(...ZONES),
        fc.constantFrom(...TIMES),
        fc.integer({ min: 0, max: 730 }),
        (borrower, lender, reminderTime, offset) => {
          const due = addDays('2027-01-01', offset);
          const s = settings(borrower, { reminderTime });
          const end = deadlineEnd(due, lender).getTime();
          const slots = reminderSlots(due, s, lender);
          for (const slot of slots) {
            if (slot.kind.startsWith('overdue')) expect(slot.fireAt.getTime(), `${slot.kind} ${due}`).toBeGreaterThanOrEqual(end);
            else expect(slot.fireAt.getTime(), `${slot.kind} ${due}`).toBeLessThan(end);
          }
          // The next day's reminder time would be after the deadline.
          const dueDay = reminderDueDate(due, s, lender);
          expect(slots.find((slot) => slot.kind === 'due')?.localDate).toBe(dueDay);
          expect(zonedInstant(addDays(dueDay, 1), reminderTime, borrower).getTime()).toBeGreaterThanOrEqual(end);
          // nextSlotAfter and latestDueSlot walk the same slots.
          const first = slots[0];
          if (first) expect(nextSlotAfter(due, s, new Date(first.fireAt.getTime() - 1), lender)).toEqual(first);
          const last = slots.at(-1);
          if (last) expect(latestDueSlot(due, s, undefined, last.fireAt, lender)).toEqual(last);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a Beijing borrower of a London lender: due-day reminder on the 15th at 09:00 (the deadline is 07:59 on the 16th)', () => {
    const s = settings('Asia/Shanghai');
    const due = reminderSlots('2027-01-15', s, 'Europe/London').find((slot) => slot.kind === 'due');
    expect(due && localDateTime(due.fireAt, 'Asia/Shanghai')).toEqual({ date: '2027-01-15', time: '09:00' });
    const overdue = reminderSlots('2027-01-15', s, 'Europe/London').find((slot) => slot.kind === 'overdue-1');
    expect(overdue && localDateTime(overdue.fireAt, 'Asia/Shanghai')).toEqual({ date: '2027-01-16', time: '09:00' });
  });
});

describe('lateDueDaySlot (a loan added on its due day)', () => {
  const s = settings('Asia/Shanghai');
  it('after the reminder time and before the deadline: now', () => {
    const now = new Date('2027-01-15T14:00:00+08:00');
    expect(lateDueDaySlot('2027-01-15', s, now)).toEqual({ kind: 'due', localDate: '2027-01-15', fireAt: now });
  });
  it('in quiet hours: when they end, the next morning', () => {
    expect(lateDueDaySlot('2027-01-15', s, new Date('2027-01-15T22:00:00+08:00'))?.fireAt.toISOString()).toBe('2027-01-16T00:00:00.000Z');
  });
  it('none before the reminder time, after the deadline, or without a due-day reminder', () => {
    expect(lateDueDaySlot('2027-01-15', s, new Date('2027-01-15T08:30:00+08:00'))).toBeUndefined();
    expect(lateDueDaySlot('2027-01-15', s, new Date('2027-01-16T00:30:00+08:00'))).toBeUndefined();
    expect(lateDueDaySlot('2027-01-15', { ...s, daysBefore: [3, 1] }, new Date('2027-01-15T14:00:00+08:00'))).toBeUndefined();
  });
  it('with a New York lender, the Beijing borrower still has until 12:59 the next day', () => {
    expect(lateDueDaySlot('2027-01-15', s, new Date('2027-01-16T10:00:00+08:00'), 'America/New_York')?.kind).toBe('due');
    expect(lateDueDaySlot('2027-01-15', s, new Date('2027-01-16T13:00:00+08:00'), 'America/New_York')).toBeUndefined();
  });
});
