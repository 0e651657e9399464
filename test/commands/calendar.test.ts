import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../src/core/types.ts';
import { createTestBot, texts } from '../support/bot.ts';
import { ADDED, CAR, LATE, addLoan, hardshipBot } from '../support/hardship.ts';

/*
 * /calendar as a borrower uses it: the file read back by ical.js as a calendar app would, the
 * feed link and its revocation. The car loan (10,000 over 12 months from 2027-01-15) is added on
 * 2027-01-10; its installments are 888.49.
 */

const decoder = new TextDecoder();
const WEBHOOK = { WEBHOOK_URL: 'https://bot.example.com/telegram', WEBHOOK_SECRET: 'secret_1' };

function icsOf(messages: OutgoingMessage[]): string {
  const file = messages.find((m) => m.file)?.file;
  if (!file) throw new Error(`no file in: ${texts(messages)}`);
  expect([file.kind, file.mime]).toEqual(['document', 'text/calendar; charset=utf-8']);
  return decoder.decode(file.content);
}

function eventsOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      date: event.startDate.toString(),
      allDay: event.startDate.isDate,
      summary: event.summary,
      description: event.description,
      alarmsAt: component.getAllSubcomponents('valarm').map((alarm) => {
        const at = event.startDate.clone();
        at.isDate = false;
        at.addDuration(alarm.getFirstPropertyValue('trigger') as ICAL.Duration);
        return at.toString();
      }),
    };
  });
}

const feedToken = (text: string): string => {
  const match = /webcal:\/\/bot\.example\.com\/ics\/([A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no feed URL in: ${text}`);
  return match[1];
};

describe('/calendar', () => {
  it('with no loans: a clear message in each language, no file', async () => {
    const bot = createTestBot();
    const replies = await bot.say('/calendar');
    expect(replies.some((m) => m.file)).toBe(false);
    expect(texts(replies)).toContain('There is nothing to put in a calendar');
    expect(texts(await bot.say('/calendar', { lang: 'zh-CN' }))).toContain('没有可以加入日历的内容');
    expect(texts(await bot.say('/calendar', { lang: 'zh-TW' }))).toContain('沒有可以加入日曆的內容');
  });

  it('every open installment as an all-day event on its due date, amount and loan in the title, alarms at 09:00 3 days, 1 day before and on the day', async () => {
    const bot = hardshipBot({ now: ADDED });
    await addLoan(bot, CAR);
    const replies = await bot.say('/calendar');
    expect(replies[0]?.text).toContain('12 open installments of one loan');
    expect(replies[0]?.file?.filename).toBe('repayments-2027-01-10.ics');
    const events = eventsOf(icsOf(replies));
    expect(events).toHaveLength(12);
    expect(events.map((e) => e.date)).toEqual([
      '2027-01-15',
      '2027-02-15',
      '2027-03-15',
      '2027-04-15',
      '2027-05-15',
      '2027-06-15',
      '2027-07-15',
      '2027-08-15',
      '2027-09-15',
      '2027-10-15',
      '2027-11-15',
      '2027-12-15',
    ]);
    expect(events.every((e) => e.allDay)).toBe(true);
    expect(events[0]?.summary).toBe('Repay 888.49 · car');
    expect(events[0]?.description).toContain('car: installment 1 of 12, due 2027-01-15');
    expect(events[0]?.alarmsAt).toEqual(['2027-01-12T09:00:00', '2027-01-14T09:00:00', '2027-01-15T09:00:00']);
    expect(new Set(events.map((e) => e.uid)).size).toBe(12);
  });

  it('the same installment keeps its UID in a later file; paid ones leave, a part-paid one shows what is left', async () => {
    const bot = hardshipBot({ now: ADDED });
    await addLoan(bot, CAR);
    const before = eventsOf(icsOf(await bot.say('/calendar')));
    await bot.say('/paid car 888.49');
    await bot.pressLabel('Confirm');
    await bot.say('/paid car 88.49');
    await bot.pressLabel('Confirm');
    bot.clock.set(new Date('2027-01-20T08:00:00+08:00'));
    const after = eventsOf(icsOf(await bot.say('/calendar')));
    expect(after).toHaveLength(11);
    expect(after[0]?.uid).toBe(before[1]?.uid);
    expect(after[0]?.summary).toBe('Repay 800.00 · car');
    expect(after.map((e) => e.uid)).toEqual(before.slice(1).map((e) => e.uid));
  });

  it('an overdue installment shows what settles it today, penalty included', async () => {
    const bot = hardshipBot({ now: ADDED });
    await addLoan(bot, CAR);
    bot.clock.set(new Date(LATE));
    const [first] = eventsOf(icsOf(await bot.say('/calendar')));
    expect(first?.date).toBe('2027-01-15');
    expect(first?.summary).toBe('Repay 897.82 · car');
    expect(first?.description).toContain('9.33 of penalty and late fees');
  });

  it('in Chinese: localized titles, in both scripts', async () => {
    const bot = hardshipBot({ now: ADDED });
    await addLoan(bot, CAR);
    const hans = eventsOf(icsOf(await bot.say('/calendar', { lang: 'zh-CN' })));
    expect(hans[0]?.summary).toBe('还款 888.49 · car');
    expect(hans[0]?.description).toContain('第 1 期，共 12 期');
    const hant = eventsOf(icsOf(await bot.say('/calendar', { lang: 'zh-TW' })));
    expect(hant[0]?.summary).toBe('還款 888.49 · car');
  });

  it('alarms follow /settings: another time and other days; none while reminders are paused', async () => {
    const bot = hardshipBot({ now: ADDED });
    await addLoan(bot, CAR);
    bot.runtime.services.forUser(1, bot.clock.now()).settings.change({ reminderTime: '20:30', daysBefore: [2] }, bot.clock.now());
    expect(eventsOf(icsOf(await bot.say('/calendar')))[0]?.alarmsAt).toEqual(['2027-01-13T20:30:00']);
    bot.runtime.services.forUser(1, bot.clock.now()).settings.change({ remindersPaused: true }, bot.clock.now());
    expect(eventsOf(icsOf(await bot.say('/calendar')))[0]?.alarmsAt).toEqual([]);
  });

  it('a paid-off loan: nothing to put in a calendar', async () => {
    const bot = hardshipBot({ now: ADDED });
    await addLoan(bot, 'phone 1000 1 months 0% annuity first 2027-01-15');
    await bot.say('/paid phone 1000');
    await bot.pressLabel('Confirm');
    const replies = await bot.say('/calendar');
    expect(replies.some((m) => m.file)).toBe(false);
    expect(texts(replies)).toContain('There is nothing to put in a calendar');
  });

  it('a 600-period loan and a name with emoji and Chinese come through whole', async () => {
    const bot = hardshipBot({ now: ADDED });
    await addLoan(bot, 'house 600000 600 months 4.9% annuity first 2027-01-15');
    const name = '🏠房贷💸, 工行; "a\\b"';
    const loan = bot.runtime.services.forUser(1, bot.clock.now()).loans.list()[0]?.loan;
    if (!loan) throw new Error('no loan');
    bot.db.$client.prepare('update loans set name = ? where id = ?').run(name, loan.id);
    const events = eventsOf(icsOf(await bot.say('/calendar')));
    expect(events).toHaveLength(600);
    expect(events.at(-1)?.date).toBe('2076-12-15');
    expect(events[0]?.summary).toMatch(new RegExp(`^Repay [0-9,]+\\.\\d\\d · ${name.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}$`));
  });

  it('/calendar with a word it does not know: how to use it', async () => {
    const bot = createTestBot();
    expect(texts(await bot.say('/calendar tomorrow'))).toContain('Send /calendar for a calendar file');
  });
});

describe('/calendar feed', () => {
  it('without the webhook server: says so, no link', async () => {
    const bot = createTestBot();
    const text = texts(await bot.say('/calendar feed'));
    expect(text).toContain('needs the bot');
    expect(text).not.toContain('webcal://');
  });

  it('gives a private webcal link that serves the current schedule of its owner only; revoke and a new link turn the old one off', async () => {
    const bot = hardshipBot({ now: ADDED, env: WEBHOOK });
    await addLoan(bot, CAR);
    await addLoan(bot, 'phone 3000 3 months 0% annuity first 2027-02-01', 'en');
    const token = feedToken(texts(await bot.say('/calendar feed')));
    expect(token).toHaveLength(43);
    const served = eventsOf(bot.runtime.calendarFeed(token) ?? '');
    expect(served).toHaveLength(15);
    // It follows the schedule: a payment is gone from it at the next read.
    await bot.say('/paid car 888.49');
    await bot.pressLabel('Confirm');
    expect(eventsOf(bot.runtime.calendarFeed(token) ?? '')).toHaveLength(14);
    // A forged token, a near miss and garbage: nothing.
    expect(bot.runtime.calendarFeed('A'.repeat(43))).toBeUndefined();
    expect(bot.runtime.calendarFeed(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeUndefined();
    expect(bot.runtime.calendarFeed('../../etc/passwd')).toBeUndefined();
    // A new link replaces the old one.
    const second = feedToken(texts(await bot.say('/calendar feed')));
    expect(second).not.toBe(token);
    expect(bot.runtime.calendarFeed(token)).toBeUndefined();
    expect(bot.runtime.calendarFeed(second)).toBeDefined();
    expect(texts(await bot.say('/calendar revoke'))).toContain('turned off');
    expect(bot.runtime.calendarFeed(second)).toBeUndefined();
    expect(texts(await bot.say('/calendar revoke'))).toContain('no calendar link');
  });

  it('never serves another user: each token is its owner’s, in the owner’s language', async () => {
    const bot = hardshipBot({ now: ADDED, env: WEBHOOK });
    await bot.say('/addloan car 10000 12 months 12% annuity first 2027-01-15', { user: 1 });
    await bot.pressLabel('Save', { user: 1 });
    await bot.say('/addloan 车贷 5000 6 months 0% annuity first 2027-03-01', { user: 2, lang: 'zh-CN' });
    await bot.pressLabel('保存', { user: 2 });
    const one = feedToken(texts(await bot.say('/calendar feed', { user: 1 })));
    const two = feedToken(texts(await bot.say('/calendar feed', { user: 2, lang: 'zh-CN' })));
    const first = eventsOf(bot.runtime.calendarFeed(one) ?? '');
    const second = eventsOf(bot.runtime.calendarFeed(two) ?? '');
    expect(first).toHaveLength(12);
    expect(first.slice(0, 11).map((e) => e.summary)).toEqual(Array(11).fill('Repay 888.49 · car'));
    expect(second).toHaveLength(6);
    expect(second[0]?.summary).toBe('还款 833.33 · 车贷');
    expect(second.every((e) => e.summary.endsWith(' · 车贷'))).toBe(true);
    // User 2 revoking theirs leaves user 1's working.
    await bot.say('/calendar revoke', { user: 2, lang: 'zh-CN' });
    expect(bot.runtime.calendarFeed(two)).toBeUndefined();
    expect(bot.runtime.calendarFeed(one)).toBeDefined();
  });
});
