import { describe, expect, it } from 'vitest';
import { isQuiet, DEFAULT_REMINDER_SETTINGS } from '../../src/domain/reminder-times.ts';
import {
  addLoan,
  CAR,
  createReminderBot,
  HOUR_MS,
  localStamp,
  setUser,
  startJsonlSession,
  type ReminderBot,
} from '../support/reminders.ts';

/*
 * A loan's life with the clock moved an hour at a time: 10,000 over 12 months, annuity, first due
 * 2027-01-15 (a Friday); default settings: 09:00, 3/1/0 days before, +1/+3/+7 then weekly, quiet
 * 21:00–08:00. Reminders must land on 01-12, 01-14, 01-15, 01-16, 01-18, 01-22, 01-29 at 09:00
 * the borrower's time, each exactly once.
 */

const EXPECTED_DAYS = ['2027-01-12', '2027-01-14', '2027-01-15', '2027-01-16', '2027-01-18', '2027-01-22', '2027-01-29'];
const FROM = '2027-01-10T00:00:00Z';
const TO = '2027-01-30T23:00:00Z';

const quiet = (at: Date, timeZone: string) => isQuiet(at, { ...DEFAULT_REMINDER_SETTINGS, timeZone });

async function shanghaiBorrower(): Promise<ReminderBot> {
  const bot = createReminderBot({ now: '2027-01-10T08:00:00+08:00' });
  await addLoan(bot, CAR);
  return bot;
}

describe('a loan’s life, ticking every hour (in process)', () => {
  it('reminds on the configured days at 09:00 Shanghai time, each once, never in quiet hours', async () => {
    const bot = await shanghaiBorrower();
    const sent = await bot.ticks(FROM, TO);
    expect(sent.map((d) => localStamp(d.at, 'Asia/Shanghai'))).toEqual(EXPECTED_DAYS.map((day) => `${day} 09:00`));
    expect(sent.map((d) => d.at.toISOString())).toEqual(EXPECTED_DAYS.map((day) => `${day}T01:00:00.000Z`));
    expect(sent.every((d) => d.message.chatId === 1)).toBe(true);
    expect(sent.some((d) => quiet(d.at, 'Asia/Shanghai'))).toBe(false);
  });

  it('says what a borrower needs on each day: days left, due today, then days overdue with the penalty', async () => {
    const bot = await shanghaiBorrower();
    const sent = await bot.ticks(FROM, TO);
    const text = (i: number) => sent[i]?.message.text ?? '';
    expect(text(0)).toContain('car: 888.49 due 2027-01-15 (Fri), in 3 days (installment 1 of 12)');
    expect(text(1)).toContain('car: 888.49 due tomorrow, 2027-01-15 (Fri)');
    expect(text(2)).toContain('car: 888.49 due TODAY, 2027-01-15 (Fri)');
    expect(text(4)).toContain('was due 2027-01-15 (Fri), 3 days ago');
    expect(text(6)).toContain('was due 2027-01-15 (Fri), 14 days ago');
    expect(text(6)).toContain('Penalty so far');
    expect(text(6)).toContain("Can't pay now?");
    // Paid / Snooze / Schedule under every reminder; once overdue, "I'll pay on…" (a promise to pay) too.
    for (const [i, d] of sent.entries()) {
      const promise = i >= 3 ? ["🤝 I'll pay on…"] : [];
      expect(d.message.buttons?.flat().map((b) => b.label)).toEqual(['✅ Paid', ...promise, 'Later today', 'Tomorrow', 'Schedule']);
    }
  });

  it('a day overdue reads "yesterday" (or "1 day ago"), not "1 days ago"', async () => {
    const bot = await shanghaiBorrower();
    const [overdueOne] = await bot.ticks('2027-01-16T01:00:00Z', '2027-01-16T01:00:00Z');
    expect(overdueOne?.message.text).toMatch(/was due 2027-01-15 \(Fri\), (yesterday|1 day ago)/);
    expect(overdueOne?.message.text).not.toContain('1 days');
  });

  it('a second tick at the same instant sends nothing', async () => {
    const bot = await shanghaiBorrower();
    expect(await bot.tick('2027-01-12T09:00:00+08:00')).toHaveLength(1);
    expect(await bot.tick('2027-01-12T09:00:00+08:00')).toHaveLength(0);
    expect(await bot.tick('2027-01-12T09:30:00+08:00')).toHaveLength(0);
    expect(await bot.tick('2027-01-13T09:00:00+08:00')).toHaveLength(0);
  });

  it('paying on the due day stops the overdue reminders', async () => {
    const bot = await shanghaiBorrower();
    const before = await bot.ticks(FROM, '2027-01-15T03:00:00Z');
    expect(before.map((d) => localStamp(d.at, 'Asia/Shanghai'))).toEqual(['2027-01-12 09:00', '2027-01-14 09:00', '2027-01-15 09:00']);

    bot.clock.set(new Date('2027-01-15T12:00:00+08:00'));
    await bot.say('/paid');
    expect((await bot.pressLabel('Confirm')).map((m) => m.text).join('\n')).toContain('Recorded 888.49 for car.');

    const after = await bot.ticks('2027-01-15T04:00:00Z', TO);
    expect(after).toEqual([]);
    // The next installment (due 2027-02-15) is still reminded, three days before.
    const february = await bot.ticks('2027-02-11T00:00:00Z', '2027-02-12T23:00:00Z');
    expect(february.map((d) => localStamp(d.at, 'Asia/Shanghai'))).toEqual(['2027-02-12 09:00']);
    expect(february[0]?.message.text).toContain('installment 2 of 12');
  });

  it('a borrower in Europe/London gets theirs at 09:00 London time', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00Z' });
    await bot.say('/start');
    setUser(bot, 1, { timeZone: 'Europe/London' });
    await addLoan(bot, CAR);
    const sent = await bot.ticks(FROM, TO);
    expect(sent.map((d) => localStamp(d.at, 'Europe/London'))).toEqual(EXPECTED_DAYS.map((day) => `${day} 09:00`));
    // London is on GMT in January: 09:00 there is 09:00Z, eight hours after Shanghai's.
    expect(sent.map((d) => d.at.toISOString())).toEqual(EXPECTED_DAYS.map((day) => `${day}T09:00:00.000Z`));
    expect(sent.some((d) => quiet(d.at, 'Europe/London'))).toBe(false);
  });

  it('across a daylight-saving change (New York, clocks forward 2027-03-14) it stays 09:00 local', async () => {
    const bot = createReminderBot({ now: '2027-03-01T12:00:00Z' });
    await bot.say('/start');
    setUser(bot, 1, { timeZone: 'America/New_York' });
    await addLoan(bot, 'car 10000 12 months 12% annuity first 2027-03-15');
    const sent = await bot.ticks('2027-03-10T00:00:00Z', '2027-03-17T00:00:00Z');
    expect(sent.map((d) => localStamp(d.at, 'America/New_York'))).toEqual([
      '2027-03-12 09:00',
      '2027-03-14 09:00',
      '2027-03-15 09:00',
      '2027-03-16 09:00',
    ]);
    expect(sent.map((d) => d.at.toISOString().slice(11, 16))).toEqual(['14:00', '13:00', '13:00', '13:00']);
  });

  it('two borrowers in different zones, one database: each gets their own 09:00', async () => {
    const bot = createReminderBot({ now: '2027-01-10T08:00:00Z' });
    await addLoan(bot, CAR, { user: 1 });
    await bot.say('/start', { user: 2 });
    setUser(bot, 2, { timeZone: 'Europe/London' });
    await addLoan(bot, CAR, { user: 2 });
    const sent = await bot.ticks('2027-01-12T00:00:00Z', '2027-01-12T23:00:00Z');
    expect(sent.map((d) => [d.message.chatId, d.at.toISOString()])).toEqual([
      [1, '2027-01-12T01:00:00.000Z'],
      [2, '2027-01-12T09:00:00.000Z'],
    ]);
  });
});

describe('a loan’s life through the JSON-lines transport', () => {
  it('tick lines bring each reminder once, on the configured days at 09:00 local, and /paid stops them', async () => {
    const session = startJsonlSession('2027-01-10T08:00:00+08:00');
    try {
      const card = await session.send({ user: 7, text: `/addloan ${CAR}` });
      const save = card.flatMap((m) => m.buttons?.flat() ?? []).find((b) => b.label === 'Save');
      expect(save).toBeDefined();
      await session.send({ user: 7, callback: save?.data ?? '' });

      const arrived: { at: string; chat: number | undefined; text: string }[] = [];
      const tickHours = async (from: string, to: string) => {
        for (let t = Date.parse(from); t <= Date.parse(to); t += HOUR_MS) {
          const at = new Date(t).toISOString();
          for (const m of await session.tick(at)) arrived.push({ at, chat: m.chat, text: m.text ?? '' });
          // The same instant again (a second cron process, a repeated line) brings nothing new.
          expect(await session.tick(at)).toEqual([]);
        }
      };
      await tickHours(FROM, '2027-01-15T03:00:00Z');
      expect(arrived.map((a) => a.at)).toEqual(['2027-01-12T01:00:00.000Z', '2027-01-14T01:00:00.000Z', '2027-01-15T01:00:00.000Z']);
      expect(arrived.every((a) => a.chat === 7)).toBe(true);
      expect(arrived[2]?.text).toContain('due TODAY');

      const confirm = await session.send({ user: 7, text: '/paid' });
      const confirmButton = confirm.flatMap((m) => m.buttons?.flat() ?? []).find((b) => b.label === 'Confirm');
      expect((await session.send({ user: 7, callback: confirmButton?.data ?? '' }))[0]?.text).toContain('Recorded 888.49');
      await tickHours('2027-01-15T04:00:00Z', TO);
      expect(arrived).toHaveLength(3);
    } finally {
      await session.close();
    }
  });

  it('without payment the reminders escalate through the overdue follow-ups', async () => {
    const session = startJsonlSession('2027-01-10T08:00:00+08:00');
    try {
      const card = await session.send({ user: 1, text: `/addloan ${CAR}` });
      const save = card.flatMap((m) => m.buttons?.flat() ?? []).find((b) => b.label === 'Save');
      await session.send({ user: 1, callback: save?.data ?? '' });
      const days: string[] = [];
      for (let t = Date.parse(FROM); t <= Date.parse(TO); t += HOUR_MS) {
        const out = await session.tick(new Date(t).toISOString());
        if (out.length > 0) days.push(`${localStamp(new Date(t), 'Asia/Shanghai')} ×${out.length}`);
      }
      expect(days).toEqual(EXPECTED_DAYS.map((day) => `${day} 09:00 ×1`));
    } finally {
      await session.close();
    }
  });
});
