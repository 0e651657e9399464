import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { databaseBefore, removeOldDatabases } from '../support/migrations.ts';
import { createTestBot, texts } from '../support/bot.ts';

/*
 * Migration 0003 gives a user two form slots (a long form and a quick one in front of it). A
 * database from before it keeps every open form: a payment confirmation or a setting becomes the
 * quick form, a loan being entered the long one; the borrower's buttons on those old messages still
 * work, and a long form can now open beside the quick one.
 */

afterEach(removeOldDatabases);

/** A database file with only the migrations before 0003 applied, as the previous release left it. */
function databaseBeforeTwoSlots(): { path: string; old: Database.Database } {
  const { path, old, before } = databaseBefore('0003_forms_in_two_slots');
  expect(before).toEqual(['0000_init', '0001_reminder_timetable', '0002_delivery_outbox']);
  return { path, old };
}

const NOW = new Date('2026-11-21T02:00:00Z');

describe('a database from before two form slots', () => {
  it('keeps an open /paid confirmation as a quick form: its Confirm still records, and a loan form opens beside it', async () => {
    const { path, old } = databaseBeforeTwoSlots();
    // The old schema allowed one form per user, without slot or history.
    expect(old.prepare("SELECT name FROM pragma_table_info('form_states')").all()).not.toContainEqual({ name: 'slot' });
    old.exec(`
      INSERT INTO users (id, time_zone, telegram_language, created_at) VALUES (7, 'Asia/Shanghai', 'en', '2026-11-01T00:00:00.000Z');
      INSERT INTO users (id, time_zone, telegram_language, created_at) VALUES (9, 'Asia/Shanghai', 'en', '2026-11-01T00:00:00.000Z');
      INSERT INTO loans (id, user_id, name, principal, method, rate_percent, rate_unit, periods, first_due, policy_preset, created_at)
        VALUES (1, 7, 'car', '1000.00', 'bullet', '0', 'annual', 1, '2027-01-15', 'bank-cn', '2026-11-01T00:00:00.000Z');
      INSERT INTO installments (id, loan_id, n, due_date, principal, interest, fee, payment)
        VALUES (1, 1, 1, '2027-01-15', '1000.00', '0.00', '0.00', '1000.00');
      INSERT INTO form_states (id, user_id, form, step, data, updated_at)
        VALUES (41, 7, 'paid', 'confirm', '{"loanId":1,"amount":"888.49","date":"2026-11-20"}', '2026-11-20T10:00:00.000Z'),
               (42, 9, 'addloan', 'principal', '{"name":"tv"}', '2026-11-20T10:00:00.000Z');`);
    old.close();

    const db = openDatabase(path);
    expect(db.$client.prepare('SELECT id, user_id, slot, form, step, data, history FROM form_states ORDER BY id').all()).toEqual([
      {
        id: 41,
        user_id: 7,
        slot: 'quick',
        form: 'paid',
        step: 'confirm',
        data: '{"loanId":1,"amount":"888.49","date":"2026-11-20"}',
        history: '[]',
      },
      { id: 42, user_id: 9, slot: 'long', form: 'addloan', step: 'principal', data: '{"name":"tv"}', history: '[]' },
    ]);

    const bot = createTestBot({ db, now: NOW });
    // A loan form opens beside the confirmation, which stays open in front of it.
    expect(texts(await bot.say('/addloan', { user: 7 }))).toContain('What is this loan called?');
    expect(db.$client.prepare('SELECT slot, form FROM form_states WHERE user_id = 7 ORDER BY slot').all()).toEqual([
      { slot: 'long', form: 'addloan' },
      { slot: 'quick', form: 'paid' },
    ]);

    // The Confirm button on the borrower's old message.
    const done = texts(await bot.press('paid:41:confirm', { user: 7 }));
    expect(done).toContain('Recorded 888.49 for car.');
    expect(done).toContain('Back to adding a loan:');
    expect(db.$client.prepare('SELECT loan_id, amount, paid_on FROM payments').all()).toEqual([
      { loan_id: 1, amount: '888.49', paid_on: '2026-11-20' },
    ]);
    expect(db.$client.prepare('SELECT paid FROM installments WHERE id = 1').get()).toEqual({ paid: '888.49' });
    // Pressed again, it records nothing more.
    expect(texts(await bot.press('paid:41:confirm', { user: 7 }))).toContain('no longer works');
    expect(db.$client.prepare('SELECT COUNT(*) AS n FROM payments').get()).toEqual({ n: 1 });

    // The other user's loan form, now the long one, takes its next answer.
    expect(texts(await bot.say('3000', { user: 9 }))).toContain('How is it repaid?');
    db.$client.close();
  });

  it('keeps a loan being entered, at its card, as the long form: Save on the old card saves it', async () => {
    const { path, old } = databaseBeforeTwoSlots();
    old.exec(`
      INSERT INTO users (id, time_zone, telegram_language, created_at) VALUES (9, 'Asia/Shanghai', 'en', '2026-11-01T00:00:00.000Z');
      INSERT INTO form_states (id, user_id, form, step, data) VALUES (42, 9, 'addloan', 'confirm',
        '{"name":"tv","principal":"3000.00","method":"annuity","ratePercent":"12","rateUnit":"annual","periods":6,"firstDue":"2027-01-15"}');`);
    old.close();
    const db = openDatabase(path);
    expect(db.$client.prepare('SELECT slot, history FROM form_states').all()).toEqual([{ slot: 'long', history: '[]' }]);
    const bot = createTestBot({ db, now: NOW });
    // A payment card can open in front of it without dropping it (no loan yet: the answer says so).
    expect(texts(await bot.say('/paid', { user: 9 }))).not.toContain('You are in the middle of');
    expect(texts(await bot.press('addloan:42:save', { user: 9 }))).toContain('Saved "tv".');
    expect(db.$client.prepare('SELECT user_id, name, principal, periods FROM loans').all()).toEqual([
      { user_id: 9, name: 'tv', principal: '3000.00', periods: 6 },
    ]);
    expect(db.$client.prepare('SELECT COUNT(*) AS n FROM installments').get()).toEqual({ n: 6 });
    db.$client.close();
  });

  it('keeps an open setting as a quick form: the value typed next is saved', async () => {
    const { path, old } = databaseBeforeTwoSlots();
    old.exec(`
      INSERT INTO users (id, time_zone, telegram_language, created_at) VALUES (7, 'Asia/Shanghai', 'en', '2026-11-01T00:00:00.000Z');
      INSERT INTO form_states (user_id, form, step, data) VALUES (7, 'settings', 'reminderTime', '{}');`);
    old.close();
    const db = openDatabase(path);
    expect(db.$client.prepare('SELECT slot FROM form_states').all()).toEqual([{ slot: 'quick' }]);
    const bot = createTestBot({ db, now: NOW });
    expect(texts(await bot.say('08:30', { user: 7 }))).toContain('Saved. Your reminders follow the new settings.');
    expect(db.$client.prepare('SELECT reminder_time FROM users WHERE id = 7').get()).toEqual({ reminder_time: '08:30' });
    db.$client.close();
  });
});
