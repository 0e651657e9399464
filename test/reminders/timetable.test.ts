import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { users } from '../../src/db/schema.ts';
import { TIMETABLE_HORIZON_DAYS } from '../../src/services/reminder-timetable.ts';
import { setLoanReminders } from '../../src/services/loans.ts';
import { addLoan, capturingLogger, createReminderBot, timetableOf, localStamp, setUser } from '../support/reminders.ts';

/*
 * How the planner keeps track of what to look at next (reminder_timetable): far-off installments
 * are looked at again within the horizon without anyone noticing, a re-plan retires the old
 * rows, a paused loan has none, and a database from before the table existed keeps every
 * reminder it had planned.
 */

const DAY_MS = 86_400_000;
const days = (stamps: string[]) => stamps.map((stamp) => stamp.slice(0, 10));

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('an installment months away', () => {
  it('is looked at again within the horizon, and its reminders still come on their days at 09:00', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, 'tv 3000 6 months 12% annuity first 2027-06-15');
    const [first] = timetableOf(bot.db, 1);
    expect(Date.parse(first?.fireAt ?? '') - bot.clock.now().getTime()).toBeLessThanOrEqual(TIMETABLE_HORIZON_DAYS * DAY_MS);

    const sent = await bot.ticks('2027-01-10T01:00:00Z', '2027-06-15T12:00:00Z', 3 * 3_600_000);
    expect(sent.map((d) => localStamp(d.at, 'Asia/Shanghai'))).toEqual(['2027-06-12 09:00', '2027-06-14 09:00', '2027-06-15 09:00']);
  });

  it('a look-again before a reminder day does not bring back a reminder from before the loan was added', async () => {
    const bot = createReminderBot({ now: '2027-01-10T10:00:00+08:00' });
    // Reminded 30 days before and on the due day; the loan is added 29 days before it, so the
    // 30-days-before reminder is already past and the due-day one is beyond the horizon: the
    // planner looks again after 28 days, when the latest reminder time behind it is that
    // 30-days-before one.
    await bot.say('/start');
    setUser(bot, 1, { daysBefore: [30, 0] });
    await addLoan(bot, 'fridge 2000 1 month 12% annuity first 2027-02-08');
    const [lookAgain] = timetableOf(bot.db, 1);
    expect(lookAgain?.kind).toBe('look-again');
    expect(lookAgain && lookAgain.fireAt < '2027-02-08T01:00:00.000Z').toBe(true);
    const sent = await bot.ticks('2027-01-10T03:00:00Z', '2027-02-08T12:00:00Z', 3_600_000);
    expect(sent.map((d) => localStamp(d.at, 'Asia/Shanghai'))).toEqual(['2027-02-08 09:00']);
  });
});

describe('re-planning', () => {
  it('a payment retires the old timetable: no reminder for what was paid, the next one keeps its days', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, 'car 10000 12 months 12% annuity first 2027-01-15');
    const before = timetableOf(bot.db, 1);
    expect(before.filter((row) => row.dueDate === '2027-01-15').map((row) => row.kind)).toEqual([
      'before-3',
      'before-1',
      'due',
      'overdue-1',
      'overdue-3',
      'overdue-7',
      'overdue-14',
      'overdue-21',
      'look-again',
    ]);
    await bot.say('/paid');
    await bot.pressLabel('Confirm');
    const after = timetableOf(bot.db, 1);
    expect(after.some((row) => row.dueDate === '2027-01-15')).toBe(false);
    expect(after.every((row) => row.version > (before[0]?.version ?? 0))).toBe(true);
    const sent = await bot.ticks('2027-01-10T02:00:00Z', '2027-02-15T12:00:00Z');
    expect(days(sent.map((d) => localStamp(d.at, 'Asia/Shanghai')))).toEqual(['2027-02-12', '2027-02-14', '2027-02-15']);
  });

  it('a re-plan after a reminder’s time but before the pass that sends it does not lose it', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, 'car 10000 12 months 12% annuity first 2027-01-15');
    await addLoan(bot, 'phone 6000 6 months 12% annuity first 2027-02-20');
    // 09:00 on 01-12 comes (the car's 3-days-before) but no pass has run yet when, at 09:01, the
    // borrower pays towards the phone: every row is re-planned.
    bot.clock.set(new Date('2027-01-12T09:01:00+08:00'));
    await bot.say('/paid phone 100');
    await bot.pressLabel('Confirm');
    const sent = await bot.tick('2027-01-12T09:02:00+08:00');
    expect(sent.map((d) => d.message.text)).toEqual([expect.stringContaining('car: 888.49 due 2027-01-15 (Fri), in 3 days')]);
    // And it is the only one: the next reminders come on their days.
    const later = await bot.ticks('2027-01-12T02:00:00Z', '2027-01-14T12:00:00Z');
    expect(later.map((d) => localStamp(d.at, 'Asia/Shanghai'))).toEqual(['2027-01-14 09:00']);
  });

  it('pausing one loan leaves it out of the timetable; resuming plans its reminders from then on', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
    await addLoan(bot, 'car 10000 12 months 12% annuity first 2027-01-15');
    await addLoan(bot, 'phone 6000 6 months 12% annuity first 2027-01-20');
    const car = 1;
    expect(setLoanReminders(bot.db, 1, car, true, bot.clock.now(), 'Asia/Shanghai')).toBe(true);
    expect(new Set(timetableOf(bot.db, 1).map((p) => p.dueDate.slice(8)))).toEqual(new Set(['20']));

    // The car's 01-12, 01-14 and 01-15 reminders do not come (the phone's first is on 01-17).
    expect(await bot.ticks('2027-01-10T02:00:00Z', '2027-01-15T23:00:00Z')).toEqual([]);

    setLoanReminders(bot.db, 1, car, false, bot.clock.now(), 'Asia/Shanghai');
    // Resumed on 01-16 at 07:00, a day after the car's due date: its follow-ups (+1 today, +3)
    // come from then on, with the phone's 3-days-before on 01-17 between them.
    const resumed = await bot.ticks('2027-01-16T00:00:00Z', '2027-01-18T12:00:00Z');
    expect(resumed.map((d) => localStamp(d.at, 'Asia/Shanghai'))).toEqual(['2027-01-16 09:00', '2027-01-17 09:00', '2027-01-18 09:00']);
    expect(resumed.map((d) => (d.message.text.includes('car') ? 'car' : 'phone'))).toEqual(['car', 'phone', 'car']);
  });
});

describe('one user’s broken settings', () => {
  it('are logged with the user’s id when their installments are next planned, and everyone else is reminded as usual', async () => {
    const { logger, records } = capturingLogger();
    const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00', logger });
    await addLoan(bot, 'car 10000 12 months 12% annuity first 2027-03-15', { user: 1 });
    await addLoan(bot, 'car 10000 12 months 12% annuity first 2027-03-15', { user: 2 });
    // Not possible through /settings (it refuses unknown zones); a hand-edited database could.
    bot.db.update(users).set({ timeZone: 'Mars/Olympus_Mons' }).where(eq(users.id, 2)).run();

    // Both were planned four weeks ahead when the loans were added; at the look-again (02-07)
    // user 2's installments cannot be planned.
    const sent = await bot.ticks('2027-01-10T01:00:00Z', '2027-03-12T01:00:00Z', 86_400_000);
    expect(sent.map((d) => [d.message.chatId, localStamp(d.at, 'Asia/Shanghai')])).toEqual([[1, '2027-03-12 09:00']]);
    expect(records).toContainEqual(expect.objectContaining({ level: 50, userId: 2 }));
    expect(records.filter((r) => r.level === 50).every((r) => r.userId === 2)).toBe(true);
  });
});

describe('a database from before reminder_timetable existed', () => {
  it('keeps each installment’s next reminder through the migration, and sends it on time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'repaybot-migrate-'));
    dirs.push(dir);
    const path = join(dir, 'old.db');
    // The schema as the first release left it: only the first migration.
    const drizzleDir = fileURLToPath(new URL('../../drizzle/', import.meta.url));
    const firstOnly = join(dir, 'drizzle');
    mkdirSync(join(firstOnly, 'meta'), { recursive: true });
    copyFileSync(join(drizzleDir, '0000_init.sql'), join(firstOnly, '0000_init.sql'));
    const journal = JSON.parse(readFileSync(join(drizzleDir, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    writeFileSync(join(firstOnly, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));
    const old = new Database(path);
    migrate(drizzle(old), { migrationsFolder: firstOnly });
    old.exec(`
      INSERT INTO users (id, time_zone, created_at) VALUES (7, 'Asia/Shanghai', '2027-01-01T00:00:00.000Z');
      INSERT INTO loans (id, user_id, name, principal, method, rate_percent, rate_unit, periods, first_due, policy_preset, created_at)
        VALUES (1, 7, 'car', '1000.00', 'bullet', '0', 'annual', 1, '2027-01-15', 'bank-cn', '2027-01-01T00:00:00.000Z');
      INSERT INTO installments (id, loan_id, n, due_date, principal, interest, fee, payment, next_reminder_at)
        VALUES (1, 1, 1, '2027-01-15', '1000.00', '0.00', '0.00', '1000.00', '2027-01-12T01:00:00.000Z');`);
    old.close();

    const db = openDatabase(path);
    // The pending instant becomes a look-again there: that pass plans the installment again.
    expect(timetableOf(db, 7)).toEqual([
      { fireAt: '2027-01-12T01:00:00.000Z', installmentId: 1, kind: 'look-again', dueDate: '2027-01-15', userId: 7, version: 0 },
    ]);
    const bot = createReminderBot({ db, now: '2027-01-11T00:00:00Z' });
    const sent = await bot.ticks('2027-01-11T00:00:00Z', '2027-01-12T12:00:00Z');
    expect(sent.map((d) => [d.message.chatId, localStamp(d.at, 'Asia/Shanghai')])).toEqual([[7, '2027-01-12 09:00']]);
    expect(sent[0]?.message.text).toContain('car');
    db.$client.close();
  });
});
