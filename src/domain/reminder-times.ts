import { addDays, isValidTimeZone, type IsoDate } from './calendar.ts';
import { epochDay, isLocalTime, localDateTime, minutesOfDay, resolveLocal, type LocalTime } from './local-time.ts';

/**
 * WHEN a borrower is reminded: on their own calendar, at the time of day they chose, never in
 * their quiet hours. Pure: every function takes the instant it reasons about; nothing reads a
 * clock or the host's time zone.
 */
export interface ReminderSettings {
  /** IANA zone name: decides which calendar day "3 days before" is and what 09:00 means. */
  timeZone: string;
  reminderTime: LocalTime;
  /** Days before the due date; 0 = on the due day. Each 0..30. */
  daysBefore: number[];
  /** Days after the due date while still unpaid. Each 1..30. */
  overdueDays: number[];
  /** Then every 7 days after the last overdueDays entry, while still unpaid. */
  overdueWeekly: boolean;
  /** No overdue reminder later than this many days past due; null = never stop (see OPEN_ENDED_DAYS). */
  overdueStopAfterDays: number | null;
  /** Quiet window [quietStart, quietEnd) in local time; it may wrap midnight (21:00–08:00). */
  quietStart: LocalTime;
  quietEnd: LocalTime;
}

export const DEFAULT_REMINDER_SETTINGS: Omit<ReminderSettings, 'timeZone'> = Object.freeze({
  reminderTime: '09:00',
  daysBefore: Object.freeze([3, 1, 0]) as number[],
  overdueDays: Object.freeze([1, 3, 7]) as number[],
  overdueWeekly: true,
  overdueStopAfterDays: 90,
  quietStart: '21:00',
  quietEnd: '08:00',
});

export type ReminderKind = `before-${number}` | 'due' | `overdue-${number}`;

export interface ReminderSlot {
  kind: ReminderKind;
  /** The calendar day the reminder belongs to (due ∓ d), even when quiet hours push it to the next morning. */
  localDate: IsoDate;
  fireAt: Date;
}

/**
 * How far weekly follow-ups go when they never stop: a year past due is enough for any
 * reminder to still be useful, and it keeps the slot list finite.
 */
export const OPEN_ENDED_DAYS = 365;

const MAX_OFFSET_DAYS = 30;
const MAX_STOP_AFTER_DAYS = OPEN_ENDED_DAYS;
const DAY_MS = 86_400_000;

export function validateReminderSettings(s: ReminderSettings): { field: keyof ReminderSettings; allowed: string }[] {
  const errors: { field: keyof ReminderSettings; allowed: string }[] = [];
  const days = (xs: unknown, min: number): boolean =>
    Array.isArray(xs) && xs.every((x) => Number.isInteger(x) && x >= min && x <= MAX_OFFSET_DAYS);
  if (!isValidTimeZone(s.timeZone)) {
    errors.push({ field: 'timeZone', allowed: 'an IANA time zone name, such as Asia/Shanghai or Europe/London' });
  }
  if (!isLocalTime(s.reminderTime)) errors.push({ field: 'reminderTime', allowed: 'a time of day as HH:MM, 00:00 to 23:59' });
  if (!days(s.daysBefore, 0)) {
    errors.push({ field: 'daysBefore', allowed: `whole numbers of days from 0 (the due day) to ${MAX_OFFSET_DAYS}` });
  }
  if (!days(s.overdueDays, 1)) {
    errors.push({ field: 'overdueDays', allowed: `whole numbers of days from 1 to ${MAX_OFFSET_DAYS}` });
  }
  if (typeof s.overdueWeekly !== 'boolean') errors.push({ field: 'overdueWeekly', allowed: 'true or false' });
  const stop = s.overdueStopAfterDays;
  if (stop !== null && !(Number.isInteger(stop) && stop >= 0 && stop <= MAX_STOP_AFTER_DAYS)) {
    errors.push({
      field: 'overdueStopAfterDays',
      allowed: `a whole number of days from 0 to ${MAX_STOP_AFTER_DAYS}, or none (never stop)`,
    });
  }
  const startOk = isLocalTime(s.quietStart);
  const endOk = isLocalTime(s.quietEnd);
  if (!startOk) errors.push({ field: 'quietStart', allowed: 'a time of day as HH:MM, 00:00 to 23:59' });
  if (!endOk) errors.push({ field: 'quietEnd', allowed: 'a time of day as HH:MM, 00:00 to 23:59' });
  // Equal ends would mean either no quiet hours or all-day quiet; neither is a window, and
  // all-day quiet would silently swallow every reminder.
  if (startOk && endOk && s.quietStart === s.quietEnd) {
    errors.push({ field: 'quietEnd', allowed: 'a time different from quietStart (quiet hours cannot be empty or all day)' });
  }
  return errors;
}

// --- quiet hours ------------------------------------------------------------------------------

interface QuietWindow {
  start: number;
  end: number;
}

function quietWindow(s: ReminderSettings): QuietWindow {
  return { start: minutesOfDay(s.quietStart), end: minutesOfDay(s.quietEnd) };
}

/**
 * THE quiet-hours rule, on minutes of the day: [start, end), which may wrap midnight; the end
 * minute itself is not quiet, so quietEnd 08:00 sends at 08:00. Everything that asks whether a
 * time is quiet (reminder timing, the /settings check) comes here.
 */
function inQuiet(minute: number, w: QuietWindow): boolean {
  if (w.start === w.end) return false; // rejected by validation; treat as no window
  return w.start < w.end ? minute >= w.start && minute < w.end : minute >= w.start || minute < w.end;
}

/** Whether a wall-clock time falls in the quiet hours [start, end) (which may wrap midnight). */
export function isInQuietHours(time: LocalTime, start: LocalTime, end: LocalTime): boolean {
  return inQuiet(minutesOfDay(time), { start: minutesOfDay(start), end: minutesOfDay(end) });
}

export function isQuiet(instant: Date, settings: ReminderSettings): boolean {
  return isInQuietHours(localDateTime(instant, settings.timeZone).time, settings.quietStart, settings.quietEnd);
}

/**
 * The instant (epoch ms) to fire for wall clock `minute` on local `day` (epochDay), first
 * resolved to `epochMs`: unchanged outside quiet hours, else quietEnd on the morning the window
 * ends. Works on local day/minute numbers so it needs no Intl lookup beyond the cached
 * resolveLocal. A quietEnd inside a spring-forward gap moves forward with the gap; the loop
 * re-checks in case that lands in quiet hours again (only possible with a window of nearly 24
 * hours) and ends because the next day's quietEnd exists.
 */
function shiftOutOfQuiet(epochMs: number, day: number, minute: number, w: QuietWindow, timeZone: string): number {
  let at = epochMs;
  let d = day;
  let t = minute;
  for (let i = 0; i < 4 && inQuiet(t, w); i++) {
    // In a wrapping window the evening part ends tomorrow morning; otherwise it ends today.
    const endDay = w.start > w.end && t >= w.start ? d + 1 : d;
    const r = resolveLocal(endDay, w.end, timeZone);
    at = r.epochMs;
    const wall = w.end + r.shiftMinutes;
    d = endDay + Math.floor(wall / 1440);
    t = wall - Math.floor(wall / 1440) * 1440;
  }
  return at;
}

/** Moves an instant inside quiet hours to the end of the quiet window (local time), else returns it unchanged. */
export function outOfQuietHours(instant: Date, settings: ReminderSettings): Date {
  const { date, time } = localDateTime(instant, settings.timeZone);
  const at = shiftOutOfQuiet(instant.getTime(), epochDay(date), minutesOfDay(time), quietWindow(settings), settings.timeZone);
  return at === instant.getTime() ? instant : new Date(at);
}

// --- slots -----------------------------------------------------------------------------------

/** A slot before it is placed in time: its kind and its day offset from the due date. */
interface Candidate {
  kind: ReminderKind;
  offset: number;
}

function uniqueSorted(xs: readonly number[]): number[] {
  return [...new Set(xs)].sort((a, b) => a - b);
}

interface Plan {
  candidates: Candidate[];
  w: QuietWindow;
  reminderMinute: number;
}

/*
 * Plans depend only on the settings' values, and a planner pass sees the same few settings
 * (mostly the defaults) thousands of times, each time in a fresh object read from the database.
 * So they are memoised by value: bucketed by the string fields, then compared field by field,
 * which is cheaper than building a key from the arrays. Never by object identity: a caller may
 * change a settings object between calls. Bounded: cleared when full.
 */
interface PlanEntry {
  daysBefore: number[];
  overdueDays: number[];
  overdueWeekly: boolean;
  overdueStopAfterDays: number | null;
  plan: Plan;
}

const PLAN_CACHE_LIMIT = 1_000;
const planBuckets = new Map<string, PlanEntry[]>();
let planCount = 0;

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Checks the settings and lists the candidates in date order; the result is shared, read-only. */
function plan(settings: ReminderSettings): Plan {
  const { daysBefore, overdueDays, overdueWeekly, overdueStopAfterDays } = settings;
  // Not arrays: not memoisable; buildPlan's validation throws.
  if (!Array.isArray(daysBefore) || !Array.isArray(overdueDays)) return buildPlan(settings);
  const key = `${settings.timeZone}|${settings.reminderTime}|${settings.quietStart}|${settings.quietEnd}`;
  let bucket = planBuckets.get(key);
  const entry = bucket?.find(
    (e) =>
      e.overdueWeekly === overdueWeekly &&
      e.overdueStopAfterDays === overdueStopAfterDays &&
      sameNumbers(e.daysBefore, daysBefore) &&
      sameNumbers(e.overdueDays, overdueDays),
  );
  if (entry) return entry.plan;
  const p = buildPlan(settings);
  if (planCount >= PLAN_CACHE_LIMIT) {
    planBuckets.clear();
    planCount = 0;
    bucket = undefined;
  }
  if (!bucket) {
    bucket = [];
    planBuckets.set(key, bucket);
  }
  // Copies: the caller may mutate its arrays later.
  bucket.push({ daysBefore: [...daysBefore], overdueDays: [...overdueDays], overdueWeekly, overdueStopAfterDays, plan: p });
  planCount++;
  return p;
}

function buildPlan(settings: ReminderSettings): Plan {
  const errors = validateReminderSettings(settings);
  if (errors.length > 0) {
    // Settings are validated when the borrower enters them; bad ones here are a bug upstream.
    throw new RangeError(`invalid reminder settings: ${errors.map((e) => e.field).join(', ')}`);
  }
  const candidates: Candidate[] = [];
  const before = uniqueSorted(settings.daysBefore);
  for (let i = before.length - 1; i >= 0; i--) {
    const d = before[i] as number;
    candidates.push({ kind: d === 0 ? 'due' : `before-${d}`, offset: -d });
  }
  // The stop applies to every overdue reminder, not only the weekly ones: "stop after 5 days"
  // must also silence an explicit overdue-7.
  const limit = settings.overdueStopAfterDays ?? OPEN_ENDED_DAYS;
  const overdue = uniqueSorted(settings.overdueDays);
  for (const d of overdue) if (d <= limit) candidates.push({ kind: `overdue-${d}`, offset: d });
  if (settings.overdueWeekly) {
    // With no explicit overdue days, weekly reminders count from the due day itself.
    const last = overdue.length > 0 ? (overdue[overdue.length - 1] as number) : 0;
    for (let d = last + 7; d <= limit; d += 7) candidates.push({ kind: `overdue-${d}`, offset: d });
  }
  return { candidates, w: quietWindow(settings), reminderMinute: minutesOfDay(settings.reminderTime) };
}

/** The fire instant (epoch ms) of the slot on local day `day`. */
function fireAtMs(day: number, reminderMinute: number, w: QuietWindow, timeZone: string): number {
  const r = resolveLocal(day, reminderMinute, timeZone);
  const wall = reminderMinute + r.shiftMinutes;
  const carry = Math.floor(wall / 1440);
  return shiftOutOfQuiet(r.epochMs, day + carry, wall - carry * 1440, w, timeZone);
}

function slotOf(c: Candidate, due: IsoDate, shift: number, fireMs: number): ReminderSlot {
  return { kind: c.kind, localDate: addDays(due, shift + c.offset), fireAt: new Date(fireMs) };
}

// --- the deadline ------------------------------------------------------------------------------

/**
 * The end of a due date in the lender's zone, exclusive: the instant the installment becomes
 * overdue (the deadline is 23:59:59 there). A due date is the lender's calendar date.
 */
export function deadlineEnd(due: IsoDate, lenderTimeZone: string): Date {
  return new Date(resolveLocal(epochDay(due) + 1, 0, lenderTimeZone).epochMs);
}

/**
 * The borrower's local day (epochDay) their due-day reminder belongs to: the day on their calendar
 * on which the lender's deadline falls, or the day before when their reminder time that day would
 * come after the deadline (a borrower in Beijing owing a London lender: 23:59 London is 07:59 the
 * next morning in Beijing, before a 09:00 reminder). Every reminder day counts from it, so
 * overdue reminders always come after the deadline. Without a lender zone, or with the borrower's
 * own, it is the due date itself: the reminder time is always before the day ends.
 */
function anchorDay(due: IsoDate, settings: ReminderSettings, reminderMinute: number, lenderTimeZone: string | undefined): number {
  const dueDay = epochDay(due);
  if (lenderTimeZone === undefined || lenderTimeZone === settings.timeZone) return dueDay;
  const end = resolveLocal(dueDay + 1, 0, lenderTimeZone).epochMs;
  const day = epochDay(localDateTime(new Date(end - 1000), settings.timeZone).date);
  return resolveLocal(day, reminderMinute, settings.timeZone).epochMs >= end ? day - 1 : day;
}

/** The borrower-local date of the due-day reminder (see anchorDay): the due date when the zones agree. */
export function reminderDueDate(due: IsoDate, settings: ReminderSettings, lenderTimeZone?: string): IsoDate {
  return addDays(due, anchorDay(due, settings, minutesOfDay(settings.reminderTime), lenderTimeZone) - epochDay(due));
}

/*
 * Bounds that let nextSlotAfter/latestDueSlot skip slots without resolving them. A slot for
 * local day D fires at D's reminder time or, pushed by quiet hours, by D+1 local (D+2 in the
 * freak case of a near-24-hour quiet window whose open minutes a DST gap skips); UTC offsets
 * stay within ±16 h (±14 h today, a little more for old local mean time). So it fires within
 * [D 00:00 UTC − 1 day, D 00:00 UTC + 4 days); the upper bound keeps a spare day.
 */
const EARLIEST_BEFORE_DAY_MS = DAY_MS;
const LATEST_AFTER_DAY_MS = 5 * DAY_MS;

/**
 * Every reminder slot for an installment due on `due`, in time order (deduplicated, quiet-hours
 * shifted). `lenderTimeZone` is the zone the due date is a date in (the lender's); omitted, the
 * borrower's.
 */
export function reminderSlots(due: IsoDate, settings: ReminderSettings, lenderTimeZone?: string): ReminderSlot[] {
  const { candidates, w, reminderMinute } = plan(settings);
  const anchor = anchorDay(due, settings, reminderMinute, lenderTimeZone);
  const shift = anchor - epochDay(due);
  const slots = candidates.map((c) => slotOf(c, due, shift, fireAtMs(anchor + c.offset, reminderMinute, w, settings.timeZone)));
  // Already in date order (a later local day never fires earlier: every day uses the same
  // rules); the sort is a guard. Equal instants keep the earlier-listed kind: one message.
  slots.sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime());
  return slots.filter((s, i) => i === 0 || s.fireAt.getTime() !== (slots[i - 1] as ReminderSlot).fireAt.getTime());
}

/**
 * The first slot whose fireAt is strictly after `after` (undefined when none is left).
 * Resolves only the slots near `after`: a planner calls this for every installment it touches.
 */
export function nextSlotAfter(due: IsoDate, settings: ReminderSettings, after: Date, lenderTimeZone?: string): ReminderSlot | undefined {
  const { candidates, w, reminderMinute } = plan(settings);
  const anchor = anchorDay(due, settings, reminderMinute, lenderTimeZone);
  const shift = anchor - epochDay(due);
  const t = after.getTime();
  for (const c of candidates) {
    const day = anchor + c.offset;
    if (day * DAY_MS + LATEST_AFTER_DAY_MS <= t) continue; // surely fired already
    const fire = fireAtMs(day, reminderMinute, w, settings.timeZone);
    if (fire > t) return slotOf(c, due, shift, fire);
  }
  return undefined;
}

/**
 * The LATEST slot with since < fireAt <= now: after an outage only the newest missed reminder is
 * worth sending ("due in 3 days" is wrong once it is the due day), so older ones are dropped.
 */
export function latestDueSlot(
  due: IsoDate,
  settings: ReminderSettings,
  since: Date | undefined,
  now: Date,
  lenderTimeZone?: string,
): ReminderSlot | undefined {
  const { candidates, w, reminderMinute } = plan(settings);
  const anchor = anchorDay(due, settings, reminderMinute, lenderTimeZone);
  const shift = anchor - epochDay(due);
  const n = now.getTime();
  for (let i = candidates.length - 1; i >= 0; i--) {
    const c = candidates[i] as Candidate;
    const day = anchor + c.offset;
    if (day * DAY_MS - EARLIEST_BEFORE_DAY_MS > n) continue; // surely still to come
    const fire = fireAtMs(day, reminderMinute, w, settings.timeZone);
    if (fire <= n) return since === undefined || fire > since.getTime() ? slotOf(c, due, shift, fire) : undefined;
  }
  return undefined;
}

/**
 * The due-day reminder of a loan added too late for it: its time has passed but the deadline has
 * not. It is to be sent now, or at the end of quiet hours when it is night (fireAt says when).
 * Undefined when there is no such reminder (the borrower has no due-day reminder, its time is
 * still to come, or the deadline has passed: the overdue reminders take over).
 */
export function lateDueDaySlot(due: IsoDate, settings: ReminderSettings, now: Date, lenderTimeZone?: string): ReminderSlot | undefined {
  const slot = reminderSlots(due, settings, lenderTimeZone).find((s) => s.kind === 'due');
  if (!slot || slot.fireAt.getTime() > now.getTime()) return undefined;
  if (now.getTime() >= deadlineEnd(due, lenderTimeZone ?? settings.timeZone).getTime()) return undefined;
  return { ...slot, fireAt: outOfQuietHours(now, settings) };
}
